import Foundation

/// Derives statuses from a learner's events, the catalog and `now`. Pure functions, no clock, no I/O.
public enum ProgressEngine {
    /// The learner's standing in every path of their roles.
    public static func paths(for record: LearnerRecord, catalog: Catalog, now: Date) -> [PathProgress] {
        let events = record.chronologicalEvents
        let byModule = eventsByModule(events)
        return record.learner.roles.compactMap { role in
            catalog.path(role).map { path(for: $0, events: events, byModule: byModule, catalog: catalog, now: now) }
        }
    }

    /// The standing in one path.
    public static func path(for path: LearningPath, events: [LearnerEvent], catalog: Catalog, now: Date) -> PathProgress
    {
        self.path(for: path, events: events, byModule: eventsByModule(events), catalog: catalog, now: now)
    }

    /// Events grouped by module in one pass, so that each module reads only its own.
    static func eventsByModule(_ events: [LearnerEvent]) -> EventsByModule { EventsByModule(events) }

    private static func path(
        for path: LearningPath, events: [LearnerEvent], byModule eventsByModule: EventsByModule,
        catalog: Catalog, now: Date
    ) -> PathProgress {
        let deadline = firstCompletionDeadline(path, events: events, now: now)
        let pathWaiver = events.last { $0.kind == .waived && $0.module == nil && $0.role == path.role && $0.at <= now }
        let modules = path.modules.map { id -> ModuleProgress in
            guard let offset = catalog.moduleOffset(id) else { return unavailable(id) }
            let moduleEvents = eventsByModule[id]
            // The module is passed straight from the catalog, not copied out of it first: a copy retains every
            // one of its fields, for every module of every learner.
            let progress = self.module(
                catalog.modules[offset], validity: path.validity, dueSoon: path.dueSoon, events: moduleEvents,
                now: now, firstCompletionDue: deadline?.due)
            return waive(progress, moduleEvents: moduleEvents, pathWaiver: pathWaiver, now: now)
        }
        let done = modules.filter { $0.state.isValidCompletion }.count
        let everCompleted = modules.allSatisfy { $0.completion != nil }
        var completedAt: Date?
        var validUntil: Date?
        if everCompleted && !modules.isEmpty {
            completedAt = modules.compactMap { $0.completion?.at }.max()
            validUntil = modules.compactMap(\.validUntil).min()
        }
        let milestones = path.milestones.map { milestone($0.id, path: path, events: events, now: now) }
        // One derivation for every view (docs/status.md): an overdue module counts even in an unfinished path.
        let state = StateDerivation.path(modules: modules, milestones: milestones)
        return PathProgress(
            role: path.role, state: state, modules: modules, modulesDone: done,
            fraction: modules.isEmpty ? 0 : Double(done) / Double(modules.count), completedAt: completedAt,
            validUntil: validUntil, milestones: milestones, deadline: deadline)
    }

    /// The path's deadline for the first completion (`due_within`), counted from the latest `roleAdded` event for
    /// its role up to `now`, else (files from before roles were recorded) from the learner's first event. Nil when
    /// the path sets none, when nothing happened yet, or when the role is only added after `now`.
    /// `events` are in time order.
    public static func firstCompletionDeadline(_ path: LearningPath, events: [LearnerEvent], now: Date)
        -> FirstCompletionDeadline?
    {
        guard let within = path.dueWithin else { return nil }
        let added = events.filter { $0.kind == .roleAdded && $0.role == path.role }
        let start: FirstCompletionDeadline.Start
        let from: Date
        if !added.isEmpty {
            guard let latest = added.last(where: { $0.at <= now }) else { return nil }
            start = .roleAdded
            from = latest.at
        } else {
            guard let first = events.first, first.at <= now else { return nil }
            start = .firstEvent
            from = first.at
        }
        return FirstCompletionDeadline(within: within, start: start, from: from, due: within.added(to: from))
    }

