import Foundation
import LernpfadCore

/// One role's path: its modules in order with status, minutes and locks.
public struct PathScreen: ScreenModel {
    /// The path's role.
    public let role: String
    /// The cursor.
    public var list = ListState()

    /// What the path screen's keys do.
    public enum Action: Hashable, Sendable {
        case list(ListAction)
        /// "Warum?" for the module under the cursor.
        case why
    }

    /// The path of `role`.
    public init(role: String) { self.role = role }

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Action>] {
        [.keys([.character("w")], help: .helpWhy, status: .verbWhy, .why)]
            + ListKeys.bindings.map { $0.map(Action.list) }
    }

    /// Carries out one action.
    public mutating func perform(_ action: Action, context: ScreenContext, area: Rect) -> [Transition] {
        guard let path = context.catalog.path(role) else { return [] }
        guard case .list(let action) = action else {
            let module = path.modules.indices.contains(list.selected) ? path.modules[list.selected] : nil
            return [.push(ExplanationScreen(subject: module ?? role))]
        }
        let content = Self.content(context, role: role, width: area.width)
        guard let open = content.perform(action, on: &list, bodyHeight: area.height),
            path.modules.indices.contains(open)
        else { return [] }
        guard let module = context.catalog.module(path.modules[open]) else {
            return [.notice("\(path.modules[open]): \(context.text(.unavailable))")]
        }
        let missing = ProgressEngine.missingPrerequisites(
            module, events: context.events, catalog: context.catalog, now: context.now)
        guard missing.isEmpty else {
            let names = missing.map { context.catalog.module($0)?.title.text(in: context.language) ?? $0 }
            return [.notice("\(context.text(.locked)): \(context.text(.requires)) \(names.joined(separator: ", "))")]
        }
        return [.push(ModuleScreen(module: module.id))]
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        Self.content(context, role: role, width: area.width).draw(
            into: &canvas, list: list, area: area.inset(horizontal: 2))
        let title = context.catalog.path(role)?.title.text(in: context.language) ?? role
        return "\(context.text(.path)) · \(title)"
    }

    static func content(_ context: ScreenContext, role: String, width: Int) -> ListContent {
        let language = context.language
        guard let path = context.catalog.path(role) else { return ListContent() }
        let progress = ProgressEngine.path(
            for: path, events: context.events, catalog: context.catalog, now: context.now)
        var header = [StyledLine(path.title.text(in: language), style: Theme.title)]
        if let summary = path.summary?.text(in: language) {
            header += MarkdownLayout.layout(summary, width: max(10, width - 4))
        }
        let lessons = HomeScreen.lessons(progress, catalog: context.catalog)
        header.append(
            StyledLine([
                (ProgressBar.bar(lessons.fraction, width: 20), Theme.state(progress.state.role)),
                (
                    " \(lessons.percent)% · \(context.text(.lessonsCount, String(lessons.done), String(lessons.total))) · ",
                    Theme.plain
                ),
                (HomeScreen.milestoneWords(progress, context: context), Theme.state(progress.state.role)),
            ]))
        header.append(.empty)
        let items = progress.modules.enumerated().map { index, module -> StyledLine in
            moduleLine(context, module, number: index + 1)
        }
        var footer: [StyledLine] = [.empty]
        for milestone in progress.milestones {
            let title = path.milestones.first { $0.id == milestone.milestone }?.title.text(in: language) ?? ""
            footer.append(HomeScreen.milestoneLine(title, milestone, context: context))
        }
        return ListContent(header: header, items: items, footer: footer)
    }

    static func moduleLine(_ context: ScreenContext, _ progress: ModuleProgress, number: Int) -> StyledLine {
        let text = context.text
        guard let module = context.catalog.module(progress.module) else {
            return StyledLine("  \(number). \(progress.module) – \(text(.unavailable))", style: Theme.muted)
        }
        let missing = ProgressEngine.missingPrerequisites(
            module, events: context.events, catalog: context.catalog, now: context.now)
        var line = StyledLine([
            ("\(progress.state.mark) ", Theme.state(progress.state.role)),
            ("\(number). \(module.title.text(in: context.language))", missing.isEmpty ? Theme.plain : Theme.muted),
            ("  \(module.minutes) \(text(.minutes)) · ", Theme.muted),
        ])
        if !missing.isEmpty {
            let names = missing.map { context.catalog.module($0)?.title.text(in: context.language) ?? $0 }
            line.append("🔒 \(text(.locked)): \(text(.requires)) \(names.joined(separator: ", "))", style: Theme.muted)
        } else {
            var words = text(progress.state.phrase)
            if progress.state == .waived {
                // Why it counts, in short; the whole waiver is on the module screen and under w.
                let reason = TerminalSafeText.sanitize(progress.waiver?.reason ?? "")
                words += ": \(reason)"
                if let until = progress.waiver?.until {
                    words += " · \(text(.validUntil)) \(TeamWording.for(context.language).format(until))"
                }
            } else if progress.state == .inProgress || progress.state == .notStarted {
                words += " · \(progress.lessonsCompleted.count)/\(module.lessons.count) \(text(.lessonsDone))"
            } else if let until = progress.validUntil {
                words += " · \(text(.validUntil)) \(TeamWording.for(context.language).format(until))"
            }
            line.append(words, style: Theme.state(progress.state.role))
        }
        return line
    }
}
