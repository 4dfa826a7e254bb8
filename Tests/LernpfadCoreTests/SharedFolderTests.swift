import Foundation
import Synchronization
import Testing

@testable import LernpfadCore

/// Issue 12, points 6-11: a data folder that other people, other tools and an attacker write to.
///
/// Every test here failed on the code before the fix it names.
@Suite("Hostile shared folder")
struct SharedFolderTests {
    static let eventID = "2f0c8a4e-1b7d-4c53-9d2e-6a1f0b3c4d51"

    /// A learner file that says it belongs to `inner`, with one event; `escapedKey` spells the event's `type`
    /// key with an escape, which the fast reader declines, so Foundation decodes the file.
    static func learnerFile(inner: String, escapedKey: Bool = false) -> String {
        let type = escapedKey ? "\\u0074ype" : "type"
        return """
            {"schema": 1, "learner": {"id": "\(inner)", "name": "Anna", "roles": ["staff"]},
             "events": [{"id": "\(eventID)", "at": "2026-05-01T10:00:00.000Z", "\(type)": "attested",
                         "milestone": "team-kickoff", "by": "ben"}],
             "review": {}}
            """
    }

    // MARK: 6. The file name is the learner id

    @Test(arguments: [false, true])
    func aFileWhoseInnerIDDiffersIsRefusedByEveryReaderAndWriter(foundationPath: Bool) throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        let text = Self.learnerFile(inner: "anna", escapedKey: foundationPath)
        #expect((LearnerFileReader.record(from: Data(text.utf8)) == nil) == foundationPath, "wrong decoding path")
        folder.write("learners/mallory.json", text)
        folder.write("learners/anna.json", Self.learnerFile(inner: "anna"))
        let annaBefore = folder.read("learners/anna.json")
        func isMismatch(_ error: any Error) -> Bool {
            guard case .identityMismatch(let path, "mallory", "anna") = error as? StoreError else { return false }
            let message = (error as? StoreError)?.description ?? ""
            return path.hasSuffix("learners/mallory.json") && !message.contains("\n")
                && message.contains("'mallory'") && message.contains("'anna'")
        }
        #expect(performing: { try store.read("mallory") }, throws: isMismatch)
        #expect(
            performing: { try store.append([LearnerEvent(at: Date(), kind: .lessonOpened)], to: "mallory") },
            throws: isMismatch)
        #expect(folder.read("learners/mallory.json") == text)
        #expect(folder.read("learners/anna.json") == annaBefore)
        let (records, skipped) = store.readAll()
        #expect(records.map(\.learner.id) == ["anna"])
        #expect(skipped.count == 1)
        #expect(skipped.first?.reason.contains("holds learner 'anna', not 'mallory'") == true)
    }

    @Test func anUpdateThatChangesTheInnerIDIsRefused() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: LearnerProfile(id: "mallory", name: "M", roles: ["staff"])))
        let before = folder.read("learners/mallory.json")
        #expect(throws: StoreError.self) { try store.update("mallory") { $0.learner.id = "anna" } }
        #expect(folder.read("learners/mallory.json") == before)
    }

    @Test func statementIDsAreNameBasedUUIDsOfLearnerAndEvent() throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        let exporter = XAPIExporter(
            homePage: "https://learn.example.org/", catalog: ContentFixture.load(folder).catalog)
        let event = try #require(UUID(uuidString: Self.eventID))
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "https://learn.example.org/learners/anna/events/" + event id)
        #expect(exporter.statementID(learner: "anna", event: event) == "d5d0ff7b-d11d-52a1-8f84-3e7e91086e59")
        #expect(exporter.statementID(learner: "mallory", event: event) == "39aa9ab0-b028-5084-8cd3-896f61ddf499")
        #expect(
            SHA1.digest([]).map { String(format: "%02x", $0) }.joined() == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(
            SHA1.digest(Array(repeating: 0x61, count: 1000)).map { String(format: "%02x", $0) }.joined()
                == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }

    @Test func twoLearnersWithCopiedEventIDsGetDisjointStatementsAndRetriesTheSameOnes() throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        let exporter = XAPIExporter(homePage: "https://learn.example.org", catalog: ContentFixture.load(folder).catalog)
        let events = [
            LearnerEvent(at: date("2026-05-01T10:00:00Z"), kind: .lessonOpened, module: "basics", lesson: "01-intro"),
            LearnerEvent(at: date("2026-05-02T09:00:00Z"), kind: .attested, milestone: "team-kickoff", by: "ben"),
        ]
        var anna = LearnerRecord(learner: LearnerProfile(id: "anna", name: "Anna", roles: ["staff"]))
        anna.events = events
        var copy = LearnerRecord(learner: LearnerProfile(id: "mallory", name: "Anna", roles: ["staff"]))
        copy.events = events
        let annaIDs = exporter.statements(for: anna).map(\.id)
        let copyIDs = exporter.statements(for: copy).map(\.id)
        #expect(annaIDs.count == 2)
        #expect(Set(annaIDs).isDisjoint(with: copyIDs))
        #expect(exporter.statements(for: anna).map(\.id) == annaIDs, "a retry must send the same ids")
        // A ledger written before the change acknowledged the event ids: those count as sent, nothing twice.
        var ledger = SyncLedger()
        ledger.acknowledged["http://lrs/"] = [events[0].id.uuidString.lowercased()]
        let upgraded = ledger.includingLegacyIDs(of: anna, exporter: exporter)
        #expect(upgraded.acknowledged["http://lrs/"]?.contains(annaIDs[0]) == true)
        #expect(upgraded.acknowledged["http://lrs/"]?.contains(annaIDs[1]) == false)
    }

    // MARK: 7. Ids with a leading dot, names shaped like temp files

    @Test func idsThatCouldSpellHiddenOrTempFilesAreRefused() {
        for id in [".hidden", ".x.json.tmp-99999999-1", ".anna", "x.json.tmp-1-2", "anna.json"] {
            #expect(!Identifier.isValidLearnerID(id), "\(id)")
            #expect(throws: StoreError.invalidLearnerID(id)) {
                try LearnerStore(dataFolder: "/nonexistent").path(for: id)
            }
        }
    }

    @Test func cleanupRemovesOnlyTheExactTempNamesTheStoreMakes() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: LearnerProfile(id: "x", name: "X", roles: ["staff"])))
        let kept = [
            ".x.json.tmp-99999999-1.json",  // the file of a learner '.x.json.tmp-99999999-1' of an older version
            ".x.json.tmp-99999999-1.json.lock", ".x.json.tmp-99999999-", ".x.json.tmp-99999999-1-2",
            ".x.json.tmp-99999999-abc", ".x.json.tmp--1", ".x.json.tmp-0-1", ".x.json.tmp-99999999-99999999999",
        ]
        for name in kept { folder.write("learners/" + name, Self.learnerFile(inner: "x")) }
        mkdir(folder.path + "/learners/.x.json.tmp-99999998-1", 0o700)
        mkfifo(folder.path + "/learners/.x.json.tmp-99999997-1", 0o600)
        folder.write("learners/.x.json.tmp-99999999-1", "half a file")
        store.removeLeftovers(of: "x")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/learners"))
        #expect(!names.contains(".x.json.tmp-99999999-1"), "a real leftover stays")
        for name in kept + [".x.json.tmp-99999998-1", ".x.json.tmp-99999997-1"] {
            #expect(names.contains(name), "\(name) was deleted")
        }
        #expect(
            AtomicFile.temporaryWriter(of: "x.json", in: AtomicFile.temporaryName(of: "x.json", pid: 42, counter: 7))
                == 42)
    }

    @Test func aHiddenLearnerFileOfAnOlderVersionIsReportedNotInvisible() throws {
        let folder = TemporaryFolder()
        folder.write("learners/.hidden.json", Self.learnerFile(inner: ".hidden"))
        let (records, skipped) = LearnerStore(dataFolder: folder.path).readAll()
        #expect(records.isEmpty)
        #expect(skipped.map { ($0.file as NSString).lastPathComponent } == [".hidden.json"])
    }

    // MARK: 8. The sharing model

    /// A group this process may give files to: with root any, else a supplementary group if there is one.
    static var shareableGroup: gid_t {
        if geteuid() == 0 { return 40_000 }
        var groups = [gid_t](repeating: 0, count: 64)
        let count = getgroups(64, &groups)
        return groups.prefix(max(0, Int(count))).first { $0 != getegid() } ?? getegid()
    }

    static func status(_ path: String) -> stat {
        var status = stat()
        lstat(path, &status)
        return status
    }

    @Test func aPersonalFolderStaysPrivate() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path + "/data")
        try store.create(LearnerRecord(learner: LearnerProfile(id: "anna", name: "A", roles: ["staff"])))
        #expect(Self.status(folder.path + "/data").st_mode & 0o7777 == 0o700)
        #expect(Self.status(store.learnersFolder).st_mode & 0o7777 == 0o700)
        #expect(Self.status(store.learnersFolder + "/anna.json").st_mode & 0o7777 == 0o600)
        #expect(Self.status(store.learnersFolder + "/anna.json.lock").st_mode & 0o7777 == 0o600)
    }

    @Test func aSharedFolderGivesItsGroupReadableFilesAndFoldersThatFollowIt() throws {
        let folder = TemporaryFolder()
        let group = Self.shareableGroup
        let data = folder.path + "/team"
        let outcome = try SharedFolderSetup.run(folder: data, group: group)
        #expect(outcome.folders.count == 3)
        for path in [data, data + "/learners", data + "/sync"] {
            #expect(Self.status(path).st_mode & 0o7777 == 0o2770, "\(path)")
            #expect(Self.status(path).st_gid == group, "\(path)")
        }
        let store = LearnerStore(dataFolder: data)
        try store.create(LearnerRecord(learner: LearnerProfile(id: "anna", name: "A", roles: ["staff"])))
        let file = store.learnersFolder + "/anna.json"
        #expect(Self.status(file).st_mode & 0o7777 == 0o640)
        #expect(Self.status(file).st_gid == group)
        #expect(Self.status(file + ".lock").st_mode & 0o7777 == 0o660)
        #expect(Self.status(file + ".lock").st_gid == group)
        // A file that was private before (copied in, or written by an older version) becomes group-readable.
        chmod(file, 0o600)
        try store.append([LearnerEvent(at: Date(), kind: .lessonOpened, module: "m", lesson: "l")], to: "anna")
        #expect(Self.status(file).st_mode & 0o7777 == 0o640)
        // A folder made below a shared one carries the rule on: group, group bits and setgid.
        try SyncLedger().save(dataFolder: data + "/sub", learner: "anna")
        #expect(Self.status(data + "/sub").st_mode & 0o7777 == 0o2770)
        #expect(Self.status(data + "/sub/sync").st_gid == group)
        #expect(Self.status(data + "/sub/sync/anna.json").st_mode & 0o7777 == 0o640)
        // A group that may read but not write the folder: files 0640, locks 0640, folders 2750.
        chmod(data, 0o2750)
        try AtomicFile.makeFolder(data + "/readonly")
        #expect(Self.status(data + "/readonly").st_mode & 0o7777 == 0o2750)
        #expect(FolderSharing.of(folder: data).lockMode == 0o640)
        chmod(data, 0o2770)
    }

    @Test func setUpSharesExistingFilesButNotLinks() throws {
        let folder = TemporaryFolder()
        let data = folder.path + "/team"
        let store = LearnerStore(dataFolder: data)
        try store.create(LearnerRecord(learner: LearnerProfile(id: "anna", name: "A", roles: ["staff"])))
        folder.write("target", "not lernpfad's")
        chmod(folder.path + "/target", 0o600)
        let before = Self.status(folder.path + "/target")
        symlink(folder.path + "/target", store.learnersFolder + "/passwd.json")
        let outcome = try SharedFolderSetup.run(folder: data, group: Self.shareableGroup)
        #expect(Self.status(store.learnersFolder + "/anna.json").st_mode & 0o7777 == 0o640)
        #expect(Self.status(store.learnersFolder + "/anna.json.lock").st_mode & 0o7777 == 0o660)
        #expect(outcome.refused.map { ($0.file as NSString).lastPathComponent } == ["passwd.json"])
        let after = Self.status(folder.path + "/target")
        #expect(after.st_gid == before.st_gid && after.st_mode == before.st_mode, "followed a link")
        #expect(throws: StoreError.folderMissing(path: folder.path + "/missing")) {
            try SharedFolderSetup.run(folder: folder.path + "/missing/team", group: Self.shareableGroup)
        }
    }

    @Test func aMissingDataOrLearnersFolderIsAnErrorForReports() throws {
        let folder = TemporaryFolder()
        #expect(throws: StoreError.folderMissing(path: folder.path + "/none")) {
            try LearnerStore(dataFolder: folder.path + "/none").requireFolder()
        }
        #expect(throws: StoreError.folderMissing(path: folder.path + "/learners")) {
            try LearnerStore(dataFolder: folder.path).requireFolder()
        }
        folder.write("learners", "a file, not a folder")
        #expect(throws: StoreError.self) { try LearnerStore(dataFolder: folder.path).requireFolder() }
    }

    @Test(.enabled(if: geteuid() != 0, "root reads any folder; the end-to-end suite tests it as another user"))
    func anUnreadableLearnersFolderIsAnError() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: LearnerProfile(id: "anna", name: "A", roles: ["staff"])))
        chmod(store.learnersFolder, 0)
        defer { chmod(store.learnersFolder, 0o700) }
        #expect(throws: StoreError.io(path: store.learnersFolder, operation: "list folder", errno: EACCES)) {
            try store.requireFolder()
        }
    }

    // MARK: 9. FIFOs and other non-regular files

    /// Runs `body` on another thread and waits at most 10 s for it; on time-out, opens every FIFO in `fifos`
    /// for writing, which releases a reader blocked in `open`, so a failing test ends instead of hanging.
    static func withinDeadline<T: Sendable>(unblocking fifos: [String], _ body: @escaping @Sendable () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<T?>(nil)
        Thread.detachNewThread {
            let value = body()
            result.withLock { $0 = value }
            done.signal()
        }
        if done.wait(timeout: .now() + 10) == .timedOut {
            for fifo in fifos {
                let writer = open(fifo, O_WRONLY | O_NONBLOCK)
                if writer >= 0 { close(writer) }
            }
            done.wait()
            return nil
        }
        return result.withLock { $0 }
    }

    @Test func aFIFONamedLikeALearnerFileIsSkippedWithAReasonAndNeverOpened() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: LearnerProfile(id: "anna", name: "A", roles: ["staff"])))
        let fifo = store.learnersFolder + "/x.json"
        try #require(mkfifo(fifo, 0o600) == 0)
        mkdir(store.learnersFolder + "/dir.json", 0o700)
        let outcome = Self.withinDeadline(unblocking: [fifo]) { store.readAll() }
        let (records, skipped) = try #require(outcome, "readAll hung on a FIFO")
        #expect(records.map(\.learner.id) == ["anna"])
        #expect(
            skipped.map(\.reason) == [
                "a folder, not a regular file; left alone", "a FIFO, not a regular file; left alone",
            ])
        #expect(store.learnerIDs() == ["anna"], "a FIFO is no learner to pick")
        let single = Self.withinDeadline(unblocking: [fifo]) { Result { try store.read("x") } }
        #expect(single != nil, "read hung on a FIFO")
        #expect(throws: StoreError.notRegularFile(path: fifo, kind: "a FIFO")) { try single?.get() }
        // A FIFO in place of a sync ledger.
        try AtomicFile.makeFolder(folder.path + "/sync")
        let ledger = folder.path + "/sync/anna.json"
        try #require(mkfifo(ledger, 0o600) == 0)
        let dataFolder = folder.path
        let load = Self.withinDeadline(unblocking: [ledger]) {
            Result { try SyncLedger.load(dataFolder: dataFolder, learner: "anna") }
        }
        #expect(load != nil, "SyncLedger.load hung on a FIFO")
        #expect(throws: StoreError.self) { try load?.get() }
    }

    // MARK: 10. Links, FIFOs and devices in place of locks, learner files and outputs

    @Test func aLockThatIsALinkCreatesNothingAtItsTargetAndIsRefused() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: LearnerProfile(id: "anna", name: "A", roles: ["staff"])))
        let lock = store.learnersFolder + "/anna.json.lock"
        unlink(lock)
        let target = folder.path + "/made-by-lernpfad"
        symlink(target, lock)
        let event = LearnerEvent(at: Date(), kind: .lessonOpened, module: "m", lesson: "l")
        #expect(throws: StoreError.notRegularFile(path: lock, kind: "a symbolic link")) {
            try store.append([event], to: "anna")
        }
        #expect(!FileManager.default.fileExists(atPath: target), "the store created the link's target")
        folder.write("existing", "someone else's")
        unlink(lock)
        symlink(folder.path + "/existing", lock)
        #expect(throws: StoreError.self) { try store.append([event], to: "anna") }
        #expect(folder.read("existing") == "someone else's")
        unlink(lock)
        try #require(mkfifo(lock, 0o600) == 0)
        let append = Self.withinDeadline(unblocking: [lock]) { Result { try store.append([event], to: "anna") } }
        #expect(throws: StoreError.notRegularFile(path: lock, kind: "a FIFO")) { try append?.get() }
    }

    @Test func aLearnerFileThatIsALinkIsNeitherWrittenThroughNorReplaced() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try AtomicFile.makeFolder(store.learnersFolder)
        let target = folder.path + "/elsewhere.json"
        folder.write("elsewhere.json", Self.learnerFile(inner: "anna"))
        chmod(target, 0o666)
        let file = store.learnersFolder + "/anna.json"
        symlink(target, file)
        let event = LearnerEvent(at: Date(), kind: .lessonOpened, module: "m", lesson: "l")
        #expect(throws: StoreError.notRegularFile(path: file, kind: "a symbolic link")) {
            try store.append([event], to: "anna")
        }
        #expect(Self.status(file).st_mode & S_IFMT == S_IFLNK, "the link was replaced")
        #expect(folder.read("elsewhere.json") == Self.learnerFile(inner: "anna"))
        #expect(Self.status(target).st_mode & 0o777 == 0o666)
        unlink(file)
        symlink(folder.path + "/missing.json", file)
        #expect(throws: StoreError.notRegularFile(path: file, kind: "a symbolic link")) {
            try store.create(LearnerRecord(learner: LearnerProfile(id: "anna", name: "A", roles: ["staff"])))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/missing.json"))
    }

    @Test func atomicWritesReplaceOnlyARegularFileOrNothing() throws {
        let folder = TemporaryFolder()
        let link = folder.path + "/link"
        symlink(folder.path + "/target", link)
        #expect(throws: StoreError.notRegularFile(path: link, kind: "a symbolic link")) {
            try AtomicFile.write(Data("x".utf8), to: link)
        }
        let fifo = folder.path + "/fifo"
        mkfifo(fifo, 0o600)
        #expect(throws: StoreError.notRegularFile(path: fifo, kind: "a FIFO")) {
            try AtomicFile.write(Data("x".utf8), to: fifo)
        }
        mkdir(folder.path + "/dir", 0o700)
        #expect(throws: StoreError.self) { try AtomicFile.write(Data("x".utf8), to: folder.path + "/dir") }
        if geteuid() == 0 {
            // A private /dev/full (character device 1:7): refused, and still a device afterwards.
            let device = folder.path + "/full"
            try #require(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0)
            #expect(throws: StoreError.notRegularFile(path: device, kind: "a device")) {
                try AtomicFile.write(Data("x".utf8), to: device)
            }
            #expect(Self.status(device).st_mode & S_IFMT == S_IFCHR)
        }
        let plain = folder.path + "/plain"
        folder.write("plain", "old")
        chmod(plain, 0o666)
        try AtomicFile.write(Data("new".utf8), to: plain)
        #expect(Self.status(plain).st_mode & 0o777 == 0o660, "no bits for others, ever")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(names.isEmpty)
    }

    // MARK: 11. Fields this version does not know

    /// A learner file with members this version does not know at every level; `escapedKey` makes the fast
    /// reader decline it, so that Foundation reads it.
    static func fileFromTheFuture(number: String = "2.5e3", escapedKey: Bool = false) -> String {
        let type = escapedKey ? "\\u0074ype" : "type"
        return """
            {"schema": 1, "sync": {"peer": "laptop", "at": [1, \(number), true, null, "\\u00e4"]},
             "learner": {"id": "anna", "name": "Anna", "roles": ["staff"], "pronouns": "she/her", "avatar": null},
             "position": {"module": "basics", "lesson": "01-intro", "line": 4, "column": 17},
             "events": [{"id": "\(eventID)", "at": "2026-05-01T10:00:00.000Z", "\(type)": "quizAttempted",
                         "module": "basics", "score": 0.5, "passed": false, "device": {"kind": "tablet", "dpi": 326},
                         "answers": [{"question": "q1", "chosen": ["a"], "correct": false, "ms": 1200}]}],
             "review": {"basics/q1": {"due": "2026-05-02T10:00:00.000Z", "intervalDays": 1, "easiness": 2.5,
                                      "repetitions": 0, "lapses": 1, "stability": 4.1}}}
            """
    }

    /// The members of `object` at `path` that lernpfad does not know, as Foundation sees them.
    static func unknown(in data: Data) throws -> [String: String] {
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func text(_ value: Any?) throws -> String {
            let data = try JSONSerialization.data(withJSONObject: [value ?? NSNull()], options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        let learner = top["learner"] as? [String: Any]
        let position = top["position"] as? [String: Any]
        let event = (top["events"] as? [[String: Any]])?.first
        let answer = (event?["answers"] as? [[String: Any]])?.first
        let card = (top["review"] as? [String: Any])?["basics/q1"] as? [String: Any]
        return [
            "sync": try text(top["sync"]), "pronouns": try text(learner?["pronouns"]),
            "avatar": try text(learner?["avatar"]), "column": try text(position?["column"]),
            "device": try text(event?["device"]), "ms": try text(answer?["ms"]),
            "stability": try text(card?["stability"]),
        ]
    }

    @Test(arguments: [false, true])
    func aSaveKeepsEveryMemberItDoesNotKnow(foundationPath: Bool) throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        let text = Self.fileFromTheFuture(escapedKey: foundationPath)
        #expect((LearnerFileReader.record(from: Data(text.utf8)) == nil) == foundationPath, "wrong decoding path")
        folder.write("learners/anna.json", text)
        let before = try Self.unknown(in: Data(text.utf8))
        #expect(before["device"]?.contains("tablet") == true)
        try store.append(
            [LearnerEvent(at: Date(), kind: .lessonOpened, module: "basics", lesson: "01-intro")], to: "anna")
        try store.update("anna") { $0.learner.language = .english }
        let saved = try #require(folder.read("learners/anna.json"))
        #expect(try Self.unknown(in: Data(saved.utf8)) == before, "a save dropped or changed unknown members")
        #expect(try store.read("anna").events.count == 2)
    }

    @Test func theFastReaderAndFoundationAgreeOnUnknownMembers() throws {
        for number in ["2.5e3", "2500", "-0", "0.1", "1E+2", "123456789012345678901234567890", "7", "-12.50e-3"] {
            let data = Data(Self.fileFromTheFuture(number: number).utf8)
            let fast = try #require(LearnerFileReader.record(from: data), "declined \(number)")
            let foundation = try JSONCoding.decoder().decode(LearnerRecord.self, from: data)
            #expect(fast == foundation, "\(number)")
            #expect(!fast.extra.isEmpty && !fast.events[0].extra.isEmpty && !fast.learner.extra.isEmpty)
            #expect(fast.events[0].answers?.first?.extra["ms"] == .number(JSONNumber(text: "1200")!))
            let saved = try LearnerFileCodec.encode(fast)
            #expect(try LearnerFileCodec.decode(saved, path: "a.json") == fast, "\(number) changed in a round trip")
            // Outputs keep to their documented members.
            let output = String(decoding: try JSONCoding.encoder().encode(fast.learner), as: UTF8.self)
            #expect(!output.contains("pronouns"))
        }
        #expect(JSONNumber(text: "2.5e3") == JSONNumber(text: "2500"))
        #expect(JSONNumber(text: "01") == nil && JSONNumber(text: "1.") == nil && JSONNumber(text: "1e999999") == nil)
    }

    @Test(arguments: [false, true])
    func aNumberThatCannotBeKeptExactlyMakesTheSaveFailNotChangeIt(foundationPath: Bool) throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        let long = "1234567890123456789012345678901234567890.5"
        let text = Self.fileFromTheFuture(number: long, escapedKey: foundationPath)
        folder.write("learners/anna.json", text)
        #expect {
            try store.append([LearnerEvent(at: Date(), kind: .lessonOpened)], to: "anna")
        } throws: { error in
            guard case .unknownFieldNotKept(id: "anna", _) = error as? StoreError else { return false }
            return (error as? StoreError)?.description.contains("nothing was written") == true
        }
        #expect(folder.read("learners/anna.json") == text)
    }
}
