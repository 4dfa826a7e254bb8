import LernpfadUI
import Testing

/// A lesson that is one enormous token lays out, whole and within the width (issue 12, point 14).
///
/// Wrapping used to rescan the rest of a word for every line it cut off, so a 3.9 MB token froze the reader
/// for hours. These tests measure no time: on the old code they do not finish. `scripts/bench` has the
/// row "4 MB token lesson lays out" with its target.
@Suite("Long tokens")
struct LongTokenLayoutTests {
    static let fourMB = 4_000_000

    /// The text of the lines, without the `-` markers at forced breaks.
    static func text(of lines: [StyledLine]) -> String {
        lines.map { line in
            var text = line.plainText
            if text.hasSuffix("-") { text.removeLast() }
            return text
        }.joined()
    }

    @Test func aFourMegabyteTokenLaysOutWhole() {
        let token = String(repeating: "x", count: Self.fourMB)
        let lines = MarkdownLayout.layout(token, width: 80)
        #expect(lines.allSatisfy { $0.width <= 80 })
        #expect(Self.text(of: lines) == token)
        #expect(lines.count >= Self.fourMB / 80)
    }

    @Test func aFourMegabyteTokenWithHyphensLaysOutWhole() {
        let token = String(repeating: "KI-", count: Self.fourMB / 3)
        let lines = MarkdownLayout.layout(token, width: 60)
        #expect(lines.allSatisfy { $0.width <= 60 })
        #expect(lines.map(\.plainText).joined() == token, "hyphen breaks add no marker")
    }

    @Test func aTokenOfManyStylesLaysOutWhole() {
        // `a**b**` a hundred thousand times: one word of 200,000 fragments.
        let markdown = String(repeating: "a**b**", count: 100_000)
        let lines = MarkdownLayout.layout(markdown, width: 70)
        #expect(lines.allSatisfy { $0.width <= 70 })
        #expect(Self.text(of: lines) == String(repeating: "ab", count: 100_000))
    }

    @Test func aFourMegabyteCodeLineLaysOutWhole() {
        let line = String(repeating: "y", count: Self.fourMB)
        let lines = MarkdownLayout.layout("```\n" + line + "\n```", width: 80)
        #expect(lines.allSatisfy { $0.width <= 80 })
        #expect(lines.map { $0.plainText.trimmingPrefix("  ") }.joined() == line)
    }
}

extension String {
    fileprivate func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
