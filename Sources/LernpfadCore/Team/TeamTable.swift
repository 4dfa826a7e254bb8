/// `lernpfad team --format table`: the report for a terminal.
extension TeamReport {
    /// The report as aligned text, most urgent learners first.
    ///
    /// Every cell that comes from a learner file or the content is escaped (``String/escapedForMessage(limit:)``),
    /// so that nothing in it can steer the terminal or forge a row, and columns are padded by display width.
    public func table(catalog: Catalog) -> String {
        func cell(_ text: String) -> String { text.escapedForMessage(limit: 80) }
        var lines: [String] = []
        let scope = team.map { "team \(cell($0))" } ?? "all teams"
        lines.append("\(learners.count) learner(s), \(scope), as of \(Timestamp.format(asOf))")
        lines.append("")
        let header = ["learner", "name", "team", "role", "state", "done", "what counts", "due", "last activity"]
        let words = TeamWording.english
        var rows: [[String]] = []
        for learner in learners {
            for (index, path) in learner.paths.enumerated() {
                rows.append([
                    index == 0 ? cell(learner.id) : "", index == 0 ? cell(learner.name) : "",
                    index == 0 ? cell(learner.team ?? "") : "", cell(path.role), path.state.words,
                    "\(path.percent)%", words.counts(path),
                    (path.due ?? path.validUntil).map { CalendarDay($0).description } ?? "",
                    index == 0 ? (learner.lastActivity.map { CalendarDay($0).description } ?? "never") : "",
                ])
            }
            if learner.paths.isEmpty {
                rows.append([
                    cell(learner.id), cell(learner.name), cell(learner.team ?? ""), "", "no known role", "", "", "", "",
                ])
            }
        }
        lines += Self.align([header] + rows)
        if !missedQuestions.isEmpty {
            lines.append("")
            lines.append("questions the team misses most:")
            for missed in missedQuestions {
                let title =
                    catalog.module(missed.module)?.quiz?.question(missed.question)?.prompt
                    .text(in: catalog.course.defaultLanguage) ?? missed.question
                lines.append(
                    "  \(missed.wrong)× wrong of \(missed.answers) (\(missed.learners) learner(s))  "
                        + "\(cell(missed.module))/\(cell(missed.question))  \(title.escapedForMessage(limit: 70))")
            }
        }
        for file in skipped {
            lines.append(
                "skipped \(file.file.escapedForMessage(limit: 300)): \(file.reason.escapedForMessage(limit: 300))")
        }
        return lines.joined(separator: "\n")
    }

    /// Pads every column to its widest cell, in terminal columns.
    static func align(_ rows: [[String]]) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        let widths = (0..<columns).map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == columns - 1
                    ? cell : cell + String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(cell)))
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
