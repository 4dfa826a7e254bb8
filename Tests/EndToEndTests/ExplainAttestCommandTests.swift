import Foundation
import LernpfadCore
import Testing

/// Issue 13, points 3 to 5 on the real binary: `explain`, `due_within` with `learner roles`, and `attest` as
/// evidence (who, when, several learners, a team, one exit code for every usage error).
@Suite("explain and attest on the real binary")
struct ExplainAttestCommandTests {
    /// A config folder without config.yaml, so that the user's own identity never leaks into a test.
    private static func noConfig(_ scratch: Scratch) -> [String: String] {
        ["XDG_CONFIG_HOME": scratch.path + "/config"]
    }

    private static func enrol(_ id: String, team: String, roles: String = "staff", in scratch: Scratch) throws {
        let run = try Binary.run(
            ["learner", "add", id, "--name", id.capitalized, "--team", team, "--roles", roles, "--data", scratch.path])
        #expect(run.status == 0, "\(run.stderr)")
    }

    private static func events(_ id: String, in scratch: Scratch) throws -> [[String: Any]] {
        let data = try #require(scratch.read("learners/\(id).json"))
        let record = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return record?["events"] as? [[String: Any]] ?? []
    }

    private static func attested(_ id: String, in scratch: Scratch) throws -> [[String: Any]] {
        try events(id, in: scratch).filter { $0["type"] as? String == "attested" }
    }

    private static func store(_ scratch: Scratch) -> LearnerStore { LearnerStore(dataFolder: scratch.path) }

    // MARK: attest

    @Test func attestNeedsWhoAttestsFromByOrTheConfiguredIdentity() throws {
        let scratch = Scratch()
        try Self.enrol("anna", team: "marketing", in: scratch)
        let base = ["attest", "--learner", "anna", "--milestone", "team-kickoff", "--data", scratch.path]
        let nobody = try Binary.run(base, environment: Self.noConfig(scratch))
        #expect(nobody.status == 2)
        #expect(nobody.stderr.contains("say who attests: --by NAME, or 'identity: NAME'"), "\(nobody.stderr)")
        #expect(nobody.stderr.split(separator: "\n").count == 1)
        #expect(try Self.attested("anna", in: scratch).isEmpty, "nothing recorded without an attester")
        let withUser = try Binary.run(base, environment: Self.noConfig(scratch).merging(["USER": "root"]) { $1 })
        #expect(withUser.status == 2, "$USER is no longer a silent fallback")

        scratch.write("config/lernpfad/config.yaml", "identity: ida\n")
        let configured = try Binary.run(base, environment: Self.noConfig(scratch))
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(try Self.attested("anna", in: scratch).last?["by"] as? String == "ida")
        let explicit = try Binary.run(base + ["--by", "ben"], environment: Self.noConfig(scratch))
        #expect(explicit.status == 0)
        #expect(try Self.attested("anna", in: scratch).last?["by"] as? String == "ben", "--by wins over the config")
    }

