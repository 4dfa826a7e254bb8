import Foundation

/// One learner's standing, as `lernpfad status` prints it; its JSON form is documented in docs/json-output.md.
public struct StatusReport: Codable, Sendable, Hashable {
    /// The learner.
    public var learner: LearnerProfile
    /// The moment the statuses were evaluated at.
    public var asOf: Date
    /// One entry per role.
    public var paths: [PathEntry]
    /// Questions due for review.
    public var reviewsDue: Int
    /// The latest event, if any.
    public var lastActivity: Date?
    /// Where the learner would continue.
    public var position: ReadingPosition?

    /// One role's path.
    public struct PathEntry: Codable, Sendable, Hashable {
        /// The role.
        public var role: String
        /// The path title in the learner's language.
        public var title: String
        /// The derived state.
        public var state: ProgressState
        /// Modules done.
        public var modulesDone: Int
        /// Modules in the path.
        public var modulesTotal: Int
        /// Percent done, 0...100.
        public var percent: Int
        /// When completed.
        public var completedAt: Date?
        /// When it runs out.
        public var validUntil: Date?
        /// Module detail.
        public var modules: [ModuleEntry]
        /// Attested milestones, with who attested, when and the note.
        public var milestones: [MilestoneProgress]
        /// The deadline for the first completion (`due_within`), if the path sets one.
        public var deadline: FirstCompletionDeadline?
    }

    /// One module in a path.
    public struct ModuleEntry: Codable, Sendable, Hashable {
        /// The module id.
        public var module: String
        /// The title in the learner's language.
        public var title: String
        /// The derived state.
        public var state: ProgressState
        /// Lessons read in the current cycle.
        public var lessonsDone: Int
        /// Lessons in the module.
        public var lessonsTotal: Int
        /// When completed.
        public var completedAt: Date?
        /// The version completed.
        public var completedVersion: SemanticVersion?
        /// When it runs out.
        public var validUntil: Date?
        /// The passing score of the completion.
        public var score: Double?
        /// Lessons a refresher re-reads.
        public var refresherLessons: [String]
        /// False when the module did not load.
        public var available: Bool
        /// The path's deadline for the first completion while the module has none.
        public var firstCompletionDue: Date?
        /// The latest waiver for the module, in force or ended.
        public var waiver: Waiver?
        /// By when something is needed (``ModuleProgress/due``); nil when nothing asks for it by a date.
        public var due: Date?
    }

    /// Builds the report from a record, the catalog and `now`.
    public init(record: LearnerRecord, catalog: Catalog, now: Date) {
        let language = record.learner.language ?? catalog.course.defaultLanguage
        learner = record.learner
        asOf = now
        position = record.position
        lastActivity = record.events.lazy.filter { $0.kind != .roleAdded }.map(\.at).max()
        reviewsDue = ProgressEngine.dueReviews(record, catalog: catalog, now: now).count
        paths = ProgressEngine.paths(for: record, catalog: catalog, now: now).map { progress in
            let path = catalog.path(progress.role)
            let modules = progress.modules.map { module -> ModuleEntry in
                let content = catalog.module(module.module)
                return ModuleEntry(
                    module: module.module, title: content?.title.text(in: language) ?? module.module,
                    state: module.state, lessonsDone: module.lessonsCompleted.count,
                    lessonsTotal: content?.lessons.count ?? 0, completedAt: module.completion?.at,
                    completedVersion: module.completion?.version, validUntil: module.validUntil,
                    score: module.completion?.score, refresherLessons: module.refresherLessons,
                    available: module.isAvailable, firstCompletionDue: module.firstCompletionDue,
                    waiver: module.waiver, due: module.due)
            }
            return PathEntry(
                role: progress.role, title: path?.title.text(in: language) ?? progress.role, state: progress.state,
                modulesDone: progress.modulesDone, modulesTotal: progress.modules.count,
                percent: progress.percent, completedAt: progress.completedAt,
                validUntil: progress.validUntil, modules: modules, milestones: progress.milestones,
                deadline: progress.deadline)
        }
    }

