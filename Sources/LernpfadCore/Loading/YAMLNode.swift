// libyaml as Yams ships it. Yams keeps the module internal, but SwiftPM puts every C module of a dependency on
// the include path; the version is the one Package.resolved pins for Yams.
import CYaml
import Yams

/// A YAML node as the content readers see it: a scalar, mapping or sequence, and where it starts.
///
/// `validate` composes about 30 MB of YAML for 1,000 modules. Yams's `Node` carries a tag object, a style, a
/// weak anchor and an optional mark per node and hashes every mapping's keys; building, copying and freeing
/// those was two thirds of the YAML time, libyaml itself one third. This tree keeps what the readers use.
enum YAMLNode: Sendable {
    /// A scalar's text.
    case scalar(String, Info)
    /// Key-value pairs in file order.
    case mapping([(key: YAMLNode, value: YAMLNode)], Info)
    /// Items in file order.
    case sequence([YAMLNode], Info)

    /// Where a node starts, and its tag when it is not the default of its kind (str, map or seq).
    struct Info: Sendable {
        var mark: SourceMark
        /// Only for telling apart keys such as `1` and `!!int 1`, as Yams does.
        var tag: String?
    }

    var info: Info {
        switch self {
        case .scalar(_, let info), .mapping(_, let info), .sequence(_, let info): return info
        }
    }

    /// Where the node starts in its file.
    var sourceMark: SourceMark? { info.mark }

    /// The text of a scalar, nil for a mapping or sequence.
    var string: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }
}

/// Why a YAML text could not be composed, with what a diagnostic needs.
enum YAMLFailure: Error {
    /// A scanner, parser or composer error: libyaml's context and problem, located at the problem.
    case syntax(context: String?, problem: String, mark: SourceMark)
    /// libyaml's reader refused a character; it gives no line.
    case reader(problem: String)
    /// A mapping has the same key more than once: the keys, sorted, and where the first of them is.
    case duplicateKeys([String], mark: SourceMark)
    /// libyaml ran out of memory.
    case memory
}

