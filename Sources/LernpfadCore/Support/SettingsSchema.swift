/// The JSON Schema of config.yaml, made from ``Settings/configKeys`` so that it cannot drift from the parser.
///
/// `lernpfad config schema` prints it; `Content/schemas/config.schema.json` is its output, which a test holds to
/// this, and editors read it (`# yaml-language-server: $schema=...` on the file's first line).
extension Settings {
    /// The schema as pretty-printed JSON, keys in the table's order, ending in a line break.
    public static func jsonSchema() -> String {
        var writer = JSONTextWriter()
        writer.object { object in
            object.member("$schema", "https://json-schema.org/draft/2020-12/schema")
            object.member("$id", "https://lernpfad.example/schemas/config.schema.json")
            object.member("title", "lernpfad config.yaml")
            object.member(
                "description",
                "Settings of one lernpfad installation: $XDG_CONFIG_HOME/lernpfad/config.yaml, else "
                    + "~/.config/lernpfad/config.yaml. Every key is optional; docs/config.md explains each.")
            object.member("type", "object")
            object.member("additionalProperties", false)
            object.key("properties")
            object.object { properties in
                for key in configKeys {
                    properties.key(key.name)
                    properties.object { property in key.writeSchema(into: &property) }
                }
            }
        }
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }
}

extension SettingKey {
    /// The members of this key's schema: its type, what it means and its default.
    fileprivate func writeSchema(into property: inout JSONTextWriter) {
        var description = summary
        if let environment { description += " Overridden by $\(environment)." }
        if let flag { description += " Overridden by \(flag) on the command line." }
        switch kind {
        case .text:
            property.member("type", "string")
            property.member("minLength", 1)
        case .url:
            property.member("type", "string")
            property.member("pattern", "^https?://")
        case .boolean:
            property.member("type", "boolean")
        case .choice(let words):
            property.member("type", "string")
            property.key("enum")
            property.array(words) { element, word in element.string(word) }
        case .mapping:
            property.member("type", "object")
            property.key("additionalProperties")
            property.object { value in value.member("type", "string") }
        }
        property.member("description", description)
        if let value = defaultValue {
            if kind == .boolean {
                property.member("default", value == "true")
            } else {
                property.member("default", value)
            }
        }
    }
}
