/// Lays out a GitHub table with box-drawing characters:
///
/// ```
/// ┌───────┬────────┐
/// │ Rolle │ Frist  │
/// ├───────┼────────┤
/// │ Alle  │ 2.2.25 │
/// └───────┴────────┘
/// ```
///
/// Columns are as wide as their content. When that is too wide, the columns narrower than an
/// even share keep their width and the others shrink in proportion to their width (to no less
/// than ``preferredMinimumColumnWidth``, or ``smallestColumnWidth`` when that is what it takes),
/// and cell text wraps inside its cell; rows that wrap are then
/// separated by rules. Below ``minimumTableWidth``, or when even the narrowest columns do not fit,
/// each row becomes a list of `Header: value` lines instead.
enum TableLayouter {
    /// Columns shrink to no fewer columns than this (or their content's width, when smaller)...
    static let preferredMinimumColumnWidth = 4
    /// ...unless the table fits only with columns this narrow (two characters and a `-`).
    static let smallestColumnWidth = 3
    /// Narrower than this, tables are shown as `Header: value` lists.
    static let minimumTableWidth = 20

    private static let borderStyle = CellStyle(role: .muted)
    private static let headerStyle = CellStyle(attributes: .bold)

    /// The lines of `table` at most `width` columns wide.
    static func layout(_ table: MarkdownTable, width: Int) -> [StyledLine] {
        let columnCount = max(table.alignments.count, table.header.count)
        guard columnCount > 0 else { return [] }
        let header = cells(table.header, count: columnCount, style: headerStyle)
        let rows = table.rows.map { cells($0, count: columnCount, style: .plain) }
        let natural = (0..<columnCount).map { column in
            max(1, ([header] + rows).map { WrapToken.unwrappedWidth(of: $0[column]) }.max() ?? 1)
        }
        let widestWords = (0..<columnCount).map { column in
            ([header] + rows).map { WrapToken.widestWord(in: $0[column]) }.max() ?? 1
        }
        let frameWidth = 3 * columnCount + 1
        guard
            let widths = columnWidths(
                natural: natural, widestWords: zip(natural, widestWords).map { min($0, max(1, $1)) },
                available: width - frameWidth, maySqueeze: width >= minimumTableWidth)
        else {
            return keyValueList(table, columnCount: columnCount, width: width)
        }
        let alignments = (0..<columnCount).map { $0 < table.alignments.count ? table.alignments[$0] : .left }
        return grid(header: header, rows: rows, widths: widths, alignments: alignments)
    }

    /// A row's cells as wrap tokens in `style`, padded or cut to `count` cells.
    private static func cells(_ row: [[MarkdownInline]], count: Int, style: CellStyle) -> [[WrapToken]] {
        (0..<count).map { $0 < row.count ? WrapToken.tokens(of: InlinePiece.pieces(of: row[$0], style: style)) : [] }
    }

    /// The column widths for `available` columns of content, or `nil` when the table cannot fit:
    ///
    /// 1. the natural widths (each column's content on one line), when they fit;
    /// 2. else, when `maySqueeze`, each column as wide as its widest word plus a share of the
    ///    rest in proportion to how much more it would like;
    /// 3. else the widest-word widths shrunk to fit (see ``shrink(_:toTotal:minimum:)``), breaking
    ///    words.
    static func columnWidths(natural: [Int], widestWords: [Int], available: Int, maySqueeze: Bool) -> [Int]? {
        if natural.reduce(0, +) <= available { return natural }
        guard maySqueeze else { return nil }
        let wordTotal = widestWords.reduce(0, +)
        if wordTotal <= available {
            return grow(widestWords, toward: natural, total: available)
        }
        for minimum in [preferredMinimumColumnWidth, smallestColumnWidth]
        where widestWords.map({ min($0, minimum) }).reduce(0, +) <= available {
            return shrink(widestWords, toTotal: available, minimum: minimum)
        }
        return nil
    }

    /// `minimum` widened to add up to `total` (less than the sum of `target`), each column
    /// getting a share of the extra in proportion to how far it is from its target.
    static func grow(_ minimum: [Int], toward target: [Int], total: Int) -> [Int] {
        let extra = total - minimum.reduce(0, +)
        let wishes = zip(target, minimum).map { $0 - $1 }
        let wishTotal = wishes.reduce(0, +)
        guard extra > 0 && wishTotal > 0 else { return minimum }
        var widths = zip(minimum, wishes).map { $0 + $1 * extra / wishTotal }
        var sum = widths.reduce(0, +)
        while sum < total, let column = widths.indices.max(by: { target[$0] - widths[$0] < target[$1] - widths[$1] }) {
            widths[column] += 1
            sum += 1
        }
        return widths
    }

