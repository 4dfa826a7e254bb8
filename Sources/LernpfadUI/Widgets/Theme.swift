/// The styles screens use, so that colours mean the same everywhere.
public enum Theme {
    /// Ordinary text.
    public static let plain = CellStyle.plain
    /// Titles.
    public static let title = CellStyle(attributes: [.bold], role: .heading)
    /// Secondary text.
    public static let muted = CellStyle(attributes: [.dim], role: .muted)
    /// Highlights and keys.
    public static let accent = CellStyle(attributes: [], role: .accent)
    /// The title bar.
    public static let bar = CellStyle(attributes: [.reverse], role: .normal)
    /// The selected row: reverse video, visible without colour too.
    public static let selection = CellStyle(attributes: [.reverse], role: .selection)
    /// Good news.
    public static let success = CellStyle(attributes: [], role: .success)
    /// Needs attention soon.
    public static let warning = CellStyle(attributes: [.bold], role: .warning)
    /// Needs attention now.
    public static let danger = CellStyle(attributes: [.bold], role: .danger)

    /// The style of a progress state.
    public static func state(_ role: ColorRole) -> CellStyle { CellStyle(attributes: [], role: role) }
}

/// Draws a progress bar such as `██████░░░░`.
public enum ProgressBar {
    /// A bar of `width` cells filled to `fraction`.
    public static func bar(_ fraction: Double, width: Int) -> String {
        let cells = max(0, width)
        let filled = min(cells, max(0, Int((fraction * Double(cells)).rounded(.down))))
        return String(repeating: Glyph.barFilled.text, count: filled)
            + String(repeating: Glyph.barEmpty.text, count: cells - filled)
    }
}

extension StyledLine {
    /// A line built from (text, style) pieces.
    public init(_ pieces: [(String, CellStyle)]) {
        self.init()
        for (text, style) in pieces { append(text, style: style) }
    }
}

extension StyledLine {
    /// The line cut to `width` columns with a trailing `…` when it is longer, so clipping is visible.
    public func truncated(to width: Int) -> StyledLine {
        guard self.width > width, width > 0 else { return self }
        var result = StyledLine()
        var used = 0
        for span in spans {
            for character in span.text {
                let columns = DisplayWidth.of(character)
                guard used + columns <= width - 1 else {
                    result.append("…", style: span.style)
                    return result
                }
                result.append(String(character), style: span.style)
                used += columns
            }
        }
        return result
    }
}
