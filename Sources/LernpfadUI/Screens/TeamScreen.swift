import Foundation
import LernpfadCore

/// The ambassador's team view: every learner, overdue first, with filter, sort, detail and item analysis.
enum TeamScreen {
    static func open(_ state: inout AppState, environment: AppEnvironment) {
        let (records, skipped) = environment.loadTeam()
        var team = TeamScreenState(records: records, skipped: skipped)
        team.team = state.record?.learner.team
        AppModel.push(&state, .team(team))
    }

    static func report(_ state: AppState, _ team: TeamScreenState, now: Date) -> TeamReport {
        var report = TeamReport(
            records: team.records, skipped: team.skipped, catalog: state.catalog, now: now, team: team.team,
            missedLimit: 5)
        switch team.sort {
        case .urgency: break
        case .name: report.learners.sort { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        case .progress:
            report.learners.sort { lhs, rhs in
                (lhs.paths.map(\.percent).min() ?? 0, lhs.id) < (rhs.paths.map(\.percent).min() ?? 0, rhs.id)
            }
        case .activity:
            report.learners.sort { ($0.lastActivity ?? .distantPast) > ($1.lastActivity ?? .distantPast) }
        }
        return report
    }

    static func teams(_ team: TeamScreenState) -> [String] {
        Array(Set(team.records.compactMap(\.learner.team))).sorted()
    }

    static func content(_ state: AppState, _ team: TeamScreenState, now: Date) -> ListContent {
        let text = state.text
        let report = report(state, team, now: now)
        let sortName = ["↓ dringend/urgent", "A–Z", "% ↑", "↓ aktiv/active"][team.sort.rawValue]
        var header = [
            StyledLine([
                ("\(text(.team)): \(team.team.map { TerminalSafeText.sanitize($0) } ?? text(.allTeams))", Theme.title),
                ("  · \(report.learners.count) · \(sortName)", Theme.muted),
            ])
        ]
        for role in report.roles {
            let title = state.catalog.path(role.role)?.title.text(in: state.language) ?? role.role
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
        let items = report.learners.map { learner -> StyledLine in
            var line = StyledLine([
                ("\(learner.worstState.mark) ", Theme.state(learner.worstState.role)),
                (TerminalSafeText.sanitize(learner.name), Theme.plain),
            ])
            if let team = learner.team {
                line.append(" · \(TerminalSafeText.sanitize(team))", style: Theme.muted)
            }
            for path in learner.paths {
                line.append("  \(path.role) \(path.percent)% ", style: Theme.muted)
                line.append(text(path.state.phrase), style: Theme.state(path.state.role))
            }
            if let last = learner.lastActivity {
                line.append("  · \(text(.lastActivity)) \(CalendarDay(last))", style: Theme.muted)
            }
            return line
        }
        var footer: [StyledLine] = []
        if !report.missedQuestions.isEmpty {
            footer.append(.empty)
            footer.append(StyledLine(text(.missedQuestions), style: Theme.title.with(role: .normal)))
            for missed in report.missedQuestions {
                let prompt =
                    state.catalog.module(missed.module)?.quiz?.question(missed.question)?.prompt
                    .text(in: state.language) ?? missed.question
                footer.append(
                    StyledLine([
                        ("\(missed.wrong)×/\(missed.answers) ", Theme.danger),
                        (
                            "\(state.catalog.module(missed.module)?.title.text(in: state.language) ?? missed.module): ",
                            Theme.muted
                        ),
                        (prompt, Theme.plain),
                    ]).truncated(to: state.width - 4))
            }
        }
        if !team.skipped.isEmpty {
            footer.append(.empty)
            footer.append(StyledLine(text(.skippedFiles), style: Theme.warning))
            for file in team.skipped {
                footer.append(
                    StyledLine("\((file.file as NSString).lastPathComponent): \(file.reason)", style: Theme.muted))
            }
        }
        return ListContent(header: header, items: items, footer: footer)
    }

    static func statusKeys(_ text: Localizer) -> String {
        [text(.keysMove), text(.keysOpen), text(.teamSort), text(.teamFilter), text(.keysBack)].joined(separator: "  ")
    }

    static func update(_ state: inout AppState, _ team: inout TeamScreenState, _ key: Key, now: Date) {
        let content = content(state, team, now: now)
        var open: Int?
        switch key {
        case .character("s"):
            team.sort =
                TeamScreenState.Sort(rawValue: (team.sort.rawValue + 1) % TeamScreenState.Sort.allCases.count)
                ?? .urgency
            team.list = ListState()
        case .character("f"):
            let all = teams(team)
            let options: [String?] = [nil] + all.map { Optional($0) }
            let index = options.firstIndex { $0 == team.team } ?? 0
            team.team = options[(index + 1) % options.count]
            team.list = ListState()
        default:
            open = content.navigate(&team.list, with: key, bodyHeight: state.bodyHeight)
        }
        state.screen = .team(team)
        let learners = report(state, team, now: now).learners
        if let open, learners.indices.contains(open) {
            AppModel.push(&state, .teamLearner(id: learners[open].id, scroll: 0))
        }
    }

    static func detailLines(_ state: AppState, id: String, now: Date) -> [StyledLine] {
        guard case .team(let team)? = state.stack.dropLast().last,
            let record = team.records.first(where: { $0.learner.id == id })
        else { return [] }
        let report = StatusReport(record: record, catalog: state.catalog, now: now)
        return report.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let text = TerminalSafeText.sanitize(String(line))
            let style: CellStyle =
                text.contains("overdue") ? Theme.danger : text.contains("due soon") ? Theme.warning : Theme.plain
            return StyledLine(text, style: style)
        }
    }

    static func updateDetail(_ state: inout AppState, id: String, scroll: Int, _ key: Key) {
        var scroll = scroll
        switch key {
        case .down, .character("j"), .wheelDown: scroll += 1
        case .up, .character("k"), .wheelUp: scroll = max(0, scroll - 1)
        case .pageDown, .character(" "): scroll += state.bodyHeight - 2
        case .pageUp: scroll = max(0, scroll - state.bodyHeight + 2)
        default: break
        }
        state.screen = .teamLearner(id: id, scroll: min(scroll, 1000))
    }

    static func drawDetail(
        _ state: AppState, id: String, scroll: Int, into canvas: inout Canvas, now: Date
    ) -> (String, String) {
        let lines = detailLines(state, id: id, now: now)
        let top = min(scroll, max(0, lines.count - state.bodyHeight))
        for (offset, line) in lines.dropFirst(top).prefix(state.bodyHeight).enumerated() {
            _ = canvas.draw(line.truncated(to: state.width - 4), row: 1 + offset, column: 2, width: state.width - 4)
        }
        return ("\(state.text(.team)) › \(id)", "\(state.text(.keysScroll))  \(state.text(.keysBack))")
    }
}
