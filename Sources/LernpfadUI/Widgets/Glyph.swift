import Foundation

/// Which characters the terminal can show: every glyph in its Unicode form, or ASCII only.
public enum GlyphSet: String, Sendable, CaseIterable {
    /// UTF-8 terminals: box drawing, arrows, ticks, emoji.
    case unicode
    /// A terminal that cannot show UTF-8 (`TERM=vt100`, the Linux console, a non-UTF-8 locale): each glyph
    /// takes its ASCII form, and lines are drawn with the terminal's own line characters where it has them.
    case ascii
}

/// A line-drawing piece: what the terminal's alternate character set (curses' ACS) draws for a box glyph.
public enum LineGlyph: Character, Sendable, CaseIterable {
    /// `─`
    case horizontal = "q"
    /// `│`
    case vertical = "x"
    /// `┌`
    case upperLeft = "l"
    /// `┐`
    case upperRight = "k"
    /// `└`
    case lowerLeft = "m"
    /// `┘`
    case lowerRight = "j"
    /// `├`
    case teeRight = "t"
    /// `┤`
    case teeLeft = "u"
    /// `┬`
    case teeDown = "w"
    /// `┴`
    case teeUp = "v"
    /// `┼`
    case cross = "n"

    /// The VT100 character that selects this piece in the line-drawing set (`acsc` in terminfo).
    public var vt100Code: Character { rawValue }
}

/// Every symbol the interface draws, each defined once with its ASCII form.
///
/// The ASCII form has the same display width as the Unicode one, so a screen laid out with Unicode glyphs keeps
/// its columns when the terminal layer swaps them (``Glyph/ascii(for:)``); a box glyph also names its line piece,
/// which the terminal draws with its own line characters (ACS) when it has them.
public enum Glyph: String, CaseIterable, Sendable {
    /// A module whose prerequisites are not done.
    case lock = "🔒"
    /// The next step, the current item.
    case next = "▶"
    /// The selected row's marker.
    case pointer = "›"
    /// Done, right.
    case done = "✓"
    /// Wrong, failed.
    case wrong = "✗"
    /// A lesson left half read.
    case halfRead = "◐"
    /// A refresher, a question that comes back.
    case refresher = "↻"
    /// The review queue.
    case review = "≡"
    /// Between the parts of a line ("3 Lektionen · 20 min").
    case separator = "·"
    /// Text cut off.
    case ellipsis = "…"
    /// A progress bar's filled part.
    case barFilled = "█"
    /// A progress bar's empty part.
    case barEmpty = "░"
    /// More rows above.
    case moreAbove = "▲"
    /// More rows below.
    case moreBelow = "▼"
    /// Where typing goes in a text field.
    case textCursor = "▏"
    /// A list bullet, first level.
    case bullet = "•"
    /// A list bullet, second level.
    case bulletSmall = "◦"
    /// A list bullet, third level.
    case bulletSquare = "▪"
    /// Under a first-level heading.
    case doubleLine = "═"
    /// A warning banner.
    case warning = "⚠"
    /// Key names.
    case arrowUp = "↑"
    /// Key names.
    case arrowDown = "↓"
    /// Key names.
    case arrowLeft = "←"
    /// Key names.
    case arrowRight = "→"
    /// The Enter key.
    case enter = "⏎"
    /// The Backspace key.
    case backspace = "⌫"
    /// Times, as in "40×12".
    case times = "×"
    /// Box drawing.
    case horizontal = "─"
    /// Box drawing.
    case vertical = "│"
    /// Box drawing.
    case upperLeft = "┌"
    /// Box drawing.
    case upperRight = "┐"
    /// Box drawing.
    case lowerLeft = "└"
    /// Box drawing.
    case lowerRight = "┘"
    /// Box drawing.
    case teeRight = "├"
    /// Box drawing.
    case teeLeft = "┤"
    /// Box drawing.
    case teeDown = "┬"
    /// Box drawing.
    case teeUp = "┴"
    /// Box drawing.
    case cross = "┼"

    /// The glyph as a string, in its Unicode form; the terminal layer swaps it where it cannot be shown.
    public var text: String { rawValue }

    /// The ASCII form, as wide as the Unicode form (the lock is two columns, everything else one).
    public var ascii: String {
        switch self {
        case .lock: return "#!"
        case .next, .pointer, .arrowRight: return ">"
        case .done: return "+"
        case .wrong, .times: return "x"
        case .halfRead, .ellipsis: return "~"
        case .refresher: return "@"
        case .review, .doubleLine: return "="
        case .separator, .horizontal, .bulletSquare: return "-"
        case .barFilled: return "#"
        case .barEmpty: return "."
        case .moreAbove, .arrowUp: return "^"
        case .moreBelow, .arrowDown: return "v"
        case .textCursor: return "_"
        case .bullet: return "*"
        case .bulletSmall: return "o"
        case .warning: return "!"
        case .arrowLeft, .enter, .backspace: return "<"
        case .vertical: return "|"
        case .upperLeft, .upperRight, .lowerLeft, .lowerRight, .teeRight, .teeLeft, .teeDown, .teeUp, .cross:
            return "+"
        }
    }

