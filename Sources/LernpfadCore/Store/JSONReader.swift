/// A strict pull reader of JSON text in UTF-8, for files read by the ten thousand.
///
/// It refuses anything outside RFC 8259 and anything unusual (lone surrogates, numbers that need rounding
/// to fit an integer, nesting beyond `maximumDepth`). A caller that gets `JSONReader.Refusal` falls back to
/// Foundation's decoder, which then either accepts the text or says precisely what is wrong with it.
struct JSONReader {
    /// The text is not JSON this reader accepts; carries the byte offset for debugging.
    struct Refusal: Error {
        var offset: Int
    }

    /// Deeper values are refused rather than skipped recursively without bound.
    static let maximumDepth = 64

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0

    /// Reads `bytes`, which must stay valid while the reader is used.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// True when only whitespace is left.
    mutating func isAtEnd() -> Bool {
        skipSpace()
        return index == bytes.count
    }

    private func refusal() -> Refusal { Refusal(offset: index) }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A, 0x0D, 0x09: index += 1
            case 0x20:
                // Indentation is runs of spaces: count them eight at a time, by the first byte of a word that is
                // not a space.
                while index + 8 <= bytes.count {
                    let others =
                        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        ^ 0x2020_2020_2020_2020
                    let spaces = others.trailingZeroBitCount / 8
                    index += spaces
                    if spaces < 8 { break }
                }
                if index < bytes.count, bytes[index] == 0x20 { index += 1 }
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) throws(Refusal) {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { throw refusal() }
        index += 1
    }

    /// True, and consumed, when the next value is `null`.
    mutating func takeNull() throws(Refusal) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    private mutating func literal(_ word: StaticString) throws(Refusal) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw refusal() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw refusal() }
        index += count
    }

    /// Calls `member` with each key of an object; the closure must read the value.
    mutating func readObject(_ member: (inout JSONReader, String) throws(Refusal) -> Void) throws(Refusal) {
        try members { reader, key, escaped throws(Refusal) in
            try member(&reader, escaped ? try reader.unescape(key) : try Self.text(key))
        }
    }

    private mutating func members(
        _ member: (inout JSONReader, UnsafeRawBufferPointer, Bool) throws(Refusal) -> Void
    ) throws(Refusal) {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) { reader throws(Refusal) in
            let (key, escaped) = try reader.stringBytes()
            try reader.consume(UInt8(ascii: ":"))
            try member(&reader, key, escaped)
        }
    }

    /// Steps through the members of an object without a closure per member, for the hottest objects (events and
    /// answers): `count` starts at 0 and is advanced here. The first call reads `{`; each call returns the next
    /// key's bytes, after which the caller must read the value, or nil once `}` is read. Sparing a `String` per
    /// key, a key with escapes is refused (lernpfad never writes one, and Foundation then reads the file).
    mutating func nextKey(_ count: inout Int) throws(Refusal) -> UnsafeRawBufferPointer? {
        guard try next(&count, open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) else { return nil }
        let (key, escaped) = try stringBytes()
        guard !escaped else { throw refusal() }
        try consume(UInt8(ascii: ":"))
        return key
    }

    /// Steps through the elements of an array as `nextKey` through an object: true when an element follows,
    /// which the caller must then read; false once `]` is read.
    mutating func nextElement(_ count: inout Int) throws(Refusal) -> Bool {
        try next(&count, open: UInt8(ascii: "["), close: UInt8(ascii: "]"))
    }

    /// Reads `open` before the first entry, then the comma before each further one: true when an entry follows,
    /// false once `close` is read.
    private mutating func next(_ count: inout Int, open: UInt8, close: UInt8) throws(Refusal) -> Bool {
        if count == 0 {
            try enter()
            try consume(open)
        }
        skipSpace()
        guard index < bytes.count else { throw refusal() }
        if bytes[index] == close {
            index += 1
            depth -= 1
            return false
        }
        if count > 0 { try consume(UInt8(ascii: ",")) }
        count += 1
        return true
    }

    /// Calls `element` once per element of an array; the closure must read the element.
    mutating func readArray(_ element: (inout JSONReader) throws(Refusal) -> Void) throws(Refusal) {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), element)
    }

    /// Reads `open`, comma-separated entries read by `entry`, and `close`, counting the depth.
    private mutating func container(
        open: UInt8, close: UInt8, _ entry: (inout JSONReader) throws(Refusal) -> Void
    ) throws(Refusal) {
        try enter()
        try consume(open)
        skipSpace()
        if index < bytes.count, bytes[index] == close {
            index += 1
            depth -= 1
            return
        }
        while true {
            try entry(&self)
            skipSpace()
            guard index < bytes.count else { throw refusal() }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ",") { continue }
            guard byte == close else { throw refusal() }
            depth -= 1
            return
        }
    }

    private mutating func enter() throws(Refusal) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw refusal() }
    }

    /// Reads a string value.
    mutating func readString() throws(Refusal) -> String {
        let (raw, escaped) = try stringBytes()
        if escaped { return try unescape(raw) }
        return try Self.text(raw)
    }

    /// Reads a string value and hands its UTF-8 bytes to `body` without making a `String`, when it has no
    /// escapes; otherwise hands over the unescaped text's bytes.
    mutating func readStringBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) throws(Refusal) -> T {
        let (raw, escaped) = try stringBytes()
        guard escaped else { return body(raw) }
        var text = try unescape(raw)
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    /// Text from UTF-8 bytes, refusing invalid ones. ASCII, the usual case, skips the general validation, which
    /// cost more than the rest of reading a learner file.
    static func text(_ raw: UnsafeRawBufferPointer) throws(Refusal) -> String {
        var isASCII = true
        for byte in raw where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII { return String(decoding: raw, as: UTF8.self) }
        guard let text = String(validating: raw, as: UTF8.self) else { throw Refusal(offset: 0) }
        return text
    }

    private mutating func stringBytes() throws(Refusal) -> (UnsafeRawBufferPointer, escaped: Bool) {
        try consume(UInt8(ascii: "\""))
        let start = index
        var escaped = false
        // Eight bytes at a time while none of them ends the string, starts an escape or is a control byte: ids,
        // dates and hashes are most of a learner file, and this loop was its most expensive line.
        while index + 8 <= bytes.count,
            Self.isPlainText(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        {
            index += 8
        }
        while true {
            guard index < bytes.count else { throw refusal() }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20 else { throw refusal() }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2
            } else {
                index += 1
            }
        }
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        index += 1
        return (raw, escaped)
    }

    /// True when none of the eight bytes in `word` is a quote, a backslash or below 0x20: each test is the
    /// classic "has a byte less than n" bit trick, which is exact as to whether any byte matches.
    static func isPlainText(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ value: UInt64, _ limit: UInt64) -> Bool {
            (value &- ones &* limit) & ~value & highBits != 0
        }
        return !hasByteBelow(word, 0x20) && !hasByteBelow(word ^ (ones &* 0x22), 1)
            && !hasByteBelow(word ^ (ones &* 0x5C), 1)
    }

    private func unescape(_ raw: UnsafeRawBufferPointer) throws(Refusal) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            let byte = raw[position]
            position += 1
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                continue
            }
            guard position < raw.count else { throw refusal() }
            let escape = raw[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(raw, at: position)
                position += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one; anything else is refused.
                    guard position + 6 <= raw.count, raw[position] == UInt8(ascii: "\\"),
                        raw[position + 1] == UInt8(ascii: "u")
                    else { throw refusal() }
                    let low = try hex4(raw, at: position + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { throw refusal() }
                    position += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw refusal()
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw refusal() }
                output.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw refusal()
            }
        }
        guard let text = output.withUnsafeBytes({ try? Self.text($0) }) else { throw refusal() }
        return text
    }

    private func hex4(_ raw: UnsafeRawBufferPointer, at position: Int) throws(Refusal) -> UInt32 {
        guard position + 4 <= raw.count else { throw refusal() }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = raw[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw refusal()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws(Refusal) -> Bool {
        skipSpace()
        guard index < bytes.count else { throw refusal() }
        if bytes[index] == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        try literal("false")
        return false
    }

    /// The bytes of a JSON number, checked against the grammar, and whether it had a fraction or exponent.
    private mutating func numberBytes() throws(Refusal) -> (UnsafeRawBufferPointer, isIntegral: Bool) {
        skipSpace()
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0 else { throw refusal() }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { throw refusal() }
        var isIntegral = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw refusal() }
            isIntegral = false
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw refusal() }
            isIntegral = false
        }
        return (UnsafeRawBufferPointer(rebasing: bytes[start..<index]), isIntegral)
    }

    /// Reads an integer written without fraction or exponent that fits `Int`.
    mutating func readInt() throws(Refusal) -> Int {
        let (raw, isIntegral) = try numberBytes()
        guard isIntegral else { throw refusal() }
        let negative = raw[0] == UInt8(ascii: "-")
        var value = 0
        for byte in raw.dropFirst(negative ? 1 : 0) {
            let digit = Int(byte - UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { throw refusal() }
            value = next
        }
        return value
    }

    /// Reads a non-negative integer that fits `UInt64`.
    mutating func readUInt64() throws(Refusal) -> UInt64 {
        let (raw, isIntegral) = try numberBytes()
        guard isIntegral, raw[0] != UInt8(ascii: "-") else { throw refusal() }
        var value: UInt64 = 0
        for byte in raw {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw refusal() }
            value = next
        }
        return value
    }

    /// Reads any number as a finite `Double`.
    mutating func readDouble() throws(Refusal) -> Double {
        let (raw, _) = try numberBytes()
        guard let value = Double(String(decoding: raw, as: UTF8.self)), value.isFinite else { throw refusal() }
        return value
    }

    /// Reads one value of any kind, numbers by their exact decimal value; nesting is limited as everywhere.
    mutating func readValue() throws(Refusal) -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw refusal() }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            var members: [String: JSONValue] = [:]
            try readObject { reader, key throws(Refusal) in members[key] = try reader.readValue() }
            return .object(members)
        case UInt8(ascii: "["):
            var elements: [JSONValue] = []
            try readArray { reader throws(Refusal) in elements.append(try reader.readValue()) }
            return .array(elements)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool(try readBool())
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            let (raw, _) = try numberBytes()
            guard let number = JSONNumber(utf8: raw) else { throw refusal() }
            return .number(number)
        }
    }

    /// Skips one value of any kind.
    mutating func skipValue() throws(Refusal) {
        skipSpace()
        guard index < bytes.count else { throw refusal() }
        switch bytes[index] {
        case UInt8(ascii: "{"): try readObject { reader, _ throws(Refusal) in try reader.skipValue() }
        case UInt8(ascii: "["): try readArray { reader throws(Refusal) in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try readString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try numberBytes()
        }
    }
}
