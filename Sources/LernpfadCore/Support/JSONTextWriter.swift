import Foundation

/// Writes JSON in exactly the style of `JSONCoding.encoder()`: two-space indent, `"key" : value`, keys in
/// the order given (callers list them sorted), nil members left out, slashes unescaped; or, `compact`, the
/// same without any whitespace, for request bodies.
///
/// For output that runs to megabytes, such as a team report of ten thousand learners, where going through
/// `Encodable` took longer than reading every learner file. Tests hold it byte for byte to `JSONEncoder`.
public struct JSONTextWriter {
    /// The UTF-8 text so far.
    public private(set) var bytes: [UInt8] = []
    private var level = 0
    private var isFirst = true
    private let compact: Bool

    /// Makes an empty writer; `compact` leaves out all whitespace.
    public init(compact: Bool = false) {
        self.compact = compact
    }

    /// A writer for a run of elements inside an array that is open at `level`, to be spliced in with
    /// `array(spliced:)`; `afterOthers` starts it with a comma because elements come before it.
    init(elementsAt level: Int, afterOthers: Bool) {
        self.level = level
        isFirst = !afterOthers
        compact = false
    }

    /// Writes one element of the array this writer is inside of.
    mutating func element(_ body: (inout JSONTextWriter) -> Void) {
        startMember()
        body(&self)
    }

    /// Writes an array from runs of elements written by `init(elementsAt:afterOthers:)` writers.
    mutating func array(spliced runs: [[UInt8]]) {
        open(UInt8(ascii: "["))
        for run in runs where !run.isEmpty {
            bytes.append(contentsOf: run)
            isFirst = false
        }
        close(UInt8(ascii: "]"))
    }

    /// Writes an object whose members `body` writes with `key(_:)` and a value each.
    public mutating func object(_ body: (inout JSONTextWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// Writes an array with one element per item, each written by `body`.
    public mutating func array<Items: Sequence>(
        _ items: Items, _ body: (inout JSONTextWriter, Items.Element) -> Void
    ) {
        open(UInt8(ascii: "["))
        for item in items {
            startMember()
            body(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// Starts the member `name`; a value must follow.
    public mutating func key(_ name: String) {
        startMember()
        string(name)
        if compact {
            bytes.append(UInt8(ascii: ":"))
        } else {
            bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        }
    }

    /// Writes `name` and a truth value, or nothing for nil.
    public mutating func member(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    /// Writes `name` and `value`, or nothing when the value is nil, as `encodeIfPresent` does.
    public mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes `name` and a timestamp, or nothing for nil.
    public mutating func member(_ name: String, _ value: Date?) {
        guard let value else { return }
        key(name)
        date(value)
    }

    /// Writes `name` and an integer.
    public mutating func member(_ name: String, _ value: Int) {
        key(name)
        integer(value)
    }

    /// Writes `name` and a number, or nothing for nil.
    public mutating func member(_ name: String, _ value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        level += 1
        isFirst = true
    }

    private mutating func close(_ bracket: UInt8) {
        // An empty container keeps its blank line, as Foundation writes it.
        if isFirst && !compact { bytes.append(0x0A) }
        level -= 1
        newline()
        bytes.append(bracket)
        isFirst = false
    }

    private mutating func startMember() {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isFirst = false
        newline()
    }

    private mutating func newline() {
        if compact { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: level * 2))
    }

    /// Writes a string, escaping what JSON requires.
    public mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most text needs no escape at all: then it goes in as one copy.
        let plain = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard !buffer.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
            else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if plain == true {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes an integer.
    public mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a number as Foundation does: integral values without a fraction.
    public mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Writes a timestamp in the form of `Timestamp.format`.
    public mutating func date(_ date: Date) {
        bytes.append(UInt8(ascii: "\""))
        Timestamp.write(date, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
}