    /// The line piece a box glyph is drawn with on a terminal with line characters; nil for other glyphs.
    public var line: LineGlyph? {
        switch self {
        case .horizontal: return .horizontal
        case .vertical: return .vertical
        case .upperLeft: return .upperLeft
        case .upperRight: return .upperRight
        case .lowerLeft: return .lowerLeft
        case .lowerRight: return .lowerRight
        case .teeRight: return .teeRight
        case .teeLeft: return .teeLeft
        case .teeDown: return .teeDown
        case .teeUp: return .teeUp
        case .cross: return .cross
        default: return nil
        }
    }

    /// The glyph whose Unicode form is `text`, if any.
    public init?(text: String) {
        guard let glyph = Self.byText[text] else { return nil }
        self = glyph
    }

    private static let byText: [String: Glyph] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// What a cell's text becomes on an ASCII terminal: printable ASCII stays; a glyph takes its ASCII form;
    /// a letter with a diacritic loses it (`ü` → `u`); typographic quotes and dashes become `"` `'` `-`; anything
    /// else becomes `?`. Always as many columns as `text` (a wide character becomes `?` and a space), so the
    /// layout stays as it was drawn.
    public static func ascii(for text: String) -> String {
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text }
        if let glyph = Glyph(text: text) { return glyph.ascii }
        let width = DisplayWidth.of(text)
        guard width > 0 else { return "" }
        let replacement = transliteration(of: text)
        return width == 2 ? replacement + " " : replacement
    }

    /// One ASCII character for a non-ASCII grapheme.
    private static func transliteration(of text: String) -> String {
        guard let first = text.unicodeScalars.first else { return "?" }
        switch first.value {
        case 0xA0, 0x2000...0x200A, 0x202F: return " "
        case 0x2018, 0x2019, 0x201A, 0x2039, 0x203A, 0xB4: return "'"
        case 0x201C, 0x201D, 0x201E, 0xAB, 0xBB: return "\""
        case 0x2010...0x2015, 0x2212: return "-"
        case 0xDF: return "s"
        case 0xC6, 0xE6: return first.value == 0xC6 ? "A" : "a"
        case 0xD8, 0xF8: return first.value == 0xD8 ? "O" : "o"
        case 0x20AC: return "E"
        case 0xB0: return "o"
        default: break
        }
        // A letter with a diacritic: its base letter, as NFD splits it off (ü = u + ¨).
        if let base = text.decomposedStringWithCanonicalMapping.unicodeScalars.first,
            (0x21...0x7E).contains(base.value)
        {
            return String(base)
        }
        return "?"
    }
}

/// What the user asked for in config.yaml (`glyphs: auto | unicode | ascii`).
public enum GlyphPreference: String, Sendable, CaseIterable {
    /// Decide from the locale and `TERM` (``GlyphSet/detect(preference:localeIsUTF8:terminal:)``).
    case auto
    /// Always Unicode (a UTF-8 terminal started from the `C` locale, as on many servers).
    case unicode
    /// Always ASCII (a font without box drawing or emoji).
    case ascii
}

extension GlyphSet {
    /// Terminal types that cannot show UTF-8 or have no font for symbols and emoji: the VT family and the Linux
    /// console, whose font has a few hundred characters (its line drawing still works through ACS).
    static let asciiTerminals: Set<String> = ["vt52", "vt100", "vt102", "vt220", "vt320", "linux", "dumb", "ansi"]

    /// The glyph set to draw with. `auto` means ASCII when the user's locale is not UTF-8 (their terminal then
    /// expects another encoding, and UTF-8 bytes would show as garbage) or `TERM` names one of
    /// ``asciiTerminals`` (with any `-` suffix, such as `linux-16color` or `vt100-am`); Unicode otherwise.
    public static func detect(preference: GlyphPreference, localeIsUTF8: Bool, terminal: String?) -> GlyphSet {
        switch preference {
        case .unicode: return .unicode
        case .ascii: return .ascii
        case .auto:
            guard localeIsUTF8 else { return .ascii }
            let name = (terminal ?? "").lowercased()
            let base = name.split(separator: "-").first.map(String.init) ?? name
            return asciiTerminals.contains(base) ? .ascii : .unicode
        }
    }
}
