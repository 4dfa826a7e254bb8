/// A block of a parsed Markdown document, the part of cmark-gfm's tree that the layout shows.
indirect enum MarkdownBlock: Equatable, Sendable {
    /// A paragraph.
    case paragraph([MarkdownInline])
    /// A heading of level 1 to 6.
    case heading(level: Int, content: [MarkdownInline])
    /// A block quote and its blocks.
    case blockQuote([MarkdownBlock])
    /// A bullet or ordered list.
    case list(MarkdownList)
    /// A fenced or indented code block, its text without the final line break.
    case codeBlock(String)
    /// A thematic break (`---`).
    case thematicBreak
    /// A GitHub table.
    case table(MarkdownTable)
}

/// A bullet or ordered list.
struct MarkdownList: Equatable, Sendable {
    /// Bullet or ordered, and how ordered items are numbered.
    enum Kind: Equatable, Sendable {
        /// `-`, `*` or `+` items.
        case bullet
        /// Numbered items from `start`, with `.` or `)` after the number.
        case ordered(start: Int, delimiter: String)
    }

    /// Bullet or ordered.
    var kind: Kind
    /// A tight list has no blank lines between its items.
    var isTight: Bool
    /// The blocks of each item.
    var items: [[MarkdownBlock]]
}

/// A GitHub table: a header row and body rows of cells.
struct MarkdownTable: Equatable, Sendable {
    /// How a column's cells are aligned.
    enum Alignment: Equatable, Sendable {
        /// Left (also when the table does not say).
        case left
        /// Centred.
        case center
        /// Right.
        case right
    }

    /// One alignment a column; its count is the number of columns.
    var alignments: [Alignment]
    /// The header row's cells.
    var header: [[MarkdownInline]]
    /// The body rows' cells.
    var rows: [[[MarkdownInline]]]
}

/// Inline content of a paragraph, heading or table cell.
indirect enum MarkdownInline: Equatable, Sendable {
    /// Plain text.
    case text(String)
    /// An inline code span.
    case code(String)
    /// A line break in the source that is not a hard break: shown as a space.
    case softBreak
    /// A hard line break (two spaces or a backslash at the end of the line, or `<br>`).
    case lineBreak
    /// `*emphasis*`.
    case emphasis([MarkdownInline])
    /// `**strong**`.
    case strong([MarkdownInline])
    /// `~~strikethrough~~`.
    case strikethrough([MarkdownInline])
    /// A link with its target and its text.
    case link(url: String, content: [MarkdownInline])
    /// An image, shown by its alternative text.
    case image(alt: [MarkdownInline])
}

extension MarkdownInline {
    /// The text of `inlines` without markup, breaks as spaces.
    static func plainText(of inlines: [MarkdownInline]) -> String {
        var text = ""
        appendPlainText(of: inlines, to: &text)
        return text
    }

    private static func appendPlainText(of inlines: [MarkdownInline], to text: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let string), .code(let string): text += string
            case .softBreak, .lineBreak: text += " "
            case .emphasis(let content), .strong(let content), .strikethrough(let content),
                .link(_, let content), .image(let content):
                appendPlainText(of: content, to: &text)
            }
        }
    }
}
