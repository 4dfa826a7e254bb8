import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad new module ID`: scaffolds content for a trainer to fill in.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scaffold new content.", subcommands: [NewModule.self])
}

/// `lernpfad new module ID [--template basic|org-rules]`.
struct NewModule: ParsableCommand {
    /// What the module starts from.
    enum Template: String, ExpressibleByArgument, CaseIterable {
        case basic
        case orgRules = "org-rules"

        var scaffold: ModuleScaffold.Template {
            switch self {
            case .basic: return .basic
            case .orgRules: return .orgRules
            }
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "module", abstract: "Scaffold a module that validates with only TODO warnings.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The module id: a-z, 0-9 and '-'.")
    var id: String

    @Option(help: "basic (one lesson, one question) or org-rules (the organisation's own AI rules).")
    var template: Template = .basic

    func run() throws {
        guard Identifier.isValidContentID(id) else {
            throw UsageFailure("module id '\(id)' may only contain a-z, 0-9 and '-'")
        }
        let folder = common.locations.content
        let catalog = try common.loadCatalog(now: Date(), quiet: true)
        let target = folder + "/modules/" + id
        guard !FileManager.default.fileExists(atPath: target) else {
            throw CommandFailure("\(target): already exists")
        }
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let files = ModuleScaffold.files(
            id: id, languages: catalog.course.languages, today: CalendarDay(Date()), template: template.scaffold)
        for file in files {
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: folder + "/" + file.path))
            Output.line("created \(folder)/\(file.path)")
        }
        Output.line("next: fill in the TODOs, add the module to a path in paths/, then run 'lernpfad validate'")
        if template == .orgRules {
            Output.line(
                "suggested: a milestone '\(ModuleScaffold.acknowledgementMilestone)' in the same path, attested by the "
                    + "AI ambassador (see the comment at the top of module.yaml)")
        }
    }
}
