import Foundation
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
}
