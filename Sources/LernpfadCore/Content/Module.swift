/// A training module: manifest data plus its lessons and quiz.
public struct Module: Hashable, Sendable, Codable, Identifiable {
    /// How demanding a module is.
    public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        case basic, intermediate, advanced
    }

    /// The module id, equal to its folder name.
    public var id: String
    /// The content version; a major bump makes earlier completions stale.
    public var version: SemanticVersion
    /// The title.
    public var title: LocalizedText
    /// One or two sentences on what the module is about.
    public var summary: LocalizedText
    /// Minutes of reading and quiz.
    public var minutes: Int
    /// How demanding it is.
    public var level: Level
    /// What a learner can do afterwards.
    public var objectives: [LocalizedText]
    /// Modules to complete first.
    public var prerequisites: [String]
    /// Where the facts come from.
    public var sources: [Source]
    /// When a trainer last checked the facts.
    public var reviewed: CalendarDay?
    /// When the facts must be checked again.
    public var reviewBy: CalendarDay?
    /// What changed between versions, newest first.
    public var changelog: [ChangelogEntry]
    /// Lessons in reading order.
    public var lessons: [Lesson]
    /// Where the knowledge check comes from.
    public var quizSource: QuizSource

    /// The knowledge check, if the module has one and it reads cleanly; a deferred quiz is read now.
    public var quiz: Quiz? {
        get { quizSource.quiz }
        set { quizSource = newValue.map(QuizSource.loaded) ?? .none }
    }

    /// True when the module ends with a knowledge check, without reading a deferred one.
    public var hasQuiz: Bool {
        if case .none = quizSource { return false }
        return true
    }

    /// Makes a module.
    public init(
        id: String, version: SemanticVersion, title: LocalizedText, summary: LocalizedText, minutes: Int,
        level: Level, objectives: [LocalizedText], prerequisites: [String] = [], sources: [Source] = [],
        reviewed: CalendarDay? = nil, reviewBy: CalendarDay? = nil, changelog: [ChangelogEntry] = [],
        lessons: [Lesson] = [], quiz: Quiz? = nil
    ) {
        self.init(
            id: id, version: version, title: title, summary: summary, minutes: minutes, level: level,
            objectives: objectives, prerequisites: prerequisites, sources: sources, reviewed: reviewed,
            reviewBy: reviewBy, changelog: changelog, lessons: lessons,
            quizSource: quiz.map(QuizSource.loaded) ?? .none)
    }

    /// Makes a module whose quiz may be read later.
    public init(
        id: String, version: SemanticVersion, title: LocalizedText, summary: LocalizedText, minutes: Int,
        level: Level, objectives: [LocalizedText], prerequisites: [String], sources: [Source],
        reviewed: CalendarDay?, reviewBy: CalendarDay?, changelog: [ChangelogEntry], lessons: [Lesson],
        quizSource: QuizSource
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.minutes = minutes
        self.level = level
        self.objectives = objectives
        self.prerequisites = prerequisites
        self.sources = sources
        self.reviewed = reviewed
        self.reviewBy = reviewBy
        self.changelog = changelog
        self.lessons = lessons
        self.quizSource = quizSource
    }

    /// The lesson with `id`, if the module has it.
    public func lesson(_ id: String) -> Lesson? { lessons.first { $0.id == id } }

    /// Lessons the changelog marks as changed in versions after `version`.
    public func lessonsChanged(since version: SemanticVersion) -> Set<String> {
        Set(changelog.filter { $0.version > version }.flatMap(\.lessons))
    }
}

/// A source a module's facts rest on.
public struct Source: Hashable, Sendable, Codable {
    /// The document and article, e.g. "Regulation (EU) 2024/1689, Art. 4".
    public var title: String
    /// Where to read it.
    public var url: String?

    /// Makes a source.
    public init(title: String, url: String? = nil) {
        self.title = title
        self.url = url
    }
}

/// One entry of a module's changelog.
public struct ChangelogEntry: Hashable, Sendable, Codable {
    /// The version this entry describes.
    public var version: SemanticVersion
    /// When it was released.
    public var date: CalendarDay?
    /// What changed.
    public var changes: LocalizedText?
    /// Lessons that changed in substance: a refresher re-reads these.
    public var lessons: [String]

    /// Makes an entry.
    public init(
        version: SemanticVersion, date: CalendarDay? = nil, changes: LocalizedText? = nil, lessons: [String] = []
    ) {
        self.version = version
        self.date = date
        self.changes = changes
        self.lessons = lessons
    }
}
