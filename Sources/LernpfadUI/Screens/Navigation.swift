import Foundation
import LernpfadCore

/// Opening screens from anywhere: lessons, quizzes, review, the resume point.
enum Navigation {
    static func openLesson(
        _ state: inout AppState, module: String, lesson: String, top: Int = 0, highlight: Int? = nil, now: Date,
        environment: AppEnvironment
    ) -> [Effect] {
        guard let content = state.catalog.module(module), content.lesson(lesson) != nil else {
            state.notice = "\(state.text(.cannotOpenLesson)): \(module)/\(lesson)"
            return []
        }
        var reader = ReaderState(module: module, lesson: lesson, top: top)
        reader.highlight = highlight
        AppModel.push(&state, .reader(reader))
        AppModel.prepare(&state, environment: environment)
        let event = LearnerEvent(
            at: now, kind: .lessonOpened, module: module, moduleVersion: content.version, lesson: lesson)
        state.record?.events.append(event)
        var effects: [Effect] = [.append([event])]
        if case .reader(var opened) = state.screen {
            effects += ReaderScreen.afterMove(&state, &opened, now: now)
            state.screen = .reader(opened)
        }
        return effects
    }

    static func startQuiz(_ state: inout AppState, module id: String, environment: AppEnvironment) {
        guard let module = state.catalog.module(id), let quiz = module.quiz, !quiz.questions.isEmpty else {
            if case .deferred(let deferred)? = state.catalog.module(id)?.quizSource,
                let problem = deferred.diagnostics.first(where: { $0.severity == .error })
            {
                // Read on first use, so a broken file shows here rather than at start-up.
                state.notice = "\(state.text(.quizBroken)): \(problem)"
            } else {
                state.notice = state.text(.quizNotAvailable)
            }
            return
        }
        let questions = quiz.questions.map { (module: id, question: $0) }
        let round = QuizState(
            module: id, questions: questions, seed: environment.makeSeed(), startedAt: Date().timeIntervalSince1970)
        AppModel.push(&state, .quiz(round))
    }

    static func startReview(_ state: inout AppState, now: Date, environment: AppEnvironment) {
        guard let record = state.record else { return }
        let due = ProgressEngine.dueReviews(record, catalog: state.catalog, now: now)
        let questions = due.prefix(20).compactMap { key -> (module: String, question: Question)? in
            guard let (module, id) = ReviewKey.split(key),
                let question = state.catalog.module(module)?.quiz?.question(id)
            else { return nil }
            return (module, question)
        }
        guard !questions.isEmpty else {
            state.notice = state.text(.nothingToReview)
            return
        }
        let round = QuizState(
            module: nil, questions: questions, seed: environment.makeSeed(), startedAt: now.timeIntervalSince1970)
        AppModel.push(&state, .review(round))
    }

    /// Where "continue" leads: the saved reading position, else the first unfinished lesson of the first path.
    static func resumePoint(_ state: AppState, now: Date) -> (module: String, lesson: String, line: Int)? {
        if let position = state.record?.position, state.catalog.module(position.module)?.lesson(position.lesson) != nil
        {
            return (position.module, position.lesson, position.line)
        }
        guard let record = state.record else { return nil }
        for path in ProgressEngine.paths(for: record, catalog: state.catalog, now: now) {
            for progress in path.modules where !progress.state.isValidCompletion && progress.isAvailable {
                guard let module = state.catalog.module(progress.module) else { continue }
                if let lesson = module.lessons.first(where: { !progress.lessonsCompleted.contains($0.id) }) {
                    return (module.id, lesson.id, 0)
                }
            }
        }
        return nil
    }
}
