import Foundation
import LernpfadCore
import LernpfadSession
import Testing

@testable import LernpfadUI

/// The key explorer: generated key sequences from every start, on the shipped and a hostile course.
///
/// After every key: no trap, a stack that is never empty, a frame that fits the window and holds no control
/// characters, Ctrl-C (and q outside text fields) ends, Esc leads home within the stack depth, no file read by
/// the model; and the record on disk equals the one in memory. `scripts/fuzz` runs the same with more sequences.
@Suite("Key explorer")
struct KeyExplorerTests {
    static let sequencesPerStart = Int(ProcessInfo.processInfo.environment["LERNPFAD_EXPLORER_SEQUENCES"] ?? "") ?? 20
    static let length = 60

    static func explore(_ course: String, folder: String, start: ExplorerCourse.Start, seed: UInt64) {
        let tripwire = Tripwire()
        let data = ExplorerCourse.dataFolder("\(course)-\(start.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let checker = InvariantChecker(
            makeRunner: ExplorerCourse.makeRunner(start, folder: folder, data: data, tripwire: tripwire))
        for keys in KeyExplorer.sequences(seed: seed, count: sequencesPerStart, length: length) {
            if let failure = checker.check(keys, now: ExplorerCourse.now) {
                let shrunk = KeyExplorer.shrink(failure.keys) {
                    checker.check($0, now: ExplorerCourse.now)?.invariant == failure.invariant
                }
                Issue.record(
                    "\(start.rawValue) on the \(course) course: \(failure.invariant), shrunk to --keys '\(KeyExplorer.notation(shrunk))'"
                )
                return
            }
            if tripwire.reads > 0 {
                Issue.record("the model read a quiz file itself after --keys '\(KeyExplorer.notation(keys))'")
                return
            }
        }
    }

    @Test(arguments: ExplorerCourse.Start.allCases)
    func shippedCourseKeepsEveryInvariant(_ start: ExplorerCourse.Start) {
        Self.explore("shipped", folder: ExplorerCourse.shippedFolder, start: start, seed: 11)
    }

    @Test(arguments: ExplorerCourse.Start.allCases)
    func hostileCourseKeepsEveryInvariant(_ start: ExplorerCourse.Start) {
        Self.explore("hostile", folder: ExplorerCourse.hostileFolder, start: start, seed: 23)
    }

    @Test func shrinkingFindsTheSmallestFailingPart() {
        let keys = KeyExplorer.sequences(seed: 5, count: 1, length: 80)[0] + [.character("!")]
        let shrunk = KeyExplorer.shrink(keys) { $0.contains(.character("!")) }
        #expect(shrunk == [.character("!")])
    }

    @Test func notationRoundTripsThroughTheSnapshotParser() throws {
        for keys in KeyExplorer.sequences(seed: 3, count: 20, length: 40) {
            #expect(try Key.parseSequence(KeyExplorer.notation(keys)).get() == keys)
        }
    }
}
