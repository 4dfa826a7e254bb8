import Foundation

/// The one place that combines states: of modules and milestones into a path, of paths into a learner.
///
/// Every view (`status`, `team` in every format, the TUI) reads the states this derives; docs/status.md states the
/// precedence and the wording. Pure functions.
public enum StateDerivation {
    /// The most urgent of `states` by ``ProgressState/urgency``: overdue, update available, due soon, in progress,
    /// not started, completed. Nil for none.
    public static func mostUrgent<S: Sequence>(_ states: S) -> ProgressState? where S.Element == ProgressState {
        var best: ProgressState?
        for state in states where best.map({ state.urgency < $0.urgency }) ?? true { best = state }
        return best
    }

    /// A path's state from its modules and attested milestones.
    ///
    /// Anything that needs attention decides, whether or not the path was ever complete: one module overdue makes
    /// the path overdue even while another module is still in progress. Then the path is completed when every
    /// module's completion counts, in progress when anything was done, else not started. A milestone that was never
    /// attested is no refresher and does not make a path worse than its modules.
    public static func path(modules: [ModuleProgress], milestones: [MilestoneProgress]) -> ProgressState {
        let attention = modules.lazy.map(\.state).filter(\.needsAttention)
        let milestoneAttention = milestones.lazy.map(\.state).filter(\.needsAttention)
        if let urgent = mostUrgent(Array(attention) + Array(milestoneAttention)) { return urgent }
        if !modules.isEmpty && modules.allSatisfy({ $0.state.isValidCompletion }) {
            // Waived only when nothing was completed: one real completion makes the path completed.
            return modules.allSatisfy({ $0.state == .waived }) ? .waived : .completed
        }
        if modules.contains(where: { $0.state != .notStarted }) { return .inProgress }
        return .notStarted
    }

    /// A learner's state: the most urgent of their paths; not started without a known path.
    public static func learner(paths: [ProgressState]) -> ProgressState {
        mostUrgent(paths) ?? .notStarted
    }

    /// Where a module or milestone stands and why: the rule, since when, and by when something is needed.
    public struct Reason: Hashable, Sendable, Codable {
        /// The derived state.
        public var state: ProgressState
        /// The rule that applies.
        public var rule: Rule
        /// Since when the state holds (the expiry, the start of the due-soon window, the completion, the first
        /// activity); nil when nothing happened yet.
        public var since: Date?
        /// By when a completion or refresher is needed: the end of the validity; nil when nothing is due.
        public var due: Date?
    }

    /// The rules a state can come from.
    public enum Rule: String, Hashable, Sendable, Codable, CaseIterable {
        /// Nothing done yet.
        case nothingDone
        /// Started; the first completion is still missing.
        case notYetCompleted
        /// Completed; valid for the path's validity from the completion.
        case validFromCompletion
        /// The completion runs out within the path's due-soon window.
        case dueSoonWindow
        /// The validity counted from the completion has run out.
        case validityExpired
        /// The content changed its major version since the completion.
        case majorVersionChanged
        /// The path names a module that did not load.
        case moduleNotLoaded
        /// Never completed, and the path's deadline for the first completion (`due_within`) has passed.
        case firstCompletionDeadlinePassed
        /// A waiver is in force (prior learning, long absence): covered, with its reason, until its end if any.
        case waiverInForce
        /// A waiver ended, and the module was never completed: due again from the waiver's end.
        case waiverEnded
    }

    /// The reason for a module's state; `dueSoon` is the path's due-soon window.
    public static func reason(_ module: ModuleProgress, dueSoon: ISODuration) -> Reason {
        guard module.isAvailable else { return Reason(state: module.state, rule: .moduleNotLoaded) }
        if let waiver = module.waiver {
            if module.state == .waived {
                return Reason(state: .waived, rule: .waiverInForce, since: waiver.at, due: waiver.until)
            }
            if waiver.ended, module.completion == nil, let until = waiver.until {
                return Reason(state: module.state, rule: .waiverEnded, since: until, due: until)
            }
        }
        switch module.state {
        case .notStarted:
            return Reason(state: .notStarted, rule: .nothingDone, since: nil, due: module.firstCompletionDue)
        case .inProgress:
            return Reason(
                state: .inProgress, rule: .notYetCompleted, since: module.lastActivity, due: module.firstCompletionDue)
        case .overdue where module.completion == nil:
            return Reason(
                state: .overdue, rule: .firstCompletionDeadlinePassed, since: module.firstCompletionDue,
                due: module.firstCompletionDue)
        case .completed:
            return Reason(
                state: .completed, rule: .validFromCompletion, since: module.completion?.at, due: module.validUntil)
        case .dueSoon:
            return Reason(
                state: .dueSoon, rule: .dueSoonWindow, since: module.validUntil.map { dueSoon.subtracted(from: $0) },
                due: module.validUntil)
        case .overdue:
            return Reason(state: .overdue, rule: .validityExpired, since: module.validUntil, due: module.validUntil)
        case .updateAvailable:
            return Reason(
                state: .updateAvailable, rule: .majorVersionChanged, since: module.completion?.at,
                due: module.validUntil)
        case .waived:
            // Only a waiver makes a module waived; the branch above answers for it.
            return Reason(state: .waived, rule: .waiverInForce)
        }
    }

    /// The reason for a milestone's state; `dueSoon` is the path's due-soon window.
    public static func reason(_ milestone: MilestoneProgress, dueSoon: ISODuration) -> Reason {
        switch milestone.state {
        case .overdue:
            return Reason(
                state: .overdue, rule: .validityExpired, since: milestone.validUntil, due: milestone.validUntil)
        case .dueSoon:
            return Reason(
                state: .dueSoon, rule: .dueSoonWindow,
                since: milestone.validUntil.map { dueSoon.subtracted(from: $0) }, due: milestone.validUntil)
        case .completed, .updateAvailable:
            return Reason(
                state: milestone.state, rule: .validFromCompletion, since: milestone.attestedAt,
                due: milestone.validUntil)
        case .notStarted, .inProgress, .waived:
            return Reason(state: milestone.state, rule: .nothingDone)
        }
    }
}

extension StateDerivation.Reason {
    init(state: ProgressState, rule: StateDerivation.Rule) {
        self.init(state: state, rule: rule, since: nil, due: nil)
    }
}

extension ProgressState {
    /// True for the states that ask for something by a date: overdue, update available, due soon.
    public var needsAttention: Bool {
        self == .overdue || self == .updateAvailable || self == .dueSoon
    }
}

extension PathProgress {
    /// The earliest date by which something in the path is or was needed (a module or milestone overdue, due soon
    /// or to be refreshed, or a first completion past its deadline); nil when nothing needs attention.
    public var attentionDue: Date? {
        let modules = self.modules.lazy.filter(\.state.needsAttention).compactMap(\.due)
        let milestones = self.milestones.lazy.filter(\.state.needsAttention).compactMap(\.validUntil)
        return (Array(modules) + Array(milestones)).min()
    }
}
