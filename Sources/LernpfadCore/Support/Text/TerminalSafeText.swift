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
        if isPlainPrintableASCII(text, allowingLineBreaks: keepingLineBreaks) { return text }
        var needsStripping = false
        var needsNormalising = false
        var hasTab = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: hasTab = true
            case 0x0A: needsStripping = needsStripping || !keepingLineBreaks
            case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF: break
            case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF:
                needsStripping = true
            default: needsNormalising = needsNormalising || mayChangeUnderNFC(scalar)
            }
        }
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

    /// Whether every byte is printable ASCII (or a line feed when those are allowed): such text
    /// needs no work.
    private static func isPlainPrintableASCII(_ text: String, allowingLineBreaks: Bool) -> Bool {
        text.utf8.allSatisfy { byte in
            (0x20...0x7E).contains(byte) || (allowingLineBreaks && byte == 0x0A)
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
