/// `?`: every key of the current screen in a box, read from the same tables the keys are dispatched from.
public struct HelpOverlay: ScreenModel {
    /// (keys, what they do), the screen's first, then the global ones.
    public let entries: [(keys: String, help: String)]

    /// Help listing `entries`.
    public init(entries: [(keys: String, help: String)]) { self.entries = entries }

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Key>] {
        // Any key closes the help; it is not listed, the box says "press any key".
        [.pattern(.keyAny, help: .helpClose) { key in if case .resize = key { return nil } else { return key } }]
    }

    /// Carries out one action.
    public mutating func perform(_ action: Key, context: ScreenContext, area: Rect) -> [Transition] {
        // q means quit everywhere outside a text field, help included.
        action == .character("q") ? [.closeOverlay, .quit] : [.closeOverlay]
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        let text = context.text
        let keyWidth = min(24, entries.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let helpWidth = entries.map { DisplayWidth.of($0.help) }.max() ?? 0
        // Border, a space, the keys, a space, the text, a space, border.
        let width = min(area.width - 2, max(40, keyWidth + helpWidth + 5))
        // The course's note under the keys, as its "about" line, wrapped to the box.
        let notice =
            context.catalog.course.notice.map {
                MarkdownLayout.layout($0.text(in: context.language), width: max(1, width - 4))
            } ?? []
        let height = min(area.height - 2, entries.count + 3 + (notice.isEmpty ? 0 : notice.count + 1))
        let row = area.row + max(1, (area.height - height) / 2)
        let column = area.column + max(1, (area.width - width) / 2)
        canvas.fill(row: row, column: column, width: width, height: height, style: .plain)
        canvas.box(row: row, column: column, width: width, height: height, title: text(.helpTitle), style: Theme.accent)
        for (index, entry) in entries.prefix(max(0, height - 3)).enumerated() {
            _ = canvas.put(
                entry.keys, row: row + 1 + index, column: column + 2, style: Theme.accent, maxWidth: keyWidth)
            let helpLine = StyledLine(entry.help).truncated(to: width - keyWidth - 5)
            _ = canvas.draw(helpLine, row: row + 1 + index, column: column + 3 + keyWidth, width: width - keyWidth - 5)
        }
        for (index, line) in notice.enumerated() where entries.count + 2 + index < height - 2 {
            _ = canvas.draw(
                StyledLine(line.spans.map { StyledSpan($0.text, style: Theme.muted) }),
                row: row + entries.count + 2 + index, column: column + 2, width: width - 4)
        }
        _ = canvas.put(
            text(.pressAnyKey), row: row + height - 2, column: column + 2, style: Theme.muted, maxWidth: width - 4)
        return text(.helpTitle)
    }
}
