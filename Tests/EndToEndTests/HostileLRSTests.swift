import Foundation
import Testing

/// `sync` and `team --lrs` against a scripted fake LRS on loopback (issue 12, points 1–5): nothing is counted as
/// sent that the LRS did not store, credentials never leave the endpoint's origin, and no answer can hang,
/// flood or steer the terminal.
@Suite("Hostile LRS")
struct HostileLRSTests {
    /// A data folder with a few learners and their statements, and an environment without the user's config.
    final class Setup {
        let scratch = Scratch()
        var data: String { scratch.path + "/data" }
        var environment: [String: String] {
            ["LERNPFAD_LRS_USER": "lernpfad", "LERNPFAD_LRS_PASSWORD": "s3cret", "XDG_CONFIG_HOME": scratch.path]
        }

        init(learners: Int = 3) throws {
            let made = try Binary.run([
                "dev", "generate-team", "--learners", String(learners), "--seed", "4", "--data", data,
            ])
            #expect(made.status == 0, "\(made.stderr)")
        }

        /// Every statement id of every learner, in export order.
        func statementIDs() throws -> [String] {
            var ids: [String] = []
            for learner in try FileManager.default.contentsOfDirectory(atPath: data + "/learners").sorted()
            where learner.hasSuffix(".json") {
                let id = String(learner.dropLast(5))
                let export = try Binary.run(["export", "xapi", "--learner", id, "--data", data])
                let list = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]] ?? []
                ids += list.compactMap { $0["id"] as? String }
            }
            return ids
        }

        /// The ids acknowledged for `url` across all ledgers.
        func acknowledged(_ url: String) -> Set<String> {
            let folder = data + "/sync"
            var ids = Set<String>()
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                guard let bytes = FileManager.default.contents(atPath: folder + "/" + file),
                    let ledger = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any],
                    let acknowledged = ledger["acknowledged"] as? [String: [String]]
                else { continue }
                ids.formUnion(acknowledged[url] ?? [])
            }
            return ids
        }

        func sync(_ lrs: FakeLRS, _ extra: [String] = []) throws -> Binary.Run {
            try Binary.run(["sync", "--all", "--lrs", lrs.url, "--data", data] + extra, environment: environment)
        }

        func team(_ lrs: FakeLRS, _ extra: [String] = []) throws -> Binary.Run {
            try Binary.run(
                ["team", "--format", "json", "--lrs", lrs.url, "--data", data] + extra, environment: environment)
        }
    }

    /// Bytes that must never reach a terminal: C0 controls but line feed, DEL, C1 controls, bidi overrides.
    static func rawControls(in text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { value in
            (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
        }
    }

    // MARK: 1. Redirects

    static let redirects: [(Int, String)] = [301, 302, 303, 307, 308].flatMap { code in
        ["same", "localhost", "other"].map { (code, $0) }
    }

    @Test(arguments: redirects)
    func syncFollowsNoRedirectAndAcknowledgesNothing(code: Int, target: String) throws {
        let setup = try Setup(learners: 2)
        let lrs = try FakeLRS(["--redirect", "\(code):\(target)"])
        let run = try setup.sync(lrs)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains("sent"), "nothing counts as sent: \(run.stdout)")
        #expect(run.stderr.contains("redirects (HTTP \(code))"), "\(run.stderr)")
        #expect(run.stderr.contains("127.0.0.1:\(lrs.port)/xAPI/statements"), "names the URL asked: \(run.stderr)")
        let targets = [
            "same": "127.0.0.1:\(lrs.port)/moved/", "localhost": "localhost:\(lrs.port)/",
            "other": ":\(lrs.otherPort)/",
        ]
        let expectedTarget = try #require(targets[target])
        #expect(run.stderr.contains(expectedTarget), "names the URL it points to: \(run.stderr)")
        let requests = lrs.requests
        #expect(requests.count == 1, "exactly the one request, never the redirect: \(requests)")
        #expect(
            requests.allSatisfy { $0["server"] as? String == "main" && $0["path"] as? String == "/xAPI/statements" })
        #expect(requests.allSatisfy { $0["host"] as? String == "127.0.0.1:\(lrs.port)" })
        #expect(setup.acknowledged(lrs.url).isEmpty)
    }

    @Test(arguments: [(302, "localhost"), (307, "other"), (301, "same")])
    func teamFollowsNoRedirect(code: Int, target: String) throws {
        let setup = try Setup(learners: 1)
        let lrs = try FakeLRS(["--redirect", "\(code):\(target)"])
        let run = try setup.team(lrs)
        #expect(run.status == 1)
        #expect(run.stderr.contains("redirects (HTTP \(code))"), "\(run.stderr)")
        #expect(lrs.requests.count == 1, "\(lrs.requests)")
    }

    // MARK: 2. more links

    @Test(arguments: ["localhost", "other"])
    func teamFollowsNoForeignMore(mode: String) throws {
        let setup = try Setup(learners: 2)
        let lrs = try FakeLRS(["--more", mode, "--page", "3", "--max-requests", "40"])
        #expect(try setup.sync(lrs).status == 0)
        let before = lrs.requests.count
        let run = try setup.team(lrs)
        #expect(run.status == 1, "\(run.stdout)")
        #expect(run.stderr.contains("another origin"), "\(run.stderr)")
        let reads = lrs.requests.dropFirst(before)
        #expect(reads.count == 1, "only the first page: \(Array(reads))")
        #expect(lrs.requests.allSatisfy { $0["server"] as? String == "main" })
        #expect(lrs.requests.allSatisfy { $0["host"] as? String == "127.0.0.1:\(lrs.port)" })
    }

    @Test func teamStopsAtAMoreLoop() throws {
        let setup = try Setup(learners: 1)
        let lrs = try FakeLRS(["--more", "loop", "--max-requests", "40"])
        let run = try setup.team(lrs)
        #expect(run.status == 1)
        #expect(run.stderr.contains("leads back to a page already read"), "\(run.stderr)")
        #expect(lrs.requests.count == 1)
    }

    @Test func teamStopsAtThePageCap() throws {
        let setup = try Setup(learners: 1)
        let lrs = try FakeLRS(["--more", "endless", "--max-requests", "40"])
        let run = try setup.team(lrs, ["--max-pages", "12"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("more than 12 pages"), "\(run.stderr)")
        #expect(lrs.requests.count == 12)
    }

    @Test func teamReadsEveryPageOfItsOwnOrigin() throws {
        let setup = try Setup(learners: 3)
        let lrs = try FakeLRS(["--page", "5"])
        #expect(try setup.sync(lrs).status == 0)
        let run = try setup.team(lrs)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((report?["learners"] as? [Any])?.count == 3)
    }

    // MARK: 3. 409 and 400

    @Test func aConflictingStatementIsReportedAndTheRestIsStored() throws {
        let setup = try Setup()
        let ids = try setup.statementIDs()
        let conflicting = ids[ids.count / 2]
        let lrs = try FakeLRS(["--conflict", conflicting])
        let run = try setup.sync(lrs)
        #expect(run.status == 1)
        #expect(run.stdout.contains("sent \(ids.count - 1) statement(s)"), "\(run.stdout)")
        #expect(run.stderr.contains("refused \(conflicting)"), "\(run.stderr)")
        #expect(run.stderr.contains("different statement"), "\(run.stderr)")
        #expect(setup.acknowledged(lrs.url) == Set(ids).subtracting([conflicting]))
        let again = try setup.sync(lrs)
        #expect(again.status == 1)
        #expect(again.stdout.contains("sent 0 statement(s)"))
        #expect(again.stderr.contains(conflicting))
    }

    @Test func a409ForAnUnchangedStatementIsConfirmedByReadingItBack() throws {
        let setup = try Setup(learners: 1)
        let ids = try setup.statementIDs()
        let lrs = try FakeLRS(["--quirky-409"])
        #expect(try setup.sync(lrs).status == 0)
        try FileManager.default.removeItem(atPath: setup.data + "/sync")
        let run = try setup.sync(lrs)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("sent \(ids.count) statement(s)"))
        #expect(setup.acknowledged(lrs.url) == Set(ids))
        #expect(lrs.requests.contains { ($0["path"] as? String)?.contains("statementId=") == true })
    }

    @Test func an409ThatTheLRSCannotBackIsNeverAcknowledged() throws {
        let setup = try Setup(learners: 1)
        let ids = try setup.statementIDs()
        let lrs = try FakeLRS(["--lying-409"])
        let run = try setup.sync(lrs)
        #expect(run.status == 1)
        #expect(run.stdout.contains("sent 0 statement(s)"), "\(run.stdout)")
        #expect(run.stderr.contains("\(ids.count) statement(s) refused"), "\(run.stderr)")
        #expect(setup.acknowledged(lrs.url).isEmpty)
    }

    @Test func oneRefusedStatementDoesNotBlockTheTeam() throws {
        let setup = try Setup()
        let ids = try setup.statementIDs()
        let refused = ids[3]
        let lrs = try FakeLRS(["--refuse", refused])
        let run = try setup.sync(lrs)
        #expect(run.status == 1)
        #expect(run.stdout.contains("sent \(ids.count - 1) statement(s)"), "\(run.stdout)")
        #expect(run.stderr.contains("refused \(refused)"), "\(run.stderr)")
        #expect(run.stderr.contains("HTTP 400"))
        #expect(run.stderr.contains("1 statement(s) refused by the LRS stay pending: \(refused)"))
        #expect(Self.rawControls(in: run.stderr).isEmpty, "the LRS's reason is escaped")
        #expect(run.stderr.split(separator: "\n").allSatisfy { $0.count < 400 }, "and shortened: \(run.stderr)")
        #expect(setup.acknowledged(lrs.url) == Set(ids).subtracting([refused]))
    }

    // MARK: 4. Deadlines, sizes, bodies, credentials, the helper's life

    @Test(arguments: ["--slow", "--trickle"])
    func aSlowOrTricklingLRSMeetsTheDeadline(mode: String) throws {
        let setup = try Setup(learners: 1)
        let lrs = try FakeLRS([mode, "--idle", "20"])
        let run = try setup.sync(lrs, ["--timeout", "1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no complete answer within 1 s"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }

    @Test(arguments: ["declared", "chunked"])
    func aHugeAnswerIsRefused(kind: String) throws {
        let setup = try Setup(learners: 1)
        let lrs = try FakeLRS(["--huge", kind])
        let run = try setup.team(lrs)
        #expect(run.status == 1)
        #expect(run.stderr.contains("more than 16777216 bytes"), "\(run.stderr)")
    }

    @Test func anInvalidPageIsReportedEscaped() throws {
        let setup = try Setup(learners: 1)
        let lrs = try FakeLRS(["--invalid"])
        let run = try setup.team(lrs)
        #expect(run.status == 1)
        #expect(run.stderr.contains("not a statement result"), "\(run.stderr)")
        #expect(Self.rawControls(in: run.stderr).isEmpty)
    }

    @Test func anErrorBodyIsShownEscapedAndShort() throws {
        let setup = try Setup(learners: 1)
        let lrs = try FakeLRS(["--error-body"])
        let run = try setup.sync(lrs)
        #expect(run.status == 1)
        #expect(run.stderr.contains("HTTP 500: Internal Server Error"), "\(run.stderr)")
        #expect(Self.rawControls(in: run.stderr).isEmpty)
        #expect(run.stderr.count < 600, "\(run.stderr.count) characters")
    }

    @Test(arguments: ["sync", "team"])
    func aURLWithCredentialsIsRefused(command: String) throws {
        let setup = try Setup(learners: 1)
        let lrs = try FakeLRS()
        let url = "http://mallory:hunter2@127.0.0.1:\(lrs.port)/xAPI/"
        let arguments =
            command == "sync" ? ["sync", "--all", "--lrs", url] : ["team", "--format", "json", "--lrs", url]
        let run = try Binary.run(arguments + ["--data", setup.data], environment: setup.environment)
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("user name or password"))
        #expect(!run.stderr.contains("hunter2") && !run.stdout.contains("hunter2"))
        #expect(lrs.requests.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: setup.data + "/sync"))
    }

    @Test func aConfiguredURLWithCredentialsIsRefused() throws {
        let setup = try Setup(learners: 1)
        let config = setup.scratch.path + "/lernpfad"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try "lrs_url: http://mallory:hunter2@127.0.0.1:9/xAPI/\n".write(
            toFile: config + "/config.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["sync", "--all", "--data", setup.data], environment: setup.environment)
        #expect(run.status == 2)
        #expect(run.stderr.contains("lrs_url in"), "\(run.stderr)")
        #expect(!run.stderr.contains("hunter2"))
    }

    @Test func ledgerKeysWithCredentialsAreDropped() throws {
        let setup = try Setup(learners: 1)
        let lrs = try FakeLRS()
        let ledger = setup.data + "/sync/learner-00000.json"
        try FileManager.default.createDirectory(atPath: setup.data + "/sync", withIntermediateDirectories: true)
        try #"{"acknowledged": {"http://mallory:hunter2@lrs.invalid/xAPI/": ["x"]}}"#.write(
            toFile: ledger, atomically: true, encoding: .utf8)
        let run = try setup.sync(lrs)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: ledger, encoding: .utf8)
        #expect(!text.contains("hunter2"), "\(text)")
        #expect(text.contains(lrs.url.replacingOccurrences(of: "/", with: "\\/")) || text.contains(lrs.url))
    }

    @Test func theHelperDiesWithLernpfad() throws {
        let setup = try Setup(learners: 1)
        let lrs = try FakeLRS(["--slow", "--idle", "30"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["sync", "--all", "--lrs", lrs.url, "--data", setup.data, "--timeout", "60"]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in setup.environment { environment[key] = value }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        #expect(lrs.wait(seconds: 20) { entries in entries.contains { $0["method"] as? String == "POST" } })
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let closed = lrs.wait(seconds: 10) { entries in entries.contains { $0["event"] as? String == "closed" } }
        #expect(closed, "the helper kept the connection open after lernpfad was killed")
    }
}
