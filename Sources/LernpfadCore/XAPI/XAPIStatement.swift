import Foundation

/// An xAPI 1.0.3 statement, as far as lernpfad uses the specification.
public struct XAPIStatement: Codable, Sendable, Hashable {
    /// The statement id (a lower-case UUID): the event's id, so a retried upload never duplicates.
    public var id: String
    /// Who.
    public var actor: Actor
    /// Did what.
    public var verb: Verb
    /// To what.
    public var object: Activity
    /// With what outcome.
    public var result: Result?
    /// In which context.
    public var context: Context?
    /// When it happened.
    public var timestamp: String

    /// An Agent identified by an account on the organisation's lernpfad home page.
    public struct Actor: Codable, Sendable, Hashable {
        /// Always `Agent`.
        public var objectType = "Agent"
        /// The account.
        public var account: Account
    }

    /// An account: the home page of the system and the learner id there.
    public struct Account: Codable, Sendable, Hashable {
        /// The system's home page.
        public var homePage: String
        /// The learner id.
        public var name: String
    }

    /// A verb from the ADL vocabulary.
    public struct Verb: Codable, Sendable, Hashable {
        /// The verb IRI.
        public var id: String
        /// Its display name.
        public var display: [String: String]
    }

    /// What the learner acted on: a lesson, module, quiz, question or milestone.
    public struct Activity: Codable, Sendable, Hashable {
        /// Always `Activity`.
        public var objectType = "Activity"
        /// The activity IRI.
        public var id: String
        /// Its name and type.
        public var definition: Definition?
    }

    /// An activity's name in every course language and its type IRI.
    public struct Definition: Codable, Sendable, Hashable {
        /// Names by language tag.
        public var name: [String: String]
        /// The ADL activity type.
        public var type: String?
    }

    /// Score, success, completion and duration.
    public struct Result: Codable, Sendable, Hashable {
        /// The scaled score, -1...1 (lernpfad gives 0...1).
        public var score: Score?
        /// Passed or not.
        public var success: Bool?
        /// Completed or not.
        public var completion: Bool?
        /// ISO 8601 duration such as `PT95.5S`.
        public var duration: String?
        /// lernpfad's own result data: every answer of a quiz attempt, so a team view can be rebuilt from an LRS.
        public var extensions: [String: [LearnerEvent.Answer]]?
        /// The attestation's note, for an attested milestone.
        public var response: String?
    }

    /// A scaled score.
    public struct Score: Codable, Sendable, Hashable {
        /// 0...1.
        public var scaled: Double
    }

    /// Registration, the surrounding module and path, the content revision and language.
    public struct Context: Codable, Sendable, Hashable {
        /// One registration (a lower-case UUID) per learner, module and certification cycle.
        public var registration: String?
        /// Parent and grouping activities.
        public var contextActivities: ContextActivities?
        /// The module version.
        public var revision: String?
        /// The language the learner used.
        public var language: String?
        /// Who attested a milestone.
        public var instructor: Actor?
    }

    /// The module (parent) and the paths (grouping) an activity belongs to.
    public struct ContextActivities: Codable, Sendable, Hashable {
        /// The module.
        public var parent: [Activity]?
        /// The learner's paths that contain the module.
        public var grouping: [Activity]?
    }
}
