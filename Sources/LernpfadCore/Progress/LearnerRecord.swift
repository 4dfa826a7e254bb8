import Foundation

/// Everything lernpfad keeps about one learner: one JSON file in the data folder.
public struct LearnerRecord: Hashable, Sendable, Codable {
    /// The schema this build writes.
    public static let currentSchema = 1

    /// The file's schema version.
    public var schema: Int
    /// Who the learner is.
    public var learner: LearnerProfile
    /// Where the learner stopped reading, for resume.
    public var position: ReadingPosition?
    /// Append-only history.
    public var events: [LearnerEvent]
    /// Spaced-repetition state per `module/question`.
    public var review: [String: ReviewCard]

    /// A new record with no history.
    public init(learner: LearnerProfile) {
        schema = Self.currentSchema
        self.learner = learner
        position = nil
        events = []
        review = [:]
    }

    /// Events in time order (the file keeps them in append order, which may differ after a merge).
    public var chronologicalEvents: [LearnerEvent] {
        // Events are appended as they happen, so the file is almost always in order already.
        if zip(events, events.dropFirst()).allSatisfy({ $0.at <= $1.at }) { return events }
        return events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}

/// Who a learner is and what they learn for.
public struct LearnerProfile: Hashable, Sendable, Codable {
    /// The id, also the file name.
    public var id: String
    /// The display name.
    public var name: String
    /// The team, for the ambassador's view.
    public var team: String?
    /// Roles, each with its own path.
    public var roles: [String]
    /// The preferred content language.
    public var language: LanguageCode?

    /// Makes a profile.
    public init(id: String, name: String, team: String? = nil, roles: [String], language: LanguageCode? = nil) {
        self.id = id
        self.name = name
        self.team = team
        self.roles = roles
        self.language = language
    }
}

/// Where in which lesson a learner stopped.
public struct ReadingPosition: Hashable, Sendable, Codable {
    /// The module.
    public var module: String
    /// The lesson.
    public var lesson: String
    /// The first visible line of the laid-out lesson.
    public var line: Int

    /// Makes a position.
    public init(module: String, lesson: String, line: Int) {
        self.module = module
        self.lesson = lesson
        self.line = line
    }
}
