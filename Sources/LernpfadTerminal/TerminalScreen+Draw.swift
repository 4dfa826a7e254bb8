import CNCurses
import LernpfadUI

extension TerminalScreen {
    /// Shows `canvas`, clipped to the screen (a canvas smaller than the screen leaves the rest
    /// blank).
    ///
    /// Only the cells that differ from the canvas drawn last are written; after a resize, a
    /// change of canvas size or ``redrawAll()`` everything is. Each cell goes through the
    /// wide-character API (`setcchar` and `mvwadd_wch`), so an `ü` or a `日` is never split;
    /// the right halves of wide characters are skipped. Any control character that reached a
    /// cell is dropped here as a last defence.
    public func draw(_ canvas: Canvas) {
        guard let window else { return }
        let screenSize = size
        let previous = shown.flatMap { old in
            old.width == canvas.width && old.height == canvas.height && shownSize == screenSize ? old : nil
        }
        if previous == nil { werase(window) }
        let rows = min(canvas.height, screenSize.height)
        let columns = min(canvas.width, screenSize.width)
        for row in 0..<rows {
            let cells = canvas.cells(inRow: row)
            let oldCells = previous?.cells(inRow: row)
            if let oldCells, oldCells == cells { continue }
            for column in 0..<columns {
                let index = cells.startIndex + column
                let cell = cells[index]
                if let oldCells, oldCells[oldCells.startIndex + column] == cell { continue }
                if cell.isWideCharacterContinuation { continue }
                put(cell, row: row, column: column, screenWidth: screenSize.width, in: window)
            }
        }
        shown = canvas
        shownSize = screenSize
        // The hardware cursor goes to the canvas's focus (hidden, but screen readers and braille displays
        // follow it); the top-left corner when the canvas names none or it lies off the screen.
        let cursor = canvas.cursor.flatMap { $0.row < rows && $0.column < columns ? $0 : nil }
        wmove(window, Int32(cursor?.row ?? 0), Int32(cursor?.column ?? 0))
        wnoutrefresh(window)
        doupdate()
    }

    /// Makes the next ``draw(_:)`` repaint the whole terminal, e.g. after another program wrote
    /// over it (Ctrl-L).
    public func redrawAll() {
        guard let window else { return }
        shown = nil
        clearok(window, true)
    }

    /// Writes one cell (a left half, for a wide character) at `row` and `column`.
    ///
    /// The canvas decides the layout, but curses advances by the C library's `wcwidth`. Where
    /// the two disagree the cell is drawn so that the columns after it stay in place: a
    /// character the canvas counts two columns wide and the C library one is followed by a
    /// space; one the C library cannot print, or counts wider than the canvas does, is shown
    /// as `?` (padded to the canvas width). A wide character cut by the screen's right edge
    /// becomes a space.
    private func put(
        _ cell: Cell, row: Int, column: Int, screenWidth: Int, in window: UnsafeMutablePointer<WINDOW>
    ) {
        let rendition = palette.rendition(of: cell.style)
        let width = max(1, cell.displayWidth)
        guard column + width <= screenWidth else {
            write(" ", rendition, row: row, column: column, in: window)
            return
        }
        if glyphs == .ascii {
            putASCII(cell, rendition, row: row, column: column, in: window)
            return
        }
        guard let glyph = CellGlyph(cell.text), glyph.libraryWidth >= 1, glyph.libraryWidth <= width else {
            write("?", rendition, row: row, column: column, in: window)
            if width == 2 { write(" ", rendition, row: row, column: column + 1, in: window) }
            return
        }
        write(glyph.characters, rendition, row: row, column: column, in: window)
        if glyph.libraryWidth < width { write(" ", rendition, row: row, column: column + 1, in: window) }
    }

    /// Writes a cell on a terminal that cannot show UTF-8: a box glyph as the terminal's line character (ACS,
    /// which curses draws with the terminal's own line set, or with ASCII where it has none), anything else in
    /// its ASCII form of the same width (``Glyph/ascii(for:)``). No byte above 127 is written.
    private func putASCII(
        _ cell: Cell, _ rendition: Rendition, row: Int, column: Int, in window: UnsafeMutablePointer<WINDOW>
    ) {
        if let line = Glyph(text: cell.text)?.line, let code = line.vt100Code.asciiValue {
            let character =
                lernpfad_acs(CChar(bitPattern: code)) | rendition.attributes
                | lernpfad_color_pair(rendition.pair)
            mvwaddch(window, Int32(row), Int32(column), chtype(character))
            return
        }
        for (offset, scalar) in Glyph.ascii(for: cell.text).unicodeScalars.enumerated() {
            write(scalar, rendition, row: row, column: column + offset, in: window)
        }
    }

    /// Writes a single narrow ASCII character.
    private func write(
        _ character: Unicode.Scalar, _ rendition: Rendition, row: Int, column: Int,
        in window: UnsafeMutablePointer<WINDOW>
    ) {
        write([wchar_t(bitPattern: character.value)], rendition, row: row, column: column, in: window)
    }

    /// Writes one spacing character and its combining marks with `setcchar` and `mvwadd_wch`.
    private func write(
        _ characters: [wchar_t], _ rendition: Rendition, row: Int, column: Int,
        in window: UnsafeMutablePointer<WINDOW>
    ) {
        var terminated = characters
        terminated.append(0)
        var character = cchar_t()
        guard setcchar(&character, terminated, rendition.attributes, rendition.pair, nil) == OK else { return }
        // At the bottom-right corner curses reports an error after storing the character,
        // because the cursor cannot move on; the character is drawn all the same.
        mvwadd_wch(window, Int32(row), Int32(column), &character)
    }
}
