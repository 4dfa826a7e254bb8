/// A run of text in one style.
public struct StyledSpan: Hashable, Sendable {
    /// The text, terminal-safe, without line breaks.
    public var text: String
    /// How the text is drawn.
    public var style: CellStyle

    /// Makes a span.
    public init(_ text: String, style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    /// The columns the text occupies.
    public var width: Int { DisplayWidth.of(text) }
}
