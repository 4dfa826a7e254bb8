/// One column of one row of a ``Canvas``.
///
/// A wide character (two columns, such as `日` or most emoji) is stored in the left cell; the
/// cell to its right holds the empty string and the same style. A terminal layer draws each
/// non-empty cell at its column (a wide-character write advances two columns) and skips the
/// empty ones.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster of one or two columns, or `""` for the right half of a wide
    /// character. Always terminal-safe and NFC-normalised.
    public var text: String
    /// How the cell is drawn.
    public var style: CellStyle

    /// Makes a cell. Prefer ``Canvas/put(_:row:column:style:maxWidth:)``, which keeps wide
    /// characters and their right halves together.
    public init(text: String, style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    /// A space in the plain style.
    public static let blank = Cell(text: " ")

    /// Whether this cell is the right half of a wide character and draws nothing itself.
    public var isWideCharacterContinuation: Bool { text.isEmpty }

    /// The columns the cell's text occupies: 2 for a wide character, 0 for its right half,
    /// else 1.
    public var displayWidth: Int {
        // One byte is one ASCII character, always one column: most cells, measured without a table lookup.
        switch text.utf8.count {
        case 0: return 0
        case 1: return 1
        default: return DisplayWidth.of(text)
        }
    }
}
