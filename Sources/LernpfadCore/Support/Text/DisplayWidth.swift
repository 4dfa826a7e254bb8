/// How many terminal columns text occupies, computed in Swift rather than with the C `wcwidth`
/// (which returns -1 for `ü` in the C locale).
///
/// The width is measured per grapheme cluster (a Swift `Character`): combining marks and other
/// zero-width characters add nothing, East Asian Wide and Fullwidth characters and emoji shown in
/// emoji presentation take two columns, everything else one. Control characters count zero; text
/// meant for the terminal should pass through ``TerminalSafeText`` first anyway.
public enum DisplayWidth {
    /// The number of terminal columns `text` occupies.
    public static func of(_ text: some StringProtocol) -> Int {
        let summed: Int?
        if let fromBytes = text.utf8.withContiguousStorageIfAvailable({ independentWidth(ofUTF8: $0) }) {
            summed = fromBytes
        } else {
            summed = independentWidth(ofScalars: text.unicodeScalars)
        }
        if let summed { return summed }
        var columns = 0
        for character in text { columns += of(character) }
        return columns
    }

    /// The number of terminal columns one grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii != 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        // A cluster may start with zero-width scalars (prepended concatenation marks, a lone
        // combining mark at the start of a text): its first visible scalar decides.
        guard let first = scalars.first(where: { !isZeroWidth($0) }) else { return 0 }
        let properties = first.properties
        var hasTextPresentation = false
        var hasEmojiPresentation = false
        for scalar in scalars {
            if scalar.value == 0xFE0E { hasTextPresentation = true }
            if scalar.value == 0xFE0F { hasEmojiPresentation = true }
        }
        if properties.isEmojiPresentation && !hasTextPresentation { return 2 }
        if hasEmojiPresentation && properties.isEmoji { return 2 }
        return EastAsianWidth.isWide(first.value) ? 2 : 1
    }

    /// The width of valid UTF-8 summed scalar by scalar, or `nil` when a scalar needs its whole
    /// cluster to be measured. Most text (Latin, punctuation, CJK with combining marks) takes
    /// this path, without grapheme breaking.
    private static func independentWidth(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var columns = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = UInt32(bytes[index])
            if lead < 0x80 {
                if lead >= 0x20 && lead != 0x7F { columns += 1 }
                index += 1
                continue
            }
            let value: UInt32
            switch lead {
            case 0xC0...0xDF:
                guard index + 1 < count else { return nil }
                value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            case 0xE0...0xEF:
                guard index + 2 < count else { return nil }
                value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            default:
                guard index + 3 < count else { return nil }
                value =
                    (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                index += 4
            }
            guard let scalar = Unicode.Scalar(value), let width = independentWidth(of: scalar) else { return nil }
            columns += width
        }
        return columns
    }

    /// The width of `scalars` summed scalar by scalar, or `nil` when a scalar needs its whole
    /// cluster to be measured.
    private static func independentWidth(ofScalars scalars: some Sequence<Unicode.Scalar>) -> Int? {
        var columns = 0
        for scalar in scalars {
            guard let width = independentWidth(of: scalar) else { return nil }
            columns += width
        }
        return columns
    }

    /// The width a scalar adds whatever its neighbours, or `nil` when it may join them into a
    /// cluster whose width is not the sum of theirs (emoji sequences, modifiers and flags,
    /// variation selectors, conjoining Hangul jamo, spacing marks).
    private static func independentWidth(of scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value < 0x300 { return isZeroWidth(scalar) ? 0 : 1 }
        // Common ranges first: punctuation, currency, box drawing and blocks are one column.
        if (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
            || (0x20A0...0x20C0).contains(value) || (0x2500...0x259F).contains(value)
        {
            return 1
        }
        if (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) { return 2 }
        if (0x1100...0x11FF).contains(value) || value == 0x200D || value == 0xFE0E || value == 0xFE0F
            || (0x1F000...0x1FFFF).contains(value)
        {
            return nil
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        case .spacingMark: return nil
        default: break
        }
        if properties.isEmojiPresentation { return 2 }
        return EastAsianWidth.isWide(value) ? 2 : 1
    }

    /// Whether a scalar takes no column by itself: combining marks, format characters
    /// (zero-width joiner and space, soft hyphen, bidi marks), controls and the medial and final
    /// Hangul jamo.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xAD }
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return false
        }
    }
}
