import Foundation
import LernpfadCore

/// Home: continue, review, and each role's path with its progress and milestone state.
enum HomeScreen {
    enum Item {
        case resume
        case review
        case path(String)
        case team
    }

    /// Roles that look after others and so see the team view.
    static let teamRoles: Set<String> = ["ambassador", "leader", "ai-manager"]

    static func items(_ state: AppState, now: Date) -> [Item] {
        let roles = state.record?.learner.roles ?? []
        let paths: [Item] = roles.filter { state.catalog.path($0) != nil }.map { .path($0) }
        return [.resume, .review] + paths + (roles.contains(where: teamRoles.contains) ? [.team] : [])
    }

    static func content(_ state: AppState, now: Date) -> ListContent {
        let text = state.text
        guard let record = state.record else { return ListContent() }
        let language = state.language
        var header: [StyledLine] = [
            StyledLine(state.catalog.course.title.text(in: language), style: Theme.title), .empty,
        ]
        if let team = record.learner.team, !team.isEmpty {
            header.insert(StyledLine(team, style: Theme.muted), at: 1)
        }
        var lines: [StyledLine] = []
        var footer: [StyledLine] = []
        let paths = ProgressEngine.paths(for: record, catalog: state.catalog, now: now)
        for item in items(state, now: now) {
            switch item {
            case .resume:
                if let point = Navigation.resumePoint(state, now: now),
                    let module = state.catalog.module(point.module), let lesson = module.lesson(point.lesson)
                {
                    lines.append(
                        StyledLine([
                            ("▶ \(text(.continueReading)): ", Theme.accent),
                            ("\(module.title.text(in: language)) – \(lesson.title.text(in: language))", Theme.plain),
                        ]))
                } else {
                    lines.append(StyledLine("▶ \(text(.continueReading))", style: Theme.muted))
                }
            case .review:
                let due = ProgressEngine.dueReviews(record, catalog: state.catalog, now: now).count
                lines.append(
                    due > 0
                        ? StyledLine([("↻ ", Theme.accent), ("\(due) \(text(.reviewDue))", Theme.plain)])
                        : StyledLine("↻ \(text(.nothingToReview))", style: Theme.muted))
            case .team:
                lines.append(StyledLine([("≡ ", Theme.accent), (text(.team), Theme.plain)]))
            case .path(let role):
                guard let path = state.catalog.path(role), let progress = paths.first(where: { $0.role == role }) else {
                    continue
                }
                let percent = Int((progress.fraction * 100).rounded(.down))
                let barWidth = max(6, min(20, state.width / 6))
                let name = path.title.text(in: language)
                lines.append(
                    StyledLine([
                        (name, Theme.title.with(role: .normal)), ("  ", Theme.plain),
                        (ProgressBar.bar(progress.fraction, width: barWidth), Theme.state(progress.state.role)),
                        (
                            " \(percent)% · \(progress.modulesDone)/\(progress.modules.count) \(text(.modulesDone)) · ",
                            Theme.plain
                        ),
                        (milestoneWords(progress, text: text), Theme.state(progress.state.role)),
                    ]))
                for milestone in progress.milestones {
                    let title =
                        path.milestones.first { $0.id == milestone.milestone }?.title.text(in: language)
                        ?? milestone.milestone
                    footer.append(milestoneLine(title, milestone, text: text))
                }
            }
        }
        if !footer.isEmpty { footer.insert(.empty, at: 0) }
        return ListContent(header: header, items: lines, footer: footer)
    }

    static func milestoneWords(_ progress: PathProgress, text: Localizer) -> String {
        var words = text(progress.state.phrase)
        if progress.state.isValidCompletion || progress.state == .overdue, let completed = progress.completedAt {
            words = "\(text(.completedOn)) \(CalendarDay(completed))"
            if let until = progress.validUntil {
                words += ", \(text(.validUntil)) \(CalendarDay(until))"
            }
            if progress.state != .completed { words += " – \(text(progress.state.phrase))" }
        }
        return words
    }

    static func milestoneLine(_ title: String, _ milestone: MilestoneProgress, text: Localizer) -> StyledLine {
        var words = text(.notAttested)
        if let at = milestone.attestedAt {
            words = "\(text(.completedOn)) \(CalendarDay(at))"
            if let by = milestone.attestedBy { words += " (\(text(.attestedBy)) \(by))" }
            if milestone.state != .completed { words += " – \(text(milestone.state.phrase))" }
        }
        return StyledLine([
            ("  \(milestone.state.mark) \(text(.milestone)): ", Theme.muted), (title, Theme.plain),
            (" · ", Theme.muted),
            (words, Theme.state(milestone.state.role)),
        ])
    }

    static func update(
        _ state: inout AppState, _ list: inout ListState, _ key: Key, now: Date, environment: AppEnvironment
    ) -> [Effect] {
        let content = content(state, now: now)
        let entries = items(state, now: now)
        var action: Item?
        switch key {
        case .character("c"): action = .resume
        case .character("r"): action = .review
        default:
            action = content.navigate(&list, with: key, bodyHeight: state.bodyHeight).map { entries[$0] }
        }
        state.screen = .home(list)
        guard let action else { return [] }
        return activate(&state, action, now: now, environment: environment)
    }

    private static func activate(_ state: inout AppState, _ item: Item, now: Date, environment: AppEnvironment)
        -> [Effect]
    {
        switch item {
        case .resume:
            guard let point = Navigation.resumePoint(state, now: now) else { return [] }
            return Navigation.openLesson(
                &state, module: point.module, lesson: point.lesson, top: point.line, now: now, environment: environment)
        case .review:
            Navigation.startReview(&state, now: now, environment: environment)
            return []
        case .path(let role):
            AppModel.push(&state, .path(role: role, list: ListState()))
            return []
        case .team:
            TeamScreen.open(&state, environment: environment)
            return []
        }
    }
}
