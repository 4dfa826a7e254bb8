import CNCurses
import Glibc
import LernpfadUI

extension TerminalScreen {
    /// The longest single wait inside ``nextKey(timeoutMilliseconds:)`` before it checks for a
    /// terminating signal again.
    static let signalCheckInterval: Int32 = 100

    /// Waits for the next key, mouse event or resize.
    ///
    /// Input the UI has no key for (function keys, Ctrl-Space, mouse releases) is skipped and the
    /// wait goes on. A resize answers `.resize(width:height:)` with the new size, and the next
    /// ``draw(_:)`` repaints everything.
    ///
    /// The wait is cut into slices of at most 100 ms; before each the method checks
    /// ``TerminalSignals/pendingSignal``. When `SIGTERM`, `SIGHUP` or `SIGINT` has arrived it
    /// calls ``stop()``, which restores the terminal and ends the process with that signal
    /// (status 128 + signal): the method does not return then. A terminal that has gone away
    /// (closed or hung up) counts as `SIGHUP` even when that signal is ignored or never came.
    ///
    /// - Parameter timeoutMilliseconds: How long to wait at most; 0 only looks, a negative value
    ///   waits until there is input.
    /// - Returns: The key, or `nil` when the time ran out (or the screen is stopped).
    public func nextKey(timeoutMilliseconds: Int32) -> Key? {
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds < 0 ? nil : clock.now.advanced(by: .milliseconds(timeoutMilliseconds))
        while let window {
            if TerminalSignals.pendingSignal != nil {
                stop()
                return nil
            }
            var slice = Self.signalCheckInterval
            if let deadline {
                slice = min(slice, Self.milliseconds(from: clock.now, to: deadline))
            }
            wtimeout(window, slice)
            var input: wint_t = 0
            let status = wget_wch(window, &input)
            if let key = decode(status: status, input: input, in: window) { return key }
            // Without its terminal curses answers at once, forever; when SIGHUP is ignored no signal
            // ends the process either, and this loop would spin at full CPU.
            if status == ERR, Self.inputHasGoneAway() { TerminalSignals.recordHangUp() }
            if let deadline, clock.now >= deadline { return nil }
        }
        return nil
    }

    /// Whether the terminal on standard input has hung up or been closed.
    static func inputHasGoneAway() -> Bool {
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) >= 0 else { return false }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// The whole milliseconds from `now` to `deadline`, at least 0.
    private static func milliseconds(
        from now: ContinuousClock.Instant, to deadline: ContinuousClock.Instant
    ) -> Int32 {
        let remaining = now.duration(to: deadline).components
        guard remaining.seconds >= 0 else { return 0 }
        let milliseconds = remaining.seconds * 1000 + remaining.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }

    /// The key for what `wget_wch` returned, or `nil` for a timeout or input the UI has no key
    /// for. Asks curses for the mouse event and the new size where needed.
    private func decode(status: Int32, input: wint_t, in window: UnsafeMutablePointer<WINDOW>) -> Key? {
        switch status {
        case OK:
            return KeyDecoder.key(forCharacter: UInt32(input))
        case KEY_CODE_YES:
            switch KeyDecoder.decode(functionKey: Int32(bitPattern: UInt32(input))) {
            case .key(let key):
                return key
            case .resize:
                shown = nil
                return .resize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
            case .mouse:
                return mouseKey()
            case .ignored:
                return nil
            }
        default:
            return nil
        }
    }

    /// The key for the pending mouse event: a click of the first button, or the wheel.
    private func mouseKey() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return KeyDecoder.key(
            forMouseButtons: event.bstate, row: Int(event.y), column: Int(event.x))
    }
}
