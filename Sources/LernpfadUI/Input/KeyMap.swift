/// The actions whose keys config.yaml's `keys` may change, named once: the names are what the file says.
public enum RemappableAction: String, CaseIterable, Sendable {
    /// Back to the previous screen.
    case back
    /// The search box.
    case search
    /// The other interface language.
    case language
    /// The help box.
    case help
    /// Quit (Ctrl-C always quits as well).
    case quit

    /// The keys the action has unless config.yaml says otherwise; none needs AltGr on a German keyboard.
    public var defaultKeys: [Key] {
        switch self {
        case .back: return [.escape, .backspace]
        case .search: return [.character("/")]
        case .language: return [.character("L")]
        case .help: return [.character("?")]
        case .quit: return [.character("q")]
        }
    }
}

/// Which keys the remappable actions have: the defaults, with what config.yaml's `keys` replaced.
///
/// A remapped action has only its new keys, so the old one is free for other uses; help and the status line
/// read the keys from here and show the new ones.
public struct KeyMap: Sendable, Equatable {
    private var keys: [RemappableAction: [Key]]

    /// Every action on its default keys.
    public static let standard = KeyMap(keys: [:])

    private init(keys: [RemappableAction: [Key]]) { self.keys = keys }

    /// The keys of `action`, first the one the status line shows.
    public func keys(for action: RemappableAction) -> [Key] { keys[action] ?? action.defaultKeys }

    /// Keys that belong to every list (moving, opening), Ctrl-C and the text of a key that can never be another
    /// action's: giving one of them to an action would take it from every screen.
    static let reserved: [Key: String] = {
        var reserved: [Key: String] = [.control("c"): "always quits"]
        for binding in ListKeys.bindings {
            for key in binding.keys { reserved[key] = "moves in and opens lists" }
        }
        return reserved
    }()

    /// The map config.yaml's `keys` describes: action name to keys in `snapshot --keys` notation, several
    /// separated by spaces (`search: "s"`, `back: "<esc> h"`).
    ///
    /// - Returns: The map, or the first problem: an unknown action, a value that names no key, or a key that
    ///   two actions would share or that lists need.
    public static func parse(_ entries: [String: String]) -> Result<KeyMap, KeyMapError> {
        var keys: [RemappableAction: [Key]] = [:]
        for name in entries.keys.sorted() {
            guard let action = RemappableAction(rawValue: name) else {
                let known = RemappableAction.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(KeyMapError("unknown action '\(name)'; known: \(known)"))
            }
            let value = entries[name] ?? ""
            var parsed: [Key] = []
            for word in value.split(separator: " ") {
                switch Key.parseSequence(String(word)) {
                case .success(let list) where list.count == 1: parsed.append(list[0])
                case .success, .failure:
                    return .failure(KeyMapError("\(name): '\(word)' is not one key (write e.g. s, <c-f>, <esc>)"))
                }
            }
            guard !parsed.isEmpty else { return .failure(KeyMapError("\(name): no key given")) }
            keys[action] = parsed
        }
        let map = KeyMap(keys: keys)
        var owner: [Key: RemappableAction] = [:]
        for action in RemappableAction.allCases {
            for key in map.keys(for: action) {
                let name = key.name(Localizer(.english))
                if let other = owner[key], other != action {
                    return .failure(KeyMapError("\(other.rawValue) and \(action.rawValue) both have the key '\(name)'"))
                }
                if keys[action] != nil, let reason = reserved[key] {
                    return .failure(KeyMapError("\(action.rawValue): '\(name)' \(reason)"))
                }
                owner[key] = action
            }
        }
        return .success(map)
    }
}

/// config.yaml's `keys` cannot be used as written.
public struct KeyMapError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, naming the action and the key.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    /// One line for stderr, after the file's name.
    public var description: String { "keys: \(message)" }
}

extension ScreenModel {
    /// Each binding's keys with what they do, for tests that check the whole key table (AltGr-free defaults).
    func boundKeys(_ context: ScreenContext) -> [(help: Phrase, keys: [Key])] {
        bindings(context).map { (help: $0.help, keys: $0.keys) }
    }
}

extension Key {
    /// Keys that need AltGr on a German keyboard (`[ ] { } \ | ~ @`): no action may have only these.
    public static let altGrOnGermanKeyboard: Set<Key> = Set("[]{}\\|~@²³µ€".map { Key.character($0) })
}
