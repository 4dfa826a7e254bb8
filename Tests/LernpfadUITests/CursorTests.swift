import Foundation
import LernpfadCore
import Testing

@testable import LernpfadUI

/// The hardware cursor sits on what has the focus, so that screen readers and braille displays follow it.
@Suite("The cursor follows the focus")
struct CursorTests {
    /// The canvas after `keys` from home, and the text from the cursor to the end of its row.
    static func focus(_ keys: String, width: Int = 80, height: Int = 24) throws -> (Canvas, CursorPosition, String) {
        let canvas = UIFixture.run(keys, on: UIFixture.runner(width: width, height: height)).render()
        let cursor = try #require(canvas.cursor, "no cursor after '\(keys)'")
        let cells = canvas.cells(inRow: cursor.row)
        let rest = cells.dropFirst(cursor.column).map(\.text).joined()
        return (canvas, cursor, rest)
    }

    /// The two cells before the cursor: the selection marker and its space.
    static func marker(_ canvas: Canvas, _ cursor: CursorPosition) -> String {
        canvas.cells(inRow: cursor.row).dropFirst(max(0, cursor.column - 2)).prefix(2).map(\.text).joined()
    }

    @Test func onHomeItSitsOnTheSelectedRowAfterItsMarkerAndMovesWithIt() throws {
        let (canvas, cursor, rest) = try Self.focus("")
        #expect(Self.marker(canvas, cursor) == "› ")
        #expect(rest.hasPrefix("▶ Als Nächstes"))
        let (moved, next, nextRest) = try Self.focus("j")
        #expect(next.row == cursor.row + 1 && next.column == cursor.column)
        #expect(Self.marker(moved, next) == "› ")
        #expect(!nextRest.hasPrefix("▶"))
    }

    @Test func onThePathAndModuleScreensItSitsOnTheSelectedModuleAndLesson() throws {
        let (path, onPath, pathRest) = try Self.focus("jj<enter>")
        #expect(Self.marker(path, onPath) == "› ")
        #expect(pathRest.contains("KI-Grundlagen"))
        let (module, onModule, moduleRest) = try Self.focus("jj<enter><enter>")
        #expect(Self.marker(module, onModule) == "› ")
        #expect(moduleRest.contains("Was ist KI?"))
        let (_, lower, lowerRest) = try Self.focus("jj<enter><enter>j")
        #expect(lower.row == onModule.row + 1)
        #expect(lowerRest.contains("Grenzen"))
    }

    @Test func inAQuizItSitsOnTheFocusedChoiceAndThenOnTheVerdict() throws {
        // Home, the path, the module, its last row (the quiz).
        let start = "jj<enter><enter>G<enter>"
        let (quiz, choice, rest) = try Self.focus(start)
        #expect(Self.marker(quiz, choice) == "› ")
        #expect(rest.hasPrefix("( ) a)"))
        let (_, second, secondRest) = try Self.focus(start + "j")
        #expect(second.row == choice.row + 1)
        #expect(secondRest.hasPrefix("( ) b)"))
        let (_, _, verdict) = try Self.focus(start + "a<enter>")
        #expect(verdict.hasPrefix("✓ Richtig") || verdict.hasPrefix("✗ Nicht richtig"))
    }

    @Test func onTheTeamScreenItSitsOnTheSelectedLearner() throws {
        let (team, cursor, rest) = try Self.focus("G<enter>", width: 100, height: 30)
        #expect(team.plainText.contains("Ben Müller"))
        #expect(Self.marker(team, cursor) == "› ")
        let (_, next, nextRest) = try Self.focus("G<enter>j", width: 100, height: 30)
        #expect(next.row == cursor.row + 1)
        #expect(rest != nextRest)
    }

    @Test func theHelpBoxTakesItToItsFirstRowAndClosingGivesItBack() throws {
        let (help, cursor, rest) = try Self.focus("?")
        #expect(help.plainText.contains("─ Tasten "))
        #expect(rest.hasPrefix("c "), "the first entry of home's keys, 'c' for continue: \(rest)")
        let (_, home, _) = try Self.focus("?<esc>")
        #expect(home != cursor)
    }

    @Test func inTheSearchBoxItSitsWhereTheNextLetterGoes() throws {
        let (search, cursor, rest) = try Self.focus("/Gren")
        let line = search.lines[cursor.row]
        #expect(line.contains("/ Gren▏"))
        #expect(rest.hasPrefix("▏"))
    }

    @Test func inTheReaderItSitsOnTheFirstLineShown() throws {
        let (_, cursor, rest) = try Self.focus("<enter>")
        #expect(cursor.row == 1)
        #expect(rest.hasPrefix("Was ist KI?"))
    }

    @Test func aCursorOffTheCanvasIsNone() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.setCursor(row: 1, column: 3)
        #expect(canvas.cursor == CursorPosition(row: 1, column: 3))
        #expect(canvas.cursor?.description == "3,1", "as tmux prints #{cursor_x},#{cursor_y}")
        canvas.setCursor(row: 2, column: 0)
        #expect(canvas.cursor == nil)
        canvas.setCursor(row: 0, column: -1)
        #expect(canvas.cursor == nil)
    }
}
