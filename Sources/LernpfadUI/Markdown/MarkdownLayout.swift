/// Lays out lesson Markdown (CommonMark with GitHub tables, strikethrough and autolinks) as
/// styled lines for the terminal, no line wider than the given width.
///
/// - Headings: `#` bold in the heading role with a `═` rule below, `##` bold in the heading role,
///   deeper levels bold. An empty line separates blocks.
/// - Paragraphs are re-wrapped at spaces; a word longer than a line (`Risikomanagementsystem…`)
///   is broken after one of its hyphens or else with a `-` marker, never cut off.
/// - **Bold**, *italic*, `code` (code role), ~~strikethrough~~ (dim).
/// - Bullet lists (`•`, nested `◦`, then `▪`) and ordered lists (`1.`) with hanging indents.
/// - Block quotes behind a muted `│ ` bar, code blocks indented by 2 and wrapped, `─` rules.
/// - Tables with box-drawing characters, shrunk and wrapped to fit, or `Header: value` lists
///   when the width is below 20 or the columns cannot fit.
/// - Links as their text in the link role, then ` (URL)` in muted unless the text is the URL;
///   images as `[image: alt]`; raw HTML is left out (`<br>` is a line break).
///
/// The source is made terminal-safe first, so no escape sequence from content reaches the screen.
public enum MarkdownLayout {
    /// The lines of `markdown` laid out at `width` columns (none for a width below 1).
    public static func layout(_ markdown: String, width: Int) -> [StyledLine] {
        layoutLesson(markdown, width: width).lines
    }

    /// The lines of a lesson's Markdown body laid out at `width` columns, with its headings.
    public static func layoutLesson(_ markdown: String, width: Int) -> LaidOutLesson {
        guard width > 0 else { return LaidOutLesson(width: max(0, width), lines: [], headings: []) }
        let source = TerminalSafeText.sanitize(markdown, keepingLineBreaks: true)
        let blocks = CMarkParser.parse(source)
        let layout = BlockLayouter.layout(blocks, width: width, listDepth: 0, separated: true)
        return LaidOutLesson(width: width, lines: layout.lines, headings: layout.headings)
    }
}
