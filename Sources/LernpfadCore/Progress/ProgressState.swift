import Foundation

/// Where a learner stands with a module, a path or a milestone. Derived from events, never stored.
public enum ProgressState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Nothing done yet.
    case notStarted
    /// Started, not completed.
    case inProgress
    /// Completed and valid.
    case completed
    /// Completed, but expiry is inside the due-soon window.
    case dueSoon
    /// Completed once, but the validity has run out: a refresher is due.
    case overdue
    /// Completed under an older major version of the content: a refresher is due.
    case updateAvailable
    /// Covered by a waiver in force (prior learning, long absence): counts as covered, with its reason.
    case waived

    /// True when a completion (or a waiver in force) still counts.
    public var isValidCompletion: Bool {
        self == .completed || self == .dueSoon || self == .updateAvailable || self == .waived
    }

    /// How urgent the state is for a team view: overdue first.
    public var urgency: Int {
        switch self {
        case .overdue: return 0
        case .updateAvailable: return 1
        case .dueSoon: return 2
        case .inProgress: return 3
        case .notStarted: return 4
        case .completed: return 5
        case .waived: return 6
        }
    }
}

/// One completion of a module: the quiz passed with every required lesson read.
public struct ModuleCompletion: Hashable, Sendable, Codable {
    /// When the last requirement was met.
    public var at: Date
    /// The module version it was completed under.
    public var version: SemanticVersion?
    /// The passing quiz score, if the module has a quiz.
    public var score: Double?
}

/// A learner's standing in one module within one path.
public struct ModuleProgress: Hashable, Sendable, Codable {
    /// The module id.
    public var module: String
    /// The derived state.
    public var state: ProgressState
    /// Lessons read in the current cycle.
    public var lessonsCompleted: Set<String>
    /// The latest completion, if any.
    public var completion: ModuleCompletion?
    /// When the latest completion runs out.
    public var validUntil: Date?
    /// Lessons a refresher must re-read (those the changelog marks as changed since the completed version).
    public var refresherLessons: [String]
    /// The latest quiz attempt's score.
    public var lastScore: Double?
    /// The latest activity in this module.
    public var lastActivity: Date?
    /// False when the path names a module that did not load.
    public var isAvailable: Bool
    /// The path's deadline for the first completion, while the module has none (`due_within`); nil otherwise.
    /// After a waiver ended without a completion, the waiver's end.
    public var firstCompletionDue: Date? = nil
    /// The latest waiver for the module (its own or its path's) granted by now: in force, or ended.
    public var waiver: Waiver? = nil

    /// By when something is needed: the end of a waiver in force, else the end of the validity, else the deadline
    /// for the first completion.
    public var due: Date? {
        if state == .waived { return waiver?.until }
        return validUntil ?? firstCompletionDue
    }
}

/// An exception for a module, from a `waived` event: who granted it, when, why, and until when it counts.
public struct Waiver: Hashable, Sendable, Codable {
    /// What the waiver names.
    public enum Scope: String, Hashable, Sendable, Codable {
        /// The module itself.
        case module
        /// The whole path, which waives each of its modules.
        case path
    }

    /// When it was granted.
    public var at: Date
    /// Who granted it.
    public var by: String?
    /// Why.
    public var reason: String
    /// The last moment it counts; nil for no end.
    public var until: Date?
    /// Whether it names the module or its path.
    public var scope: Scope
    /// True when `until` has passed at the time of evaluation: the module is due again.
    public var ended: Bool

    /// Makes a waiver.
    public init(at: Date, by: String?, reason: String, until: Date?, scope: Scope, ended: Bool) {
        self.at = at
        self.by = by
        self.reason = reason
        self.until = until
        self.scope = scope
        self.ended = ended
    }
}

/// A learner's standing in the path of one role.
public struct PathProgress: Hashable, Sendable, Codable {
    /// The role.
    public var role: String
    /// The path's state: completed when every module's completion is valid.
    public var state: ProgressState
    /// Modules in path order.
    public var modules: [ModuleProgress]
    /// Modules whose completion counts.
    public var modulesDone: Int
    /// Share of modules done, 0...1.
    public var fraction: Double
    /// When the path was completed (the latest module completion), if it is.
    public var completedAt: Date?
    /// When the path's milestone runs out (the earliest module expiry).
    public var validUntil: Date?
    /// The path's attested milestones.
    public var milestones: [MilestoneProgress]
    /// The deadline for the first completion, when the path sets `due_within` and a start is known.
    public var deadline: FirstCompletionDeadline? = nil
}

/// A path's deadline for the first completion (`due_within`): from when it counts and when it ends.
public struct FirstCompletionDeadline: Hashable, Sendable, Codable {
    /// What the deadline counts from.
    public enum Start: String, Hashable, Sendable, Codable {
        /// The day the path's role was added (a `roleAdded` event).
        case roleAdded
        /// The learner's first event: files written before roles were recorded as events.
        case firstEvent
    }

    /// The path's `due_within`.
    public var within: ISODuration
    /// What it counts from.
    public var start: Start
    /// The day it counts from.
    public var from: Date
    /// When the first completion is due.
    public var due: Date
}

/// A practical milestone's standing.
public struct MilestoneProgress: Hashable, Sendable, Codable {
    /// The milestone id.
    public var milestone: String
    /// The derived state: notStarted, completed, dueSoon or overdue.
    public var state: ProgressState
    /// When it was last attested.
    public var attestedAt: Date?
    /// Who attested it.
    public var attestedBy: String?
    /// When it runs out.
    public var validUntil: Date?
    /// The note of the latest attestation, e.g. the workshop's topic.
    public var note: String? = nil
}
