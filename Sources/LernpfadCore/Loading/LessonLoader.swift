import Foundation

/// Finds a module's lessons (`NN-slug.LANG.md`) and reads their titles; bodies only when checking.
struct LessonLoader {
    let folder: String
    let root: String
    let languages: [LanguageCode]
    let checkBodies: Bool
    let files: ContentFileReader
    let sink: DiagnosticSink

    /// Bytes read to find a lesson's title when bodies are not checked.
    static let headBytes = 4 * 1024

    func load() -> [Lesson] {
        let directory = root + "/modules/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var filesByLesson: [String: [LanguageCode: String]] = [:]
        for name in names.sorted() where name.hasSuffix(".md") {
            let relative = "modules/\(folder)/\(name)"
            guard let (id, language) = LessonFileName.parse(name) else {
                sink.error(relative, nil, "lesson file name must look like 01-topic.de.md (number, id, language)")
                continue
            }
            guard languages.contains(language) else {
                sink.error(relative, nil, "language '\(language)' of this lesson is not listed in course.yaml")
                continue
            }
            filesByLesson[id, default: [:]][language] = relative
        }

        var lessons: [Lesson] = []
        var numbers: [String: String] = [:]
        for id in filesByLesson.keys.sorted() {
            let byLanguage = filesByLesson[id] ?? [:]
            let anyFile = byLanguage.values.sorted().first ?? "modules/\(folder)"
            let number = String(id.prefix { $0.isNumber })
            if let other = numbers[number] {
                sink.error(anyFile, nil, "lessons '\(other)' and '\(id)' share the number \(number): give each its own")
            }
            numbers[number] = id
            for language in languages where byLanguage[language] == nil {
                sink.error(
                    anyFile, nil, "lesson '\(id)' is missing language '\(language)' (expected \(id).\(language).md)")
            }
            var titles: [LanguageCode: String] = [:]
            var minutes: Int?
            for language in languages {
                guard let file = byLanguage[language], let head = readHead(file) else { continue }
                if let title = head.title {
                    titles[language] = title
                } else {
                    sink.error(
                        file, SourceMark(line: 1, column: 1),
                        "lesson has no title: add front matter 'title' or a '# ' heading")
                }
                minutes = minutes ?? head.minutes
            }
            lessons.append(Lesson(id: id, title: LocalizedText(titles), minutes: minutes, files: byLanguage))
        }
        if lessons.isEmpty {
            sink.error(
                "modules/\(folder)", nil, "module has no lessons (files like 01-topic.\(languages.first ?? "de").md)")
        }
        return lessons
    }

    private func readHead(_ file: String) -> LessonHead? {
        let absolute = root + "/" + file
        let text: String
        if checkBodies {
            switch files.text(at: absolute) {
            case .failure(let failure):
                sink.error(file, failure.mark, failure.message)
                return nil
            case .success(let body): text = body
            }
        } else {
            switch files.data(at: absolute, limit: Self.headBytes) {
            case .failure(let failure):
                sink.error(file, failure.mark, failure.message)
                return nil
            case .success(let data): text = String(decoding: data, as: UTF8.self)
            }
        }
        let document = LessonDocument(text: text, file: file, sink: sink)
        if checkBodies {
            if !Self.hasText(document.body) {
                sink.warning(file, SourceMark(line: document.bodyStartLine, column: 1), "lesson is empty")
            }
            // Splitting every body into lines to look for TODO was most of `validate`; the bytes say whether
            // there is one at all (T, O and D have no other spelling that Foundation's search would match).
            if document.body.containsUTF8("TODO") {
                for (offset, line) in document.body.split(separator: "\n", omittingEmptySubsequences: false)
                    .enumerated()
                where line.contains("TODO") {
                    sink.warning(
                        file, SourceMark(line: document.bodyStartLine + offset, column: 1), "TODO left in lesson")
                }
            }
            let (run, runs) = LongRunCheck.runs(in: document.body)
            if let run {
                let more = runs > 1 ? " (and \(runs - 1) more in this lesson)" : ""
                sink.warning(
                    file, SourceMark(line: document.bodyStartLine + run.line, column: run.column),
                    "\(run.characters) characters without a space or line break\(more): the reader can only cut "
                        + "them into lines anywhere; add spaces or break the text up")
            }
        }
        return LessonHead(title: document.title, minutes: document.minutes)
    }
}

extension LessonLoader {
    /// True when a line of `body` holds more than whitespace and is not a `# ` title, stopping at the first.
    ///
    /// The same lines as `body.split(separator: "\n")`, found on bytes: a `\n` is a line break of its own
    /// except right after `\r`, where the two make one `Character` that this split never cut either.
    static func hasText(_ body: String) -> Bool {
        let bytes = body.utf8
        var start = bytes.startIndex
        var previous: UInt8 = 0
        var index = start
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                if isText(body[start..<index]) { return true }
                start = bytes.index(after: index)
            }
            previous = byte
            index = bytes.index(after: index)
        }
        return isText(body[start...])
    }

    private static func isText(_ line: Substring) -> Bool {
        !line.allSatisfy(\.isWhitespace) && !line.hasPrefix("# ")
    }
}

extension String {
    /// True when the UTF-8 bytes of `needle` occur in the text: a byte search, no Unicode rules.
    func containsUTF8(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let needle = pattern.baseAddress else { return true }
                guard let base = haystack.baseAddress.map(UnsafeRawPointer.init) else { return false }
                // memchr finds candidates at memory speed; memmem would too, but Glibc's module does not export it.
                let last = haystack.count - pattern.count
                var offset = 0
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(pattern[0]), last - offset + 1) else { return false }
                    let position = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + position, needle, pattern.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}

private struct LessonHead {
    var title: String?
    var minutes: Int?
}

/// The naming rule of lesson files: `<NN>-<slug>.<lang>.md`.
public enum LessonFileName {
    /// The lesson id and language of a file name, or nil when the name breaks the rule.
    public static func parse(_ name: String) -> (id: String, language: LanguageCode)? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let id = String(stem[..<dot])
        let language = String(stem[stem.index(after: dot)...])
        guard Identifier.isValidContentID(id), let first = id.first, first.isNumber,
            id.contains("-"), language.count >= 2, language.count <= 8,
            language.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "-") })
        else { return nil }
        return (id, LanguageCode(rawValue: language))
    }
}
