import Foundation
import LernpfadCore

/// One module: summary, objectives, lessons with done marks, the quiz, the sources.
enum ModuleScreen {
    static func content(_ state: AppState, id: String, now: Date) -> ListContent {
        let text = state.text
        let language = state.language
        guard let module = state.catalog.module(id) else { return ListContent() }
        let width = max(10, state.width - 4)
        let validity = state.record?.learner.roles.compactMap { state.catalog.path($0) }
            .first { $0.modules.contains(id) }
        let progress = ProgressEngine.module(
            module, validity: validity?.validity ?? ISODuration(months: 12),
            dueSoon: validity?.dueSoon ?? LearningPath.defaultDueSoon, events: state.events, now: now)
        var header = [
            StyledLine([
                (module.title.text(in: language), Theme.title),
                ("  v\(module.version) · \(module.minutes) \(text(.minutes)) · ", Theme.muted),
                (text(progress.state.phrase), Theme.state(progress.state.role)),
            ])
        ]
        header += MarkdownLayout.layout(module.summary.text(in: language), width: width)
        header.append(.empty)
        header.append(StyledLine(text(.objectives), style: Theme.title.with(role: .normal)))
        for objective in module.objectives {
            header += MarkdownLayout.layout("- " + objective.text(in: language), width: width)
        }
        if !progress.refresherLessons.isEmpty {
            header.append(StyledLine("↻ \(text(.refresher)): \(text(.changedLessons)) ↻", style: Theme.warning))
        }
        header.append(.empty)
        var items = module.lessons.enumerated().map { index, lesson -> StyledLine in
            let done = progress.lessonsCompleted.contains(lesson.id)
            let changed = progress.refresherLessons.contains(lesson.id)
            let minutes = lesson.minutes.map { "  \($0) \(text(.minutes))" } ?? ""
            return StyledLine([
                (done ? "✓ " : changed ? "↻ " : "· ", done ? Theme.success : changed ? Theme.warning : Theme.muted),
                ("\(index + 1). \(lesson.title.text(in: language))", Theme.plain), (minutes, Theme.muted),
            ])
        }
        if let quiz = module.quiz {
            var line = StyledLine([
                ("? ", Theme.accent),
                (
                    "\(text(.takeQuiz)) · \(quiz.questions.count) · \(text(.passMark)) \(Int(quiz.passMark * 100))%",
                    Theme.plain
                ),
            ])
            if let score = progress.lastScore {
                line.append("  (\(text(.score)) \(Int((score * 100).rounded()))%)", style: Theme.muted)
            }
            items.append(line)
        } else if module.hasQuiz {
            // A deferred quiz that turned out broken: keep the item, so choosing it says why.
            items.append(StyledLine([("? ", Theme.warning), (text(.quizBroken), Theme.warning)]))
        }
        var footer: [StyledLine] = [.empty, StyledLine(text(.sources), style: Theme.title.with(role: .normal))]
        for source in module.sources {
            let url = source.url.map { " (\($0))" } ?? ""
            footer += MarkdownLayout.layout("- " + source.title + url, width: width).map { line in
                StyledLine(line.spans.map { StyledSpan($0.text, style: Theme.muted) })
            }
        }
        return ListContent(header: header, items: items, footer: footer)
    }

    static func update(
        _ state: inout AppState, id: String, _ list: inout ListState, _ key: Key, now: Date,
        environment: AppEnvironment
    ) -> [Effect] {
        guard let module = state.catalog.module(id) else { return [] }
        let content = content(state, id: id, now: now)
        let open = content.navigate(&list, with: key, bodyHeight: state.bodyHeight)
        state.screen = .module(id: id, list: list)
        guard let open else { return [] }
        if module.lessons.indices.contains(open) {
            return Navigation.openLesson(
                &state, module: id, lesson: module.lessons[open].id, now: now, environment: environment)
        }
        Navigation.startQuiz(&state, module: id, environment: environment)
        return []
    }
}
