/// Lays out Markdown blocks into lines no wider than a given width.
///
/// Containers lay out their children at a reduced width and put their prefix (list marker and
/// hanging indent, quote bar) in front of each line. When a prefix would leave fewer than
/// ``minimumContentWidth`` columns for the content (very deep nesting, very narrow windows), it
/// is left out, so that text stays readable and no line overflows.
enum BlockLayouter {
    /// Bullets by list nesting depth; deeper lists keep the last one.
    static let bullets = ["•", "◦", "▪"]

    /// The fewest columns a container leaves its content.
    static let minimumContentWidth = 8

    /// `blocks` laid out at `width`, with an empty line between blocks when `separated`.
    static func layout(_ blocks: [MarkdownBlock], width: Int, listDepth: Int, separated: Bool) -> BlockLayout {
        var result = BlockLayout()
        for block in blocks {
            let part = layout(block, width: width, listDepth: listDepth)
            guard !part.isEmpty else { continue }
            if separated && !result.isEmpty { result.lines.append(.empty) }
            result.append(part)
        }
        return result
    }

    private static func layout(_ block: MarkdownBlock, width: Int, listDepth: Int) -> BlockLayout {
        switch block {
        case .paragraph(let content):
            return BlockLayout(lines: LineWrapper.wrap(InlinePiece.pieces(of: content, style: .plain), width: width))
        case .heading(let level, let content):
            return heading(level: level, content: content, width: width)
        case .blockQuote(let children):
            return blockQuote(children, width: width, listDepth: listDepth)
        case .list(let list):
            return self.list(list, width: width, listDepth: listDepth)
        case .codeBlock(let code):
            return BlockLayout(lines: codeBlock(code, width: width))
        case .thematicBreak:
            let rule = StyledLine(String(repeating: "─", count: width), style: CellStyle(role: .muted))
            return BlockLayout(lines: [rule])
        case .table(let table):
            return BlockLayout(lines: TableLayouter.layout(table, width: width))
        }
    }

    /// `#` bold in the heading role, underlined with `═`; `##` bold in the heading role; deeper
    /// levels bold.
    private static func heading(level: Int, content: [MarkdownInline], width: Int) -> BlockLayout {
        let style =
            level <= 2 ? CellStyle(attributes: .bold, role: .heading) : CellStyle(attributes: .bold, role: .normal)
        let lines = LineWrapper.wrap(InlinePiece.pieces(of: content, style: style), width: width)
        guard !lines.isEmpty else { return BlockLayout() }
        let title = MarkdownInline.plainText(of: content).split(separator: " ").joined(separator: " ")
        var result = BlockLayout(lines: lines, headings: [LessonHeading(line: 0, level: level, title: title)])
        if level == 1 {
            let ruleWidth = lines.map(\.width).max() ?? width
            result.lines.append(StyledLine(String(repeating: "═", count: ruleWidth), style: CellStyle(role: .heading)))
        }
        return result
    }

    /// Children behind a muted `│ ` bar on every line.
    private static func blockQuote(_ children: [MarkdownBlock], width: Int, listDepth: Int) -> BlockLayout {
        let barWidth = 2
        guard width - barWidth >= minimumContentWidth else {
            return layout(children, width: width, listDepth: listDepth, separated: true)
        }
        let inner = layout(children, width: width - barWidth, listDepth: listDepth, separated: true)
        let muted = CellStyle(role: .muted)
        let bar = StyledLine("│ ", style: muted)
        return inner.prefixed(first: bar, rest: bar, blank: StyledLine("│", style: muted))
    }

    /// Items behind their marker (`• `, `◦ `, `▪ `, `1. `) with a hanging indent as wide as the
    /// widest marker; numbers are right-aligned.
    private static func list(_ list: MarkdownList, width: Int, listDepth: Int) -> BlockLayout {
        let markers: [String]
        switch list.kind {
        case .bullet:
            let bullet = bullets[min(listDepth, bullets.count - 1)] + " "
            markers = Array(repeating: bullet, count: list.items.count)
        case .ordered(let start, let delimiter):
            let numbers = list.items.indices.map { String(start + $0) + delimiter + " " }
            let markerWidth = numbers.map(\.count).max() ?? 0
            markers = numbers.map { String(repeating: " ", count: markerWidth - $0.count) + $0 }
        }
        let markerWidth = markers.map { DisplayWidth.of($0) }.max() ?? 0
        let indent = width - markerWidth >= minimumContentWidth ? markerWidth : 0
        let indentLine = StyledLine(String(repeating: " ", count: indent))
        var result = BlockLayout()
        for (index, item) in list.items.enumerated() {
            var inner = layout(item, width: width - indent, listDepth: listDepth + 1, separated: !list.isTight)
            if inner.isEmpty { inner.lines = [.empty] }
            let marker = indent > 0 ? StyledLine(markers[index], style: CellStyle(role: .accent)) : .empty
            if !list.isTight && !result.isEmpty { result.lines.append(.empty) }
            result.append(inner.prefixed(first: marker, rest: indentLine, blank: .empty))
        }
        return result
    }

    /// Code in the code role, indented by 2; long lines are wrapped at the width, not cut.
    private static func codeBlock(_ code: String, width: Int) -> [StyledLine] {
        let indent = width > 2 ? 2 : 0
        let available = width - indent
        let style = CellStyle(role: .code)
        let indentSpan = StyledSpan(String(repeating: " ", count: indent))
        var lines: [StyledLine] = []
        for sourceLine in code.split(separator: "\n", omittingEmptySubsequences: false) {
            if sourceLine.isEmpty {
                lines.append(.empty)
                continue
            }
            var rest = WrapWord()
            rest.append(sourceLine, style: style, kind: .code)
            while !rest.isEmpty {
                var (head, tail) = rest.split(maxColumns: available)
                var text = head.fragments.map { String($0.text) }.joined()
                if head.isEmpty {
                    // A wide character on a line one column wide.
                    (head, tail) = rest.split(maxColumns: 2)
                    text = "…"
                }
                let code = StyledSpan(text, style: style)
                lines.append(StyledLine(indent > 0 ? [indentSpan, code] : [code]))
                rest = tail
            }
        }
        return lines
    }
}
