import Foundation
import Testing

/// Tampering with a sealed data folder, on the real binary: every kind of change `lernpfad verify` names
/// (docs/evidence.md). The changes are made with Python, as someone editing the files by hand or by script would.
@Suite("Tampering on the real binary")
struct TamperTests {
    /// A data folder of three generated learners with quiz history, ben's sealing key and one seal.
    private final class SealedFolder {
        let scratch = Scratch()
        var data: String { scratch.path + "/data" }
        var environment: [String: String] { ["XDG_CONFIG_HOME": scratch.path + "/config", "HOME": scratch.path] }

        init(seal: Bool = true) throws {
            let generate = try Binary.run(
                ["dev", "generate-team", "--learners", "3", "--content", Binary.shippedContent, "--data", data])
            #expect(generate.status == 0, "\(generate.stderr)")
            let key = try run(["seal", "--init-key", "--by", "ben"])
            #expect(key.status == 0, "\(key.stderr)")
            if seal {
                let sealed = try run(["seal", "--by", "ben"])
                #expect(sealed.status == 0, "\(sealed.stderr)")
                #expect(sealed.stdout.hasPrefix("sealed 3 learners ("))
            }
        }

        func run(_ arguments: [String]) throws -> Binary.Run {
            try Binary.run(arguments + ["--data", data], environment: environment)
        }

        var file: String { data + "/learners/learner-00000.json" }

