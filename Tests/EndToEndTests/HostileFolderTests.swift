import Foundation
import Testing

/// Issue 12, points 6-11, against the real binary: a data folder that other people, other tools and an
/// attacker write to. Every test here failed on the code before the fix it names.
@Suite("Hostile data folder on the real binary")
struct HostileFolderTests {
    /// `learners/mallory.json` is a copy of anna's file: its inner id is `anna`.
    private func folderWithACopiedFile() throws -> Scratch {
        let scratch = Scratch()
        let add = try Binary.run([
            "learner", "add", "anna", "--name", "Anna", "--roles", "staff", "--data", scratch.path,
        ])
        try #require(add.status == 0, "\(add.stderr)")
        let attest = try Binary.run(
            ["attest", "--learner", "anna", "--milestone", "team-kickoff", "--by", "ben", "--data", scratch.path])
        try #require(attest.status == 0, "\(attest.stderr)")
        try FileManager.default.copyItem(
            atPath: scratch.path + "/learners/anna.json", toPath: scratch.path + "/learners/mallory.json")
        return scratch
    }

    // MARK: 6. The file name is the learner id

    @Test func everyCommandRefusesAFileWhoseInnerIDIsAnotherLearner() throws {
        let scratch = try folderWithACopiedFile()
        let anna = scratch.read("learners/anna.json")
        let mallory = scratch.read("learners/mallory.json")
        let data = ["--data", scratch.path]
        let runs: [[String]] = [
            ["attest", "--learner", "mallory", "--milestone", "team-kickoff", "--by", "eve"],
            ["status", "--learner", "mallory"],
            ["export", "xapi", "--learner", "mallory"],
            ["snapshot", "--learner", "mallory", "--keys", "j,Enter"],
            ["sync", "--learner", "mallory", "--lrs", "http://127.0.0.1:9/xAPI/", "--write-batches", scratch.path],
            ["sync", "--all", "--lrs", "http://127.0.0.1:9/xAPI/", "--write-batches", scratch.path],
        ]
        for arguments in runs {
            let run = try Binary.run(
                arguments + data, environment: ["LERNPFAD_LRS_USER": "u", "LERNPFAD_LRS_PASSWORD": "p"])
            #expect(run.status == 1, "\(arguments): \(run.stdout)")
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("mallory.json"), "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("learner 'anna'"), "\(arguments): \(run.stderr)")
        }
        #expect(scratch.read("learners/anna.json") == anna, "a command wrote to anna's file for mallory")
        #expect(scratch.read("learners/mallory.json") == mallory)
        let team = try Binary.run(["team", "--format", "json"] + data)
        #expect(team.status == 0)
        #expect(team.stderr.contains("holds learner 'anna', not 'mallory'"), "\(team.stderr)")
    }

    @Test func aCopiedFileSendsNoStatementAsAnotherLearner() throws {
        let scratch = try folderWithACopiedFile()
        let data = ["--data", scratch.path]
        // A legitimate copy under its own id: same event ids, another learner.
        let text = try #require(scratch.read("learners/mallory.json").map { String(decoding: $0, as: UTF8.self) })
        scratch.write("learners/mallory.json", text.replacingOccurrences(of: "\"anna\"", with: "\"mallory\""))
        let batches = scratch.path + "/batches"
        try FileManager.default.createDirectory(atPath: batches, withIntermediateDirectories: true)
        let run = try Binary.run(
            ["sync", "--all", "--lrs", "http://127.0.0.1:9/xAPI/", "--write-batches", batches] + data,
            environment: ["LERNPFAD_LRS_USER": "u", "LERNPFAD_LRS_PASSWORD": "p"])
        #expect(run.status == 0, "\(run.stderr)")
        var byActor: [String: Set<String>] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: batches) {
            let body = try #require(FileManager.default.contents(atPath: batches + "/" + file))
            for statement in try #require(try JSONSerialization.jsonObject(with: body) as? [[String: Any]]) {
                let actor = (statement["actor"] as? [String: Any])?["account"] as? [String: Any]
                let name = try #require(actor?["name"] as? String)
                byActor[name, default: []].insert(try #require(statement["id"] as? String))
            }
        }
        #expect(byActor.keys.sorted() == ["anna", "mallory"])
        #expect(byActor["anna"]?.isDisjoint(with: byActor["mallory"] ?? []) == true, "copied ids collide at the LRS")
    }

    // MARK: 7. Ids with a leading dot, names shaped like temp files

    @Test func aLearnerShapedLikeATempFileIsRefusedAndNoLearnerFileIsCleanedUp() throws {
        let scratch = Scratch()
        let data = ["--data", scratch.path]
        let refused = try Binary.run(
            ["learner", "add", ".x.json.tmp-99999999-1", "--name", "X", "--roles", "staff"] + data)
        #expect(refused.status == 2, "\(refused.stdout)")
        #expect(refused.stderr.contains("invalid learner id"))
        let hidden = try Binary.run(["learner", "add", ".hidden", "--name", "H", "--roles", "staff"] + data)
        #expect(hidden.status == 2)
        _ = try Binary.run(["learner", "add", "x", "--name", "X", "--roles", "staff"] + data)
        // A learner file an older version made for the id '.x.json.tmp-99999999-1', and a real leftover.
        let victim = try #require(scratch.read("learners/x.json").map { String(decoding: $0, as: UTF8.self) })
        scratch.write("learners/.x.json.tmp-99999999-1.json", victim)
        scratch.write("learners/.x.json.tmp-99999999-2", "half")
        let session = try Binary.run(["snapshot", "--learner", "x"] + data)
        #expect(session.status == 0, "\(session.stderr)")
        #expect(scratch.read("learners/.x.json.tmp-99999999-1.json") != nil, "another learner's file was deleted")
        #expect(scratch.read("learners/.x.json.tmp-99999999-2") == nil)
        let team = try Binary.run(["team", "--format", "csv"] + data)
        #expect(team.stderr.contains(".x.json.tmp-99999999-1.json"), "a hidden learner file must not be invisible")
    }
}
