/// Why ``TerminalScreen/start(useColor:)`` could not take over the terminal.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or standard output is not a terminal (a pipe, a file, `/dev/null`).
    case notATerminal
    /// curses could not set up the terminal type named by `TERM` (`nil` when `TERM` is unset).
    case unknownTerminalType(String?)

    /// One line for stderr.
    public var description: String {
        switch self {
        case .notATerminal:
            return "lernpfad needs a terminal: standard input and output must not be redirected"
        case .unknownTerminalType(let name?):
            return "cannot use the terminal type '\(name)' (TERM); try TERM=xterm-256color"
        case .unknownTerminalType(nil):
            return "TERM is not set; set it to your terminal's type, e.g. TERM=xterm-256color"
        }
    }
}
