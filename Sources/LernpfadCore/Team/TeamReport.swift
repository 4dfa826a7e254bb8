import Foundation

/// The ambassador's view of a data folder: every learner's paths, overdue first, and the questions the team
/// keeps missing. Its JSON form is documented in docs/json-output.md.
public struct TeamReport: Codable, Sendable, Hashable {
    /// The moment statuses were evaluated at.
    public var asOf: Date
    /// The team filter, if one was given.
    public var team: String?
    /// One row per learner, most urgent first.
    public var learners: [LearnerRow]
    /// Per role: how many learners are in which state.
    public var roles: [RoleSummary]
    /// The questions answered wrong most often across the team.
    public var missedQuestions: [MissedQuestion]
    /// Every question that has answers, in catalog order: difficulty, discrimination, choices picked, flags.
    public var itemAnalysis: [ItemAnalysis]
    /// Learner files that were left out, with the reason.
    public var skipped: [SkippedFile]

    /// One learner.
    public struct LearnerRow: Codable, Sendable, Hashable {
        /// Whole days since the longest-overdue module or milestone of any path ran out; nil when nothing is
        /// overdue.
        public var daysOverdue: Int?
        /// The learner id.
        public var id: String
        /// The display name.
        public var name: String
        /// The team.
        public var team: String?
        /// The latest event.
        public var lastActivity: Date?
        /// One entry per role.
        public var paths: [PathRow]
        /// The most urgent state over all paths.
        public var worstState: ProgressState
    }

    /// One learner's path.
    public struct PathRow: Codable, Sendable, Hashable {
        /// The role.
        public var role: String
        /// The path state.
        public var state: ProgressState
        /// Percent of modules done.
        public var percent: Int
        /// Modules done.
        public var modulesDone: Int
        /// Modules in the path.
        public var modulesTotal: Int
        /// When completed.
        public var completedAt: Date?
        /// When it runs out.
        public var validUntil: Date?
        /// Module completions: the audit record of who completed which content version, when, with what score.
        public var modules: [ModuleRow]
        /// Attested milestones with who attested them.
        public var milestones: [MilestoneProgress]
        /// Modules and attested milestones that are overdue.
        public var overdue: Int
        /// Modules and attested milestones that are due soon.
        public var dueSoon: Int
        /// Modules completed under an older major version of the content.
        public var updateAvailable: Int
        /// Modules covered by a waiver in force.
        public var waived: Int = 0
        /// The earliest date by which a module or milestone of the path is or was needed: a refresher, a renewed
        /// attestation or a first completion with a deadline; nil when nothing is needed by a date.
        public var due: Date?
        /// Whole days since the longest-overdue module or milestone ran out; nil when nothing is overdue.
        public var daysOverdue: Int?
        /// Days from the evaluation time until `due`, rounded up (as `status` counts), when `due` is still ahead.
        public var daysUntilDue: Int?
    }

    /// One module completion, for the audit record.
    public struct ModuleRow: Codable, Sendable, Hashable {
        /// The module id.
        public var module: String
        /// The derived state.
        public var state: ProgressState
        /// The content version completed.
        public var version: SemanticVersion?
        /// When.
        public var completedAt: Date?
        /// The passing score.
        public var score: Double?
        /// When it runs out.
        public var validUntil: Date?
        /// By when a completion or refresher is (or was) needed; nil while the module is completed and valid, or
        /// when nothing asks for it by a date.
        public var due: Date?
        /// Whole days since `due` passed, when the module is overdue.
        public var daysOverdue: Int?
        /// The latest waiver for the module: in force (the module is waived) or ended (due again).
        public var waiver: Waiver? = nil
    }

    /// How a role's learners stand.
    public struct RoleSummary: Codable, Sendable, Hashable {
        /// The role.
        public var role: String
        /// Learners with this role.
        public var learners: Int
        /// Learners per state, keyed by the state's JSON name.
        public var states: [String: Int]
        /// The mean percent done.
        public var meanPercent: Int
    }

