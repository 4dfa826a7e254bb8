import Foundation
import LernpfadCore

/// One role's path: its modules in order with status, minutes and locks.
enum PathScreen {
    static func content(_ state: AppState, role: String, now: Date) -> ListContent {
        let text = state.text
        let language = state.language
        guard let path = state.catalog.path(role) else { return ListContent() }
        let progress = ProgressEngine.path(for: path, events: state.events, catalog: state.catalog, now: now)
        var header = [StyledLine(path.title.text(in: language), style: Theme.title)]
        if let summary = path.summary?.text(in: language) {
            header += MarkdownLayout.layout(summary, width: max(10, state.width - 4))
        }
        header.append(
            StyledLine([
                (ProgressBar.bar(progress.fraction, width: 20), Theme.state(progress.state.role)),
                (" \(Int((progress.fraction * 100).rounded(.down)))% · ", Theme.plain),
                (HomeScreen.milestoneWords(progress, text: text), Theme.state(progress.state.role)),
            ]))
        header.append(.empty)
        let items = progress.modules.enumerated().map { index, module -> StyledLine in
            moduleLine(state, module, number: index + 1, now: now)
        }
        var footer: [StyledLine] = [.empty]
        for milestone in progress.milestones {
            let title = path.milestones.first { $0.id == milestone.milestone }?.title.text(in: language) ?? ""
            footer.append(HomeScreen.milestoneLine(title, milestone, text: text))
        }
        return ListContent(header: header, items: items, footer: footer)
    }

    static func moduleLine(_ state: AppState, _ progress: ModuleProgress, number: Int, now: Date) -> StyledLine {
        let text = state.text
        guard let module = state.catalog.module(progress.module) else {
            return StyledLine("  \(number). \(progress.module) – \(text(.unavailable))", style: Theme.muted)
        }
        let missing = ProgressEngine.missingPrerequisites(
            module, events: state.events, catalog: state.catalog, now: now)
        var line = StyledLine([
            ("\(progress.state.mark) ", Theme.state(progress.state.role)),
            ("\(number). \(module.title.text(in: state.language))", missing.isEmpty ? Theme.plain : Theme.muted),
            ("  \(module.minutes) \(text(.minutes)) · ", Theme.muted),
        ])
        if !missing.isEmpty {
            let names = missing.map { state.catalog.module($0)?.title.text(in: state.language) ?? $0 }
            line.append("🔒 \(text(.locked)): \(text(.requires)) \(names.joined(separator: ", "))", style: Theme.muted)
        } else {
            var words = text(progress.state.phrase)
            if progress.state == .inProgress || progress.state == .notStarted {
                words += " · \(progress.lessonsCompleted.count)/\(module.lessons.count) \(text(.lessonsDone))"
            } else if let until = progress.validUntil {
                words += " · \(text(.validUntil)) \(CalendarDay(until))"
            }
            line.append(words, style: Theme.state(progress.state.role))
        }
        return line
    }

    static func update(
        _ state: inout AppState, role: String, _ list: inout ListState, _ key: Key, now: Date,
        environment: AppEnvironment
    ) -> [Effect] {
        guard let path = state.catalog.path(role) else { return [] }
        let content = content(state, role: role, now: now)
        let open = content.navigate(&list, with: key, bodyHeight: state.bodyHeight)
        state.screen = .path(role: role, list: list)
        guard let open, path.modules.indices.contains(open) else { return [] }
        guard let module = state.catalog.module(path.modules[open]) else {
            state.notice = "\(path.modules[open]): \(state.text(.unavailable))"
            return []
        }
        let missing = ProgressEngine.missingPrerequisites(
            module, events: state.events, catalog: state.catalog, now: now)
        if !missing.isEmpty {
            let names = missing.map { state.catalog.module($0)?.title.text(in: state.language) ?? $0 }
            state.notice = "\(state.text(.locked)): \(state.text(.requires)) \(names.joined(separator: ", "))"
            return []
        }
        AppModel.push(&state, .module(id: module.id, list: ListState()))
        return []
    }
}
