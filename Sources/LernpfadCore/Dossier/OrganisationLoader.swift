import Foundation

/// What reading `<data>/organisation.yaml` found: the organisation, or located diagnostics, or no file at all.
public struct OrganisationLoad: Sendable {
    /// The file's path.
    public var file: String
    /// False when there is no such file: the dossier then says which file to create.
    public var exists: Bool
    /// The organisation, when the file exists and has no error.
    public var organisation: Organisation?
    /// Errors and warnings, compiler-style (`file:line:column: error: message`).
    public var diagnostics: [Diagnostic]
}

/// Reads `organisation.yaml` from a data folder with the content loader's YAML reader, so that every problem is
/// one located line and unknown keys (typos) are named.
public enum OrganisationLoader {
    /// The file's name in the data folder.
    public static let fileName = "organisation.yaml"
    /// Larger files are refused: an inventory of systems is a few kilobytes.
    static let maximumBytes = 1 << 20

    /// The file's path in `dataFolder`.
    public static func path(inDataFolder dataFolder: String) -> String {
        (dataFolder as NSString).appendingPathComponent(fileName)
    }

    /// Reads the file of `dataFolder`; `roles` are the content's path roles that systems may name.
    public static func load(dataFolder: String, roles: [String]) -> OrganisationLoad {
        let file = path(inDataFolder: dataFolder)
        var status = stat()
        guard lstat(file, &status) == 0 else {
            return OrganisationLoad(file: file, exists: false, organisation: nil, diagnostics: [])
        }
        let sink = DiagnosticSink()
        guard status.st_mode & S_IFMT == S_IFREG else {
            sink.error(file, nil, "not a regular file")
            return OrganisationLoad(file: file, exists: true, organisation: nil, diagnostics: sink.diagnostics)
        }
        guard Int(status.st_size) <= maximumBytes, let data = FileManager.default.contents(atPath: file) else {
            sink.error(file, nil, "cannot be read, or is larger than \(maximumBytes / 1024) KiB")
            return OrganisationLoad(file: file, exists: true, organisation: nil, diagnostics: sink.diagnostics)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.error(file, nil, "is not UTF-8 text")
            return OrganisationLoad(file: file, exists: true, organisation: nil, diagnostics: sink.diagnostics)
        }
        let organisation = parse(text, file: file, roles: roles, sink: sink)
        return OrganisationLoad(
            file: file, exists: true, organisation: sink.errorCount == 0 ? organisation : nil,
            diagnostics: sink.diagnostics)
    }

    /// Parses the text of an organisation file; problems go to `sink`.
    static func parse(_ text: String, file: String, roles: [String], sink: DiagnosticSink) -> Organisation? {
        guard let root = YAMLDocument.parse(text, file: file, sink: sink),
            let reader = MappingReader(root, file: file, what: "organisation.yaml", languages: [], sink: sink)
        else { return nil }
        let name = nonEmpty(reader, "name")
        let responsible = reader.string("responsible", required: false)
        var systems: [AISystem] = []
        for item in reader.sequence("systems", required: false) ?? [] {
            guard let system = self.system(item, file: file, roles: roles, sink: sink) else { continue }
            if systems.contains(where: { $0.id == system.id }) {
                sink.error(file, item.sourceMark, "system id '\(system.id)' appears twice")
            }
            systems.append(system)
        }
        reader.finish(what: "organisation.yaml")
        return name.map { Organisation(name: $0, responsible: responsible, systems: systems) }
    }

    private static func system(_ node: YAMLNode, file: String, roles: [String], sink: DiagnosticSink) -> AISystem? {
        guard let reader = MappingReader(node, file: file, what: "a system", languages: [], sink: sink) else {
            return nil
        }
        let id = reader.identifier("id")
        let name = nonEmpty(reader, "name")
        let provider = nonEmpty(reader, "provider")
        let purpose = nonEmpty(reader, "purpose")
        let owner = nonEmpty(reader, "owner")
        var riskClass: RiskClass?
        if let text = reader.string("risk_class") {
            riskClass = RiskClass(rawValue: text)
            if riskClass == nil {
                let known = RiskClass.allCases.map(\.rawValue).joined(separator: ", ")
                sink.error(
                    file, reader.node("risk_class")?.sourceMark,
                    "'risk_class' must be one of \(known), not '\(text.sanitizedForMessage)'")
            }
        }
        let assessed = reader.day("assessed", required: false)
        let teams = (reader.strings("teams", required: false) ?? []).map(\.0)
        var usedBy: [String] = []
        for (role, mark) in reader.strings("roles", required: false) ?? [] {
            if !roles.isEmpty && !roles.contains(role) {
                sink.error(
                    file, mark,
                    "role '\(role.sanitizedForMessage)' is not a path of the content (paths: "
                        + roles.joined(separator: ", ") + ")")
            }
            usedBy.append(role)
        }
        reader.finish(what: "a system")
        guard let id, let name, let provider, let purpose, let owner, let riskClass else { return nil }
        return AISystem(
            id: id, name: name, provider: provider, purpose: purpose, riskClass: riskClass, assessed: assessed,
            owner: owner, teams: teams, roles: usedBy)
    }

    /// A required text that must not be blank.
    private static func nonEmpty(_ reader: MappingReader, _ key: String) -> String? {
        guard let text = reader.string(key) else { return nil }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            reader.sink.error(reader.file, reader.node(key)?.sourceMark, "'\(key)' must not be empty")
            return nil
        }
        return text
    }
}
