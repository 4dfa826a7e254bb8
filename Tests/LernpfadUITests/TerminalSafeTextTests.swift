import LernpfadUI
import Testing

@Suite("Terminal-safe text")
struct TerminalSafeTextTests {
    @Test func removesWholeEscapeSequences() {
        #expect(TerminalSafeText.sanitize("\u{1B}[31mrot\u{1B}[0m") == "rot")
        #expect(TerminalSafeText.sanitize("a\u{1B}[2J\u{1B}[Hb") == "ab")
        #expect(TerminalSafeText.sanitize("\u{1B}(Bx") == "x")
        #expect(TerminalSafeText.sanitize("\u{1B}]0;gehackt\u{07}Titel") == "Titel")
        #expect(TerminalSafeText.sanitize("\u{1B}]8;;https://x.example\u{1B}\\Link\u{1B}]8;;\u{1B}\\") == "Link")
        #expect(TerminalSafeText.sanitize("\u{1B}Pq#0\u{1B}\\ok") == "ok")
    }

    @Test func removesC1ControlSequences() {
        #expect(TerminalSafeText.sanitize("\u{9B}31mrot") == "rot")
        #expect(TerminalSafeText.sanitize("\u{9D}0;x\u{9C}ok") == "ok")
        #expect(TerminalSafeText.sanitize("a\u{85}b") == "a b")
        #expect(TerminalSafeText.sanitize("a\u{80}\u{84}\u{8F}b") == "ab")
        #expect(TerminalSafeText.sanitize("a\u{9F}application program command\u{9C}b") == "ab")
    }

    @Test func dropsOtherControlCharacters() {
        #expect(TerminalSafeText.sanitize("Klingel\u{07}") == "Klingel")
        #expect(TerminalSafeText.sanitize("a\u{08}\u{7F}\u{00}b") == "ab")
        #expect(TerminalSafeText.sanitize("links\u{202E}rechts") == "linksrechts")
        #expect(TerminalSafeText.sanitize("\u{FEFF}Anfang") == "Anfang")
        #expect(TerminalSafeText.sanitize("Trenn\u{AD}strich") == "Trennstrich")
    }

    @Test func expandsTabsToTabStops() {
        #expect(TerminalSafeText.sanitize("a\tb") == "a   b")
        #expect(TerminalSafeText.sanitize("abcd\tb") == "abcd    b")
        #expect(TerminalSafeText.sanitize("ü\tx", tabWidth: 2) == "ü x")
        #expect(TerminalSafeText.sanitize("x\n\ty", keepingLineBreaks: true) == "x\n    y")
    }

    @Test func lineBreaksAreKeptOrJoined() {
        #expect(TerminalSafeText.sanitize("Zeile 1\nZeile 2") == "Zeile 1 Zeile 2")
        #expect(TerminalSafeText.sanitize("a\r\nb\rc\u{2028}d", keepingLineBreaks: true) == "a\nb\nc\nd")
        #expect(TerminalSafeText.sanitize("a\r\nb") == "a b")
    }

    @Test func normalisesToNFC() {
        let result = TerminalSafeText.sanitize("Cafe\u{301}")
        #expect(result == "Café")
        #expect(result.unicodeScalars.map(\.value) == [0x43, 0x61, 0x66, 0xE9])
        #expect(TerminalSafeText.sanitize("\u{212B}").unicodeScalars.map(\.value) == [0xC5])  // Angstrom sign
    }

    @Test func leavesSafeTextAlone() {
        for text in ["Hallo Welt", "Grüße aus Köln – „KI“ kostet 5 €", "日本語 😀", ""] {
            #expect(TerminalSafeText.sanitize(text) == text)
        }
    }

    @Test func resultNeverContainsControlCharacters() {
        let hostile = [
            "\u{1B}", "\u{1B}[", "\u{1B}]52;c;aGk=\u{07}", "\u{9B}?1049h", "\u{1B}[?1049h\u{1B}[?25l",
            "x\u{1B}\u{1B}[1;1Hy", "\u{90}DCS without end", "\u{1B}]unterminated\nnext line", "\r\u{0C}\u{0B}",
        ]
        for text in hostile {
            for keeping in [false, true] {
                let safe = TerminalSafeText.sanitize(text, keepingLineBreaks: keeping)
                let controls = safe.unicodeScalars.filter { scalar in
                    (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
                }
                #expect(controls.isEmpty, "\(text.debugDescription) -> \(safe.debugDescription)")
                #expect(keeping || !safe.contains("\n"))
            }
        }
        #expect(TerminalSafeText.sanitize("\u{1B}]unterminated\nnext line", keepingLineBreaks: true) == "\nnext line")
    }
}
