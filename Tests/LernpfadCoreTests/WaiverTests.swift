import Foundation
import Testing

@testable import LernpfadCore

/// Issue 16, item 6: a waiver counts as covered, with its reason, until it ends; then the module is due again.
@Suite("Waivers")
struct WaiverTests {
    private let folder = TemporaryFolder()
    private static let now = date("2026-11-21T12:00:00Z")

    private func catalog() -> Catalog {
        ContentFixture.write(into: folder)
        return ContentFixture.load(folder).catalog
    }

    private static func record(_ events: [LearnerEvent]) -> LearnerRecord {
        var record = LearnerRecord(learner: LearnerProfile(id: "ida", name: "Ida", team: "sales", roles: ["staff"]))
        record.events = events
        return record
    }

    private static func waiver(
        module: String? = nil, path: String? = nil, at: String = "2026-10-01T10:00:00Z", until: String? = nil,
        reason: String = "prior learning: certified course"
    ) -> LearnerEvent {
        LearnerEvent(
            at: date(at), kind: .waived, module: module, by: "ben", role: path, reason: reason,
            until: until.map { date($0) })
    }

    @Test func aPathWaiverWaivesEveryModuleWithItsReason() throws {
        let paths = ProgressEngine.paths(
            for: Self.record([Self.waiver(path: "staff")]), catalog: catalog(), now: Self.now)
        let path = try #require(paths.first)
        #expect(path.state == .waived)
        #expect(path.modules.map(\.state) == [.waived, .waived])
        #expect(path.modulesDone == 2)
        #expect(path.modules.allSatisfy { $0.waiver?.reason == "prior learning: certified course" })
        #expect(path.modules.allSatisfy { $0.waiver?.scope == .path && $0.waiver?.by == "ben" })
    }

