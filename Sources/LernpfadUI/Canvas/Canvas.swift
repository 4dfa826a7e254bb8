/// A width × height grid of styled cells that a screen renders into and the terminal layer draws
/// cell by cell. Tests compare ``lines`` with the expected text.
///
/// Everything written is passed through ``TerminalSafeText`` first, and wide characters are kept
/// whole: a wide character occupies its cell and an empty continuation cell to its right, and
/// overwriting either half of one turns the other half into a space.
public struct Canvas: Sendable, Equatable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row after row, `width` cells a row.
    private var cells: [Cell]
    /// Where the terminal's cursor goes: the start of the focused row or choice, so that screen readers and
    /// braille displays, which follow the hardware cursor even while it is hidden, read what has the focus.
    /// `nil` leaves it at the top-left corner. Always on the canvas (see ``setCursor(row:column:)``).
    public private(set) var cursor: CursorPosition?

    /// A canvas of blank cells; negative sizes count as zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at `row` and `column`, or `nil` outside the canvas.
    public func cell(row: Int, column: Int) -> Cell? {
        guard contains(row: row, column: column) else { return nil }
        return cells[row * width + column]
    }

    /// The cells of `row`, left to right (empty outside the canvas).
    public func cells(inRow row: Int) -> ArraySlice<Cell> {
        guard row >= 0 && row < height else { return [] }
        return cells[(row * width)..<((row + 1) * width)]
    }

    /// Each row as text, exactly `width` display columns wide, trailing spaces kept.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            line.reserveCapacity(width)
            for cell in cells(inRow: row) { line.append(cell.text) }
            return line
        }
    }

    /// Each row as an ASCII terminal shows it (``GlyphSet/ascii``): every cell in its ASCII form
    /// (``Glyph/ascii(for:)``), as wide as before, so the columns stay where the screen put them. The terminal
    /// layer draws the line glyphs with the terminal's own line characters instead, where it has them.
    public func lines(in glyphs: GlyphSet) -> [String] {
        guard glyphs == .ascii else { return lines }
        return (0..<height).map { row in
            cells(inRow: row).map { Glyph.ascii(for: $0.text) }.joined()
        }
    }

    /// ``lines`` joined by `\n`.
    public var plainText: String { lines.joined(separator: "\n") }

    /// Writes `text` (made terminal-safe) on `row` from `column`, clipped at the right edge and
    /// after `maxWidth` columns. A wide character that does not fit whole is replaced by a space;
    /// zero-width characters that do not combine with anything are left out.
    ///
    /// - Returns: The columns the text advanced, including any clipped off at the left edge.
    @discardableResult
    public mutating func put(
        _ text: String, row: Int, column: Int, style: CellStyle = .plain, maxWidth: Int? = nil
    ) -> Int {
        guard row >= 0 && row < height else { return 0 }
        var limit = width
        if let maxWidth {
            let columns = max(0, maxWidth)
            limit = column < width - columns ? column + columns : width
        }
        if let written = putNarrowLatin(text, row: row, column: column, limit: limit, style: style) {
            return written
        }
        var x = column
        for character in TerminalSafeText.sanitize(text) {
            guard x < limit else { break }
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if x + characterWidth > limit || x < 0 {
                // A wide character cut by the right limit or the left edge: show the part that
                // is inside as a space.
                for half in x..<min(x + characterWidth, limit) where half >= 0 {
                    setNarrow(" ", row: row, column: half, style: style)
                }
            } else if characterWidth == 2 {
                setWide(String(character), row: row, column: x, style: style)
            } else {
                setNarrow(String(character), row: row, column: x, style: style)
            }
            x = min(x + characterWidth, limit)
        }
        return max(0, x - column)
    }

    /// The common case, without sanitising or measuring graphemes: text whose every scalar is printable ASCII
    /// or Latin below U+0300 (umlauts, ß). Each such scalar is one grapheme of one column, since no combining
    /// mark lies in that range. Returns nil for any other text.
    private mutating func putNarrowLatin(_ text: String, row: Int, column: Int, limit: Int, style: CellStyle) -> Int? {
        let scalars = text.unicodeScalars
        guard
            scalars.allSatisfy({ scalar in
                (0x20...0x7E).contains(scalar.value) || (0xA0...0x2FF).contains(scalar.value) && scalar.value != 0xAD
            })
        else { return nil }
        var x = column
        for scalar in scalars {
            guard x < limit else { break }
            if x >= 0 { setNarrow(String(scalar), row: row, column: x, style: style) }
            x += 1
        }
        return max(0, x - column)
    }

    /// Fills a rectangle with spaces in `style`, clipped to the canvas.
    public mutating func fill(row: Int, column: Int, width: Int, height: Int, style: CellStyle = .plain) {
        let rows = max(0, row)..<min(self.height, row + max(0, height))
        let columns = max(0, column)..<min(self.width, column + max(0, width))
        guard !rows.isEmpty && !columns.isEmpty else { return }
        for y in rows {
            for x in columns { setNarrow(" ", row: y, column: x, style: style) }
        }
    }

    /// Puts the cursor on `row` and `column`, or takes it away (`nil`) when that cell is off the canvas, so that
    /// a focus scrolled out of view never sends a screen reader to a cell that is not there. The last call wins:
    /// an overlay drawn after its screen takes the cursor.
    public mutating func setCursor(row: Int, column: Int) {
        cursor = contains(row: row, column: column) ? CursorPosition(row: row, column: column) : nil
    }

    /// Takes the cursor away, e.g. before an overlay that has no focus of its own is drawn over a screen.
    public mutating func clearCursor() {
        cursor = nil
    }

    /// Whether `row` and `column` lie on the canvas.
    private func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < height && column >= 0 && column < width
    }

    /// Stores a one-column grapheme, first repairing any wide character it overwrites half of.
    private mutating func setNarrow(_ text: String, row: Int, column: Int, style: CellStyle) {
        releaseWideCharacter(row: row, column: column)
        cells[row * width + column] = Cell(text: text, style: style)
    }

    /// Stores a two-column grapheme and its continuation cell; `column + 1` must be on the canvas.
    private mutating func setWide(_ text: String, row: Int, column: Int, style: CellStyle) {
        releaseWideCharacter(row: row, column: column)
        releaseWideCharacter(row: row, column: column + 1)
        let index = row * width + column
        cells[index] = Cell(text: text, style: style)
        cells[index + 1] = Cell(text: "", style: style)
    }

    /// Before the cell at `column` is overwritten: if it is one half of a wide character, turns
    /// the other half into a space so that no half character is left behind.
    private mutating func releaseWideCharacter(row: Int, column: Int) {
        let index = row * width + column
        if cells[index].text.isEmpty {
            if column > 0 { cells[index - 1].text = " " }
        } else if column + 1 < width && cells[index + 1].text.isEmpty {
            cells[index + 1].text = " "
        }
    }
}

/// A cell of a ``Canvas``: where the terminal's cursor is put.
public struct CursorPosition: Hashable, Sendable, CustomStringConvertible {
    /// The row, from 0 at the top.
    public var row: Int
    /// The column, from 0 at the left.
    public var column: Int

    /// A position.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `x,y` as tmux's `#{cursor_x},#{cursor_y}` prints it, for tests that compare the two.
    public var description: String { "\(column),\(row)" }
}
