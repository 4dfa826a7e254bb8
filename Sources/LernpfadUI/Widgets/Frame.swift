/// The frame every screen shares: a title bar, the body, and a status line with keys or a notice.
public enum Frame {
    /// Draws the title bar on row 0 and the status line on the last row.
    public static func draw(
        into canvas: inout Canvas, title: String, right: String, status: String, notice: String?
    ) {
        canvas.fill(row: 0, column: 0, width: canvas.width, height: 1, style: Theme.bar)
        let rightWidth = DisplayWidth.of(right)
        _ = canvas.put(
            " " + title, row: 0, column: 0, style: Theme.bar.adding(.bold), maxWidth: canvas.width - rightWidth - 2)
        if rightWidth + 2 < canvas.width {
            _ = canvas.put(right + " ", row: 0, column: canvas.width - rightWidth - 1, style: Theme.bar)
        }
        let last = canvas.height - 1
        if let notice {
            _ = canvas.put(
                StatusLine.truncated(" " + notice, to: canvas.width - 1), row: last, column: 0, style: Theme.warning)
        } else {
            _ = canvas.put(" " + status, row: last, column: 0, style: Theme.muted)
        }
    }

    /// The notice shown when the window is below the minimum size.
    public static func tooSmall(width: Int, height: Int, text: Localizer) -> Canvas {
        var canvas = Canvas(width: max(0, width), height: max(0, height))
        let message = "\(text(.tooSmall)) (min \(AppModel.minimumSize.width)×\(AppModel.minimumSize.height))"
        let row = max(0, height / 2)
        if height > 0 { _ = canvas.put(message, row: min(row, height - 1), column: 0, style: Theme.warning) }
        return canvas
    }
}
