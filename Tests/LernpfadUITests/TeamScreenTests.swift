import Foundation
import LernpfadCore
import LernpfadSession
import Testing

@testable import LernpfadUI

@Suite("Team screen")
struct TeamScreenTests {
    @Test func ambassadorsReachTheTeamViewFromHome() {
        let lines = UIFixture.screen("jjjj<enter>")
        assertSnapshot(lines, named: "team-80x24")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Team: Marketing"))
        #expect(text.contains("Ben Müller"))
        #expect(!text.contains("Cleo Weiß"), "the view starts filtered to the learner's own team")
        #expect(text.contains("Häufig falsch beantwortet"))
        #expect(text.contains("1×/1 KI-Grundlagen: Was ist ein KI-System?"))
        #expect(text.contains("broken.json: not a JSON object"))
    }

    @Test func filterCyclesThroughTeamsAndDetailOpens() {
        let all = UIFixture.screen("jjjj<enter>ff").joined(separator: "\n")
        #expect(all.contains("Team: alle Teams"))
        #expect(all.contains("Cleo Weiß"))
        let detail = UIFixture.screen("jjjj<enter>ff<enter>").joined(separator: "\n")
        #expect(detail.contains("(ben)") || detail.contains("(anna)") || detail.contains("(cleo)"))
        #expect(detail.contains("Team › "), "the title names the team view and the learner")
        #expect(detail.contains("Mitarbeitende  "), "the detail is in the UI's language, with path titles")
        #expect(detail.contains("Noch nicht bestätigt."), "the milestone says why it is not done")
        #expect(!detail.contains("valid until") && !detail.contains("in progress"), "no English CLI text")
    }

    /// Counts how often the team is read.
    final class ReadCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func read() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
    }

    @Test func theTeamIsReadAnewEachTimeTheViewOpens() throws {
        let reads = ReadCounter()
        let base = UIFixture.loader()
        var loader = base
        loader.team = { now in
            var data = base.team(now)
            // Each read sees one more learner, as when a colleague enrols meanwhile.
            let extra = (0..<reads.read()).map { index in
                TeamReport.contribution(
                    of: LearnerRecord(
                        learner: LearnerProfile(
                            id: "new\(index)", name: "Neu \(index)", team: "Marketing", roles: ["staff"])),
                    catalog: UIFixture.catalog, now: now)
            }
            data.contributions += extra
            return data
        }
        var runner = AppRunner(
            model: AppModel(
                catalog: UIFixture.catalog, record: UIFixture.record(), width: 80, height: 24, now: UIFixture.now),
            store: LearnerStore(dataFolder: "/nonexistent"), loader: loader, saves: false, makeSeed: { 42 })
        runner = UIFixture.run("<resize:80x24>jjjj<enter>", on: runner)
        #expect(runner.render().plainText.contains("Neu 0"))
        #expect(!runner.render().plainText.contains("Neu 1"))
        runner = UIFixture.run("<esc>jjjj<enter>", on: runner)
        #expect(runner.render().plainText.contains("Neu 1"), "the second visit shows the folder as it is now")
    }

    @Test func theItemAnalysisShowsWhichQuestionsToRevise() {
        // Twelve first attempts: everyone gets "definition" right and nobody picks its wrong choices; half miss
        // "outputs" by leaving out "b", and nobody picks its wrong choice "c".
        let records = (0..<12).map { number in
            var record = LearnerRecord(
                learner: LearnerProfile(id: "l\(number)", name: "L \(number)", team: "Marketing", roles: ["staff"]))
            record.events = [
                LearnerEvent(
                    at: Timestamp.parse("2026-11-01T10:00:00Z")!, kind: .quizAttempted, module: "basics",
                    moduleVersion: SemanticVersion(1, 0, 0), score: number < 6 ? 1 : 0.5, passed: true,
                    answers: [
                        LearnerEvent.Answer(question: "definition", chosen: ["b"], correct: true),
                        LearnerEvent.Answer(
                            question: "outputs", chosen: number < 6 ? ["a", "b"] : ["a"], correct: number < 6),
                    ])
            ]
            return record
        }
        var loader = UIFixture.loader()
        loader.team = { now in
            TeamData(
                contributions: records.map { TeamReport.contribution(of: $0, catalog: UIFixture.catalog, now: now) },
                skipped: [], asOf: now)
        }
        var runner = AppRunner(
            model: AppModel(
                catalog: UIFixture.catalog, record: UIFixture.record(), width: 100, height: 60, now: UIFixture.now),
            store: LearnerStore(dataFolder: "/nonexistent"), loader: loader, saves: false, makeSeed: { 42 })
        runner = UIFixture.run("<resize:100x60>jjjj<enter>", on: runner)
        let text = runner.render().plainText
        #expect(text.contains("Fragen zum Überarbeiten (Itemanalyse)"))
        #expect(text.contains("100 % richtig KI-Grundlagen: Was ist ein KI-System?"))
        #expect(text.contains("alle richtig: trennt niemanden · „Jede Software“, „Nur ein Roboter“ nie gewählt"))
        #expect(text.contains("50 % richtig KI-Grundlagen: Welche Ausgaben nennt Art. 3(1)?"))
        #expect(text.contains("„Stromrechnungen“ nie gewählt"))
    }

    @Test func learnersWithoutATeamRoleSeeNoTeamItem() {
        var record = UIFixture.record()
        record.learner.roles = ["staff"]
        let text = UIFixture.screen("", record: record).joined(separator: "\n")
        #expect(!text.contains("≡ Team"))
        #expect(UIFixture.screen("").joined(separator: "\n").contains("≡ Team"))
    }
}
