import Foundation
import LernpfadCore
import Testing

/// Issue 16, items 6 and 7 on the real binary: `waive`, `due` in text, JSON and mail, `learner email` and
/// `status --short`.
@Suite("waive, due and status --short on the real binary")
struct WaiveDueCommandTests {
    /// A config folder without config.yaml, so that the user's own identity never leaks into a test.
    private static func noConfig(_ scratch: Scratch) -> [String: String] {
        ["XDG_CONFIG_HOME": scratch.path + "/config"]
    }

    private static func enrol(
        _ id: String, name: String? = nil, team: String = "sales", language: String = "en", content: String? = nil,
        in scratch: Scratch
    ) throws {
        var arguments = [
            "learner", "add", id, "--name", name ?? id.capitalized, "--team", team, "--roles", "staff", "--language",
            language, "--data", scratch.path,
        ]
        if let content { arguments += ["--content", content] }
        let run = try Binary.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
    }

    private static func events(_ id: String, in scratch: Scratch) throws -> [[String: Any]] {
        let data = try #require(scratch.read("learners/\(id).json"))
        let record = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return record?["events"] as? [[String: Any]] ?? []
    }

    /// The shipped content with a first-completion deadline of 30 days on the staff path.
    private static func contentWithDeadline(_ scratch: Scratch) throws -> String {
        let content = scratch.copyOfShippedContent()
        let file = content + "/paths/staff.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try Data((text + "due_within: P30D\n").utf8).write(to: URL(fileURLWithPath: file))
        return content
    }

    private static func day(_ offset: Int) -> String {
        CalendarDay(Date().addingTimeInterval(Double(offset) * 86_400)).description
    }

    // MARK: waive

    @Test func everyMistakeInWaiveIsAUsageErrorAndRecordsNothing() throws {
        let scratch = Scratch()
        try Self.enrol("anna", in: scratch)
        let base = ["waive", "--learner", "anna", "--data", scratch.path]
        let cases: [([String], String)] = [
            (["--module", "ai-basics", "--reason", "prior learning"], "say who grants the waiver: --by NAME"),
            (["--module", "ai-basics", "--reason", "  ", "--by", "ben"], "--reason must not be empty"),
            (["--module", "ai-basics", "--by", "ben"], "--reason"),
            (["--reason", "x", "--by", "ben"], "--module ID or --path ROLE"),
            (
                ["--module", "ai-basics", "--path", "staff", "--reason", "x", "--by", "ben"],
                "--module ID or --path ROLE"
            ),
            (
                ["--module", "ai-governance", "--reason", "x", "--by", "ben"],
                "none of anna's modules; there are: ai-basics"
            ),
            (
                ["--path", "leader", "--reason", "x", "--by", "ben"],
                "anna has no path 'leader'; their paths are: staff"
            ),
            (["--module", "ai-basics", "--reason", "x", "--by", "ben", "--until", Self.day(-2)], "is in the past"),
            (
                ["--module", "ai-basics", "--reason", "x", "--by", "ben", "--until", "1.3.2027"],
                "is not a day YYYY-MM-DD"
            ),
            (["--module", "ai-basics", "--reason", "x", "--by", " "], "--by must not be empty"),
        ]
        for (arguments, message) in cases {
            let run = try Binary.run(base + arguments, environment: Self.noConfig(scratch))
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        let unknown = try Binary.run(
            [
                "waive", "--learner", "zoe", "--module", "ai-basics", "--reason", "x", "--by", "ben", "--data",
                scratch.path,
            ])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no learner 'zoe'") && unknown.stderr.contains("there are: anna"))
        #expect(try Self.events("anna", in: scratch).allSatisfy { $0["type"] as? String != "waived" })
    }

    @Test func aWaiverIsRecordedAndShownWithItsReasonEverywhere() throws {
        let scratch = Scratch()
        try Self.enrol("anna", in: scratch)
        scratch.write("config/lernpfad/config.yaml", "identity: ida\n")
        let until = Self.day(100)
        let run = try Binary.run(
            [
                "waive", "--learner", "anna", "--module", "ai-basics", "--reason", "prior learning: AI course 2026",
                "--until", until, "--data", scratch.path,
            ], environment: Self.noConfig(scratch))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("waived module ai-basics for anna by ida"), "\(run.stdout)")
        let event = try #require(try Self.events("anna", in: scratch).last)
        #expect(event["type"] as? String == "waived")
        #expect(event["module"] as? String == "ai-basics")
        #expect(event["by"] as? String == "ida", "the identity from config.yaml")
        #expect(event["reason"] as? String == "prior learning: AI course 2026")
        #expect(event["until"] as? String == "\(until)T23:59:59.999Z")

        let today = Self.day(0)
        let words = "waived by ida on \(today): prior learning: AI course 2026, until \(until)"
        let status = try Binary.run(["status", "--learner", "anna", "--data", scratch.path])
        #expect(status.stdout.contains("⊘ ai-basics") && status.stdout.contains(words), "\(status.stdout)")
        let explain = try Binary.run(["explain", "--learner", "anna", "ai-basics", "--data", scratch.path])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains(words), "\(explain.stdout)")
        let later = try Binary.run(
            ["explain", "--learner", "anna", "ai-basics", "--as-of", Self.day(101), "--data", scratch.path])
        #expect(later.stdout.contains("waiver ended \(until): due again"), "\(later.stdout)")

