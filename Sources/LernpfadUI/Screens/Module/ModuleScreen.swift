import Foundation
import LernpfadCore

/// One module: summary, objectives, lessons with done marks, the quiz, the sources.
public struct ModuleScreen: ScreenModel {
    /// The module.
    public let module: String
    /// The cursor.
    public var list = ListState()

    /// The screen of `module`.
    public init(module: String) { self.module = module }

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<ListAction>] { ListKeys.bindings }

    /// What the runner must load for this screen.
    public func needs(_ context: ScreenContext) -> [ResourceRequest] { context.quizRequests([module]) }

    /// Carries out one action.
    public mutating func perform(_ action: ListAction, context: ScreenContext, area: Rect) -> [Transition] {
        guard let content = context.catalog.module(module),
            let open = Self.content(context, id: module, width: area.width).perform(
                action, on: &list, bodyHeight: area.height)
        else { return [] }
        if content.lessons.indices.contains(open) {
            return Navigation.openLesson(module: module, lesson: content.lessons[open].id, context: context)
        }
        switch Navigation.quiz(module: module, context: context) {
        case .success(let screen): return [.push(screen)]
        case .failure(let reason): return [.notice(reason.message)]
        }
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        Self.content(context, id: module, width: area.width).draw(
            into: &canvas, list: list, area: area.inset(horizontal: 2))
        let title = context.catalog.module(module)?.title.text(in: context.language) ?? module
        return "\(context.text(.module)) · \(title)"
    }

    /// The module's progress as the learner's paths derive it (deadlines included), the most urgent where two
    /// paths hold it, so this screen says what the path screen, `status` and `team` say.
    static func progress(_ context: ScreenContext, _ module: Module) -> ModuleProgress {
        if let record = context.record {
            let held = ProgressEngine.paths(for: record, catalog: context.catalog, now: context.now)
                .flatMap(\.modules).filter { $0.module == module.id }
            if let most = held.min(by: { $0.state.urgency < $1.state.urgency }) { return most }
        }
        let validity = context.record?.learner.roles.compactMap { context.catalog.path($0) }
            .first { $0.modules.contains(module.id) }
        return ProgressEngine.module(
            module, validity: validity?.validity ?? ISODuration(months: 12),
            dueSoon: validity?.dueSoon ?? LearningPath.defaultDueSoon, events: context.events, now: context.now)
    }

    /// The waiver one of the learner's paths holds for the module, if any.
    static func heldWaiver(_ context: ScreenContext, _ module: Module) -> Waiver? {
        guard let record = context.record else { return nil }
        return ProgressEngine.paths(for: record, catalog: context.catalog, now: context.now)
            .flatMap(\.modules).first { $0.module == module.id && $0.waiver != nil }?.waiver
    }

    static func content(_ context: ScreenContext, id: String, width totalWidth: Int) -> ListContent {
        let text = context.text
        let language = context.language
        guard let module = context.catalog.module(id) else { return ListContent() }
        let width = max(10, totalWidth - 4)
        let progress = progress(context, module)
        var header = [
            StyledLine([
                (module.title.text(in: language), Theme.title),
                ("  v\(module.version) · \(module.minutes) \(text(.minutes)) · ", Theme.muted),
                (text(progress.state.phrase), Theme.state(progress.state.role)),
            ])
        ]
        // An exception is shown with its reason wherever the state is (docs/status.md). A path waiver covers the
        // module in that path only: where another path still needs it, the state is that path's, and the waiver
        // is shown with it all the same.
        if let waiver = progress.waiver ?? heldWaiver(context, module) {
            let note = TerminalSafeText.sanitize(TeamWording.for(language).waiverNote(waiver))
            let style = Theme.state(progress.state.role)
            header += MarkdownLayout.layout(note, width: width).map { line in
                var styled = StyledLine("")
                for span in line.spans { styled.append(span.text, style: style) }
                return styled
            }
        }
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
        let position = context.record?.position
        var items = module.lessons.enumerated().map { index, lesson -> StyledLine in
            let changed = progress.refresherLessons.contains(lesson.id)
            // Read in this cycle, or read for a completion and not changed since: a tick stays after completing.
            let done = progress.lessonsCompleted.contains(lesson.id) || (progress.completion != nil && !changed)
            let started =
                !done && position?.module == id && position?.lesson == lesson.id ? position.map(\.line) ?? 0 : 0
            let minutes = lesson.minutes.map { "  \($0) \(text(.minutes))" } ?? ""
            let mark =
                done
                ? ("✓ ", Theme.success)
                : changed ? ("↻ ", Theme.warning) : started > 0 ? ("◐ ", Theme.accent) : ("· ", Theme.muted)
            var line = StyledLine([
                mark, ("\(index + 1). \(lesson.title.text(in: language))", Theme.plain), (minutes, Theme.muted),
            ])
            if started > 0 { line.append(" · " + text(.startedAtLine, String(started + 1)), style: Theme.accent) }
            return line
        }
        switch context.quiz(id) {
        case .ready(let quiz):
            let passMark = String(Int((quiz.passMark * 100).rounded()))
            let facts =
                quiz.questions.count == 1
                ? text(.quizFactsOneQuestion, passMark)
                : text(.quizFacts, String(quiz.questions.count), passMark)
            var line = StyledLine([("? ", Theme.accent), (facts, Theme.plain)])
            if let score = progress.lastScore {
                line.append("  (\(text(.score)) \(Int((score * 100).rounded()))%)", style: Theme.muted)
            }
            items.append(line)
        case .loading: items.append(StyledLine([("? ", Theme.accent), (text(.quiz), Theme.plain)]))
        case .broken:
            // Keep the item, so choosing it says why.
            items.append(StyledLine([("? ", Theme.warning), (text(.quizBroken), Theme.warning)]))
        case .none: break
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
}
