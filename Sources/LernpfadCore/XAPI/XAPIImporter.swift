import Foundation

/// Rebuilds learner records from the xAPI statements lernpfad sent to an LRS, so a team view can come from an
/// LRS instead of a folder. The inverse of `XAPIExporter` for everything the team view needs.
public struct XAPIImporter: Sendable {
    /// The home page whose accounts and activities are lernpfad's.
    public var homePage: String

    /// An importer for statements under `homePage`.
    public init(homePage: String) {
        self.homePage = homePage.hasSuffix("/") ? String(homePage.dropLast()) : homePage
    }

    /// One record per learner account found. Names, teams and languages are not in statements (they stay
    /// private to the data folder): the name is the account, roles are the paths the statements were grouped in.
    public func records(from statements: [XAPIStatement]) -> [LearnerRecord] {
        var byLearner: [String: (events: [LearnerEvent], roles: Set<String>)] = [:]
        for statement in statements where statement.actor.account.homePage == homePage {
            let learner = statement.actor.account.name
            var entry = byLearner[learner] ?? ([], [])
            for path in statement.context?.contextActivities?.grouping ?? [] {
                if let role = suffix(path.id, after: "/paths/") { entry.roles.insert(role) }
            }
            if let event = event(from: statement) { entry.events.append(event) }
            byLearner[learner] = entry
        }
        return byLearner.keys.sorted().compactMap { id in
            guard Identifier.isValidLearnerID(id), let entry = byLearner[id] else { return nil }
            var record = LearnerRecord(learner: LearnerProfile(id: id, name: id, roles: entry.roles.sorted()))
            record.events = entry.events.sorted { $0.at < $1.at }
            return record
        }
    }

    private func event(from statement: XAPIStatement) -> LearnerEvent? {
        guard let id = UUID(uuidString: statement.id), let at = Timestamp.parse(statement.timestamp) else { return nil }
        let object = statement.object.id
        let version = statement.context?.revision.flatMap(SemanticVersion.init)
        let parts = suffix(object, after: "/modules/")?.split(separator: "/").map(String.init) ?? []
        let module = parts.first
        switch statement.verb.id {
        case XAPIExporter.VerbIRI.experienced where parts.count == 3 && parts[1] == "lessons":
            return LearnerEvent(
                id: id, at: at, kind: .lessonOpened, module: module, moduleVersion: version, lesson: parts[2])
        case XAPIExporter.VerbIRI.completed where parts.count == 3 && parts[1] == "lessons":
            return LearnerEvent(
                id: id, at: at, kind: .lessonCompleted, module: module, moduleVersion: version, lesson: parts[2])
        case XAPIExporter.VerbIRI.passed, XAPIExporter.VerbIRI.failed:
            guard parts.count == 2, parts[1] == "quiz" else { return nil }
            let answers = statement.result?.extensions?[homePage + "/xapi/extensions/answers"]
            return LearnerEvent(
                id: id, at: at, kind: .quizAttempted, module: module, moduleVersion: version,
                score: statement.result?.score?.scaled, passed: statement.verb.id == XAPIExporter.VerbIRI.passed,
                answers: answers)
        case XAPIExporter.VerbIRI.answered where parts.count == 4:
            return LearnerEvent(
                id: id, at: at, kind: .questionReviewed, module: module, moduleVersion: version, question: parts[3],
                passed: statement.result?.success == true)
        case XAPIExporter.VerbIRI.completed:
            // Module completions are derived again by the engine; only milestones are events.
            guard let milestone = suffix(object, after: "/milestones/") else { return nil }
            return LearnerEvent(
                id: id, at: at, kind: .attested, milestone: milestone, by: statement.context?.instructor?.account.name,
                note: statement.result?.response)
        case XAPIExporter.VerbIRI.attempted where parts.count == 1:
            return LearnerEvent(id: id, at: at, kind: .moduleReset, module: module, moduleVersion: version)
        default:
            return nil
        }
    }

    private func suffix(_ iri: String, after marker: String) -> String? {
        guard iri.hasPrefix(homePage + marker) else { return nil }
        let rest = String(iri.dropFirst(homePage.count + marker.count))
        return rest.isEmpty ? nil : rest
    }
}
