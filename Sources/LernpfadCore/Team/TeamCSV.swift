import Foundation

/// `lernpfad team --format csv`: one row per learner and role, or per learner and module, for HR spreadsheets.
extension TeamReport {
    /// The columns of `csv()`, one row per learner and role (docs/json-output.md).
    public static let csvColumns = [
        "learner", "name", "team", "role", "state", "percent", "modules_done", "modules_total", "completed_at",
        "valid_until", "last_activity", "overdue", "due_soon", "update_available", "due", "days_overdue",
    ]

    /// The columns of `csv(perModule: true)`, one row per learner and module (docs/json-output.md).
    public static let csvModuleColumns = [
        "learner", "name", "team", "role", "module", "module_title", "state", "version", "completed_at",
        "score_percent", "valid_until", "due", "days_overdue", "waiver",
    ]

    /// RFC 4180 CSV in UTF-8 with CRLF line ends; `excel` uses semicolons and a byte-order mark, which is what
    /// spreadsheet programs in German locales expect. `perModule` writes a row per learner and module of each
    /// path, with module titles in `language` (the course's default language when nil).
    public func csv(
        excel: Bool = false, perModule: Bool = false, catalog: Catalog? = nil, language: LanguageCode? = nil
    ) -> String {
        let separator = excel ? ";" : ","
        func line(_ cells: [String]) -> String {
            cells.map { Self.field($0, separator: separator) }.joined(separator: separator)
        }
        func stamp(_ date: Date?) -> String { date.map(Timestamp.format) ?? "" }
        func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
        var lines = [line(perModule ? Self.csvModuleColumns : Self.csvColumns)]
        let language = language ?? catalog?.course.defaultLanguage ?? .english
        for learner in learners {
            for path in learner.paths {
                guard perModule else {
                    lines.append(
                        line([
                            learner.id, learner.name, learner.team ?? "", path.role, path.state.rawValue,
                            "\(path.percent)", "\(path.modulesDone)", "\(path.modulesTotal)", stamp(path.completedAt),
                            stamp(path.validUntil), stamp(learner.lastActivity), "\(path.overdue)", "\(path.dueSoon)",
                            "\(path.updateAvailable)", stamp(path.due), number(path.daysOverdue),
                        ]))
                    continue
                }
                for module in path.modules {
                    let title = catalog?.module(module.module)?.title.text(
                        in: language, fallback: catalog?.course.defaultLanguage)
                    lines.append(
                        line([
                            learner.id, learner.name, learner.team ?? "", path.role, module.module, title ?? "",
                            module.state.rawValue, module.version?.description ?? "", stamp(module.completedAt),
                            number(module.score.map { Int(($0 * 100).rounded()) }), stamp(module.validUntil),
                            stamp(module.due), number(module.daysOverdue),
                            module.waiver.map { TeamWording.english.waiverNote($0) } ?? "",
                        ]))
                }
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
