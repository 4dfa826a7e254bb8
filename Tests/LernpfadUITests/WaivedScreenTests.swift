import Foundation
import LernpfadCore
import LernpfadSession
import Testing

@testable import LernpfadUI

/// Issue 16, item 6 in the TUI: a waived module says so, with its reason, on Home, the path, module and team
/// screens and under "Warum?", in German and in English.
@Suite("Waived in the TUI")
struct WaivedScreenTests {
    private static func waived(_ language: LanguageCode) -> LearnerRecord {
        var record = UIFixture.record(language: language)
        record.events = [
            LearnerEvent(
                at: Timestamp.parse("2026-10-01T10:00:00Z")!, kind: .waived, by: "ben", role: "staff",
                reason: "Vorkenntnisse: Zertifikat 2026", until: Timestamp.parse("2027-03-01T23:59:59.999Z")!)
        ]
        return record
    }

    @Test(arguments: [
        (
            LanguageCode.german, "erlassen",
            "erlassen von ben am 1. Oktober 2026: Vorkenntnisse: Zertifikat 2026; bis 1. März 2027"
        ),
        (
            LanguageCode.english, "waived",
            "waived by ben on 1 October 2026: Vorkenntnisse: Zertifikat 2026; until 1 March 2027"
        ),
    ])
    func waivedShowsWithItsReasonOnEveryScreen(_ language: LanguageCode, _ word: String, _ note: String) {
        let record = Self.waived(language)
        let home = UIFixture.screen("", record: record).joined(separator: "\n")
        #expect(home.contains(word), "Home:\n\(home)")
        let path = UIFixture.screen("jj<enter>", record: record).joined(separator: "\n")
        #expect(path.contains("\(word): Vorkenntnisse"), "path:\n\(path)")
        let module = UIFixture.screen("jj<enter><enter>", record: record).joined(separator: "\n")
        #expect(module.contains(String(note.prefix(40))), "module:\n\(module)")
        let why = UIFixture.screen("jj<enter>w", record: record).joined(separator: "\n")
        #expect(why.contains(String(note.prefix(30))), "Warum?:\n\(why)")
    }

    @Test func theTeamViewShowsAWaivedLearnerAsWaived() {
        let base = UIFixture.loader()
        var loader = base
        loader.team = { now in
            var data = base.team(now)
            var record = Self.waived(.german)
            record.learner = LearnerProfile(id: "dora", name: "Dora Erlass", team: "Marketing", roles: ["staff"])
            data.contributions.append(TeamReport.contribution(of: record, catalog: UIFixture.catalog, now: now))
            return data
        }
        var runner = AppRunner(
            model: AppModel(
                catalog: UIFixture.catalog, record: UIFixture.record(), width: 100, height: 30, now: UIFixture.now),
            store: LearnerStore(dataFolder: "/nonexistent"), loader: loader, saves: false, makeSeed: { 42 })
        runner = UIFixture.run("<resize:100x30>jjjj<enter>", on: runner)
        let text = runner.render().plainText
        let line = text.split(separator: "\n").first { $0.contains("Dora Erlass") }
        #expect(line?.contains("erlassen") == true, "\(text)")
    }
}
