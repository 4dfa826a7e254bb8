/// Laid-out lines of one or more blocks, with the headings among them.
struct BlockLayout {
    /// The lines.
    var lines: [StyledLine] = []
    /// The headings, with line indexes into ``lines``.
    var headings: [LessonHeading] = []

    /// Whether nothing was laid out.
    var isEmpty: Bool { lines.isEmpty }

    /// Appends `other` below, shifting its heading line indexes.
    mutating func append(_ other: BlockLayout) {
        let offset = lines.count
        lines.append(contentsOf: other.lines)
        headings.append(
            contentsOf: other.headings.map { LessonHeading(line: $0.line + offset, level: $0.level, title: $0.title) })
    }

    /// `self` with `first` in front of the first line and `rest` in front of every other line;
    /// empty lines get `blank` instead, so that they carry no trailing spaces.
    func prefixed(first: StyledLine, rest: StyledLine, blank: StyledLine) -> BlockLayout {
        var result = BlockLayout(lines: [], headings: headings)
        result.lines.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            var prefixed = index == 0 ? first : (line.spans.isEmpty ? blank : rest)
            prefixed.append(contentsOf: line)
            result.lines.append(prefixed)
        }
        return result
    }
}
