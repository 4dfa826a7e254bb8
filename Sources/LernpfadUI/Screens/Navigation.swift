import Foundation
import LernpfadCore

/// Opening screens from anywhere, as transitions: lessons, quizzes, review rounds, the resume point.
enum Navigation {
    /// Opens a lesson: records the opening and shows the reader.
    static func openLesson(
        module: String, lesson: String, top: Int = 0, find query: String? = nil, replacing: Bool = false,
        context: ScreenContext
    ) -> [Transition] {
        guard let content = context.catalog.module(module), content.lesson(lesson) != nil else {
            return [.notice("\(context.text(.cannotOpenLesson)): \(module)/\(lesson)")]
        }
        let event = LearnerEvent(
            at: context.now, kind: .lessonOpened, module: module, moduleVersion: content.version, lesson: lesson)
        let reader = ReaderScreen(module: module, lesson: lesson, top: top, find: query)
        return [.change(.append([event])), replacing ? .replace(reader) : .push(reader)]
    }

    /// Starts an attempt at a module's quiz, or says why it cannot start.
    static func quiz(module id: String, context: ScreenContext) -> Result<QuizScreen, QuizUnavailable> {
        switch context.quiz(id) {
        case .ready(let quiz) where !quiz.questions.isEmpty:
            let round = QuizRound(
                module: id, questions: quiz.questions.map { (module: id, question: $0) }, seed: context.seed,
                startedAt: context.now.timeIntervalSince1970)
            return .success(QuizScreen(round: round))
        case .broken(let problem): return .failure(QuizUnavailable("\(context.text(.quizBroken)): \(problem)"))
        case .loading: return .failure(QuizUnavailable(context.text(.loading)))
        case .ready, .none: return .failure(QuizUnavailable(context.text(.quizNotAvailable)))
        }
    }

    /// Starts a review round over the due questions, or says there is nothing to review.
    static func startReview(context: ScreenContext) -> [Transition] {
        let questions = context.dueReviews().prefix(20).compactMap { key -> (module: String, question: Question)? in
            guard let (module, id) = ReviewKey.split(key), let question = context.question(module: module, id: id)
            else { return nil }
            return (module, question)
        }
        guard !questions.isEmpty else { return [.notice(context.text(.nothingToReview))] }
        let round = QuizRound(
            module: nil, questions: questions, seed: context.seed, startedAt: context.now.timeIntervalSince1970)
        return [.push(QuizScreen(round: round))]
    }
}

/// Why a quiz cannot start, in words for the notice line.
struct QuizUnavailable: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
