import Foundation
import Testing

@testable import LernpfadCore

@Suite("Team report")
struct TeamReportTests {
    private let folder = TemporaryFolder()

    private func catalog() -> Catalog {
        ContentFixture.write(into: folder)
        return ContentFixture.load(folder).catalog
    }

    private func learner(_ id: String, team: String, events: [LearnerEvent] = []) -> LearnerRecord {
        var record = LearnerRecord(learner: LearnerProfile(id: id, name: id.capitalized, team: team, roles: ["staff"]))
        record.events = events
        return record
    }

    private var records: [LearnerRecord] {
        let wrong = [
            LearnerEvent.Answer(question: "q1", chosen: ["b"], correct: false),
            LearnerEvent.Answer(question: "q2", chosen: ["a", "c"], correct: true),
        ]
        return [
            learner(
                "anna", team: "marketing",
                events: ContentFixture.completion("basics", at: "2026-01-10T10:00:00Z", score: 0.5, answers: wrong)
                    + ContentFixture.completion("law", at: "2026-01-11T10:00:00Z", score: 0.5, answers: wrong)),
            learner(
                "ben", team: "marketing",
                events: ContentFixture.completion("basics", at: "2025-06-01T10:00:00Z", score: 0.5, answers: wrong)
                    + ContentFixture.completion("law", at: "2025-06-01T11:00:00Z", score: 0.5, answers: wrong)),
            learner("carl", team: "sales"),
        ]
    }

    @Test func overdueLearnersComeFirst() {
        let report = TeamReport(records: records, skipped: [], catalog: catalog(), now: date("2026-11-21T12:00:00Z"))
        #expect(report.learners.map(\.id) == ["ben", "carl", "anna"])
        #expect(report.learners.map(\.worstState) == [.overdue, .notStarted, .completed])
        #expect(report.learners[2].paths[0].validUntil == date("2027-01-10T10:00:00Z"))
    }

    @Test func asOfAnswersWhoWillBeOverdueByQuarterEnd() {
        let endOfYear = Timestamp.parseAsOf("2027-01-31")!
        let report = TeamReport(records: records, skipped: [], catalog: catalog(), now: endOfYear)
        // Overdue the longest first (issue 13): ben's modules ran out in June 2026, anna's in January 2027.
        #expect(report.learners.filter { $0.worstState == .overdue }.map(\.id) == ["ben", "anna"])
    }

    @Test func teamFilterKeepsOnlyThatTeam() {
        let report = TeamReport(
            records: records, skipped: [], catalog: catalog(), now: date("2026-11-21T12:00:00Z"), team: "sales")
        #expect(report.learners.map(\.id) == ["carl"])
    }

    @Test func itemAnalysisCountsWrongAnswersAcrossTheTeam() throws {
        let report = TeamReport(records: records, skipped: [], catalog: catalog(), now: date("2026-11-21T12:00:00Z"))
        let top = try #require(report.missedQuestions.first)
        #expect(report.missedQuestions.count == 2)
        #expect(top.question == "q1")
        #expect(top.wrong == 2)
        #expect(top.answers == 2)
        #expect(top.learners == 2)
        #expect(!report.missedQuestions.contains { $0.question == "q2" })
    }