    /// A question the team keeps getting wrong.
    public struct MissedQuestion: Codable, Sendable, Hashable {
        /// The module.
        public var module: String
        /// The question id.
        public var question: String
        /// Wrong answers across the team (quizzes and reviews).
        public var wrong: Int
        /// All answers across the team.
        public var answers: Int
        /// Learners who got it wrong at least once.
        public var learners: Int
    }

    /// What one learner adds to a report: made as each file is read, so that records need not be kept.
    public struct Contribution: Sendable {
        /// The learner's row.
        public var row: LearnerRow
        /// Answers per question of the catalog, one entry per question, in catalog order.
        var answers: [QuestionTally] = []
        /// Answers to questions the catalog does not have (removed since, or from an edited file), by their ids.
        var otherAnswers: [QuestionRef: AnswerCount] = [:]
        /// The answers of the learner's first attempt per module, for the item analysis.
        var items: [ItemSample] = []
        /// The name's natural sort key, made while the file is read (on all cores) rather than when sorting.
        var nameKey = ""
    }

    /// A question of a module, kept as its two ids so that counting needs no joined string.
    struct QuestionRef: Hashable, Sendable {
        var module: String
        var question: String
    }

    /// Right and wrong answers to one question.
    struct AnswerCount: Sendable {
        var wrong = 0
        var total = 0
    }

    /// One learner's answers to one question of the catalog: the module by its offset in the catalog, the
    /// question by its position in the quiz, as `ItemSample` has them. Adding these up over ten thousand learners
    /// is adding numbers at an index, where a dictionary keyed by two strings hashed both for every answer.
    struct QuestionTally: Sendable {
        var module: Int
        var question: Int
        var wrong: Int
        var total: Int
    }

    /// The learner's row and answer counts.
    public static func contribution(of record: LearnerRecord, catalog: Catalog, now: Date) -> Contribution {
        let (answers, otherAnswers) = countAnswers(record, catalog: catalog)
        return Contribution(
            row: row(record, catalog: catalog, now: now), answers: answers, otherAnswers: otherAnswers,
            items: itemSamples(record, catalog: catalog, now: now), nameKey: naturalKey(record.learner.name))
    }

    /// Builds the report; `team` keeps only learners of that team.
    public init(
        records: [LearnerRecord], skipped: [SkippedFile], catalog: Catalog, now: Date, team: String? = nil,
        missedLimit: Int = 10
    ) {
        self.init(
            contributions: records.filter { Self.teamMatches($0.learner.team, team) }.map {
                Self.contribution(of: $0, catalog: catalog, now: now)
            }, skipped: skipped, catalog: catalog, now: now, team: team, missedLimit: missedLimit)
    }

