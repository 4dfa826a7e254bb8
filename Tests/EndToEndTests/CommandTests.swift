import Foundation
import Testing

@Suite("Commands on the real binary")
struct CommandTests {
    @Test func shippedContentValidatesClean() throws {
        let run = try Binary.run(["validate", "--content", Binary.shippedContent])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasSuffix("0 error(s), 0 warning(s); 11 module(s) loaded\n"))
    }

    @Test func brokenCopyFailsWithALocatedError() throws {
        let scratch = Scratch()
        let content = scratch.copyOfShippedContent()
        let quiz = content + "/modules/ai-basics/quiz.yaml"
        var text = try String(contentsOfFile: quiz, encoding: .utf8)
        text = text.replacingOccurrences(of: "pass_mark:", with: "pass_makr:")
        try text.write(toFile: quiz, atomically: true, encoding: .utf8)
        let run = try Binary.run(["validate", "--content", content])
        #expect(run.status == 1)
        #expect(run.stdout.contains("modules/ai-basics/quiz.yaml:2:1: error: unknown field 'pass_makr' in quiz.yaml"))
        #expect(run.stdout.contains("skipped: ai-basics"))
    }

    @Test func validateSpeaksJSON() throws {
        let run = try Binary.run(["validate", "--content", Binary.shippedContent, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 0)
        #expect(object?["modules"] as? Int == 11)
    }

    @Test func learnerAddAttestAndStatusRoundTrip() throws {
        let scratch = Scratch()
        let data = ["--data", scratch.path]
        let add = try Binary.run(
            [
                "learner", "add", "anna", "--name", "Anna Beispiel", "--team", "marketing", "--roles",
                "staff,ambassador",
                "--language", "de",
            ] + data)
        #expect(add.status == 0, "\(add.stderr)")
        let attest = try Binary.run(
            ["attest", "--learner", "anna", "--milestone", "team-kickoff", "--by", "ben", "--note", "Kick-off 3.11."]
                + data)
        #expect(attest.status == 0, "\(attest.stderr)")
        let status = try Binary.run(["status", "--learner", "anna", "--format", "json"] + data)
        #expect(status.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let paths = report?["paths"] as? [[String: Any]]
        #expect(paths?.map { $0["role"] as? String } == ["staff", "ambassador"])
        let milestones = paths?.first?["milestones"] as? [[String: Any]]
        #expect(milestones?.first?["state"] as? String == "completed")
        #expect(milestones?.first?["attestedBy"] as? String == "ben")
        let file = try #require(scratch.read("learners/anna.json"))
        let record = try JSONSerialization.jsonObject(with: file) as? [String: Any]
        let events = record?["events"] as? [[String: Any]]
        // The enrolment is one roleAdded event per role, then the attestation.
        #expect(events?.map { $0["type"] as? String } == ["roleAdded", "roleAdded", "attested"])
        #expect(events?.map { $0["role"] as? String } == ["staff", "ambassador", nil])
        #expect(events?.last?["note"] as? String == "Kick-off 3.11.")
        #expect(events?.last?["by"] as? String == "ben")
        let text = try Binary.run(["status"] + data)
        #expect(text.stdout.contains("milestone team-kickoff: attested"))
        #expect(text.stdout.contains("0/4 modules"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let scratch = Scratch()
        let unknownRole = try Binary.run(
            ["learner", "add", "anna", "--name", "A", "--roles", "wizard", "--data", scratch.path])
        #expect(unknownRole.status == 2)
        #expect(unknownRole.stderr.contains("unknown role 'wizard'"))
        let badID = try Binary.run([
            "learner", "add", "../x", "--name", "A", "--roles", "staff", "--data", scratch.path,
        ])
        #expect(badID.status == 2)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/learners"))
        let unknownFlag = try Binary.run(["status", "--frobnicate"])
        #expect(unknownFlag.status == 2)
    }

    @Test func missingLearnerFailsWithOneLine() throws {
        let scratch = Scratch()
        let run = try Binary.run(["status", "--learner", "nobody", "--data", scratch.path])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("no learner 'nobody'"))
    }

    @Test func corruptedLearnerFileIsNeverOverwritten() throws {
        let scratch = Scratch()
        _ = try Binary.run(["learner", "add", "anna", "--name", "Anna", "--roles", "staff", "--data", scratch.path])
        scratch.write("learners/anna.json", "{\"schema\": 1, \"learner\": ")
        let before = scratch.read("learners/anna.json")
        let run = try Binary.run(
            ["attest", "--learner", "anna", "--milestone", "team-kickoff", "--by", "ben", "--data", scratch.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("learners/anna.json: cannot read learner file"))
        #expect(scratch.read("learners/anna.json") == before)
    }

    @Test func newModuleScaffoldValidatesWithOnlyTodoWarnings() throws {
        let scratch = Scratch()
        let content = scratch.copyOfShippedContent()
        let new = try Binary.run(["new", "module", "prompting-basics", "--content", content])
        #expect(new.status == 0, "\(new.stderr)")
        let run = try Binary.run(["validate", "--content", content])
        #expect(run.status == 0)
        let findings = run.stdout.split(separator: "\n").dropLast()
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.contains("warning: TODO") })
    }

    @Test func orgRulesTemplateScaffoldsTheFiveRulesAndSuggestsTheMilestone() throws {
        let scratch = Scratch()
        let content = scratch.copyOfShippedContent()
        let new = try Binary.run(["new", "module", "our-ai-rules", "--template", "org-rules", "--content", content])
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout.contains("org-rules-acknowledged"))
        let lessons = try FileManager.default.contentsOfDirectory(atPath: content + "/modules/our-ai-rules")
            .filter { $0.hasSuffix(".en.md") }.sorted()
        #expect(
            lessons == [
                "01-approved-tools.en.md", "02-data-never-in-prompts.en.md", "03-labelling-ai-content.en.md",
                "04-who-to-ask.en.md", "05-reporting-incidents.en.md",
            ])
        let run = try Binary.run(["validate", "--content", content])
        #expect(run.status == 0, "\(run.stdout)")
        let findings = run.stdout.split(separator: "\n").dropLast()
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.contains("our-ai-rules") && $0.contains("warning: TODO") }, "\(findings)")
        let wrong = try Binary.run(["new", "module", "x-rules", "--template", "org", "--content", content])
        #expect(wrong.status == 2)
    }

    @Test func catalogPrintsTheCourseNotice() throws {
        let run = try Binary.run(["catalog", "--content", Binary.shippedContent])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count > 2)
        #expect(lines[1].hasPrefix("note: Dieser Kurs ist eine Schulung und keine Rechtsberatung."))
    }

    @Test func catalogListsEveryModule() throws {
        let run = try Binary.run(["catalog", "--content", Binary.shippedContent, "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((report?["modules"] as? [Any])?.count == 11)
        #expect(
            (report?["paths"] as? [[String: Any]])?.map { $0["role"] as? String } == [
                "staff", "ambassador", "leader", "ai-manager",
            ])
    }
}

