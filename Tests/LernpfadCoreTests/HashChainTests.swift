import Foundation
import Testing

@testable import LernpfadCore

/// The hash chain of learner files, schema 2 (docs/file-formats.md, docs/evidence.md).
@Suite("Hash chain")
struct HashChainTests {
    private static let id = UUID(uuidString: "7A53C5F8-F7AF-4A4F-817C-AE2F1012565A")!

    private func profile(_ id: String = "anna") -> LearnerProfile {
        LearnerProfile(id: id, name: "Anna Beispiel", team: "marketing", roles: ["staff"], language: .german)
    }

    private func event(_ minute: Int, _ kind: LearnerEvent.Kind = .lessonCompleted, score: Double? = nil)
        -> LearnerEvent
    {
        LearnerEvent(
            at: Date(timeIntervalSince1970: 1_790_000_000 + Double(minute) * 60), kind: kind, module: "ai-basics",
            moduleVersion: SemanticVersion(1, 0, 0), lesson: kind == .lessonCompleted ? "01-a" : nil, score: score,
            passed: score.map { $0 >= 0.8 })
    }

    /// A record of `count` events as the store saves it.
    private func chained(_ count: Int) throws -> LearnerRecord {
        var record = LearnerRecord(learner: profile())
        record.events = (0..<count).map { event($0, $0 % 2 == 0 ? .lessonCompleted : .quizAttempted, score: 0.5) }
        try LearnerChain.link(&record)
        return record
    }

    private func firstBreak(_ record: LearnerRecord) throws -> ChainBreak? {
        let hashes = try LearnerChain.hashes(of: record.events, encoder: CanonicalEncoder())
        return LearnerChain.firstBreak(in: record, hashes: hashes)
    }

