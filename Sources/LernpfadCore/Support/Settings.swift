import Foundation
import Yams

/// Settings from `$XDG_CONFIG_HOME/lernpfad/config.yaml`: the xAPI home page, the LRS and its credentials, the
/// default team and who the user is (`identity`, the attester for `lernpfad attest`).
///
/// The keys the file may hold are listed once, in ``Settings/configKeys``: the parser reads exactly those,
/// `lernpfad config` shows them, and tests hold docs/config.md and `Content/schemas/config.schema.json` to them.
public struct Settings: Sendable, Equatable {
    /// The organisation's lernpfad home page: xAPI accounts and activity IRIs live under it.
    public var homePage: String
    /// The Learning Record Store's xAPI endpoint.
    public var lrsURL: String?
    /// The LRS user, if the file holds it (the file must then be private, mode 0600).
    public var lrsUser: String?
    /// The LRS password, if the file holds it.
    public var lrsPassword: String?
    /// The default team for `lernpfad team`.
    public var team: String?
    /// Who the person using this installation is, e.g. `ben`: `lernpfad attest` records it as the attester.
    public var identity: String?
    /// Whether the TUI takes the mouse (clicks, the wheel); `false` leaves it to the terminal, so that selecting
    /// and copying text works as usual.
    public var mouse = true
    /// Which glyphs the TUI draws: `auto` (from the locale and `TERM`), `unicode` or `ascii`.
    public var glyphs = "auto"
    /// Other keys for the TUI's global actions: action name to keys in `snapshot --keys` notation, e.g.
    /// `search: "s"`. Checked by the UI's key map (unknown actions, conflicts) when the TUI starts.
    public var keys: [String: String] = [:]

    /// The home page used until an organisation sets its own (`.invalid` is reserved and never resolves).
    public static let defaultHomePage = "https://lernpfad.invalid"

    /// Defaults: the placeholder home page and no LRS.
    public init(homePage: String = Settings.defaultHomePage, lrsURL: String? = nil, team: String? = nil) {
        self.homePage = homePage
        self.lrsURL = lrsURL
        self.team = team
    }

    /// Every key config.yaml may hold, in the order `lernpfad config` and docs/config.md list them.
    ///
    /// To add a key: a property above, an entry here (how it is read, shown and overridden), a section in
    /// docs/config.md, and `lernpfad config schema > Content/schemas/config.schema.json`; tests fail until all
    /// four agree.
    public static let configKeys: [SettingKey] = [
        SettingKey(
            "home_page", .url,
            "The organisation's lernpfad home page: xAPI accounts and activity IRIs are made under it, so it "
                + "must stay the same once statements went to an LRS.",
            example: "https://lernpfad.example.org",
            show: { $0.homePage },
            read: { reader, settings in
                guard let homePage = reader.string("home_page", required: false) else { return }
                if homePage.hasPrefix("https://") || homePage.hasPrefix("http://") {
                    settings.homePage = homePage
                } else {
                    reader.sink.error(
                        reader.file, reader.node("home_page")?.sourceMark, "home_page must be an http(s) URL")
                }
            }),
        SettingKey(
            "lrs_url", .url, "The Learning Record Store's xAPI endpoint for `lernpfad sync` and `lernpfad team --lrs`.",
            example: "https://lrs.example.org/xAPI/", flag: "--lrs",
            show: { $0.lrsURL },
            read: { reader, settings in settings.lrsURL = reader.string("lrs_url", required: false) }),
        SettingKey(
            "lrs_user", .text,
            "The LRS user. Prefer the environment; in the file, the file must be private (mode 0600).",
            example: "lernpfad-sync", environment: "LERNPFAD_LRS_USER",
            show: { $0.lrsUser },
            read: { reader, settings in settings.lrsUser = reader.string("lrs_user", required: false) }),
        SettingKey(
            "lrs_password", .text,
            "The LRS password. Prefer the environment; in the file, the file must be private (mode 0600), "
                + "else every command that reads it refuses to run.",
            example: "s3cret", environment: "LERNPFAD_LRS_PASSWORD", secret: true,
            show: { $0.lrsPassword },
            read: { reader, settings in settings.lrsPassword = reader.string("lrs_password", required: false) }),
        SettingKey(
            "team", .text, "The default team for `lernpfad team`: only its learners are shown.",
            example: "marketing", flag: "--team",
            show: { $0.team },
            read: { reader, settings in settings.team = reader.string("team", required: false) }),
        SettingKey(
            "identity", .text, "Who uses this installation, e.g. `ben`: `lernpfad attest` records it as the attester.",
            example: "ben", flag: "--by",
            show: { $0.identity },
            read: { reader, settings in
                guard let identity = reader.string("identity", required: false) else { return }
                let trimmed = identity.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    reader.sink.error(reader.file, reader.node("identity")?.sourceMark, "identity must not be empty")
                } else {
                    settings.identity = trimmed
                }
            }),
        SettingKey(
            "mouse", .boolean,
            "Whether the TUI takes the mouse (clicks open, the wheel scrolls). `false` leaves the mouse to the "
                + "terminal, so that text can be selected and copied as usual; with it on, Shift+drag does the "
                + "same in most terminals.",
            example: "false",
            show: { $0.mouse ? "true" : "false" },
            read: { reader, settings in
                guard let value = reader.string("mouse", required: false) else { return }
                switch value.lowercased() {
                case "true", "yes", "on": settings.mouse = true
                case "false", "no", "off": settings.mouse = false
                default:
                    reader.sink.error(reader.file, reader.node("mouse")?.sourceMark, "mouse must be true or false")
                }
            }),
        SettingKey(
            "glyphs", .choice(["auto", "unicode", "ascii"]),
            "Which symbols the TUI draws. `auto` uses ASCII forms and the terminal's own line characters when the "
                + "locale is not UTF-8 or TERM is vt100, linux and the like; `unicode` and `ascii` decide for it.",
            example: "ascii",
            show: { $0.glyphs },
            read: { reader, settings in
                guard let value = reader.string("glyphs", required: false) else { return }
                if ["auto", "unicode", "ascii"].contains(value) {
                    settings.glyphs = value
                } else {
                    reader.sink.error(
                        reader.file, reader.node("glyphs")?.sourceMark, "glyphs must be auto, unicode or ascii")
                }
            }),
        SettingKey(
            "keys", .mapping,
            "Other keys for the TUI's actions back, search, language, help and quit, in the notation of "
                + "`snapshot --keys` (several separated by spaces). The help and the status line show them; a key "
                + "two actions share, or one that lists need (arrows, j, k, Enter), is an error.",
            example: "{search: \"s\", quit: \"x\"}",
            show: { settings in
                let pairs = settings.keys.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                return pairs.isEmpty ? nil : pairs.joined(separator: ", ")
            },
            read: { reader, settings in
                guard let node = reader.node("keys") else { return }
                guard case .mapping(let pairs, _) = node else {
                    reader.sink.error(reader.file, node.sourceMark, "keys must be a mapping of actions to keys")
                    return
                }
                for (key, value) in pairs {
                    guard let action = key.string, let keys = value.string else {
                        reader.sink.error(reader.file, value.sourceMark, "keys: each action takes a string of keys")
                        continue
                    }
                    settings.keys[action] = keys
                }
            }),
    ]

    /// Parses config.yaml; `file` is only for messages. Unknown keys are errors, as in content files.
    public static func parse(_ text: String, file: String) -> Result<Settings, Diagnostic> {
        parseLocated(text, file: file).map(\.settings)
    }

    /// Parses config.yaml and says where each key is written (for `lernpfad config`).
    public static func parseLocated(_ text: String, file: String) -> Result<LocatedSettings, Diagnostic> {
        let sink = DiagnosticSink()
        var settings = Settings()
        guard !text.allSatisfy(\.isWhitespace) else { return .success(LocatedSettings(settings: settings, marks: [:])) }
        guard let node = YAMLDocument.parse(text, file: file, sink: sink),
            let reader = MappingReader(node, file: file, what: "config.yaml", languages: [], sink: sink)
        else { return .failure(sink.diagnostics.first ?? Diagnostic(.error, file, "cannot read")) }
        for key in configKeys { key.read(reader, &settings) }
        reader.finish(what: "config.yaml")
        if let first = sink.diagnostics.first(where: { $0.severity == .error }) { return .failure(first) }
        var marks: [String: SourceMark] = [:]
        for key in configKeys where reader.node(key.name) != nil { marks[key.name] = reader.markOf(key.name) }
        return .success(LocatedSettings(settings: settings, marks: marks))
    }
}

