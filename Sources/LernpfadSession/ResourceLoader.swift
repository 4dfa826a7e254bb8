import Foundation
import LernpfadCore
import LernpfadUI

/// Loads what the UI asks for: the one place where the interface's lessons, quizzes and team are read.
public struct ResourceLoader: Sendable {
    /// The content.
    public let catalog: Catalog
    /// Reads a lesson's text; the live loader reads the content folder.
    public var lessonText: @Sendable (Lesson, LanguageCode) -> Result<LessonDocument, LessonText.Failure>
    /// Reads every learner as the team view's data at a time; the live loader streams the data folder.
    public var team: @Sendable (Date) -> TeamData
    /// Reads one learner's record.
    public var learner: @Sendable (String) -> Result<LearnerRecord, StoreError>

    /// A loader reading lessons from the catalog's folder and learners from `store`.
    public init(catalog: Catalog, store: LearnerStore) {
        self.init(
            catalog: catalog, store: store,
            lessonText: { lesson, language in LessonText.load(lesson, language: language, catalog: catalog) })
    }

    /// A loader whose every source is given (tests, fixtures).
    public init(
        catalog: Catalog,
        lessonText: @escaping @Sendable (Lesson, LanguageCode) -> Result<LessonDocument, LessonText.Failure>,
        team: @escaping @Sendable (Date) -> TeamData,
        learner: @escaping @Sendable (String) -> Result<LearnerRecord, StoreError>
    ) {
        self.catalog = catalog
        self.lessonText = lessonText
        self.team = team
        self.learner = learner
    }

    /// A loader with its own lesson texts (tests, fixtures); learners come from `store`.
    public init(
        catalog: Catalog, store: LearnerStore,
        lessonText: @escaping @Sendable (Lesson, LanguageCode) -> Result<LessonDocument, LessonText.Failure>
    ) {
        self.catalog = catalog
        self.lessonText = lessonText
        learner = { id in Result { () throws(StoreError) in try store.read(id) } }
        team = { now in
            // Each file becomes its report row as it is read, as in `lernpfad team`: records are never all held.
            let (contributions, skipped) = store.readAll { record in
                TeamReport.contribution(of: record, catalog: catalog, now: now)
            }
            return TeamData(contributions: contributions, skipped: skipped, asOf: now)
        }
    }

    /// Loads `request` as of `now`.
    public func load(_ request: ResourceRequest, now: Date) -> LoadedResource {
        switch request {
        case .lesson(let key):
            guard let lesson = catalog.module(key.module)?.lesson(key.lesson) else {
                return .lesson(
                    key, .failure(LessonText.Failure(file: "\(key.module)/\(key.lesson)", reason: "no such lesson")))
            }
            return .lesson(key, lessonText(lesson, key.language))
        case .quiz(let module):
            return .quiz(module: module, quiz(module))
        case .team: return .team(team(now))
        case .learner(let id): return .learner(id: id, learner(id))
        case .searchIndex(let language):
            let index = SearchIndex.build(catalog: catalog, language: language) { lesson in
                try? lessonText(lesson, language).get().body
            }
            return .searchIndex(language, index)
        }
    }

    private func quiz(_ id: String) -> QuizAvailability {
        guard let module = catalog.module(id) else { return .none }
        switch module.quizSource {
        case .none: return .none
        case .loaded(let quiz): return .ready(quiz)
        case .deferred(let deferred):
            if let quiz = deferred.quiz { return .ready(quiz) }
            let problem = deferred.diagnostics.first { $0.severity == .error }
            return .broken(problem.map { "\($0)" } ?? deferred.file)
        }
    }
}
