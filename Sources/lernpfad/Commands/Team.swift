import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad team`: the ambassador's view of every learner in the data folder.
struct Team: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show every learner's progress, overdue first, and the questions the team misses most.")

    /// The output formats of the team report.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, html
    }

    @OptionGroup var common: CommonOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "Only learners of this team.")
    var team: String?

    @Option(help: "table, csv, json or html")
    var format: Format = .table

    @Flag(help: "CSV for spreadsheet programs: semicolons and a byte-order mark.")
    var excel = false

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Build the view from this LRS instead of the data folder (credentials as for sync).")
    var lrs: String?

    /// Learner records rebuilt from the statements an LRS holds.
    static func fromLRS(_ endpoint: String) throws -> ([LearnerRecord], [SkippedFile]) {
        let environment = ProcessInfo.processInfo.environment
        let settings = try SettingsFile.load(environment: environment)
        let client = try LRSClient.configured(endpoint: endpoint, settings: settings, environment: environment)
        let statements: [XAPIStatement]
        do {
            statements = try client.fetchAll()
        } catch let failure as LRSClient.Failure {
            throw CommandFailure(failure.description)
        }
        return (XAPIImporter(homePage: settings.homePage).records(from: statements), [])
    }

    func run() throws {
        let now = try asOf.now()
        let catalog = try common.loadCatalog(now: now)
        let (records, skipped) = try lrs.map { try Self.fromLRS($0) } ?? common.store.readAll()
        let report = TeamReport(records: records, skipped: skipped, catalog: catalog, now: now, team: team)
        let text: String
        switch format {
        case .table: text = report.table(catalog: catalog) + "\n"
        case .csv: text = report.csv(excel: excel)
        case .html: text = report.html(catalog: catalog)
        case .json:
            var data = try JSONCoding.encoder().encode(report)
            data.append(0x0A)
            text = String(decoding: data, as: UTF8.self)
        }
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandFailure("\(output): cannot write: \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if format != .table {
            for file in skipped { Output.error("skipped \(file.file): \(file.reason)") }
        }
    }
}
