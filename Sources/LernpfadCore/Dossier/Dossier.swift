import Foundation

/// The Art. 4 dossier: the internal record of AI-literacy measures, in the order an auditor reads it.
///
/// Organisation and AI systems, the role matrix, the measures delivered, coverage per team and role, exceptions,
/// the review cadence, and the seal and verification result. Every status comes from ``TeamReport`` (and so from
/// the one derivation in ``ProgressEngine``); the dossier groups and words, it never decides a state. The JSON
/// form is documented in docs/json-output.md.
public struct Dossier: Codable, Sendable, Hashable {
    /// The moment statuses were evaluated at.
    public var asOf: Date
    /// The language titles are in.
    public var language: LanguageCode
    /// The course's title.
    public var course: String
    /// Where the organisation's description is (or would be).
    public var organisationFile: String
    /// The organisation, when the file exists and reads cleanly.
    public var organisation: Organisation?
    /// Located problems of the organisation file, one line each.
    public var organisationProblems: [String]
    /// Role → path → modules → objectives.
    public var roles: [RoleEntry]
    /// Measures delivered: per module version and per milestone, how many learners and when.
    public var measures: [Measure]
    /// Every measure per learner: the record an auditor samples.
    public var register: [RegisterEntry]
    /// Coverage per team and role.
    public var coverage: [Coverage]
    /// Coverage per role over all teams.
    public var coverageByRole: [Coverage]
    /// Exceptions (waivers) with their reasons.
    public var exceptions: [DossierException]
    /// Validity periods, content review dates and sources.
    public var review: Review
    /// The seal and verification result.
    public var integrity: DossierIntegrity
    /// How many learners the record covers.
    public var learners: Int
    /// Learner files left out, with the reason.
    public var skipped: [SkippedFile]

    /// One role of the content with its path.
    public struct RoleEntry: Codable, Sendable, Hashable {
        /// The role id.
        public var role: String
        /// The path's title.
        public var title: String
        /// How long a completion counts.
        public var validity: ISODuration
        /// The deadline for a first completion, if the path sets one.
        public var dueWithin: ISODuration?
        /// The modules in order, with their objectives.
        public var modules: [ModuleEntry]
        /// The practical milestones an ambassador attests.
        public var milestones: [MilestoneEntry]
        /// The AI systems whose users have this role, by id.
        public var systems: [String]
        /// How many learners have the role.
        public var learners: Int
    }

    /// A module in the role matrix.
    public struct ModuleEntry: Codable, Sendable, Hashable {
        /// The module id.
        public var id: String
        /// Its title.
        public var title: String
        /// The current content version.
        public var version: SemanticVersion?
        /// What a learner can do afterwards.
        public var objectives: [String]
    }

    /// A milestone in the role matrix.
    public struct MilestoneEntry: Codable, Sendable, Hashable {
        /// The milestone id.
        public var id: String
        /// Its title.
        public var title: String
    }

    /// What kind of measure.
    public enum MeasureKind: String, Codable, Sendable, Hashable {
        /// A module completed (lessons read, check passed).
        case module
        /// A practical milestone attested (a workshop, a team session, an acknowledged policy).
        case milestone
    }

    /// One measure delivered, over all learners.
    public struct Measure: Codable, Sendable, Hashable {
        /// Module or milestone.
        public var kind: MeasureKind
        /// The module or milestone id.
        public var id: String
        /// Its title.
        public var title: String
        /// The content version completed (modules).
        public var version: SemanticVersion?
        /// How many learners.
        public var learners: Int
        /// The earliest completion or attestation.
        public var first: Date
        /// The latest.
        public var last: Date
    }

    /// One measure of one learner.
    public struct RegisterEntry: Codable, Sendable, Hashable {
        /// The learner id.
        public var learner: String
        /// The learner's name.
        public var name: String
        /// The team.
        public var team: String?
        /// Module or milestone.
        public var kind: MeasureKind
        /// The module or milestone id.
        public var id: String
        /// The content version (modules).
        public var version: SemanticVersion?
        /// When completed or attested.
        public var at: Date
        /// The passing score (modules).
        public var score: Double?
        /// Who attested (milestones).
        public var by: String?
        /// Until when it counts.
        public var validUntil: Date?
    }

    /// How one group stands: learners per derived path state.
    public struct Coverage: Codable, Sendable, Hashable {
        /// The team; nil for learners without one (in `coverage`) or for all teams (in `coverageByRole`).
        public var team: String?
        /// The role.
        public var role: String
        /// Learners with the role in the group.
        public var learners: Int
        /// Completed and valid, nothing due soon.
        public var valid: Int
        /// Valid, but something runs out soon.
        public var dueSoon: Int
        /// Something ran out or a deadline passed.
        public var overdue: Int
        /// Completed under an older major content version.
        public var updateAvailable: Int
        /// Started, not finished.
        public var inProgress: Int
        /// Not started.
        public var neverStarted: Int
        /// Covered by a waiver in force.
        public var waived: Int
    }

