/// An event's `prev` as its file has it.
///
/// lernpfad writes 64 lowercase hex digits; those are held as their 32 bytes, since a 64-character string is a
/// heap allocation and every event of every file has one (a tenth of the allocations of a team report). Any
/// other text, which only an edited file can hold, is kept exactly, for `verify` to report.
struct ChainHashText: Hashable, Sendable {
    private enum Form: Hashable, Sendable {
        case digest(UInt64, UInt64, UInt64, UInt64)
        case other(String)
    }

    private let form: Form

    /// Holds `text`, as bytes when it is 64 lowercase hex digits.
    init(_ text: String) {
        var text = text
        form = text.withUTF8 { Self.digest(UnsafeRawBufferPointer($0)) } ?? .other(text)
    }

    /// Holds the hash whose UTF-8 text is `bytes`, or nil when that is not 64 lowercase hex digits.
    init?(hexDigits bytes: UnsafeRawBufferPointer) {
        guard let form = Self.digest(bytes) else { return nil }
        self.form = form
    }

    /// The text, as the file has it.
    var text: String {
        switch form {
        case .other(let text): return text
        case .digest(let a, let b, let c, let d):
            return String(unsafeUninitializedCapacity: 64) { buffer in
                for (word, value) in [a, b, c, d].enumerated() {
                    for nibble in 0..<16 {
                        let digit = UInt8((value >> (60 - 4 * UInt64(nibble))) & 0xF)
                        let text = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                        buffer[word * 16 + nibble] = text
                    }
                }
                return 64
            }
        }
    }

    private static func digest(_ bytes: UnsafeRawBufferPointer) -> Form? {
        guard bytes.count == 64, let a = word(bytes, 0), let b = word(bytes, 1), let c = word(bytes, 2),
            let d = word(bytes, 3)
        else { return nil }
        return .digest(a, b, c, d)
    }

    /// The `index`th 16 hex digits as a number, or nil when one is not a lowercase hex digit.
    private static func word(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> UInt64? {
        // Bit n of these says whether byte n (0-63, then 64-127) is a digit or a lowercase a-f.
        let digits: UInt64 = 0x03FF_0000_0000_0000
        let letters: UInt64 = 0x0000_007E_0000_0000
        var value: UInt64 = 0
        var valid = true
        for offset in (index * 16)..<(index * 16 + 16) {
            let byte = UInt64(bytes[offset])
            valid = valid && byte < 128 && ((byte < 64 ? digits : letters) >> (byte & 63)) & 1 == 1
            // 0-9 are 0x30-0x39 and a-f are 0x61-0x66: the low four bits, plus 9 for a letter.
            value = value << 4 | ((byte & 0xF) + 9 * (byte >> 6))
        }
        return valid ? value : nil
    }
}