@Suite("Store under several processes")
struct StoreProcessTests {
    @Test func twoProcessesAppendingLoseNothing() throws {
        let scratch = Scratch()
        _ = try Binary.run(["learner", "add", "anna", "--name", "Anna", "--roles", "staff", "--data", scratch.path])
        let count = 150
        let writers = try ["a", "b"].map { tag in
            try Binary.start(
                [
                    "dev", "append-events", "--learner", "anna", "--count", "\(count)", "--tag", tag, "--data",
                    scratch.path,
                ])
        }
        for (process, pipe) in writers {
            _ = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let record = try JSONSerialization.jsonObject(with: scratch.read("learners/anna.json")!) as? [String: Any]
        let lessons = Set(((record?["events"] as? [[String: Any]]) ?? []).compactMap { $0["lesson"] as? String })
        #expect(lessons.count == 2 * count)
        #expect(lessons.contains("a-\(count - 1)") && lessons.contains("b-\(count - 1)"))
    }

    @Test func aCrashBeforeTheRenameLeavesTheOldFileIntact() throws {
        let scratch = Scratch()
        _ = try Binary.run(["learner", "add", "anna", "--name", "Anna", "--roles", "staff", "--data", scratch.path])
        let before = scratch.read("learners/anna.json")
        let crash = try Binary.run(["dev", "crash-before-rename", "--learner", "anna", "--data", scratch.path])
        #expect(crash.status == 137)
        #expect(scratch.read("learners/anna.json") == before)
        let status = try Binary.run(["status", "--learner", "anna", "--data", scratch.path])
        #expect(status.status == 0)
    }
}

@Suite("Team commands on the real binary")
struct TeamCommandTests {
    @Test func teamReportSkipsBrokenFilesAndNamesThem() throws {
        let scratch = Scratch()
        let generate = try Binary.run([
            "dev", "generate-team", "--learners", "30", "--seed", "7", "--data", scratch.path,
        ])
        #expect(generate.status == 0, "\(generate.stderr)")
        scratch.write("learners/broken.json", "{\"schema\": 1, \"learner\": ")
        scratch.write("learners/future.json", "{\"schema\": 99}")
        let before = scratch.read("learners/broken.json")
        let json = try Binary.run(["team", "--format", "json", "--as-of", "2026-11-20", "--data", scratch.path])
        #expect(json.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((report?["learners"] as? [Any])?.count == 30)
        let skipped = (report?["skipped"] as? [[String: Any]])?.compactMap { $0["file"] as? String } ?? []
        #expect(skipped.map { ($0 as NSString).lastPathComponent } == ["broken.json", "future.json"])
        #expect(json.stderr.contains("skipped"))
        #expect(scratch.read("learners/broken.json") == before)
        let table = try Binary.run(["team", "--data", scratch.path, "--team", "hr"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("team hr"))
    }

    @Test func generatedTeamsAreDeterministic() throws {
        let first = Scratch()
        let second = Scratch()
        for scratch in [first, second] {
            _ = try Binary.run(["dev", "generate-team", "--learners", "5", "--seed", "3", "--data", scratch.path])
        }
        let a = try Binary.run(["team", "--format", "csv", "--as-of", "2026-11-20", "--data", first.path])
        let b = try Binary.run(["team", "--format", "csv", "--as-of", "2026-11-20", "--data", second.path])
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.split(separator: "\r\n").count >= 6)
    }