    /// The review cadence.
    public struct Review: Codable, Sendable, Hashable {
        /// Per path: validity and the due-soon window.
        public var paths: [PathCadence]
        /// Per module: version, review dates, sources.
        public var modules: [ModuleReview]
    }

    /// A path's cadence.
    public struct PathCadence: Codable, Sendable, Hashable {
        /// The role.
        public var role: String
        /// The title.
        public var title: String
        /// How long a completion counts.
        public var validity: ISODuration
        /// How early "due soon" starts.
        public var dueSoon: ISODuration
    }

    /// A module's review record.
    public struct ModuleReview: Codable, Sendable, Hashable {
        /// The module id.
        public var id: String
        /// The title.
        public var title: String
        /// The content version.
        public var version: SemanticVersion
        /// When the facts were last checked.
        public var reviewed: CalendarDay?
        /// When they must be checked again.
        public var reviewBy: CalendarDay?
        /// True when `reviewBy` has passed.
        public var reviewOverdue: Bool
        /// Where the facts come from.
        public var sources: [Source]
    }

    /// What one learner adds to a dossier, made as each file is read.
    public struct Contribution: Sendable {
        /// The learner's row, with the derived states.
        public var row: TeamReport.LearnerRow
        /// The learner's exceptions.
        public var exceptions: [DossierException]
    }

    /// The learner's row and exceptions.
    public static func contribution(of record: LearnerRecord, catalog: Catalog, now: Date) -> Contribution {
        Contribution(
            row: TeamReport.row(record, catalog: catalog, now: now),
            exceptions: DossierExceptions.of(record, now: now))
    }

    /// Builds the dossier.
    public init(
        contributions: [Contribution], skipped: [SkippedFile], catalog: Catalog, now: Date, language: LanguageCode,
        organisation: OrganisationLoad, integrity: DossierIntegrity
    ) {
        let fallback = catalog.course.defaultLanguage
        func text(_ localized: LocalizedText) -> String { localized.text(in: language, fallback: fallback) }
        func moduleTitle(_ id: String) -> String { catalog.module(id).map { text($0.title) } ?? id }
        let report = TeamReport(
            contributions: contributions.map { TeamReport.Contribution(row: $0.row) }, skipped: skipped,
            catalog: catalog, now: now)
        asOf = now
        self.language = language
        course = text(catalog.course.title)
        organisationFile = organisation.file
        self.organisation = organisation.organisation
        organisationProblems = organisation.diagnostics.map(\.description)
        self.skipped = skipped
        learners = report.learners.count
        let systems = organisation.organisation?.systems ?? []
        let learnersPerRole = Dictionary(report.roles.map { ($0.role, $0.learners) }) { first, _ in first }
        roles = catalog.paths.map { path in
            RoleEntry(
                role: path.role, title: text(path.title), validity: path.validity, dueWithin: path.dueWithin,
                modules: path.modules.map { id in
                    let module = catalog.module(id)
                    return ModuleEntry(
                        id: id, title: moduleTitle(id), version: module?.version,
                        objectives: module?.objectives.map(text) ?? [])
                },
                milestones: path.milestones.map { MilestoneEntry(id: $0.id, title: text($0.title)) },
                systems: systems.filter { $0.roles.contains(path.role) }.map(\.id),
                learners: learnersPerRole[path.role] ?? 0)
        }
        var register: [RegisterEntry] = []
        for learner in report.learners {
            var seen = Set<String>()
            for path in learner.paths {
                for module in path.modules {
                    guard let at = module.completedAt, seen.insert("m " + module.module).inserted else { continue }
                    register.append(
                        RegisterEntry(
                            learner: learner.id, name: learner.name, team: learner.team, kind: .module,
                            id: module.module, version: module.version, at: at, score: module.score, by: nil,
                            validUntil: module.validUntil))
                }
                for milestone in path.milestones {
                    guard let at = milestone.attestedAt, seen.insert("a " + milestone.milestone).inserted else {
                        continue
                    }
                    register.append(
                        RegisterEntry(
                            learner: learner.id, name: learner.name, team: learner.team, kind: .milestone,
                            id: milestone.milestone, version: nil, at: at, score: nil, by: milestone.attestedBy,
                            validUntil: milestone.validUntil))
                }
            }
        }
        self.register = register
        measures = Self.measures(register, catalog: catalog, title: text)
        var groups: [String?: [String: Coverage]] = [:]
        for learner in report.learners {
            for path in learner.paths {
                var entry = groups[learner.team]?[path.role] ?? Coverage(team: learner.team, role: path.role)
                entry.add(path.state)
                groups[learner.team, default: [:]][path.role] = entry
            }
        }
        let roleOrder = catalog.paths.map(\.role)
        coverage = groups.sorted { lhs, rhs in
            // Learners without a team last, the rest in natural order.
            guard let left = lhs.key else { return false }
            guard let right = rhs.key else { return true }
            return (TeamReport.naturalKey(left), left) < (TeamReport.naturalKey(right), right)
        }
        .flatMap { _, byRole in roleOrder.compactMap { byRole[$0] } }
        coverageByRole = report.roles.map { summary in
            var entry = Coverage(team: nil, role: summary.role)
            for (state, count) in summary.states {
                guard let state = ProgressState(rawValue: state) else { continue }
                for _ in 0..<count { entry.add(state) }
            }
            return entry
        }
        exceptions = contributions.flatMap(\.exceptions).sorted { ($0.at, $0.learner) < ($1.at, $1.learner) }
        let today = CalendarDay(now)
        review = Review(
            paths: catalog.paths.map {
                PathCadence(role: $0.role, title: text($0.title), validity: $0.validity, dueSoon: $0.dueSoon)
            },
            modules: catalog.modules.map { module in
                ModuleReview(
                    id: module.id, title: text(module.title), version: module.version, reviewed: module.reviewed,
                    reviewBy: module.reviewBy, reviewOverdue: module.reviewBy.map { $0 < today } ?? false,
                    sources: module.sources)
            })
        self.integrity = integrity
    }

