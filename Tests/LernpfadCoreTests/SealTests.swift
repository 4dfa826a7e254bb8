import Foundation
import Testing

@testable import LernpfadCore

/// Seals and `Verifier` (docs/evidence.md): what a seal fixes, and what verify reports once one exists.
@Suite("Seals")
struct SealTests {
    private let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// A data folder with two learners of a few events each, and ben's sealing key.
    private struct Folder {
        let folder = TemporaryFolder()
        let key = SealKey.Private()
        var path: String { folder.path }
        var store: LearnerStore { LearnerStore(dataFolder: folder.path) }
        var seals: SealStore { SealStore(dataFolder: folder.path) }

        init(start: Date) throws {
            for id in ["anna", "ben"] {
                let profile = LearnerProfile(id: id, name: id.capitalized, team: "t", roles: ["staff"])
                try store.create(LearnerRecord.enrolling(profile, at: start))
                try store.append(
                    [
                        LearnerEvent(at: start + 60, kind: .quizAttempted, module: "m", score: 0.4, passed: false),
                        LearnerEvent(at: start + 120, kind: .quizAttempted, module: "m", score: 0.9, passed: true),
                    ], to: id)
            }
            try seals.writePublicKey(key.publicKey, of: "ben")
        }

        @discardableResult
        func seal(at date: Date) throws -> SealOutcome {
            try Sealing.seal(dataFolder: path, by: "ben", key: key, keyPath: "seal-key", at: date)
        }

        func verify(_ learner: String? = nil) -> VerificationReport {
            Verifier.verify(dataFolder: path, learner: learner)
        }

        /// Changes a learner file the way someone with a text editor (or a script) would.
        func edit(_ id: String, _ change: (inout LearnerRecord) throws -> Void) throws {
            var record = try store.read(id)
            try change(&record)
            folder.write("learners/\(id).json", String(decoding: try LearnerFileCodec.encode(record), as: UTF8.self))
        }

        /// Rewrites a learner file with a freshly computed chain: what a learner who knows the format can do.
        func rewrite(_ id: String, _ change: (inout LearnerRecord) -> Void) throws {
            try edit(id) { record in
                change(&record)
                record.head = nil
                for index in record.events.indices {
                    record.events[index].previous = nil
                    record.events[index].sequence = nil
                }
                try LearnerChain.link(&record)
            }
        }
    }

