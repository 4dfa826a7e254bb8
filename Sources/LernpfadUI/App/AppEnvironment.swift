import LernpfadCore

/// What the UI asks of the outside world, passed in so that the UI stays pure and testable.
public struct AppEnvironment: Sendable {
    /// Reads a lesson's Markdown in a language.
    public var loadLesson: @Sendable (Lesson, LanguageCode) -> Result<LessonDocument, LessonText.Failure>
    /// A fresh seed for shuffling a quiz attempt's choices.
    public var makeSeed: @Sendable () -> UInt64
    /// Reads every learner of the data folder, for the team view.
    public var loadTeam: @Sendable () -> (records: [LearnerRecord], skipped: [SkippedFile])

    /// Makes an environment.
    public init(
        loadLesson: @escaping @Sendable (Lesson, LanguageCode) -> Result<LessonDocument, LessonText.Failure>,
        makeSeed: @escaping @Sendable () -> UInt64,
        loadTeam: @escaping @Sendable () -> (records: [LearnerRecord], skipped: [SkippedFile]) = { ([], []) }
    ) {
        self.loadLesson = loadLesson
        self.makeSeed = makeSeed
        self.loadTeam = loadTeam
    }

    /// Reads lessons from the catalog's folder, learners from `store`, seeds from the system's random source.
    public static func live(catalog: Catalog, store: LearnerStore) -> AppEnvironment {
        AppEnvironment(
            loadLesson: { lesson, language in LessonText.load(lesson, language: language, catalog: catalog) },
            makeSeed: { UInt64.random(in: 0...UInt64.max) },
            loadTeam: { store.readAll() })
    }
}
