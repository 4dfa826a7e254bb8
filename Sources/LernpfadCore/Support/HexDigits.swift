/// Hexadecimal digits read eight at a time, for the ids and hashes every event of a learner file carries.
///
/// Reading a UUID and a chain hash byte by byte was a tenth of a team report: 100 hex digits per event, half a
/// million events. Here eight ASCII bytes are checked and turned into their 32-bit value with a few word-wide
/// operations. `HexDigitsTests` compares every byte value at every position with the plain definition.
enum HexDigits {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The value of the eight hex digits at `offset`, the first the most significant; nil when one of them is not
    /// `0-9` or `a-f` (or `A-F` when `uppercase` is allowed).
    static func value(of bytes: UnsafeRawBufferPointer, at offset: Int, uppercase: Bool) -> UInt32? {
        value(ofWord: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self), uppercase: uppercase)
    }

    /// The value of the four hex digits at `offset`, as `value(of:at:uppercase:)` reads eight.
    static func value16(of bytes: UnsafeRawBufferPointer, at offset: Int, uppercase: Bool) -> UInt16? {
        // The four bytes become the first half of a word whose second half is "0000".
        let word = UInt64(bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) | 0x3030_3030 << 32
        return value(ofWord: word, uppercase: uppercase).map { UInt16($0 >> 16) }
    }

    /// The eight hex digits in `word` (the first digit in its lowest byte, as a little-endian load gives it).
    static func value(ofWord word: UInt64, uppercase: Bool) -> UInt32? {
        let word = UInt64(littleEndian: word)
        // Every byte below 0x80, so that adding at most 0x50 to each can never carry into the next one.
        guard word & highBits == 0 else { return nil }
        func atLeast(_ value: UInt64, _ limit: UInt64) -> UInt64 { (value &+ ones &* (0x80 - limit)) & highBits }
        let digit = atLeast(word, 0x30) & ~atLeast(word, 0x3A)
        // Setting bit 5 turns A-F into a-f and leaves a-f alone; of the bytes below 0x80 only those two ranges
        // become a-f.
        let letters = uppercase ? word | ones &* 0x20 : word
        let letter = atLeast(letters, 0x61) & ~atLeast(letters, 0x67)
        guard digit | letter == highBits else { return nil }
        // 0-9 are 0x30-0x39 and a-f (A-F) are 0x61-0x66 (0x41-0x46): the low four bits, plus 9 for a letter.
        var nibbles = (word & (ones &* 0x0F)) &+ (letter >> 7) &* 9
        // Pack: bytes to 16-bit lanes of two digits, those to 32-bit lanes of four, those to the eight digits,
        // the first digit ending up highest.
        nibbles = (nibbles & 0x000F_000F_000F_000F) << 4 | (nibbles >> 8) & 0x000F_000F_000F_000F
        nibbles = (nibbles & 0x0000_00FF_0000_00FF) << 8 | (nibbles >> 16) & 0x0000_00FF_0000_00FF
        return UInt32(truncatingIfNeeded: (nibbles & 0xFFFF) << 16 | (nibbles >> 32) & 0xFFFF)
    }
}