    @Test func aFreshSealVerifiesClean() throws {
        let data = try Folder(start: start)
        let outcome = try data.seal(at: start + 600)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.seal.body.learners.count == 2)
        #expect(outcome.events == 6)
        #expect(FileManager.default.fileExists(atPath: outcome.path))
        let report = data.verify()
        #expect(report.isClean, "\(report.breaks)")
        #expect(report.sealsChecked == 1)
        #expect(report.latestSeal?.by == "ben")
        #expect(report.latestSeal?.learners == 2)
        #expect(report.coveringSeal(of: "anna")?.entry.events == 3)
        #expect(report.coveringSeal(of: "anna")?.seal.id == outcome.seal.id)
        #expect(report.summary.hasPrefix("clean: 2 learners, 6 events, 1 seal (latest "))
    }

    @Test func theSealFileNamesItsTimeAndReadsBack() throws {
        let data = try Folder(start: start)
        let outcome = try data.seal(at: try #require(Timestamp.parse("2026-12-02T04:50:01.250Z")))
        #expect(outcome.path == data.path + "/seals/20261202T045001.250Z.json")
        let loaded = try #require(data.seals.load().first)
        #expect(try loaded.result.get() == outcome.seal)
        let second = try data.seal(at: try #require(Timestamp.parse("2026-12-02T04:50:01.250Z")))
        #expect(second.path == data.path + "/seals/20261202T045001.250Z-2.json")
        #expect(second.seal.body.previousSeal == outcome.seal.id)
    }

    @Test func eventsAfterTheSealAreFine() throws {
        let data = try Folder(start: start)
        try data.seal(at: start + 600)
        try data.store.append(
            [LearnerEvent(at: start + 700, kind: .lessonOpened, module: "m", lesson: "l")], to: "anna")
        #expect(data.verify().isClean)
    }

    /// Deleting the failed attempt and recomputing the chain leaves an intact chain, but not the sealed one.
    @Test func aRewrittenChainIsCaughtByTheSeal() throws {
        let data = try Folder(start: start)
        try data.seal(at: start + 600)
        try data.rewrite("anna") { $0.events.remove(at: 1) }
        let report = data.verify()
        let found = try #require(report.firstBreak)
        #expect(found.learner == "anna")
        #expect(found.kind == .removed)
        #expect(found.detail.contains("recorded 3 events; the file has 2"))

        try data.rewrite("ben") { $0.events[1].score = 1 }
        let both = data.verify()
        let ben = try #require(both.breaks.first { $0.learner == "ben" })
        #expect(ben.kind == .rewritten)
        #expect(ben.detail.contains("rewritten with a recomputed chain"))
    }

    /// The limit docs/evidence.md states: before the first seal, a recomputed chain cannot be told from the real.
    @Test func beforeAnySealARewrittenChainVerifies() throws {
        let data = try Folder(start: start)
        try data.rewrite("anna") { $0.events[1].score = 1 }
        let report = data.verify()
        #expect(report.isClean)
        #expect(report.unsealed == ["anna", "ben"])
    }

    @Test func anEditWithoutRecomputingIsNamedAtItsEvent() throws {
        let data = try Folder(start: start)
        try data.seal(at: start + 600)
        try data.edit("anna") { $0.events[1].score = 1 }
        let found = try #require(data.verify().firstBreak)
        #expect(found.kind == .edited && found.index == 1 && found.learner == "anna")
        #expect(data.verify("ben").isClean)
    }

    @Test func aDeletedLearnerFileIsNamed() throws {
        let data = try Folder(start: start)
        try data.seal(at: start + 600)
        data.folder.remove("learners/ben.json")
        let found = try #require(data.verify().firstBreak)
        #expect(found.learner == "ben" && found.kind == .removed)
        #expect(found.detail.contains("the learner file is gone"))
    }

    @Test func aChangedSealFailsItsSignature() throws {
        let data = try Folder(start: start)
        let outcome = try data.seal(at: start + 600)
        let text = try #require(data.folder.read(String(outcome.path.dropFirst(data.path.count + 1))))
        data.folder.write(
            String(outcome.path.dropFirst(data.path.count + 1)),
            text.replacingOccurrences(of: "\"events\" : 3", with: "\"events\" : 2"))
        let report = data.verify()
        let found = try #require(report.firstBreak)
        #expect(found.kind == .seal && found.learner == nil)
        #expect(found.detail.contains("the signature does not match its content"))
        #expect(report.sealsChecked == 0)
    }

    @Test func aReplacedKeyFileIsNamed() throws {
        let data = try Folder(start: start)
        try data.seal(at: start + 600)
        try data.seals.writePublicKey(SealKey.Private().publicKey, of: "ben")
        let found = try #require(data.verify().firstBreak)
        #expect(found.kind == .seal && found.detail.contains("the key file was replaced"))
    }

    @Test func aSealWithoutItsKeyIsNamed() throws {
        let data = try Folder(start: start)
        try data.seal(at: start + 600)
        data.folder.remove("seals/keys/ben.pub")
        let found = try #require(data.verify().firstBreak)
        #expect(found.kind == .seal && found.detail.contains("no public key of its sealer"))
    }

    /// Seals name their predecessor: removing one in the middle shows.
    @Test func aRemovedSealIsNamedByItsSuccessor() throws {
        let data = try Folder(start: start)
        let first = try data.seal(at: start + 600)
        try data.seal(at: start + 700)
        try data.seal(at: start + 800)
        let middle = try #require(data.seals.load().map(\.path).sorted().dropFirst().first)
        try FileManager.default.removeItem(atPath: middle)
        let report = data.verify()
        let found = try #require(report.firstBreak)
        #expect(found.kind == .seal && found.detail.contains("a seal was removed"))
        #expect(report.sealsChecked == 2)
        #expect(report.seals.first?.id == first.seal.id)
    }

    @Test func sealingWithAnotherKeyIsRefused() throws {
        let data = try Folder(start: start)
        #expect(throws: SealError.self) {
            try Sealing.seal(dataFolder: data.path, by: "ben", key: SealKey.Private(), keyPath: "k", at: start)
        }
        #expect(throws: SealError.self) {
            try Sealing.seal(dataFolder: data.path, by: "carla", key: data.key, keyPath: "k", at: start)
        }
        #expect(data.seals.load().isEmpty)
    }

    /// A seal made of a schema-1 file holds after the file's next save migrates it.
    @Test func aSchemaOneFileIsSealedAsItsMigrationChainsIt() throws {
        let data = try Folder(start: start)
        data.folder.write(
            "learners/carla.json",
            #"""
            {"schema": 1, "learner": {"id": "carla", "name": "Carla", "roles": ["staff"]},
             "events": [{"id": "0BEFC5E8-518B-4F81-8C37-B739C314FC16", "at": "2026-01-05T09:00:00.000Z",
                         "type": "roleAdded", "role": "staff"}], "review": {}}
            """#)
        try data.seal(at: start + 600)
        let before = data.verify()
        #expect(before.isClean)
        #expect(before.notChained == ["carla"])
        try data.store.append(
            [LearnerEvent(at: start + 700, kind: .lessonOpened, module: "m", lesson: "l")], to: "carla")
        let after = data.verify()
        #expect(after.isClean, "\(after.breaks)")
        #expect(after.notChained.isEmpty)
    }

    @Test func theKeyFilesReadBackAndThePrivateKeyIsPrivate() throws {
        let folder = TemporaryFolder()
        let key = SealKey.Private()
        let file = PrivateKeyFile(configFolder: folder.path + "/config/lernpfad")
        #expect(try file.write(key, force: false))
        #expect(try file.load().publicKey.fingerprint == key.publicKey.fingerprint)
        var status = stat()
        #expect(stat(file.path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(try file.write(SealKey.Private(), force: false) == false)
        #expect(try file.load().publicKey.fingerprint == key.publicKey.fingerprint)
        #expect(SealKey.Public(text: key.publicKey.text)?.fingerprint == key.publicKey.fingerprint)
        #expect(SealKey.Public(text: "ed25519 nonsense") == nil)
        #expect(key.publicKey.fingerprint.hasPrefix("SHA256:") && key.publicKey.fingerprint.count == 39)
    }
}
