import Foundation
import LernpfadCore
import Testing

@testable import LernpfadUI

/// Where the terminal cannot show UTF-8, every glyph has an ASCII form of the same width.
@Suite("ASCII glyphs")
struct GlyphFallbackTests {
    static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { (0x20...0x7E).contains($0) } }

    @Test(arguments: Glyph.allCases)
    func everyGlyphHasAnASCIIFormOfItsWidth(_ glyph: Glyph) {
        #expect(Self.isASCII(glyph.ascii), "\(glyph)")
        #expect(DisplayWidth.of(glyph.ascii) == DisplayWidth.of(glyph.text), "\(glyph) keeps its columns")
        #expect(Glyph.ascii(for: glyph.text) == glyph.ascii)
    }

    @Test func boxGlyphsNameTheirLinePieceAndNothingElseDoes() {
        let lines = Glyph.allCases.filter { $0.line != nil }
        #expect(Set(lines.compactMap(\.line)) == Set(LineGlyph.allCases), "one glyph a piece")
        #expect(Glyph.lock.line == nil && Glyph.doubleLine.line == nil)
        #expect(Glyph.horizontal.line?.vt100Code == "q")
    }

    @Test func textLosesItsDiacriticsButKeepsItsColumns() {
        #expect(Glyph.ascii(for: "ü") == "u")
        #expect(Glyph.ascii(for: "Ä") == "A")
        #expect(Glyph.ascii(for: "ß") == "s")
        #expect(Glyph.ascii(for: "„") == "\"")
        #expect(Glyph.ascii(for: "–") == "-")
        #expect(Glyph.ascii(for: "日") == "? ", "a wide character keeps two columns")
        #expect(Glyph.ascii(for: "a") == "a")
    }

    @Test func homeInASCIIHasOnlyASCIIAndTheSameColumns() {
        let canvas = UIFixture.run("", on: UIFixture.runner()).render()
        #expect(!canvas.lines.allSatisfy(Self.isASCII), "the Unicode screen has glyphs to replace")
        let ascii = canvas.lines(in: .ascii)
        #expect(ascii.count == canvas.height)
        for line in ascii {
            #expect(Self.isASCII(line), "\(line)")
            #expect(line.count == canvas.width)
        }
        #expect(ascii.contains { $0.contains("> Als Nachstes") })
        #expect(canvas.lines(in: .unicode) == canvas.lines)
    }

    @Test func theHelpBoxIsDrawnWithASCIILines() throws {
        let canvas = UIFixture.run("?", on: UIFixture.runner()).render()
        let ascii = canvas.lines(in: .ascii)
        let top = try #require(ascii.first { $0.contains("+- Tasten ") })
        #expect(top.contains("-+"))
        #expect(ascii.contains { $0.contains("|") })
    }

    @Test func aLockedModuleShowsItsLockInASCII() {
        let canvas = UIFixture.run("jj<enter>", on: UIFixture.runner()).render()
        #expect(canvas.plainText.contains("🔒"))
        #expect(canvas.lines(in: .ascii).joined().contains("#!"))
    }

    @Test func autoFollowsTheLocaleAndTheTerminalType() {
        #expect(GlyphSet.detect(preference: .auto, localeIsUTF8: true, terminal: "xterm-256color") == .unicode)
        #expect(GlyphSet.detect(preference: .auto, localeIsUTF8: true, terminal: "tmux-256color") == .unicode)
        #expect(GlyphSet.detect(preference: .auto, localeIsUTF8: false, terminal: "xterm-256color") == .ascii)
        #expect(GlyphSet.detect(preference: .auto, localeIsUTF8: true, terminal: "vt100") == .ascii)
        #expect(GlyphSet.detect(preference: .auto, localeIsUTF8: true, terminal: "linux") == .ascii)
        #expect(GlyphSet.detect(preference: .auto, localeIsUTF8: true, terminal: "linux-16color") == .ascii)
        #expect(GlyphSet.detect(preference: .unicode, localeIsUTF8: false, terminal: "vt100") == .unicode)
        #expect(GlyphSet.detect(preference: .ascii, localeIsUTF8: true, terminal: "xterm") == .ascii)
    }
}
