import Foundation

/// Why each path, module and milestone of a learner stands where it does, as `lernpfad explain` shows it: the
/// state, the rule behind it, since when, by when, and exactly what the next completion or refresher needs.
///
/// Derived from the same ``ProgressEngine`` and ``StateDerivation`` as every other view, so it can never disagree
/// with `status` or `team`. A pure value; the command does the wording.
public struct Explanation: Codable, Sendable, Hashable {
    /// The learner's id.
    public var learner: String
    /// The learner's display name.
    public var name: String
    /// The moment the states were evaluated at.
    public var asOf: Date
    /// The path, module or milestone asked about; nil for everything.
    public var subject: String?
    /// The learner's paths that hold the subject (all of them without one), each cut down to the subject.
    public var paths: [PathItem]

    /// One path of the learner.
    public struct PathItem: Codable, Sendable, Hashable {
        /// The role.
        public var role: String
        /// The path's title in the learner's language.
        public var title: String
        /// The path's state.
        public var state: ProgressState
        /// The rule that decides it: that of the module or milestone whose state the path takes, else the path's
        /// own (completed, started, nothing done).
        public var rule: StateDerivation.Rule
        /// Since when the state holds, if known.
        public var since: Date?
        /// By when something is needed, if anything.
        public var due: Date?
        /// Whole days from `asOf` until `due`; negative when overdue.
        public var daysLeft: Int?
        /// The modules and milestones whose state the path takes (empty when the path decides by itself).
        public var decidedBy: [String]
        /// How long a completion counts.
        public var validity: ISODuration
        /// The window before expiry in which a completion is due soon.
        public var dueSoon: ISODuration
        /// The deadline for the first completion, if the path sets `due_within`.
        public var deadline: FirstCompletionDeadline?
        /// Modules whose completion counts.
        public var modulesDone: Int
        /// Modules in the path.
        public var modulesTotal: Int
        /// The modules (only the subject, when it is a module).
        public var modules: [ModuleItem]
        /// The milestones (only the subject, when it is a milestone).
        public var milestones: [MilestoneItem]
    }

    /// One module within a path.
    public struct ModuleItem: Codable, Sendable, Hashable {
        /// The module id.
        public var module: String
        /// The title in the learner's language.
        public var title: String
        /// The state.
        public var state: ProgressState
        /// The rule that applies.
        public var rule: StateDerivation.Rule
        /// Since when the state holds, if known.
        public var since: Date?
        /// By when a completion or refresher is needed, if at all.
        public var due: Date?
        /// Whole days from `asOf` until `due`; negative when overdue.
        public var daysLeft: Int?
        /// The latest completion, if any.
        public var completedAt: Date?
        /// The version that completion was made under.
        public var completedVersion: SemanticVersion?
        /// The module's version in the content now.
        public var currentVersion: SemanticVersion?
        /// What the next completion needs; nil when nothing is needed now.
        public var needs: Needs?
        /// The latest waiver for the module: who granted it, when, why, until when, and whether it ended.
        public var waiver: Waiver?
    }

    /// What the next completion of a module needs, and by when.
    public struct Needs: Codable, Sendable, Hashable {
        /// A first completion or a refresher.
        public var kind: Kind
        /// The lessons to read: every lesson for a first completion, those the changelog marks as changed since
        /// the completed version for a refresher.
        public var lessons: [LessonNeed]
        /// True when the quiz must be passed.
        public var quiz: Bool
        /// The quiz's pass mark (0...1), when the quiz is loaded.
        public var passMark: Double?
        /// By when, if there is a date.
        public var by: Date?

        /// Which completion is needed.
        public enum Kind: String, Codable, Sendable, Hashable {
            /// The module was never completed (or was reset).
            case firstCompletion
            /// A completion exists and needs renewing.
            case refresher
        }
    }

    /// One lesson a completion needs.
    public struct LessonNeed: Codable, Sendable, Hashable {
        /// The lesson id.
        public var lesson: String
        /// The title in the learner's language.
        public var title: String
        /// True when it has been read in the current cycle (since the last completion).
        public var done: Bool
    }

    /// One milestone within a path.
    public struct MilestoneItem: Codable, Sendable, Hashable {
        /// The milestone id.
        public var milestone: String
        /// The title in the learner's language.
        public var title: String
        /// The state.
        public var state: ProgressState
        /// The rule that applies.
        public var rule: StateDerivation.Rule
        /// Since when the state holds, if known.
        public var since: Date?
        /// By when a new attestation is needed, if at all.
        public var due: Date?
        /// Whole days from `asOf` until `due`; negative when overdue.
        public var daysLeft: Int?
        /// When it was last attested.
        public var attestedAt: Date?
        /// Who attested it.
        public var attestedBy: String?
        /// The attestation's note.
        public var note: String?
    }

    /// `subject` names none of the learner's paths, modules or milestones.
    public struct UnknownSubject: Error, Sendable, Hashable, CustomStringConvertible {
        /// What was asked for.
        public var subject: String
        /// The learner.
        public var learner: String
        /// What there is: the learner's paths, their modules and their milestones, in path order.
        public var known: [String]

        /// One line naming what exists.
        public var description: String {
            let list = known.isEmpty ? "nothing (no known path)" : known.joined(separator: ", ")
            return "'\(subject)' is none of \(learner)'s paths, modules or milestones; there are: \(list)"
        }
    }