    /// Column widths adding up to `total`: columns no wider than an even share of what is left
    /// keep their natural width, the others share the rest in proportion to their natural width,
    /// none narrower than `minimum` (or its natural width).
    static func shrink(_ natural: [Int], toTotal total: Int, minimum: Int) -> [Int] {
        var isFixed = Array(repeating: false, count: natural.count)
        var flexibleTotal = total
        while true {
            let flexible = natural.indices.filter { !isFixed[$0] }
            guard !flexible.isEmpty else { return natural }
            let share = flexibleTotal / flexible.count
            let fitting = flexible.filter { natural[$0] <= share }
            if fitting.isEmpty { break }
            for column in fitting {
                isFixed[column] = true
                flexibleTotal -= natural[column]
            }
        }
        let flexible = natural.indices.filter { !isFixed[$0] }
        let naturalFlexibleTotal = flexible.reduce(0) { $0 + natural[$1] }
        var widths = natural
        for column in flexible {
            let floor = min(minimum, natural[column])
            widths[column] = max(floor, natural[column] * flexibleTotal / naturalFlexibleTotal)
        }
        var sum = flexible.reduce(0) { $0 + widths[$1] }
        while sum > flexibleTotal,
            let widest = flexible.filter({ widths[$0] > min(minimum, natural[$0]) })
                .max(by: { widths[$0] < widths[$1] })
        {
            widths[widest] -= 1
            sum -= 1
        }
        while sum < flexibleTotal,
            let mostShrunk = flexible.max(by: { natural[$0] - widths[$0] < natural[$1] - widths[$1] })
        {
            widths[mostShrunk] += 1
            sum += 1
        }
        return widths
    }

    // MARK: Grid

    private static func grid(
        header: [[WrapToken]], rows: [[[WrapToken]]], widths: [Int], alignments: [MarkdownTable.Alignment]
    ) -> [StyledLine] {
        let headerLines = wrappedRow(header, widths: widths)
        let rowLines = rows.map { wrappedRow($0, widths: widths) }
        let separatesRows = rowLines.contains { ($0.map(\.count).max() ?? 0) > 1 }
        var lines = [rule("┌", "┬", "┐", widths: widths)]
        lines += rowText(headerLines, widths: widths, alignments: alignments)
        if !rows.isEmpty { lines.append(rule("├", "┼", "┤", widths: widths)) }
        for (index, row) in rowLines.enumerated() {
            if index > 0 && separatesRows { lines.append(rule("├", "┼", "┤", widths: widths)) }
            lines += rowText(row, widths: widths, alignments: alignments)
        }
        lines.append(rule("└", "┴", "┘", widths: widths))
        return lines
    }

    private static func wrappedRow(_ cells: [[WrapToken]], widths: [Int]) -> [[StyledLine]] {
        zip(cells, widths).map { LineWrapper.wrap($0, width: $1) }
    }

    /// `┌──┬──┐` and its kin: a border line with one `─` run per column, padding included.
    private static func rule(_ left: String, _ middle: String, _ right: String, widths: [Int]) -> StyledLine {
        let runs = widths.map { String(repeating: "─", count: $0 + 2) }
        return StyledLine(left + runs.joined(separator: middle) + right, style: borderStyle)
    }

    /// The text lines of one table row: `│ cell │ cell │`, as many as its tallest cell needs.
    private static func rowText(
        _ cells: [[StyledLine]], widths: [Int], alignments: [MarkdownTable.Alignment]
    ) -> [StyledLine] {
        let height = max(1, cells.map(\.count).max() ?? 0)
        return (0..<height).map { lineIndex in
            var line = StyledLine("│", style: borderStyle)
            for (column, cellLines) in cells.enumerated() {
                let content = lineIndex < cellLines.count ? cellLines[lineIndex] : .empty
                let free = widths[column] - content.width
                let before: Int
                switch alignments[column] {
                case .left: before = 0
                case .center: before = free / 2
                case .right: before = free
                }
                line.append(String(repeating: " ", count: 1 + before), style: .plain)
                line.append(contentsOf: content)
                line.append(String(repeating: " ", count: 1 + free - before), style: .plain)
                line.append("│", style: borderStyle)
            }
            return line
        }
    }

    // MARK: Narrow fallback

    /// Each body row as `Header: value` lines (continuation lines indented by 2), rows separated
    /// by an empty line. A table without body rows lists its headers.
    private static func keyValueList(_ table: MarkdownTable, columnCount: Int, width: Int) -> [StyledLine] {
        let header = table.header.map { InlinePiece.pieces(of: $0, style: headerStyle) }
        let indent = width > 2 ? 2 : 0
        var lines: [StyledLine] = []
        if table.rows.isEmpty {
            for cell in header { lines += LineWrapper.wrap(cell, width: width) }
            return lines
        }
        for (index, row) in table.rows.enumerated() {
            if index > 0 { lines.append(.empty) }
            for column in 0..<min(columnCount, row.count) {
                let key = column < header.count ? header[column] : []
                let value = InlinePiece.pieces(of: row[column], style: .plain)
                guard !key.isEmpty || !value.isEmpty else { continue }
                let pieces = key.isEmpty ? value : key + [.text(": ", style: .plain, kind: .prose)] + value
                let wrapped = LineWrapper.wrap(pieces, width: width - indent, firstLineWidth: width)
                for (lineIndex, line) in wrapped.enumerated() {
                    var indented = StyledLine(lineIndex == 0 ? "" : String(repeating: " ", count: indent))
                    indented.append(contentsOf: line)
                    lines.append(indented)
                }
            }
        }
        return lines
    }
}
