import Yams

/// Parses a YAML text into a node tree, refusing what content never needs.
enum YAMLDocument {
    /// Nesting deeper than this is refused before it can exhaust the stack.
    static let maximumDepth = 32

    /// Parses `text`; on failure reports a located error to `sink` and returns nil.
    static func parse(_ text: String, file: String, sink: DiagnosticSink) -> Node? {
        if let mark = excessiveNesting(in: text) {
            sink.error(file, mark, "YAML is nested deeper than \(maximumDepth) levels")
            return nil
        }
        let root: Node?
        do {
            // The basic resolver keeps every scalar a string (the readers convert), which spares thousands of
            // regular-expression matches; an explicit encoding spares Yams a look at the environment per file.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            let (mark, message) = describe(error)
            sink.error(file, mark, "YAML syntax error: \(message)")
            return nil
        } catch {
            sink.error(file, nil, "YAML syntax error: \(error)")
            return nil
        }
        guard let root else {
            sink.error(file, SourceMark(line: 1, column: 1), "file is empty")
            return nil
        }
        // Without a `*` there is no alias to find, and the walk over every node is skipped.
        if text.utf8.contains(UInt8(ascii: "*")), let mark = firstAlias(in: root) {
            sink.error(file, mark, "YAML anchors and aliases are not supported in content files")
            return nil
        }
        return root
    }

    /// A cheap pre-scan: flow brackets or indentation deeper than the limit.
    ///
    /// libyaml and the composer recurse per level, so a hostile file could otherwise overflow the stack.
    private static func excessiveNesting(in text: String) -> SourceMark? {
        // Bytes, not Characters: grapheme breaking would cost more than the parse it guards.
        var depth = 0
        var line = 1
        var column = 0
        var quote: UInt8?
        var lineStart = true
        var indent = 0
        for byte in text.utf8 {
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

    /// Yams resolves an alias to the anchored node itself, so a node of the same kind seen twice at one mark
    /// is an alias. (A block mapping starts where its first key does, hence the kind in the key.)
    private static func firstAlias(in root: Node) -> SourceMark? {
        // A value key, not an interpolated string: this walk visits every node of every content file.
        struct Place: Hashable {
            var kind: UInt8
            var line: Int
            var column: Int
        }
        var seen = Set<Place>()
        var stack = [root]
        while let node = stack.popLast() {
            if let mark = node.mark {
                let kind: UInt8
                switch node {
                case .mapping: kind = 0
                case .sequence: kind = 1
                case .scalar, .alias: kind = 2
                }
                if !seen.insert(Place(kind: kind, line: mark.line, column: mark.column)).inserted {
                    return SourceMark(line: mark.line, column: mark.column)
                }
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            case .scalar, .alias:
                break
            }
        }
        return nil
    }

    private static func describe(_ error: YamlError) -> (SourceMark?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return (SourceMark(line: mark.line, column: mark.column), text)
        case .reader(let problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, String(describing: error))
        }
    }
}

extension Node {
    /// Where the node starts in its file.
    var sourceMark: SourceMark? { mark.map { SourceMark(line: $0.line, column: $0.column) } }
}
