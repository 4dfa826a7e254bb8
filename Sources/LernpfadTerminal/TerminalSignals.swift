import Glibc
import Synchronization

/// The number of the first terminating signal received while ``TerminalSignals`` is installed,
/// or 0.
///
/// This is the one piece of global mutable state in the terminal layer, and signal handling
/// requires it: a signal handler receives no context, so whatever it records must live at a fixed
/// address. It is an `Atomic` in a global `let` because that is the only thing the handler may
/// touch: a lock-free atomic store is async-signal-safe, whereas a global `var` would go through
/// Swift's dynamic exclusivity checks (thread-local bookkeeping) and a lock or an allocation is
/// never safe in a handler. ``TerminalSignals/install()`` reads it once before installing the
/// handler, so its lazy initialisation has finished before the handler can run.
private let receivedSignal = Atomic<Int32>(0)

/// The handler for the terminating signals: it only records the signal. Everything else
/// (restoring the terminal, ending the process) happens outside the handler, because `endwin()`
/// and `exit()` are not async-signal-safe.
private func recordSignal(_ signal: Int32) {
    _ = receivedSignal.compareExchange(expected: 0, desired: signal, ordering: .relaxed)
}

/// Graceful handling of `SIGTERM`, `SIGHUP` and `SIGINT` while curses owns the terminal.
///
/// The approach is a flag, checked by polling:
///
/// 1. ``install()`` sets a handler for the three signals that only records the signal number in
///    an atomic (the one async-signal-safe thing to do) and returns. `SA_RESTART` is set, so file
///    writes and `flock` elsewhere in the program are not interrupted with `EINTR`.
/// 2. ``TerminalScreen/nextKey(timeoutMilliseconds:)`` waits for input in short slices (at most
///    100 ms each, and `poll` inside curses is cut short by the signal anyway) and checks
///    ``pendingSignal`` before each slice. When one is pending it calls ``TerminalScreen/stop()``,
///    which restores the terminal (`endwin()`) and then calls ``uninstall()``.
/// 3. ``uninstall()`` puts the default handling back and, if a signal arrived meanwhile, raises it
///    again, so the process ends the way the signal asks and the shell reports status 128 plus
///    the signal number. If raising does not end the process, it exits with that status.
///
/// The application saves every event when it happens, so nothing else needs doing on the way
/// out. `SIGWINCH` is left to curses, which turns it into a `KEY_RESIZE` key. A signal that was
/// ignored when ``install()`` ran (as under `nohup`) stays ignored; but a terminal that goes away
/// without a `SIGHUP` arriving is recorded as one by the key loop (``recordHangUp()``), so the
/// process still ends instead of waiting for input that can never come.
///
/// ``TerminalScreen`` installs and uninstalls these handlers itself; call ``install()`` directly
/// only to get the same handling without a screen. Installing before curses starts also keeps
/// curses from setting its own `SIGINT` and `SIGTERM` handlers, which call `endwin()` inside the
/// handler.
public enum TerminalSignals {
    /// The signals handled: terminate, hang-up (the terminal window was closed) and interrupt
    /// (a `kill -INT`; Ctrl-C itself arrives as a key because the terminal is in raw mode).
    public static let handled: [Int32] = [SIGTERM, SIGHUP, SIGINT]

    /// Installs the recording handler for each of ``handled`` that is not being ignored.
    /// Installing twice does no harm.
    public static func install() {
        _ = receivedSignal.load(ordering: .relaxed)
        // A parent may have started us with these blocked (test runners do); then a resize or a
        // SIGTERM would never arrive. Unblock them, SIGWINCH included, on this (the main) thread.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in handled + [SIGWINCH] { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = recordSignal
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        for signal in handled { sigaddset(&action.sa_mask, signal) }
        for signal in handled {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0, !isIgnored(current) else { continue }
            sigaction(signal, &action, nil)
        }
    }

    /// Restores the default handling of each of ``handled`` that still has the recording
    /// handler. If a signal arrived while installed, it is delivered now, which ends the process
    /// (see ``TerminalSignals``); so restore the terminal first.
    public static func uninstall() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        for signal in handled {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0, isRecordingHandler(current) else { continue }
            sigaction(signal, &action, nil)
        }
        if let signal = pendingSignal { endProcess(with: signal) }
    }

    /// Records a hang-up as if `SIGHUP` had arrived, for a terminal found gone without one (the
    /// signal is ignored, or the parent took it): the key loop then ends the process the same way.
    static func recordHangUp() {
        recordSignal(SIGHUP)
    }

    /// The first signal received since ``install()``, or `nil`. Long-running work can check it
    /// and return to the key loop early; the key loop acts on it.
    public static var pendingSignal: Int32? {
        let signal = receivedSignal.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// Ends the process as `signal` asks: raises it with the default handling and, should that
    /// not end the process (the signal is blocked on this thread), exits with 128 + `signal`.
    private static func endProcess(with signal: Int32) -> Never {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, signal)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        raise(signal)
        exit(128 + signal)
    }

    /// Whether `action` ignores its signal.
    private static func isIgnored(_ action: sigaction) -> Bool {
        address(of: action.__sigaction_handler.sa_handler) == address(of: SIG_IGN)
    }

    /// Whether `action` is the recording handler installed by ``install()``.
    private static func isRecordingHandler(_ action: sigaction) -> Bool {
        address(of: action.__sigaction_handler.sa_handler) == address(of: recordSignal)
    }

    /// The address of a C signal handler, for comparing handlers.
    private static func address(of handler: (@convention(c) (Int32) -> Void)?) -> UInt {
        unsafeBitCast(handler, to: UInt.self)
    }
}
