/// Text attributes a terminal can show, combined as a set.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    /// The bits, one an attribute.
    public let rawValue: UInt8

    /// Makes a set from its bits.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Bold (or bright) text.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Italic text; terminals without italics may show it otherwise.
    public static let italic = TextAttributes(rawValue: 1 << 1)
    /// Underlined text.
    public static let underline = TextAttributes(rawValue: 1 << 2)
    /// Foreground and background swapped.
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    /// Dim (faint) text.
    public static let dim = TextAttributes(rawValue: 1 << 4)
}

/// What a piece of text means, which the terminal layer maps to a colour (or to nothing on a
/// monochrome terminal). Screens say what, not which colour.
public enum ColorRole: String, CaseIterable, Hashable, Sendable {
    /// Ordinary text in the terminal's default colours.
    case normal
    /// Something to draw the eye to: list markers, key hints, the current item.
    case accent
    /// Headings and titles.
    case heading
    /// Done, passed, up to date.
    case success
    /// Due soon, needs attention.
    case warning
    /// Overdue, failed, an error.
    case danger
    /// Secondary text: frames, URLs, explanations, quote bars.
    case muted
    /// A link's text.
    case link
    /// Code, commands, file names.
    case code
    /// The selected row or item.
    case selection
}

/// How a cell is drawn: its attributes and its colour role.
public struct CellStyle: Hashable, Sendable {
    /// Bold, italic, underline, reverse, dim.
    public var attributes: TextAttributes
    /// What the text means, which decides its colour.
    public var role: ColorRole

    /// Makes a style.
    public init(attributes: TextAttributes = [], role: ColorRole = .normal) {
        self.attributes = attributes
        self.role = role
    }

    /// No attributes, the normal role.
    public static let plain = CellStyle()

    /// This style with `attributes` added.
    public func adding(_ attributes: TextAttributes) -> CellStyle {
        CellStyle(attributes: self.attributes.union(attributes), role: role)
    }

    /// This style with its role replaced by `role`.
    public func with(role: ColorRole) -> CellStyle {
        CellStyle(attributes: attributes, role: role)
    }
}
