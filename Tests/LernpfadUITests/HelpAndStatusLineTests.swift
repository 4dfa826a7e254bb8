import Testing

@testable import LernpfadUI

/// The help box shows every line whole, and status lines fit their width without running into
/// themselves (issue 15, point 9).
@Suite("Help box and status lines")
struct HelpAndStatusLineTests {
    /// The rows of the help box in `lines`: the text between its side borders, trimmed.
    static func boxRows(_ lines: [String]) -> [String] {
        lines.compactMap { line in
            guard let first = line.firstIndex(of: "│"), let last = line.lastIndex(of: "│"), first < last else {
                return nil
            }
            return String(line[line.index(after: first)..<last]).trimmingCharacters(in: " ")
        }
    }

    @Test(arguments: [44, 50, 60, 80, 120])
    func theHelpBoxShowsItsLongestLineWhole(width: Int) {
        let lines = UIFixture.screen("?", width: width, height: 40)
        let text = Self.boxRows(lines).joined(separator: " ")
        // Wrapped or not, the words of the longest help text follow each other, the bracket included.
        #expect(
            text.split(separator: " ").joined(separator: " ").contains("beenden (alles ist gespeichert)"),
            "\(lines.joined(separator: "\n"))")
        #expect(!text.contains("…"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) == width })
    }

    @Test func theHelpBoxIsAsWideAsItsContentOnAWideWindow() {
        let lines = UIFixture.screen("?", width: 120, height: 40)
        let row = lines.first { $0.contains("beenden (alles ist gespeichert)") } ?? ""
        #expect(row.contains("beenden (alles ist gespeichert) │"), "one space, then the border")
    }

    @Test func aHelpBoxTooLowForAllRowsScrollsAndSaysSo() {
        let rows = Self.boxRows(UIFixture.screen("?", width: 40, height: 12))
        #expect(rows.contains("↓ …"))
        #expect(rows.last == "Eine Taste drücken")
        #expect(!rows.joined().contains("gespeichert"))
        // Scrolled to the end, the last entry shows whole; a key other than the scroll keys closes the help.
        let end = UIFixture.run("?jjjjjjjjjjjj<pgdn>", on: UIFixture.runner(width: 40, height: 12))
        #expect(end.model.activeOverlay is HelpOverlay)
        let endRows = Self.boxRows(end.render().lines)
        #expect(endRows.contains("↑ …"))
        #expect(
            endRows.joined(separator: " ").split(separator: " ").joined(separator: " ").contains(
                "(alles ist gespeichert)"))
        #expect(UIFixture.run("x", on: end).model.activeOverlay == nil)
    }

    @Test func aHelpBoxThatFitsClosesOnAnyKey() {
        let help = UIFixture.run("?", on: UIFixture.runner(width: 80, height: 24))
        #expect(help.model.activeOverlay is HelpOverlay)
        #expect(UIFixture.run("j", on: help).model.activeOverlay == nil)
    }

    @Test(arguments: 1...90)
    func theStatusLineFitsAndKeepsHelpLast(width: Int) {
        let screen = ["↑↓ j k blättern", "Bild↑ Bild↓ Seite", "n p Lektion"]
        let global = ["Esc zurück", "/ suchen", "? Hilfe", "q beenden"]
        let line = StatusLine.fit(screen: screen, global: global, help: "? Hilfe", width: width)
        #expect(DisplayWidth.of(line) <= width)
        if DisplayWidth.of("↑↓ j k blättern  ? Hilfe") > width {
            // Everything but help has gone; help itself is cut with an ellipsis when it must be.
            #expect(line == "? Hilfe" || (line.hasSuffix("…") && "? Hilfe".hasPrefix(line.dropLast())) || width == 0)
        } else {
            #expect(line.hasSuffix("? Hilfe") || line.hasSuffix("q beenden"))
            #expect(line.contains("? Hilfe"))
        }
    }

    @Test func aSingleEntryTooWideForTheLineEndsInAnEllipsis() {
        let line = StatusLine.fit(screen: ["Tab nächstes Feld wählen"], global: [], help: nil, width: 10)
        #expect(line == "Tab nächs…")
    }

    @Test func aNoticeTooLongForTheStatusLineEndsInAnEllipsis() {
        var canvas = Canvas(width: 40, height: 3)
        let notice = "Nicht gespeichert: 2 Änderungen, der Ordner ist schreibgeschützt"
        Frame.draw(into: &canvas, title: "Start", right: "Anna", status: "", notice: notice)
        let last = canvas.lines[2]
        #expect(last == " Nicht gespeichert: 2 Änderungen, der … ", "\(last)")
    }

    @Test(arguments: 1...60)
    func theTwoSidesOfAPositionLineNeverRunIntoEachOther(width: Int) {
        let right = "Ende der Lektion · 263–271/271"
        let line = StatusLine.spread(left: "Lektion 1/4", shortLeft: "1/4", right: right, width: width)
        #expect(DisplayWidth.of(line) == width)
        let rightShown = width >= DisplayWidth.of(right) ? right : StatusLine.truncated(right, to: width)
        #expect(line.hasSuffix(rightShown))
        let left = line.dropLast(rightShown.count)
        // Whatever is left of the right part is the counter (whole, short or cut) and at least two spaces.
        let counter = left.trimmingCharacters(in: " ")
        #expect(counter.isEmpty || left.hasSuffix("  "))
        #expect(["", "Lektion 1/4", "1/4", "1/…"].contains(counter) || counter.hasSuffix("…"), "\(line)")
    }

    @Test func theReaderAt40ColumnsShowsTheCounterWholeOrShort() {
        let lines = UIFixture.screen("jj<enter><enter><enter>G", width: 40, height: 12)
        let position = lines[lines.count - 2]
        #expect(position.contains("Ende der Lektion"), "\(lines.joined(separator: "\n"))")
        // The counter's number stays: "Lektion 1/2", or "1/2" when the whole counter does not fit.
        #expect(position.trimmingCharacters(in: " ").hasPrefix("Lektion 1/2  ") || position.hasPrefix("  1/2  "))
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(self).trimmingCharacters(in: set)
    }
}
