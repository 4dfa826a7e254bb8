/// One input from the terminal, already decoded; the UI's `update` takes these.
public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, umlauts).
    case character(Character)
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Page up.
    case pageUp
    /// Page down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Enter or Return.
    case enter
    /// Escape.
    case escape
    /// Backspace or Delete-left.
    case backspace
    /// Tab.
    case tab
    /// Ctrl plus a letter, e.g. `.control("c")`.
    case control(Character)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    /// A mouse click at a cell (0-based).
    case click(row: Int, column: Int)
    /// The mouse wheel turned up.
    case wheelUp
    /// The mouse wheel turned down.
    case wheelDown
}

extension Key {
    /// Parses the key notation of `lernpfad snapshot --keys`.
    ///
    /// Plain characters stand for themselves; names in angle brackets are special keys:
    /// `<enter> <esc> <up> <down> <left> <right> <pgup> <pgdn> <home> <end> <bs> <tab> <space> <c-x>`
    /// and `<resize:WxH>`. `<<` is a literal `<`. Returns nil with the offending part for a bad name.
    public static func parseSequence(_ text: String) -> Result<[Key], KeyNotationError> {
        var keys: [Key] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<" {
                let next = text.index(after: index)
                if next < text.endIndex, text[next] == "<" {
                    keys.append(.character("<"))
                    index = text.index(after: next)
                    continue
                }
                guard let close = text[next...].firstIndex(of: ">") else {
                    return .failure(KeyNotationError(part: String(text[index...])))
                }
                let name = String(text[next..<close]).lowercased()
                guard let key = named(name) else { return .failure(KeyNotationError(part: "<\(name)>")) }
                keys.append(key)
                index = text.index(after: close)
            } else {
                keys.append(character == "\n" ? .enter : .character(character))
                index = text.index(after: index)
            }
        }
        return .success(keys)
    }

    private static func named(_ name: String) -> Key? {
        switch name {
        case "enter", "cr", "ret": return .enter
        case "esc", "escape": return .escape
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pgup", "pageup": return .pageUp
        case "pgdn", "pagedown": return .pageDown
        case "home": return .home
        case "end": return .end
        case "bs", "backspace": return .backspace
        case "tab": return .tab
        case "space": return .character(" ")
        case "wheelup": return .wheelUp
        case "wheeldown": return .wheelDown
        default: break
        }
        if name.hasPrefix("c-"), name.count == 3, let letter = name.last, letter.isLetter {
            return .control(letter)
        }
        if name.hasPrefix("resize:") {
            let size = name.dropFirst(7).split(separator: "x")
            if size.count == 2, let width = Int(size[0]), let height = Int(size[1]), width > 0, height > 0 {
                return .resize(width: width, height: height)
            }
        }
        if name.hasPrefix("click:") {
            let place = name.dropFirst(6).split(separator: ",")
            if place.count == 2, let row = Int(place[0]), let column = Int(place[1]) {
                return .click(row: row, column: column)
            }
        }
        return nil
    }
}

/// A `--keys` string with a part that names no key.
public struct KeyNotationError: Error, Equatable, CustomStringConvertible {
    /// The offending part.
    public var part: String

    /// One line for stderr.
    public var description: String {
        "unknown key '\(part)' in --keys; use characters or <enter> <esc> <up> <down> <pgup> <pgdn> <space> <c-x> <resize:WxH>"
    }
}
