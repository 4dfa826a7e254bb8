/// A lesson as linear plain text, for screen readers, braille displays and pipes (`lernpfad read`).
///
/// No escape sequences, no box drawing, no hard line breaks inside a paragraph (a screen reader reads a
/// paragraph as one, and a pager or a braille display wraps it itself). Headings stand on their own lines;
/// list items start with `- ` or their number; a table row becomes one line that names each cell by its
/// column ("Begriff: ML; Bedeutung: lernt aus Daten"), which reads in order where a grid would not; a link is
/// its text with the address in brackets; a quote starts with `> `; code is indented by four spaces.
public enum PlainTextLesson {
    /// The lines of `markdown` as plain text, made terminal-safe; blocks are separated by one empty line.
    public static func lines(_ markdown: String) -> [String] {
        let source = TerminalSafeText.sanitize(markdown, keepingLineBreaks: true)
        var lines: [String] = []
        append(CMarkParser.parse(source), indent: "", to: &lines)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    private static func append(_ blocks: [MarkdownBlock], indent: String, to lines: inout [String]) {
        for block in blocks {
            if !lines.isEmpty && lines.last?.isEmpty == false { lines.append("") }
            switch block {
            case .paragraph(let content), .heading(_, let content):
                lines += text(of: content).split(separator: "\n", omittingEmptySubsequences: false).map {
                    indent + $0
                }
            case .blockQuote(let inner):
                var quoted: [String] = []
                append(inner, indent: "", to: &quoted)
                lines += quoted.map { $0.isEmpty ? indent + ">" : indent + "> " + $0 }
            case .list(let list):
                for (index, item) in list.items.enumerated() {
                    let marker: String
                    switch list.kind {
                    case .bullet: marker = "- "
                    case .ordered(let start, let delimiter): marker = "\(start + index)\(delimiter) "
                    }
                    var inner: [String] = []
                    append(item, indent: "", to: &inner)
                    let hanging = String(repeating: " ", count: marker.count)
                    for (offset, line) in inner.enumerated() where !(list.isTight && line.isEmpty) {
                        lines.append(indent + (offset == 0 ? marker : hanging) + line)
                    }
                    if !list.isTight && index < list.items.count - 1 { lines.append("") }
                }
            case .codeBlock(let code):
                lines += code.split(separator: "\n", omittingEmptySubsequences: false).map { indent + "    " + $0 }
            case .thematicBreak:
                break
            case .table(let table):
                let header = table.header.map { text(of: $0) }
                for row in table.rows {
                    let cells = row.enumerated().map { column, cell -> String in
                        let name = header.indices.contains(column) ? header[column] : ""
                        let value = text(of: cell)
                        return name.isEmpty ? value : "\(name): \(value)"
                    }
                    lines.append(indent + "- " + cells.joined(separator: "; "))
                }
            }
        }
    }

    /// Inline content as text: markup dropped, a link as "text (address)", a hard break as a line break.
    static func text(of inlines: [MarkdownInline]) -> String {
        var result = ""
        for inline in inlines {
            switch inline {
            case .text(let string), .code(let string): result += string
            case .softBreak: result += " "
            case .lineBreak: result += "\n"
            case .emphasis(let content), .strong(let content), .strikethrough(let content), .image(let content):
                result += text(of: content)
            case .link(let url, let content):
                let label = text(of: content)
                let address = url.hasPrefix("mailto:") ? String(url.dropFirst(7)) : url
                result += label.isEmpty || label == address || label == url ? address : "\(label) (\(address))"
            }
        }
        return result
    }
}
