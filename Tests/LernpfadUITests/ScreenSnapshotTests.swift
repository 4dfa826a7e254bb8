import Foundation
import LernpfadCore
import Testing

@testable import LernpfadUI

/// Every screen at 80x24 and at the minimum 40x12, compared as text.
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    static let screens: [(name: String, keys: String)] = [
        ("home", ""),
        ("path", "jj<enter>"),
        ("module", "jj<enter><enter>"),
        ("reader", "jj<enter><enter><enter>"),
        ("reader-scrolled", "jj<enter><enter>j<enter><pgdn>"),
        ("quiz-question", "jj<enter><enter>jj<enter>"),
        ("quiz-feedback", "jj<enter><enter>jj<enter>2<enter>"),
        ("quiz-summary", "jj<enter><enter>jj<enter>2<enter><enter>ab<enter><enter>"),
        ("help", "?"),
        ("search", "/Grenz"),
        ("english-home", "L"),
    ]

    @Test(arguments: screens.map(\.name))
    func screenAt80x24(_ name: String) {
        let keys = Self.screens.first { $0.name == name }!.keys
        let lines = UIFixture.screen(keys)
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { DisplayWidth.of($0) == 80 })
        assertSnapshot(lines, named: "\(name)-80x24")
    }

    @Test(arguments: screens.map(\.name))
    func screenAt40x12(_ name: String) {
        let keys = Self.screens.first { $0.name == name }!.keys
        let lines = UIFixture.screen(keys, width: 40, height: 12)
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { DisplayWidth.of($0) == 40 })
        assertSnapshot(lines, named: "\(name)-40x12")
    }

    @Test func onboardingScreens() {
        let start = UIFixture.runner(
            AppModel(
                catalog: UIFixture.catalog, newLearnerID: "anna", language: .german, width: 80, height: 24,
                now: UIFixture.now))
        assertSnapshot(start.render().lines, named: "onboarding-name-80x24")
        let roles = UIFixture.run("Anna<enter>Vertrieb<enter> ", on: start)
        assertSnapshot(roles.render().lines, named: "onboarding-roles-80x24")
    }

    @Test func tooSmallWindowShowsANoticeNotACrash() {
        for (width, height) in [(39, 12), (40, 11), (10, 3), (1, 1), (0, 0)] {
            let lines = UIFixture.screen("", width: width, height: height)
            #expect(lines.count == height)
            if height >= 3 && width >= 20 { #expect(lines.joined().contains("Fenster zu klein")) }
        }
    }
}
