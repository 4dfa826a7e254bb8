import Foundation
import Testing

@testable import LernpfadCore

@Suite("Learner store")
struct LearnerStoreTests {
    private func profile(_ id: String = "anna") -> LearnerProfile {
        LearnerProfile(id: id, name: "Anna Beispiel", team: "marketing", roles: ["staff"], language: .german)
    }

    @Test func createReadAndAppendRoundTrip() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: profile()))
        let event = LearnerEvent(
            at: date("2026-11-21T10:00:00.123Z"), kind: .lessonCompleted, module: "basics",
            moduleVersion: SemanticVersion(1, 2, 0), lesson: "01-a")
        try store.append([event], to: "anna")
        let record = try store.read("anna")
        #expect(record.learner == profile())
        // The store links the event into the file's hash chain; otherwise it is the event appended.
        var linked = event
        linked.previous = LearnerChain.genesis
        linked.sequence = 0
        #expect(record.events == [linked])
        let text = try #require(folder.read("learners/anna.json"))
        #expect(text.contains("\"at\" : \"2026-11-21T10:00:00.123Z\""))
        #expect(text.contains("\"type\" : \"lessonCompleted\""))
        #expect(text.contains("\"schema\" : 2"))
    }

    @Test func newFilesArePrivateAndExistingModesAreKept() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: profile()))
        let path = try store.path(for: "anna")
        #expect(try mode(of: path) == 0o600)
        chmod(path, 0o640)
        try store.append([LearnerEvent(at: Date(), kind: .lessonOpened, module: "m", lesson: "l")], to: "anna")
        #expect(try mode(of: path) == 0o640)
    }

    @Test func creatingTwiceIsRefused() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: profile()))
        #expect(throws: StoreError.self) { try store.create(LearnerRecord(learner: profile())) }
    }

    @Test(
        arguments: [
            "", "..", "...", "../etc/passwd", "Anna", "a/b", "a b", String(repeating: "a", count: 65), "ä", ".hidden",
            ".x.json.tmp-99999999-1", "x.json", "x.json.lock",
        ])
    func invalidLearnerIDsNeverTouchTheFileSystem(_ id: String) {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        #expect(throws: StoreError.invalidLearnerID(id)) { try store.read(id) }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/learners"))
    }

    @Test(arguments: ["anna", "a.b_c-d", "anna.", "a..b", "x.jso", String(repeating: "a", count: 64)])
    func validLearnerIDs(_ id: String) {
        #expect(Identifier.isValidLearnerID(id))
    }

    @Test func aCorruptedFileIsRefusedAndKeptByteForByte() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: profile()))
        let broken = "{\"schema\": 1, \"learner\": {\"id\": \"anna\"}, \"events\": [trunc"
        folder.write("learners/anna.json", broken)
        #expect {
            try store.append([LearnerEvent(at: Date(), kind: .lessonOpened)], to: "anna")
        } throws: { error in
            guard case .corrupted(let path, _) = error as? StoreError else { return false }
            return path.hasSuffix("learners/anna.json")
        }
        #expect(folder.read("learners/anna.json") == broken)
    }

    @Test func aNewerSchemaIsRefusedWithAClearMessage() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        folder.write("learners/anna.json", "{\"schema\": 7}")
        #expect {
            try store.read("anna")
        } throws: { error in
            (error as? StoreError)?.description.contains("newer lernpfad (schema 7") == true
        }
    }

    @Test func aFailureBeforeTheRenameLeavesTheOldFileIntact() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: profile()))
        let path = try store.path(for: "anna")
        let before = folder.read("learners/anna.json")
        struct Interrupted: Error {}
        #expect(throws: (any Error).self) {
            try AtomicFile.write(Data("new".utf8), to: path, beforeRename: { throw Interrupted() })
        }
        #expect(folder.read("learners/anna.json") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/learners")
            .filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func readAllSkipsBrokenFilesAndNamesThem() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: profile("anna")))
        try store.create(LearnerRecord(learner: profile("ben")))
        folder.write("learners/carl.json", "not json")
        folder.write("learners/dora.json", "{\"schema\": 9}")
        let (records, skipped) = store.readAll()
        #expect(records.map(\.learner.id) == ["anna", "ben"])
        #expect(skipped.map { ($0.file as NSString).lastPathComponent } == ["carl.json", "dora.json"])
        #expect(skipped[1].reason.contains("newer schema 9"))
    }

    /// Files are read through one buffer per run of files: a short file after a long one, an empty one and a
    /// broken one in between are each read as themselves, never with the rest of a longer file before them.
    @Test func readAllReadsEachFileAsItselfThroughOneBuffer() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        let long = (0..<200).map { index in
            LearnerEvent(
                at: date("2026-11-21T10:00:00.000Z").addingTimeInterval(Double(index)), kind: .lessonOpened,
                module: "basics", lesson: "lesson-\(index)")
        }
        for (number, id) in ["a1", "a2", "a3", "a4", "a5", "a6"].enumerated() {
            try store.create(LearnerRecord(learner: profile(id)))
            if number % 2 == 0 { try store.append(Array(long.prefix(200 - number * 30)), to: id) }
        }
        folder.write("learners/a25.json", "")
        folder.write("learners/a35.json", "{\"schema\": 2")
        let (records, skipped) = store.readAll()
        #expect(records.map(\.learner.id) == ["a1", "a2", "a3", "a4", "a5", "a6"])
        #expect(records.map(\.events.count) == [200, 0, 140, 0, 80, 0])
        #expect(skipped.map { ($0.file as NSString).lastPathComponent } == ["a25.json", "a35.json"])
        for record in records { #expect(record == (try store.read(record.learner.id))) }
    }

    /// A sparse file that claims a terabyte, in a shared folder, is skipped with its size before any memory is
    /// set aside; before, allocating for it stopped the whole team report.
    @Test func aFileLargerThanTheReadLimitIsSkippedNotAllocated() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: profile("anna")))
        try store.create(LearnerRecord(learner: profile("ben")))
        #expect(truncate(folder.path + "/learners/ben.json", 1 << 40) == 0)
        let (records, skipped) = store.readAll()
        #expect(records.map(\.learner.id) == ["anna"])
        #expect(skipped.count == 1)
        #expect(skipped.first?.reason.contains("1099511627776 bytes, more than the 67108864 lernpfad reads") == true)
        #expect(throws: StoreError.tooLarge(path: folder.path + "/learners/ben.json", size: 1 << 40, limit: 64 << 20)) {
            try store.read("ben")
        }
        // The limit is the file's size, not more and not less.
        var buffer: [UInt8] = []
        let annaFile = folder.path + "/learners/anna.json"
        let size = try #require(try? FileManager.default.attributesOfItem(atPath: annaFile)[.size] as? Int)
        #expect(try AtomicFile.contents(of: annaFile, into: &buffer, limit: size) { $0.count } == size)
        #expect(throws: StoreError.tooLarge(path: annaFile, size: size, limit: size - 1)) {
            try AtomicFile.contents(of: annaFile, into: &buffer, limit: size - 1) { $0.count }
        }
    }

    @Test func concurrentUpdatesInOneProcessLoseNothing() async throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: profile()))
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    _ = try? store.append(
                        [LearnerEvent(at: Date(), kind: .lessonOpened, lesson: "l\(index)")], to: "anna")
                }
            }
        }
        #expect(try store.read("anna").events.count == 40)
    }

    @Test func leftoversOfDeadWritersAreRemovedAndLiveOnesKept() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord(learner: profile()))
        folder.write("learners/.anna.json.tmp-2147483000-7", "half")
        folder.write("learners/.anna.json.tmp-\(getpid())-8", "mine")
        folder.write("learners/.ben.json.tmp-2147483000-9", "other learner")
        store.removeLeftovers(of: "anna")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/learners").sorted()
        #expect(names == [".anna.json.tmp-\(getpid())-8", ".ben.json.tmp-2147483000-9", "anna.json", "anna.json.lock"])
    }

    private func mode(of path: String) throws -> mode_t {
        var status = stat()
        guard stat(path, &status) == 0 else { throw StoreError.io(path: path, operation: "stat", errno: errno) }
        return status.st_mode & 0o777
    }
}
