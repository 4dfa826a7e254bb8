import LernpfadUI
import Testing

@Suite("Display width")
struct DisplayWidthTests {
    @Test func asciiAndUmlautsAreOneColumnEach() {
        #expect(DisplayWidth.of("Hallo") == 5)
        #expect(DisplayWidth.of("ü") == 1)
        #expect(DisplayWidth.of("Grüße, Ärger, Öl") == 16)
        #expect(DisplayWidth.of(Character("ß")) == 1)
    }

    @Test func eastAsianWideCharactersAreTwoColumns() {
        #expect(DisplayWidth.of("日") == 2)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("Ａ") == 2)  // fullwidth A
        #expect(DisplayWidth.of("KI 日本") == 7)
    }

    @Test func combiningMarksAddNothing() {
        let decomposed = "e\u{301}"  // e + combining acute accent
        #expect(DisplayWidth.of(decomposed) == 1)
        #expect(DisplayWidth.of(Character(decomposed)) == 1)
        #expect(DisplayWidth.of("Cafe\u{301} und Bu\u{308}ro") == 13)
        #expect(DisplayWidth.of("\u{301}") == 0)
    }

    @Test func zeroWidthAndControlCharactersAddNothing() {
        #expect(DisplayWidth.of("a\u{200B}b") == 2)  // zero-width space
        #expect(DisplayWidth.of("a\u{200D}b") == 2)  // zero-width joiner
        #expect(DisplayWidth.of("\u{1B}\u{07}") == 0)
    }

    @Test func emojiInEmojiPresentationAreTwoColumns() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)  // with skin tone modifier
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)  // zero-width joiner sequence
        #expect(DisplayWidth.of("🇩🇪") == 2)  // flag
        #expect(DisplayWidth.of("❤️") == 2)  // text-default heart with VS16
        #expect(DisplayWidth.of("☺") == 1)  // text presentation by default
        #expect(DisplayWidth.of("Top 👍 gemacht") == 14)
    }

    @Test func stringWidthIsTheSumOfItsCharacters() {
        let samples = ["Grüße 日本 😀 e\u{301} ─│┌ „Zitat“ – 5 €", "👨‍👩‍👧🇩🇪❤️x", "a\u{0600}1"]
        for sample in samples {
            #expect(DisplayWidth.of(sample) == sample.reduce(0) { $0 + DisplayWidth.of($1) }, "\(sample)")
        }
    }
}
