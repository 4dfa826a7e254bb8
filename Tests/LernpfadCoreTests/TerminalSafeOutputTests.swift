import Foundation
import Testing

@testable import LernpfadCore

/// The shared definitions that keep other people's text from steering a terminal (issue 12, point 13).
@Suite("Terminal-safe output")
struct TerminalSafeOutputTests {
    static let hostile = "a\u{1B}[2J\u{07}\u{9B}1m\u{85}\u{202E}b\u{2066}\u{200F}\u{FEFF}\u{7F}"

    @Test func messagesEscapeEveryControlAndBidiScalarVisibly() {
        let escaped = Self.hostile.escapedForMessage(limit: 200)
        #expect(escaped == #"a\u{1b}[2J\u{7}\u{9b}1m\u{85}\u{202e}b\u{2066}\u{200f}\u{feff}\u{7f}"#)
        #expect("plain".escapedForMessage() == "plain")
    }

    @Test func messagesAreCutAfterTheLimitEscapesIncluded() {
        #expect(String(repeating: "x", count: 100).escapedForMessage(limit: 10) == "xxxxxxxxxx…")
        // An escape is never cut in half.
        #expect("ab\u{1B}c".escapedForMessage(limit: 5) == "ab…")
        #expect("ab\u{1B}c".escapedForMessage(limit: 9) == #"ab\u{1b}c"#)
    }

    @Test func jsonKeepsItsMeaningWithoutRawInvisibles() throws {
        let value = ["name": Self.hostile, "plain": "Grüße – ok"]
        let raw = try JSONEncoder().encode(value)
        let safe = TerminalSafeText.escapingInvisibles(inJSON: raw)
        let text = String(decoding: safe, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(text.contains(#"\u202e"#) && text.contains(#"\u009b"#))
        #expect(try JSONDecoder().decode([String: String].self, from: safe) == value)
        let plain = Data(#"{"a":"Grüße – ok"}"#.utf8)
        #expect(TerminalSafeText.escapingInvisibles(inJSON: plain) == plain)
    }

    @Test func documentsLoseInvisiblesButKeepTheirLayout() {
        let document = Data("a,b\r\n\u{1B}c\u{202E}\td\u{9B}\r\n".utf8)
        let safe = TerminalSafeText.removingInvisibles(keepingLayout: document)
        #expect(String(decoding: safe, as: UTF8.self) == "a,b\r\nc\td\r\n")
    }

    @Test func csvFieldsAreSafeAndNeverFormulas() {
        #expect(TeamReport.field("=1+1", separator: ",") == "'=1+1")
        #expect(TeamReport.field("\tx", separator: ",").hasPrefix("'"))
        #expect(TeamReport.field("\rx", separator: ",").hasPrefix("'"))
        #expect(TeamReport.field("\u{1B}[0m=HYPERLINK(1)", separator: ",") == "'=HYPERLINK(1)")
        #expect(TeamReport.field("Anna\u{202E}\u{07}", separator: ",") == "Anna")
        #expect(TeamReport.field("a\r\nb", separator: ",") == "a b")
        #expect(TeamReport.field("Müller, Anna", separator: ",") == "\"Müller, Anna\"")
    }

    @Test func htmlShowsBidiOverridesInsteadOfObeyingThem() {
        #expect(TeamReport.escape("anna\u{202E}txt.exe<") == #"anna\u{202e}txt.exe&lt;"#)
        #expect(TeamReport.escape("\u{1B}[31m") == #"\u{1b}[31m"#)
    }

    /// Random text across the eight-byte steps of the survey: nothing unsafe survives, safe text is kept.
    @Test func sanitizeLeavesNothingUnsafeWhereverItSits() {
        let pool: [String] = [
            "a", "Z", " ", "-", "\n", "\t", "\r", "\u{1B}", "\u{1B}[31m", "\u{07}", "\u{7F}", "\u{9B}", "\u{85}",
            "\u{202E}", "\u{2066}", "\u{AD}", "\u{FEFF}", "é", "e\u{301}", "═", "日", "🙂",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let text = (0..<next(40)).map { _ in pool[next(pool.count)] }.joined()
            for keepingLineBreaks in [false, true] {
                let safe = TerminalSafeText.sanitize(text, keepingLineBreaks: keepingLineBreaks)
                let bad = safe.unicodeScalars.filter {
                    ($0.value < 0x20 && !(keepingLineBreaks && $0.value == 0x0A)) || (0x7F...0x9F).contains($0.value)
                        || String.needsEscape($0) && $0.value >= 0x80
                }
                #expect(bad.isEmpty, "\(text.debugDescription) -> \(safe.debugDescription)")
                #expect(TerminalSafeText.sanitize(safe, keepingLineBreaks: keepingLineBreaks) == safe)
            }
        }
        let plain = String(repeating: "Grüße aus Köln, 日本 ═ ok. ", count: 20)
        #expect(TerminalSafeText.sanitize(plain) == plain)
    }

    @Test func tableColumnsAlignByDisplayWidth() {
        let lines = TeamReport.align([["日本", "x"], ["ab", "y"]])
        #expect(lines == ["日本  x", "ab    y"])
    }
}
