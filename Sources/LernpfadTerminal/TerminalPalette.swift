import CNCurses
import LernpfadUI

/// How a ``CellStyle`` looks on this terminal: curses attributes plus a colour pair.
struct Rendition: Equatable {
    /// The curses attributes (`A_BOLD` and so on), without colour bits.
    var attributes: attr_t
    /// The colour pair, 0 for the terminal's default colours.
    var pair: Int16
}

/// Maps colour roles to curses colour pairs and attributes.
///
/// Every coloured role keeps the terminal's default background (-1), so text reads on light and
/// dark themes alike. Roles that need no colour use attributes: `muted` is dim rather than grey,
/// `selection` is reverse video. Without colour every role maps to attributes only, and the
/// selection stays visible through reverse video.
struct TerminalPalette {
    /// What a role looks like: a foreground colour (a curses colour number) or none, plus
    /// attributes.
    private struct Look {
        var foreground: Int16?
        var attributes: attr_t
    }

    /// Whether colour pairs are in use.
    let usesColor: Bool
    /// The look of each role, indexed like `ColorRole.allCases`.
    private let looks: [Look]
    /// The colour pair of each role, indexed like `ColorRole.allCases`; 0 for none.
    private let pairs: [Int16]

    /// A palette that uses attributes only. Needs no curses call.
    static let monochrome = TerminalPalette(usesColor: false)

    /// Starts colour on the terminal if `useColor` is set and the terminal can show it with its
    /// default background, and defines one colour pair a coloured role. Call after curses has
    /// started.
    static func start(useColor: Bool) -> TerminalPalette {
        guard useColor, has_colors(), start_color() == OK, lernpfad_colors() >= 8, use_default_colors() == OK else {
            return .monochrome
        }
        let palette = TerminalPalette(usesColor: true)
        guard palette.pairs.allSatisfy({ Int($0) < lernpfad_color_pairs() }) else { return .monochrome }
        for (index, look) in palette.looks.enumerated() {
            guard let foreground = look.foreground, palette.pairs[index] > 0 else { continue }
            init_pair(palette.pairs[index], foreground, -1)
        }
        return palette
    }

    /// A palette with or without colour; defines no pairs on the terminal.
    private init(usesColor: Bool) {
        self.usesColor = usesColor
        let looks = ColorRole.allCases.map { usesColor ? Self.colorLook(of: $0) : Self.monochromeLook(of: $0) }
        var nextPair: Int16 = 1
        var pairs: [Int16] = []
        for look in looks {
            if look.foreground == nil {
                pairs.append(0)
            } else {
                pairs.append(nextPair)
                nextPair += 1
            }
        }
        self.looks = looks
        self.pairs = pairs
    }

    /// The attributes and pair that show `style`.
    func rendition(of style: CellStyle) -> Rendition {
        let index = Self.index(of: style.role)
        let attributes = looks[index].attributes | Self.attributes(of: style.attributes)
        return Rendition(attributes: attributes, pair: pairs[index])
    }

    /// The position of `role` in `ColorRole.allCases`.
    private static func index(of role: ColorRole) -> Int {
        ColorRole.allCases.firstIndex(of: role) ?? 0
    }

    /// The curses attributes for the attributes of a style.
    private static func attributes(of attributes: TextAttributes) -> attr_t {
        var result = lernpfad_a_normal()
        if attributes.contains(.bold) { result |= lernpfad_a_bold() }
        if attributes.contains(.italic) { result |= lernpfad_a_italic() }
        if attributes.contains(.underline) { result |= lernpfad_a_underline() }
        if attributes.contains(.reverse) { result |= lernpfad_a_reverse() }
        if attributes.contains(.dim) { result |= lernpfad_a_dim() }
        return result
    }

    /// A role's look on a colour terminal.
    private static func colorLook(of role: ColorRole) -> Look {
        let color = { (value: Int32) in Int16(value) }
        switch role {
        case .normal: return Look(foreground: nil, attributes: 0)
        case .accent: return Look(foreground: color(COLOR_CYAN), attributes: 0)
        case .heading: return Look(foreground: color(COLOR_MAGENTA), attributes: lernpfad_a_bold())
        case .success: return Look(foreground: color(COLOR_GREEN), attributes: 0)
        case .warning: return Look(foreground: color(COLOR_YELLOW), attributes: 0)
        case .danger: return Look(foreground: color(COLOR_RED), attributes: 0)
        case .muted: return Look(foreground: nil, attributes: lernpfad_a_dim())
        case .link: return Look(foreground: color(COLOR_CYAN), attributes: lernpfad_a_underline())
        case .code: return Look(foreground: color(COLOR_YELLOW), attributes: 0)
        case .selection: return Look(foreground: nil, attributes: lernpfad_a_reverse())
        }
    }

    /// A role's look without colour: attributes only.
    private static func monochromeLook(of role: ColorRole) -> Look {
        switch role {
        case .normal, .success, .code: return Look(foreground: nil, attributes: 0)
        case .accent, .heading, .warning: return Look(foreground: nil, attributes: lernpfad_a_bold())
        case .danger: return Look(foreground: nil, attributes: lernpfad_a_bold() | lernpfad_a_underline())
        case .muted: return Look(foreground: nil, attributes: lernpfad_a_dim())
        case .link: return Look(foreground: nil, attributes: lernpfad_a_underline())
        case .selection: return Look(foreground: nil, attributes: lernpfad_a_reverse())
        }
    }
}
