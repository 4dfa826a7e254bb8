import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad export xapi`: a learner's events as xAPI statements.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export learning records.", subcommands: [XAPI.self])

    /// `lernpfad export xapi [--learner ID]`.
    struct XAPI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "xapi", abstract: "Print a learner's events as xAPI 1.0.3 statements (a JSON array).")

        @OptionGroup var common: CommonOptions

        @Option(help: "The learner (default: the only learner in the data folder).")
        var learner: String?

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let settings = try SettingsFile.load(environment: environment)
            let id = try DefaultLearner.resolve(learner, store: common.store)
            let record = try common.store.read(id)
            let catalog = try common.loadCatalog(now: Date())
            let statements = XAPIExporter(homePage: settings.homePage, catalog: catalog).statements(for: record)
            var data = XAPIStatement.jsonData(statements)
            data.append(0x0A)
            Output.document(data, as: .json)
        }
    }
}