    /// Builds the report from learners' contributions; `team` keeps only learners of that team.
    public init(
        contributions: [Contribution], skipped: [SkippedFile], catalog: Catalog, now: Date, team: String? = nil,
        missedLimit: Int = 10
    ) {
        asOf = now
        self.team = team
        self.skipped = skipped
        var rows: [LearnerRow] = []
        var nameKeys: [String] = []
        rows.reserveCapacity(contributions.count)
        nameKeys.reserveCapacity(contributions.count)
        // One flat row of tallies, module after module: `base[module] + question` finds a question's.
        let questionsOf = catalog.modules.map { $0.quiz?.questions ?? [] }
        let base = questionsOf.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        let choicesOf = questionsOf.flatMap { $0.map(\.choices.count) }
        var items = Array(repeating: ItemTally(), count: choicesOf.count)
        var tally = Array(repeating: (wrong: 0, answers: 0, learners: 0), count: choicesOf.count)
        var otherTally: [QuestionRef: (wrong: Int, answers: Int, learners: Int)] = [:]
        func slot(_ module: Int, _ question: Int) -> Int? {
            guard module >= 0, module + 1 < base.count, question >= 0, base[module] + question < base[module + 1]
            else { return nil }
            return base[module] + question
        }
        for contribution in contributions where Self.teamMatches(contribution.row.team, team) {
            rows.append(contribution.row)
            nameKeys.append(contribution.nameKey)
            for sample in contribution.items {
                guard let index = slot(Int(sample.module), Int(sample.question)) else { continue }
                items[index].add(sample, choices: choicesOf[index])
            }
            for count in contribution.answers {
                guard let index = slot(count.module, count.question) else { continue }
                tally[index].wrong += count.wrong
                tally[index].answers += count.total
                tally[index].learners += count.wrong > 0 ? 1 : 0
            }
            for (key, count) in contribution.otherAnswers {
                var entry = otherTally[key] ?? (0, 0, 0)
                entry.wrong += count.wrong
                entry.answers += count.total
                entry.learners += count.wrong > 0 ? 1 : 0
                otherTally[key] = entry
            }
        }
        // Sort keys are made once per row (in the contribution), not once per comparison: lowercasing 10,000
        // names 28 times each was most of the time spent here.
        // Overdue the longest first and due soon the soonest first (the earliest date), then names naturally.
        let order = rows.indices.map { index in
            let row = rows[index]
            let due = row.worstState.needsAttention ? row.attentionDue?.timeIntervalSince1970 ?? 0 : 0
            return (row.worstState.urgency, due, nameKeys[index], row.id, index)
        }
        .sorted { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }
        learners = order.map { rows[$0.4] }
        var summaries: [String: (learners: Int, states: [String: Int], percentSum: Int)] = [:]
        for row in rows {
            for entry in row.paths {
                var summary = summaries[entry.role] ?? (0, [:], 0)
                summary.learners += 1
                summary.states[entry.state.rawValue, default: 0] += 1
                summary.percentSum += entry.percent
                summaries[entry.role] = summary
            }
        }
        roles = catalog.paths.compactMap { path in
            guard let summary = summaries[path.role], summary.learners > 0 else { return nil }
            return RoleSummary(
                role: path.role, learners: summary.learners, states: summary.states,
                meanPercent: summary.percentSum / summary.learners)
        }
        var missed: [MissedQuestion] = []
        for (module, questions) in questionsOf.enumerated() {
            for (position, question) in questions.enumerated() where tally[base[module] + position].wrong > 0 {
                let value = tally[base[module] + position]
                missed.append(
                    MissedQuestion(
                        module: catalog.modules[module].id, question: question.id, wrong: value.wrong,
                        answers: value.answers, learners: value.learners))
            }
        }
        for (key, value) in otherTally where value.wrong > 0 {
            missed.append(
                MissedQuestion(
                    module: key.module, question: key.question, wrong: value.wrong, answers: value.answers,
                    learners: value.learners))
        }
        missedQuestions =
            missed
            .sorted { ($1.wrong, $0.module, $0.question) < ($0.wrong, $1.module, $1.question) }
            .prefix(missedLimit).map { $0 }
        itemAnalysis = Self.itemAnalysis(
            base.dropLast().indices.map { Array(items[base[$0]..<base[$0 + 1]]) }, catalog: catalog)
    }

    /// The learner's row alone, without the answer counts (the dossier needs no more).
    static func row(_ record: LearnerRecord, catalog: Catalog, now: Date) -> LearnerRow {
        let progress = ProgressEngine.paths(for: record, catalog: catalog, now: now)
        let paths = progress.map { path in
            pathRow(path, window: catalog.path(path.role)?.dueSoon ?? ISODuration(days: 30), now: now)
        }
        // The path states already count expiring or expired milestones (docs/status.md).
        let worst = StateDerivation.learner(paths: paths.map(\.state))
        // Being given a role is no activity of the learner's: without this, enrolment would hide "never".
        let last = record.events.lazy.filter { $0.at <= now && $0.kind != .roleAdded }.map(\.at).max()
        return LearnerRow(
            daysOverdue: paths.compactMap(\.daysOverdue).max(), id: record.learner.id, name: record.learner.name,
            team: record.learner.team, lastActivity: last, paths: paths, worstState: worst)
    }

