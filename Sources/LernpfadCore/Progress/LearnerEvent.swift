import Foundation

/// One thing a learner did, appended to their file and never changed: the audit trail.
///
/// One flat type with optional fields keeps the JSON simple and stable; `kind` says which fields are set.
public struct LearnerEvent: Hashable, Sendable, Codable, Identifiable {
    /// What happened.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A lesson was opened in the reader.
        case lessonOpened
        /// A lesson was read to its end.
        case lessonCompleted
        /// A module's quiz was taken, with every answer.
        case quizAttempted
        /// A question from the review queue was answered.
        case questionReviewed
        /// An ambassador recorded a practical milestone.
        case attested
        /// The learner started a module over; earlier progress no longer counts.
        case moduleReset
        /// A role was given to the learner (at enrolment or later): a path's `due_within` counts from here.
        case roleAdded
        /// An exception recorded for a module (`module`) or a whole path (`role`): prior learning, long absence.
        /// It counts as covered, with `reason`, by `by`, until `until` if set (docs/status.md).
        case waived
    }

    /// A UUID made when the event happened; it doubles as the xAPI statement id.
    public var id: UUID
    /// When it happened.
    public var at: Date
    /// What happened.
    public var kind: Kind
    /// The module, for module events.
    public var module: String?
    /// The module's version at the time.
    public var moduleVersion: SemanticVersion?
    /// The lesson, for lesson events.
    public var lesson: String?
    /// The question, for review events.
    public var question: String?
    /// Share of right answers, 0...1, for quiz attempts.
    public var score: Double?
    /// Whether the attempt reached the pass mark, or a review answer was right.
    public var passed: Bool?
    /// Every answer of a quiz attempt.
    public var answers: [Answer]?
    /// The seed that shuffled the choices, so the attempt can be replayed.
    public var seed: UInt64?
    /// Seconds spent, when known.
    public var durationSeconds: Double?
    /// The attested milestone.
    public var milestone: String?
    /// Who attested it.
    public var by: String?
    /// A note with the attestation.
    public var note: String?
    /// The role, for `roleAdded`; the path (named by its role), for a path's `waived`.
    public var role: String?
    /// Why a waiver was granted, for `waived`.
    public var reason: String?
    /// The last moment a waiver counts, for `waived` with an end; nil while it has none.
    public var until: Date?
    /// Members this version does not know (a newer version or another tool wrote them), kept unchanged.
    public var extra: [String: JSONValue]
    /// The SHA-256 (hex) of the previous event's canonical form, or 64 zeros for the first event: the hash
    /// chain of schema 2 (`LearnerChain`). Nil until the store saves the event.
    public var previous: String? = nil
    /// The event's place in its file's chain, from 0; set with `previous`, so that a removed or moved event
    /// shows as a gap or a jump rather than only as a broken link.
    public var sequence: Int? = nil

    /// Makes an event; pass only the fields its kind uses.
    public init(
        id: UUID = UUID(), at: Date, kind: Kind, module: String? = nil, moduleVersion: SemanticVersion? = nil,
        lesson: String? = nil, question: String? = nil, score: Double? = nil, passed: Bool? = nil,
        answers: [Answer]? = nil, seed: UInt64? = nil, durationSeconds: Double? = nil, milestone: String? = nil,
        by: String? = nil, note: String? = nil, role: String? = nil, reason: String? = nil, until: Date? = nil,
        extra: [String: JSONValue] = [:]
    ) {
        self.id = id
        // Files keep milliseconds; rounding here makes an event equal to itself after a save.
        self.at = Timestamp.millisecondPrecision(at)
        self.kind = kind
        self.module = module
        self.moduleVersion = moduleVersion
        self.lesson = lesson
        self.question = question
        self.score = score
        self.passed = passed
        self.answers = answers
        self.seed = seed
        self.durationSeconds = durationSeconds
        self.milestone = milestone
        self.by = by
        self.note = note
        self.role = role
        self.reason = reason
        self.until = until.map(Timestamp.millisecondPrecision)
        self.extra = extra
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, at, kind = "type", module, moduleVersion, lesson, question, score, passed, answers, seed
        case durationSeconds, milestone, by, note, role, reason, until
        case previous = "prev", sequence = "seq"
    }

    /// Reads an event, keeping members it does not know in `extra`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        at = try container.decode(Date.self, forKey: .at)
        kind = try container.decode(Kind.self, forKey: .kind)
        module = try container.decodeIfPresent(String.self, forKey: .module)
        moduleVersion = try container.decodeIfPresent(SemanticVersion.self, forKey: .moduleVersion)
        lesson = try container.decodeIfPresent(String.self, forKey: .lesson)
        question = try container.decodeIfPresent(String.self, forKey: .question)
        score = try container.decodeIfPresent(Double.self, forKey: .score)
        passed = try container.decodeIfPresent(Bool.self, forKey: .passed)
        answers = try container.decodeIfPresent([Answer].self, forKey: .answers)
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed)
        durationSeconds = try container.decodeIfPresent(Double.self, forKey: .durationSeconds)
        milestone = try container.decodeIfPresent(String.self, forKey: .milestone)
        by = try container.decodeIfPresent(String.self, forKey: .by)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        role = try container.decodeIfPresent(String.self, forKey: .role)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        until = try container.decodeIfPresent(Date.self, forKey: .until)
        previous = try container.decodeIfPresent(String.self, forKey: .previous)
        sequence = try container.decodeIfPresent(Int.self, forKey: .sequence)
        extra = try decoder.unknownMembers(known: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    /// Writes the event and the members it kept.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(at, forKey: .at)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(module, forKey: .module)
        try container.encodeIfPresent(moduleVersion, forKey: .moduleVersion)
        try container.encodeIfPresent(lesson, forKey: .lesson)
        try container.encodeIfPresent(question, forKey: .question)
        try container.encodeIfPresent(score, forKey: .score)
        try container.encodeIfPresent(passed, forKey: .passed)
        try container.encodeIfPresent(answers, forKey: .answers)
        try container.encodeIfPresent(seed, forKey: .seed)
        try container.encodeIfPresent(durationSeconds, forKey: .durationSeconds)
        try container.encodeIfPresent(milestone, forKey: .milestone)
        try container.encodeIfPresent(by, forKey: .by)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(role, forKey: .role)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(until, forKey: .until)
        try container.encodeIfPresent(previous, forKey: .previous)
        try container.encodeIfPresent(sequence, forKey: .sequence)
        try encoder.encodeUnknown(extra)
    }

    /// One answer within a quiz attempt.
    public struct Answer: Hashable, Sendable, Codable {
        /// The question id.
        public var question: String
        /// The choice ids the learner picked.
        public var chosen: [String]
        /// Whether that was exactly right.
        public var correct: Bool
        /// Members this version does not know, kept unchanged.
        public var extra: [String: JSONValue] = [:]

        /// Makes an answer.
        public init(question: String, chosen: [String], correct: Bool) {
            self.question = question
            self.chosen = chosen
            self.correct = correct
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case question, chosen, correct
        }

        /// Reads an answer, keeping members it does not know in `extra`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            question = try container.decode(String.self, forKey: .question)
            chosen = try container.decode([String].self, forKey: .chosen)
            correct = try container.decode(Bool.self, forKey: .correct)
            extra = try decoder.unknownMembers(known: Set(CodingKeys.allCases.map(\.rawValue)))
        }

        /// Writes the answer and the members it kept.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(question, forKey: .question)
            try container.encode(chosen, forKey: .chosen)
            try container.encode(correct, forKey: .correct)
            try encoder.encodeUnknown(extra)
        }
    }
}
