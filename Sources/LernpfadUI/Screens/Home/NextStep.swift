import Foundation
import LernpfadCore

/// What home offers first: the real next step, from the same `Explanation` as "Warum?" and `lernpfad explain`.
///
/// The most urgent module that needs something (overdue, then update available, due soon, in progress, not
/// started; path order within each) and not locked, at its first lesson still to read, else its quiz. The saved
/// reading position wins while its lesson is still needed, unless something else is overdue. When nothing is
/// needed, it says so and when the next refresher is due.
struct NextStep: Equatable {
    /// Which kind of step.
    enum Kind: Equatable {
        /// Back to the lesson the learner was reading.
        case continueReading
        /// A module's refresher (expired, due soon or changed).
        case refresher
        /// The next step of a first completion.
        case next
        /// Nothing is needed now.
        case allDone
    }

    var kind: Kind
    var module: String?
    /// The lesson to open; nil with a module means its quiz (the module screen, where it starts).
    var lesson: String?
    var line = 0
    /// When nothing is needed: the earliest day a completion runs out.
    var nextRefresher: Date?

    /// The next step for the learner of `context`; nil before there is a learner.
    static func find(_ context: ScreenContext) -> NextStep? {
        guard let record = context.record,
            let explanation = try? Explanation(
                record: record, catalog: context.catalogOfLoadedQuizzes, now: context.now)
        else { return nil }
        var seen = Set<String>()
        var candidates: [(urgency: Int, item: Explanation.ModuleItem, needs: Explanation.Needs)] = []
        var nextRefresher: Date?
        for path in explanation.paths {
            for item in path.modules where seen.insert(item.module).inserted {
                guard let needs = item.needs else {
                    // A waiver's end is when the module is due again, as a completion's end is.
                    if item.state == .completed || item.state == .waived, let due = item.due {
                        nextRefresher = min(nextRefresher ?? due, due)
                    }
                    continue
                }
                guard let module = context.catalog.module(item.module),
                    ProgressEngine.missingPrerequisites(
                        module, events: context.events, catalog: context.catalog, now: context.now
                    ).isEmpty
                else { continue }
                candidates.append((item.state.urgency, item, needs))
            }
        }
        // Stable: the first of the most urgent, in path order.
        let best = candidates.enumerated().min { ($0.element.urgency, $0.offset) < ($1.element.urgency, $1.offset) }?
            .element
        if let position = record.position,
            let reading = candidates.first(where: { $0.item.module == position.module }),
            reading.needs.lessons.contains(where: { $0.lesson == position.lesson && !$0.done }),
            !(best?.item.state == .overdue && reading.item.state != .overdue)
        {
            return NextStep(
                kind: .continueReading, module: position.module, lesson: position.lesson, line: position.line)
        }
        guard let best else { return NextStep(kind: .allDone, nextRefresher: nextRefresher) }
        let kind: Kind = best.needs.kind == .refresher ? .refresher : .next
        let lesson = best.needs.lessons.first { !$0.done }?.lesson
        let line = record.position.flatMap { $0.module == best.item.module && $0.lesson == lesson ? $0.line : nil }
        return NextStep(kind: kind, module: best.item.module, lesson: lesson, line: line ?? 0)
    }

    /// Where Enter on the step leads.
    func transitions(_ context: ScreenContext) -> [Transition] {
        guard let module else { return [] }
        guard let lesson else { return [.push(ModuleScreen(module: module))] }
        return Navigation.openLesson(module: module, lesson: lesson, top: line, context: context)
    }

    /// Home's first line: "▶ Als Nächstes: KI-Grundlagen – Was ist KI?", "✓ Alles erledigt · …".
    func line(_ context: ScreenContext) -> StyledLine {
        let text = context.text
        let language = context.language
        guard kind != .allDone, let module, let content = context.catalog.module(module) else {
            var words = text(.allDone)
            if let nextRefresher {
                words += " · " + text(.nextRefresherOn, TeamWording.for(language).format(nextRefresher))
            }
            return StyledLine([("✓ ", Theme.state(.success)), (words, Theme.plain)])
        }
        let label: Phrase =
            switch kind {
            case .continueReading: .continueReading
            case .refresher: .refresherStep
            case .next, .allDone: .nextStep
            }
        let target = lesson.flatMap { content.lesson($0)?.title.text(in: language) } ?? text(.quiz)
        return StyledLine([
            ("▶ \(text(label)): ", Theme.accent), ("\(content.title.text(in: language)) – \(target)", Theme.plain),
        ])
    }
}
