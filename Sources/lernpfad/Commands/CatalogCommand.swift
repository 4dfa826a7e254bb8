import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad catalog`: the content inventory.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "List modules, lessons, languages, question counts and paths.")

    @OptionGroup var common: CommonOptions

    @Option(help: "text or json")
    var format: TextOrJSON = .text

    func run() throws {
        let report = CatalogReport(catalog: try common.loadCatalog(now: Date()))
        switch format {
        case .text: Output.line(report.text)
        case .json: try Output.json(report)
        }
    }
}
