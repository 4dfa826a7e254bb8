extension ListContent {
    /// The keys every list screen shares: move, jump, page, open with Enter or a click.
    ///
    /// Moves `list` and returns the index of the item to open, if the key opens one.
    public func navigate(_ list: inout ListState, with key: Key, bodyHeight: Int) -> Int? {
        let count = items.count
        let visible = visibleItemRows(bodyHeight: bodyHeight)
        switch key {
        case .up, .character("k"), .wheelUp: list.move(by: -1, count: count, visible: visible)
        case .down, .character("j"), .wheelDown, .tab: list.move(by: 1, count: count, visible: visible)
        case .pageUp: list.move(by: -visible, count: count, visible: visible)
        case .pageDown: list.move(by: visible, count: count, visible: visible)
        case .home, .character("g"): list.move(by: -count, count: count, visible: visible)
        case .end, .character("G"): list.move(by: count, count: count, visible: visible)
        case .enter, .right, .character("l"): return items.indices.contains(list.selected) ? list.selected : nil
        case .click(let row, _):
            // Row 0 is the title bar; the body starts on row 1.
            guard let index = item(atBodyRow: row - 1, list: list, bodyHeight: bodyHeight) else { return nil }
            list.selected = index
            return index
        default: break
        }
        return nil
    }
}
