/// A rectangle of cells on a canvas: where a screen or a widget may draw.
public struct Rect: Hashable, Sendable {
    /// The top row.
    public var row: Int
    /// The left column.
    public var column: Int
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// A rectangle; negative sizes count as zero.
    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The row below the last one.
    public var bottom: Int { row + height }

    /// The same rectangle with `horizontal` columns taken off both sides.
    public func inset(horizontal: Int) -> Rect {
        Rect(row: row, column: column + horizontal, width: width - 2 * horizontal, height: height)
    }

    /// The rectangle without its first `count` rows.
    public func dropping(rows count: Int) -> Rect {
        Rect(row: row + count, column: column, width: width, height: height - count)
    }

    /// True when the cell lies inside.
    public func contains(row: Int, column: Int) -> Bool {
        row >= self.row && row < bottom && column >= self.column && column < self.column + width
    }
}
