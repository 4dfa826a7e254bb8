import LernpfadUI
import Testing

@Suite("Canvas")
struct CanvasTests {
    @Test func newCanvasIsBlankAndEveryLineIsExactlyTheWidth() {
        let canvas = Canvas(width: 4, height: 2)
        #expect(canvas.lines == ["    ", "    "])
        #expect(canvas.plainText == "    \n    ")
        #expect(Canvas(width: -1, height: 3).lines == ["", "", ""])
    }

    @Test func putWritesTextAndReturnsColumnsUsed() {
        var canvas = Canvas(width: 10, height: 2)
        let used = canvas.put("Grüße", row: 1, column: 2, style: CellStyle(attributes: .bold))
        #expect(used == 5)
        #expect(canvas.lines == ["          ", "  Grüße   "])
        #expect(canvas.cell(row: 1, column: 3)?.text == "r")
        #expect(canvas.cell(row: 1, column: 3)?.style.attributes == .bold)
        #expect(canvas.cell(row: 1, column: 1)?.style == .plain)
        #expect(canvas.cell(row: 2, column: 0) == nil)
    }

    @Test func putClipsAtTheRightEdgeAndAtMaxWidth() {
        var canvas = Canvas(width: 6, height: 3)
        #expect(canvas.put("Risikomanagement", row: 0, column: 2) == 4)
        #expect(canvas.put("Lernpfad", row: 1, column: 0, maxWidth: 3) == 3)
        #expect(canvas.put("nichts", row: 2, column: 6) == 0)
        #expect(canvas.put("außen", row: 5, column: 0) == 0)
        #expect(canvas.lines == ["  Risi", "Ler   ", "      "])
    }

    @Test func wideCharactersAreNeverSplit() {
        var canvas = Canvas(width: 5, height: 2)
        #expect(canvas.put("日本語", row: 0, column: 0) == 5)
        #expect(canvas.cell(row: 0, column: 0)?.text == "日")
        #expect(canvas.cell(row: 0, column: 1)?.text == "")
        #expect(canvas.cell(row: 0, column: 1)?.isWideCharacterContinuation == true)
        #expect(canvas.cell(row: 0, column: 4)?.text == " ")
        #expect(canvas.put("a😀b", row: 1, column: 0, maxWidth: 2) == 2)
        #expect(canvas.lines == ["日本 ", "a    "])
        for line in canvas.lines { #expect(DisplayWidth.of(line) == 5) }
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 6, height: 2)
        canvas.put("日本語", row: 0, column: 0)
        canvas.put("x", row: 0, column: 1)
        canvas.put("y", row: 0, column: 4)
        canvas.put("日本", row: 1, column: 0)
        canvas.put("語", row: 1, column: 1)
        #expect(canvas.lines == [" x本y ", " 語   "])
        for line in canvas.lines { #expect(DisplayWidth.of(line) == 6) }
    }

    @Test func putMakesTextTerminalSafe() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.put("\u{1B}[31mrot\u{07}\u{9B}0m!", row: 0, column: 0)
        #expect(canvas.lines == ["rot!    "])
    }

    @Test func combiningCharactersStayInTheirCell() {
        var canvas = Canvas(width: 4, height: 1)
        #expect(canvas.put("Cafe\u{301}", row: 0, column: 0) == 4)
        #expect(canvas.cell(row: 0, column: 3)?.text == "é")
        #expect(canvas.lines == ["Café"])
    }

    @Test func fillSetsStyleAndBlanksTheRectangle() {
        var canvas = Canvas(width: 5, height: 3)
        canvas.put("abcde", row: 1, column: 0)
        let selection = CellStyle(attributes: .reverse, role: .selection)
        canvas.fill(row: 1, column: 1, width: 10, height: 1, style: selection)
        #expect(canvas.lines == ["     ", "a    ", "     "])
        #expect(canvas.cell(row: 1, column: 4)?.style == selection)
        #expect(canvas.cell(row: 1, column: 0)?.style == .plain)
        #expect(canvas.cell(row: 0, column: 1)?.style == .plain)
    }

    @Test func boxDrawsAFrameWithATitle() {
        var canvas = Canvas(width: 14, height: 4)
        canvas.box(row: 0, column: 1, width: 12, height: 4, title: "Modul")
        #expect(
            canvas.lines == [
                " ┌─ Modul ──┐ ",
                " │          │ ",
                " │          │ ",
                " └──────────┘ ",
            ])
    }

    @Test func boxClipsALongTitle() {
        var canvas = Canvas(width: 10, height: 2)
        canvas.box(row: 0, column: 0, width: 10, height: 2, title: "Risikomanagement")
        #expect(canvas.lines == ["┌─ Risik─┐", "└────────┘"])
    }

    @Test func drawPutsStyledSpansSideBySideAndClips() {
        var canvas = Canvas(width: 12, height: 1)
        let line = StyledLine([
            StyledSpan("KI", style: CellStyle(attributes: .bold)),
            StyledSpan("-", style: .plain),
            StyledSpan("Verordnung", style: CellStyle(role: .link)),
        ])
        #expect(canvas.draw(line, row: 0, column: 1, width: 8) == 8)
        #expect(canvas.lines == [" KI-Veror   "])
        #expect(canvas.cell(row: 0, column: 2)?.style.attributes == .bold)
        #expect(canvas.cell(row: 0, column: 4)?.style.role == .link)
    }

    @Test func canvasesWithTheSameContentAreEqual() {
        var first = Canvas(width: 3, height: 1)
        var second = Canvas(width: 3, height: 1)
        first.put("ab", row: 0, column: 0)
        second.put("ab", row: 0, column: 0)
        #expect(first == second)
        second.put("c", row: 0, column: 2, style: CellStyle(role: .danger))
        #expect(first != second)
    }
}
