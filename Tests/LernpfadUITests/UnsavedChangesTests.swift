import Foundation
import LernpfadCore
import LernpfadSession
import Testing

@testable import LernpfadUI

/// A save that fails (a full disk) loses nothing: the changes stay queued, the screen says so, and they are
/// written with the next key, once, in order.
@Suite("Unsaved changes")
struct UnsavedChangesTests {
    /// A learner file in memory whose writes fail while `failing` is set.
    final class FlakyDisk: @unchecked Sendable {
        private let lock = NSLock()
        private var file: LearnerRecord
        private var failingWrites: Int
        private(set) var writes = 0

        init(_ record: LearnerRecord, failingWrites: Int) {
            file = record
            self.failingWrites = failingWrites
        }

        func persist(_ changes: [RecordChange]) throws -> LearnerRecord {
            lock.lock()
            defer { lock.unlock() }
            if failingWrites > 0 {
                failingWrites -= 1
                throw StoreError.io(path: "/data/learners/anna.json", operation: "write", errno: ENOSPC)
            }
            writes += 1
            file.apply(changes)
            return file
        }

        var onDisk: LearnerRecord {
            lock.lock()
            defer { lock.unlock() }
            return file
        }
    }

    /// A runner at home whose saves go to `disk`.
    static func runner(writingTo disk: FlakyDisk) -> AppRunner {
        AppRunner(
            model: AppModel(
                catalog: UIFixture.catalog, record: UIFixture.record(), width: 80, height: 24, now: UIFixture.now),
            store: LearnerStore(dataFolder: "/nonexistent"), loader: UIFixture.loader(), saves: true, makeSeed: { 42 },
            persist: { _, changes in try disk.persist(changes) })
    }

    @Test func aFailedSaveIsShownKeptAndRetriedWithTheNextKey() throws {
        let disk = FlakyDisk(UIFixture.record(), failingWrites: 3)
        var runner = Self.runner(writingTo: disk)
        runner.handle(.resize(width: 80, height: 24), now: UIFixture.now)
        // Open the first lesson: the opening, then (once the text is loaded) the position and the completion; both
        // saves fail.
        for key in try Key.parseSequence("<enter>").get() { runner.handle(key, now: UIFixture.now) }
        #expect(runner.unsaved.count == 3)
        #expect(runner.render().plainText.contains("Nicht gespeichert"))
        #expect(runner.model.record?.events.count == 2, "the screen still shows what was done")
        #expect(disk.onDisk.events.isEmpty)

        // The next key retries first (fails again), then adds its own change to the queue.
        runner.handle(.character("j"), now: UIFixture.now)
        #expect(!runner.unsaved.isEmpty)
        // The disk has room again: everything is written once, in order, and the notice goes.
        runner.handle(.character("k"), now: UIFixture.now)
        #expect(runner.unsaved.isEmpty)
        #expect(!runner.render().plainText.contains("Nicht gespeichert"))
        #expect(disk.onDisk.events.map(\.kind) == [.lessonOpened, .lessonCompleted])
        #expect(disk.onDisk == runner.model.record)
    }

    @Test func whatCannotBeSavedAtTheEndIsCounted() {
        let disk = FlakyDisk(UIFixture.record(), failingWrites: 100)
        var runner = Self.runner(writingTo: disk)
        runner.handle(.character("L"), now: UIFixture.now)
        runner.handle(.character("q"), now: UIFixture.now)
        #expect(runner.model.isFinished)
        #expect(runner.finish(now: UIFixture.now) == 1)
        #expect(runner.model.saveProblem?.contains("write") == true)
    }
}