    /// The vector in docs/file-formats.md, computed with Python's json and hashlib, not with this code.
    @Test func theCanonicalFormAndHashMatchTheDocumentedVector() throws {
        var quiz = LearnerEvent(
            id: Self.id, at: try #require(Timestamp.parse("2026-11-21T10:00:00.123Z")), kind: .quizAttempted,
            module: "ai-basics", moduleVersion: SemanticVersion(1, 2, 0), score: 0.9, passed: true,
            answers: [LearnerEvent.Answer(question: "q1", chosen: ["b"], correct: true)], seed: 42)
        quiz.previous = LearnerChain.genesis
        quiz.sequence = 0
        let form = String(decoding: try LearnerChain.canonicalForm(of: quiz), as: UTF8.self)
        #expect(
            form
                == #"{"answers":[{"chosen":["b"],"correct":true,"question":"q1"}],"at":"2026-11-21T10:00:00.123Z","id":"7A53C5F8-F7AF-4A4F-817C-AE2F1012565A","module":"ai-basics","moduleVersion":"1.2.0","passed":true,"prev":"0000000000000000000000000000000000000000000000000000000000000000","score":0.9,"seed":42,"seq":0,"type":"quizAttempted"}"#
        )
        #expect(try LearnerChain.hash(of: quiz) == "2a770df72020d29523acf0a6aaad587f58f1567b68df309f7a7375380ec3b977")
    }

    /// Fields added to the event (a waiver's reason and end) and members this version does not know are part of
    /// the canonical form without the chain naming them.
    @Test func everyMemberOfTheEventIsCovered() throws {
        var waiver = LearnerEvent(
            at: Date(timeIntervalSince1970: 1_790_000_000), kind: .waived, module: "ai-basics", by: "ben",
            reason: "prior learning")
        let plain = try LearnerChain.hash(of: waiver)
        waiver.reason = "prior learning!"
        #expect(try LearnerChain.hash(of: waiver) != plain)
        waiver.reason = "prior learning"
        waiver.extra["future"] = .string("x")
        #expect(try LearnerChain.hash(of: waiver) != plain)
        #expect(String(decoding: try LearnerChain.canonicalForm(of: waiver), as: UTF8.self).contains(#""future":"x""#))
    }

    @Test func theStoreWritesSchemaTwoWithEveryEventLinked() throws {
        let folder = TemporaryFolder()
        let store = LearnerStore(dataFolder: folder.path)
        try store.create(LearnerRecord.enrolling(profile(), at: Date(timeIntervalSince1970: 1_790_000_000)))
        try store.append([event(1), event(2, .quizAttempted, score: 0.5)], to: "anna")
        let record = try store.read("anna")
        #expect(record.schema == 2)
        #expect(record.events.count == 3)
        let hashes = try record.events.map(LearnerChain.hash(of:))
        #expect(record.events.map(\.previous) == [LearnerChain.genesis, hashes[0], hashes[1]])
        #expect(record.events.map(\.sequence) == [0, 1, 2])
        #expect(record.head == ChainHead(events: 3, hash: hashes[2]))
        #expect(LearnerChain.head(of: record) == record.head)
        #expect(try firstBreak(record) == nil)
        let text = try #require(folder.read("learners/anna.json"))
        #expect(text.contains("\"schema\" : 2"))
        #expect(text.contains("\"prev\" : \"\(hashes[0])\""))
    }

    /// A save hashes only what it adds: the new event links to the stored head, whatever the events before say.
    @Test func appendingLinksToTheStoredHeadWithoutRehashing() throws {
        var record = try chained(3)
        record.head = ChainHead(events: 3, hash: String(repeating: "ab", count: 32))
        record.events.append(event(9))
        try LearnerChain.link(&record)
        #expect(record.events[3].previous == String(repeating: "ab", count: 32))
        #expect(record.events[3].sequence == 3)
        #expect(record.head == ChainHead(events: 4, hash: try LearnerChain.hash(of: record.events[3])))
        // Nothing new: nothing changes.
        let before = record
        try LearnerChain.link(&record)
        #expect(record == before)
    }

    /// Reading never hashes or judges: a file whose chain is broken reads as it is, for status, team and TUI.
    @Test func readingDoesNotCheckTheChain() throws {
        let folder = TemporaryFolder()
        var record = try chained(2)
        record.events[0].score = 1
        folder.write("learners/anna.json", String(decoding: try LearnerFileCodec.encode(record), as: UTF8.self))
        let read = try LearnerStore(dataFolder: folder.path).read("anna")
        #expect(read == record)
        #expect(try firstBreak(read)?.kind == .edited)
    }

    /// Schema 1 stays readable forever; its next save chains it from the first event, as a seal expects.
    @Test func aSchemaOneFileIsReadAndChainedOnItsNextSave() throws {
        let folder = TemporaryFolder()
        let file = #"""
            {"schema": 1, "learner": {"id": "anna", "name": "Anna", "roles": ["staff"]},
             "events": [
              {"id": "0BEFC5E8-518B-4F81-8C37-B739C314FC16", "at": "2026-01-05T09:00:00.000Z", "type": "roleAdded",
               "role": "staff", "prev": "forged", "seq": 7},
              {"id": "1BEFC5E8-518B-4F81-8C37-B739C314FC16", "at": "2026-01-06T09:00:00.000Z",
               "type": "lessonCompleted", "module": "ai-basics", "moduleVersion": "1.0.0", "lesson": "01-a"}],
             "review": {}, "head": {"events": 9, "hash": "forged"}}
            """#
        folder.write("learners/anna.json", file)
        let store = LearnerStore(dataFolder: folder.path)
        let read = try store.read("anna")
        #expect(read.schema == 1)
        #expect(read.head == nil && LearnerChain.head(of: read) == nil)
        #expect(read.events.allSatisfy { $0.previous == nil && $0.sequence == nil })
        let migrated = try LearnerChain.linked(read)
        try store.update("anna") { _ in }
        let saved = try store.read("anna")
        #expect(saved.schema == 2)
        #expect(saved == migrated)
        #expect(saved.events[0].previous == LearnerChain.genesis)
        #expect(try firstBreak(saved) == nil)
        #expect(folder.read("learners/anna.json")?.contains("forged") == false)
    }

    @Test func theFastReaderHandlesEveryMemberOfTheEventItself() {
        let unhandled = LearnerEvent.CodingKeys.allCases.filter { EventField(rawValue: $0.stringValue) == nil }
        #expect(unhandled.isEmpty, "members read only by Foundation: \(unhandled)")
        let chained = try? LearnerFileCodec.encode(try chained(4))
        let data = chained ?? Data()
        #expect(LearnerFileReader.record(from: data) != nil)
        #expect(LearnerFileReader.record(from: data) == LearnerFileCodec.foundationRecord(from: data))
    }

    // MARK: - What a break says

    @Test func anIntactChainHasNoBreak() throws {
        #expect(try firstBreak(try chained(5)) == nil)
        #expect(try firstBreak(try chained(0)) == nil)
    }

    @Test func anEditedScoreIsNamedAtItsEvent() throws {
        var record = try chained(5)
        record.events[1].score = 1
        let found = try #require(try firstBreak(record))
        #expect(found.kind == .edited)
        #expect(found.index == 1)
        #expect(found.event == record.events[1].id)
        #expect(found.description.hasPrefix("learner anna: edited at event 1 (id "))
    }

    @Test func anEditedLastEventIsNamedThroughTheHead() throws {
        var record = try chained(3)
        record.events[2].passed = true
        let found = try #require(try firstBreak(record))
        #expect(found.kind == .edited && found.index == 2)
    }

    @Test func aRemovedFailedAttemptIsNamed() throws {
        var record = try chained(5)
        record.events.remove(at: 3)
        let found = try #require(try firstBreak(record))
        #expect(found.kind == .removed && found.index == 3)
        #expect(found.detail.contains("1 event removed before event 3"))
    }

    @Test func aRemovedLastEventIsNamed() throws {
        var record = try chained(5)
        record.events.removeLast()
        let found = try #require(try firstBreak(record))
        #expect(found.kind == .removed && found.index == 4)
    }

    @Test func reorderedEventsAreNamed() throws {
        var record = try chained(5)
        record.events.swapAt(1, 2)
        let found = try #require(try firstBreak(record))
        #expect(found.kind == .reordered && found.index == 1)
    }

    @Test func anEventAddedByHandIsNamed() throws {
        var record = try chained(4)
        record.events.insert(event(30, .quizAttempted, score: 1), at: 2)
        let found = try #require(try firstBreak(record))
        #expect(found.kind == .inserted && found.index == 2)
        #expect(found.detail.contains("added by hand"))
    }

    /// A copy of an event with its link, put in the chain as if it had been there.
    @Test func anEventInsertedWithACopiedLinkIsNamed() throws {
        var record = try chained(4)
        var forged = event(30, .quizAttempted, score: 1)
        forged.previous = record.events[2].previous
        forged.sequence = 2
        record.events.insert(forged, at: 2)
        let found = try #require(try firstBreak(record))
        #expect(found.kind == .inserted && found.index == 2)
    }

    @Test func anEventAppendedByHandWithoutMovingTheHeadIsNamed() throws {
        var record = try chained(3)
        var forged = event(30, .quizAttempted, score: 1)
        forged.previous = record.head?.hash
        forged.sequence = 3
        record.events.append(forged)
        let found = try #require(try firstBreak(record))
        #expect(found.kind == .inserted && found.index == 3)
    }

    /// Before a seal the chain alone cannot tell: a file rewritten with a recomputed chain is intact. This is the
    /// limit docs/evidence.md names; seals close it (SealTests).
    @Test func aRecomputedChainIsIntactOnItsOwn() throws {
        var record = try chained(5)
        record.events.remove(at: 3)
        record.events[1].score = 1
        record.head = nil
        record.events = record.events.map { event in
            var copy = event
            copy.previous = nil
            copy.sequence = nil
            return copy
        }
        try LearnerChain.link(&record)
        #expect(try firstBreak(record) == nil)
    }
}