        /// Runs `code` with `record` bound to learner-00000's file and writes `record` back, as JSON.
        func python(_ code: String) throws {
            let script = """
                import json, sys, hashlib, uuid
                path = sys.argv[1]
                record = json.load(open(path, encoding="utf-8"))
                events = record["events"]
                def canonical(event):
                    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
                def rechain():
                    previous = "0" * 64
                    for index, event in enumerate(events):
                        event["prev"] = previous
                        event["seq"] = index
                        previous = hashlib.sha256(canonical(event)).hexdigest()
                    record["head"] = {"events": len(events), "hash": previous}
                def first(kind, passed):
                    return next(i for i, e in enumerate(events) if e["type"] == kind and e.get("passed") == passed)
                \(code)
                json.dump(record, open(path, "w", encoding="utf-8"), indent=2, ensure_ascii=False)
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, file]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }

        /// `lernpfad verify`, which must fail and name learner-00000 with `kind`; returns its first line.
        func brokenLine(_ kind: String) throws -> String {
            let verify = try run(["verify"])
            #expect(verify.status == 1, "\(verify.stdout)")
            let line = verify.stdout.split(separator: "\n").first.map(String.init) ?? ""
            #expect(line.hasPrefix("learner learner-00000: \(kind)"), "\(verify.stdout)")
            #expect(
                verify.stdout.split(separator: "\n").last?.hasPrefix("verify: BROKEN (1 break): 3 learners") == true)
            return line
        }
    }

    @Test func aSealedUntouchedFolderVerifiesCleanInOneLine() throws {
        let folder = try SealedFolder()
        let verify = try folder.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let lines = verify.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("verify: clean: 3 learners, ") == true)
        #expect(lines.first?.contains(", 1 seal (latest ") == true)
        #expect(lines.first?.contains(" by ben, 3 learners)") == true)
        #expect(verify.stderr.isEmpty)
        let json = try folder.run(["verify", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["clean"] as? Bool == true)
        #expect(object?["learnersChecked"] as? Int == 3)
        #expect((object?["seals"] as? [[String: Any]])?.first?["by"] as? String == "ben")
    }

    /// The chain recomputed by Python's json and hashlib from the file lernpfad wrote: the auditor's own check.
    @Test func anIndependentRecomputationAgreesWithTheChain() throws {
        let folder = try SealedFolder()
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = Binary.repository.appendingPathComponent("scripts/verify-chain.py").path
        let files = (0..<3).map { folder.data + "/learners/learner-0000\($0).json" }
        check.arguments = ["python3", script] + files
        let out = Pipe()
        check.standardOutput = out
        try check.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(text)")
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.split(separator: "\n").allSatisfy { $0.contains(": ok (") })
    }

    @Test func anEditedScoreIsNamed() throws {
        let folder = try SealedFolder()
        try folder.python(#"i = first("quizAttempted", False); events[i]["score"] = 1; events[i]["passed"] = True"#)
        let line = try folder.brokenLine("edited at event ")
        #expect(line.contains("was changed after it was written"))
    }

    @Test func aDeletedFailedAttemptIsNamed() throws {
        let folder = try SealedFolder()
        try folder.python(#"del events[first("quizAttempted", False)]"#)
        let line = try folder.brokenLine("removed at event ")
        #expect(line.contains("1 event removed"))
    }

    @Test func reorderedEventsAreNamed() throws {
        let folder = try SealedFolder()
        try folder.python("events[1], events[2] = events[2], events[1]")
        _ = try folder.brokenLine("reordered at event 1 ")
    }

    @Test func anEventInsertedBeforeTheSealIsNamed() throws {
        let folder = try SealedFolder()
        try folder.python(
            """
            forged = dict(events[first("quizAttempted", True)]); forged["id"] = str(uuid.uuid4()).upper()
            forged.pop("prev"); forged.pop("seq"); events.insert(2, forged)
            """)
        let line = try folder.brokenLine("inserted at event 2 ")
        #expect(line.contains("added by hand"))
    }

    /// A rewrite with a recomputed chain passes Python's own check, but not the seal.
    @Test func aRewrittenFileWithARecomputedChainIsCaughtByTheSeal() throws {
        let folder = try SealedFolder()
        try folder.python(
            #"i = first("quizAttempted", False); events[i]["score"] = 1; events[i]["passed"] = True; rechain()"#)
        let line = try folder.brokenLine("rewritten at event 0 ")
        #expect(line.contains("rewritten with a recomputed chain"))
    }

    /// Before the first seal a recomputed chain cannot be told from a real one: the documented limit.
    @Test func beforeTheFirstSealARecomputedChainPasses() throws {
        let folder = try SealedFolder(seal: false)
        try folder.python(#"del events[first("quizAttempted", False)]; rechain()"#)
        let verify = try folder.run(["verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("no seal yet, 3 not sealed yet"))
    }

    @Test func anEditedSealIsNamed() throws {
        let folder = try SealedFolder()
        let seals = try FileManager.default.contentsOfDirectory(atPath: folder.data + "/seals").filter {
            $0.hasSuffix(".json")
        }
        let path = folder.data + "/seals/" + (try #require(seals.first))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"events\" : ", with: "\"events\" : 1").write(
            toFile: path, atomically: true, encoding: .utf8)
        let verify = try folder.run(["verify"])
        #expect(verify.status == 1)
        #expect(verify.stdout.hasPrefix("seals: seal: "), "\(verify.stdout)")
        #expect(verify.stdout.contains("the signature does not match its content: the seal was changed"))
    }

    @Test func aSchemaOneFileIsAWarningNotABreak() throws {
        let folder = try SealedFolder()
        folder.scratch.write(
            "data/learners/old.json",
            #"{"schema": 1, "learner": {"id": "old", "name": "Old", "roles": ["staff"]}, "events": [], "review": {}}"#)
        let verify = try folder.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stderr == "warning: learner old: not chained yet (schema 1); its next save chains it\n")
        #expect(verify.stdout.contains("1 not chained yet"))
    }

    @Test func theKeyIsPrivateAndNeverReplacedWithoutForce() throws {
        let folder = try SealedFolder(seal: false)
        let keyPath = folder.scratch.path + "/config/lernpfad/seal-key"
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let key = try String(contentsOfFile: keyPath, encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: folder.data + "/seals/keys/ben.pub"))
        let again = try folder.run(["seal", "--init-key", "--by", "ben"])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("kept the sealing key of ben: "))
        #expect(try String(contentsOfFile: keyPath, encoding: .utf8) == key)
        let other = try folder.run(["seal", "--init-key", "--by", "carla"])
        #expect(other.status == 0)
        #expect(try String(contentsOfFile: keyPath, encoding: .utf8) == key)
        let forced = try folder.run(["seal", "--init-key", "--by", "ben", "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: keyPath, encoding: .utf8) != key)
    }

    @Test func sealingWithoutAKeyOrIdentityIsAOneLineError() throws {
        let scratch = Scratch()
        let environment = ["XDG_CONFIG_HOME": scratch.path + "/config", "HOME": scratch.path]
        let noIdentity = try Binary.run(["seal", "--data", scratch.path], environment: environment)
        #expect(noIdentity.status == 2)
        #expect(noIdentity.stderr == "lernpfad: who seals? pass --by ID or set 'identity' in config.yaml\n")
        let noKey = try Binary.run(["seal", "--by", "ben", "--data", scratch.path], environment: environment)
        #expect(noKey.status == 1)
        #expect(
            noKey.stderr.hasSuffix(
                "/config/lernpfad/seal-key: no sealing key; make one with 'lernpfad seal --init-key'\n"))
    }

    @Test func theTeamReportCanSeal() throws {
        let folder = try SealedFolder(seal: false)
        let report = try folder.run(
            [
                "team", "--format", "html", "--seal", "--by", "ben", "--content", Binary.shippedContent, "--output",
                folder.scratch.path + "/team.html",
            ])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr.contains("sealed 3 learners ("))
        let seals = try FileManager.default.contentsOfDirectory(atPath: folder.data + "/seals").filter {
            $0.hasSuffix(".json")
        }
        #expect(seals.count == 1)
        #expect(try folder.run(["verify"]).status == 0)
        let wrong = try folder.run(["team", "--format", "csv", "--seal", "--content", Binary.shippedContent])
        #expect(wrong.status == 2)
    }
}
