import Glibc

/// Whether the file descriptor `fd` refers to a terminal, so that the executable can refuse a
/// redirected standard input with a clear message instead of starting curses on a pipe.
public func isTerminal(_ fd: Int32) -> Bool {
    isatty(fd) == 1
}
