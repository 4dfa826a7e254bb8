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
                func write(_ value: UInt64, at word: Int) {
                    for nibble in 0..<16 {
                        let digit = UInt8((value >> (60 - 4 * UInt64(nibble))) & 0xF)
                        let text = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                        buffer[word * 16 + nibble] = text
                    }
                }
                write(a, at: 0)
                write(b, at: 1)
                write(c, at: 2)
                write(d, at: 3)
                return 64
            }
        }
    }

    private static func digest(_ bytes: UnsafeRawBufferPointer) -> Form? {
        guard bytes.count == 64 else { return nil }
        func word(_ index: Int) -> UInt64? {
            guard let high = HexDigits.value(of: bytes, at: index * 16, uppercase: false),
                let low = HexDigits.value(of: bytes, at: index * 16 + 8, uppercase: false)
            else { return nil }
            return UInt64(high) << 32 | UInt64(low)
        }
        guard let a = word(0), let b = word(1), let c = word(2), let d = word(3) else { return nil }
        return .digest(a, b, c, d)
    }
}
