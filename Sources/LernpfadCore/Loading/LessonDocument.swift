import Foundation

/// A lesson file split into optional front matter and the Markdown body.
public struct LessonDocument: Sendable {
    /// The Markdown after the front matter.
    public var body: String
    /// The file line the body starts on (1 without front matter).
    public var bodyStartLine: Int
    /// The title from front matter, else from the first `# ` heading.
    public var title: String?
    /// Reading minutes from front matter.
    public var minutes: Int?

    /// Splits `text`; problems in the front matter go to `sink` located in `file`.
    init(text: String, file: String, sink: DiagnosticSink) {
        var body = text
        var startLine = 1
        var title: String?
        var minutes: Int?
        if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") {
            // Only the head is split into lines; the body stays one slice of the text.
            if let (lines, end, bodyStart) = Self.frontMatterLines(of: text) {
                let matter = lines[1..<end].joined(separator: "\n")
                body = bodyStart.map { String(text[$0...]) } ?? ""
                startLine = end + 2
                let matterSink = DiagnosticSink()
                if let simple = Self.plainFrontMatter(lines[1..<end]) {
                    // The usual two plain lines need no YAML parser; it would cost more than the rest of the load.
                    title = simple.title
                    minutes = simple.minutes
                } else if let node = YAMLDocument.parse(matter, file: file, sink: matterSink),
                    let reader = MappingReader(node, file: file, what: "front matter", languages: [], sink: matterSink)
                {
                    title = reader.string("title", required: false)
                    minutes = reader.integer("minutes", required: false)
                    reader.finish(what: "front matter")
                }
                // Front matter starts on line 2 of the file.
                for diagnostic in matterSink.diagnostics {
                    var shifted = diagnostic
                    shifted.line = diagnostic.line.map { $0 + 1 }
                    sink.append(contentsOf: [shifted])
                }
            } else {
                sink.error(file, SourceMark(line: 1, column: 1), "front matter starts with '---' but never ends")
            }
        }
        if title == nil {
            for line in Self.lines(of: body, maxSplits: 40).prefix(40) where line.hasPrefix("# ") {
                title = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                break
            }
        }
        self.body = body
        self.bodyStartLine = startLine
        self.title = title
        self.minutes = minutes
    }

    /// The first `maxSplits` lines of `text` without their line breaks (`\n` or `\r\n`), then the rest.
    ///
    /// Split on bytes: `String.split` walks grapheme clusters, which made reading the heads of all lessons the
    /// largest single cost of start-up, and it never splits `\r\n`, which is one cluster.
    ///
    /// The line feeds are found with `memchr` where the bytes are contiguous: a lesson may be one 4 MB line.
    static func lines(of text: String, maxSplits: Int) -> [Substring] {
        let bytes = text.utf8
        let found: [Int]? = bytes.withContiguousStorageIfAvailable { buffer in
            var feeds: [Int] = []
            guard let base = buffer.baseAddress else { return feeds }
            var offset = 0
            while feeds.count < maxSplits, offset < buffer.count,
                let hit = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset)
            {
                let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                feeds.append(position)
                offset = position + 1
            }
            return feeds
        }
        let feeds =
            found ?? bytes.enumerated().filter { $0.element == UInt8(ascii: "\n") }.prefix(maxSplits).map(\.offset)
        var lines: [Substring] = []
        var start = bytes.startIndex
        for feed in feeds {
            let index = bytes.index(bytes.startIndex, offsetBy: feed)
            var end = index
            if end > start, bytes[bytes.index(before: end)] == UInt8(ascii: "\r") { end = bytes.index(before: end) }
            lines.append(text[start..<end])
            start = bytes.index(after: index)
        }
        lines.append(text[start...])
        return lines
    }

    /// The lines of `lines(of: text, maxSplits: 64)` up to the first after the opening one that is `---` (give or
    /// take whitespace), that line's index, and where the line after it starts (nil when it was the last).
    ///
    /// Split as far as the closing line only: `validate` reads every lesson in full, and splitting 64 lines of each
    /// was a twentieth of its time.
    static func frontMatterLines(of text: String) -> (lines: [Substring], end: Int, bodyStart: String.Index?)? {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex && lines.count < 64 {
            if bytes[index] == UInt8(ascii: "\n") {
                var end = index
                if end > start, bytes[bytes.index(before: end)] == UInt8(ascii: "\r") { end = bytes.index(before: end) }
                lines.append(text[start..<end])
                start = bytes.index(after: index)
                if lines.count > 1 && isDashes(lines[lines.count - 1]) { return (lines, lines.count - 1, start) }
            }
            index = bytes.index(after: index)
        }
        lines.append(text[start...])
        return lines.count > 1 && isDashes(lines[lines.count - 1]) ? (lines, lines.count - 1, nil) : nil
    }

    /// `line.trimmingCharacters(in: .whitespaces) == "---"`, without Foundation for ASCII lines.
    private static func isDashes(_ line: Substring) -> Bool {
        guard let trimmed = trimmedASCII(line) else { return line.trimmingCharacters(in: .whitespaces) == "---" }
        return trimmed == "---"
    }

    /// `text.trimmingCharacters(in: .whitespaces)` when `text` is ASCII, where only space and tab are whitespace;
    /// nil otherwise, for Foundation to handle the other Unicode spaces.
    private static func trimmedASCII(_ text: Substring) -> Substring? {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return text[first...last]
    }

    /// `title` and `minutes` from front matter of plain `key: value` lines, or nil when it holds anything a YAML
    /// parser must read (quotes, other keys, a bad number), which then goes the full way with its diagnostics.
    static func plainFrontMatter(_ lines: ArraySlice<Substring>) -> (title: String?, minutes: Int?)? {
        var title: String?
        var minutes: Int?
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon]
            let rest = line[line.index(after: colon)...]
            let value = trimmedASCII(rest).map(String.init) ?? rest.trimmingCharacters(in: .whitespaces)
            // Foundation's search only where the bytes are there: it costs more than the rest of the line's checks.
            guard let first = value.first, !"\"'[]{}&*!|>%@`#".contains(first),
                !(value.containsUTF8(": ") && value.contains(": ")), !(value.containsUTF8(" #") && value.contains(" #"))
            else { return nil }
            switch key {
            case "title" where title == nil: title = value
            case "minutes" where minutes == nil:
                guard let number = Int(value) else { return nil }
                minutes = number
            default: return nil
            }
        }
        return (title, minutes)
    }

    /// Splits a lesson text whose front matter problems do not matter to the caller (the reader).
    public init(text: String) {
        self.init(text: text, file: "", sink: DiagnosticSink())
    }
}
