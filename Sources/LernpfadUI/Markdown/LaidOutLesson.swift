/// A lesson laid out for a given width: the lines to show and where its headings are, for a
/// table of contents or jumping from heading to heading.
public struct LaidOutLesson: Hashable, Sendable {
    /// The width the lesson was laid out for; no line is wider.
    public var width: Int
    /// The lines, top to bottom.
    public var lines: [StyledLine]
    /// The headings in document order.
    public var headings: [LessonHeading]

    /// Makes a laid-out lesson.
    public init(width: Int, lines: [StyledLine], headings: [LessonHeading]) {
        self.width = width
        self.lines = lines
        self.headings = headings
    }
}

/// A heading of a laid-out lesson.
public struct LessonHeading: Hashable, Sendable {
    /// The index in ``LaidOutLesson/lines`` of the heading's first line.
    public var line: Int
    /// 1 for `#`, 2 for `##`, and so on.
    public var level: Int
    /// The heading's text without markup, on one line.
    public var title: String

    /// Makes a heading entry.
    public init(line: Int, level: Int, title: String) {
        self.line = line
        self.level = level
        self.title = title
    }
}
