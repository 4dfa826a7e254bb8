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

    // MARK: 8. The shared folder as several people use it

    /// Runs the binary as user `uid` with the supplementary groups `groups` (root only, through setpriv: no
    /// account is made); as anyone else, runs it as this user.
    static func run(_ arguments: [String], uid: uid_t? = nil, groups: [gid_t] = []) throws -> Binary.Run {
        guard let uid, geteuid() == 0 else { return try Binary.run(arguments) }
        let setpriv = [
            "--reuid=\(uid)", "--regid=\(groups.first ?? uid)",
            groups.isEmpty ? "--clear-groups" : "--groups=" + groups.map(String.init).joined(separator: ","), "--",
            Binary.path,
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = setpriv + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LERNPFAD_DATA"] = nil
        environment["HOME"] = "/nonexistent"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Binary.Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func status(_ path: String) -> stat {
        var status = stat()
        lstat(path, &status)
        return status
    }

    @Test func aMissingDataFolderIsAnErrorNotAnEmptyReport() throws {
        let scratch = Scratch()
        let missing = ["--data", scratch.path + "/typo"]
        for arguments in [
            ["team"], ["team", "--format", "json"], ["learner", "list"], ["status"],
            ["sync", "--all", "--lrs", "http://127.0.0.1:9/xAPI/", "--write-batches", scratch.path],
        ] {
            let run = try Binary.run(
                arguments + missing, environment: ["LERNPFAD_LRS_USER": "u", "LERNPFAD_LRS_PASSWORD": "p"])
            #expect(run.status == 1, "\(arguments): \(run.stdout)")
            #expect(run.stderr.contains(scratch.path + "/typo: no such folder"), "\(arguments): \(run.stderr)")
            #expect(!run.stdout.contains("0 learner(s)"), "\(arguments)")
        }
    }

    /// Two learners and an ambassador, three accounts, one group; a fourth account outside the group.
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aSharedFolderWorksForSeveralAccountsAndStaysClosedToOthers() throws {
        let scratch = Scratch()
        let team = scratch.path + "/team"
        let group: gid_t = 40_000
        let (anna, ben, ambassador, outsider): (uid_t, uid_t, uid_t, uid_t) = (40_001, 40_002, 40_003, 40_004)
        let data = ["--data", team]
        // Set up by hand, as an administrator would without 'lernpfad init': the group's folder, setgid.
        try #require(mkdir(team, 0o700) == 0 && chown(team, 0, group) == 0 && chmod(team, 0o2770) == 0)
        for (uid, id) in [(anna, "anna"), (ben, "ben")] {
            let add = try Self.run(
                ["learner", "add", id, "--name", id, "--roles", "staff"] + data, uid: uid, groups: [group])
            #expect(add.status == 0, "\(id): \(add.stderr)")
            #expect(Self.status(team + "/learners").st_mode & 0o7777 == 0o2770)
            let file = Self.status(team + "/learners/\(id).json")
            #expect(file.st_uid == uid && file.st_gid == group && file.st_mode & 0o7777 == 0o640, "\(id)")
            #expect(Self.status(team + "/learners/\(id).json.lock").st_mode & 0o7777 == 0o660)
        }
        // The ambassador attests for anna: her file is replaced by one the ambassador owns, still the group's.
        let attest = try Self.run(
            ["attest", "--learner", "anna", "--milestone", "team-kickoff", "--by", "amb"] + data, uid: ambassador,
            groups: [group])
        #expect(attest.status == 0, "\(attest.stderr)")
        #expect(Self.status(team + "/learners/anna.json").st_mode & 0o7777 == 0o640)
        // Anna carries on with her own file, now owned by the ambassador.
        let again = try Self.run(
            ["attest", "--learner", "anna", "--milestone", "team-kickoff", "--by", "anna"] + data, uid: anna,
            groups: [group])
        #expect(again.status == 0, "\(again.stderr)")
        let view = try Self.run(["team", "--format", "json"] + data, uid: ambassador, groups: [group])
        #expect(view.status == 0, "\(view.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(view.stdout.utf8)) as? [String: Any]
        #expect((report?["learners"] as? [Any])?.count == 2)
        #expect(view.stdout.contains("team-kickoff") || view.stdout.contains("\"anna\""))
        // Someone outside the group sees an error, never "0 learner(s)".
        for arguments in [["team"], ["learner", "list"], ["status"], ["status", "--learner", "anna"]] {
            let run = try Self.run(arguments + data, uid: outsider)
            #expect(run.status == 1, "\(arguments): \(run.stdout)")
            #expect(run.stderr.contains("Permission denied"), "\(arguments): \(run.stderr)")
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root reads any folder; the test above covers it with another account"))
    func anUnreadableFolderIsAnErrorNotAnEmptyReport() throws {
        let scratch = Scratch()
        _ = try Binary.run(["learner", "add", "anna", "--name", "A", "--roles", "staff", "--data", scratch.path])
        chmod(scratch.path + "/learners", 0)
        defer { chmod(scratch.path + "/learners", 0o700) }
        for arguments in [["team"], ["learner", "list"], ["status"]] {
            let run = try Binary.run(arguments + ["--data", scratch.path])
            #expect(run.status == 1, "\(arguments): \(run.stdout)")
            #expect(run.stderr.contains("Permission denied"), "\(arguments): \(run.stderr)")
        }
    }

    @Test func initSetsUpAPersonalOrASharedFolder() throws {
        let scratch = Scratch()
        let personal = try Binary.run(["init", "--data", scratch.path + "/mine"])
        #expect(personal.status == 0, "\(personal.stderr)")
        #expect(Self.status(scratch.path + "/mine/learners").st_mode & 0o7777 == 0o700)
        let group = getegid()
        let shared = try Binary.run(["init", "--shared", scratch.path + "/team", "--group", "\(group)"])
        #expect(shared.status == 0, "\(shared.stderr)")
        #expect(Self.status(scratch.path + "/team/sync").st_mode & 0o7777 == 0o2770)
        let add = try Binary.run(
            ["learner", "add", "anna", "--name", "A", "--roles", "staff", "--data", scratch.path + "/team"])
        #expect(add.status == 0)
        #expect(Self.status(scratch.path + "/team/learners/anna.json").st_mode & 0o7777 == 0o640)
        let noGroup = try Binary.run(["init", "--shared", scratch.path + "/other"])
        #expect(noGroup.status == 2)
        let unknown = try Binary.run(["init", "--shared", scratch.path + "/other", "--group", "no-such-group-x"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no group 'no-such-group-x'"))
    }

    // MARK: 9. FIFOs and other non-regular files

    /// Runs the binary and waits at most 20 s for it to end; on time-out it is killed and nil returned.
    static func runWithDeadline(_ arguments: [String]) throws -> Binary.Run? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LERNPFAD_DATA"] = nil
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        if ended.wait(timeout: .now() + 20) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
            return nil
        }
        return Binary.Run(
            status: process.terminationStatus,
            stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test func aFIFOInTheLearnersFolderHangsNoCommand() throws {
        let scratch = Scratch()
        let data = ["--data", scratch.path]
        _ = try Binary.run(["learner", "add", "anna", "--name", "Anna", "--roles", "staff"] + data)
        _ = try Binary.run(["learner", "add", "ben", "--name", "Ben", "--roles", "staff"] + data)
        try #require(mkfifo(scratch.path + "/learners/x.json", 0o600) == 0)
        let team = try #require(try Self.runWithDeadline(["team"] + data), "team hung on a FIFO")
        #expect(team.status == 0)
        #expect(team.stdout.contains("2 learner(s)"), "\(team.stdout)")
        #expect(team.stdout.contains("x.json") || team.stderr.contains("x.json"), "the FIFO must be named")
        #expect((team.stdout + team.stderr).contains("a FIFO"))
        let list = try #require(try Self.runWithDeadline(["learner", "list"] + data), "learner list hung")
        #expect(list.status == 0)
        #expect(list.stderr.contains("x.json: a FIFO, not a regular file"), "\(list.stderr)")
        let status = try #require(try Self.runWithDeadline(["status", "--learner", "x"] + data), "status hung")
        #expect(status.status == 1)
        #expect(status.stderr.contains("x.json: is a FIFO, not a regular file"), "\(status.stderr)")
        // The TUI picker lists the learners of the folder: it must come up, without the FIFO.
        let picker = try #require(try Self.runWithDeadline(["snapshot", "--no-save"] + data), "the TUI picker hung")
        #expect(picker.status == 0, "\(picker.stderr)")
        #expect(picker.stdout.contains("anna") && picker.stdout.contains("ben"), "\(picker.stdout)")
        let alone = Scratch()
        _ = try Binary.run(["learner", "add", "anna", "--name", "Anna", "--roles", "staff", "--data", alone.path])
        try #require(mkfifo(alone.path + "/learners/x.json", 0o600) == 0)
        let only = try #require(try Self.runWithDeadline(["status", "--data", alone.path]), "status hung")
        #expect(only.status == 0, "a FIFO is no second learner: \(only.stderr)")
    }

    // MARK: 10. Links, FIFOs and devices in place of locks, learner files and outputs

    @Test func aLinkedLockMakesNoFileAndALinkedLearnerFileIsNotReplaced() throws {
        let scratch = Scratch()
        let data = ["--data", scratch.path]
        _ = try Binary.run(["learner", "add", "anna", "--name", "Anna", "--roles", "staff"] + data)
        let lock = scratch.path + "/learners/anna.json.lock"
        unlink(lock)
        symlink(scratch.path + "/planted", lock)
        let attest = try Binary.run(
            ["attest", "--learner", "anna", "--milestone", "team-kickoff", "--by", "amb"] + data)
        #expect(attest.status == 1)
        #expect(attest.stderr.contains("anna.json.lock: is a symbolic link"), "\(attest.stderr)")
        #expect(scratch.read("planted") == nil, "the store created a file at the lock's target")
        unlink(lock)
        // anna.json as a link to a world-writable file elsewhere: never replaced by a file with that mode.
        let file = scratch.path + "/learners/anna.json"
        try FileManager.default.moveItem(atPath: file, toPath: scratch.path + "/outside.json")
        chmod(scratch.path + "/outside.json", 0o666)
        symlink(scratch.path + "/outside.json", file)
        let again = try Binary.run(
            ["attest", "--learner", "anna", "--milestone", "team-kickoff", "--by", "amb"] + data)
        #expect(again.status == 1)
        #expect(Self.status(file).st_mode & S_IFMT == S_IFLNK, "the link was replaced by a regular file")
    }

    @Test func teamOutputRefusesLinksFIFOsAndDevicesAndKeepsReportsPrivate() throws {
        let scratch = Scratch()
        let data = ["--data", scratch.path]
        _ = try Binary.run(["learner", "add", "anna", "--name", "Anna", "--roles", "staff"] + data)
        let target = scratch.path + "/precious"
        scratch.write("precious", "keep me")
        symlink(target, scratch.path + "/link.csv")
        let link = try Binary.run(["team", "--format", "csv", "--output", scratch.path + "/link.csv"] + data)
        #expect(link.status == 1)
        #expect(link.stderr.contains("link.csv: is a symbolic link"), "\(link.stderr)")
        #expect(scratch.read("precious").map { String(decoding: $0, as: UTF8.self) } == "keep me")
        #expect(Self.status(scratch.path + "/link.csv").st_mode & S_IFMT == S_IFLNK)
        try #require(mkfifo(scratch.path + "/fifo.csv", 0o600) == 0)
        let fifo = try #require(
            try Self.runWithDeadline(["team", "--format", "csv", "--output", scratch.path + "/fifo.csv"] + data),
            "team --output hung on a FIFO")
        #expect(fifo.status == 1)
        #expect(Self.status(scratch.path + "/fifo.csv").st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        if geteuid() == 0 {
            // A private /dev/full (1:7): as root the old code replaced the real one by a regular file.
            let device = scratch.path + "/full"
            try #require(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0)
            let run = try Binary.run(["team", "--output", device] + data)
            #expect(run.status == 1)
            #expect(Self.status(device).st_mode & S_IFMT == S_IFCHR, "the device was replaced")
        }
        let report = try Binary.run(["team", "--format", "html", "--output", scratch.path + "/report.html"] + data)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(Self.status(scratch.path + "/report.html").st_mode & 0o777 == 0o600)
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains(".tmp-") }
        #expect(names.isEmpty)
    }

    // MARK: 11. Fields this version does not know

    @Test func attestAndTheTUIKeepFieldsOfANewerVersion() throws {
        let scratch = Scratch()
        let data = ["--data", scratch.path]
        _ = try Binary.run(["learner", "add", "anna", "--name", "Anna", "--roles", "staff"] + data)
        let file = scratch.path + "/learners/anna.json"
        var top = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        top["signature"] = ["alg": "ed25519", "value": "c2lnbmVk"]
        var learner = try #require(top["learner"] as? [String: Any])
        learner["department"] = "R&D"
        top["learner"] = learner
        top["events"] = [
            [
                "id": "2f0c8a4e-1b7d-4c53-9d2e-6a1f0b3c4d51", "at": "2026-05-01T10:00:00.000Z", "type": "lessonOpened",
                "module": "ai-basics", "lesson": "01-what-is-ai", "device": "tablet",
            ]
        ]
        try JSONSerialization.data(withJSONObject: top).write(to: URL(fileURLWithPath: file))
        let attest = try Binary.run(
            ["attest", "--learner", "anna", "--milestone", "team-kickoff", "--by", "amb"] + data)
        #expect(attest.status == 0, "\(attest.stderr)")
        let session = try Binary.run(["snapshot", "--learner", "anna", "--keys", "Enter,Enter,j,Enter"] + data)
        #expect(session.status == 0, "\(session.stderr)")
        let saved = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        #expect((saved["signature"] as? [String: String])?["alg"] == "ed25519", "the first save dropped a field")
        #expect((saved["learner"] as? [String: Any])?["department"] as? String == "R&D")
        let events = try #require(saved["events"] as? [[String: Any]])
        #expect(events.count >= 2)
        #expect(events.first?["device"] as? String == "tablet")
    }
}