    @Test func aValidCompletionIsBetterEvidenceThanAWaiver() throws {
        let events = [Self.waiver(module: "basics")] + completion("basics", at: "2026-11-01T10:00:00Z")
        let module = try #require(
            ProgressEngine.paths(for: Self.record(events), catalog: catalog(), now: Self.now).first?.modules.first)
        #expect(module.state == .completed)
        #expect(module.waiver != nil)
    }

    @Test func aWaiverCoversAnExpiredCompletionUntilItEnds() throws {
        let events =
            completion("basics", at: "2025-06-01T10:00:00Z") + [
                Self.waiver(module: "basics", until: "2026-12-31T23:59:59.999Z")
            ]
        let catalog = catalog()
        let before = try #require(
            ProgressEngine.paths(for: Self.record(events), catalog: catalog, now: Self.now).first?.modules.first)
        #expect(before.state == .waived)
        #expect(before.due == date("2026-12-31T23:59:59.999Z"))
        let after = try #require(
            ProgressEngine.paths(
                for: Self.record(events), catalog: catalog, now: date("2027-01-01T00:00:00Z")
            ).first?.modules.first)
        #expect(after.state == .overdue)
        #expect(StateDerivation.reason(after, dueSoon: ISODuration(days: 30)).rule == .validityExpired)
    }

    @Test func aModuleNeverCompletedIsDueAgainWhenTheWaiverEnds() throws {
        let events = [Self.waiver(path: "staff", until: "2026-11-10T23:59:59.999Z")]
        let explanation = try Explanation(record: Self.record(events), catalog: catalog(), now: Self.now)
        let module = try #require(explanation.paths.first?.modules.first)
        #expect(module.state == .overdue)
        #expect(module.rule == .waiverEnded)
        #expect(module.due == date("2026-11-10T23:59:59.999Z"))
        // 10 days and 12 hours past the waiver's end: whole days overdue, as `status` and `explain` count them.
        #expect(module.daysLeft == -10)
        #expect(module.waiver?.ended == true)
        #expect(module.needs?.kind == .firstCompletion)
    }

    @Test func explainSaysWhoWaivedWhenWhyAndUntilWhen() throws {
        let events = [Self.waiver(module: "basics", until: "2027-03-01T23:59:59.999Z")]
        let explanation = try Explanation(
            record: Self.record(events), catalog: catalog(), now: Self.now, subject: "basics")
        let module = try #require(explanation.paths.first?.modules.first)
        #expect(module.state == .waived)
        #expect(module.rule == .waiverInForce)
        #expect(module.since == date("2026-10-01T10:00:00Z"))
        #expect(module.needs == nil)
        let status = StatusReport(record: Self.record(events), catalog: catalog(), now: Self.now)
        #expect(
            status.text.contains(
                "⊘ basics")
                && status.text.contains(
                    "waived by ben on 2026-10-01: prior learning: certified course, until 2027-03-01"),
            "\(status.text)")
    }

    @Test func aWaivedPrerequisiteUnlocksWhatFollows() throws {
        let catalog = catalog()
        let law = try #require(catalog.module("law"))
        let events = [Self.waiver(module: "basics")]
        #expect(ProgressEngine.missingPrerequisites(law, events: events, catalog: catalog, now: Self.now).isEmpty)
        let ended = [Self.waiver(module: "basics", until: "2026-11-01T23:59:59.999Z")]
        #expect(ProgressEngine.missingPrerequisites(law, events: ended, catalog: catalog, now: Self.now) == ["basics"])
    }

    @Test func theLaterWaiverDecides() throws {
        let events = [
            Self.waiver(path: "staff", at: "2026-09-01T10:00:00Z", until: "2026-10-31T23:59:59.999Z"),
            Self.waiver(module: "basics", at: "2026-10-15T10:00:00Z", reason: "extended"),
        ]
        let path = try #require(
            ProgressEngine.paths(for: Self.record(events), catalog: catalog(), now: Self.now).first)
        #expect(path.modules.map(\.state) == [.waived, .overdue])
        #expect(path.modules.first?.waiver?.reason == "extended")
    }

    @Test func theTeamShowsTheWaiverWithItsReasonInEveryFormat() throws {
        let catalog = catalog()
        let team = TeamReport(
            records: [Self.record([Self.waiver(path: "staff")])], skipped: [], catalog: catalog, now: Self.now)
        #expect(team.learners.first?.paths.first?.waived == 2)
        #expect(TeamWording.english.counts(try #require(team.learners.first?.paths.first)) == "2/2 valid · 2 waived")
        #expect(TeamWording.german.counts(try #require(team.learners.first?.paths.first)) == "2/2 gültig · 2 erlassen")
        let json = String(decoding: team.jsonData(), as: UTF8.self)
        #expect(json.contains("\"reason\" : \"prior learning: certified course\""), "\(json)")
        let csv = team.csv(perModule: true, catalog: catalog)
        #expect(csv.contains(",waived,") && csv.contains("waived by ben on 1 October 2026"), "\(csv)")
        let html = team.html(catalog: catalog, language: .german)
        #expect(html.contains("erlassen von ben am 1. Oktober 2026: prior learning: certified course"))
    }

    @Test func theXAPIExportSaysWaivedWithTheReasonAndWhoGrantedIt() throws {
        let events = [Self.waiver(module: "basics", until: "2027-03-01T23:59:59.999Z")]
        let statements = XAPIExporter(homePage: "https://example.org", catalog: catalog()).statements(
            for: Self.record(events))
        let statement = try #require(statements.first)
        #expect(statement.verb.id == XAPIExporter.VerbIRI.waived)
        #expect(statement.object.id == "https://example.org/modules/basics")
        #expect(statement.result?.response == "prior learning: certified course (until 2027-03-01)")
        #expect(statement.context?.instructor?.account.name == "ben")
    }

    @Test func theFieldsSurviveAFileRoundTripWithEitherReader() throws {
        let event = Self.waiver(path: "staff", until: "2027-03-01T23:59:59.999Z")
        var record = Self.record([event])
        record.learner.email = "ida@example.org"
        let data = try JSONCoding.encoder().encode(record)
        let decoded = try JSONCoding.decoder().decode(LearnerRecord.self, from: data)
        #expect(decoded == record)
        #expect(decoded.learner.email == "ida@example.org")
        // The store's own reader gives the same fields.
        try FileManager.default.createDirectory(
            atPath: folder.path + "/data/learners", withIntermediateDirectories: true)
        let store = LearnerStore(dataFolder: folder.path + "/data")
        try store.create(record)
        let read = try store.read("ida")
        #expect(read.learner.email == "ida@example.org")
        #expect(read.events.first?.reason == "prior learning: certified course")
        #expect(read.events.first?.until == event.until)
        #expect(read.events.first?.role == "staff")
    }

    private func completion(_ module: String, at: String) -> [LearnerEvent] {
        ["01-intro", "02-more"].map {
            LearnerEvent(
                at: date(at), kind: .lessonCompleted, module: module, moduleVersion: SemanticVersion(1, 0, 0),
                lesson: $0)
        } + [
            LearnerEvent(
                at: date(at), kind: .quizAttempted, module: module, moduleVersion: SemanticVersion(1, 0, 0), score: 1,
                passed: true, answers: [])
        ]
    }
}
