import Foundation
import LernpfadCore

/// Quiz attempts and review rounds: one question at a time, feedback with explanation and source, a summary.
enum QuizScreen {
    static let letters = Array("abcdefgh")

    static func question(_ state: AppState, _ item: QuizState.Item) -> Question? {
        state.catalog.module(item.module)?.quiz?.question(item.question)
    }

    static func update(_ state: inout AppState, _ quiz: inout QuizState, _ key: Key, now: Date) -> [Effect] {
        var effects: [Effect] = []
        let isReview = quiz.module == nil
        defer { state.screen = isReview ? .review(quiz) : .quiz(quiz) }
        switch quiz.phase {
        case .summary:
            switch key {
            case .character("r") where !isReview:
                let module = quiz.module ?? ""
                let questions =
                    state.catalog.module(module)?.quiz?.questions.map { (module: module, question: $0) } ?? []
                let seed = SeededGenerator(
                    seed: quiz.seed ^ UInt64(bitPattern: Int64(now.timeIntervalSince1970 * 1000))
                ).seedValue
                quiz = QuizState(module: module, questions: questions, seed: seed, startedAt: now.timeIntervalSince1970)
            case .enter, .character(" "):
                state.stack.removeLast()
                return []
            default: break
            }
            return []
        case .feedback:
            switch key {
            case .enter, .character(" "), .character("n"), .right:
                quiz.index += 1
                quiz.selected = []
                quiz.cursor = 0
                quiz.scroll = 0
                quiz.phase = .answering
                if quiz.index >= quiz.items.count {
                    quiz.phase = .summary
                    if !isReview { effects += finishAttempt(&state, quiz, now: now) }
                }
            case .down, .character("j"), .wheelDown: quiz.scroll = min(quiz.scroll + 1, 200)
            case .up, .character("k"), .wheelUp: quiz.scroll = max(quiz.scroll - 1, -200)
            default: break
            }
            return effects
        case .answering:
            guard let item = quiz.current, let question = question(state, item) else {
                quiz.phase = .summary
                return []
            }
            let count = item.choiceOrder.count
            switch key {
            case .up, .character("k"), .wheelUp: quiz.cursor = max(0, quiz.cursor - 1)
            case .down, .character("j"), .wheelDown, .tab: quiz.cursor = min(count - 1, quiz.cursor + 1)
            case .character(let character) where character.isNumber || letters.contains(character):
                let index = character.wholeNumberValue.map { $0 - 1 } ?? letters.firstIndex(of: character) ?? -1
                guard (0..<count).contains(index) else { return [] }
                quiz.cursor = index
                choose(&quiz, item.choiceOrder[index], kind: question.kind)
            case .character(" "):
                choose(&quiz, item.choiceOrder[quiz.cursor], kind: question.kind)
            case .click(let row, _):
                if let index = QuizLayout.choice(atRow: row, state: state, quiz: quiz) {
                    quiz.cursor = index
                    choose(&quiz, item.choiceOrder[index], kind: question.kind)
                }
            case .enter:
                if quiz.selected.isEmpty && question.kind == .single {
                    quiz.selected = [item.choiceOrder[quiz.cursor]]
                }
                guard !quiz.selected.isEmpty else {
                    state.notice = state.text(.chooseSeveral)
                    return []
                }
                let chosen = item.choiceOrder.filter { quiz.selected.contains($0) }
                let correct = question.isCorrect(chosen)
                quiz.answers.append(LearnerEvent.Answer(question: question.id, chosen: chosen, correct: correct))
                quiz.phase = .feedback(correct: correct)
                if isReview { effects += recordReview(&state, item: item, correct: correct, now: now) }
            default: break
            }
            return effects
        }
    }

    private static func choose(_ quiz: inout QuizState, _ choice: String, kind: Question.Kind) {
        if kind == .single {
            quiz.selected = [choice]
        } else if quiz.selected.contains(choice) {
            quiz.selected.remove(choice)
        } else {
            quiz.selected.insert(choice)
        }
    }

    /// Records the attempt and puts every missed question into the review queue.
    private static func finishAttempt(_ state: inout AppState, _ quiz: QuizState, now: Date) -> [Effect] {
        guard let id = quiz.module, let module = state.catalog.module(id), let content = module.quiz else { return [] }
        let score = quiz.score
        let event = LearnerEvent(
            at: now, kind: .quizAttempted, module: id, moduleVersion: module.version, score: score,
            passed: content.passes(score: score), answers: quiz.answers, seed: quiz.seed,
            durationSeconds: max(0, now.timeIntervalSince1970 - quiz.startedAt))
        state.record?.events.append(event)
        var cards: [String: ReviewCard] = [:]
        for answer in quiz.answers {
            let key = ReviewKey.make(module: id, question: answer.question)
            if let card = state.record?.review[key] {
                cards[key] = card.reviewed(correct: answer.correct, at: now)
            } else if !answer.correct {
                cards[key] = ReviewCard(missedAt: now)
            }
        }
        for (key, card) in cards { state.record?.review[key] = card }
        return cards.isEmpty ? [.append([event])] : [.append([event]), .saveReviewCards(cards)]
    }

    private static func recordReview(_ state: inout AppState, item: QuizState.Item, correct: Bool, now: Date)
        -> [Effect]
    {
        let version = state.catalog.module(item.module)?.version
        let event = LearnerEvent(
            at: now, kind: .questionReviewed, module: item.module, moduleVersion: version, question: item.question,
            passed: correct)
        state.record?.events.append(event)
        let key = ReviewKey.make(module: item.module, question: item.question)
        let card = (state.record?.review[key] ?? ReviewCard(missedAt: now)).reviewed(correct: correct, at: now)
        state.record?.review[key] = card
        return [.append([event]), .saveReviewCards([key: card])]
    }
}

extension SeededGenerator {
    /// One draw, used to derive a new seed from an old one.
    var seedValue: UInt64 {
        var copy = self
        return copy.next()
    }
}
