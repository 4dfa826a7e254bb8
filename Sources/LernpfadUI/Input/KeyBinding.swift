/// One entry of a screen's key table: the keys, what they do, and how help and the status line name them.
///
/// A screen declares its table once; the dispatcher, the `?` help and the status line are all read from it,
/// so help lists exactly the keys that work on that screen.
public struct KeyBinding<Action: Sendable>: Sendable {
    /// The keys, as help names them; empty for a pattern such as "any letter".
    public let keys: [Key]
    /// A name for a pattern binding, e.g. "1–9 a–h"; nil when the keys name themselves.
    public let patternLabel: Phrase?
    /// What the keys do, for the help overlay.
    public let help: Phrase
    /// A short word for the status line, e.g. "öffnen"; nil keeps the binding out of the status line.
    public let status: Phrase?
    /// How many of `keys` the status line shows.
    public let statusKeyCount: Int
    /// The action for a key, or nil when the key is not this binding's.
    public let action: @Sendable (Key) -> Action?

    /// A binding of fixed keys to one action.
    public static func keys(
        _ keys: [Key], help: Phrase, status: Phrase? = nil, statusKeys: Int = 1, _ action: Action
    ) -> KeyBinding where Action: Equatable {
        KeyBinding(
            keys: keys, patternLabel: nil, help: help, status: status, statusKeyCount: statusKeys,
            action: { keys.contains($0) ? action : nil })
    }

    /// A binding of fixed keys whose action depends on the key pressed (e.g. up and down).
    public static func keys(
        _ keys: [Key], help: Phrase, status: Phrase? = nil, statusKeys: Int = 1,
        map: @escaping @Sendable (Key) -> Action?
    ) -> KeyBinding {
        KeyBinding(
            keys: keys, patternLabel: nil, help: help, status: status, statusKeyCount: statusKeys,
            action: { keys.contains($0) ? map($0) : nil })
    }

    /// A binding of a family of keys (letters, digits, clicks) named by `label`.
    public static func pattern(
        _ label: Phrase, help: Phrase, status: Phrase? = nil, match: @escaping @Sendable (Key) -> Action?
    ) -> KeyBinding {
        KeyBinding(keys: [], patternLabel: label, help: help, status: status, statusKeyCount: 0, action: match)
    }

    /// The same binding with its action wrapped, so a screen can include a shared table such as list keys.
    public func map<Other: Sendable>(_ transform: @escaping @Sendable (Action) -> Other) -> KeyBinding<Other> {
        let action = self.action
        return KeyBinding<Other>(
            keys: keys, patternLabel: patternLabel, help: help, status: status, statusKeyCount: statusKeyCount,
            action: { action($0).map(transform) })
    }

    /// The keys as help shows them, e.g. "↑ ↓ j k".
    public func label(_ text: Localizer) -> String {
        if let patternLabel { return text(patternLabel) }
        return keys.map { $0.name(text) }.joined(separator: " ")
    }

    /// The status line's entry, e.g. "↑↓ wählen", or nil.
    public func statusEntry(_ text: Localizer) -> String? {
        guard let status else { return nil }
        let names = patternLabel.map { [text($0)] } ?? keys.prefix(max(1, statusKeyCount)).map { $0.name(text) }
        return "\(Self.join(names)) \(text(status))"
    }

    /// Key names joined by spaces, except between two symbols such as arrows ("↑↓ j k").
    static func join(_ names: [String]) -> String {
        var result = ""
        for (index, name) in names.enumerated() {
            if index > 0 && !(isSymbol(names[index - 1]) && isSymbol(name)) { result += " " }
            result += name
        }
        return result
    }

    private static func isSymbol(_ name: String) -> Bool {
        name.count == 1 && !(name.first?.isLetter ?? false) && !(name.first?.isNumber ?? false)
    }
}

/// The first action a table has for `key`.
public func firstAction<Action>(for key: Key, in table: [KeyBinding<Action>]) -> Action? {
    for binding in table {
        if let action = binding.action(key) { return action }
    }
    return nil
}

extension Key {
    /// The key's name as help shows it, in the UI language.
    public func name(_ text: Localizer) -> String {
        switch self {
        case .character(" "): return text(.keySpace)
        case .character(let character): return String(character)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return text(.keyPageUp)
        case .pageDown: return text(.keyPageDown)
        case .home: return text(.keyHome)
        case .end: return text(.keyEnd)
        case .enter: return "⏎"
        case .escape: return "Esc"
        case .backspace: return "⌫"
        case .tab: return "Tab"
        case .control(let letter): return "\(text(.keyControl))-\(letter.uppercased())"
        case .resize: return ""
        case .click: return text(.keyClick)
        case .wheelUp, .wheelDown: return text(.keyWheel)
        }
    }
}
