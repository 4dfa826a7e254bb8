import Foundation
import Testing

@testable import LernpfadCore

/// The table of config.yaml keys is the one definition: the parser, the JSON Schema and docs/config.md follow it.
@Suite struct SettingsTableTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A config.yaml that sets every key to its example.
    static var everyKey: String {
        Settings.configKeys.map { key in
            switch key.kind {
            case .mapping: "\(key.name): \(key.example)"
            default: "\(key.name): \"\(key.example)\""
            }
        }.joined(separator: "\n") + "\n"
    }

    @Test func keyNamesAreUniqueAndWrittenAsInTheFile() {
        let names = Settings.configKeys.map(\.name)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(name.allSatisfy { $0.isLowercase || $0 == "_" }, "\(name)")
        }
    }

    @Test func theParserReadsEveryKeyOfTheTableAndSaysWhere() throws {
        let located = try Settings.parseLocated(Self.everyKey, file: "config.yaml").get()
        #expect(Set(located.marks.keys) == Set(Settings.configKeys.map(\.name)))
        for (index, key) in Settings.configKeys.enumerated() {
            #expect(located.marks[key.name]?.line == index + 1, "\(key.name)")
            // The example changes the setting, so the key really reaches the settings.
            #expect(key.show(located.settings) != nil, "\(key.name) is read but not shown")
        }
    }

    @Test func aKeyOutsideTheTableIsRefusedWithTheClosestOne() {
        let result = Settings.parse("home_pgae: https://example.org\n", file: "config.yaml")
        guard case .failure(let diagnostic) = result else {
            Issue.record("an unknown key was accepted")
            return
        }
        #expect(
            diagnostic.description
                == "config.yaml:1:1: error: unknown field 'home_pgae' in config.yaml (did you mean 'home_page'?)")
    }

    @Test func theShippedSchemaIsTheOneTheTableMakes() throws {
        let file = Self.repository.appendingPathComponent("Content/schemas/config.schema.json")
        let shipped = try String(contentsOf: file, encoding: .utf8)
        #expect(
            shipped == Settings.jsonSchema(),
            "Content/schemas/config.schema.json is out of date: run 'lernpfad config schema > Content/schemas/config.schema.json'"
        )
    }

    @Test func theSchemaNamesEveryKeyAndNothingElse() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(Settings.jsonSchema().utf8)) as? [String: Any])
        let properties = try #require(object["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(Settings.configKeys.map(\.name)))
        #expect(object["additionalProperties"] as? Bool == false)
    }

    @Test func docsConfigHasASectionForEveryKey() throws {
        let file = Self.repository.appendingPathComponent("docs/config.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let headings = Set(
            text.split(separator: "\n").filter { $0.hasPrefix("### `") }.map {
                String($0.dropFirst(5).prefix { $0 != "`" })
            })
        let names = Set(Settings.configKeys.map(\.name))
        #expect(names.subtracting(headings).isEmpty, "docs/config.md lacks: \(names.subtracting(headings).sorted())")
        #expect(
            headings.subtracting(names).isEmpty,
            "docs/config.md documents unknown: \(headings.subtracting(names).sorted())")
        for key in Settings.configKeys {
            if let environment = key.environment { #expect(text.contains(environment), "\(key.name): \(environment)") }
            if let flag = key.flag { #expect(text.contains("`\(flag)"), "\(key.name): \(flag)") }
        }
    }
}
