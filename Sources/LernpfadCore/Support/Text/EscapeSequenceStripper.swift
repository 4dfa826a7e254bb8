/// Removes terminal control from text scalar by scalar: whole ESC and C1 sequences (CSI, OSC,
/// DCS and friends), all other C0 and C1 control characters, and invisible characters that
/// terminals disagree about (bidi overrides, byte order mark, soft hyphen).
///
/// Tabs are passed on for ``TerminalSafeText`` to expand; every line break (`\r\n`, `\r`, `\n`,
/// NEL, U+2028, U+2029) becomes ``lineBreak``.
struct EscapeSequenceStripper {
    /// What a line break becomes: `\n` to keep lines, a space to join them.
    let lineBreak: Unicode.Scalar

    private enum State {
        case text
        /// After ESC, waiting for the byte that says which sequence this is.
        case escape
        /// After ESC and an intermediate byte (0x20–0x2F), waiting for the final byte.
        case escapeIntermediate
        /// Inside a control sequence (ESC [ or CSI), waiting for the final byte 0x40–0x7E.
        case controlSequence
        /// Inside a string (OSC, DCS, SOS, PM, APC), waiting for BEL, ST, ESC or a line break.
        case controlString
    }

    private var state = State.text
    private var pendingCarriageReturn = false

    /// A stripper that turns line breaks into `lineBreak`.
    init(lineBreak: Unicode.Scalar) {
        self.lineBreak = lineBreak
    }

    /// The scalars of `text` that are safe to show.
    mutating func strip(_ text: String) -> String.UnicodeScalarView {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            consume(scalar, into: &output)
        }
        if pendingCarriageReturn {
            output.append(lineBreak)
            pendingCarriageReturn = false
        }
        return output
    }

    private mutating func consume(_ scalar: Unicode.Scalar, into output: inout String.UnicodeScalarView) {
        let value = scalar.value
        switch state {
        case .text:
            consumeText(scalar, into: &output)
        case .escape:
            switch value {
            case 0x5B: state = .controlSequence  // [
            case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .controlString  // ] P X ^ _
            case 0x20...0x2F: state = .escapeIntermediate
            case 0x30...0x7E: state = .text
            default:
                state = .text
                consumeText(scalar, into: &output)
            }
        case .escapeIntermediate:
            switch value {
            case 0x20...0x2F: break
            case 0x30...0x7E: state = .text
            default:
                state = .text
                consumeText(scalar, into: &output)
            }
        case .controlSequence:
            switch value {
            case 0x20...0x3F: break
            case 0x40...0x7E: state = .text
            default:
                state = .text
                consumeText(scalar, into: &output)
            }
        case .controlString:
            switch value {
            case 0x07, 0x9C: state = .text
            case 0x1B: state = .escape
            case 0x0A, 0x0D:
                state = .text
                consumeText(scalar, into: &output)
            default: break
            }
        }
    }

    private mutating func consumeText(_ scalar: Unicode.Scalar, into output: inout String.UnicodeScalarView) {
        let value = scalar.value
        if pendingCarriageReturn {
            pendingCarriageReturn = false
            output.append(lineBreak)
            if value == 0x0A { return }
        }
        switch value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF:
            output.append(scalar)
        case 0x09:
            output.append(scalar)
        case 0x0A, 0x85, 0x2028, 0x2029:
            output.append(lineBreak)
        case 0x0D:
            pendingCarriageReturn = true
        case 0x1B:
            state = .escape
        case 0x9B:
            state = .controlSequence
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
            state = .controlString
        case 0x00...0x1F, 0x7F...0x9F, 0xAD:
            break
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF:
            break
        default:
            output.append(scalar)
        }
    }
}
