import Foundation
import LernpfadCore
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
        #expect(detail.contains("questions due for review"))
    }

    @Test func learnersWithoutATeamRoleSeeNoTeamItem() {
        var record = UIFixture.record()
        record.learner.roles = ["staff"]
        let text = UIFixture.screen("", record: record).joined(separator: "\n")
        #expect(!text.contains("≡ Team"))
        #expect(UIFixture.screen("").joined(separator: "\n").contains("≡ Team"))
    }
}
