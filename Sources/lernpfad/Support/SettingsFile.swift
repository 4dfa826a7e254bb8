import Foundation
import LernpfadCore

/// Finds and reads config.yaml: `$XDG_CONFIG_HOME/lernpfad/config.yaml`, else `~/.config/lernpfad/config.yaml`.
enum SettingsFile {
    static func path(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/lernpfad/config.yaml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/lernpfad/config.yaml"
    }

    static func load(environment: [String: String]) throws -> Settings {
        let file = path(environment: environment)
        guard let data = FileManager.default.contents(atPath: file) else { return Settings() }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CommandFailure("\(file): not valid UTF-8")
        }
        switch Settings.parse(text, file: file) {
        case .success(let settings):
            if settings.lrsPassword != nil {
                var status = stat()
                if stat(file, &status) == 0, status.st_mode & 0o077 != 0 {
                    throw CommandFailure(
                        "\(file): holds an LRS password but others can read it; run 'chmod 600 \(file)'")
                }
            }
            return settings
        case .failure(let diagnostic): throw CommandFailure(diagnostic.description)
        }
    }
}
