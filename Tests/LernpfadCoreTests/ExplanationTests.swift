import Foundation
import Testing

@testable import LernpfadCore

/// Issue 13, points 3 to 5: `explain` agrees with every other view, `due_within` deadlines, attestations as
/// evidence.
@Suite("Explanation, deadlines and attestation evidence")
struct ExplanationTests {
    private let folder = TemporaryFolder()
    private static let now = date("2026-11-21T12:00:00Z")

    private func catalog(staffPath: String = ContentFixture.staffPath) -> Catalog {
        ContentFixture.write(into: folder)
        folder.write("paths/staff.yaml", staffPath)
        let result = ContentFixture.load(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        return result.catalog
    }

    private static func record(_ events: [LearnerEvent]) -> LearnerRecord {
        var record = LearnerRecord(learner: LearnerProfile(id: "ida", name: "Ida", team: "marketing", roles: ["staff"]))
        record.events = events
        return record
    }

    static func read(_ module: String, _ lesson: String, at: String) -> LearnerEvent {
        LearnerEvent(
            at: date(at), kind: .lessonCompleted, module: module, moduleVersion: SemanticVersion(1, 0, 0),
            lesson: lesson)
    }

    static func complete(_ module: String, at: String) -> [LearnerEvent] {
        [read(module, "01-intro", at: at), read(module, "02-more", at: at)] + [
            LearnerEvent(
                at: date(at), kind: .quizAttempted, module: module, moduleVersion: SemanticVersion(1, 0, 0), score: 1,
                passed: true, answers: [])
        ]
    }

    /// The rule `explain` gives each situation of the state matrix, and the module or milestone that decides.
    private static let expectedRules: [String: (StateDerivation.Rule, [String])] = [
        "never started": (.nothingDone, []),
        "in progress": (.notYetCompleted, []),
        "completed and valid": (.validFromCompletion, []),
        "due soon": (.dueSoonWindow, ["basics"]),
        "due soon inside an unfinished path": (.dueSoonWindow, ["basics"]),
        "expired": (.validityExpired, ["basics", "law"]),
        "expired inside an unfinished path": (.validityExpired, ["basics"]),
        "expired, the other module never started": (.validityExpired, ["basics"]),
        "update available": (.majorVersionChanged, ["basics"]),
        "update available inside an unfinished path": (.majorVersionChanged, ["basics"]),
        "refresher half done": (.validityExpired, ["basics", "law"]),
        "attested milestone expired": (.validityExpired, ["team-kickoff"]),
        "waived": (.waiverInForce, ["basics", "law"]),
        "one module waived, the other completed": (.validFromCompletion, []),
        "waiver ended": (.waiverEnded, ["basics", "law"]),
    ]

    @Test(arguments: StateMatrixTests.situations)
    func explainAgreesWithTheMatrix(_ situation: StateMatrixTests.Situation) throws {
        let catalog = catalog()
        let record = Self.record(situation.events)
        let explanation = try Explanation(record: record, catalog: catalog, now: Self.now)
        let path = try #require(explanation.paths.first)
        #expect(explanation.paths.count == 1)
        #expect(path.state == situation.state)
        let (rule, decidedBy) = try #require(Self.expectedRules[situation.name], "no expected rule for \(situation)")
        #expect(path.rule == rule)
        #expect(path.decidedBy == decidedBy)
        // Every module and milestone has the state the engine derives, with its reason.
        let progress = try #require(ProgressEngine.paths(for: record, catalog: catalog, now: Self.now).first)
        #expect(path.modules.map(\.state) == progress.modules.map(\.state))
        #expect(path.milestones.map(\.state) == progress.milestones.map(\.state))
        for (item, module) in zip(path.modules, progress.modules) {
            #expect(item.rule == StateDerivation.reason(module, dueSoon: LearningPath.defaultDueSoon).rule)
        }
        if path.state.needsAttention {
            #expect(path.due != nil && path.due == progress.attentionDue)
            #expect(path.daysLeft == Explanation.daysLeft(until: path.due, now: Self.now))
        }
    }

    @Test func anExpiredModuleSaysSinceWhenAndThatOnlyTheQuizIsNeeded() throws {
        // basics completed 2025-06-01 at version 1.0.0 and nothing changed since: the refresher is the quiz.
        let situation = try #require(StateMatrixTests.situations.first { $0.name == "refresher half done" })
        let explanation = try Explanation(
            record: Self.record(situation.events), catalog: catalog(), now: Self.now, subject: "basics")
        let module = try #require(explanation.paths.first?.modules.first)
        #expect(explanation.paths.first?.modules.count == 1)
        #expect(module.module == "basics")
        #expect(module.rule == .validityExpired)
        #expect(module.since == date("2026-06-01T10:00:00Z"))
        #expect(module.daysLeft == -173)
        let needs = try #require(module.needs)
        #expect(needs.kind == .refresher)
        #expect(needs.lessons.isEmpty)
        #expect(needs.quiz)
        #expect(needs.passMark == 0.5)
        #expect(needs.by == date("2026-06-01T10:00:00Z"))
    }

    @Test func aMajorChangeAsksForTheLessonsTheChangelogMarks() throws {
        ContentFixture.write(into: folder)
        folder.write(
            "modules/basics/module.yaml",
            ContentFixture.module("basics", version: "2.0.0")
                + "changelog:\n  - version: 2.0.0\n    date: 2026-10-01\n    changes: {de: x, en: x}\n"
                + "    lessons: [02-more]\n")
        let result = ContentFixture.load(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        let changed = result.catalog
        let events =
            Self.complete("basics", at: "2026-06-01T10:00:00Z") + Self.complete("law", at: "2026-06-02T10:00:00Z")
        let explanation = try Explanation(
            record: Self.record(events), catalog: changed, now: Self.now, subject: "basics")
        let item = try #require(explanation.paths.first?.modules.first)
        #expect(item.state == .updateAvailable)
        #expect(item.rule == .majorVersionChanged)
        #expect(item.completedVersion == SemanticVersion(1, 0, 0))
        #expect(item.currentVersion == SemanticVersion(2, 0, 0))
        #expect(item.needs?.lessons.map(\.lesson) == ["02-more"])
        #expect(item.needs?.lessons.map(\.done) == [false])
        #expect(item.needs?.by == date("2027-06-01T10:00:00Z"))
    }

    @Test func aNeverStartedModuleNeedsEveryLessonAndTheQuiz() throws {
        let explanation = try Explanation(record: Self.record([]), catalog: catalog(), now: Self.now, subject: "law")
        let needs = try #require(explanation.paths.first?.modules.first?.needs)
        #expect(needs.kind == .firstCompletion)
        #expect(needs.lessons.map(\.lesson) == ["01-intro", "02-more"])
        #expect(needs.quiz)
        #expect(needs.by == nil, "no due_within: no deadline")
    }

    @Test func anUnknownSubjectListsWhatThereIs() {
        #expect(throws: Explanation.UnknownSubject.self) {
            try Explanation(record: Self.record([]), catalog: catalog(), now: Self.now, subject: "nope")
        }
        do {
            _ = try Explanation(record: Self.record([]), catalog: catalog(), now: Self.now, subject: "nope")
        } catch {
            #expect(error.known == ["staff", "basics", "law", "team-kickoff"])
            #expect(error.description.contains("'nope' is none of ida's paths, modules or milestones"))
        }
        // The path and the milestone are subjects too.
        #expect(
            (try? Explanation(record: Self.record([]), catalog: catalog(), now: Self.now, subject: "staff"))?
                .paths.first?.modules.count == 2)
        let milestone = try? Explanation(
            record: Self.record([]), catalog: catalog(), now: Self.now, subject: "team-kickoff")
        #expect(milestone?.paths.first?.modules.isEmpty == true)
        #expect(milestone?.paths.first?.milestones.map(\.milestone) == ["team-kickoff"])
    }