    /// The report as terminal text; everything from the learner file or the content is escaped.
    public var text: String {
        var lines: [String] = []
        let team = learner.team.map { " · team \($0.sanitizedForMessage)" } ?? ""
        lines.append(
            "\(learner.name.sanitizedForMessage) (\(learner.id.sanitizedForMessage))\(team) · as of \(Timestamp.format(asOf))"
        )
        if learner.roles.isEmpty { lines.append("no roles") }
        for path in paths {
            lines.append("")
            var headline = "\(path.title.sanitizedForMessage) [\(path.role.sanitizedForMessage)]: \(path.state.words)"
            if let completedAt = path.completedAt, path.state != .inProgress {
                headline += " · completed \(CalendarDay(completedAt))"
            }
            if let validUntil = path.validUntil { headline += " · valid until \(CalendarDay(validUntil))" }
            if let deadline = path.deadline, path.completedAt == nil {
                headline += " · first completion due \(CalendarDay(deadline.due))"
            }
            lines.append(headline)
            lines.append("  \(path.modulesDone)/\(path.modulesTotal) modules · \(path.percent)%")
            for module in path.modules {
                let id = module.module.sanitizedForMessage
                var line =
                    "  \(module.state.mark) \(id)\(String(repeating: " ", count: max(0, 32 - DisplayWidth.of(id))))"
                line += " \(module.state.words)"
                if !module.available { line += " (module not loaded)" }
                if module.state == .inProgress || module.state == .notStarted {
                    line += " · \(module.lessonsDone)/\(module.lessonsTotal) lessons"
                }
                if let validUntil = module.validUntil { line += " · valid until \(CalendarDay(validUntil))" }
                if let due = module.firstCompletionDue {
                    let days = TeamReport.days(from: due, to: asOf)
                    line += " · first completion due \(CalendarDay(due))"
                    if module.state == .overdue { line += " · overdue for \(days) day(s)" }
                }
                if let validUntil = module.validUntil {
                    let days = TeamReport.days(from: validUntil, to: asOf)
                    if module.state == .overdue { line += " · overdue for \(days) day(s)" }
                    if module.state == .dueSoon { line += " · due in \(-days) day(s)" }
                }
                if let score = module.score { line += " · score \(Int((score * 100).rounded()))%" }
                if let waiver = module.waiver { line += " · " + Self.words(waiver) }
                lines.append(line)
            }
            for milestone in path.milestones {
                var line = "  \(milestone.state.mark) milestone \(milestone.milestone.sanitizedForMessage): "
                if let at = milestone.attestedAt {
                    line += "attested \(CalendarDay(at))"
                    if let by = milestone.attestedBy { line += " by \(by.sanitizedForMessage)" }
                    if let validUntil = milestone.validUntil { line += " · valid until \(CalendarDay(validUntil))" }
                    if milestone.state != .completed { line += " · \(milestone.state.words)" }
                    if let note = milestone.note { line += " · note: \(note.sanitizedForMessage)" }
                } else {
                    line += "not yet attested"
                }
                lines.append(line)
            }
        }
        lines.append("")
        lines.append("questions due for review: \(reviewsDue)")
        return lines.joined(separator: "\n")
    }
}

extension StatusReport {
    /// A waiver in words, as `status` and `explain` print it: "waived by ben on 2026-11-02: prior learning,
    /// until 2027-03-01", or "waiver ended 2027-03-01 (…)".
    public static func words(_ waiver: Waiver) -> String {
        let by = waiver.by.map { " by \($0.sanitizedForMessage)" } ?? ""
        var text = "waived\(by) on \(CalendarDay(waiver.at)): \(waiver.reason.sanitizedForMessage)"
        if let until = waiver.until { text += ", until \(CalendarDay(until))" }
        return waiver.ended
            ? "waiver ended \(waiver.until.map { "\(CalendarDay($0))" } ?? ""): due again (\(text))" : text
    }

