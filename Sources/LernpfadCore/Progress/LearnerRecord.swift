import Foundation

/// Everything lernpfad keeps about one learner: one JSON file in the data folder.
public struct LearnerRecord: Hashable, Sendable, Codable {
    /// The schema this build writes: 2 adds the hash chain (`LearnerChain`, docs/file-formats.md).
    public static let currentSchema = 2

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
    /// The end of the hash chain: how many events it links and the hash of the last; nil in a schema-1 file
    /// (not chained yet) and until the store first saves the record.
    public var head: ChainHead?
    /// Top-level members this version does not know, kept so that a save never drops them.
    public var extra: [String: JSONValue] = [:]

    /// A new record with no history.
    public init(learner: LearnerProfile) {
        schema = Self.currentSchema
        self.learner = learner
        position = nil
        events = []
        review = [:]
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema, learner, position, events, review, head
    }

    /// Reads a record, keeping members it does not know in `extra`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(Int.self, forKey: .schema)
        learner = try container.decode(LearnerProfile.self, forKey: .learner)
        position = try container.decodeIfPresent(ReadingPosition.self, forKey: .position)
        events = try container.decode([LearnerEvent].self, forKey: .events)
        review = try container.decode([String: ReviewCard].self, forKey: .review)
        head = try container.decodeIfPresent(ChainHead.self, forKey: .head)
        extra = try decoder.unknownMembers(known: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    /// Writes the record and the members it kept.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(learner, forKey: .learner)
        try container.encodeIfPresent(position, forKey: .position)
        try container.encode(events, forKey: .events)
        try container.encode(review, forKey: .review)
        try container.encodeIfPresent(head, forKey: .head)
        try encoder.encodeUnknown(extra)
    }

    /// A new record for `learner` with one `roleAdded` event per role at `now`: the enrolment, from which a path's
    /// `due_within` counts.
    public static func enrolling(_ learner: LearnerProfile, at now: Date) -> LearnerRecord {
        var record = LearnerRecord(learner: learner)
        var seen: Set<String> = []
        for role in learner.roles where seen.insert(role).inserted {
            record.events.append(LearnerEvent(at: now, kind: .roleAdded, role: role))
        }
        return record
    }

    /// Gives the learner each role of `roles` they do not have yet, with a `roleAdded` event at `now`; returns the
    /// roles that were new.
    @discardableResult
    public mutating func addRoles(_ roles: [String], at now: Date) -> [String] {
        var added: [String] = []
        for role in roles where !learner.roles.contains(role) {
            learner.roles.append(role)
            events.append(LearnerEvent(at: now, kind: .roleAdded, role: role))
            added.append(role)
        }
        return added
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
    /// Members this version does not know, kept so that a save never drops them.
    public var extra: [String: JSONValue] = [:]

    /// The learner's mail address, for `lernpfad due --format mail`; optional.
    ///
    /// One of the profile's own members (`CodingKeys.email`), so that the decoder and the fast reader read it into
    /// this property alike, and files without it stay as they are.
    public var email: String?

    /// Makes a profile.
    public init(
        id: String, name: String, team: String? = nil, roles: [String], language: LanguageCode? = nil,
        email: String? = nil
    ) {
        self.id = id
        self.name = name
        self.team = team
        self.roles = roles
        self.language = language
        self.email = email
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, team, roles, language, email
    }

    /// Reads a profile, keeping members it does not know in `extra`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        team = try container.decodeIfPresent(String.self, forKey: .team)
        roles = try container.decode([String].self, forKey: .roles)
        language = try container.decodeIfPresent(LanguageCode.self, forKey: .language)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        extra = try decoder.unknownMembers(known: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    /// Writes the profile and the members it kept.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(team, forKey: .team)
        try container.encode(roles, forKey: .roles)
        try container.encodeIfPresent(language, forKey: .language)
        try container.encodeIfPresent(email, forKey: .email)
        try encoder.encodeUnknown(extra)
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
    /// Members this version does not know; kept while the position stays, gone when lernpfad moves it.
    public var extra: [String: JSONValue] = [:]

    /// Makes a position.
    public init(module: String, lesson: String, line: Int) {
        self.module = module
        self.lesson = lesson
        self.line = line
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case module, lesson, line
    }

    /// Reads a position, keeping members it does not know in `extra`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        module = try container.decode(String.self, forKey: .module)
        lesson = try container.decode(String.self, forKey: .lesson)
        line = try container.decode(Int.self, forKey: .line)
        extra = try decoder.unknownMembers(known: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    /// Writes the position and the members it kept.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(module, forKey: .module)
        try container.encode(lesson, forKey: .lesson)
        try container.encode(line, forKey: .line)
        try encoder.encodeUnknown(extra)
    }
}
