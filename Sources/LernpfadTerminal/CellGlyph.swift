import CNCurses

/// The wide characters curses is given for one cell: the cell's scalars without any control
/// character, at most `CCHARW_MAX` of them, and how wide the C library thinks they are.
struct CellGlyph: Equatable {
    /// The scalars, each as a `wchar_t`, without the terminating 0.
    var characters: [wchar_t]
    /// The width the C library's `wcwidth` gives the first scalar: what curses will advance by.
    var libraryWidth: Int

    /// The most scalars a `cchar_t` holds: one spacing character and its combining marks.
    static let capacity = Int(CCHARW_MAX)

    /// The glyph for `text`, or `nil` when nothing printable is left.
    init?(_ text: String) {
        var characters: [wchar_t] = []
        for scalar in text.unicodeScalars where !Self.isControl(scalar) {
            guard characters.count < Self.capacity else { break }
            characters.append(wchar_t(bitPattern: scalar.value))
        }
        guard let first = characters.first else { return nil }
        self.characters = characters
        self.libraryWidth = Int(lernpfad_wcwidth(first))
    }

    /// Whether `scalar` is a C0 or C1 control character or DEL, none of which may reach the
    /// terminal. Canvas has already removed them; this is the last line of defence.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