    /// One line for a shell prompt or a login message: what is overdue or due soon, else that nothing is, and
    /// the next date something falls due. "lernpfad: 1 overdue (ai-basics, 14 days) · next 2027-03-01".
    public var shortLine: String {
        // A module in two paths is one thing to do: the first entry (path order) counts.
        var seen: Set<String> = []
        var modules: [ModuleEntry] = []
        for path in paths {
            for module in path.modules where module.available && seen.insert(module.module).inserted {
                modules.append(module)
            }
        }
        let milestones = paths.flatMap(\.milestones).filter { $0.state.needsAttention }
        func days(_ due: Date?) -> Int { due.map { TeamReport.days(from: $0, to: asOf) } ?? 0 }
        func count(_ state: ProgressState) -> [(id: String, due: Date?)] {
            modules.filter { $0.state == state }.map { ($0.module, $0.due) }
                + milestones.filter { $0.state == state }.map { ($0.milestone, $0.validUntil) }
        }
        func list(_ items: [(id: String, due: Date?)], _ detail: (Date?) -> String) -> String {
            let shown = items.prefix(3).map { "\($0.id.sanitizedForMessage), \(detail($0.due))" }
            return shown.joined(separator: "; ") + (items.count > 3 ? "; …" : "")
        }
        func plural(_ count: Int, _ word: String) -> String { count == 1 ? "1 \(word)" : "\(count) \(word)s" }
        var parts: [String] = []
        // Stable: among equal dates, path order.
        func byDue(_ items: [(id: String, due: Date?)], missing: Date) -> [(id: String, due: Date?)] {
            items.enumerated().sorted {
                ($0.element.due ?? missing, $0.offset) < ($1.element.due ?? missing, $1.offset)
            }
            .map(\.element)
        }
        let overdue = byDue(count(.overdue), missing: .distantPast)
        if !overdue.isEmpty {
            parts.append("\(overdue.count) overdue (\(list(overdue) { plural(days($0), "day") }))")
        }
        let soon = byDue(count(.dueSoon), missing: .distantFuture)
        if !soon.isEmpty {
            parts.append("\(soon.count) due soon (\(list(soon) { "in " + plural(-days($0), "day") }))")
        }
        let updates = count(.updateAvailable)
        if !updates.isEmpty {
            parts.append(
                "\(plural(updates.count, "update")) available (\(updates.prefix(3).map { $0.id.sanitizedForMessage }.joined(separator: ", ")))"
            )
        }
        if parts.isEmpty {
            let done = modules.filter { $0.state.isValidCompletion }.count
            if paths.isEmpty {
                parts.append("no path for the roles of \(learner.id.sanitizedForMessage)")
            } else if done == modules.count {
                parts.append("nothing due")
            } else {
                parts.append("nothing overdue · \(done)/\(modules.count) modules done")
            }
        }
        let ahead = (modules.compactMap(\.due) + paths.flatMap(\.milestones).compactMap(\.validUntil)).filter {
            $0 > asOf
        }
        if let next = ahead.min() { parts.append("next \(CalendarDay(next))") }
        return "lernpfad: " + parts.joined(separator: " · ")
    }
}

extension ProgressState {
    /// The state in words for text output.
    public var words: String {
        switch self {
        case .notStarted: return "not started"
        case .inProgress: return "in progress"
        case .completed: return "completed"
        case .dueSoon: return "due soon"
        case .overdue: return "overdue"
        case .updateAvailable: return "update available"
        case .waived: return "waived"
        }
    }

    /// A one-character mark for lists.
    public var mark: String {
        switch self {
        case .notStarted: return "·"
        case .inProgress: return "◐"
        case .completed: return "✓"
        case .dueSoon: return "⧖"
        case .overdue: return "!"
        case .updateAvailable: return "↻"
        case .waived: return "⊘"
        }
    }
}
