import Foundation

/// Any JSON value, for the members of a learner file this version does not know (a newer version or another
/// tool wrote them): they are read, kept and written back unchanged, never dropped by a save.
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept by its decimal value.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])
}

/// A JSON number by its exact decimal value: sign, significant digits and exponent, so `2.5e3` and `2500` are
/// the same number. A number Foundation had to round while reading is marked inexact and never written back.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// True below zero (a zero has no sign).
    public private(set) var isNegative: Bool
    /// The significant digits, ASCII, without leading or trailing zeros; empty for zero.
    public private(set) var digits: [UInt8]
    /// The power of ten of the last digit.
    public private(set) var exponent: Int
    /// False when the value may differ from what the file held (it passed through a rounding reader).
    public private(set) var isExact: Bool

    /// The number written as `text` (JSON number grammar); nil for other text or an exponent beyond ±100,000.
    public init?(text: String) {
        self.init(utf8: Array(text.utf8))
    }

    /// The number whose JSON text is `bytes`; see `init(text:)`.
    init?(utf8 bytes: some Collection<UInt8>) {
        var index = bytes.startIndex
        func peek() -> UInt8? { index < bytes.endIndex ? bytes[index] : nil }
        func advance() { index = bytes.index(after: index) }
        isNegative = peek() == UInt8(ascii: "-")
        if isNegative { advance() }
        var all: [UInt8] = []
        var fractionDigits = 0
        var integerDigits = 0
        while let byte = peek(), (0x30...0x39).contains(byte) {
            all.append(byte)
            integerDigits += 1
            advance()
        }
        guard integerDigits > 0, integerDigits == 1 || all[0] != 0x30 else { return nil }
        if peek() == UInt8(ascii: ".") {
            advance()
            while let byte = peek(), (0x30...0x39).contains(byte) {
                all.append(byte)
                fractionDigits += 1
                advance()
            }
            guard fractionDigits > 0 else { return nil }
        }
        var written = 0
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            advance()
            var negativeExponent = false
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
                negativeExponent = peek() == UInt8(ascii: "-")
                advance()
            }
            var count = 0
            while let byte = peek(), (0x30...0x39).contains(byte) {
                written = written * 10 + Int(byte - 0x30)
                guard written <= 100_000 else { return nil }
                count += 1
                advance()
            }
            guard count > 0 else { return nil }
            if negativeExponent { written = -written }
        }
        guard index == bytes.endIndex else { return nil }
        let leading = all.prefix { $0 == 0x30 }.count
        let trailing = all.reversed().prefix { $0 == 0x30 }.count
        if leading == all.count {
            (isNegative, digits, exponent) = (false, [], 0)
        } else {
            digits = Array(all[leading..<(all.count - trailing)])
            exponent = written - fractionDigits + trailing
        }
        isExact = true
    }

    /// The number as JSON text: the digits with an exponent, e.g. `25e2`; `0` for zero.
    public var description: String {
        guard !digits.isEmpty else { return "0" }
        let text = (isNegative ? "-" : "") + String(decoding: digits, as: UTF8.self)
        return exponent == 0 ? text : text + "e" + String(exponent)
    }

    /// The value as Foundation can encode it without changing it: a `Decimal` (up to 38 digits, exponents
    /// -128...127), else a `Double` whose shortest form is this very number; nil when neither is exact.
    var encodable: (any Encodable)? {
        guard isExact else { return nil }
        if digits.count <= 38, let decimal = Decimal(string: description),
            JSONNumber(text: decimal.description) == self
        {
            return decimal
        }
        if let double = Double(description), double.isFinite, JSONNumber(text: double.description) == self {
            return double
        }
        return nil
    }

    /// A number read by Foundation: exact when Foundation's `Decimal` held it with room to spare.
    init(decoded decimal: Decimal) {
        self = JSONNumber(text: decimal.description) ?? JSONNumber(text: "0")!
        isExact = digits.count < 38
    }

    /// A number Foundation could read only as a `Double`: its original digits are unknown.
    init?(decodedInexactly double: Double) {
        guard double.isFinite, var number = JSONNumber(text: double.description) else { return nil }
        number.isExact = false
        self = number
    }
}

/// Raised when a kept value cannot be written back exactly; the caller refuses to write the file.
public struct InexactJSONNumber: Error, CustomStringConvertible {
    /// The number, as read.
    public var number: JSONNumber

    /// One line for the message of the refused save.
    public var description: String {
        "the number \(number) cannot be written back exactly"
    }
}

extension JSONValue: Codable {
    /// Reads any JSON value through Foundation; a number that only fits a `Double` is marked inexact.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(JSONNumber(decoded: value))
        } else if let value = try? container.decode(Double.self), let number = JSONNumber(decodedInexactly: value) {
            self = .number(number)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Writes the value; a number that cannot be written exactly throws `InexactJSONNumber`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let number):
            guard let value = number.encodable else { throw InexactJSONNumber(number: number) }
            try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// A coding key for any member name.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// The members of the object being decoded whose names are not in `known`.
    func unknownMembers(known: Set<String>) throws -> [String: JSONValue] {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        var members: [String: JSONValue] = [:]
        for key in container.allKeys where !known.contains(key.stringValue) {
            members[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return members
    }
}

extension CodingUserInfoKey {
    /// Set to `true` by the learner file's encoder: only the file gets the members lernpfad does not know.
    /// Reports and `--format json` output keep to their documented fields, and a number that cannot be
    /// written exactly fails a save, never a listing.
    static let writesUnknownMembers = CodingUserInfoKey(rawValue: "lernpfad.writesUnknownMembers")!
}

extension Encoder {
    /// Writes `members` beside the known members of the object being encoded, when writing a learner file.
    func encodeUnknown(_ members: [String: JSONValue]) throws {
        guard !members.isEmpty, userInfo[.writesUnknownMembers] as? Bool == true else { return }
        var container = self.container(keyedBy: AnyCodingKey.self)
        for (name, value) in members { try container.encode(value, forKey: AnyCodingKey(name)) }
    }
}
