import Glibc

/// The terminal settings from before curses, at a fixed address for the crash handler. Written once by
/// ``TerminalCrashGuard/install()`` before any handler can run, read only inside the handler; global, like
/// ``TerminalSignals``' atomic, because a signal handler gets no context.
nonisolated(unsafe) private let savedTerminal: UnsafeMutablePointer<termios> = {
    let settings = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    settings.initialize(to: termios())
    return settings
}()

nonisolated(unsafe) private var hasSavedTerminal = false

/// The bytes that give a terminal back (mouse reports off, the normal screen, cursor keys and keypad in normal
/// mode, the cursor shown, plain text) and
/// say what happened. Kept as a C array so that the handler writes it with one write(2) and no allocation.
nonisolated(unsafe) private let crashMessage: UnsafeMutableBufferPointer<UInt8> = {
    let text =
        "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?1049l\u{1B}[?1l\u{1B}>\u{1B}[?25h\u{1B}[0m\r\n"
        + "lernpfad crashed; everything up to the last key is saved. "
        + "'lernpfad snapshot --keys ...' replays keys without a terminal and prints a backtrace.\r\n"
    let bytes = Array(text.utf8)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    _ = buffer.initialize(from: bytes)
    return buffer
}()

/// The crash handler: only async-signal-safe calls (write, tcsetattr, sigaction, raise).
private func restoreTerminalAndDie(_ signal: Int32) {
    _ = write(1, crashMessage.baseAddress, crashMessage.count)
    if hasSavedTerminal { _ = tcsetattr(0, TCSANOW, savedTerminal) }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&action.sa_mask)
    sigaction(signal, &action, nil)
    // Delivered once the handler returns: the process ends by the signal, status 128 + its number.
    raise(signal)
}

/// If the TUI traps anyway (a failed precondition, a bad access), the terminal is given back before the
/// process dies: raw mode, the alternate screen, a hidden cursor and mouse reports would otherwise outlive it.
///
/// The process then ends by the same signal. Swift's own crash reporter is not chained: on a terminal it waits
/// for a key ("press space to interact") under a screen the user cannot read. `lernpfad snapshot`, which runs
/// the same interface without a terminal, keeps it, so a crash replays there with a backtrace. Learner data
/// needs nothing: every change was saved atomically when it was made.
public enum TerminalCrashGuard {
    /// The signals of a crash: illegal instruction (Swift traps), trace trap, segmentation fault, bus error,
    /// abort.
    public static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT]

    /// Saves the terminal's settings and installs the handler for each of ``signals``. Call before curses
    /// starts.
    public static func install() {
        hasSavedTerminal = tcgetattr(0, savedTerminal) == 0
        _ = crashMessage.count
        var action = sigaction()
        action.__sigaction_handler.sa_handler = restoreTerminalAndDie
        // On the alternate stack when there is one, so that a stack overflow can still be handled.
        action.sa_flags = SA_ONSTACK
        sigemptyset(&action.sa_mask)
        for signal in signals { sigaction(signal, &action, nil) }
    }
}
