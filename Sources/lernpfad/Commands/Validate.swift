import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad validate`: checks the content, compiler-style.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content; print located errors and warnings; exit 1 on any error.")

    @OptionGroup var common: CommonOptions

    @Option(help: "text or json")
    var format: TextOrJSON = .text

    @Option(help: "Check review_by dates against this day (YYYY-MM-DD) instead of today.")
    var today: String?

    func run() throws {
        let folder = common.locations.content
        var day = CalendarDay(Date())
        if let today {
            guard let parsed = CalendarDay(today) else { throw ValidationError("--today '\(today)' is not YYYY-MM-DD") }
            day = parsed
        }
        guard FileManager.default.fileExists(atPath: folder) else {
            throw CommandFailure("\(folder): content folder does not exist")
        }
        let result = ContentLoader(root: folder, today: day, checkLessonBodies: true).load()
        // The data folder's organisation.yaml (for the dossier) is checked too when there is one.
        let organisation = OrganisationLoader.load(
            dataFolder: common.locations.data, roles: result.catalog.paths.map(\.role))
        let diagnostics = result.diagnostics + organisation.diagnostics
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        switch format {
        case .json:
            try Output.json(
                ValidationReport(
                    content: folder, errors: errors, warnings: warnings, modules: result.catalog.modules.count,
                    skippedModules: result.skippedModules, diagnostics: diagnostics))
        case .text:
            for diagnostic in diagnostics { Output.line(diagnostic.description) }
            Output.line(
                "\(errors) error(s), \(warnings) warning(s); \(result.catalog.modules.count) module(s) loaded"
                    + (result.skippedModules.isEmpty
                        ? ""
                        : ", skipped: \(result.skippedModules.map { $0.escapedForMessage() }.joined(separator: ", "))"))
        }
        // Freeing a catalog of 1,000 modules object by object takes a tenth of a second, all on this one thread, and
        // the process ends right after; leaving it to the exit is free.
        _ = Unmanaged.passRetained(Retained(result))
        if errors > 0 { throw ExitCode(1) }
    }
}

/// Keeps a value alive until the process exits.
private final class Retained<Value> {
    let value: Value

    init(_ value: Value) { self.value = value }
}

/// The JSON form of `validate`.
struct ValidationReport: Encodable {
    var content: String
    var errors: Int
    var warnings: Int
    var modules: Int
    var skippedModules: [String]
    var diagnostics: [Diagnostic]
}
