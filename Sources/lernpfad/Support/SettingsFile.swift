import Foundation
import LernpfadCore

/// Finds and reads config.yaml: `$XDG_CONFIG_HOME/lernpfad/config.yaml`, else `~/.config/lernpfad/config.yaml`.
enum SettingsFile {
    /// What was found where config.yaml is looked for.
    enum Found {
        /// No file there: the defaults apply.
        case absent
        /// The file, parsed, with where each key is written.
        case read(LocatedSettings)
    }

    /// Where config.yaml is looked for: `$XDG_CONFIG_HOME` only when it is absolute, as the XDG spec says.
    static func path(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/lernpfad/config.yaml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/lernpfad/config.yaml"
    }

    /// The settings every command uses: the file's over the defaults; a broken file is a one-line failure.
    static func load(environment: [String: String]) throws -> Settings {
        switch try find(environment: environment) {
        case .absent: return Settings()
        case .read(let located): return located.settings
        }
    }

    /// Reads config.yaml, failing with `file:line:column: error: ...` when it is broken, unreadable or holds a
    /// password that others can read.
    static func find(environment: [String: String]) throws -> Found {
        let file = path(environment: environment)
        var status = stat()
        // Only a missing file means "defaults": one that exists but cannot be read must not be ignored silently.
        guard stat(file, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .absent }
            throw CommandFailure("\(file): cannot read: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw CommandFailure("\(file): not a regular file") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("\(file): cannot read (permission denied?)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CommandFailure("\(file): not valid UTF-8")
        }
        switch Settings.parseLocated(text, file: file) {
        case .success(let located):
            if located.settings.lrsPassword != nil, status.st_mode & 0o077 != 0 {
                let location = located.marks["lrs_password"].map { ":\($0.line):\($0.column)" } ?? ""
                throw CommandFailure(
                    "\(file)\(location): error: holds an LRS password but others can read it; run 'chmod 600 \(file)'")
            }
            return .read(located)
        case .failure(let diagnostic): throw CommandFailure(diagnostic.description)
        }
    }
}

/// Where an effective setting came from, in the order each overrides the one before.
enum SettingSource: Equatable {
    /// Nothing set it.
    case byDefault
    /// config.yaml, at this line.
    case file(line: Int)
    /// This environment variable.
    case environment(String)
    /// This command-line option.
    case flag(String)

    /// One word for JSON: `default`, `file`, `environment` or `flag`.
    var kind: String {
        switch self {
        case .byDefault: "default"
        case .file: "file"
        case .environment: "environment"
        case .flag: "flag"
        }
    }

    /// Where exactly, for people: `config.yaml:3`, `$LERNPFAD_LRS_USER`, `--lrs`.
    var detail: String? {
        switch self {
        case .byDefault: nil
        case .file(let line): "config.yaml:\(line)"
        case .environment(let name): "$\(name)"
        case .flag(let name): name
        }
    }
}

/// One row of `lernpfad config`: a key, the value in effect and where it came from.
struct EffectiveSetting {
    /// The key as written in config.yaml.
    var key: String
    /// The value as it may be shown (secrets hidden, escaped), nil when unset.
    var shown: String?
    /// Where the value came from.
    var source: SettingSource

    /// Every key of ``Settings/configKeys``: a flag over the environment over the file over the default, as the
    /// commands that use them decide (`LRSClient.configured`, `attest --by`, `team --team`).
    static func resolve(found: SettingsFile.Found, environment: [String: String], flags: [String: String])
        -> [EffectiveSetting]
    {
        let located: LocatedSettings? =
            switch found {
            case .absent: nil
            case .read(let located): located
            }
        return Settings.configKeys.map { key in
            let value: String?
            let source: SettingSource
            if let flag = key.flag, let given = flags[flag] {
                (value, source) = (given, .flag(flag))
            } else if let variable = key.environment, let given = environment[variable] {
                (value, source) = (given, .environment(variable))
            } else if let located, let mark = located.marks[key.name] {
                (value, source) = (key.show(located.settings), .file(line: mark.line))
            } else {
                (value, source) = (key.defaultValue, .byDefault)
            }
            return EffectiveSetting(key: key.name, shown: shown(value, of: key), source: source)
        }
    }

    /// What may be printed of a value: never a secret, never a URL's user name or password, never a control.
    static func shown(_ value: String?, of key: SettingKey) -> String? {
        guard let value else { return nil }
        if key.secret { return "(hidden)" }
        if key.kind == .url, let url = URLComponents(string: value), url.user != nil || url.password != nil {
            return "(hidden: the URL holds a user name or password)"
        }
        return value.escapedForMessage(limit: 200)
    }
}
