import Foundation

extension TerminalSafeText {
    /// JSON text with every scalar that could steer a terminal or reorder what it shows written as a `\uXXXX`
    /// escape: DEL, C1 controls, the soft hyphen, the bidi marks, embeddings, overrides and isolates, the line
    /// and paragraph separators and the byte order mark. JSON writers already escape C0 controls inside
    /// strings; these may stand raw in valid JSON, and a terminal would obey them.
    ///
    /// The document means the same afterwards: such scalars can only occur inside strings, where the escape
    /// decodes to the same scalar. Valid UTF-8 is assumed (what JSON writers produce); other bytes are kept.
    public static func escapingInvisibles(inJSON json: Data) -> Data {
        // A scan of the raw bytes: Data's own iterator made this the slowest step of a 20 MB team report.
        let mayNeedEscape = json.withUnsafeBytes { raw in
            raw.contains { $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 || $0 == 0xEF }
        }
        guard mayNeedEscape else { return json }
        let bytes = [UInt8](json)
        var output = [UInt8]()
        var copied = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            guard lead == 0x7F || lead >= 0xC2 else {
                index += 1
                continue
            }
            let (scalar, length) = decode(bytes, at: index)
            if let scalar, scalar.value >= 0x7F, String.needsEscape(scalar) {
                if copied == 0 { output.reserveCapacity(bytes.count + 64) }
                output.append(contentsOf: bytes[copied..<index])
                output.append(contentsOf: Array(String(format: "\\u%04x", scalar.value).utf8))
                copied = index + length
            }
            index += length
        }
        guard copied > 0 else { return json }
        output.append(contentsOf: bytes[copied...])
        return Data(output)
    }

    /// A text document (CSV, HTML) without any scalar ``escapedForMessage(limit:)`` would escape, except tab,
    /// line feed and carriage return, which its layout needs. Its writers already keep such scalars out of the
    /// cells; this is the last check before a terminal or file sees it.
    public static func removingInvisibles(keepingLayout document: Data) -> Data {
        let bytes = [UInt8](document)
        var output = [UInt8]()
        var copied = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let candidate =
                (lead < 0x20 && lead != 0x09 && lead != 0x0A && lead != 0x0D) || lead == 0x7F || lead >= 0xC2
            guard candidate else {
                index += 1
                continue
            }
            let (scalar, length) = decode(bytes, at: index)
            if let scalar, String.needsEscape(scalar) {
                if copied == 0 { output.reserveCapacity(bytes.count) }
                output.append(contentsOf: bytes[copied..<index])
                copied = index + length
            }
            index += length
        }
        guard copied > 0 else { return document }
        output.append(contentsOf: bytes[copied...])
        return Data(output)
    }

    /// The scalar of the UTF-8 sequence at `index` and its length; `nil` and 1 for a byte that starts none.
    private static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)
        }
        guard index + length <= bytes.count else { return (nil, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}