        let team = try Binary.run(["team", "--format", "json", "--data", scratch.path])
        let report = try JSONSerialization.jsonObject(with: Data(team.stdout.utf8)) as? [String: Any]
        let path = ((report?["learners"] as? [[String: Any]])?.first?["paths"] as? [[String: Any]])?.first
        let module = (path?["modules"] as? [[String: Any]])?.first
        #expect(module?["state"] as? String == "waived")
        #expect((module?["waiver"] as? [String: Any])?["reason"] as? String == "prior learning: AI course 2026")
        let html = try Binary.run(["team", "--format", "html", "--language", "de", "--data", scratch.path])
        #expect(html.stdout.contains("erlassen von ida am"), "the HTML names the exception")

        let export = try Binary.run(["export", "xapi", "--learner", "anna", "--data", scratch.path])
        let statements = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]]
        let waived = statements?.first {
            ($0["verb"] as? [String: Any])?["id"] as? String == XAPIExporter.VerbIRI.waived
        }
        #expect(
            (waived?["result"] as? [String: Any])?["response"] as? String
                == "prior learning: AI course 2026 (until \(until))")
    }

    @Test func aPathWaiverCoversTheWholePath() throws {
        let scratch = Scratch()
        try Self.enrol("anna", in: scratch)
        let run = try Binary.run([
            "waive", "--learner", "anna", "--path", "staff", "--reason", "long absence", "--by", "ben", "--data",
            scratch.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let status = try Binary.run(["status", "--learner", "anna", "--data", scratch.path])
        #expect(status.stdout.contains("[staff]: waived"), "\(status.stdout)")
        #expect(status.stdout.components(separatedBy: "waived by ben").count == 5, "each of the four modules")
        let short = try Binary.run(["status", "--short", "--data", scratch.path])
        #expect(short.stdout == "lernpfad: nothing due\n", "\(short.stdout)")
    }

    // MARK: due

    @Test func dueListsWhatIsOverdueAndDueSoon() throws {
        let scratch = Scratch()
        let content = try Self.contentWithDeadline(scratch)
        try Self.enrol("anna", team: "Sales", content: content, in: scratch)
        try Self.enrol("ben", team: "hr", content: content, in: scratch)
        let base = ["due", "--content", content, "--data", scratch.path]
        let soon = try Binary.run(base)
        #expect(soon.status == 0, "\(soon.stderr)")
        #expect(soon.stdout.contains(": 8 items for 2 learners"), "\(soon.stdout)")
        // A line is the state's mark ("·" for not started, as in `status`), the id in its column, the state and when.
        #expect(
            soon.stdout.contains("\n  · ai-basics                not started · due in 30 days ("), "\(soon.stdout)")
        let narrow = try Binary.run(base + ["--within", "P7D"])
        #expect(narrow.stdout.hasPrefix("nothing due as of"), "\(narrow.stdout)")
        let later = try Binary.run(base + ["--as-of", Self.day(40), "--team", "sales", "--format", "json"])
        #expect(later.status == 0, "\(later.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any]
        let learners = report?["learners"] as? [[String: Any]]
        #expect(learners?.map { $0["id"] as? String } == ["anna"], "--team ignores case")
        let item = (learners?.first?["items"] as? [[String: Any]])?.first
        #expect(item?["state"] as? String == "overdue")
        #expect(item?["rule"] as? String == "firstCompletionDeadlinePassed")
        #expect((item?["daysLeft"] as? Int).map { $0 <= -9 } == true, "\(String(describing: item))")

        for (arguments, message) in [
            (["--within", "30 days"], "is not an ISO 8601 duration"),
            (["--team", "nobody"], "the teams are: Sales, hr"),
            (["--format", "mail"], "--format mail needs --output DIR"),
            (["--output", scratch.path], "--output is for"),
            (["--format", "pdf"], "format"),
        ] {
            let run = try Binary.run(base + arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }

    @Test func dueWritesOneMessagePerLearnerThatPythonsParserReads() throws {
        let scratch = Scratch()
        let content = try Self.contentWithDeadline(scratch)
        try Self.enrol("anna", name: "Anna Äpfel\nBcc: evil@example.com", language: "de", content: content, in: scratch)
        try Self.enrol("ben", name: "Ben \"B\" Smith", language: "en", content: content, in: scratch)
        try Self.enrol("cem", content: content, in: scratch)
        for (id, address) in [("anna", "anna@example.org"), ("ben", "ben@example.org")] {
            let set = try Binary.run(["learner", "email", id, address, "--data", scratch.path])
            #expect(set.status == 0, "\(set.stderr)")
        }
        let bad = try Binary.run(["learner", "email", "cem", "cem@example.org\r\nBcc: x@y.org", "--data", scratch.path])
        #expect(bad.status == 2, "\(bad.stderr)")
        let shown = try Binary.run(["learner", "email", "ben", "--data", scratch.path])
        #expect(shown.stdout == "ben@example.org\n")

        let folder = scratch.path + "/mail"
        let base = [
            "due", "--format", "mail", "--output", folder, "--as-of", Self.day(40), "--content", content, "--data",
            scratch.path,
        ]
        let nobody = try Binary.run(base, environment: Self.noConfig(scratch))
        #expect(nobody.status == 2)
        #expect(nobody.stderr.contains("--from ADDRESS"), "\(nobody.stderr)")
        let badFrom = try Binary.run(base + ["--from", "admin"], environment: Self.noConfig(scratch))
        #expect(badFrom.status == 2)
        let run = try Binary.run(
            base + ["--from", "Lernpfad <admin@example.org>"], environment: Self.noConfig(scratch))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote 2 messages to"), "\(run.stdout)")
        #expect(run.stderr.contains("no email for 1 learner with something due: cem"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/cem.eml") == false)

        for (id, language) in [("anna", "de"), ("ben", "en")] {
            let raw = try #require(FileManager.default.contents(atPath: folder + "/\(id).eml"))
            let text = String(decoding: raw, as: UTF8.self)
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF line ends only")
            let parsed = try Self.python(folder + "/\(id).eml")
            #expect(parsed["defects"] as? [String] == [], "\(parsed)")
            #expect(parsed["from"] as? String == "Lernpfad <admin@example.org>")
            #expect((parsed["to"] as? String)?.hasSuffix("<\(id)@example.org>") == true, "\(parsed)")
            #expect(parsed["bcc"] is NSNull, "no header from a name: \(parsed)")
            #expect(parsed["charset"] as? String == "utf-8")
            #expect(parsed["date"] as? Bool == true, "Date parses")
            #expect((parsed["messageID"] as? String)?.hasSuffix("@example.org>") == true)
            #expect(parsed["language"] as? String == language)
            let subject = try #require(parsed["subject"] as? String)
            let body = try #require(parsed["body"] as? String)
            if language == "de" {
                #expect(subject.contains("4 überfällig"), "\(subject)")
                #expect(body.hasPrefix("Hallo Anna Äpfel Bcc: evil@example.com,"), "\(body)")
                #expect(body.contains("(ai-basics): überfällig seit"), "\(body)")
            } else {
                #expect(subject.contains("4 overdue"), "\(subject)")
                #expect(parsed["toName"] as? String == "Ben \"B\" Smith", "\(parsed)")
                #expect(body.contains("(ai-basics): overdue for"), "\(body)")
            }
        }
    }

    /// The message as Python's `email` package reads it (policy `default`, strict about headers).
    private static func python(_ file: String) throws -> [String: Any] {
        let script = """
            import email, email.policy, email.utils, json, sys
            m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
            defects = [type(d).__name__ for d in m.defects]
            for h in ('From', 'To', 'Subject'):
                defects += [type(d).__name__ for d in m[h].defects]
            print(json.dumps({'from': str(m['From']), 'to': str(m['To']), 'subject': str(m['Subject']),
                'bcc': m['Bcc'], 'toName': m['To'].addresses[0].display_name, 'charset': m.get_content_charset(), 'body': m.get_content(),
                'date': email.utils.parsedate_to_datetime(m['Date']) is not None, 'messageID': m['Message-ID'],
                'language': m['Content-Language'], 'defects': defects}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    // MARK: status --short

    @Test func statusShortIsOneLine() throws {
        let scratch = Scratch()
        let empty = try Binary.run(["status", "--short", "--data", scratch.path])
        #expect(empty.status == 0)
        #expect(empty.stdout == "lernpfad: no learner yet; enrol with 'lernpfad learner add' or start 'lernpfad'\n")
        let content = try Self.contentWithDeadline(scratch)
        try Self.enrol("anna", content: content, in: scratch)
        let fresh = try Binary.run(["status", "--short", "--content", content, "--data", scratch.path])
        #expect(
            fresh.stdout == "lernpfad: nothing overdue · 0/4 modules done · next \(Self.day(30))\n", "\(fresh.stdout)")
        let late = try Binary.run([
            "status", "--short", "--as-of", Self.day(44), "--content", content, "--data", scratch.path,
        ])
        #expect(late.stdout.hasPrefix("lernpfad: 4 overdue (ai-basics, 1"), "\(late.stdout)")
        #expect(late.stdout.split(separator: "\n").count == 1)
    }
}
