import Foundation

/// What the dossier says about the record's integrity: the latest seal and the result of `lernpfad verify`.
///
/// The command fills this in from the evidence store; the dossier only shows it, so that how seals are made and
/// checked lives in one place (`Evidence`). Nil members mean "none": the dossier says so plainly, never "verified".
public struct DossierIntegrity: Hashable, Sendable, Codable {
    /// The newest seal in the data folder, if any.
    public var seal: SealSummary?
    /// The verification of every chain and seal, if it was run.
    public var verification: VerificationSummary?

    /// Makes the section.
    public init(seal: SealSummary? = nil, verification: VerificationSummary? = nil) {
        self.seal = seal
        self.verification = verification
    }

    /// One seal, as an auditor needs to identify it.
    public struct SealSummary: Hashable, Sendable, Codable {
        /// The seal's id (its file name without `.json`).
        public var id: String
        /// When it was made.
        public var sealedAt: Date
        /// Who sealed, when recorded.
        public var sealedBy: String?
        /// How many learner files it covers.
        public var learners: Int
        /// The fingerprint of the public key that signed it.
        public var key: String?

        /// Makes a summary.
        public init(id: String, sealedAt: Date, sealedBy: String? = nil, learners: Int, key: String? = nil) {
            self.id = id
            self.sealedAt = sealedAt
            self.sealedBy = sealedBy
            self.learners = learners
            self.key = key
        }
    }

    /// The outcome of checking chains and seals.
    public struct VerificationSummary: Hashable, Sendable, Codable {
        /// True when every chain and seal checked out.
        public var passed: Bool
        /// How many learner files were checked.
        public var learners: Int
        /// How many seals were checked.
        public var seals: Int
        /// The problems found, each one line (learner, event, what changed); empty when passed.
        public var problems: [String]
        /// Learner files no valid seal covers yet: their history rests on the chain alone.
        public var unsealed: Int
        /// Learner files without a chain yet (schema 1, chained on their next save).
        public var notChained: Int

        /// Makes a summary.
        public init(
            passed: Bool, learners: Int, seals: Int, problems: [String] = [], unsealed: Int = 0, notChained: Int = 0
        ) {
            self.passed = passed
            self.learners = learners
            self.seals = seals
            self.problems = problems
            self.unsealed = unsealed
            self.notChained = notChained
        }
    }
}

/// An exception from a requirement (a waiver): who, what, why, by whom, until when.
public struct DossierException: Hashable, Sendable, Codable {
    /// The learner.
    public var learner: String
    /// The learner's name.
    public var name: String
    /// The team.
    public var team: String?
    /// The waived module, for a module's waiver.
    public var module: String?
    /// The waived path (named by its role), for a path's waiver.
    public var role: String?
    /// Why.
    public var reason: String
    /// Who granted it.
    public var by: String?
    /// When it was recorded.
    public var at: Date
    /// Until when it holds, if limited.
    public var until: Date?

    /// Makes an exception.
    public init(
        learner: String, name: String, team: String?, module: String?, role: String?, reason: String, by: String?,
        at: Date, until: Date?
    ) {
        self.learner = learner
        self.name = name
        self.team = team
        self.module = module
        self.role = role
        self.reason = reason
        self.by = by
        self.at = at
        self.until = until
    }
}
