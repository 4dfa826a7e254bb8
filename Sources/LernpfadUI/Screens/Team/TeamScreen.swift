import Foundation
import LernpfadCore

/// The ambassador's team view: every learner, overdue first, with filter, sort, detail and item analysis.
///
/// The runner reads the data folder once, as `lernpfad team` does; the report is made when the data arrives
/// or the filter changes, and each key after that only moves a cursor over rows made when drawn.
public struct TeamScreen: ScreenModel {
    /// How learners are ordered.
    public enum Sort: Int, Hashable, Sendable, CaseIterable {
        case urgency, name, progress, activity
    }

    /// What the team view's keys do.
    public enum Action: Hashable, Sendable {
        case list(ListAction)
        case sort
        case filter
    }

    /// Only this team, if set.
    public private(set) var team: String?
    /// The order.
    public private(set) var sort: Sort = .urgency
    /// The cursor.
    public var list = ListState()
    /// The report for the current filter, once the team is loaded.
    public private(set) var report: TeamReport?
    /// Indexes into `report.learners` in the current sort order.
    private var order: [Int] = []
    /// Counts the reports made, so a cached footer knows which report it belongs to.
    private var generation = 0
    /// The footer for one report, width and language.
    private var footerCache: (key: FooterKey, lines: [StyledLine])?

    struct FooterKey: Equatable {
        var width: Int
        var language: LanguageCode
        var generation: Int
    }

