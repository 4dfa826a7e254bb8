/// Finds runs of text without a space, tab or line break that are too long to read: the reader can only cut
/// them into lines at arbitrary places. A lesson that is one 4 MB token is not a lesson.
enum LongRunCheck {
    /// The most characters a run may have before `validate` warns.
    static let limit = 1000

    /// A run longer than the limit: where it starts in its text (line from 0, column from 1, in characters)
    /// and how many characters it has.
    struct Run: Equatable {
        var line: Int
        var column: Int
        var characters: Int
    }

    /// The runs of `text` longer than `limit` characters, and how many there are; the first few are kept.
    ///
    /// Sublinear for ordinary prose: it looks `limit` bytes ahead of the start of the current run and scans
    /// back for a break, so most bytes are never read. Only a candidate run (more than `limit` bytes) is
    /// walked byte by byte, to count its characters and find its line and column.
    static func runs(in text: String, limit: Int = Self.limit) -> (first: Run?, count: Int) {
        var text = text
        return text.withUTF8 { bytes in
            var first: Run?
            var count = 0
            var start = 0
            while start + limit < bytes.count {
                // Is there a break in bytes[start ... start + limit]? Look from the far end.
                var probe = start + limit
                while probe >= start && !isBreak(bytes[probe]) { probe -= 1 }
                if probe >= start {
                    start = probe + 1
                    continue
                }
                // More than `limit` bytes without a break: find its end and count its characters.
                var end = start + limit + 1
                while end < bytes.count && !isBreak(bytes[end]) { end += 1 }
                var characters = 0
                for index in start..<end where bytes[index] & 0xC0 != 0x80 { characters += 1 }
                if characters > limit {
                    count += 1
                    if first == nil { first = locate(start, characters: characters, in: bytes) }
                }
                start = end
            }
            return (first, count)
        }
    }

    private static func isBreak(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// The line (from 0) and column (from 1, in characters) of byte `offset`.
    private static func locate(_ offset: Int, characters: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Run {
        var line = 0
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        var column = 1
        for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return Run(line: line, column: column, characters: characters)
    }
}
