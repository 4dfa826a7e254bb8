import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad config`: which config file is read, the settings in effect and where each came from; `config check`
/// validates the file, `config schema` prints its JSON Schema.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show which config file is read and the settings in effect, with where each came from.",
        discussion: """
            Each setting comes from, in rising order: its default, config.yaml, an environment variable, a \
            command-line option. docs/config.md explains every key.
            """,
        subcommands: [Show.self, Check.self, Schema.self],
        defaultSubcommand: Show.self)

    /// `lernpfad config [show]`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the config file, the settings in effect and where each came from (the default).")

        @OptionGroup var common: CommonOptions

        @Option(help: "The LRS URL, as 'lernpfad sync --lrs' would use it.")
        var lrs: String?

        @Option(help: "The team, as 'lernpfad team --team' would use it.")
        var team: String?

        @Option(help: "The attester, as 'lernpfad attest --by' would use it.")
        var by: String?

        @Option(help: "text or json")
        var format: TextOrJSON = .text

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let file = SettingsFile.path(environment: environment)
            let found = try SettingsFile.find(environment: environment)
            var flags: [String: String] = [:]
            flags["--lrs"] = lrs
            flags["--team"] = team
            flags["--by"] = by
            let rows = EffectiveSetting.resolve(found: found, environment: environment, flags: flags)
            let folders = folderRows(environment: environment)
            let isRead = if case .read = found { true } else { false }
            switch format {
            case .text: printText(file: file, isRead: isRead, rows: rows, folders: folders)
            case .json: printJSON(file: file, isRead: isRead, rows: rows, folders: folders)
            }
        }

        /// The content and data folders: where each came from follows from ``Locations/resolve`` itself, by
        /// asking what it decides without the flag and without each variable.
        private func folderRows(environment: [String: String]) -> [EffectiveSetting] {
            let actual = common.locations
            func withoutFlag(_ removing: String? = nil) -> Locations {
                var reduced = environment
                if let removing { reduced[removing] = nil }
                return Locations.resolve(content: nil, data: nil, environment: reduced)
            }
            let content: SettingSource =
                if common.content != nil {
                    .flag("--content")
                } else if withoutFlag("LERNPFAD_CONTENT").content != actual.content {
                    .environment("LERNPFAD_CONTENT")
                } else {
                    .byDefault
                }
            let data: SettingSource =
                if common.data != nil {
                    .flag("--data")
                } else if withoutFlag("LERNPFAD_DATA").data != actual.data {
                    .environment("LERNPFAD_DATA")
                } else if withoutFlag("XDG_DATA_HOME").data != actual.data {
                    .environment("XDG_DATA_HOME")
                } else {
                    .byDefault
                }
            return [
                EffectiveSetting(key: "content", shown: actual.content.escapedForMessage(limit: 400), source: content),
                EffectiveSetting(key: "data", shown: actual.data.escapedForMessage(limit: 400), source: data),
            ]
        }

        private func printText(file: String, isRead: Bool, rows: [EffectiveSetting], folders: [EffectiveSetting]) {
            let state = isRead ? "read" : "not there; the defaults apply"
            Output.line("config file: \(file.escapedForMessage(limit: 400)) (\(state))")
            Output.line()
            let width = (rows + folders).map(\.key.count).max() ?? 0
            let valueWidth = min(40, (rows + folders).map { ($0.shown ?? "-").count }.max() ?? 0)
            func line(_ row: EffectiveSetting) -> String {
                let key = row.key.padding(toLength: width, withPad: " ", startingAt: 0)
                let value = row.shown ?? "-"
                let padded =
                    value.count < valueWidth ? value.padding(toLength: valueWidth, withPad: " ", startingAt: 0) : value
                let origin = [row.source.kind, row.source.detail].compactMap { $0 }.joined(separator: " ")
                return "\(key)  \(padded)  \(origin)"
            }
            for row in rows { Output.line(line(row)) }
            Output.line()
            for row in folders { Output.line(line(row)) }
        }

        private func printJSON(file: String, isRead: Bool, rows: [EffectiveSetting], folders: [EffectiveSetting]) {
            func write(_ row: EffectiveSetting, into writer: inout JSONTextWriter) {
                writer.object { object in
                    object.member("detail", row.source.detail)
                    object.member("key", row.key)
                    object.member("source", row.source.kind)
                    object.member("value", row.shown)
                }
            }
            var writer = JSONTextWriter()
            writer.object { object in
                object.key("configFile")
                object.object { configFile in
                    configFile.member("path", file)
                    configFile.member("read", isRead)
                }
                object.key("folders")
                object.array(folders) { element, row in write(row, into: &element) }
                object.key("settings")
                object.array(rows) { element, row in write(row, into: &element) }
            }
            Output.document(Data(writer.bytes + [0x0A]), as: .json)
        }
    }

    /// `lernpfad config check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check config.yaml: unknown keys, wrong values, an LRS URL with credentials, a readable password.",
            discussion: "Exit status 0 when the file is fine or absent, 1 with one 'file:line:column: error:' line.")

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let file = SettingsFile.path(environment: environment)
            switch try SettingsFile.find(environment: environment) {
            case .absent:
                Output.line("\(file.escapedForMessage(limit: 400)): no config file; the defaults apply")
            case .read(let located):
                // The LRS URL is checked here as `sync` checks it, so that a mistake shows before the first sync.
                if let url = located.settings.lrsURL {
                    do {
                        _ = try LRSEndpoint(url)
                    } catch {
                        let mark = located.marks["lrs_url"]
                        let location = mark.map { ":\($0.line):\($0.column)" } ?? ""
                        throw CommandFailure("\(file)\(location): error: lrs_url: \(error.description)")
                    }
                }
                let count = located.marks.count
                Output.line(
                    "\(file.escapedForMessage(limit: 400)): ok (\(count) key\(count == 1 ? "" : "s") set, "
                        + "\(Settings.configKeys.count) known)")
            }
        }
    }

    /// `lernpfad config schema`: what `Content/schemas/config.schema.json` holds.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema of config.yaml (for editors; Content/schemas/config.schema.json).")

        func run() throws {
            Output.document(Data(Settings.jsonSchema().utf8), as: .json)
        }
    }
}