    // MARK: due_within

    private static let staffWithDeadline = ContentFixture.staffPath + "due_within: P3M\n"

    @Test func dueWithinIsReadAndAnInvalidOneIsAnError() {
        #expect(catalog(staffPath: Self.staffWithDeadline).path("staff")?.dueWithin == ISODuration(months: 3))
        #expect(catalog().path("staff")?.dueWithin == nil)
        let report = CatalogReport(catalog: catalog(staffPath: Self.staffWithDeadline))
        #expect(report.paths.first?.dueWithin == ISODuration(months: 3))
        #expect(report.text.contains("valid P12M · first completion within P3M: basics, law"), "\(report.text)")
        ContentFixture.write(into: folder)
        folder.write("paths/staff.yaml", ContentFixture.staffPath + "due_within: soon\n")
        let result = ContentFixture.load(folder)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("'due_within'") })
    }

    @Test func beforeTheDeadlineNotStartedWithTheDeadlineAsDue() throws {
        let catalog = catalog(staffPath: Self.staffWithDeadline)
        let enrolled = LearnerRecord.enrolling(
            LearnerProfile(id: "ida", name: "Ida", roles: ["staff"]), at: date("2026-09-01T08:00:00Z"))
        let path = try #require(ProgressEngine.paths(for: enrolled, catalog: catalog, now: Self.now).first)
        #expect(path.state == .notStarted)
        #expect(path.deadline?.start == .roleAdded)
        #expect(path.deadline?.due == date("2026-12-01T08:00:00Z"))
        #expect(path.modules.map(\.firstCompletionDue) == [date("2026-12-01T08:00:00Z"), date("2026-12-01T08:00:00Z")])
        let explanation = try Explanation(record: enrolled, catalog: catalog, now: Self.now)
        let item = try #require(explanation.paths.first)
        #expect(item.rule == .nothingDone)
        #expect(item.due == date("2026-12-01T08:00:00Z"))
        #expect(item.daysLeft == 10, "9 days and 20 hours: 10, as status counts")
        #expect(item.modules.first?.needs?.by == date("2026-12-01T08:00:00Z"))
        let status = StatusReport(record: enrolled, catalog: catalog, now: Self.now)
        #expect(status.text.contains("[staff]: not started · first completion due 2026-12-01"), "\(status.text)")
        #expect(status.lastActivity == nil, "an enrolment is no activity")
    }

    @Test func afterTheDeadlineUnfinishedModulesAreOverdue() throws {
        let catalog = catalog(staffPath: Self.staffWithDeadline)
        var record = LearnerRecord.enrolling(
            LearnerProfile(id: "ida", name: "Ida", team: "marketing", roles: ["staff"]),
            at: date("2026-06-01T08:00:00Z"))
        // basics completed in time, law only started.
        record.events +=
            Self.complete("basics", at: "2026-07-01T10:00:00Z") + [
                Self.read("law", "01-intro", at: "2026-08-01T10:00:00Z")
            ]
        let path = try #require(ProgressEngine.paths(for: record, catalog: catalog, now: Self.now).first)
        #expect(path.state == .overdue)
        #expect(path.modules.map(\.state) == [.completed, .overdue])
        #expect(path.attentionDue == date("2026-09-01T08:00:00Z"))
        let law = try #require(path.modules.last)
        #expect(
            StateDerivation.reason(law, dueSoon: LearningPath.defaultDueSoon).rule == .firstCompletionDeadlinePassed)
        let explanation = try Explanation(record: record, catalog: catalog, now: Self.now)
        let item = try #require(explanation.paths.first)
        #expect(item.rule == .firstCompletionDeadlinePassed)
        #expect(item.decidedBy == ["law"])
        #expect(item.since == date("2026-09-01T08:00:00Z"))
        #expect(item.daysLeft == -81)
        #expect(item.modules.last?.needs?.lessons.map(\.done) == [true, false])
        // Every other view agrees.
        let team = TeamReport(records: [record], skipped: [], catalog: catalog, now: Self.now)
        #expect(team.learners.first?.worstState == .overdue)
        let status = StatusReport(record: record, catalog: catalog, now: Self.now)
        #expect(status.text.contains("[staff]: overdue"))
        #expect(status.text.contains("first completion due 2026-09-01 · overdue for 81 day(s)"), "\(status.text)")
        // Once completed, the deadline is met and no longer shown.
        record.events += Self.complete("law", at: "2026-11-20T10:00:00Z")
        let done = try #require(ProgressEngine.paths(for: record, catalog: catalog, now: Self.now).first)
        #expect(done.state == .completed)
        #expect(done.modules.allSatisfy { $0.firstCompletionDue == nil })
    }

    @Test func aRoleAddedLaterCountsFromThatDay() throws {
        let catalog = catalog(staffPath: Self.staffWithDeadline)
        var record = LearnerRecord(learner: LearnerProfile(id: "ida", name: "Ida", roles: []))
        record.events = [
            Self.read("basics", "01-intro", at: "2026-01-10T10:00:00Z")
        ]
        record.addRoles(["staff"], at: date("2026-10-01T09:00:00Z"))
        #expect(record.learner.roles == ["staff"])
        #expect(record.addRoles(["staff"], at: Self.now).isEmpty, "a role is added once")
        let path = try #require(ProgressEngine.paths(for: record, catalog: catalog, now: Self.now).first)
        #expect(path.deadline?.start == .roleAdded)
        #expect(path.deadline?.from == date("2026-10-01T09:00:00Z"))
        #expect(path.state == .inProgress, "three months from the role, not from the first lesson")
        // As of a day before the role was added there is no deadline yet.
        let before = ProgressEngine.paths(for: record, catalog: catalog, now: date("2026-09-30T00:00:00Z"))
        #expect(before.first?.deadline == nil)
    }

    @Test func anOlderFileWithoutRoleEventsCountsFromTheFirstEvent() throws {
        let catalog = catalog(staffPath: Self.staffWithDeadline)
        let record = Self.record([Self.read("basics", "01-intro", at: "2026-01-10T10:00:00Z")])
        let path = try #require(ProgressEngine.paths(for: record, catalog: catalog, now: Self.now).first)
        #expect(path.deadline?.start == .firstEvent)
        #expect(path.deadline?.due == date("2026-04-10T10:00:00Z"))
        #expect(path.modules.map(\.state) == [.overdue, .overdue])
        // Without any event nothing says when the learner was enrolled: no deadline.
        #expect(ProgressEngine.paths(for: Self.record([]), catalog: catalog, now: Self.now).first?.deadline == nil)
    }

    @Test func roleEventsSurviveBothReaders() throws {
        let store = LearnerStore(dataFolder: folder.path + "/data")
        let record = LearnerRecord.enrolling(
            LearnerProfile(id: "ida", name: "Ida", roles: ["staff", "leader", "staff"]), at: Self.now)
        #expect(record.events.map(\.role) == ["staff", "leader"])
        try store.create(record)
        let read = try store.read("ida")
        // As saved: linked into the file's hash chain.
        let saved = try LearnerChain.linked(record)
        #expect(read.events == saved.events)
        let foundation = try JSONCoding.decoder().decode(
            LearnerRecord.self, from: Data(contentsOf: URL(fileURLWithPath: store.path(for: "ida"))))
        #expect(foundation.events == saved.events)
    }

    // MARK: attestations as evidence

    @Test func theNoteAndWhoAndWhenShowInStatusAndXAPI() throws {
        let catalog = catalog()
        let record = Self.record([
            LearnerEvent(
                at: date("2026-11-03T00:00:00Z"), kind: .attested, milestone: "team-kickoff", by: "ben",
                note: "Kick-off, room 3")
        ])
        let status = StatusReport(record: record, catalog: catalog, now: Self.now)
        #expect(
            status.text.contains(
                "milestone team-kickoff: attested 2026-11-03 by ben · valid until 2027-11-03 · note: Kick-off, room 3"),
            "\(status.text)")
        let json = try JSONSerialization.jsonObject(with: JSONCoding.encoder().encode(status)) as? [String: Any]
        let milestone = ((json?["paths"] as? [[String: Any]])?.first?["milestones"] as? [[String: Any]])?.first
        #expect(milestone?["note"] as? String == "Kick-off, room 3")
        #expect(milestone?["attestedBy"] as? String == "ben")
        #expect(milestone?["attestedAt"] as? String == "2026-11-03T00:00:00.000Z")

        let exporter = XAPIExporter(homePage: "https://learn.example.org", catalog: catalog)
        let statement = try #require(exporter.statements(for: record).first)
        #expect(statement.result?.response == "Kick-off, room 3")
        #expect(statement.context?.instructor?.account.name == "ben")
        #expect(statement.timestamp == "2026-11-03T00:00:00.000Z")
        let text = String(decoding: try JSONCoding.encoder().encode(statement), as: UTF8.self)
        #expect(text.contains("\"response\" : \"Kick-off, room 3\""), "\(text)")
        // And back: an import keeps the note.
        let imported = XAPIImporter(homePage: "https://learn.example.org").records(from: [statement])
        #expect(imported.first?.events.first?.note == "Kick-off, room 3")
    }

    @Test func roleEventsMakeNoXAPIStatement() {
        let record = LearnerRecord.enrolling(LearnerProfile(id: "ida", name: "Ida", roles: ["staff"]), at: Self.now)
        #expect(XAPIExporter(homePage: "https://learn.example.org", catalog: catalog()).statements(for: record).isEmpty)
    }

    @Test func identityIsReadFromTheSettings() throws {
        let settings = try Settings.parse("identity: ben\n", file: "config.yaml").get()
        #expect(settings.identity == "ben")
        #expect(try Settings.parse("", file: "config.yaml").get().identity == nil)
        #expect((try? Settings.parse("identity: \"  \"\n", file: "config.yaml").get()) == nil)
    }
}
