import Yams

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
            let lines = text.split(separator: "\n", maxSplits: 64, omittingEmptySubsequences: false)
            if let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) {
                let matter = lines[1..<end].joined(separator: "\n")
                body = end + 1 < lines.count ? String(text[lines[end + 1].startIndex...]) : ""
                startLine = end + 2
                let matterSink = DiagnosticSink()
                if let node = YAMLDocument.parse(matter, file: file, sink: matterSink),
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
            for line in body.split(separator: "\n", maxSplits: 40, omittingEmptySubsequences: true).prefix(40)
            where line.hasPrefix("# ") {
                title = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                break
            }
        }
        self.body = body
        self.bodyStartLine = startLine
        self.title = title
        self.minutes = minutes
    }

    /// Splits a lesson text whose front matter problems do not matter to the caller (the reader).
    public init(text: String) {
        self.init(text: text, file: "", sink: DiagnosticSink())
    }
}
