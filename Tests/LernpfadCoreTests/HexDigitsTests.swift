import Testing

@testable import LernpfadCore

/// The word-wide hex reader agrees with reading the digits one by one, for every byte at every position.
@Suite("Hex digits")
struct HexDigitsTests {
    /// The plain definition: each byte a digit or a letter of the allowed case, the first the most significant.
    static func plainValue(_ bytes: [UInt8], uppercase: Bool) -> UInt32? {
        var value: UInt32 = 0
        for byte in bytes {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where uppercase: digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    @Test(arguments: [false, true])
    func everyByteAtEveryPositionOfEightDigits(uppercase: Bool) {
        let base = Array("3a9F0c7e".utf8)
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = base
                bytes[position] = UInt8(value)
                let fast = bytes.withUnsafeBytes { HexDigits.value(of: $0, at: 0, uppercase: uppercase) }
                #expect(fast == Self.plainValue(bytes, uppercase: uppercase), "byte \(value) at \(position)")
            }
        }
    }

    @Test func fourDigitsReadAsTheFirstHalfOfEight() {
        for position in 0..<4 {
            for value in 0...255 {
                var bytes = Array("b05dzzzz".utf8)
                bytes[position] = UInt8(value)
                let fast = bytes.withUnsafeBytes { HexDigits.value16(of: $0, at: 0, uppercase: true) }
                let plain = Self.plainValue(Array(bytes[0..<4]), uppercase: true).map { UInt16($0) }
                #expect(fast == plain, "byte \(value) at \(position)")
            }
        }
    }

    @Test func everyDigitValueLandsInItsPlace() {
        for position in 0..<8 {
            for digit in Array("0123456789abcdefABCDEF".utf8) {
                var bytes = Array("00000000".utf8)
                bytes[position] = digit
                let fast = bytes.withUnsafeBytes { HexDigits.value(of: $0, at: 0, uppercase: true) }
                #expect(fast == Self.plainValue(bytes, uppercase: true))
            }
        }
    }
}
