import Foundation
import Testing

@testable import LernpfadCore

/// Issue 13, item 1: every situation shows the same state in every place that shows one (docs/status.md).
@Suite("State matrix")
struct StateMatrixTests {
    private let folder = TemporaryFolder()
    private static let now = date("2026-11-21T12:00:00Z")

    /// A situation: the learner's events and the state every view must show for the staff path and the learner.
    struct Situation: CustomStringConvertible, Sendable {
        var name: String
        var events: [LearnerEvent]
        var state: ProgressState
        var description: String { name }
    }

    private static func read(_ module: String, _ lesson: String, at: String) -> LearnerEvent {
        LearnerEvent(
            at: date(at), kind: .lessonCompleted, module: module, moduleVersion: SemanticVersion(1, 0, 0),
            lesson: lesson)
    }

    private static func complete(_ module: String, at: String, version: SemanticVersion = SemanticVersion(1, 0, 0))
        -> [LearnerEvent]
    {
        [read(module, "01-intro", at: at), read(module, "02-more", at: at)] + [
            LearnerEvent(
                at: date(at), kind: .quizAttempted, module: module, moduleVersion: version, score: 1, passed: true,
                answers: [])
        ]
    }

    static let situations: [Situation] = [
        Situation(name: "never started", events: [], state: .notStarted),
        Situation(
            name: "in progress", events: [read("basics", "01-intro", at: "2026-11-01T10:00:00Z")], state: .inProgress),
        Situation(
            name: "completed and valid",
            events: complete("basics", at: "2026-06-01T10:00:00Z") + complete("law", at: "2026-06-02T10:00:00Z"),
            state: .completed),
        Situation(
            name: "due soon",
            events: complete("basics", at: "2025-12-10T10:00:00Z") + complete("law", at: "2026-06-02T10:00:00Z"),
            state: .dueSoon),
        Situation(
            name: "due soon inside an unfinished path",
            events: complete("basics", at: "2025-12-10T10:00:00Z") + [
                read("law", "01-intro", at: "2026-11-01T10:00:00Z")
            ],
            state: .dueSoon),
        Situation(
            name: "expired",
            events: complete("basics", at: "2025-06-01T10:00:00Z") + complete("law", at: "2025-06-02T10:00:00Z"),
            state: .overdue),
        Situation(
            name: "expired inside an unfinished path",
            events: complete("basics", at: "2025-06-01T10:00:00Z") + [
                read("law", "01-intro", at: "2026-11-01T10:00:00Z")
            ],
            state: .overdue),
        Situation(
            name: "expired, the other module never started",
            events: complete("basics", at: "2025-06-01T10:00:00Z"), state: .overdue),
        Situation(
            name: "update available",
            events: complete("basics", at: "2026-06-01T10:00:00Z", version: SemanticVersion(0, 9, 0))
                + complete("law", at: "2026-06-02T10:00:00Z"),
            state: .updateAvailable),
        Situation(
            name: "update available inside an unfinished path",
            events: complete("basics", at: "2026-06-01T10:00:00Z", version: SemanticVersion(0, 9, 0)),
            state: .updateAvailable),
        Situation(
            name: "refresher half done",
            events: complete("basics", at: "2025-06-01T10:00:00Z") + complete("law", at: "2025-06-02T10:00:00Z")
                + [read("basics", "01-intro", at: "2026-11-20T10:00:00Z")],
            state: .overdue),
        Situation(
            name: "attested milestone expired",
            events: complete("basics", at: "2026-06-01T10:00:00Z") + complete("law", at: "2026-06-02T10:00:00Z") + [
                LearnerEvent(at: date("2025-06-01T10:00:00Z"), kind: .attested, milestone: "team-kickoff", by: "Ada")
            ],
            state: .overdue),
        Situation(
            name: "waived",
            events: [
                LearnerEvent(
                    at: date("2026-10-01T10:00:00Z"), kind: .waived, by: "Ben", role: "staff",
                    reason: "prior learning")
            ],
            state: .waived),
        Situation(
            name: "one module waived, the other completed",
            events: complete("law", at: "2026-06-02T10:00:00Z") + [
                LearnerEvent(
                    at: date("2026-10-01T10:00:00Z"), kind: .waived, module: "basics", by: "Ben",
                    reason: "long absence")
            ],
            state: .completed),
        Situation(
            name: "waiver ended",
            events: [
                LearnerEvent(
                    at: date("2026-10-01T10:00:00Z"), kind: .waived, by: "Ben", role: "staff",
                    reason: "long absence", until: date("2026-11-01T23:59:59.999Z"))
            ],
            state: .overdue),
    ]

    private func catalog() -> Catalog {
        ContentFixture.write(into: folder)
        return ContentFixture.load(folder).catalog
    }

    @Test(arguments: situations)
    func everyPlaceShowsTheSameState(_ situation: Situation) throws {
        let catalog = catalog()
        var record = LearnerRecord(
            learner: LearnerProfile(id: "ida", name: "Ida", team: "marketing", roles: ["staff"]))
        record.events = situation.events
        let expected = situation.state

        // Core
        let paths = ProgressEngine.paths(for: record, catalog: catalog, now: Self.now)
        #expect(paths.map(\.state) == [expected], "ProgressEngine")
        #expect(StateDerivation.learner(paths: paths.map(\.state)) == expected, "learner")

        // status text and JSON
        let status = StatusReport(record: record, catalog: catalog, now: Self.now)
        #expect(status.text.contains("[staff]: \(expected.words)"), "status text:\n\(status.text)")
        let statusJSON = try JSONSerialization.jsonObject(with: JSONCoding.encoder().encode(status)) as? [String: Any]
        let statusPaths = statusJSON?["paths"] as? [[String: Any]]
        #expect(statusPaths?.first?["state"] as? String == expected.rawValue, "status JSON")

        // team table, CSV, JSON, HTML
        let team = TeamReport(records: [record], skipped: [], catalog: catalog, now: Self.now)
        #expect(team.learners.first?.worstState == expected, "team worstState")
        let tableRow = team.table(catalog: catalog).split(separator: "\n").first { $0.hasPrefix("ida ") }
        #expect(tableRow?.contains(" \(expected.words) ") == true, "team table: \(tableRow ?? "no row")")
        let csvRow = team.csv().split(separator: "\r\n").first { $0.hasPrefix("ida,") }
        #expect(csvRow?.split(separator: ",").dropFirst(4).first.map(String.init) == expected.rawValue, "CSV")
        let teamJSON = try JSONSerialization.jsonObject(with: team.jsonData()) as? [String: Any]
        let learner = (teamJSON?["learners"] as? [[String: Any]])?.first
        #expect(learner?["worstState"] as? String == expected.rawValue, "team JSON worstState")
        #expect(
            ((learner?["paths"] as? [[String: Any]])?.first?["state"] as? String) == expected.rawValue,
            "team JSON path state")
        #expect(
            team.html(catalog: catalog, language: .english).contains(
                "<td class=\"\(expected.rawValue)\">\(expected.words)</td>"), "HTML")
    }

    @Test func precedenceIsTheDocumentedOrder() {
        let order: [ProgressState] = [
            .overdue, .updateAvailable, .dueSoon, .inProgress, .notStarted, .completed, .waived,
        ]
        #expect(ProgressState.allCases.sorted { $0.urgency < $1.urgency } == order)
        for (index, state) in order.enumerated() {
            #expect(StateDerivation.mostUrgent(order[index...].reversed()) == state)
        }
        #expect(StateDerivation.learner(paths: []) == .notStarted)
    }
}
