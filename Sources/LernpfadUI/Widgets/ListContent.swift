/// A list screen's content: lines above the list, one line per selectable item, lines below.
///
/// Both `render` and `update` use the same content, so a click maps to the item drawn in that row.
public struct ListContent: Sendable {
    /// Lines above the items (titles, summaries).
    public var header: [StyledLine]
    /// One line per selectable item.
    public var items: [StyledLine]
    /// Lines below the items (sources, hints).
    public var footer: [StyledLine]

    /// Makes content.
    public init(header: [StyledLine] = [], items: [StyledLine] = [], footer: [StyledLine] = []) {
        self.header = header
        self.items = items
        self.footer = footer
    }

    /// Header lines shown in a body of `bodyHeight` rows: all of them if the items still get half the rows,
    /// else only the first ones, so a long module description never hides the lessons on a small screen.
    public func headerRows(bodyHeight: Int) -> Int {
        let itemRows = min(items.count, max(1, bodyHeight / 2))
        return max(0, min(header.count, bodyHeight - itemRows))
    }

    /// Rows the items get in a body of `bodyHeight` rows; the footer shows only if there is room.
    public func visibleItemRows(bodyHeight: Int) -> Int {
        max(1, bodyHeight - headerRows(bodyHeight: bodyHeight))
    }

    /// Draws header, items (the selected one reversed) and as much footer as fits, from `row`.
    public func draw(into canvas: inout Canvas, list: ListState, row: Int, height: Int, margin: Int) {
        draw(into: &canvas, list: list, row: row, height: height, column: margin, width: canvas.width - 2 * margin)
    }

    /// Draws into the rectangle at `row`, `column` of `width` by `height` cells.
    public func draw(into canvas: inout Canvas, list: ListState, row: Int, height: Int, column margin: Int, width: Int)
    {
        var current = row
        let shownHeader = headerRows(bodyHeight: height)
        for line in header.prefix(shownHeader) {
            _ = canvas.draw(line, row: current, column: margin, width: width)
            current += 1
        }
        let rows = max(0, row + height - current)
        let end = min(items.count, list.top + rows)
        if list.top < end {
            for index in list.top..<end {
                // A marker as well as reverse video, so the selection shows without colour and in snapshots.
                if index == list.selected {
                    canvas.fill(row: current, column: margin, width: width, height: 1, style: Theme.selection)
                    var selected = StyledLine("› ", style: Theme.selection.adding(.bold))
                    for span in items[index].truncated(to: width - 2).spans {
                        selected.append(span.text, style: span.style.adding(.reverse))
                    }
                    _ = canvas.draw(selected, row: current, column: margin, width: width)
                } else {
                    _ = canvas.draw(
                        items[index].truncated(to: width - 2), row: current, column: margin + 2, width: width - 2)
                }
                current += 1
            }
        }
        if end == items.count {
            for line in footer where current < row + height {
                _ = canvas.draw(line, row: current, column: margin, width: width)
                current += 1
            }
        }
        if list.top > 0 {
            canvas.put("▲", row: row + shownHeader, column: margin + width, style: Theme.muted)
        }
        if end < items.count {
            canvas.put("▼", row: row + height - 1, column: margin + width, style: Theme.muted)
        }
    }

    /// The item index drawn at body row `bodyRow` in a body of `bodyHeight` rows, if any.
    public func item(atBodyRow bodyRow: Int, list: ListState, bodyHeight: Int) -> Int? {
        let shownHeader = headerRows(bodyHeight: bodyHeight)
        let index = bodyRow - shownHeader + list.top
        return bodyRow >= shownHeader && items.indices.contains(index) ? index : nil
    }
}
