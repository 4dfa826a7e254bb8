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

    /// A field quoted when it holds the separator, a quote or a line break; quotes doubled (RFC 4180).
    /// A leading `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet never runs a name as a formula.
    static func field(_ value: String, separator: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        let needsQuotes = text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r")
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
