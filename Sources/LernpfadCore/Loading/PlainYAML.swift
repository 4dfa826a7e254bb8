/// Composes the plain YAML that content files are written in, without libyaml; nil for anything else.
///
/// libyaml was a third of `validate`, most of it decoding and re-encoding every character. Content files use a
/// small, regular part of YAML: block mappings with simple keys, block sequences, one-line plain and
/// double-quoted scalars and one-line flow lists of simple words. This reads exactly that and gives the tree
/// libyaml and `YAMLComposer` would give, marks included. At the first thing outside it (a tab, a tag, an
/// escape, a multi-line scalar, an odd indentation, a duplicate key, anything that could be an error) it
/// returns nil, and libyaml composes the file and reports what is wrong as before.
enum PlainYAML {
    /// The root mapping of `bytes`, or nil when libyaml must decide.
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        guard let lines = Lines(bytes) else { return nil }
        var parser = Parser(bytes: bytes, lines: lines)
        return parser.document()
    }

    /// The lines of a text that has none of the characters libyaml treats specially or refuses: tabs, carriage
    /// returns, other control characters, byte order marks, the line breaks U+0085, U+2028 and U+2029, and
    /// U+FFFE and U+FFFF.
    private struct Lines {
        /// Byte offsets: where each line starts, and where it ends (before its line feed).
        var starts: [Int] = []
        var ends: [Int] = []

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            starts.reserveCapacity(bytes.count / 32)
            ends.reserveCapacity(bytes.count / 32)
            var start = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A {
                    starts.append(start)
                    ends.append(index)
                    start = index + 1
                } else if byte < 0x20 || byte == 0x7F {
                    return nil
                } else if byte == 0xC2 {
                    // U+0080 to U+009F: C1 controls, U+0085 among them.
                    if index + 1 < count, bytes[index + 1] < 0xA0 { return nil }
                } else if byte == 0xE2 {
                    if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                    {
                        return nil
                    }
                } else if byte == 0xEF {
                    if index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return nil }
                    if index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return nil }
                }
                index += 1
            }
            if start < count {
                starts.append(start)
                ends.append(count)
            }
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let lines: Lines
        /// The next line not yet read.
        var line = 0

        init(bytes: UnsafeBufferPointer<UInt8>, lines: Lines) {
            self.bytes = bytes
            self.lines = lines
        }

        mutating func document() -> YAMLNode? {
            // A root that is not a mapping at the left margin, or text after it, is for libyaml to judge.
            guard let first = nextContentLine(), indent(of: first) == 0 else { return nil }
            line = first
            guard let root = mapping(indent: 0, at: lines.starts[first]) else { return nil }
            return nextContentLine() == nil ? root : nil
        }

        // MARK: lines

        /// The first line from `line` on that holds more than spaces and is no comment.
        ///
        /// Document markers (`---`, `...`) and directives (`%`) count as content; no key or item reads them, so
        /// such a file goes to libyaml.
        private func nextContentLine() -> Int? {
            var index = line
            while index < lines.starts.count {
                let start = lines.starts[index]
                let end = lines.ends[index]
                var offset = start
                while offset < end && bytes[offset] == 0x20 { offset += 1 }
                if offset < end && bytes[offset] != UInt8(ascii: "#") { return index }
                index += 1
            }
            return nil
        }

        private func indent(of index: Int) -> Int {
            var offset = lines.starts[index]
            while offset < lines.ends[index] && bytes[offset] == 0x20 { offset += 1 }
            return offset - lines.starts[index]
        }

        private func mark(_ offset: Int) -> YAMLNode.Info {
            // Everything before a node on its line is ASCII here, so the column is the byte count.
            .init(mark: SourceMark(line: line + 1, column: offset - lines.starts[line] + 1), tag: nil)
        }

        /// True when the line holds `- ` at `offset`.
        private func isItem(_ offset: Int, end: Int) -> Bool {
            offset + 1 < end && bytes[offset] == UInt8(ascii: "-") && bytes[offset + 1] == 0x20
        }

        // MARK: blocks

        /// A block mapping whose keys sit at column `indent`, the first at `offset` on the current line.
        private mutating func mapping(indent: Int, at offset: Int) -> YAMLNode? {
            let info = mark(offset)
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var offset = offset
            while true {
                let end = lines.ends[line]
                guard let colon = keyEnd(from: offset, end: end) else { return nil }
                let key = YAMLNode.scalar(text(offset, colon), mark(offset))
                let keyText = key.string
                if pairs.contains(where: { $0.key.string == keyText }) { return nil }
                var value = colon + 1
                while value < end && bytes[value] == 0x20 { value += 1 }
                let node: YAMLNode
                if value == end {
                    // Nothing after the colon: the value is the more deeply indented block on the next lines.
                    line += 1
                    guard let next = nextContentLine() else { return nil }
                    let depth = self.indent(of: next)
                    guard depth > indent else { return nil }
                    line = next
                    guard let block = block(indent: depth) else { return nil }
                    node = block
                } else {
                    guard let inline = inlineValue(at: value, end: end) else { return nil }
                    node = inline
                    line += 1
                }
                pairs.append((key, node))
                guard let next = nextContentLine() else {
                    line = lines.starts.count
                    return .mapping(pairs, info)
                }
                let depth = self.indent(of: next)
                if depth < indent {
                    line = next
                    return .mapping(pairs, info)
                }
                // Deeper would continue a plain scalar; a `- ` here would be a sequence without indentation.
                guard depth == indent, !isItem(lines.starts[next] + depth, end: lines.ends[next]) else { return nil }
                line = next
                offset = lines.starts[next] + depth
            }
        }

        /// A block sequence of `- ` items at column `indent`, the first on the current line.
        private mutating func sequence(indent: Int) -> YAMLNode? {
            let info = mark(lines.starts[line] + indent)
            var items: [YAMLNode] = []
            while true {
                let end = lines.ends[line]
                var offset = lines.starts[line] + indent
                guard isItem(offset, end: end) else { return nil }
                offset += 2
                while offset < end && bytes[offset] == 0x20 { offset += 1 }
                guard offset < end, !isItem(offset, end: end) else { return nil }
                if keyEnd(from: offset, end: end) != nil {
                    guard let item = mapping(indent: offset - lines.starts[line], at: offset) else { return nil }
                    items.append(item)
                } else {
                    guard let item = inlineValue(at: offset, end: end) else { return nil }
                    items.append(item)
                    line += 1
                    guard let next = nextContentLine() else {
                        line = lines.starts.count
                        return .sequence(items, info)
                    }
                    line = next
                }
                guard line < lines.starts.count, let next = nextContentLine() else {
                    line = lines.starts.count
                    return .sequence(items, info)
                }
                let depth = self.indent(of: next)
                line = next
                if depth < indent { return .sequence(items, info) }
                guard depth == indent else { return nil }
            }
        }

        /// The mapping or sequence that starts on the current line at column `indent`.
        private mutating func block(indent: Int) -> YAMLNode? {
            let start = lines.starts[line] + indent
            if isItem(start, end: lines.ends[line]) { return sequence(indent: indent) }
            return mapping(indent: indent, at: start)
        }

        // MARK: scalars

        /// Where the colon of a simple key (`[A-Za-z0-9_][A-Za-z0-9_-]*:` then a space or the line's end) is.
        private func keyEnd(from offset: Int, end: Int) -> Int? {
            var index = offset
            while index < end && index - offset < 128, isWordByte(bytes[index], first: index == offset) {
                index += 1
            }
            guard index > offset, index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
            return index + 1 == end || bytes[index + 1] == 0x20 ? index : nil
        }

        private func isWordByte(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                return true
            case UInt8(ascii: "-"): return !first
            default: return false
            }
        }

        /// A one-line scalar or flow list that fills the rest of the line from `offset`.
        private func inlineValue(at offset: Int, end: Int) -> YAMLNode? {
            switch bytes[offset] {
            case UInt8(ascii: "\""): return doubleQuoted(at: offset, end: end)
            case UInt8(ascii: "["): return flowList(at: offset, end: end)
            default: return plain(at: offset, end: end)
            }
        }

        /// `"text"` without escapes, then nothing but spaces.
        private func doubleQuoted(at offset: Int, end: Int) -> YAMLNode? {
            var index = offset + 1
            while index < end && bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") { return nil }
                index += 1
            }
            guard index < end, onlySpaces(from: index + 1, to: end) else { return nil }
            return .scalar(text(offset + 1, index), mark(offset))
        }

        /// `[a, b-c, 1.0]`: words of letters, digits, `.`, `_` and `-`, each starting with a letter or digit.
        private func flowList(at offset: Int, end: Int) -> YAMLNode? {
            var items: [YAMLNode] = []
            var index = offset + 1
            while index < end && bytes[index] == 0x20 { index += 1 }
            if index < end && bytes[index] == UInt8(ascii: "]") {
                return onlySpaces(from: index + 1, to: end) ? .sequence(items, mark(offset)) : nil
            }
            while true {
                let start = index
                while index < end, isListByte(bytes[index], first: index == start) { index += 1 }
                guard index > start else { return nil }
                items.append(.scalar(text(start, index), mark(start)))
                while index < end && bytes[index] == 0x20 { index += 1 }
                guard index < end else { return nil }
                if bytes[index] == UInt8(ascii: "]") {
                    return onlySpaces(from: index + 1, to: end) ? .sequence(items, mark(offset)) : nil
                }
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
                while index < end && bytes[index] == 0x20 { index += 1 }
            }
        }

        private func isListByte(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): return !first
            default: return false
            }
        }

        /// A plain scalar to the end of the line, less trailing spaces: no indicator first, and no `: `, final
        /// `:` or ` #`, which would make it a key or end it in a comment.
        private func plain(at offset: Int, end: Int) -> YAMLNode? {
            switch bytes[offset] {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
                UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                return nil
            default: break
            }
            var last = end
            while last > offset && bytes[last - 1] == 0x20 { last -= 1 }
            var index = offset
            while index < last {
                switch bytes[index] {
                case UInt8(ascii: ":"):
                    if index + 1 == last || bytes[index + 1] == 0x20 { return nil }
                case UInt8(ascii: "#"):
                    if bytes[index - 1] == 0x20 { return nil }
                default: break
                }
                index += 1
            }
            return .scalar(text(offset, last), mark(offset))
        }

        private func onlySpaces(from start: Int, to end: Int) -> Bool {
            var index = start
            while index < end {
                if bytes[index] != 0x20 { return false }
                index += 1
            }
            return true
        }

        private func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}
