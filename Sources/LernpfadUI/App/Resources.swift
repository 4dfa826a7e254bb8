import Foundation
import LernpfadCore

/// Something the UI needs from outside: the runner loads it and hands it back as a message.
public enum ResourceRequest: Hashable, Sendable {
    /// A lesson's Markdown in a language.
    case lesson(LessonKey)
    /// A module's knowledge check (read on first use in the TUI).
    case quiz(module: String)
    /// Every learner of the data folder, summarised for the team view.
    case team
    /// One learner's whole record, for the team detail.
    case learner(id: String)
    /// The search index of a language.
    case searchIndex(LanguageCode)
}

/// Names one lesson in one language.
public struct LessonKey: Hashable, Sendable {
    /// The module.
    public var module: String
    /// The lesson.
    public var lesson: String
    /// The language.
    public var language: LanguageCode

    /// Makes a key.
    public init(module: String, lesson: String, language: LanguageCode) {
        self.module = module
        self.lesson = lesson
        self.language = language
    }
}

/// A module's knowledge check as the UI sees it.
public enum QuizAvailability: Sendable {
    /// Not read yet.
    case loading
    /// The module has none.
    case none
    /// Ready to take.
    case ready(Quiz)
    /// The file is broken; the located error says where.
    case broken(String)
}

/// The team as the team view shows it: each learner's contribution to the report and the skipped files.
public struct TeamData: Sendable {
    /// One contribution per learner file that was read.
    public var contributions: [TeamReport.Contribution]
    /// Files left out, with the reason.
    public var skipped: [SkippedFile]
    /// When the report was made.
    public var asOf: Date

    /// Makes team data.
    public init(contributions: [TeamReport.Contribution], skipped: [SkippedFile], asOf: Date) {
        self.contributions = contributions
        self.skipped = skipped
        self.asOf = asOf
    }
}

/// A loaded resource, as the runner hands it to the model.
public enum LoadedResource: Sendable {
    /// A lesson's text, or why it could not be read.
    case lesson(LessonKey, Result<LessonDocument, LessonText.Failure>)
    /// A module's quiz.
    case quiz(module: String, QuizAvailability)
    /// The team.
    case team(TeamData)
    /// One learner's record, or why it could not be read.
    case learner(id: String, Result<LearnerRecord, StoreError>)
    /// A language's search index.
    case searchIndex(LanguageCode, SearchIndex)

    /// The request this answers.
    public var request: ResourceRequest {
        switch self {
        case .lesson(let key, _): return .lesson(key)
        case .quiz(let module, _): return .quiz(module: module)
        case .team: return .team
        case .learner(let id, _): return .learner(id: id)
        case .searchIndex(let language, _): return .searchIndex(language)
        }
    }
}

/// Everything loaded so far. The model keeps it; screens read it through their context.
public struct Resources: Sendable {
    /// Lesson texts.
    public internal(set) var lessons: [LessonKey: Result<LessonDocument, LessonText.Failure>] = [:]
    /// Quizzes by module.
    public internal(set) var quizzes: [String: QuizAvailability] = [:]
    /// The team, once loaded.
    public internal(set) var team: TeamData?
    /// Records of learners opened from the team view.
    public internal(set) var learners: [String: Result<LearnerRecord, StoreError>] = [:]
    /// Search indexes by language.
    public internal(set) var searchIndexes: [LanguageCode: SearchIndex] = [:]
    /// Requests sent to the runner and not answered yet.
    var requested: Set<ResourceRequest> = []

    /// An empty set.
    public init() {}

    /// True when `request` has been answered.
    func has(_ request: ResourceRequest) -> Bool {
        switch request {
        case .lesson(let key): return lessons[key] != nil
        case .quiz(let module): return quizzes[module] != nil
        case .team: return team != nil
        case .learner(let id): return learners[id] != nil
        case .searchIndex(let language): return searchIndexes[language] != nil
        }
    }

    /// Stores a loaded resource.
    mutating func store(_ resource: LoadedResource) {
        requested.remove(resource.request)
        switch resource {
        case .lesson(let key, let result): lessons[key] = result
        case .quiz(let module, let quiz): quizzes[module] = quiz
        case .team(let data): team = data
        case .learner(let id, let result): learners[id] = result
        case .searchIndex(let language, let index): searchIndexes[language] = index
        }
    }

    /// Forgets what must be read again when it is next needed (the team after a change, say).
    mutating func forget(_ request: ResourceRequest) {
        requested.remove(request)
        switch request {
        case .lesson(let key): lessons[key] = nil
        case .quiz(let module): quizzes[module] = nil
        case .team: team = nil
        case .learner(let id): learners[id] = nil
        case .searchIndex(let language): searchIndexes[language] = nil
        }
    }
}