    @Test func answersToQuestionsTheCatalogNoLongerHasStillCount() throws {
        let gone = [
            LearnerEvent.Answer(question: "q-removed", chosen: ["b"], correct: false),
            LearnerEvent.Answer(question: "q1", chosen: ["b"], correct: false),
        ]
        let records = [
            learner(
                "dora", team: "x",
                events: ContentFixture.completion("basics", at: "2026-06-01T10:00:00Z", score: 0.5, answers: gone)),
            learner(
                "emil", team: "x",
                events: ContentFixture.completion(
                    "retired-module", at: "2026-06-01T10:00:00Z", score: 0.5, answers: gone)),
        ]
        let report = TeamReport(records: records, skipped: [], catalog: catalog(), now: date("2026-11-21T12:00:00Z"))
        let missed = report.missedQuestions.map {
            "\($0.module)/\($0.question) \($0.wrong)/\($0.answers) \($0.learners)"
        }
        #expect(
            missed.sorted() == [
                "basics/q-removed 1/1 1", "basics/q1 1/1 1", "retired-module/q-removed 1/1 1",
                "retired-module/q1 1/1 1",
            ])
    }

    @Test func roleSummaryFeedsTheChart() throws {
        let report = TeamReport(records: records, skipped: [], catalog: catalog(), now: date("2026-11-21T12:00:00Z"))
        let staff = try #require(report.roles.first)
        #expect(staff.learners == 3)
        #expect(staff.states == ["completed": 1, "overdue": 1, "notStarted": 1])
    }

    @Test(arguments: [nil, "marketing"])
    func jsonIsByteForByteWhatJSONEncoderWrites(team: String?) throws {
        var records = records
        records[0].learner.name = "Änne \"Q\" \\ / \u{1}\u{1F}\t\n\r\u{8}\u{C}\u{7F} 👩🏽‍💻 \u{2028}"
        records[0].events.append(
            LearnerEvent(
                at: date("2026-02-01T09:30:00.123Z"), kind: .attested, milestone: "team-kickoff", by: "Chef </b>"))
        records[1].learner.team = nil
        let skipped = [SkippedFile(file: "/data/learners/x.json", reason: "not a JSON object")]
        for now in [date("2026-11-21T12:00:00Z"), Timestamp.parseAsOf("2027-01-31")!] {
            let report = TeamReport(records: records, skipped: skipped, catalog: catalog(), now: now, team: team)
            var expected = try JSONCoding.encoder().encode(report)
            expected.append(0x0A)
            let written = report.jsonData()
            #expect(
                written == expected,
                "differs from JSONEncoder:\n\(String(decoding: written, as: UTF8.self))")
        }
        // More rows than one chunk of the parallel writer, so the splicing is checked too.
        let many = (0..<1_201).map { learner(String(format: "l%04d", $0), team: "marketing") }
        let big = TeamReport(records: many, skipped: [], catalog: catalog(), now: date("2026-11-21T12:00:00Z"))
        #expect(big.jsonData() == (try JSONCoding.encoder().encode(big)) + [0x0A])
        let empty = TeamReport(records: [], skipped: [], catalog: catalog(), now: date("2026-11-21T12:00:00Z"))
        #expect(empty.jsonData() == (try JSONCoding.encoder().encode(empty)) + [0x0A])
    }

    @Test func contributionsGiveTheSameReportAsRecords() {
        let now = date("2026-11-21T12:00:00Z")
        let catalog = catalog()
        let direct = TeamReport(records: records, skipped: [], catalog: catalog, now: now, team: "marketing")
        let streamed = TeamReport(
            contributions: records.map { TeamReport.contribution(of: $0, catalog: catalog, now: now) }, skipped: [],
            catalog: catalog, now: now, team: "marketing")
        #expect(direct == streamed)
        #expect(direct.learners.count == 2)
    }

    @Test func csvFollowsRFC4180AndDefusesFormulas() {
        var list = records
        list[2].learner.name = "=HYPERLINK(\"x\"), \"Carl\""
        let report = TeamReport(records: list, skipped: [], catalog: catalog(), now: date("2026-11-21T12:00:00Z"))
        let csv = report.csv()
        let lines = csv.components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "learner,name,team,role,state,percent,modules_done,modules_total,completed_at,valid_until,last_activity,"
                + "overdue,due_soon,update_available,due,days_overdue")
        #expect(
            lines.contains {
                $0.hasPrefix("carl,\"'=HYPERLINK(\"\"x\"\"), \"\"Carl\"\"\",sales,staff,notStarted,0,0,2")
            })
        #expect(csv.hasSuffix("\r\n"))
        let excel = report.csv(excel: true)
        #expect(excel.hasPrefix("\u{FEFF}learner;name;team;"))
    }

    @Test func htmlIsSelfContainedWithAnInlineChart() {
        var list = records
        list[0].learner.name = "<script>alert(1)</script>"
        list[0].events.append(
            LearnerEvent(at: date("2026-02-01T09:00:00Z"), kind: .attested, milestone: "team-kickoff", by: "ben"))
        let report = TeamReport(
            records: list, skipped: [SkippedFile(file: "x.json", reason: "bad")], catalog: catalog(),
            now: date("2026-11-21T12:00:00Z"))
        let html = report.html(catalog: catalog())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("<rect"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(
            html.contains(
                "<td>Kick-off</td><td class=\"completed\">abgeschlossen</td><td>ben</td><td class=\"d\">1. Februar 2026</td>"
            ))
        #expect(html.contains("x.json: bad"))
    }
}
