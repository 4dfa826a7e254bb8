/// `?`: every key of the current screen in a box, read from the same tables the keys are dispatched from.
public struct HelpOverlay: ScreenModel {
    /// (keys, what they do), the screen's first, then the global ones.
    public let entries: [(keys: String, help: String)]
    /// The first row shown, when the rows do not all fit in the window.
    public private(set) var top = 0

    /// Help listing `entries`.
    public init(entries: [(keys: String, help: String)]) { self.entries = entries }

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Key>] {
        // Any key closes the help; it is not listed, the box says "press any key".
        [.pattern(.keyAny, help: .helpClose) { key in if case .resize = key { return nil } else { return key } }]
    }

    /// Carries out one action: ↑↓ j k and the page keys scroll a box too low for all its rows; any other key
    /// closes the help.
    public mutating func perform(_ action: Key, context: ScreenContext, area: Rect) -> [Transition] {
        let layout = layout(area: area, context: context)
        let lastTop = max(0, layout.lines.count - layout.visibleRows)
        if layout.isCut {
            let step = action == .pageDown || action == .pageUp ? max(1, layout.visibleRows) : 1
            // At either end they stay put rather than close the help, as in a pager.
            if [.down, .character("j"), .pageDown].contains(action) {
                top = min(lastTop, top + step)
                return []
            }
            if [.up, .character("k"), .pageUp].contains(action) {
                top = max(0, top - step)
                return []
            }
        }
        // q means quit everywhere outside a text field, help included.
        return action == .character("q") ? [.closeOverlay, .quit] : [.closeOverlay]
    }

    /// Where the box goes and what it shows.
    struct Layout {
        var row: Int
        var column: Int
        var width: Int
        var height: Int
        /// All rows inside the border but the last ("press any key").
        var lines: [StyledLine]
        /// Whether the rows do not all fit: the last row shown then says that the box scrolls.
        var isCut: Bool
        /// How many of `lines` are shown at a time.
        var visibleRows: Int
    }

    /// The box for a window of `area`: as wide as its longest line (at least 40 columns) and as the window
    /// allows, as high as its rows.
    func layout(area: Rect, context: ScreenContext) -> Layout {
        let text = context.text
        let keyWidth = min(Self.maximumKeyWidth, entries.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let helpWidth = entries.map { DisplayWidth.of($0.help) }.max() ?? 0
        // Border, a space, the keys, a space, the text, a space, border.
        let contentWidth = max(
            40, keyWidth + helpWidth + 5, DisplayWidth.of(text(.pressAnyKey)) + 4,
            DisplayWidth.of(text(.helpTitle)) + 8)
        let width = max(1, min(area.width - 2, contentWidth))
        // The course's note under the keys, as its "about" line, wrapped to the box.
        let notice =
            context.catalog.course.notice.map {
                MarkdownLayout.layout($0.text(in: context.language), width: max(1, width - 4))
            } ?? []
        let lines = Self.rows(entries: entries, notice: notice, width: width).lines
        let height = max(0, min(area.height - 2, lines.count + 3))
        let shown = max(0, height - 3)
        let isCut = lines.count > shown
        return Layout(
            row: area.row + max(1, (area.height - height) / 2), column: area.column + max(1, (area.width - width) / 2),
            width: width, height: height, lines: lines, isCut: isCut, visibleRows: isCut ? max(0, shown - 1) : shown)
    }

    /// The widest the keys column gets; longer key lists are cut with `…`.
    static let maximumKeyWidth = 24

    /// The box's rows inside the border, for a box `width` columns wide: each entry's keys beside its text
    /// (wrapped to the rest of the width), a blank row and the course's note when there is one.
    static func rows(
        entries: [(keys: String, help: String)], notice: [StyledLine], width: Int
    ) -> (keyWidth: Int, lines: [StyledLine]) {
        let inner = max(1, width - 4)
        // The keys take at most half of the inside, so that their text keeps room on narrow windows.
        let keyWidth = min(
            maximumKeyWidth, max(1, inner / 2), entries.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let helpWidth = max(1, inner - keyWidth - 1)
        var lines: [StyledLine] = []
        let blank = StyledLine(String(repeating: " ", count: keyWidth + 1))
        for entry in entries {
            var keys = StyledLine(entry.keys, style: Theme.accent).truncated(to: keyWidth)
            keys.append(String(repeating: " ", count: keyWidth + 1 - keys.width), style: .plain)
            let help = LineWrapper.wrap([.text(entry.help, style: .plain, kind: .prose)], width: helpWidth)
            for (index, part) in (help.isEmpty ? [.empty] : help).enumerated() {
                var line = index == 0 ? keys : blank
                line.append(contentsOf: part)
                lines.append(line)
            }
        }
        if !notice.isEmpty {
            lines.append(.empty)
            lines += notice.map { StyledLine($0.spans.map { StyledSpan($0.text, style: Theme.muted) }) }
        }
        return (keyWidth, lines)
    }

    /// Draws the screen into `area`; returns its title.
    ///
    /// On a window narrower than the box's longest line the texts wrap beside their keys. When the rows do
    /// not all fit, the last one shown is `↑↓ …`, and ↑↓ j k scroll.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        let text = context.text
        let layout = layout(area: area, context: context)
        let (row, column, width, height) = (layout.row, layout.column, layout.width, layout.height)
        canvas.fill(row: row, column: column, width: width, height: height, style: .plain)
        canvas.box(row: row, column: column, width: width, height: height, title: text(.helpTitle), style: Theme.accent)
        let start = min(top, max(0, layout.lines.count - layout.visibleRows))
        for (index, line) in layout.lines.dropFirst(start).prefix(layout.visibleRows).enumerated() {
            _ = canvas.draw(line, row: row + 1 + index, column: column + 2, width: width - 4)
        }
        // The cursor on the first row shown, so that a screen reader starts reading the box there.
        canvas.setCursor(row: row + 1, column: column + 2)
        if layout.isCut && height >= 4 {
            let more = (start > 0 ? "↑" : "") + (start + layout.visibleRows < layout.lines.count ? "↓" : "") + " …"
            _ = canvas.put(
                more, row: row + 1 + layout.visibleRows, column: column + 2, style: Theme.muted, maxWidth: width - 4)
        }
        _ = canvas.put(
            text(.pressAnyKey), row: row + height - 2, column: column + 2, style: Theme.muted, maxWidth: width - 4)
        return text(.helpTitle)
    }
}
