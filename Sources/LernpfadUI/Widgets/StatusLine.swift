/// The status line: the screen's keys, then the global ones, shortened from the end on narrow windows.
enum StatusLine {
    static let separator = "  "

    /// Entries joined to fit `width`; entries go from the end first, the help entry last of all.
    static func fit(screen: [String], global: [String], help: String?, width: Int) -> String {
        var entries = screen + global
        while entries.count > 1, DisplayWidth.of(entries.joined(separator: separator)) > width {
            guard let index = entries.lastIndex(where: { $0 != help }) else { break }
            entries.remove(at: index)
        }
        return entries.joined(separator: separator)
    }
}