    /// The bench's curl baseline posts these bodies, so they must be exactly what sync would send.
    @Test func syncCanWriteItsBatchesInsteadOfSendingThem() throws {
        let scratch = Scratch()
        _ = try Binary.run(["dev", "generate-team", "--learners", "4", "--seed", "2", "--data", scratch.path])
        let folder = scratch.path + "/batches"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let run = try Binary.run(
            [
                "sync", "--all", "--lrs", "http://127.0.0.1:9/xAPI/", "--batch", "40", "--data", scratch.path,
                "--write-batches", folder,
            ], environment: ["LERNPFAD_LRS_USER": "u", "LERNPFAD_LRS_PASSWORD": "p"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        var ids: [String] = []
        for file in files {
            let data = try #require(FileManager.default.contents(atPath: folder + "/" + file))
            let batch = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            #expect(batch.count <= 40)
            ids += batch.compactMap { $0["id"] as? String }
        }
        #expect(files.count >= 2, "four learners should fill more than one batch of 40")
        #expect(Set(ids).count == ids.count)
        #expect(run.stdout.hasPrefix("wrote \(ids.count) statement(s)"))
        var exported: [String] = []
        for learner in (0..<4).map({ String(format: "learner-%05d", $0) }) {
            let export = try Binary.run(["export", "xapi", "--learner", learner, "--data", scratch.path])
            let list = try #require(
                try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
            exported += list.compactMap { $0["id"] as? String }
        }
        #expect(ids == exported)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/sync"), "nothing was acknowledged")
    }

    @Test func forgetAsksAndThenDeletes() throws {
        let scratch = Scratch()
        _ = try Binary.run(["learner", "add", "anna", "--name", "Anna", "--roles", "staff", "--data", scratch.path])
        let refused = try Binary.run(["forget", "--learner", "anna", "--data", scratch.path], stdin: "no\n")
        #expect(refused.status == 1)
        #expect(scratch.read("learners/anna.json") != nil)
        let confirmed = try Binary.run(["forget", "--learner", "anna", "--data", scratch.path], stdin: "yes\n")
        #expect(confirmed.status == 0)
        #expect(scratch.read("learners/anna.json") == nil)
        #expect(confirmed.stdout.contains("Learning Record Store"))
        let again = try Binary.run(["forget", "--learner", "anna", "--yes", "--data", scratch.path])
        #expect(again.status == 1)
    }
}

@Suite("Readers during writes")
struct ReadDuringWriteTests {
    @Test func aTeamViewReadWhileALearnerWritesNeverSeesHalfAFile() throws {
        let scratch = Scratch()
        _ = try Binary.run(["dev", "generate-team", "--learners", "3", "--data", scratch.path])
        let writer = try Binary.start(
            ["dev", "append-events", "--learner", "learner-00000", "--count", "300", "--data", scratch.path])
        var reads = 0
        while writer.0.isRunning || reads < 3 {
            let team = try Binary.run(["team", "--format", "json", "--data", scratch.path])
            #expect(team.status == 0)
            let report = try JSONSerialization.jsonObject(with: Data(team.stdout.utf8)) as? [String: Any]
            #expect((report?["skipped"] as? [Any])?.isEmpty ?? true, "\(team.stderr)")
            #expect((report?["learners"] as? [Any])?.count == 3)
            reads += 1
        }
        _ = writer.1.fileHandleForReading.readDataToEndOfFile()
        writer.0.waitUntilExit()
        #expect(writer.0.terminationStatus == 0)
        #expect(reads >= 3)
    }
}

@Suite("Crash safety")
struct CrashSafetyTests {
    /// Kills a writer with SIGKILL at varying moments; each time the file must decode and hold every
    /// event whose id the writer printed (it prints an id only once its save is durable).
    @Test(arguments: [40, 90, 160, 260])
    func sigkillDuringSavesLosesNoAcknowledgedEvent(afterMilliseconds delay: Int) throws {
        let scratch = Scratch()
        _ = try Binary.run(["learner", "add", "anna", "--name", "Anna", "--roles", "staff", "--data", scratch.path])
        let (process, pipe) = try Binary.start(
            ["dev", "append-events", "--learner", "anna", "--count", "1000", "--data", scratch.path])
        usleep(useconds_t(delay * 1000))
        kill(process.processIdentifier, SIGKILL)
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let acknowledged = Set(printed.split(separator: "\n").map { $0.lowercased() })
        #expect(acknowledged.count < 1000, "the kill came after the last save; nothing was tested")
        let status = try Binary.run(["status", "--learner", "anna", "--format", "json", "--data", scratch.path])
        #expect(status.status == 0, "the file no longer decodes: \(status.stderr)")
        let data = try #require(scratch.read("learners/anna.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let stored = Set(
            ((record["events"] as? [[String: Any]]) ?? []).compactMap { ($0["id"] as? String)?.lowercased() })
        #expect(
            acknowledged.isSubset(of: stored), "\(acknowledged.subtracting(stored).count) acknowledged event(s) lost")
        // The next session clears what the killed writer left behind.
        _ = try Binary.run(["snapshot", "--learner", "anna", "--data", scratch.path])
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path + "/learners")) ?? []
        #expect(leftovers.sorted() == ["anna.json", "anna.json.lock"])
    }
}
