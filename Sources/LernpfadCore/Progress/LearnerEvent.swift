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

    /// Makes an event; pass only the fields its kind uses.
    public init(
        id: UUID = UUID(), at: Date, kind: Kind, module: String? = nil, moduleVersion: SemanticVersion? = nil,
        lesson: String? = nil, question: String? = nil, score: Double? = nil, passed: Bool? = nil,
        answers: [Answer]? = nil, seed: UInt64? = nil, durationSeconds: Double? = nil, milestone: String? = nil,
        by: String? = nil, note: String? = nil
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
    }

    enum CodingKeys: String, CodingKey {
        case id, at, kind = "type", module, moduleVersion, lesson, question, score, passed, answers, seed
        case durationSeconds, milestone, by, note
    }

    /// One answer within a quiz attempt.
    public struct Answer: Hashable, Sendable, Codable {
        /// The question id.
        public var question: String
        /// The choice ids the learner picked.
        public var chosen: [String]
        /// Whether that was exactly right.
        public var correct: Bool

        /// Makes an answer.
        public init(question: String, chosen: [String], correct: Bool) {
            self.question = question
            self.chosen = chosen
            self.correct = correct
        }
    }
}
