/// What the keys every list screen shares do.
public enum ListAction: Hashable, Sendable {
    /// Move the selection by this many items.
    case move(Int)
    /// Move by this many pages.
    case page(Int)
    /// To the first item.
    case first
    /// To the last item.
    case last
    /// Open the selected item.
    case open
    /// Select and open the item at this body row.
    case click(row: Int)
}

/// A selectable list's cursor and scroll offset.
public struct ListState: Hashable, Sendable {
    /// The selected item.
    public var selected: Int
    /// The first visible item.
    public var top: Int

    /// A list at its first item.
    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }

    /// Moves the selection by `delta`, clamped to `count` items, keeping it visible in `visible` rows.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        guard count > 0 else { return }
        selected = min(max(0, selected + delta), count - 1)
        keepVisible(visible: visible)
    }

    /// Scrolls so the selection is inside a window of `visible` rows.
    public mutating func keepVisible(visible: Int) {
        let rows = max(1, visible)
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
        top = max(0, top)
    }

    /// Keeps the selection on an item when the list shrank to `count`.
    public mutating func clamp(count: Int, visible: Int) {
        selected = min(selected, max(0, count - 1))
        top = min(top, max(0, count - 1))
        keepVisible(visible: visible)
    }
}

/// The list keys, declared once for every list screen.
public enum ListKeys {
    /// Move, page, jump, open, click and wheel.
    public static let bindings: [KeyBinding<ListAction>] = [
        .keys(
            [.up, .down, .character("j"), .character("k"), .tab], help: .helpSelect, status: .verbSelect,
            statusKeys: 2
        ) { key in
            key == .up || key == .character("k") ? .move(-1) : .move(1)
        },
        .keys([.pageUp, .pageDown], help: .helpPage) { $0 == .pageUp ? .page(-1) : .page(1) },
        .keys([.home, .end, .character("g"), .character("G")], help: .helpTopEnd) { key in
            key == .home || key == .character("g") ? .first : .last
        },
        .keys([.enter, .right, .character("l")], help: .helpOpen, status: .verbOpen, .open),
        .pattern(.keyClick, help: .helpClickOpen) { key in
            if case .click(let row, _) = key { return .click(row: row) }
            return nil
        },
        .pattern(.keyWheel, help: .helpScroll) { key in
            key == .wheelUp ? .move(-1) : key == .wheelDown ? .move(1) : nil
        },
    ]
}

extension ListContent {
    /// Carries out a list action on `list`; returns the index of the item to open, if the action opens one.
    public func perform(_ action: ListAction, on list: inout ListState, bodyHeight: Int) -> Int? {
        let count = itemCount
        let visible = visibleItemRows(bodyHeight: bodyHeight)
        switch action {
        case .move(let delta): list.move(by: delta, count: count, visible: visible)
        case .page(let pages): list.move(by: pages * visible, count: count, visible: visible)
        case .first: list.move(by: -count, count: count, visible: visible)
        case .last: list.move(by: count, count: count, visible: visible)
        case .open: return (0..<count).contains(list.selected) ? list.selected : nil
        case .click(let row):
            guard let index = item(atBodyRow: row, list: list, bodyHeight: bodyHeight) else { return nil }
            list.selected = index
            return index
        }
        return nil
    }
}
