import Foundation

/// What is overdue or falls due within a horizon, per learner, as `lernpfad due` prints it and mails it: for cron
/// jobs and managers' mails. Its JSON form is documented in docs/json-output.md.
///
/// Built from ``ProgressEngine`` and ``StateDerivation`` like every other view, so a module due here is due in
/// `status`, `team` and the TUI. Pure: records, catalog and `now` in, a value out.
public struct DueReport: Codable, Sendable, Hashable {
    /// The moment states were evaluated at.
    public var asOf: Date
    /// How far ahead to look: anything needed by `asOf` + `within` is listed.
    public var within: ISODuration
    /// The team filter, if one was given.
    public var team: String?
    /// Learners with something due, the most urgent first (the earliest due date, then names naturally).
    public var learners: [LearnerDue]
    /// Learner files that were left out, with the reason.
    public var skipped: [SkippedFile]

    /// One learner and what they need by when.
    public struct LearnerDue: Codable, Sendable, Hashable {
        /// The learner id.
        public var id: String
        /// The display name.
        public var name: String
        /// The team.
        public var team: String?
        /// The mail address of the profile, if any.
        public var email: String?
        /// The learner's language (the course's default when the profile names none).
        public var language: LanguageCode
        /// What is due, the earliest first.
        public var items: [Item]
    }

    /// One module or attested milestone that is overdue or falls due within the horizon.
    public struct Item: Codable, Sendable, Hashable {
        /// What kind of thing it is.
        public enum Kind: String, Codable, Sendable, Hashable {
            /// A module: a completion, a refresher, or a waiver that ends.
            case module
            /// An attested milestone whose attestation runs out.
            case milestone
        }

        /// A module or a milestone.
        public var kind: Kind
        /// The module or milestone id.
        public var id: String
        /// The title in the learner's language.
        public var title: String
        /// The roles whose paths hold it.
        public var roles: [String]
        /// The state now.
        public var state: ProgressState
        /// The rule behind the state and the date.
        public var rule: StateDerivation.Rule
        /// By when it is needed.
        public var due: Date
        /// Whole days from `asOf` until `due`; negative when overdue (as `status` and `explain` count).
        public var daysLeft: Int
        /// The module's waiver, when a waiver is what ends or ended.
        public var waiver: Waiver?
    }

    /// The report over `records` at `now`, looking `within` ahead; `team` keeps only that team (ignoring case).
    public init(
        records: [LearnerRecord], skipped: [SkippedFile] = [], catalog: Catalog, now: Date, within: ISODuration,
        team: String? = nil
    ) {
        asOf = now
        self.within = within
        self.team = team
        self.skipped = skipped
        let horizon = within.added(to: now)
        let due = records.filter { TeamReport.teamMatches($0.learner.team, team) }.compactMap { record in
            Self.learner(record, catalog: catalog, now: now, horizon: horizon)
        }
        learners = due.map { ($0.items.first?.due ?? .distantFuture, TeamReport.naturalKey($0.name), $0) }
            .sorted { ($0.0, $0.1, $0.2.id) < ($1.0, $1.1, $1.2.id) }.map(\.2)
    }

    /// The learner's items due by `horizon`; nil when there is none.
    static func learner(_ record: LearnerRecord, catalog: Catalog, now: Date, horizon: Date) -> LearnerDue? {
        let language = record.learner.language ?? catalog.course.defaultLanguage
        var items: [Item] = []
        // A module in two paths is one thing to do: it is listed once, with both roles.
        func add(_ item: Item) {
            if let index = items.firstIndex(where: { $0.kind == item.kind && $0.id == item.id }) {
                items[index].roles.append(contentsOf: item.roles.filter { !items[index].roles.contains($0) })
                if item.due < items[index].due { items[index].due = item.due }
            } else {
                items.append(item)
            }
        }
        for path in ProgressEngine.paths(for: record, catalog: catalog, now: now) {
            guard let content = catalog.path(path.role) else { continue }
            for module in path.modules where module.isAvailable {
                let reason = StateDerivation.reason(module, dueSoon: content.dueSoon)
                guard let due = reason.due ?? module.due, due <= horizon else { continue }
                add(
                    Item(
                        kind: .module, id: module.module,
                        title: catalog.module(module.module)?.title.text(in: language) ?? module.module,
                        roles: [path.role], state: module.state, rule: reason.rule, due: due,
                        daysLeft: Explanation.daysLeft(until: due, now: now) ?? 0,
                        waiver: reason.rule == .waiverInForce || reason.rule == .waiverEnded ? module.waiver : nil))
            }
            for milestone in path.milestones {
                guard let due = milestone.validUntil, due <= horizon else { continue }
                let reason = StateDerivation.reason(milestone, dueSoon: content.dueSoon)
                let title = content.milestones.first { $0.id == milestone.milestone }?.title.text(in: language)
                add(
                    Item(
                        kind: .milestone, id: milestone.milestone, title: title ?? milestone.milestone,
                        roles: [path.role], state: milestone.state, rule: reason.rule, due: due,
                        daysLeft: Explanation.daysLeft(until: due, now: now) ?? 0, waiver: nil))
            }
        }
        guard !items.isEmpty else { return nil }
        return LearnerDue(
            id: record.learner.id, name: record.learner.name, team: record.learner.team, email: record.learner.email,
            language: language, items: items.sorted { ($0.due, $0.id) < ($1.due, $1.id) })
    }

    /// The report as terminal text; everything from learner files or the content is escaped.
    public var text: String {
        let count = learners.reduce(0) { $0 + $1.items.count }
        let scope = team.map { " · team \($0.sanitizedForMessage)" } ?? ""
        var lines = ["due as of \(Timestamp.format(asOf)) within \(within)\(scope)"]
        guard count > 0 else {
            lines[0] = "nothing due as of \(Timestamp.format(asOf)) within \(within)\(scope)"
            return lines.joined(separator: "\n")
        }
        lines[0] +=
            ": \(count) item\(count == 1 ? "" : "s") for \(learners.count) learner\(learners.count == 1 ? "" : "s")"
        for learner in learners {
            lines.append("")
            let team = learner.team.map { " · \($0.sanitizedForMessage)" } ?? ""
            let email = learner.email.map { " · \($0.sanitizedForMessage)" } ?? ""
            lines.append("\(learner.id.sanitizedForMessage) · \(learner.name.sanitizedForMessage)\(team)\(email)")
            for item in learner.items {
                let id = (item.kind == .milestone ? "milestone " : "") + item.id.sanitizedForMessage
                let pad = String(repeating: " ", count: max(0, 24 - DisplayWidth.of(id)))
                lines.append("  \(item.state.mark) \(id)\(pad) \(item.state.words) · \(Self.when(item))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "overdue for 14 days (since 2026-11-18)", "due in 20 days (2026-12-22)", "waiver ends in 3 days (…)".
    static func when(_ item: Item) -> String {
        let day = CalendarDay(item.due)
        func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }
        if item.daysLeft < 0 { return "overdue for \(days(-item.daysLeft)) (since \(day))" }
        if item.state == .overdue { return "overdue since today (\(day))" }
        let what = item.state == .waived ? "waiver ends" : item.state == .completed ? "valid until" : "due"
        if item.state == .completed { return "\(what) \(day) (in \(days(item.daysLeft)))" }
        return item.daysLeft == 0 ? "\(what) today (\(day))" : "\(what) in \(days(item.daysLeft)) (\(day))"
    }
}
