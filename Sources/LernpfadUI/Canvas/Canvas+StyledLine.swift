extension Canvas {
    /// Draws the spans of `line` one after another from `column`, clipped after `width` columns
    /// and at the canvas edge. Columns the line does not reach are left as they are.
    ///
    /// - Returns: The columns drawn.
    @discardableResult
    public mutating func draw(_ line: StyledLine, row: Int, column: Int, width: Int) -> Int {
        var used = 0
        for span in line.spans {
            guard used < width else { break }
            used += put(span.text, row: row, column: column + used, style: span.style, maxWidth: width - used)
        }
        return used
    }
}
