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

    /// The fields, shared by every copy of the event until one of them is changed. Views walk lists of events
    /// again and again, and each walk copies every event: as a plain struct of twenty fields that was a retain
    /// and a release for each of its strings, a quarter of a team report's time (docs/benchmarks.md).
    private var storage: Storage

    /// A UUID made when the event happened; it doubles as the xAPI statement id.
    public var id: UUID {
        get { storage.fields.id }
        set { update { $0.id = newValue } }
    }

    /// When it happened.
    public var at: Date {
        get { storage.fields.at }
        set { update { $0.at = newValue } }
    }

    /// What happened.
    public var kind: Kind {
        get { storage.fields.kind }
        set { update { $0.kind = newValue } }
    }

    /// The module, for module events.
    public var module: String? {
        get { storage.fields.module }
        set { update { $0.module = newValue } }
    }

    /// The module's version at the time.
    public var moduleVersion: SemanticVersion? {
        get { storage.fields.moduleVersion }
        set { update { $0.moduleVersion = newValue } }
    }

    /// The lesson, for lesson events.
    public var lesson: String? {
        get { storage.fields.lesson }
        set { update { $0.lesson = newValue } }
    }

    /// The question, for review events.
    public var question: String? {
        get { storage.fields.question }
        set { update { $0.question = newValue } }
    }

    /// Share of right answers, 0...1, for quiz attempts.
    public var score: Double? {
        get { storage.fields.score }
        set { update { $0.score = newValue } }
    }

    /// Whether the attempt reached the pass mark, or a review answer was right.
    public var passed: Bool? {
        get { storage.fields.passed }
        set { update { $0.passed = newValue } }
    }

    /// Every answer of a quiz attempt.
    public var answers: [Answer]? {
        get { storage.fields.answers }
        set { update { $0.answers = newValue } }
    }

    /// The seed that shuffled the choices, so the attempt can be replayed.
    public var seed: UInt64? {
        get { storage.fields.seed }
        set { update { $0.seed = newValue } }
    }

    /// Seconds spent, when known.
    public var durationSeconds: Double? {
        get { storage.fields.durationSeconds }
        set { update { $0.durationSeconds = newValue } }
    }

    /// The attested milestone.
    public var milestone: String? {
        get { storage.fields.milestone }
        set { update { $0.milestone = newValue } }
    }

    /// Who attested it.
    public var by: String? {
        get { storage.fields.by }
        set { update { $0.by = newValue } }
    }

    /// A note with the attestation.
    public var note: String? {
        get { storage.fields.note }
        set { update { $0.note = newValue } }
    }

    /// The role, for `roleAdded`; the path (named by its role), for a path's `waived`.
    public var role: String? {
        get { storage.fields.role }
        set { update { $0.role = newValue } }
    }

    /// Why a waiver was granted, for `waived`.
    public var reason: String? {
        get { storage.fields.reason }
        set { update { $0.reason = newValue } }
    }

    /// The last moment a waiver counts, for `waived` with an end; nil while it has none.
    public var until: Date? {
        get { storage.fields.until }
        set { update { $0.until = newValue } }
    }

    /// Members this version does not know (a newer version or another tool wrote them), kept unchanged.
    public var extra: [String: JSONValue] {
        get { storage.fields.extra }
        set { update { $0.extra = newValue } }
    }

    /// The SHA-256 (hex) of the previous event's canonical form, or 64 zeros for the first event: the hash
    /// chain of schema 2 (`LearnerChain`). Nil until the store saves the event.
    public var previous: String? {
        get { storage.fields.previous?.text }
        set { update { $0.previous = newValue.map(ChainHashText.init) } }
    }

    /// The event's place in its file's chain, from 0; set with `previous`, so that a removed or moved event
    /// shows as a gap or a jump rather than only as a broken link.
    public var sequence: Int? {
        get { storage.fields.sequence }
        set { update { $0.sequence = newValue } }
    }

    /// `previous` as the reader found it, without making a string of a well-formed hash.
    var previousHash: ChainHashText? {
        get { storage.fields.previous }
        set { update { $0.previous = newValue } }
    }

    /// Changes the fields, first copying them if another event still shares them.
    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        change(&storage.fields)
    }

    /// The event's values, kept in `Storage`.
    private struct Fields: Hashable, Sendable {
        var id: UUID
        var at: Date
        var kind: Kind
        var module: String?
        var moduleVersion: SemanticVersion?
        var lesson: String?
        var question: String?
        var score: Double?
        var passed: Bool?
        var answers: [Answer]?
        var seed: UInt64?
        var durationSeconds: Double?
        var milestone: String?
        var by: String?
        var note: String?
        var role: String?
        var reason: String?
        var until: Date?
        var extra: [String: JSONValue]
        var previous: ChainHashText? = nil
        var sequence: Int? = nil
    }

    /// The box that copies of an event share. Its fields change only through `update`, and only while this box
    /// is referenced by that one event alone, so no two threads ever see it change.
    private final class Storage: @unchecked Sendable {
        /// Unchecked: every read of an event's field went through a dynamic exclusivity check (a fifth of the
        /// time spent deriving statuses). The one write, in `update`, happens while nothing else holds the box.
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    /// Events are equal when all their fields are.
    public static func == (lhs: LearnerEvent, rhs: LearnerEvent) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// Hashes all fields.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    /// Makes an event; pass only the fields its kind uses.
    public init(
        id: UUID = UUID(), at: Date, kind: Kind, module: String? = nil, moduleVersion: SemanticVersion? = nil,
        lesson: String? = nil, question: String? = nil, score: Double? = nil, passed: Bool? = nil,
        answers: [Answer]? = nil, seed: UInt64? = nil, durationSeconds: Double? = nil, milestone: String? = nil,
        by: String? = nil, note: String? = nil, role: String? = nil, reason: String? = nil, until: Date? = nil,
        extra: [String: JSONValue] = [:]
    ) {
        // Files keep milliseconds; rounding here makes an event equal to itself after a save.
        storage = Storage(
            Fields(
                id: id, at: Timestamp.millisecondPrecision(at), kind: kind, module: module,
                moduleVersion: moduleVersion, lesson: lesson, question: question, score: score, passed: passed,
                answers: answers, seed: seed, durationSeconds: durationSeconds, milestone: milestone, by: by,
                note: note, role: role, reason: reason, until: until.map(Timestamp.millisecondPrecision),
                extra: extra))
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, at, kind = "type", module, moduleVersion, lesson, question, score, passed, answers, seed
        case durationSeconds, milestone, by, note, role, reason, until
        case previous = "prev", sequence = "seq"
    }

    /// Reads an event, keeping members it does not know in `extra`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        storage = Storage(
            Fields(
                id: try container.decode(UUID.self, forKey: .id),
                at: try container.decode(Date.self, forKey: .at),
                kind: try container.decode(Kind.self, forKey: .kind),
                module: try container.decodeIfPresent(String.self, forKey: .module),
                moduleVersion: try container.decodeIfPresent(SemanticVersion.self, forKey: .moduleVersion),
                lesson: try container.decodeIfPresent(String.self, forKey: .lesson),
                question: try container.decodeIfPresent(String.self, forKey: .question),
                score: try container.decodeIfPresent(Double.self, forKey: .score),
                passed: try container.decodeIfPresent(Bool.self, forKey: .passed),
                answers: try container.decodeIfPresent([Answer].self, forKey: .answers),
                seed: try container.decodeIfPresent(UInt64.self, forKey: .seed),
                durationSeconds: try container.decodeIfPresent(Double.self, forKey: .durationSeconds),
                milestone: try container.decodeIfPresent(String.self, forKey: .milestone),
                by: try container.decodeIfPresent(String.self, forKey: .by),
                note: try container.decodeIfPresent(String.self, forKey: .note),
                role: try container.decodeIfPresent(String.self, forKey: .role),
                reason: try container.decodeIfPresent(String.self, forKey: .reason),
                until: try container.decodeIfPresent(Date.self, forKey: .until),
                extra: try decoder.unknownMembers(known: Set(CodingKeys.allCases.map(\.rawValue))),
                previous: try container.decodeIfPresent(String.self, forKey: .previous).map(ChainHashText.init),
                sequence: try container.decodeIfPresent(Int.self, forKey: .sequence)))
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