    /// Explains `record` at `now`: every path, or only what `subject` (a role, module or milestone id) names.
    public init(record: LearnerRecord, catalog: Catalog, now: Date, subject: String? = nil) throws(UnknownSubject) {
        let language = record.learner.language ?? catalog.course.defaultLanguage
        let progress = ProgressEngine.paths(for: record, catalog: catalog, now: now)
        var items: [PathItem] = []
        for path in progress {
            guard let content = catalog.path(path.role) else { continue }
            var item = Self.pathItem(path, content: content, catalog: catalog, language: language, now: now)
            if let subject, subject != path.role {
                item.modules = item.modules.filter { $0.module == subject }
                item.milestones = item.milestones.filter { $0.milestone == subject }
                if item.modules.isEmpty && item.milestones.isEmpty { continue }
            }
            items.append(item)
        }
        if let subject, items.isEmpty {
            var known: [String] = []
            for path in progress {
                for id in [path.role] + path.modules.map(\.module) + path.milestones.map(\.milestone)
                where !known.contains(id) {
                    known.append(id)
                }
            }
            throw UnknownSubject(subject: subject, learner: record.learner.id, known: known)
        }
        learner = record.learner.id
        name = record.learner.name
        asOf = now
        self.subject = subject
        paths = items
    }

    /// Whole days from `now` until `due` (negative when overdue), counted as `status` counts them.
    public static func daysLeft(until due: Date?, now: Date) -> Int? {
        due.map { -TeamReport.days(from: $0, to: now) }
    }

    private static func pathItem(
        _ path: PathProgress, content: LearningPath, catalog: Catalog, language: LanguageCode, now: Date
    ) -> PathItem {
        let modules = path.modules.map { progress -> ModuleItem in
            let reason = StateDerivation.reason(progress, dueSoon: content.dueSoon)
            let module = catalog.module(progress.module)
            return ModuleItem(
                module: progress.module, title: module?.title.text(in: language) ?? progress.module,
                state: reason.state, rule: reason.rule, since: reason.since, due: reason.due,
                daysLeft: daysLeft(until: reason.due, now: now), completedAt: progress.completion?.at,
                completedVersion: progress.completion?.version, currentVersion: module?.version,
                needs: module.flatMap { needs(progress, module: $0, language: language) }, waiver: progress.waiver)
        }
        let titles = Dictionary(content.milestones.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let milestones = path.milestones.map { progress -> MilestoneItem in
            let reason = StateDerivation.reason(progress, dueSoon: content.dueSoon)
            return MilestoneItem(
                milestone: progress.milestone,
                title: titles[progress.milestone]?.text(in: language) ?? progress.milestone, state: reason.state,
                rule: reason.rule, since: reason.since, due: reason.due,
                daysLeft: daysLeft(until: reason.due, now: now), attestedAt: progress.attestedAt,
                attestedBy: progress.attestedBy, note: progress.note)
        }
        // The path takes the state of its most urgent module or milestone when that needs attention; among those
        // with that state, the earliest due decides the rule and the dates.
        var rule: StateDerivation.Rule
        var since: Date?
        var due: Date?
        var decidedBy: [String] = []
        let deciding =
            modules.filter { $0.state == path.state }.map { ($0.module, $0.rule, $0.since, $0.due) }
            + milestones.filter { $0.state == path.state }.map { ($0.milestone, $0.rule, $0.since, $0.due) }
        if path.state.needsAttention, !deciding.isEmpty {
            let first = deciding.min { ($0.3 ?? .distantFuture) < ($1.3 ?? .distantFuture) }!
            rule = first.1
            since = first.2
            due = first.3
            decidedBy = deciding.map(\.0)
        } else {
            switch path.state {
            case .completed:
                rule = .validFromCompletion
                since = path.completedAt
                due = path.validUntil
            case .waived:
                // Every module is waived: the earliest grant and the earliest end decide.
                rule = .waiverInForce
                since = path.modules.compactMap { $0.waiver?.at }.min()
                due = path.modules.compactMap { $0.waiver?.until }.min()
                decidedBy = modules.map(\.module)
            case .inProgress:
                rule = .notYetCompleted
                since = path.modules.compactMap(\.lastActivity).max()
                due = path.completedAt == nil ? path.deadline?.due : path.validUntil
            default:
                rule = .nothingDone
                due = path.deadline?.due
            }
        }
        return PathItem(
            role: path.role, title: content.title.text(in: language), state: path.state, rule: rule, since: since,
            due: due, daysLeft: daysLeft(until: due, now: now), decidedBy: decidedBy, validity: content.validity,
            dueSoon: content.dueSoon, deadline: path.deadline, modulesDone: path.modulesDone,
            modulesTotal: path.modules.count, modules: modules, milestones: milestones)
    }

    /// What the next completion of `module` needs: nil while the completion counts and nothing changed.
    private static func needs(_ progress: ModuleProgress, module: Module, language: LanguageCode) -> Needs? {
        guard progress.isAvailable, progress.state != .waived else { return nil }
        let passMark = module.quiz?.passMark
        func lessons(_ ids: [String]) -> [LessonNeed] {
            ids.map { id in
                LessonNeed(
                    lesson: id, title: module.lesson(id)?.title.text(in: language) ?? id,
                    done: progress.lessonsCompleted.contains(id))
            }
        }
        guard progress.completion != nil else {
            return Needs(
                kind: .firstCompletion, lessons: lessons(module.lessons.map(\.id)), quiz: module.hasQuiz,
                passMark: passMark, by: progress.firstCompletionDue)
        }
        guard progress.state.needsAttention else { return nil }
        return Needs(
            kind: .refresher, lessons: lessons(progress.refresherLessons), quiz: module.hasQuiz, passMark: passMark,
            by: progress.validUntil)
    }
}