    @Test func attestTakesAnEarlierDateButNeverAFutureOne() throws {
        let scratch = Scratch()
        try Self.enrol("anna", team: "marketing", in: scratch)
        let base = [
            "attest", "--learner", "anna", "--milestone", "team-kickoff", "--by", "ben", "--data", scratch.path,
        ]
        let earlier = try Binary.run(base + ["--date", "2026-11-03", "--note", "Kick-off, room 3"])
        #expect(earlier.status == 0, "\(earlier.stderr)")
        #expect(earlier.stdout.contains("on 2026-11-03"))
        let event = try #require(try Self.attested("anna", in: scratch).first)
        #expect(event["at"] as? String == "2026-11-03T00:00:00.000Z")
        #expect(event["note"] as? String == "Kick-off, room 3")

        // Today means now, not the start of the day.
        let before = Date()
        let today = try Binary.run(base + ["--date", CalendarDay(before).description])
        #expect(today.status == 0, "\(today.stderr)")
        let todays = try #require(try Self.attested("anna", in: scratch).last?["at"] as? String)
        #expect(try #require(Timestamp.parse(todays)) >= before.addingTimeInterval(-1))
        try Self.store(scratch).update("anna") { $0.events.removeLast() }
        let tomorrow = CalendarDay(Date().addingTimeInterval(86_400)).description
        let future = try Binary.run(base + ["--date", tomorrow])
        #expect(future.status == 2)
        #expect(future.stderr.contains("is in the future"), "\(future.stderr)")
        let garbage = try Binary.run(base + ["--date", "3.11.2026"])
        #expect(garbage.status == 2)
        #expect(garbage.stderr.contains("is not a day YYYY-MM-DD"))
        #expect(try Self.attested("anna", in: scratch).count == 1)

        // The note and who/when show in status (text and JSON) and in the xAPI export.
        let status = try Binary.run(["status", "--learner", "anna", "--as-of", "2026-11-21", "--data", scratch.path])
        #expect(
            status.stdout.contains(
                "milestone team-kickoff: attested 2026-11-03 by ben · valid until 2027-11-03 · note: Kick-off, room 3"),
            "\(status.stdout)")
        let json = try Binary.run(["status", "--learner", "anna", "--format", "json", "--data", scratch.path])
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let milestone = ((report?["paths"] as? [[String: Any]])?.first?["milestones"] as? [[String: Any]])?.first
        #expect(milestone?["note"] as? String == "Kick-off, room 3")
        #expect(milestone?["attestedBy"] as? String == "ben")
        let export = try Binary.run(["export", "xapi", "--learner", "anna", "--data", scratch.path])
        #expect(export.status == 0, "\(export.stderr)")
        let statements = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]]
        #expect(statements?.count == 1, "the enrolment makes no statement")
        let result = statements?.first?["result"] as? [String: Any]
        #expect(result?["response"] as? String == "Kick-off, room 3")
    }

    @Test func attestRecordsSeveralLearnersOrATeamAllOrNothing() throws {
        let scratch = Scratch()
        try Self.enrol("anna", team: "Marketing", in: scratch)
        try Self.enrol("ben", team: "marketing", in: scratch)
        try Self.enrol("cem", team: "sales", in: scratch)
        try Self.enrol("dora", team: "sales", roles: "leader", in: scratch)
        let base = ["attest", "--milestone", "team-kickoff", "--by", "ida", "--data", scratch.path]

        let list = try Binary.run(base + ["--learner", "anna,ben"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(try Self.attested("anna", in: scratch).count == 1)
        #expect(try Self.attested("ben", in: scratch).count == 1)
        #expect(try Self.attested("cem", in: scratch).isEmpty)

        // One unknown or unfit learner: nobody is attested, and the message names them.
        let unknown = try Binary.run(base + ["--learner", "cem,zoe"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no learner 'zoe'"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("there are: anna, ben, cem, dora"))
        let unfit = try Binary.run(base + ["--learner", "cem,dora"])
        #expect(unfit.status == 2)
        #expect(unfit.stderr.contains("dora does not have that role; nothing was recorded"), "\(unfit.stderr)")
        #expect(try Self.attested("cem", in: scratch).isEmpty, "all or nothing")

        let team = try Binary.run(base + ["--team", "MARKETING"])
        #expect(team.status == 0, "\(team.stderr)")
        #expect(team.stdout.contains("for anna, ben by ida"), "\(team.stdout)")
        #expect(try Self.attested("anna", in: scratch).count == 2)
        #expect(try Self.attested("cem", in: scratch).isEmpty)
        let noTeam = try Binary.run(base + ["--team", "legal"])
        #expect(noTeam.status == 2)
        #expect(noTeam.stderr.contains("no learner in team 'legal'; the teams are: Marketing, marketing, sales"))
    }

    @Test func everyUsageMistakeOfAttestExitsWithTwo() throws {
        let scratch = Scratch()
        try Self.enrol("anna", team: "marketing", in: scratch)
        let data = ["--data", scratch.path]
        let cases: [[String]] = [
            ["attest", "--milestone", "team-kickoff", "--by", "ben"],
            ["attest", "--learner", "anna", "--team", "marketing", "--milestone", "team-kickoff", "--by", "ben"],
            ["attest", "--learner", "anna", "--milestone", "nope", "--by", "ben"],
            ["attest", "--learner", "anna", "--milestone", "team-session-held", "--by", "ben"],
            ["attest", "--learner", "../x", "--milestone", "team-kickoff", "--by", "ben"],
            ["attest", "--learner", "nobody", "--milestone", "team-kickoff", "--by", "ben"],
            ["attest", "--learner", "anna", "--milestone", "team-kickoff", "--by", " "],
            ["attest", "--learner", "anna"],
        ]
        for arguments in cases {
            let run = try Binary.run(arguments + data, environment: Self.noConfig(scratch))
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(!run.stderr.isEmpty)
        }
        #expect(try Self.attested("anna", in: scratch).isEmpty)
    }

    // MARK: explain and due_within

    /// The shipped content with `due_within: P3M` on the staff path.
    private static func contentWithDeadline(_ scratch: Scratch) throws -> String {
        let content = scratch.copyOfShippedContent()
        let file = content + "/paths/staff.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try (text + "due_within: P3M\n").write(toFile: file, atomically: true, encoding: .utf8)
        return content
    }

    /// Every lesson of the shipped ai-basics read and its quiz passed at `version`, on `day`.
    private static func completeBasics(at day: String, version: SemanticVersion) -> [LearnerEvent] {
        let at = Timestamp.parse(day + "T10:00:00Z")!
        let lessons = [
            "01-what-is-ai", "02-how-generative-ai-works", "03-hallucinations-and-bias", "04-when-not-to-use-ai",
        ]
        return lessons.map {
            LearnerEvent(at: at, kind: .lessonCompleted, module: "ai-basics", moduleVersion: version, lesson: $0)
        } + [
            LearnerEvent(
                at: at, kind: .quizAttempted, module: "ai-basics", moduleVersion: version, score: 1, passed: true,
                answers: [])
        ]
    }

    @Test func explainSaysTheRuleTheDatesAndWhatTheRefresherNeeds() throws {
        let scratch = Scratch()
        let store = LearnerStore(dataFolder: scratch.path)
        var record = LearnerRecord(learner: LearnerProfile(id: "anna", name: "Anna", roles: ["staff"]))
        record.events = Self.completeBasics(at: "2025-10-01", version: SemanticVersion(2, 0, 0))
        try store.create(record)
        let data = ["--data", scratch.path]

        // Expired: validity from completion, since when, overdue for how long, only the quiz (nothing changed).
        let expired = try Binary.run(["explain", "--learner", "anna", "ai-basics", "--as-of", "2026-11-21"] + data)
        #expect(expired.status == 0, "\(expired.stderr)")
        let text = expired.stdout
        #expect(text.contains("! ai-basics (KI-Grundlagen): overdue"), "\(text)")
        #expect(text.contains("why: completed 2025-10-01 (version 2.0.0); that counted P12M and ran out 2026-10-01"))
        #expect(text.contains("since 2026-10-01 · due 2026-10-01 · overdue for 51 days"))
        #expect(text.contains("refresher needs: no lesson changed in substance since the completed version"))
        #expect(text.contains("pass the quiz (pass mark 80%) · was due 2026-10-01, now overdue"))
        #expect(!text.contains("genai-at-work"), "only the module asked about")

        // Due soon, then the path and its reason.
        let soon = try Binary.run(["explain", "--learner", "anna", "staff", "--as-of", "2026-09-15"] + data)
        #expect(soon.stdout.contains("[staff]: due soon"), "\(soon.stdout)")
        #expect(soon.stdout.contains("why: ai-basics is due soon (what is most urgent in a path decides its state)"))
        #expect(soon.stdout.contains("due soon from P30D before that"))
        #expect(soon.stdout.contains("16 days left"))
        #expect(soon.stdout.contains("· genai-at-work"), "every module of the path")

        // A completion under 1.x: the major change, the lessons the changelog marks, and by when.
        record.events = Self.completeBasics(at: "2026-06-01", version: SemanticVersion(1, 0, 0))
        try store.update("anna") { $0.events = record.events }
        let update = try Binary.run(
            ["explain", "--learner", "anna", "ai-basics", "--as-of", "2026-11-21", "--format", "json"] + data)
        let json = try JSONSerialization.jsonObject(with: Data(update.stdout.utf8)) as? [String: Any]
        let module = ((json?["paths"] as? [[String: Any]])?.first?["modules"] as? [[String: Any]])?.first
        #expect(module?["state"] as? String == "updateAvailable")
        #expect(module?["rule"] as? String == "majorVersionChanged")
        let needs = module?["needs"] as? [String: Any]
        #expect(needs?["kind"] as? String == "refresher")
        #expect(
            (needs?["lessons"] as? [[String: Any]])?.map { $0["lesson"] as? String }
                == ["03-hallucinations-and-bias", "04-when-not-to-use-ai"])
        #expect(needs?["quiz"] as? Bool == true)
        #expect(needs?["by"] as? String == "2027-06-01T10:00:00.000Z")
        let words = try Binary.run(["explain", "--learner", "anna", "ai-basics", "--as-of", "2026-11-21"] + data)
        #expect(words.stdout.contains("the content is now 2.0.0, a major change"), "\(words.stdout)")
        #expect(words.stdout.contains("re-read 03-hallucinations-and-bias (Halluzinationen und Verzerrungen)"))
    }

    @Test func explainNamesWhatExistsForAnUnknownId() throws {
        let scratch = Scratch()
        try Self.enrol("anna", team: "marketing", in: scratch)
        let data = ["--data", scratch.path]
        let subject = try Binary.run(["explain", "--learner", "anna", "nope"] + data)
        #expect(subject.status == 2)
        #expect(subject.stderr.split(separator: "\n").count == 1)
        #expect(
            subject.stderr.contains(
                "'nope' is none of anna's paths, modules or milestones; there are: staff, ai-basics"),
            "\(subject.stderr)")
        #expect(subject.stderr.contains("team-kickoff, org-rules-acknowledged"))
        let notOnPath = try Binary.run(["explain", "--learner", "anna", "ai-management"] + data)
        #expect(notOnPath.status == 2, "a module of another path is not anna's")
        let learner = try Binary.run(["explain", "--learner", "zoe"] + data)
        #expect(learner.status == 2)
        #expect(learner.stderr.contains("no learner 'zoe'"))
        #expect(learner.stderr.contains("there are: anna"))
        let milestone = try Binary.run(["explain", "--learner", "anna", "team-kickoff"] + data)
        #expect(milestone.status == 0)
        #expect(milestone.stdout.contains("milestone team-kickoff"))
        #expect(milestone.stdout.contains("why: not yet attested"))
        #expect(!milestone.stdout.contains("ai-basics ("))
    }

    @Test func dueWithinCountsFromEnrolmentAndFromTheDayARoleIsAdded() throws {
        let scratch = Scratch()
        let content = try Self.contentWithDeadline(scratch)
        let data = ["--data", scratch.path, "--content", content]
        let add = try Binary.run(["learner", "add", "anna", "--name", "Anna", "--roles", "ambassador"] + data)
        #expect(add.status == 0, "\(add.stderr)")
        let enrolled = Date()
        let due = CalendarDay(ISODuration(months: 3).added(to: enrolled)).description

        // Before the deadline: not started, the deadline shown as due.
        let before = try Binary.run(["explain", "--learner", "anna"] + data)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(!before.stdout.contains("first completion within"), "the ambassador path sets no deadline")
        let roles = try Binary.run(["learner", "roles", "anna", "--add", "staff"] + data)
        #expect(roles.status == 0, "\(roles.stderr)")
        #expect(roles.stdout.contains("added staff; roles now ambassador, staff"))
        let events = try Self.events("anna", in: scratch)
        #expect(events.map { $0["type"] as? String } == ["roleAdded", "roleAdded"])
        #expect(events.map { $0["role"] as? String } == ["ambassador", "staff"])
        let staff = try Binary.run(["explain", "--learner", "anna", "staff"] + data)
        #expect(staff.stdout.contains("[staff]: not started"), "\(staff.stdout)")
        #expect(staff.stdout.contains("first completion within P3M of the day the role was added"))
        #expect(staff.stdout.contains("due \(due)"), "\(staff.stdout)")
        let status = try Binary.run(["status", "--learner", "anna"] + data)
        #expect(status.stdout.contains("not started · first completion due \(due)"), "\(status.stdout)")

        // After it: overdue by the deadline rule, everywhere.
        let later = CalendarDay(enrolled.addingTimeInterval(100 * 86_400)).description
        let after = try Binary.run(
            ["explain", "--learner", "anna", "staff", "--as-of", later, "--format", "json"] + data)
        let json = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any]
        let path = (json?["paths"] as? [[String: Any]])?.first
        #expect(path?["state"] as? String == "overdue")
        #expect(path?["rule"] as? String == "firstCompletionDeadlinePassed")
        #expect((path?["deadline"] as? [String: Any])?["start"] as? String == "roleAdded")
        let team = try Binary.run(["team", "--format", "json", "--as-of", later] + data)
        let report = try JSONSerialization.jsonObject(with: Data(team.stdout.utf8)) as? [String: Any]
        #expect((report?["learners"] as? [[String: Any]])?.first?["worstState"] as? String == "overdue")
        let words = try Binary.run(["explain", "--learner", "anna", "ai-basics", "--as-of", later] + data)
        #expect(words.stdout.contains("never completed, and the deadline for the first completion has passed"))
        #expect(words.stdout.contains("first completion needs: read 01-what-is-ai"), "\(words.stdout)")

        // Adding a role that is there, or none, changes nothing.
        let again = try Binary.run(["learner", "roles", "anna", "--add", "staff"] + data)
        #expect(again.stdout.contains("no new role"))
        #expect(try Self.events("anna", in: scratch).count == 2)
        let unknown = try Binary.run(["learner", "roles", "anna", "--add", "wizard"] + data)
        #expect(unknown.status == 2)
        let remove = try Binary.run(["learner", "roles", "anna", "--remove", "ambassador"] + data)
        #expect(remove.status == 0, "\(remove.stderr)")
        #expect(remove.stdout.contains("roles now staff"), "\(remove.stdout)")
        #expect(try Self.events("anna", in: scratch).count == 2, "a removed role keeps its history")
        let nothing = try Binary.run(["learner", "roles", "anna"] + data)
        #expect(nothing.status == 2)
    }
}
