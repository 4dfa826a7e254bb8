import Foundation

/// `lernpfad team --format html`: one self-contained page an AI manager can hand to an auditor as the internal
/// record of AI-literacy measures (AI Act Art. 4): no scripts, no external assets.
extension TeamReport {
    /// The page.
    public func html(catalog: Catalog) -> String {
        let language = catalog.course.defaultLanguage
        let title = "\(catalog.course.title.text(in: language)) – record of AI-literacy measures"
        var body = ""
        body += "<h1>\(Self.escape(title))</h1>\n"
        body += "<p class=\"meta\">As of \(Self.escape(Timestamp.format(asOf))) · "
        body += team.map { "team \(Self.escape($0))" } ?? "all teams"
        body += " · \(learners.count) learner(s). Statuses are derived from each learner's event log and the "
        body += "content versions below; they are never edited by hand.</p>\n"
        body += "<h2>Progress per role</h2>\n" + chart(catalog: catalog)
        body += "<h2>Learners</h2>\n" + learnerTable(catalog: catalog)
        body += "<h2>Completions and attestations</h2>\n" + completions(catalog: catalog)
        if !missedQuestions.isEmpty {
            body += "<h2>Questions the team misses most</h2>\n<table><tr><th>module</th><th>question</th>"
            body += "<th>wrong</th><th>answers</th><th>learners</th></tr>\n"
            for missed in missedQuestions {
                let prompt = catalog.module(missed.module)?.quiz?.question(missed.question)?.prompt.text(in: language)
                body += "<tr><td>\(Self.escape(missed.module))</td><td>\(Self.escape(prompt ?? missed.question))</td>"
                body += "<td class=\"n\">\(missed.wrong)</td><td class=\"n\">\(missed.answers)</td>"
                body += "<td class=\"n\">\(missed.learners)</td></tr>\n"
            }
            body += "</table>\n"
        }
        if !itemAnalysis.isEmpty { body += "<h2>Item analysis</h2>\n" + itemTable(catalog: catalog) }
        if !skipped.isEmpty {
            body += "<h2>Files not included</h2>\n<ul>\n"
            for file in skipped { body += "<li>\(Self.escape(file.file)): \(Self.escape(file.reason))</li>\n" }
            body += "</ul>\n"
        }
        body += "<h2>Content versions</h2>\n<table><tr><th>module</th><th>version</th><th>reviewed</th>"
        body += "<th>review by</th></tr>\n"
        for module in catalog.modules {
            body += "<tr><td>\(Self.escape(module.title.text(in: language))) (\(Self.escape(module.id)))</td>"
            body += "<td>\(module.version)</td><td>\(module.reviewed.map(\.description) ?? "")</td>"
            body += "<td>\(module.reviewBy.map(\.description) ?? "")</td></tr>\n"
        }
        body += "</table>\n"
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; max-width: 75rem; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
            .meta { color: #555; }
            table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
            td.n { text-align: right; }
            .overdue { color: #b00020; font-weight: bold; } .dueSoon, .updateAvailable { color: #8a5a00; }
            .completed { color: #1b5e20; } .notStarted { color: #666; }
            @media print { body { margin: 0; } }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// Colours of the chart, one per state, readable in print.
    static let stateColours: [(ProgressState, String)] = [
        (.completed, "#2e7d32"), (.dueSoon, "#f9a825"), (.updateAvailable, "#ef6c00"), (.overdue, "#c62828"),
        (.inProgress, "#1565c0"), (.notStarted, "#bdbdbd"),
    ]

    /// A horizontal stacked bar per role in inline SVG.
    func chart(catalog: Catalog) -> String {
        let language = catalog.course.defaultLanguage
        let barWidth = 600.0
        let rowHeight = 34.0
        let height = Double(roles.count) * rowHeight + 40
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Progress per role\" "
        svg += "width=\"860\" height=\"\(Int(height))\" viewBox=\"0 0 860 \(Int(height))\" font-family=\"sans-serif\" "
        svg += "font-size=\"13\">\n"
        for (index, summary) in roles.enumerated() {
            let y = Double(index) * rowHeight + 8
            let name = catalog.path(summary.role)?.title.text(in: language) ?? summary.role
            svg += "<text x=\"0\" y=\"\(y + 16)\">\(Self.escape(name))</text>\n"
            var x = 170.0
            for (state, colour) in Self.stateColours {
                let count = summary.states[state.rawValue] ?? 0
                guard count > 0 else { continue }
                let width = barWidth * Double(count) / Double(max(1, summary.learners))
                svg += "<rect x=\"\(Self.number(x))\" y=\"\(y)\" width=\"\(Self.number(width))\" height=\"22\" "
                svg += "fill=\"\(colour)\"><title>\(state.words): \(count)</title></rect>\n"
                x += width
            }
            svg += "<text x=\"780\" y=\"\(y + 16)\">\(summary.meanPercent)% · \(summary.learners)</text>\n"
        }
        var legendX = 170.0
        let legendY = Double(roles.count) * rowHeight + 16
        for (state, colour) in Self.stateColours {
            svg +=
                "<rect x=\"\(Self.number(legendX))\" y=\"\(legendY)\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(Self.number(legendX + 16))\" y=\"\(legendY + 11)\">\(state.words)</text>\n"
            legendX += 135
        }
        return svg + "</svg>\n"
    }

    private func learnerTable(catalog: Catalog) -> String {
        var html = "<table><tr><th>learner</th><th>team</th><th>role</th><th>state</th><th>done</th>"
        html += "<th>completed</th><th>valid until</th><th>last activity</th></tr>\n"
        for learner in learners {
            for path in learner.paths {
                html += "<tr><td>\(Self.escape(learner.name)) (\(Self.escape(learner.id)))</td>"
                html += "<td>\(Self.escape(learner.team ?? ""))</td><td>\(Self.escape(path.role))</td>"
                html += "<td class=\"\(path.state.rawValue)\">\(path.state.words)</td>"
                html += "<td class=\"n\">\(path.percent)% (\(path.modulesDone)/\(path.modulesTotal))</td>"
                html += "<td>\(Self.day(path.completedAt))</td><td>\(Self.day(path.validUntil))</td>"
                html += "<td>\(Self.day(learner.lastActivity))</td></tr>\n"
            }
        }
        return html + "</table>\n"
    }

    private func completions(catalog: Catalog) -> String {
        var html = "<table><tr><th>learner</th><th>module</th><th>version</th><th>completed</th><th>score</th>"
        html += "<th>valid until</th></tr>\n"
        for learner in learners {
            var seen = Set<String>()
            for path in learner.paths {
                for module in path.modules where module.completedAt != nil && seen.insert(module.module).inserted {
                    html += "<tr><td>\(Self.escape(learner.name))</td><td>\(Self.escape(module.module))</td>"
                    html +=
                        "<td>\(module.version.map(\.description) ?? "")</td><td>\(Self.day(module.completedAt))</td>"
                    html += "<td class=\"n\">\(module.score.map { "\(Int(($0 * 100).rounded()))%" } ?? "")</td>"
                    html += "<td>\(Self.day(module.validUntil))</td></tr>\n"
                }
                for milestone in path.milestones
                where milestone.attestedAt != nil && seen.insert(milestone.milestone).inserted {
                    html += "<tr><td>\(Self.escape(learner.name))</td><td>milestone \(Self.escape(milestone.milestone))"
                    html += " (attested by \(Self.escape(milestone.attestedBy ?? "unknown")))</td><td></td>"
                    html +=
                        "<td>\(Self.day(milestone.attestedAt))</td><td></td><td>\(Self.day(milestone.validUntil))</td></tr>\n"
                }
            }
        }
        return html + "</table>\n"
    }

    /// One row per question: how hard, how well it separates strong from weak learners, what to look at.
    private func itemTable(catalog: Catalog) -> String {
        let language = catalog.course.defaultLanguage
        var html = "<p class=\"meta\">Each learner's first attempt per module at its current version. Right: the "
        html += "share of right answers. Discrimination: the point-biserial correlation between getting this "
        html += "question right and the share right on the attempt's other questions (below "
        html += "\(Self.lowDiscrimination) with \(Self.itemFlagMinimum) or more answers: strong learners miss it). "
        html += "Flags need at least \(Self.itemFlagMinimum) answers.</p>\n"
        html += "<table><tr><th>module</th><th>question</th><th>answers</th><th>right</th><th>discrimination</th>"
        html += "<th>picks per choice</th><th>flags</th></tr>\n"
        for item in itemAnalysis {
            let prompt = catalog.module(item.module)?.quiz?.question(item.question)?.prompt.text(in: language)
            let picks = item.choices.map { "\($0.choice)\($0.correct ? "✓" : ""): \($0.picks)" }
            let flags = item.flags.map { flag -> String in
                switch flag {
                case .everyoneRight: return "everyone right (too easy)"
                case .strongLearnersMiss: return "strong learners miss it"
                case .distractorNeverPicked:
                    return "never picked: \(item.unpickedDistractors.joined(separator: ", "))"
                }
            }
            html += "<tr><td>\(Self.escape(item.module))</td>"
            html += "<td>\(Self.escape(prompt ?? item.question)) (\(Self.escape(item.question)))</td>"
            html += "<td class=\"n\">\(item.answers)</td>"
            html += "<td class=\"n\">\(Int((item.difficulty * 100).rounded()))%</td>"
            html += "<td class=\"n\">\(item.discrimination.map { String(format: "%.2f", $0) } ?? "–")</td>"
            html += "<td>\(Self.escape(picks.joined(separator: " · ")))</td>"
            html += "<td>\(Self.escape(flags.joined(separator: "; ")))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private static func day(_ date: Date?) -> String { date.map { CalendarDay($0).description } ?? "" }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Text made safe for HTML element content and attribute values.
    ///
    /// Controls and the scalars that reorder text (bidi overrides, embeddings, isolates and marks) become
    /// visible escapes such as `\u{202e}`, as in terminal messages: a browser would obey them, and U+202E
    /// would show an id reversed.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if String.needsEscape(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
