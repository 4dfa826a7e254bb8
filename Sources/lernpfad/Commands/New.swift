import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad new module ID`: scaffolds content for a trainer to fill in.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scaffold new content.", subcommands: [NewModule.self])
}

/// `lernpfad new module ID`.
struct NewModule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "module", abstract: "Scaffold a module that validates with only TODO warnings.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The module id: a-z, 0-9 and '-'.")
    var id: String

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
        for file in ModuleScaffold.files(id: id, languages: catalog.course.languages, today: CalendarDay(Date())) {
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: folder + "/" + file.path))
            Output.line("created \(folder)/\(file.path)")
        }
        Output.line("next: fill in the TODOs, add the module to a path in paths/, then run 'lernpfad validate'")
    }
}
