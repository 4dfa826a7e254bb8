import Foundation

/// Makes untrusted text (lesson content, learner names, anything read from a file) safe to put
/// on a terminal: nothing from it can ever reach the terminal as a control character or escape
/// sequence.
///
/// - Whole escape sequences are removed, not only their ESC: `ESC [ 31 m`, the C1 `CSI`
///   (`U+009B`) with its parameters, OSC/DCS strings up to their terminator or the end of line.
/// - Every other C0 and C1 control character (BEL, backspace, DEL, …) is dropped, and so are the
///   invisible characters terminals disagree about: bidi overrides and marks, byte order mark,
///   soft hyphen.
/// - A tab becomes spaces up to the next tab stop.
/// - Line breaks (`\r\n`, `\r`, `\n`, NEL, U+2028, U+2029) become `\n` when they are kept,
///   otherwise a space.
/// - The result is in Unicode Normalization Form C, so `e` + combining acute is one `é`.
public enum TerminalSafeText {
    /// `text` made safe for the terminal.
    ///
    /// - Parameters:
    ///   - text: Untrusted text.
    ///   - keepingLineBreaks: Keep line breaks as `\n` (for whole documents); otherwise each line
    ///     break becomes a space (for text put on one line).
    ///   - tabWidth: The distance between tab stops, in columns.
    public static func sanitize(_ text: String, keepingLineBreaks: Bool = false, tabWidth: Int = 4) -> String {
        let (needsStripping, needsNormalising, hasTab) = survey(text, keepingLineBreaks: keepingLineBreaks)
        guard needsStripping || needsNormalising || hasTab else { return text }
        var result = text
        if needsStripping {
            var stripper = EscapeSequenceStripper(lineBreak: keepingLineBreaks ? "\n" : " ")
            result = String(stripper.strip(text))
        }
        if needsNormalising {
            result = result.precomposedStringWithCanonicalMapping
        }
        if hasTab {
            result = expandingTabs(in: result, tabWidth: max(1, tabWidth))
        }
        return result
    }

    /// What `sanitize` has to do to `text`: strip, normalise, expand tabs. Nothing, for most text.
    ///
    /// Eight bytes of printable ASCII at a time are passed over at once; every other scalar is decoded
    /// from the UTF-8 and classified. A lesson can be megabytes long, and one `═` in it must not send the
    /// whole of it through a scalar-by-scalar walk.
    private static func survey(_ text: String, keepingLineBreaks: Bool) -> (strip: Bool, normalise: Bool, tab: Bool) {
        var text = text
        return text.withUTF8 { bytes in
            var strip = false
            var normalise = false
            var tab = false
            guard let base = bytes.baseAddress else { return (strip, normalise, tab) }
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let count = bytes.count
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    // All below 0x80, none below 0x20 and (then) none 0x7F: eight printable ASCII bytes.
                    if word & highs == 0 && (word &- ones &* 0x20) & ~word & highs == 0 && (word &+ ones) & highs == 0 {
                        index += 8
                        continue
                    }
                }
                let lead = bytes[index]
                var value = UInt32(lead)
                var length = 1
                if lead >= 0xC0 {
                    length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    value &= 0xFF >> (length + 1)
                    for offset in 1..<min(length, count - index) {
                        value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                    }
                }
                switch value {
                case 0x09: tab = true
                case 0x0A: strip = strip || !keepingLineBreaks
                case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF: break
                case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069,
                    0xFEFF:
                    strip = true
                default:
                    if !normalise, let scalar = Unicode.Scalar(value) { normalise = mayChangeUnderNFC(scalar) }
                }
                index += length
            }
            return (strip, normalise, tab)
        }
    }

    /// Whether a scalar might not be in NFC or might combine with its neighbour. `false` is
    /// certain (checked against Foundation's NFC for every scalar of these ranges): Latin,
    /// general punctuation, currency, arrows, box drawing, symbols, CJK ideographs and emoji.
    private static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF, 0x2190...0x21FF,
            0x2500...0x27BF, 0x4E00...0x9FFF, 0x1F300...0x1FAFF:
            return false
        default:
            return true
        }
    }

    /// `text` with each tab replaced by spaces up to the next multiple of `tabWidth` columns,
    /// counted from the start of its line.
    private static func expandingTabs(in text: String, tabWidth: Int) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var column = 0
        for character in text {
            switch character {
            case "\t":
                let spaces = tabWidth - column % tabWidth
                result.append(String(repeating: " ", count: spaces))
                column += spaces
            case "\n":
                result.append(character)
                column = 0
            default:
                result.append(character)
                column += DisplayWidth.of(character)
            }
        }
        return result
    }
}
