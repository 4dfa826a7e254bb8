/// The status line: the screen's keys, then the global ones, shortened from the end on narrow windows.
enum StatusLine {
    static let separator = "  "

    /// The fewest columns a shortened left part of ``spread(left:right:width:)`` keeps; below that it is
    /// left out.
    static let minimumLeftColumns = 4

    /// Entries joined to fit `width`; entries go from the end first, the help entry last of all. When
    /// even the one left is too wide, it is cut and ends in `…`.
    static func fit(screen: [String], global: [String], help: String?, width: Int) -> String {
        var entries = screen + global
        while entries.count > 1, DisplayWidth.of(entries.joined(separator: separator)) > width {
            guard let index = entries.lastIndex(where: { $0 != help }) else { break }
            entries.remove(at: index)
        }
        return truncated(entries.joined(separator: separator), to: width)
    }

    /// `left` and `right` on one line of `width` columns, `right` flush right, at least two columns
    /// apart. On a narrow line `left` gives way to `shortLeft` (e.g. "1/4" for "Lektion 1/4"), is cut
    /// with `…`, or is left out when fewer than ``minimumLeftColumns`` would stay; `right` is cut with
    /// `…` only when it alone is too wide. The two never run into each other.
    static func spread(left: String, shortLeft: String? = nil, right: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let rightText = truncated(right, to: width)
        let rightWidth = DisplayWidth.of(rightText)
        let room = width - rightWidth - separator.count
        let candidates = [left] + (shortLeft.map { [$0] } ?? [])
        let whole = candidates.first { !$0.isEmpty && DisplayWidth.of($0) <= room }
        let shortest = candidates.last ?? left
        let leftText =
            whole ?? (room >= minimumLeftColumns && !shortest.isEmpty ? truncated(shortest, to: room) : "")
        let gap = width - DisplayWidth.of(leftText) - rightWidth
        return leftText + String(repeating: " ", count: max(0, gap)) + rightText
    }

    /// `text` cut to `width` columns, ending in `…` when it was longer.
    static func truncated(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 0 else { return "" }
        return StyledLine(text).truncated(to: width).plainText
    }
}