    /// Register entries grouped per module version and per milestone, in catalog order.
    private static func measures(
        _ register: [RegisterEntry], catalog: Catalog, title: (LocalizedText) -> String
    ) -> [Measure] {
        struct Key: Hashable {
            var kind: MeasureKind
            var id: String
            var version: SemanticVersion?
        }
        var grouped: [Key: Measure] = [:]
        for entry in register {
            let key = Key(kind: entry.kind, id: entry.id, version: entry.version)
            if var measure = grouped[key] {
                measure.learners += 1
                measure.first = min(measure.first, entry.at)
                measure.last = max(measure.last, entry.at)
                grouped[key] = measure
            } else {
                let name: String
                switch entry.kind {
                case .module: name = catalog.module(entry.id).map { title($0.title) } ?? entry.id
                case .milestone:
                    let milestone = catalog.paths.lazy.flatMap(\.milestones).first { $0.id == entry.id }
                    name = milestone.map { title($0.title) } ?? entry.id
                }
                grouped[key] = Measure(
                    kind: entry.kind, id: entry.id, title: name, version: entry.version, learners: 1, first: entry.at,
                    last: entry.at)
            }
        }
        let moduleOrder = Dictionary(catalog.modules.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let milestoneOrder = Dictionary(
            catalog.paths.flatMap(\.milestones).enumerated().map { ($1.id, $0) }
        ) { first, _ in first }
        return grouped.values.sorted { lhs, rhs in
            func rank(_ measure: Measure) -> (Int, Int, String) {
                switch measure.kind {
                case .module: return (0, moduleOrder[measure.id] ?? Int.max, measure.id)
                case .milestone: return (1, milestoneOrder[measure.id] ?? Int.max, measure.id)
                }
            }
            let (left, right) = (rank(lhs), rank(rhs))
            if left != right { return left < right }
            // Newer versions first.
            return (rhs.version ?? SemanticVersion(0, 0, 0))
                < (lhs.version ?? SemanticVersion(0, 0, 0))
        }
    }
}

extension Dossier.Coverage {
    /// An empty group.
    init(team: String?, role: String) {
        self.init(
            team: team, role: role, learners: 0, valid: 0, dueSoon: 0, overdue: 0, updateAvailable: 0, inProgress: 0,
            neverStarted: 0, waived: 0)
    }

    /// Counts one learner's path state.
    mutating func add(_ state: ProgressState) {
        learners += 1
        switch state {
        case .completed: valid += 1
        case .dueSoon: dueSoon += 1
        case .overdue: overdue += 1
        case .updateAvailable: updateAvailable += 1
        case .inProgress: inProgress += 1
        case .notStarted: neverStarted += 1
        case .waived: waived += 1
        }
    }
}

/// Exceptions (waivers) recorded in a learner's events.
enum DossierExceptions {
    /// The learner's waivers recorded up to `now`, expired ones included: the record keeps what was granted.
    static func of(_ record: LearnerRecord, now: Date) -> [DossierException] {
        record.events.filter { $0.kind == .waived && $0.at <= now }.map { event in
            DossierException(
                learner: record.learner.id, name: record.learner.name, team: record.learner.team,
                module: event.module, role: event.module == nil ? event.role : nil, reason: event.reason ?? "",
                by: event.by, at: event.at, until: event.until)
        }
    }
}
