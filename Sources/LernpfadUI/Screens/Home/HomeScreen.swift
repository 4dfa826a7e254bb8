import Foundation
import LernpfadCore

/// Home: continue, review, and each role's path with its progress and milestone state.
public struct HomeScreen: ScreenModel {
    /// What home's keys do.
    public enum Action: Hashable, Sendable {
        case list(ListAction)
        case resume
        case review
    }

    enum Item {
        case resume
        case review
        case path(String)
        case team
    }

    /// Roles that look after others and so see the team view.
    static let teamRoles: Set<String> = ["ambassador", "leader", "ai-manager"]

    /// The cursor.
    public var list = ListState()

    /// Home at its first item.
    public init() {}

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Action>] {
        [
            .keys([.character("c")], help: .helpContinue, .resume),
            .keys([.character("r")], help: .helpReview, .review),
        ] + ListKeys.bindings.map { $0.map(Action.list) }
    }

    /// What the runner must load for this screen.
    public func needs(_ context: ScreenContext) -> [ResourceRequest] {
        // Due reviews are counted only for questions whose quiz is loaded.
        context.quizRequests(context.reviewModules.sorted())
    }

    static func items(_ context: ScreenContext) -> [Item] {
        let roles = context.record?.learner.roles ?? []
        let paths: [Item] = roles.filter { context.catalog.path($0) != nil }.map { .path($0) }
        return [.resume, .review] + paths + (roles.contains(where: teamRoles.contains) ? [.team] : [])
    }

    /// Carries out one action.
    public mutating func perform(_ action: Action, context: ScreenContext, area: Rect) -> [Transition] {
        let chosen: Item?
        switch action {
        case .resume: chosen = .resume
        case .review: chosen = .review
        case .list(let listAction):
            let entries = Self.items(context)
            chosen = Self.content(context, width: area.width).perform(listAction, on: &list, bodyHeight: area.height)
                .map { entries[$0] }
        }
        guard let chosen else { return [] }
        switch chosen {
        case .resume: return NextStep.find(context)?.transitions(context) ?? []
        case .review: return Navigation.startReview(context: context)
        case .path(let role): return [.push(PathScreen(role: role))]
        // Read the folder anew each time the view opens: learners and attestations change while one reads.
        case .team: return [.reload(.team), .push(TeamScreen(team: context.record?.learner.team))]
        }
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        Self.content(context, width: area.width).draw(into: &canvas, list: list, area: area.inset(horizontal: 2))
        return "\(context.text(.appName)) · \(context.text(.home))"
    }

    static func content(_ context: ScreenContext, width: Int) -> ListContent {
        let text = context.text
        guard let record = context.record else { return ListContent() }
        let language = context.language
        let catalog = context.catalog
        var header: [StyledLine] = [StyledLine(catalog.course.title.text(in: language), style: Theme.title), .empty]
        if let team = record.learner.team, !team.isEmpty {
            header.insert(StyledLine(team, style: Theme.muted), at: 1)
        }
        var lines: [StyledLine] = []
        var footer: [StyledLine] = []
        let paths = ProgressEngine.paths(for: record, catalog: catalog, now: context.now)
        for item in items(context) {
            switch item {
            case .resume:
                if let step = NextStep.find(context) { lines.append(step.line(context)) }
            case .review:
                // "7 Fragen heute · 3 morgen", as Anki counts what is due.
                let due = context.dueReviews().count
                let tomorrow = context.dueReviews(at: context.now.addingTimeInterval(86_400)).count - due
                var words =
                    due == 1
                    ? text(.reviewTodayOne) : due > 1 ? text(.reviewToday, String(due)) : text(.nothingToReview)
                if tomorrow > 0 { words += " · " + text(.reviewTomorrow, String(tomorrow)) }
                lines.append(
                    StyledLine([
                        ("↻ ", due > 0 ? Theme.accent : Theme.muted), (words, due > 0 ? Theme.plain : Theme.muted),
                    ]))
            case .team:
                lines.append(StyledLine([("≡ ", Theme.accent), (text(.team), Theme.plain)]))
            case .path(let role):
                guard let path = catalog.path(role), let progress = paths.first(where: { $0.role == role }) else {
                    continue
                }
                let lessons = Self.lessons(progress, catalog: catalog)
                let barWidth = max(6, min(20, width / 6))
                lines.append(
                    StyledLine([
                        (path.title.text(in: language), Theme.title.with(role: .normal)), ("  ", Theme.plain),
                        (ProgressBar.bar(lessons.fraction, width: barWidth), Theme.state(progress.state.role)),
                        (
                            " \(lessons.percent)% · \(progress.modulesDone)/\(progress.modules.count) \(text(.modulesDone)) · ",
                            Theme.plain
                        ),
                        (milestoneWords(progress, context: context), Theme.state(progress.state.role)),
                    ]))
                for milestone in progress.milestones {
                    let title =
                        path.milestones.first { $0.id == milestone.milestone }?.title.text(in: language)
                        ?? milestone.milestone
                    footer.append(milestoneLine(title, milestone, context: context))
                }
            }
        }
        if !footer.isEmpty { footer.insert(.empty, at: 0) }
        return ListContent(header: header, items: lines, footer: footer)
    }

    /// How far a path is by lessons, so the bar moves with every lesson read: a completed module counts all its
    /// lessons, an unfinished one those read in its current cycle.
    static func lessons(_ progress: PathProgress, catalog: Catalog) -> (
        done: Int, total: Int, fraction: Double, percent: Int
    ) {
        var done = 0
        var total = 0
        for module in progress.modules {
            guard let content = catalog.module(module.module) else { continue }
            total += content.lessons.count
            done +=
                module.state.isValidCompletion
                ? content.lessons.count : content.lessons.filter { module.lessonsCompleted.contains($0.id) }.count
        }
        let fraction = total == 0 ? 0 : Double(done) / Double(total)
        return (done, total, fraction, Int((fraction * 100).rounded()))
    }

    /// A path's state in words. When something needs attention, which module and how long ago or how soon:
    /// "überfällig: KI-Grundlagen, seit 265 Tagen überfällig"; when completed, since and until when.
    static func milestoneWords(_ progress: PathProgress, context: ScreenContext) -> String {
        let text = context.text
        let wording = TeamWording.for(context.language)
        var words = text(progress.state.phrase)
        let window = context.catalog.path(progress.role)?.dueSoon ?? ISODuration(days: 30)
        if progress.state.needsAttention {
            // The module the path takes its state from, the one needed soonest.
            let deciding = progress.modules.compactMap { module -> (ModuleProgress, StateDerivation.Reason)? in
                let reason = StateDerivation.reason(module, dueSoon: window)
                return reason.state == progress.state ? (module, reason) : nil
            }
            .min { ($0.1.due ?? .distantFuture) < ($1.1.due ?? .distantFuture) }
            if let (module, reason) = deciding {
                let title = context.catalog.module(module.module)?.title.text(in: context.language) ?? module.module
                let days = Explanation.daysLeft(until: reason.due, now: context.now).map {
                    ExplanationLines.daysWords($0, overdue: progress.state == .overdue, text: text)
                }
                switch (progress.state, days) {
                case (.overdue, let days?): words = "\(title) \(days)"
                case (.dueSoon, let days?): words += ": \(title), \(days)"
                default: words += ": \(title)"
                }
            }
        } else if progress.state == .waived {
            // Covered by a waiver: until when, when it ends (the reasons are on the path screen and under w).
            if let until = progress.modules.compactMap({ $0.waiver?.until }).min() {
                words += ", \(text(.validUntil)) \(wording.format(until))"
            }
        } else if progress.state.isValidCompletion, let completed = progress.completedAt {
            words = "\(text(.completedOn)) \(wording.format(completed))"
            if let until = progress.validUntil { words += ", \(text(.validUntil)) \(wording.format(until))" }
        }
        return words
    }

    static func milestoneLine(_ title: String, _ milestone: MilestoneProgress, context: ScreenContext) -> StyledLine {
        let text = context.text
        var words = text(.notAttested)
        if let at = milestone.attestedAt {
            words = "\(text(.completedOn)) \(TeamWording.for(context.language).format(at))"
            if let by = milestone.attestedBy { words += " (\(text(.attestedBy)) \(TerminalSafeText.sanitize(by)))" }
            if milestone.state != .completed { words += " – \(text(milestone.state.phrase))" }
        }
        return StyledLine([
            ("  \(milestone.state.mark) \(text(.milestone)): ", Theme.muted), (title, Theme.plain),
            (" · ", Theme.muted),
            (words, Theme.state(milestone.state.role)),
        ])
    }
}
