import Foundation
import LernpfadCore

/// Quiz attempts and review rounds: one question at a time, feedback with explanation and source, a summary.
public struct QuizScreen: ScreenModel {
    /// What the quiz's keys do.
    public enum Action: Hashable, Sendable {
        case cursor(Int)
        case choose(Int)
        case toggle
        case check
        case click(row: Int)
        case next
        case scroll(Int)
        case done
        case retry
        /// Esc or ⌫ with answers given: ask before they are lost.
        case leave
        /// ⏎ on that question: leave.
        case confirmLeave
        /// Esc on that question: go on with the quiz.
        case stay
    }

    static let letters = Array("abcdefgh")

    /// The round.
    public private(set) var round: QuizRound

    /// True while the screen asks whether to leave a quiz whose answers would be lost.
    public private(set) var isAskingToLeave = false

    /// A screen over `round`.
    public init(round: QuizRound) { self.round = round }

    /// True when leaving now would lose answers: a quiz attempt (not a review round, whose answers are saved one
    /// by one) with at least one answer, before its summary (where the attempt is saved).
    public var leavingLosesAnswers: Bool { !isReview && round.hasAnswers && round.phase != .summary }

    /// True for a review round, false for a module's quiz.
    public var isReview: Bool { round.module == nil }

    /// What the runner must load for this screen.
    public func needs(_ context: ScreenContext) -> [ResourceRequest] {
        context.quizRequests(Set(round.items.map(\.module)).sorted())
    }

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Action>] {
        if isAskingToLeave {
            return [
                .keys([.enter], help: .helpLeaveQuizConfirm, status: .verbLeave, .confirmLeave),
                .keys([.escape, .backspace], help: .helpStayInQuiz, status: .verbStay, .stay),
            ]
        }
        var table = phaseBindings
        if leavingLosesAnswers { table.append(.keys([.escape, .backspace], help: .helpLeaveQuiz, .leave)) }
        return table
    }

    private var phaseBindings: [KeyBinding<Action>] {
        switch round.phase {
        case .answering:
            return [
                .pattern(.keyChoices, help: .helpChoose, status: .verbChoose) { key in
                    guard case .character(let character) = key else { return nil }
                    if let digit = character.wholeNumberValue, (1...9).contains(digit) { return .choose(digit - 1) }
                    return Self.letters.firstIndex(of: character).map { .choose($0) }
                },
                .keys([.up, .down, .character("j"), .character("k"), .tab], help: .helpCursor, statusKeys: 2) { key in
                    key == .up || key == .character("k") ? .cursor(-1) : .cursor(1)
                },
                .keys([.character(" ")], help: .helpToggle, status: .verbToggle, .toggle),
                .keys([.enter], help: .helpCheck, status: .verbCheck, .check),
                .pattern(.keyClick, help: .helpClickChoose) { key in
                    if case .click(let row, _) = key { return .click(row: row) }
                    return nil
                },
                .pattern(.keyWheel, help: .helpCursor) { key in
                    key == .wheelUp ? .cursor(-1) : key == .wheelDown ? .cursor(1) : nil
                },
            ]
        case .feedback:
            return [
                .keys(
                    [.enter, .character(" "), .character("n"), .right], help: .helpNextQuestion, status: .verbNext,
                    .next),
                .keys(
                    [.up, .down, .character("j"), .character("k"), .wheelUp, .wheelDown], help: .helpScroll,
                    statusKeys: 2
                ) {
                    key in
                    [.up, .character("k"), .wheelUp].contains(key) ? .scroll(-1) : .scroll(1)
                },
            ]
        case .summary:
            var table: [KeyBinding<Action>] = [
                .keys(
                    [.enter, .character(" ")], help: isReview ? .helpBackHome : .helpBackToModule,
                    status: isReview ? .verbHome : .verbBackToModule, .done)
            ]
            if !isReview { table.append(.keys([.character("r")], help: .helpRetry, status: .verbRetry, .retry)) }
            table.append(
                .keys(
                    [.up, .down, .character("j"), .character("k"), .wheelUp, .wheelDown], help: .helpScroll,
                    status: .verbScroll, statusKeys: 2
                ) { key in
                    [.up, .character("k"), .wheelUp].contains(key) ? .scroll(-1) : .scroll(1)
                })
            return table
        }
    }

    /// Carries out one action.
    public mutating func perform(_ action: Action, context: ScreenContext, area: Rect) -> [Transition] {
        switch action {
        case .leave:
            // Asked only while answers would be lost; otherwise the key is the global back.
            if leavingLosesAnswers { isAskingToLeave = true } else { return [.pop] }
            return []
        case .confirmLeave:
            isAskingToLeave = false
            return [.pop]
        case .stay:
            isAskingToLeave = false
            return []
        default: break
        }
        switch round.phase {
        case .summary:
            switch action {
            case .done: return [.pop]
            case .scroll(let lines):
                round.scroll = min(max(round.scroll + lines, 0), 200)
                return []
            case .retry:
                guard let module = round.module, case .ready(let quiz) = context.quiz(module) else { return [] }
                round = QuizRound(
                    module: module, questions: quiz.questions.map { (module: module, question: $0) },
                    seed: context.seed, startedAt: context.now.timeIntervalSince1970)
                return []
            default: return []
            }
        case .feedback:
            switch action {
            case .next:
                // A question missed in a review round comes back at its end, until it is answered right once.
                if isReview, case .feedback(correct: false) = round.phase { round.askAgainLater() }
                round.index += 1
                round.selected = []
                round.cursor = 0
                round.scroll = 0
                round.phase = .answering
                guard round.index >= round.items.count else { return [] }
                round.phase = .summary
                return isReview ? [] : finishAttempt(context)
            case .scroll(let lines): round.scroll = min(max(round.scroll + lines, -200), 200)
            default: break
            }
            return []
        case .answering:
            guard let item = round.current, let question = context.question(module: item.module, id: item.question)
            else {
                // The question vanished from the content: end the round rather than stick.
                round.phase = .summary
                return []
            }
            let count = item.choiceOrder.count
            switch action {
            case .cursor(let delta): round.cursor = min(max(0, round.cursor + delta), count - 1)
            case .choose(let index):
                guard (0..<count).contains(index) else { return [] }
                round.cursor = index
                choose(item.choiceOrder[index], kind: question.kind)
            case .toggle: choose(item.choiceOrder[round.cursor], kind: question.kind)
            case .click(let row):
                guard let index = QuizLayout.choice(atRow: row, context: context, round: round, area: area) else {
                    return []
                }
                round.cursor = index
                choose(item.choiceOrder[index], kind: question.kind)
            case .check:
                if round.selected.isEmpty && question.kind == .single {
                    round.selected = [item.choiceOrder[round.cursor]]
                }
                guard !round.selected.isEmpty else { return [.notice(context.text(.chooseSeveral))] }
                let chosen = item.choiceOrder.filter { round.selected.contains($0) }
                let correct = question.isCorrect(chosen)
                round.phase = .feedback(correct: correct)
                // A repeat within a review round is practice: the first answer made the card and the score.
                guard !item.isRepeat else { return [] }
                round.answers.append(LearnerEvent.Answer(question: question.id, chosen: chosen, correct: correct))
                return isReview ? recordReview(item: item, correct: correct, context: context) : []
            default: break
            }
            return []
        }
    }

    private mutating func choose(_ choice: String, kind: Question.Kind) {
        if kind == .single {
            round.selected = [choice]
        } else if round.selected.contains(choice) {
            round.selected.remove(choice)
        } else {
            round.selected.insert(choice)
        }
    }

    /// Records the attempt and puts every missed question into the review queue.
    private func finishAttempt(_ context: ScreenContext) -> [Transition] {
        Self.attemptChanges(round, context: context).map { .change($0) }
    }

    /// The changes a finished attempt makes: its `quizAttempted` event, and review cards for the missed
    /// questions (and for answered ones that already had a card). The TUI's quiz and `lernpfad read` both
    /// record attempts through this, so an attempt counts the same wherever it was made.
    public static func attemptChanges(_ round: QuizRound, context: ScreenContext) -> [RecordChange] {
        guard let id = round.module, let module = context.catalog.module(id), case .ready(let quiz) = context.quiz(id)
        else { return [] }
        let score = round.score
        let event = LearnerEvent(
            at: context.now, kind: .quizAttempted, module: id, moduleVersion: module.version, score: score,
            passed: quiz.passes(score: score), answers: round.answers, seed: round.seed,
            durationSeconds: max(0, context.now.timeIntervalSince1970 - round.startedAt))
        var cards: [String: ReviewCard] = [:]
        for answer in round.answers {
            let key = ReviewKey.make(module: id, question: answer.question)
            if let card = context.record?.review[key] {
                cards[key] = card.reviewed(correct: answer.correct, at: context.now)
            } else if !answer.correct {
                cards[key] = ReviewCard(missedAt: context.now)
            }
        }
        return [.append([event])] + (cards.isEmpty ? [] : [.reviewCards(cards)])
    }

    private func recordReview(item: QuizRound.Item, correct: Bool, context: ScreenContext) -> [Transition] {
        let version = context.catalog.module(item.module)?.version
        let event = LearnerEvent(
            at: context.now, kind: .questionReviewed, module: item.module, moduleVersion: version,
            question: item.question, passed: correct)
        let key = ReviewKey.make(module: item.module, question: item.question)
        let card = (context.record?.review[key] ?? ReviewCard(missedAt: context.now)).reviewed(
            correct: correct, at: context.now)
        return [.change(.append([event])), .change(.reviewCards([key: card]))]
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        if isAskingToLeave {
            // The question goes below the quiz, wrapped, with one blank row between.
            let question = QuizLayout.leaveQuestion(context.text, width: max(1, area.width - 4))
            let rows = min(question.count, max(0, area.height - 2))
            let body = Rect(row: area.row, column: area.column, width: area.width, height: area.height - rows - 1)
            if body.height > 0 { QuizLayout.draw(context, round, into: &canvas, area: body) }
            for (offset, line) in question.prefix(rows).enumerated() {
                _ = canvas.draw(
                    line, row: area.row + area.height - rows + offset, column: area.column + 2,
                    width: max(1, area.width - 4))
            }
        } else {
            QuizLayout.draw(context, round, into: &canvas, area: area)
        }
        guard let id = round.module else { return context.text(.review) }
        return "\(context.catalog.module(id)?.title.text(in: context.language) ?? id) › \(context.text(.quiz))"
    }
}
