/// `lernpfad team --format table`: the report for a terminal.
extension TeamReport {
    /// The report as aligned text, most urgent learners first.
    public func table(catalog: Catalog) -> String {
        var lines: [String] = []
        let scope = team.map { "team \($0.sanitizedForMessage)" } ?? "all teams"
        lines.append("\(learners.count) learner(s), \(scope), as of \(Timestamp.format(asOf))")
        lines.append("")
        let header = ["learner", "name", "team", "role", "state", "done", "valid until", "last activity"]
        var rows: [[String]] = []
        for learner in learners {
            for (index, path) in learner.paths.enumerated() {
                rows.append([
                    index == 0 ? learner.id : "", index == 0 ? learner.name.sanitizedForMessage : "",
                    index == 0 ? (learner.team?.sanitizedForMessage ?? "") : "", path.role, path.state.words,
                    "\(path.percent)% \(path.modulesDone)/\(path.modulesTotal)",
                    path.validUntil.map { CalendarDay($0).description } ?? "",
                    index == 0 ? (learner.lastActivity.map { CalendarDay($0).description } ?? "never") : "",
                ])
            }
            if learner.paths.isEmpty {
                rows.append([
                    learner.id, learner.name.sanitizedForMessage, learner.team ?? "", "", "no known role", "", "", "",
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
                let short = title.count > 70 ? String(title.prefix(69)) + "…" : title
                lines.append(
                    "  \(missed.wrong)× wrong of \(missed.answers) (\(missed.learners) learner(s))  "
                        + "\(missed.module)/\(missed.question)  \(short.sanitizedForMessage)")
            }
        }
        for file in skipped {
            lines.append("skipped \(file.file): \(file.reason)")
        }
        return lines.joined(separator: "\n")
    }

    /// Pads every column to its widest cell.
    static func align(_ rows: [[String]]) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == columns - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
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
