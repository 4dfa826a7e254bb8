extension String {
    /// The text for a one-line message: every scalar that could steer a terminal or reorder what it shows is
    /// written as a visible escape such as `\u{1b}`, and the result is cut to at most `limit` scalars
    /// (escapes included) with `…`.
    ///
    /// Escaped are C0 controls (line breaks and tabs too), DEL, C1 controls, the bidi marks, embeddings,
    /// overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the line and paragraph
    /// separators, the byte order mark and the soft hyphen. Unlike ``TerminalSafeText``, which removes such
    /// scalars from text meant to be read, this keeps them visible, for ids, file names and LRS answers that a
    /// reader must be able to tell apart.
    public func escapedForMessage(limit: Int = 80) -> String {
        if utf8.count <= limit && utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return self }
        var result = String.UnicodeScalarView()
        var count = 0
        for scalar in unicodeScalars {
            guard Self.needsEscape(scalar) else {
                guard count < limit else { return String(result) + "…" }
                result.append(scalar)
                count += 1
                continue
            }
            let escape = "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars
            guard count + escape.count <= limit else { return String(result) + "…" }
            result.append(contentsOf: escape)
            count += escape.count
        }
        return String(result)
    }

    /// Whether a scalar is escaped by ``escapedForMessage(limit:)``.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// The text without the scalars ``escapedForMessage(limit:)`` would escape (controls, bidi controls), kept
    /// whole: for text that is read rather than told apart, such as a course notice.
    public var withoutControlCharacters: String {
        guard unicodeScalars.contains(where: Self.needsEscape) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.filter { !Self.needsEscape($0) }))
    }

    /// The text escaped and cut to 80 scalars, for error messages.
    public var sanitizedForMessage: String { escapedForMessage(limit: 80) }
}