    /// The team view, filtered to `team` if given.
    public init(team: String?) { self.team = team }

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Action>] {
        [
            .keys([.character("s")], help: .helpSort, status: .verbSort, .sort),
            .keys([.character("f")], help: .helpFilter, status: .verbFilter, .filter),
        ] + ListKeys.bindings.map { $0.map(Action.list) }
    }

    /// What the runner must load for this screen.
    public func needs(_ context: ScreenContext) -> [ResourceRequest] {
        // Every quiz, for the questions the team misses and the item analysis.
        (context.resources.team == nil ? [.team] : []) + context.quizRequests(context.catalog.modules.map(\.id))
    }

    /// Catches up with loaded resources and the area.
    public mutating func refresh(context: ScreenContext, area: Rect) -> [Transition] {
        if report == nil, context.resources.team != nil, needs(context).isEmpty { rebuild(context) }
        let key = FooterKey(width: area.width, language: context.language, generation: generation)
        if let report, footerCache?.key != key {
            footerCache = (key, Self.footer(report, context: context, width: area.width))
        }
        return []
    }

    private mutating func rebuild(_ context: ScreenContext) {
        guard let data = context.resources.team else { return }
        let built = TeamReport(
            contributions: data.contributions, skipped: data.skipped, catalog: context.catalogOfLoadedQuizzes,
            now: data.asOf, team: team, missedLimit: 5)
        report = built
        order = Self.order(built.learners, by: sort)
        generation += 1
    }

    static func order(_ rows: [TeamReport.LearnerRow], by sort: Sort) -> [Int] {
        switch sort {
        case .urgency: return Array(rows.indices)
        case .name:
            return rows.indices.map { (rows[$0].name.lowercased(), rows[$0].id, $0) }.sorted {
                ($0.0, $0.1) < ($1.0, $1.1)
            }
            .map(\.2)
        case .progress:
            return rows.indices.map { (rows[$0].paths.map(\.percent).min() ?? 0, rows[$0].id, $0) }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        case .activity:
            return rows.indices.map { (rows[$0].lastActivity ?? .distantPast, $0) }.sorted { $0.0 > $1.0 }.map(\.1)
        }
    }

    /// The teams there are in the loaded data.
    static func teams(_ context: ScreenContext) -> [String] {
        Array(Set(context.resources.team?.contributions.compactMap(\.row.team) ?? [])).sorted()
    }

    /// Carries out one action.
    public mutating func perform(_ action: Action, context: ScreenContext, area: Rect) -> [Transition] {
        switch action {
        case .sort:
            sort = Sort(rawValue: (sort.rawValue + 1) % Sort.allCases.count) ?? .urgency
            order = Self.order(report?.learners ?? [], by: sort)
            list = ListState()
        case .filter:
            let options: [String?] = [nil] + Self.teams(context).map { Optional($0) }
            let index = options.firstIndex { $0 == team } ?? 0
            team = options[(index + 1) % options.count]
            rebuild(context)
            list = ListState()
        case .list(let listAction):
            guard let report,
                let open = content(context, width: area.width).perform(listAction, on: &list, bodyHeight: area.height)
            else { return [] }
            let id = report.learners[order[open]].id
            return [.reload(.learner(id: id)), .push(ExplanationScreen(learner: id))]
        }
        return []
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        content(context, width: area.width).draw(into: &canvas, list: list, area: area.inset(horizontal: 2))
        return context.text(.team)
    }

    func content(_ context: ScreenContext, width: Int) -> ListContent {
        let text = context.text
        let language = context.language
        guard let report else { return ListContent(header: [StyledLine(text(.loading), style: Theme.muted)]) }
        let sortName = [text(.sortUrgency), "A–Z", "% ↑", text(.sortActivity)][sort.rawValue]
        var header = [
            StyledLine([
                ("\(text(.team)): \(team.map { TerminalSafeText.sanitize($0) } ?? text(.allTeams))", Theme.title),
                ("  · \(report.learners.count) · \(sortName)", Theme.muted),
            ])
        ]
        for role in report.roles {
            let title = context.catalog.path(role.role)?.title.text(in: language) ?? role.role
            let overdue = role.states[ProgressState.overdue.rawValue] ?? 0
            header.append(
                StyledLine([
                    ("\(title): ", Theme.muted),
                    (ProgressBar.bar(Double(role.meanPercent) / 100, width: 12), Theme.accent),
                    (" Ø \(role.meanPercent)%", Theme.plain),
                    (overdue > 0 ? " · \(overdue) \(text(.overdue))" : "", Theme.danger),
                ]))
        }
        header.append(.empty)
        if report.learners.isEmpty { header.append(StyledLine(text(.noLearners), style: Theme.muted)) }
        let rows = report.learners
        let order = self.order
        let item: @Sendable (Int) -> StyledLine = { index in Self.line(rows[order[index]], context: context) }
        // The footer (missed questions, item analysis, skipped files) is made once per report, width and
        // language in `refresh`, not on every key: for a team of 10,000 it was half of each key's time.
        let key = FooterKey(width: width, language: language, generation: generation)
        let footer =
            footerCache?.key == key ? footerCache?.lines ?? [] : Self.footer(report, context: context, width: width)
        return ListContent(header: header, itemCount: order.count, footer: footer, item: item)
    }

    /// The lines below the learners: the questions most often missed, the item analysis, the skipped files.
    static func footer(_ report: TeamReport, context: ScreenContext, width: Int) -> [StyledLine] {
        let text = context.text
        let language = context.language
        var footer: [StyledLine] = []
        if !report.missedQuestions.isEmpty {
            footer.append(.empty)
            footer.append(StyledLine(text(.missedQuestions), style: Theme.title.with(role: .normal)))
            for missed in report.missedQuestions {
                let prompt =
                    context.question(module: missed.module, id: missed.question)?.prompt.text(in: language)
                    ?? missed.question
                let module = context.catalog.module(missed.module)?.title.text(in: language) ?? missed.module
                footer.append(
                    StyledLine([
                        ("\(missed.wrong)×/\(missed.answers) ", Theme.danger), ("\(module): ", Theme.muted),
                        (prompt, Theme.plain),
                    ]).truncated(to: width - 4))
            }
        }
        footer += Self.itemAnalysis(report, context: context, width: width)
        if !report.skipped.isEmpty {
            footer.append(.empty)
            footer.append(StyledLine(text(.skippedFiles), style: Theme.warning))
            for file in report.skipped {
                footer.append(
                    StyledLine("\((file.file as NSString).lastPathComponent): \(file.reason)", style: Theme.muted))
            }
        }
        return footer
    }

    /// The questions the item analysis flags, each with its share right and why a trainer should look at it.
    static func itemAnalysis(_ report: TeamReport, context: ScreenContext, width: Int) -> [StyledLine] {
        let text = context.text
        let language = context.language
        let flagged = report.itemAnalysis.filter { !$0.flags.isEmpty }
        guard !flagged.isEmpty else { return [] }
        var lines: [StyledLine] = [
            .empty, StyledLine(text(.questionsToRevise), style: Theme.title.with(role: .normal)),
        ]
        for item in flagged {
            let question = context.question(module: item.module, id: item.question)
            let prompt = question?.prompt.text(in: language) ?? item.question
            let module = context.catalog.module(item.module)?.title.text(in: language) ?? item.module
            let percent = Int((item.difficulty * 100).rounded())
            lines.append(
                StyledLine([
                    ("\(percent) % \(text(.answeredRight)) ", Theme.warning), ("\(module): ", Theme.muted),
                    (prompt, Theme.plain),
                ]).truncated(to: width - 4))
            let reasons = item.flags.map { flag -> String in
                switch flag {
                case .everyoneRight: return text(.flagEveryoneRight)
                case .strongLearnersMiss:
                    let r = item.discrimination.map { String(format: " (r = %.2f)", $0) } ?? ""
                    return text(.flagStrongLearnersMiss) + r
                case .distractorNeverPicked:
                    let choices = item.unpickedDistractors.map { id in
                        text.quoted(question?.choices.first { $0.id == id }?.text.text(in: language) ?? id)
                    }
                    return choices.joined(separator: ", ") + " " + text(.flagDistractorNeverPicked)
                }
            }
            lines.append(
                StyledLine("    " + reasons.joined(separator: " · "), style: Theme.muted).truncated(to: width - 4))
        }
        return lines
    }

    /// One learner's row: state, name, team, and per path its title, percent, state and what counts
    /// ("0/4 gültig · 2 überfällig seit 35 Tagen"), in the UI's language.
    static func line(_ learner: TeamReport.LearnerRow, context: ScreenContext) -> StyledLine {
        let text = context.text
        let wording = TeamWording.for(context.language)
        var line = StyledLine([
            ("\(learner.worstState.mark) ", Theme.state(learner.worstState.role)),
            (TerminalSafeText.sanitize(learner.name), Theme.plain),
        ])
        if let team = learner.team {
            line.append(" · \(TerminalSafeText.sanitize(team))", style: Theme.muted)
        }
        for path in learner.paths {
            let title = context.catalog.path(path.role)?.title.text(in: context.language) ?? path.role
            line.append("  \(TerminalSafeText.sanitize(title)) \(path.percent)% ", style: Theme.muted)
            line.append(text(path.state.phrase), style: Theme.state(path.state.role))
            line.append(" (\(wording.counts(path)))", style: Theme.muted)
        }
        if let last = learner.lastActivity {
            line.append("  · \(text(.lastActivity)) \(wording.format(last))", style: Theme.muted)
        }
        return line
    }
}
