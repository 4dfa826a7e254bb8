import Foundation

/// `lernpfad team --format html`: one self-contained page an AI manager can hand to an auditor as the internal
/// record of AI-literacy measures (AI Act Art. 4): no scripts, no external assets.
extension TeamReport {
    /// The page in `language` (the course's default language when nil): every heading, state and date in that
    /// language (``TeamWording``), module and path titles instead of ids, learners grouped by team in natural order,
    /// and a table of evidence per person.
    public func html(catalog: Catalog, language: LanguageCode? = nil) -> String {
        let language = language ?? catalog.course.defaultLanguage
        let words = TeamWording.for(language)
        let fallback = catalog.course.defaultLanguage
        func title(_ text: LocalizedText) -> String { text.text(in: language, fallback: fallback) }
        func moduleTitle(_ id: String) -> String { catalog.module(id).map { title($0.title) } ?? id }
        let pageTitle = "\(title(catalog.course.title)) – \(words.pageTitle)"
        var body = ""
        body += "<h1>\(Self.escape(pageTitle))</h1>\n"
        body += "<p class=\"meta\">\(Self.escape(words.asOf(words.format(asOf)))) · "
        body += Self.escape(team.map(words.team) ?? words.allTeams)
        body += " · \(Self.escape(words.learners(learners.count))). \(Self.escape(words.derivedNote))</p>\n"
        body += "<h2>\(Self.escape(words.progressPerRole))</h2>\n" + chart(catalog: catalog, words: words)
        body += "<h2>\(Self.escape(words.learnersByTeam))</h2>\n" + teamSections(catalog: catalog, words: words)
        if !missedQuestions.isEmpty {
            body += "<h2>\(Self.escape(words.missedQuestions))</h2>\n<table>" + Self.header(words.missedColumns)
            for missed in missedQuestions {
                let prompt = catalog.module(missed.module)?.quiz?.question(missed.question).map { title($0.prompt) }
                body += "<tr><td>\(Self.escape(moduleTitle(missed.module)))</td>"
                body += "<td>\(Self.escape(prompt ?? missed.question))</td>"
                body += "<td class=\"n\">\(missed.wrong)</td><td class=\"n\">\(missed.answers)</td>"
                body += "<td class=\"n\">\(missed.learners)</td></tr>\n"
            }
            body += "</table>\n"
        }
        if !itemAnalysis.isEmpty {
            body += "<h2>\(Self.escape(words.itemAnalysis))</h2>\n" + itemTable(catalog: catalog, words: words)
        }
        if !skipped.isEmpty {
            body += "<h2>\(Self.escape(words.filesNotIncluded))</h2>\n<ul>\n"
            for file in skipped { body += "<li>\(Self.escape(file.file)): \(Self.escape(file.reason))</li>\n" }
            body += "</ul>\n"
        }
        body += "<h2>\(Self.escape(words.contentVersions))</h2>\n<table>" + Self.header(words.versionColumns)
        for module in catalog.modules {
            body += "<tr><td>\(Self.escape(title(module.title))) (\(Self.escape(module.id)))</td>"
            body += "<td>\(module.version)</td><td class=\"d\">\(module.reviewed.map(words.format) ?? "")</td>"
            body += "<td class=\"d\">\(module.reviewBy.map(words.format) ?? "")</td></tr>\n"
        }
        body += "</table>\n"
        return """
            <!DOCTYPE html>
            <html lang="\(Self.escape(language.rawValue))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(pageTitle))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; max-width: 75rem; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
            h3 { font-size: 1.05rem; margin-top: 1.5rem; } h4 { font-size: 0.95rem; margin: 1rem 0 0.3rem; }
            .meta { color: #555; }
            table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
            td.n { text-align: right; }
            td.d, td.n, td.notStarted, td.inProgress, td.completed, td.dueSoon, td.overdue { white-space: nowrap; }
            .waived { color: #37474f; font-style: italic; } .waiver { display: block; white-space: normal; }
            .overdue { color: #b00020; font-weight: bold; } .dueSoon, .updateAvailable { color: #8a5a00; }
            .completed { color: #1b5e20; } .notStarted { color: #595959; }
            @media print { body { margin: 0; } section { break-inside: avoid-page; } }
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
        (.inProgress, "#1565c0"), (.notStarted, "#bdbdbd"), (.waived, "#78909c"),
    ]

    /// The chart's width in SVG units, its font size, and the swatch and gaps of its legend.
    static let chartWidth = 860.0
    static let chartFontSize = 13.0
    static let legendSwatch = 12.0
    static let legendTextOffset = 16.0
    static let legendGap = 22.0
    static let legendLineHeight = 20.0

    /// A legend entry: where its swatch starts, on which line, and where its text ends.
    struct LegendItem: Equatable {
        var x: Double
        var line: Int
        var end: Double
    }

    /// Lays the legend out from the widths of its texts: an item that would end past `width` starts a new line.
    static func legendLayout(_ texts: [String], width: Double = chartWidth) -> [LegendItem] {
        var items: [LegendItem] = []
        var x = 0.0
        var line = 0
        for text in texts {
            let length = legendTextOffset + textWidth(text, size: chartFontSize)
            if x > 0 && x + length > width {
                x = 0
                line += 1
            }
            items.append(LegendItem(x: x, line: line, end: x + length))
            x += length + legendGap
        }
        return items
    }

    /// A generous estimate of how wide `text` is in a sans-serif font of `size`: per character at least as wide
    /// as DejaVu Sans and Liberation Sans (the fonts Chromium falls back to on Linux), wide characters an em.
    static func textWidth(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "j", "l", "I", "'", "|", ".", ",", ":", ";", "!", "·": ems += 0.34
            case " ", "f", "t", "r", "(", ")", "[", "]", "-", "/": ems += 0.45
            case "m", "w", "M", "W", "%", "@", "–", "—": ems += 1.0
            case "A"..."Z", "Ä", "Ö", "Ü": ems += 0.8
            default: ems += DisplayWidth.of(character) > 1 ? 1.05 : 0.68
            }
        }
        return ems * size
    }

    /// A horizontal stacked bar per role in inline SVG, with a legend laid out to fit.
    func chart(catalog: Catalog, words: TeamWording) -> String {
        let language = words.language
        let size = Self.chartFontSize
        let rowHeight = 34.0
        let names = roles.map {
            catalog.path($0.role)?.title.text(in: language, fallback: catalog.course.defaultLanguage) ?? $0.role
        }
        let totals = roles.map { "\($0.meanPercent)% · \($0.learners)" }
        // The columns fit their widest text: long path titles never run into the bars.
        let labelWidth = min(320, max(120, (names.map { Self.textWidth($0, size: size) }.max() ?? 0) + 12))
        let totalWidth = (totals.map { Self.textWidth($0, size: size) }.max() ?? 0) + 12
        let barWidth = max(100, Self.chartWidth - labelWidth - totalWidth)
        let legendTexts = Self.stateColours.map { words.state($0.0) }
        let legend = Self.legendLayout(legendTexts)
        let legendY = Double(roles.count) * rowHeight + 16
        let height = Int(legendY + Double((legend.last?.line ?? 0) + 1) * Self.legendLineHeight + 4)
        let width = Int(Self.chartWidth)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
        svg += "aria-label=\"\(Self.escape(words.progressPerRole))\" width=\"\(width)\" height=\"\(height)\" "
        svg += "viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"\(Int(size))\">\n"
        for (index, summary) in roles.enumerated() {
            let y = Double(index) * rowHeight + 8
            svg += "<text x=\"0\" y=\"\(y + 16)\">\(Self.escape(names[index]))</text>\n"
            var x = labelWidth
            for (state, colour) in Self.stateColours {
                let count = summary.states[state.rawValue] ?? 0
                guard count > 0 else { continue }
                let width = barWidth * Double(count) / Double(max(1, summary.learners))
                svg += "<rect x=\"\(Self.number(x))\" y=\"\(y)\" width=\"\(Self.number(width))\" height=\"22\" "
                svg += "fill=\"\(colour)\"><title>\(Self.escape(words.state(state))): \(count)</title></rect>\n"
                x += width
            }
            svg += "<text x=\"\(Self.number(labelWidth + barWidth + 8))\" y=\"\(y + 16)\">\(totals[index])</text>\n"
        }
        for (item, (text, (_, colour))) in zip(legend, zip(legendTexts, Self.stateColours)) {
            let y = legendY + Double(item.line) * Self.legendLineHeight
            svg += "<rect x=\"\(Self.number(item.x))\" y=\"\(y)\" width=\"\(Int(Self.legendSwatch))\" "
            svg += "height=\"\(Int(Self.legendSwatch))\" fill=\"\(colour)\"/>"
            svg += "<text class=\"legend\" x=\"\(Self.number(item.x + Self.legendTextOffset))\" y=\"\(y + 11)\">"
            svg += "\(Self.escape(text))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A section per team in natural order (learners without a team last): the team's learners, most urgent first,
    /// then each person's evidence.
    private func teamSections(catalog: Catalog, words: TeamWording) -> String {
        var groups: [String: [LearnerRow]] = [:]
        var noTeam: [LearnerRow] = []
        for learner in learners {
            if let team = learner.team { groups[team, default: []].append(learner) } else { noTeam.append(learner) }
        }
        var sections = groups.map { (key: Self.naturalKey($0.key), name: $0.key, rows: $0.value) }
            .sorted { ($0.key, $0.name) < ($1.key, $1.name) }
            .map { (name: words.team($0.name), rows: $0.rows) }
        if !noTeam.isEmpty { sections.append((name: words.noTeam, rows: noTeam)) }
        var html = ""
        var person = 0
        for (number, section) in sections.enumerated() {
            html += "<section aria-labelledby=\"team-\(number + 1)\">\n"
            html += "<h3 id=\"team-\(number + 1)\">\(Self.escape(section.name)) · "
            html += "\(Self.escape(words.learners(section.rows.count)))</h3>\n"
            html += learnerTable(section.rows, catalog: catalog, words: words)
            for learner in section.rows {
                person += 1
                html += evidence(learner, number: person, catalog: catalog, words: words)
            }
            html += "</section>\n"
        }
        return html
    }

    private func learnerTable(_ rows: [LearnerRow], catalog: Catalog, words: TeamWording) -> String {
        var html = "<table>" + Self.header(words.learnerColumns)
        for learner in rows {
            let name = "<td>\(Self.escape(learner.name)) (\(Self.escape(learner.id)))</td>"
            let last = learner.lastActivity.map { words.format($0) } ?? words.never
            if learner.paths.isEmpty {
                html += "<tr>\(name)<td></td><td class=\"notStarted\">\(Self.escape(words.state(.notStarted)))</td>"
                html += "<td></td><td></td><td></td><td></td><td class=\"d\">\(Self.escape(last))</td></tr>\n"
            }
            for path in learner.paths {
                let role = catalog.path(path.role)?.title.text(
                    in: words.language, fallback: catalog.course.defaultLanguage)
                html += "<tr>\(name)<td>\(Self.escape(role ?? path.role))</td>"
                html += "<td class=\"\(path.state.rawValue)\">\(Self.escape(words.state(path.state)))</td>"
                html += "<td class=\"n\">\(path.percent)%</td><td>\(Self.escape(words.counts(path)))</td>"
                html += "<td class=\"d\">\(Self.escape(words.format(path.due ?? path.validUntil)))</td>"
                html += "<td class=\"n\">\(path.daysOverdue.map(String.init) ?? "")</td>"
                html += "<td class=\"d\">\(Self.escape(last))</td></tr>\n"
            }
        }
        return html + "</table>\n"
    }

    /// One person's record: every module of their paths (once) with version, completion, score and validity, and
    /// every attested milestone with who attested it and when.
    private func evidence(_ learner: LearnerRow, number: Int, catalog: Catalog, words: TeamWording) -> String {
        let language = words.language
        let fallback = catalog.course.defaultLanguage
        var html = "<h4 id=\"person-\(number)\">\(Self.escape(words.evidence)): \(Self.escape(learner.name)) "
        html += "(\(Self.escape(learner.id)))</h4>\n"
        var seen = Set<String>()
        var modules = ""
        var milestones = ""
        for path in learner.paths {
            for module in path.modules where seen.insert(module.module).inserted {
                let title = catalog.module(module.module)?.title.text(in: language, fallback: fallback)
                modules += "<tr><td>\(Self.escape(title ?? module.module))</td>"
                modules += "<td>\(Self.escape(module.version?.description ?? ""))</td>"
                modules += "<td class=\"\(module.state.rawValue)\">\(Self.escape(words.state(module.state)))"
                // An exception is shown with its reason wherever the state is (docs/status.md).
                if let waiver = module.waiver {
                    modules += "<span class=\"waiver\">\(Self.escape(words.waiverNote(waiver)))</span>"
                }
                modules += "</td>"
                modules += "<td class=\"d\">\(Self.escape(words.format(module.completedAt)))</td>"
                modules += "<td class=\"n\">\(module.score.map { "\(Int(($0 * 100).rounded()))%" } ?? "")</td>"
                modules += "<td class=\"d\">\(Self.escape(words.format(module.validUntil)))</td>"
                modules += "<td class=\"n\">\(module.daysOverdue.map(String.init) ?? "")</td></tr>\n"
            }
            let definitions = catalog.path(path.role)?.milestones ?? []
            for milestone in path.milestones where seen.insert("milestone " + milestone.milestone).inserted {
                let title = definitions.first { $0.id == milestone.milestone }?.title.text(
                    in: language, fallback: fallback)
                milestones += "<tr><td>\(Self.escape(title ?? milestone.milestone))</td>"
                milestones += "<td class=\"\(milestone.state.rawValue)\">"
                milestones += "\(Self.escape(words.state(milestone.state)))</td>"
                let by = milestone.attestedAt == nil ? "" : milestone.attestedBy ?? words.unknown
                milestones += "<td>\(Self.escape(by))</td>"
                milestones += "<td class=\"d\">\(Self.escape(words.format(milestone.attestedAt)))</td>"
                milestones += "<td>\(Self.escape(milestone.note ?? ""))</td>"
                milestones += "<td class=\"d\">\(Self.escape(words.format(milestone.validUntil)))</td></tr>\n"
            }
        }
        if !modules.isEmpty { html += "<table>" + Self.header(words.evidenceColumns) + modules + "</table>\n" }
        if !milestones.isEmpty {
            html += "<table>" + Self.header(words.attestationColumns) + milestones + "</table>\n"
        }
        return html
    }

    /// One row of column headers.
    private static func header(_ columns: [String]) -> String {
        "<tr>" + columns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr>\n"
    }

    /// One row per question: how hard, how well it separates strong from weak learners, what to look at.
    private func itemTable(catalog: Catalog, words: TeamWording) -> String {
        let language = words.language
        let fallback = catalog.course.defaultLanguage
        var html = "<p class=\"meta\">"
        html += Self.escape(words.itemNote(Self.lowDiscrimination, Self.itemFlagMinimum)) + "</p>\n"
        html += "<table>" + Self.header(words.itemColumns)
        for item in itemAnalysis {
            let module = catalog.module(item.module)
            let prompt = module?.quiz?.question(item.question)?.prompt.text(in: language, fallback: fallback)
            let picks = item.choices.map { "\($0.choice)\($0.correct ? "✓" : ""): \($0.picks)" }
            let flags = item.flags.map { flag -> String in
                switch flag {
                case .everyoneRight: return words.everyoneRight
                case .strongLearnersMiss: return words.strongLearnersMiss
                case .distractorNeverPicked:
                    return words.neverPicked(item.unpickedDistractors.joined(separator: ", "))
                }
            }
            let moduleTitle = module?.title.text(in: language, fallback: fallback) ?? item.module
            html += "<tr><td>\(Self.escape(moduleTitle))</td>"
            html += "<td>\(Self.escape(prompt ?? item.question)) (\(Self.escape(item.question)))</td>"
            html += "<td class=\"n\">\(item.answers)</td>"
            html += "<td class=\"n\">\(Int((item.difficulty * 100).rounded()))%</td>"
            html += "<td class=\"n\">\(item.discrimination.map { String(format: "%.2f", $0) } ?? "–")</td>"
            html += "<td>\(Self.escape(picks.joined(separator: " · ")))</td>"
            html += "<td>\(Self.escape(flags.joined(separator: "; ")))</td></tr>\n"
        }
        return html + "</table>\n"
    }

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
