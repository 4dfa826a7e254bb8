/// `lernpfad team --format csv`: one row per learner and role, for HR spreadsheets.
extension TeamReport {
    /// RFC 4180 CSV in UTF-8 with CRLF line ends; `excel` uses semicolons and a byte-order mark, which is what
    /// spreadsheet programs in German locales expect.
    public func csv(excel: Bool = false) -> String {
        let separator = excel ? ";" : ","
        let header = [
            "learner", "name", "team", "role", "state", "percent", "modules_done", "modules_total", "completed_at",
            "valid_until", "last_activity",
        ]
        var lines = [header.map { Self.field($0, separator: separator) }.joined(separator: separator)]
        for learner in learners {
            for path in learner.paths {
                let cells = [
                    learner.id, learner.name, learner.team ?? "", path.role, path.state.rawValue, "\(path.percent)",
                    "\(path.modulesDone)", "\(path.modulesTotal)", path.completedAt.map(Timestamp.format) ?? "",
                    path.validUntil.map(Timestamp.format) ?? "", learner.lastActivity.map(Timestamp.format) ?? "",
                ]
                lines.append(cells.map { Self.field($0, separator: separator) }.joined(separator: separator))
            }
        }
        return (excel ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// What a spreadsheet may read as the start of a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    /// A field quoted when it holds the separator or a quote; quotes doubled (RFC 4180).
    ///
    /// Learner text is made terminal-safe first (``TerminalSafeText``, one line: escape sequences, controls and
    /// bidi overrides removed, line breaks and tabs become spaces). A field that starts with `=`, `+`, `-`, `@`,
    /// tab or carriage return, before or after that, is prefixed with `'` so that a spreadsheet never runs it
    /// as a formula.
    static func field(_ value: String, separator: String) -> String {
        var text = TerminalSafeText.sanitize(value)
        if let first = value.first, formulaStarts.contains(first) {
            text = "'" + text
        } else if let first = text.first, formulaStarts.contains(first) {
            text = "'" + text
        }
        let needsQuotes = text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r")
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
