import Foundation
import LernpfadCore
import LernpfadSession
import Testing

@testable import LernpfadUI

/// An ambassador attests a colleague's milestone from the team view: chosen, confirmed, written to the
/// colleague's file in the ambassador's name, and shown.
@Suite("Attest from the team view")
struct AttestFromTeamViewTests {
    /// A data folder with Ben's file, and a runner for Anna (ambassador) that writes to it.
    static func setUp() throws -> (folder: String, store: LearnerStore, runner: AppRunner) {
        let folder = NSTemporaryDirectory() + "lernpfad-attest-\(UUID().uuidString)"
        let store = LearnerStore(dataFolder: folder)
        try store.create(UIFixture.teamRecords[1])
        var runner = AppRunner(
            model: AppModel(
                catalog: UIFixture.catalog, record: UIFixture.record(), width: 100, height: 30, now: UIFixture.now),
            store: store, loader: UIFixture.loader(), saves: true, makeSeed: { 42 })
        runner.handle(.resize(width: 100, height: 30), now: UIFixture.now)
        return (folder, store, runner)
    }

    /// Home → team view (Marketing) → sorted by name → Ben → his detail.
    static let toBen = "jjjj<enter>sj<enter>"

    @Test func aMilestoneIsAttestedInTheAmbassadorsName() throws {
        var (folder, store, runner) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        runner = UIFixture.run(Self.toBen + "a", on: runner)
        #expect(runner.render().plainText.contains("Meilenstein: Kick-off besucht"))
        runner = UIFixture.run("<enter>", on: runner)
        #expect(runner.render().plainText.contains("„Kick-off besucht“ für Ben Müller bestätigen? ⏎ ja · Esc nein"))
        #expect(try store.read("ben").events.allSatisfy { $0.kind != .attested }, "nothing before ⏎ confirms")
        runner = UIFixture.run("<enter>", on: runner)
        let attested = try store.read("ben").events.filter { $0.kind == .attested }
        #expect(attested.count == 1)
        #expect(attested.first?.milestone == "team-kickoff")
        #expect(attested.first?.by == "Anna Beispiel (anna)")
        #expect(attested.first?.at == UIFixture.now)
        let screen = runner.render().plainText
        #expect(screen.contains("Bestätigt: Kick-off besucht für ben"))
        #expect(screen.contains("Ben Müller (ben)"), "back on Ben's detail")
    }

    @Test func escCancelsAndWritesNothing() throws {
        var (folder, store, runner) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        runner = UIFixture.run(Self.toBen + "a<enter><esc><esc>", on: runner)
        #expect(try store.read("ben").events.allSatisfy { $0.kind != .attested })
        #expect(runner.render().plainText.contains("Ben Müller (ben)"), "Esc cancels, then goes back")
    }

    @Test func aFailedWriteSaysSoAndNothingIsShownAsDone() throws {
        var (folder, _, runner) = try Self.setUp()
        try FileManager.default.removeItem(atPath: folder)
        runner = UIFixture.run(Self.toBen + "a<enter><enter>", on: runner)
        #expect(runner.render().plainText.contains("Nicht bestätigt:"))
    }

    @Test func ownDetailHasNoAttestKey() {
        let text = UIFixture.screen("jj<enter>w?").joined(separator: "\n")
        #expect(!text.contains("Meilenstein bestätigen"), "one cannot attest oneself from the path screen")
    }
}