    /// The standing in one module, given the path's validity rules.
    ///
    /// A first completion needs every lesson read and the quiz passed (in either order). After that, a refresher
    /// completes with a new passed quiz plus a fresh read of each lesson the changelog marks as changed since the
    /// completed version. A reset starts the module over. Without a completion, `firstCompletionDue` (the path's
    /// `due_within` deadline) makes the module overdue once `now` reaches it.
    public static func module(
        _ module: Module, validity: ISODuration, dueSoon: ISODuration, events: [LearnerEvent], now: Date,
        firstCompletionDue: Date? = nil
    ) -> ModuleProgress {
        // A module has a handful of lessons: a short list searched in order beats hashing each id.
        var lessonsRead = LessonsRead()
        var completion: ModuleCompletion?
        var pendingPass: (at: Date, version: SemanticVersion?, score: Double?)?
        var lastScore: Double?
        var lastActivity: Date?
        let lessonIDs = module.lessons.map(\.id)
        // The lessons the next completion needs: all at first, then those changed since the completed version.
        // Kept up to date when the completion changes rather than worked out again for every event.
        var requiredLessons = lessonIDs
        func complete(_ new: ModuleCompletion?) {
            completion = new
            guard let new else {
                requiredLessons = lessonIDs
                return
            }
            guard let version = new.version else {
                requiredLessons = []
                return
            }
            let changed = module.lessonsChanged(since: version)
            requiredLessons = lessonIDs.filter { changed.contains($0) }
        }
        func checkCompletion(at time: Date) {
            let since = completion?.at
            func allRead(_ lessons: [String]) -> Bool {
                lessons.allSatisfy { id in
                    guard let read = lessonsRead.date(id) else { return false }
                    return since.map { read > $0 } ?? true
                }
            }
            if !module.hasQuiz {
                // Without a quiz, reading is the whole module; a refresher then means reading the changed lessons.
                if completion == nil && !lessonIDs.isEmpty && allRead(requiredLessons) {
                    complete(ModuleCompletion(at: time, version: module.version, score: nil))
                }
                return
            }
            // Until a passed quiz waits, no lesson read can complete the module: checking every lesson on each
            // one read made this quadratic in the lessons, for nothing.
            guard let pass = pendingPass else { return }
            var passDone = allRead(requiredLessons)
            // A first completion passed at an older major version needs that version's lessons. Those the changelog
            // marks as changed since may not have existed then (a lesson added in 2.0.0), and the refresher asks
            // for them anyway; requiring them here made a 1.0.0 completion vanish when a lesson was added.
            if !passDone, completion == nil, let version = pass.version, version.major < module.version.major {
                let changed = module.lessonsChanged(since: version)
                passDone = allRead(requiredLessons.filter { !changed.contains($0) })
            }
            if passDone {
                complete(ModuleCompletion(at: max(time, pass.at), version: pass.version, score: pass.score))
                pendingPass = nil
            }
        }

        // A waiver is no activity of the learner's; `waive` applies it after the events are counted.
        for event in events where event.module == module.id && event.at <= now && event.kind != .waived {
            lastActivity = event.at
            switch event.kind {
            case .moduleReset:
                lessonsRead = LessonsRead()
                complete(nil)
                pendingPass = nil
            case .lessonCompleted:
                if let lesson = event.lesson { lessonsRead.note(lesson, at: event.at) }
                checkCompletion(at: event.at)
            case .quizAttempted:
                // A score outside 0...1 can only come from an edited file; it would break every percentage.
                let score = event.score.flatMap { (0...1).contains($0) ? $0 : nil }
                lastScore = score
                if event.passed == true {
                    pendingPass = (event.at, event.moduleVersion, score)
                    checkCompletion(at: event.at)
                }
            case .lessonOpened, .questionReviewed, .attested, .roleAdded, .waived:
                break
            }
        }

        var state: ProgressState = lastActivity == nil ? .notStarted : .inProgress
        var validUntil: Date?
        var refresher: [String] = []
        if let completion {
            let expiry = validity.added(to: completion.at)
            validUntil = expiry
            let stale = completion.version.map { $0.major < module.version.major } ?? false
            if now >= expiry {
                state = .overdue
            } else if stale {
                state = .updateAvailable
            } else if now >= dueSoon.subtracted(from: expiry) {
                state = .dueSoon
            } else {
                state = .completed
            }
            if state != .completed, let version = completion.version {
                let changed = module.lessonsChanged(since: version)
                refresher = lessonIDs.filter { changed.contains($0) }
            }
        } else if let firstCompletionDue, now >= firstCompletionDue {
            state = .overdue
        }
        return ModuleProgress(
            module: module.id, state: state,
            lessonsCompleted: Set(
                lessonsRead.entries.lazy.filter { entry in completion.map { entry.value > $0.at } ?? true }.map(\.key)),
            completion: completion, validUntil: validUntil, refresherLessons: refresher, lastScore: lastScore,
            lastActivity: lastActivity, isAvailable: true,
            firstCompletionDue: completion == nil ? firstCompletionDue : nil)
    }

    /// Applies the latest waiver granted by `now` for the module (its own `waived` event in `moduleEvents`, or
    /// the path's) to the standing its events give (docs/status.md).
    ///
    /// In force (no `until`, or `now` not past it), the module is waived, unless its own completion is valid and
    /// not yet due soon: then the completion is the better evidence and stays. Once ended, the events decide
    /// again; a module never completed is overdue from the waiver's end, so that it is due again at once.
    static func waive(_ progress: ModuleProgress, moduleEvents: [LearnerEvent], pathWaiver: LearnerEvent?, now: Date)
        -> ModuleProgress
    {
        let own = moduleEvents.last { $0.kind == .waived && $0.at <= now }
        // The later of the two decides: a new module waiver can extend or end a path's, and the other way round.
        let candidates = [own, pathWaiver].compactMap { $0 }
        guard let event = candidates.max(by: { $0.at < $1.at }) else { return progress }
        let ended = event.until.map { now > $0 } ?? false
        var result = progress
        result.waiver = Waiver(
            at: event.at, by: event.by, reason: event.reason ?? "", until: event.until,
            scope: event.module == nil ? .path : .module, ended: ended)
        if !ended {
            if progress.state != .completed { result.state = .waived }
        } else if progress.completion == nil, let until = event.until {
            result.state = .overdue
            result.firstCompletionDue = until
        }
        return result
    }

