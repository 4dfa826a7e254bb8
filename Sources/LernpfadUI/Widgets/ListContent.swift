/// A list screen's content: lines above the list, one line per selectable item, lines below.
///
/// Both `render` and `update` use the same content, so a click maps to the item drawn in that row. Items can be
/// made on demand, so a list of ten thousand learners builds only the rows on screen.
public struct ListContent: Sendable {
    /// Lines above the items (titles, summaries).
    public var header: [StyledLine]
    /// How many items there are.
    public var itemCount: Int
    /// Lines below the items (sources, hints).
    public var footer: [StyledLine]
    private let makeItem: @Sendable (Int) -> StyledLine

    /// Content with every item made already.
    public init(header: [StyledLine] = [], items: [StyledLine] = [], footer: [StyledLine] = []) {
        self.header = header
        self.footer = footer
        itemCount = items.count
        makeItem = { items[$0] }
    }

    /// Content whose items are made when drawn.
    public init(
        header: [StyledLine], itemCount: Int, footer: [StyledLine], item: @escaping @Sendable (Int) -> StyledLine
    ) {
        self.header = header
        self.itemCount = itemCount
        self.footer = footer
        makeItem = item
    }

    /// The item at `index`.
    public func item(_ index: Int) -> StyledLine { makeItem(index) }

    /// Header lines shown in a body of `bodyHeight` rows: all of them if the items still get half the rows,
    /// else only the first ones, so a long module description never hides the lessons on a small screen.
    public func headerRows(bodyHeight: Int) -> Int {
        let itemRows = min(itemCount, max(1, bodyHeight / 2))
        return max(0, min(header.count, bodyHeight - itemRows))
    }

    /// Rows the items get in a body of `bodyHeight` rows; the footer shows only if there is room.
    public func visibleItemRows(bodyHeight: Int) -> Int {
        max(1, bodyHeight - headerRows(bodyHeight: bodyHeight))
    }

    /// Draws header, items (the selected one reversed, with the cursor at the start of its text) and as much footer
    /// as fits into `area`.
    public func draw(into canvas: inout Canvas, list: ListState, area: Rect) {
        let margin = area.column
        let width = area.width
        var current = area.row
        let shownHeader = headerRows(bodyHeight: area.height)
        for line in header.prefix(shownHeader) {
            _ = canvas.draw(line, row: current, column: margin, width: width)
            current += 1
        }
        let rows = max(0, area.bottom - current)
        let end = min(itemCount, list.top + rows)
        if list.top < end {
            for index in list.top..<end {
                // A marker as well as reverse video, so the selection shows without colour and in snapshots.
                if index == list.selected {
                    // The cursor goes where the row's text starts, after the marker.
                    canvas.setCursor(row: current, column: margin + 2)
                    canvas.fill(row: current, column: margin, width: width, height: 1, style: Theme.selection)
                    var selected = StyledLine(Glyph.pointer.text + " ", style: Theme.selection.adding(.bold))
                    for span in item(index).truncated(to: width - 2).spans {
                        selected.append(span.text, style: span.style.adding(.reverse))
                    }
                    _ = canvas.draw(selected, row: current, column: margin, width: width)
                } else {
                    _ = canvas.draw(
                        item(index).truncated(to: width - 2), row: current, column: margin + 2, width: width - 2)
                }
                current += 1
            }
        }
        if end == itemCount {
            for line in footer where current < area.bottom {
                _ = canvas.draw(line, row: current, column: margin, width: width)
                current += 1
            }
        }
        if list.top > 0 {
            canvas.put(Glyph.moreAbove.text, row: area.row + shownHeader, column: margin + width, style: Theme.muted)
        }
        if end < itemCount {
            canvas.put(Glyph.moreBelow.text, row: area.bottom - 1, column: margin + width, style: Theme.muted)
        }
    }

    /// The item index drawn at `row` of a body of `bodyHeight` rows (0 is the body's first row), if any.
    public func item(atBodyRow bodyRow: Int, list: ListState, bodyHeight: Int) -> Int? {
        let shownHeader = headerRows(bodyHeight: bodyHeight)
        let index = bodyRow - shownHeader + list.top
        return bodyRow >= shownHeader && (0..<itemCount).contains(index) ? index : nil
    }
}
