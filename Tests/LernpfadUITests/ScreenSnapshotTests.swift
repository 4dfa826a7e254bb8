import Foundation
import LernpfadCore
import LernpfadSession
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

    /// The steps of a first start on the shipped course, and the home it ends at: docs/tui.md shows these files.
    static let onboardingSteps: [(name: String, keys: String)] = [
        ("onboarding-1-language", ""),
        ("onboarding-2-name", "<enter>Anna Beispiel<enter>Market"),
        ("onboarding-3-roles", "<enter>Anna Beispiel<enter>Marketing<enter> j "),
        ("onboarding-4-summary", "<enter>Anna Beispiel<enter>Marketing<enter> j <enter>"),
        ("home-after-onboarding", "<enter>Anna Beispiel<enter>Marketing<enter> j <enter><enter>"),
    ]

    /// A first start for "anna" on the shipped course, German, in a window of `width`x`height`.
    static func shippedFirstStart(width: Int, height: Int) -> AppRunner {
        let catalog = ExplorerCourse.catalog(ExplorerCourse.shippedFolder)
        let store = LearnerStore(dataFolder: "/nonexistent")
        var runner = AppRunner(
            model: AppModel(
                catalog: catalog, newLearnerID: "anna", language: .german, width: width, height: height,
                now: UIFixture.now),
            store: store, loader: ResourceLoader(catalog: catalog, store: store), saves: false, makeSeed: { 42 })
        runner.handle(.resize(width: width, height: height), now: UIFixture.now)
        return runner
    }

    @Test(arguments: onboardingSteps.map(\.name))
    func onboardingOnTheShippedCourse(_ name: String) {
        let keys = Self.onboardingSteps.first { $0.name == name }!.keys
        for (width, height) in [(80, 24), (40, 12)] {
            let lines = UIFixture.run(keys, on: Self.shippedFirstStart(width: width, height: height)).render().lines
            #expect(lines.count == height && lines.allSatisfy { DisplayWidth.of($0) == width })
            assertSnapshot(lines, named: "\(name)-\(width)x\(height)")
        }
    }

    /// docs/tui.md shows Home and onboarding at 80x24 as these tests render them, so the page stays true.
    @Test func theDocsShowTheSnapshotsAsRendered() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("docs/tui.md"), encoding: .utf8)
        func trimmed(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
        }
        let page = trimmed(docs)
        for name in Self.onboardingSteps.map(\.name) {
            let file = root.appendingPathComponent("Tests/LernpfadUITests/Snapshots/\(name)-80x24.txt")
            let snapshot = trimmed(try String(contentsOf: file, encoding: .utf8))
            #expect(page.contains("```\n" + snapshot + "```"), "docs/tui.md does not show \(name)-80x24 as rendered")
        }
    }

    @Test func tooSmallWindowShowsANoticeNotACrash() {
        for (width, height) in [(39, 12), (40, 11), (10, 3), (1, 1), (0, 0)] {
            let lines = UIFixture.screen("", width: width, height: height)
            #expect(lines.count == height)
            if height >= 3 && width >= 20 { #expect(lines.joined().contains("Fenster zu klein")) }
        }
    }
}
