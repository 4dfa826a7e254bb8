import LernpfadUI

/// The plain text of `markdown` laid out at `width`, one line each, joined by line breaks: the
/// form the expected text in these tests is written in.
func rendered(_ markdown: String, width: Int) -> String {
    MarkdownLayout.layout(markdown, width: width).map(\.plainText).joined(separator: "\n")
}

/// The widest line of `markdown` laid out at `width`.
func widestLine(_ markdown: String, width: Int) -> Int {
    MarkdownLayout.layout(markdown, width: width).map(\.width).max() ?? 0
}

/// The spans of all lines of `markdown` laid out at `width`.
func spans(_ markdown: String, width: Int = 80) -> [StyledSpan] {
    MarkdownLayout.layout(markdown, width: width).flatMap(\.spans)
}

/// The style of the first span whose text contains `text`.
func style(of text: String, in markdown: String, width: Int = 80) -> CellStyle? {
    spans(markdown, width: width).first { $0.text.contains(text) }?.style
}
