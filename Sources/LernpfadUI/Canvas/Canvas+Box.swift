extension Canvas {
    /// Draws a frame of box glyphs (``Glyph``: `─ │ ┌ ┐ └ ┘`) around a rectangle, the title (if any) set into the top
    /// edge as `┌─ Title ───┐`. The inside is left as it is. Needs at least 2 × 2 cells.
    public mutating func box(
        row: Int, column: Int, width: Int, height: Int, title: String? = nil, style: CellStyle = .plain
    ) {
        guard width >= 2 && height >= 2 else { return }
        let horizontal = String(repeating: Glyph.horizontal.text, count: width - 2)
        put(Glyph.upperLeft.text + horizontal + Glyph.upperRight.text, row: row, column: column, style: style)
        for y in (row + 1)..<(row + height - 1) {
            put(Glyph.vertical.text, row: y, column: column, style: style)
            put(Glyph.vertical.text, row: y, column: column + width - 1, style: style)
        }
        put(
            Glyph.lowerLeft.text + horizontal + Glyph.lowerRight.text, row: row + height - 1, column: column,
            style: style)
        if let title, width >= 5 {
            let safeTitle = TerminalSafeText.sanitize(title)
            guard !safeTitle.isEmpty else { return }
            put(" " + safeTitle + " ", row: row, column: column + 2, style: style.adding(.bold), maxWidth: width - 4)
        }
    }
}