    /// The standing of an attested milestone: the latest attestation, valid for the path's validity.
    public static func milestone(_ id: String, path: LearningPath, events: [LearnerEvent], now: Date)
        -> MilestoneProgress
    {
        guard let attestation = events.last(where: { $0.kind == .attested && $0.milestone == id && $0.at <= now })
        else {
            return MilestoneProgress(milestone: id, state: .notStarted)
        }
        let expiry = path.validity.added(to: attestation.at)
        let state: ProgressState =
            now >= expiry ? .overdue : now >= path.dueSoon.subtracted(from: expiry) ? .dueSoon : .completed
        return MilestoneProgress(
            milestone: id, state: state, attestedAt: attestation.at, attestedBy: attestation.by, validUntil: expiry,
            note: attestation.note)
    }

    /// True when every prerequisite of `module` has been completed at least once.
    public static func isUnlocked(_ module: Module, events: [LearnerEvent], catalog: Catalog, now: Date) -> Bool {
        missingPrerequisites(module, events: events, catalog: catalog, now: now).isEmpty
    }

    /// Prerequisites of `module` that the learner has not completed yet.
    public static func missingPrerequisites(_ module: Module, events: [LearnerEvent], catalog: Catalog, now: Date)
        -> [String]
    {
        module.prerequisites.filter { id in
            guard let prerequisite = catalog.module(id) else { return true }
            // A waiver in force covers a prerequisite as a completion would.
            let paths = catalog.paths.filter { $0.modules.contains(id) }.map(\.role)
            let waiver = events.last {
                $0.kind == .waived && $0.at <= now
                    && ($0.module == id || ($0.module == nil && paths.contains($0.role ?? "")))
            }
            if let waiver, waiver.until.map({ now <= $0 }) ?? true { return false }
            let progress = self.module(
                prerequisite, validity: ISODuration(years: 100), dueSoon: ISODuration(), events: events, now: now)
            return progress.completion == nil
        }
    }

    /// Questions whose review is due at `now`, most overdue first.
    public static func dueReviews(_ record: LearnerRecord, catalog: Catalog, now: Date) -> [String] {
        dueReviews(record, now: now) { module, question in catalog.module(module)?.quiz?.question(question) != nil }
    }

    /// Questions whose review is due at `now`, most overdue first, among those `exists` knows.
    ///
    /// The TUI passes the quizzes it has loaded, so that counting due reviews never reads a quiz file.
    public static func dueReviews(
        _ record: LearnerRecord, now: Date, exists: (_ module: String, _ question: String) -> Bool
    ) -> [String] {
        record.review.filter { key, card in
            guard card.due <= now, let (module, question) = ReviewKey.split(key) else { return false }
            return exists(module, question)
        }.sorted { ($0.value.due, $0.key) < ($1.value.due, $1.key) }.map(\.key)
    }

    private static func unavailable(_ id: String) -> ModuleProgress {
        ModuleProgress(
            module: id, state: .notStarted, lessonsCompleted: [], completion: nil, validUntil: nil,
            refresherLessons: [],
            lastScore: nil, lastActivity: nil, isAvailable: false)
    }
}

extension MilestoneProgress {
    init(milestone: String, state: ProgressState) {
        self.init(milestone: milestone, state: state, attestedAt: nil, attestedBy: nil, validUntil: nil)
    }
}

/// A learner's events grouped by module, in the order they came.
///
/// A learner's events touch a handful of modules, and each file's module ids share one string (the reader makes
/// each once): finding a module's group by comparing ids (`ShortMap`) costs less than hashing every event's id.
struct EventsByModule {
    private var groups = ShortMap<[LearnerEvent]>()

    init(_ events: [LearnerEvent]) {
        // Events of one module mostly follow each other: the last group is tried first.
        var last: Int?
        for event in events {
            guard let module = event.module else { continue }
            last = groups.update(module, at: last, initial: []) { $0.append(event) }
        }
    }

    /// The events of `module`, in order; none when it has none.
    subscript(module: String) -> [LearnerEvent] { groups[module] ?? [] }
}

/// When each lesson of a module was last read, in the order first read.
private struct LessonsRead {
    private var reads = ShortMap<Date>()

    /// The lessons with when each was last read.
    var entries: [(key: String, value: Date)] { reads.entries }

    /// Notes that `lesson` was read at `at`.
    mutating func note(_ lesson: String, at: Date) { reads.update(lesson, initial: at) { $0 = at } }

    /// When `lesson` was last read, if ever.
    func date(_ lesson: String) -> Date? { reads[lesson] }
}
