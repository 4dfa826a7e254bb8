import Yams

/// Parses a YAML text into a node tree, refusing what content never needs.
enum YAMLDocument {
    /// Nesting deeper than this is refused before it can exhaust the stack.
    static let maximumDepth = 32

    /// Parses `text`; on failure reports a located error to `sink` and returns nil.
    static func parse(_ text: String, file: String, sink: DiagnosticSink) -> YAMLNode? {
        if let mark = excessiveNesting(in: text) {
            sink.error(file, mark, "YAML is nested deeper than \(maximumDepth) levels")
            return nil
        }
        let root: YAMLNode?
        do {
            root = try YAMLComposer.compose(text)
        } catch {
            let (mark, message) = describe(error)
            sink.error(file, mark, "YAML syntax error: \(message)")
            return nil
        }
        guard let root else {
            sink.error(file, SourceMark(line: 1, column: 1), "file is empty")
            return nil
        }
        // Without a `*` there is no alias to find, and the walk over every node is skipped.
        if text.containsUTF8("*"), let mark = firstAlias(in: root) {
            sink.error(file, mark, "YAML anchors and aliases are not supported in content files")
            return nil
        }
        return root
    }

    /// A cheap pre-scan: flow brackets or indentation deeper than the limit.
    ///
    /// libyaml and the composer recurse per level, so a hostile file could otherwise overflow the stack.
    private static func excessiveNesting(in text: String) -> SourceMark? {
        var text = text
        // Bytes, not Characters: grapheme breaking would cost more than the parse it guards; and a buffer, not the
        // UTF-8 view, whose index checks made this scan a twentieth of `validate`.
        return text.withUTF8 { bytes in scanNesting(bytes) }
    }

    private static func scanNesting(_ bytes: UnsafeBufferPointer<UInt8>) -> SourceMark? {
        var depth = 0
        var line = 1
        var column = 0
        var quote: UInt8?
        var lineStart = true
        var indent = 0
        for byte in bytes {
            column += 1
            if byte == 0x0A {
                line += 1
                column = 0
                lineStart = true
                indent = 0
                continue
            }
            if lineStart {
                if byte == 0x20 || byte == 0x2D {
                    indent += 1
                    // Two spaces or a "- " per level is the usual YAML style.
                    if indent / 2 > maximumDepth * 2 { return SourceMark(line: line, column: column) }
                    continue
                }
                lineStart = false
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case 0x22, 0x27: quote = byte
            case 0x5B, 0x7B:
                depth += 1
                if depth > maximumDepth { return SourceMark(line: line, column: column) }
            case 0x5D, 0x7D:
                depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// The composer resolves an alias to the anchored node itself, so a node of the same kind seen twice at one
    /// mark is an alias. (A block mapping starts where its first key does, hence the kind in the key.)
    private static func firstAlias(in root: YAMLNode) -> SourceMark? {
        // A value key, not an interpolated string: this walk visits every node of every content file.
        struct Place: Hashable {
            var kind: UInt8
            var line: Int
            var column: Int
        }
        var seen = Set<Place>()
        var stack = [root]
        while let node = stack.popLast() {
            let mark = node.info.mark
            let kind: UInt8
            switch node {
            case .mapping: kind = 0
            case .sequence: kind = 1
            case .scalar: kind = 2
            }
            if !seen.insert(Place(kind: kind, line: mark.line, column: mark.column)).inserted {
                return mark
            }
            switch node {
            case .mapping(let pairs, _):
                for (key, value) in pairs {
                    stack.append(key)
                    stack.append(value)
                }
            case .sequence(let items, _):
                stack.append(contentsOf: items)
            case .scalar:
                break
            }
        }
        return nil
    }

    private static func describe(_ error: YAMLFailure) -> (SourceMark?, String) {
        switch error {
        case .syntax(let context, let problem, let mark):
            let text = [context, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return (mark, text)
        case .reader(let problem):
            return (nil, problem)
        case .duplicateKeys(let duplicates, let mark):
            // Yams's own description of this error carries the whole document, control characters and all.
            let keys = duplicates.map { "'\($0.sanitizedForMessage)'" }.joined(separator: ", ")
            let verb = duplicates.count == 1 ? "key \(keys) appears" : "keys \(keys) appear"
            return (mark, "\(verb) more than once in one mapping")
        case .memory:
            return (nil, String(describing: YamlError.memory))
        }
    }
}