/// Composes libyaml's events into a `YAMLNode` tree, with the semantics and error messages of
/// `Yams.compose(yaml:)`: one document, aliases resolved to the anchored node, duplicate keys refused.
enum YAMLComposer {
    /// The root of the single document in `text`, nil when there is none.
    ///
    /// `plainFirst` tries `PlainYAML` before libyaml; tests turn it off to compare the two.
    static func compose(_ text: String, plainFirst: Bool = true) throws(YAMLFailure) -> YAMLNode? {
        var text = text
        // The parser reads the bytes in place, so it lives and dies inside this closure.
        let result: Result<YAMLNode?, YAMLFailure> = text.withUTF8 { bytes in
            if plainFirst, let root = PlainYAML.compose(bytes) { return .success(root) }
            let events = EventReader(bytes)
            do throws(YAMLFailure) { return .success(try events.document()) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

/// One libyaml parser over a buffer that outlives it, and the event it last produced.
private final class EventReader {
    // Behind pointers rather than in stored properties: passing a class's property inout to C costs a runtime
    // exclusivity check, twice per event.
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let pointee = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var anchors: [String: YAMLNode] = [:]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        // A zeroed event is "no event", which yaml_event_delete leaves alone.
        pointee.initialize(to: yaml_event_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_event_delete(pointee)
        yaml_parser_delete(parser)
        parser.deallocate()
        pointee.deallocate()
    }

    private var event: yaml_event_t { pointee.pointee }

    /// The same calls in the same order as Yams's `Parser.init` and `singleRoot()`, so that the same
    /// malformed text fails at the same place with the same message.
    func document() throws(YAMLFailure) -> YAMLNode? {
        try next()  // stream start
        guard parser.pointee.stream_end_produced == 0, try next() != YAML_STREAM_END_EVENT else { return nil }
        let root = try node(try next())
        try next()  // document end
        if try next() != YAML_STREAM_END_EVENT {
            throw YAMLFailure.syntax(
                context: "expected a single document in the stream", problem: "but found another document",
                mark: startMark)
        }
        return root
    }

    @discardableResult
    private func next() throws(YAMLFailure) -> yaml_event_type_t {
        yaml_event_delete(pointee)
        guard yaml_parser_parse(parser, pointee) == 1 else { throw failure() }
        return pointee.pointee.type
    }

    private var startMark: SourceMark {
        SourceMark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
    }

    private func node(_ type: yaml_event_type_t) throws(YAMLFailure) -> YAMLNode {
        let mark = startMark
        switch type {
        case YAML_ALIAS_EVENT:
            guard let anchor = Self.text(event.data.alias.anchor), let node = anchors[anchor] else {
                throw YAMLFailure.syntax(context: nil, problem: "found undefined alias", mark: mark)
            }
            return node
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            // The length, not the terminating zero: a scalar may hold "\0".
            var bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            // Yams decodes with Foundation's String(bytes:encoding:), which drops one leading byte order mark.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
            let text = String(decoding: bytes, as: UTF8.self)
            let tag = scalar.quoted_implicit == 1 ? nil : Self.tag(Self.text(scalar.tag), default: "str")
            let node = YAMLNode.scalar(text, .init(mark: mark, tag: tag))
            if let anchor = Self.text(scalar.anchor) { anchors[anchor] = node }
            return node
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            let anchor = Self.text(start.anchor)
            let tag = start.implicit != 0 ? nil : Self.tag(Self.text(start.tag), default: "seq")
            var items: [YAMLNode] = []
            while try next() != YAML_SEQUENCE_END_EVENT { items.append(try node(event.type)) }
            let node = YAMLNode.sequence(items, .init(mark: mark, tag: tag))
            // Registered once complete, as Yams does: an alias inside its own anchor is undefined.
            if let anchor { anchors[anchor] = node }
            return node
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            let anchor = Self.text(start.anchor)
            let tag = start.implicit != 0 ? nil : Self.tag(Self.text(start.tag), default: "map")
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            while try next() != YAML_MAPPING_END_EVENT {
                let key = try node(event.type)
                let value = try node(try next())
                pairs.append((key, value))
            }
            try Self.refuseDuplicates(pairs.map(\.key))
            let node = YAMLNode.mapping(pairs, .init(mark: mark, tag: tag))
            if let anchor { anchors[anchor] = node }
            return node
        default:
            throw YAMLFailure.syntax(context: nil, problem: "unexpected event \(type.rawValue)", mark: mark)
        }
    }

    /// libyaml's error in the form Yams gives it.
    private func failure() -> YAMLFailure {
        let parser = self.parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        let mark = SourceMark(line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
        switch parser.error {
        case YAML_MEMORY_ERROR: return .memory
        case YAML_READER_ERROR: return .reader(problem: problem)
        default: return .syntax(context: parser.context.map { String(cString: $0) }, problem: problem, mark: mark)
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.flatMap {
            String.decodeCString(UnsafePointer($0), as: UTF8.self, repairingInvalidCodeUnits: true)?.result
        }
    }

    /// The resolved tag, nil for the default of the kind: none, `!` and the default itself all resolve to it.
    private static func tag(_ name: String?, default kind: String) -> String? {
        guard let name, !name.isEmpty, name != "!", name != "tag:yaml.org,2002:" + kind else { return nil }
        return name
    }

    /// Yams groups a mapping's keys by node equality (text and tag, or whole structure) and reports the
    /// groups of more than one, sorted, located at the first occurrence of the smallest.
    private static func refuseDuplicates(_ keys: [YAMLNode]) throws(YAMLFailure) {
        guard keys.count > 1 else { return }
        var firstOfScalar: [ScalarKey: Int] = [:]
        var complex: [Int] = []
        var duplicated: [Int] = []
        var seenTwice = Set<Int>()
        for (index, key) in keys.enumerated() {
            var first: Int?
            if keys.count <= 16 {
                // A handful of keys, as nearly every content mapping has: comparing beats hashing.
                first = keys[..<index].firstIndex { equal($0, key) }
            } else if case .scalar(let text, let info) = key {
                let scalarKey = ScalarKey(text: text, tag: info.tag)
                first = firstOfScalar[scalarKey]
                if first == nil { firstOfScalar[scalarKey] = index }
            } else {
                first = complex.first { equal(keys[$0], key) }
                if first == nil { complex.append(index) }
            }
            if let first, seenTwice.insert(first).inserted { duplicated.append(first) }
        }
        guard !duplicated.isEmpty else { return }
        let sorted = duplicated.map { keys[$0] }.sorted(by: precedes)
        throw YAMLFailure.duplicateKeys(sorted.map { $0.string ?? "<uncovertable>" }, mark: sorted[0].info.mark)
    }

    private struct ScalarKey: Hashable {
        var text: String
        var tag: String?
    }

    private static func equal(_ lhs: YAMLNode, _ rhs: YAMLNode) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let left, let leftInfo), .scalar(let right, let rightInfo)):
            return left == right && leftInfo.tag == rightInfo.tag
        case (.sequence(let left, let leftInfo), .sequence(let right, let rightInfo)):
            return leftInfo.tag == rightInfo.tag && left.count == right.count && zip(left, right).allSatisfy(equal)
        case (.mapping(let left, let leftInfo), .mapping(let right, let rightInfo)):
            return leftInfo.tag == rightInfo.tag && left.count == right.count
                && zip(left, right).allSatisfy { equal($0.key, $1.key) && equal($0.value, $1.value) }
        default:
            return false
        }
    }

    /// Yams's `Node.<`: scalars by text, sequences and mappings (by keys) item by item, other kinds unordered.
    private static func precedes(_ lhs: YAMLNode, _ rhs: YAMLNode) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let left, _), .scalar(let right, _)):
            return left < right
        case (.sequence(let left, _), .sequence(let right, _)):
            return lexicographicallyPrecedes(left, right)
        case (.mapping(let left, _), .mapping(let right, _)):
            return lexicographicallyPrecedes(left.map(\.key), right.map(\.key))
        default:
            return false
        }
    }

    private static func lexicographicallyPrecedes(_ lhs: [YAMLNode], _ rhs: [YAMLNode]) -> Bool {
        for (left, right) in zip(lhs, rhs) {
            if precedes(left, right) { return true }
            if precedes(right, left) { return false }
        }
        return lhs.count < rhs.count
    }
}