/// Settings with the place in the file where each key that the file sets is written.
public struct LocatedSettings: Sendable, Equatable {
    /// The settings: the file's values over the defaults.
    public var settings: Settings
    /// Key name to where the key is written; keys the file does not set are absent.
    public var marks: [String: SourceMark]
}

/// One key of config.yaml: its name, kind, meaning and what overrides it, and how it is read and shown.
public struct SettingKey: Sendable {
    /// What a key's value is, which decides its JSON Schema.
    public enum Kind: Sendable, Equatable {
        /// Any string.
        case text
        /// An http(s) URL.
        case url
        /// `true` or `false`.
        case boolean
        /// One of these words.
        case choice([String])
        /// A mapping of names to strings, e.g. actions to keys.
        case mapping
    }

    /// The key as written in config.yaml.
    public let name: String
    /// What its value is.
    public let kind: Kind
    /// What it means, in one or two sentences (docs/config.md and the JSON Schema say the same).
    public let summary: String
    /// A value that parses, for the tests and the docs.
    public let example: String
    /// The environment variable that overrides the file, if any.
    public let environment: String?
    /// The command-line option that overrides the file and the environment, if any.
    public let flag: String?
    /// Whether `lernpfad config` hides the value.
    public let secret: Bool
    /// The value in `settings` as text, nil when unset.
    public let show: @Sendable (Settings) -> String?
    /// Reads the key from the file's mapping into `settings`, reporting located errors to the reader's sink.
    let read: @Sendable (MappingReader, inout Settings) -> Void

    init(
        _ name: String, _ kind: Kind, _ summary: String, example: String, environment: String? = nil,
        flag: String? = nil, secret: Bool = false, show: @escaping @Sendable (Settings) -> String?,
        read: @escaping @Sendable (MappingReader, inout Settings) -> Void
    ) {
        self.name = name
        self.kind = kind
        self.summary = summary
        self.example = example
        self.environment = environment
        self.flag = flag
        self.secret = secret
        self.show = show
        self.read = read
    }

    /// The value when config.yaml does not set it, as text; nil when there is none.
    public var defaultValue: String? { show(Settings()) }
}
