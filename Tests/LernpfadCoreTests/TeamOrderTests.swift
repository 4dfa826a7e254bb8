import Foundation
import Testing

@testable import LernpfadCore

/// Issue 13, item 2: what counts, in which order (docs/status.md).
@Suite("Team order and counts")
struct TeamOrderTests {
    private let folder = TemporaryFolder()
    private static let now = date("2026-11-21T12:00:00Z")

    private func catalog() -> Catalog {
        ContentFixture.write(into: folder)
        return ContentFixture.load(folder).catalog
    }

    private static func learner(_ id: String, name: String, team: String = "Sales", _ events: [LearnerEvent])
        -> LearnerRecord
    {
        var record = LearnerRecord(learner: LearnerProfile(id: id, name: name, team: team, roles: ["staff"]))
        record.events = events
        return record
    }

    @Test func overdueLongestFirstThenDueSoonSoonestFirstThenNamesNaturally() {
        let records = [
            Self.learner(
                "done", name: "Done",
                ContentFixture.completion("basics", at: "2026-06-01T10:00:00Z")
                    + ContentFixture.completion("law", at: "2026-06-01T10:00:00Z")),
            Self.learner("l10", name: "Learner 10", []),
            Self.learner("l2", name: "Learner 2", []),
            Self.learner(
                "soon-late", name: "A soon late", ContentFixture.completion("basics", at: "2025-12-15T10:00:00Z")),
            Self.learner(
                "soon-early", name: "Z soon early", ContentFixture.completion("basics", at: "2025-12-01T10:00:00Z")),
            Self.learner(
                "over-short", name: "A overdue short", ContentFixture.completion("basics", at: "2025-10-01T10:00:00Z")),
            Self.learner(
                "over-long", name: "Z overdue long", ContentFixture.completion("basics", at: "2025-03-01T10:00:00Z")),
            Self.learner(
                "progress", name: "Progress",
                [
                    LearnerEvent(
                        at: date("2026-11-01T10:00:00Z"), kind: .lessonCompleted, module: "basics", lesson: "01-intro")
                ]),
        ]
        let report = TeamReport(records: records, skipped: [], catalog: catalog(), now: Self.now)
        #expect(
            report.learners.map(\.id) == [
                "over-long", "over-short", "soon-early", "soon-late", "progress", "l2", "l10", "done",
            ])
    }

    @Test func naturalKeysSortNumbersByValue() {
        let names = ["Learner 10", "learner 2", "Learner 1", "Learner 02b", "Anna"]
        #expect(
            names.sorted { TeamReport.naturalKey($0) < TeamReport.naturalKey($1) } == [
                "Anna", "Learner 1", "learner 2", "Learner 02b", "Learner 10",
            ])
    }

    @Test func percentagesAreRoundedNotTruncated() {
        let progress = PathProgress(
            role: "three", state: .inProgress, modules: [], modulesDone: 2, fraction: 2.0 / 3.0, completedAt: nil,
            validUntil: nil, milestones: [])
        #expect(progress.percent == 67)
        let record = Self.learner("half", name: "Half", ContentFixture.completion("basics", at: "2026-06-01T10:00:00Z"))
        let report = TeamReport(records: [record], skipped: [], catalog: catalog(), now: Self.now)
        #expect(report.learners.first?.paths.first?.percent == 50)
    }

    @Test func teamFilterIgnoresCase() {
        let records = [Self.learner("a", name: "A", team: "Sales", []), Self.learner("b", name: "B", team: "hr", [])]
        let report = TeamReport(records: records, skipped: [], catalog: catalog(), now: Self.now, team: "sALES")
        #expect(report.learners.map(\.id) == ["a"])
    }

    @Test func statusSaysHowManyDaysOverdueAndUntilDue() {
        let record = Self.learner(
            "d", name: "D",
            ContentFixture.completion("basics", at: "2025-11-07T12:00:00Z")
                + ContentFixture.completion("law", at: "2025-12-11T12:00:00Z"))
        let text = StatusReport(record: record, catalog: catalog(), now: Self.now).text
        #expect(text.contains("overdue · valid until 2026-11-07 · overdue for 14 day(s)"), "\(text)")
        #expect(text.contains("due soon · valid until 2026-12-11 · due in 20 day(s)"), "\(text)")
    }
}