    /// One path's row: its modules with what each needs by when, and the counts of what counts and what is due.
    private static func pathRow(_ path: PathProgress, window: ISODuration, now: Date) -> PathRow {
        var (overdue, dueSoon, updateAvailable, waived) = (0, 0, 0, 0)
        var due: Date?
        var longestOverdue: Date?
        func note(_ state: ProgressState, _ date: Date?) {
            switch state {
            case .overdue: overdue += 1
            case .dueSoon: dueSoon += 1
            case .updateAvailable: updateAvailable += 1
            case .waived: waived += 1
            case .notStarted, .inProgress, .completed: break
            }
            guard let date else { return }
            due = min(due ?? date, date)
            if state == .overdue { longestOverdue = min(longestOverdue ?? date, date) }
        }
        let modules = path.modules.map { module in
            // What is needed by when comes from the one derivation (docs/status.md), not from the view.
            let needed = module.state == .completed ? nil : StateDerivation.reason(module, dueSoon: window).due
            note(module.state, needed)
            return ModuleRow(
                module: module.module, state: module.state, version: module.completion?.version,
                completedAt: module.completion?.at, score: module.completion?.score, validUntil: module.validUntil,
                due: needed,
                daysOverdue: module.state == .overdue ? needed.map { days(from: $0, to: now) } : nil,
                waiver: module.waiver)
        }
        for milestone in path.milestones where milestone.state != .completed {
            note(milestone.state, StateDerivation.reason(milestone, dueSoon: window).due)
        }
        return PathRow(
            role: path.role, state: path.state, percent: path.percent, modulesDone: path.modulesDone,
            modulesTotal: path.modules.count, completedAt: path.completedAt, validUntil: path.validUntil,
            modules: modules, milestones: path.milestones, overdue: overdue, dueSoon: dueSoon,
            updateAvailable: updateAvailable, waived: waived, due: due,
            daysOverdue: longestOverdue.map { days(from: $0, to: now) },
            // Rounded up, as status and explain count the days left: 9 days and 20 hours is "in 10 days".
            daysUntilDue: due.flatMap { $0 > now ? -days(from: $0, to: now) : nil })
    }

    /// Right and wrong answers per question, from quiz attempts and reviews: those to questions of the catalog by
    /// their place in it, the others by their ids.
    private static func countAnswers(_ record: LearnerRecord, catalog: Catalog) -> (
        [QuestionTally], [QuestionRef: AnswerCount]
    ) {
        // Each answer as one number, module and question packed, with its rightness in the lowest bit: sorting
        // those groups a question's answers together without a dictionary.
        var packed: [Int] = []
        var other: [QuestionRef: AnswerCount] = [:]
        var lastModule: (id: String, offset: Int, lookup: QuizLookup)?
        func add(module: String, question: String, guess: Int, correct: Bool) {
            if lastModule?.id != module {
                lastModule = catalog.moduleOffset(module).flatMap { offset in
                    catalog.quizLookup(at: offset).map { (module, offset, $0) }
                }
            }
            if let last = lastModule, let position = last.lookup.position(of: question, guess: guess) {
                packed.append((last.offset << 32 | position << 1) | (correct ? 0 : 1))
                return
            }
            let key = QuestionRef(module: module, question: question)
            other[key, default: AnswerCount()].total += 1
            if !correct { other[key, default: AnswerCount()].wrong += 1 }
        }
        for event in record.events {
            switch event.kind {
            case .quizAttempted:
                guard let module = event.module, let answers = event.answers else { continue }
                for (position, answer) in answers.enumerated() {
                    add(module: module, question: answer.question, guess: position, correct: answer.correct)
                }
            case .questionReviewed:
                guard let module = event.module, let question = event.question else { continue }
                add(module: module, question: question, guess: 0, correct: event.passed == true)
            default: continue
            }
        }
        packed.sort()
        var tallies: [QuestionTally] = []
        for answer in packed {
            let (module, question, wrong) = (answer >> 32, (answer >> 1) & 0x7FFF_FFFF, answer & 1)
            if let last = tallies.last, last.module == module, last.question == question {
                tallies[tallies.count - 1].wrong += wrong
                tallies[tallies.count - 1].total += 1
            } else {
                tallies.append(QuestionTally(module: module, question: question, wrong: wrong, total: 1))
            }
        }
        return (tallies, other)
    }
}
