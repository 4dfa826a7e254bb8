/// One line of styled text: spans drawn left to right.
public struct StyledLine: Hashable, Sendable {
    /// The spans, left to right.
    public var spans: [StyledSpan]

    /// Makes a line of `spans`.
    public init(spans: [StyledSpan] = []) {
        self.spans = spans
    }

    /// Makes a line of `spans`.
    public init(_ spans: [StyledSpan]) {
        self.spans = spans
    }

    /// Makes a line of one span; the empty string makes an empty line.
    public init(_ text: String, style: CellStyle = .plain) {
        self.spans = text.isEmpty ? [] : [StyledSpan(text, style: style)]
    }

    /// A line without text.
    public static let empty = StyledLine()

    /// The text without styles.
    public var plainText: String {
        var text = ""
        for span in spans { text += span.text }
        return text
    }

    /// The columns the line occupies.
    public var width: Int {
        spans.reduce(0) { $0 + $1.width }
    }

    /// Whether the line has no text.
    public var isEmpty: Bool { spans.allSatisfy { $0.text.isEmpty } }

    /// Appends `text` in `style`, merging it into the last span when the styles are the same.
    public mutating func append(_ text: some StringProtocol, style: CellStyle) {
        guard !text.isEmpty else { return }
        if let last = spans.indices.last, spans[last].style == style {
            spans[last].text += text
        } else {
            spans.append(StyledSpan(String(text), style: style))
        }
    }

    /// Appends the spans of `line`, merging neighbours of the same style.
    public mutating func append(contentsOf line: StyledLine) {
        for span in line.spans { append(span.text, style: span.style) }
    }
}
