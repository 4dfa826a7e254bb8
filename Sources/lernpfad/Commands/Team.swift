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

    @Flag(help: "CSV with one row per learner and module (for HR) instead of one per learner and role.")
    var perModule = false

    @Option(help: "The language of the HTML page and of module titles in CSV (default: the course's language).")
    var language: String?

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "With --format html: also seal the data folder, as 'lernpfad seal' does.")
    var seal = false

    @Option(help: "With --seal: who seals (default: 'identity' in config.yaml).")
    var by: String?

    @Option(help: "Build the view from this LRS instead of the data folder (credentials as for sync).")
    var lrs: String?

    @Option(help: "With --lrs: give up on a request that has not fully answered after this many seconds.")
    var timeout: Double = 60

    /// The most pages of statements read from an LRS (for tests of the page cap).
    @Option(help: .hidden)
    var maxPages: Int = 10_000

    /// Learner records rebuilt from the statements an LRS holds.
    func fromLRS(_ endpoint: String) throws -> ([LearnerRecord], [SkippedFile]) {
        let environment = ProcessInfo.processInfo.environment
        let settings = try SettingsFile.load(environment: environment)
        var client = try LRSClient.configured(endpoint: endpoint, settings: settings, environment: environment)
        guard timeout > 0 && timeout <= 3600 else {
            throw ValidationError("--timeout must be more than 0 and at most 3600")
        }
        guard maxPages > 0 else { throw ValidationError("--max-pages must be at least 1") }
        client.deadline = timeout
        client.maxPages = maxPages
        let statements: [XAPIStatement]
        do {
            statements = try client.fetchAll()
        } catch let failure as LRSClient.Failure {
            throw CommandFailure(failure.description)
        }
        return (XAPIImporter(homePage: settings.homePage).records(from: statements), [])
    }

    /// `text` without control and format characters, for a one-line message.
    static func printable(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { scalar in
            let category = scalar.properties.generalCategory
            return category != .control && category != .format && category != .lineSeparator
                && category != .paragraphSeparator
        }
        return String(String.UnicodeScalarView(kept.prefix(80)))
    }

    func run() throws {
        if perModule && format != .csv { throw UsageFailure("--per-module needs --format csv") }
        if seal && (format != .html || lrs != nil) {
            throw UsageFailure("--seal needs --format html over a data folder")
        }
        if by != nil && !seal { throw UsageFailure("--by goes with --seal") }
        // Who seals is checked before any work, so a missing identity never costs a report.
        let sealer = try seal ? SealCommand.sealer(by: by, environment: ProcessInfo.processInfo.environment) : nil
        let now = try asOf.now()
        // config.yaml's `team` is the default for --team (docs/config.md, `lernpfad config`).
        let team = try self.team ?? SettingsFile.load(environment: ProcessInfo.processInfo.environment).team
        let catalog = try common.loadCatalog(now: now)
        let chosenLanguage = try DocumentLanguage.validated(language, catalog: catalog)
        let report: TeamReport
        let knownTeams: Set<String>
        if let lrs {
            let (records, skipped) = try fromLRS(lrs)
            knownTeams = Set(records.compactMap(\.learner.team))
            report = TeamReport(records: records, skipped: skipped, catalog: catalog, now: now, team: team)
        } else {
            // A folder that is missing or cannot be read is an error, never an empty team.
            try common.store.requireFolder()
            // Each file becomes its row as it is read: ten thousand records are never held at once.
            let (contributions, skipped) = common.store.readAll { record in
                TeamReport.contribution(of: record, catalog: catalog, now: now)
            }
            knownTeams = Set(contributions.compactMap(\.row.team))
            report = TeamReport(
                contributions: contributions, skipped: skipped, catalog: catalog, now: now, team: team)
        }
        // --team ignores case; a team nobody is in is a typo, not an empty team: name the teams there are.
        if let team, !knownTeams.contains(where: { TeamReport.teamMatches($0, team) }) {
            let list = knownTeams.sorted { TeamReport.naturalKey($0) < TeamReport.naturalKey($1) }
                .map(Self.printable).joined(separator: ", ")
            throw CommandFailure("no learner in team \(Self.printable(team)); teams: \(list.isEmpty ? "none" : list)")
        }
        let skipped = report.skipped
        let data: Data
        let kind: Output.Document
        switch format {
        case .table: (data, kind) = (Data((report.table(catalog: catalog) + "\n").utf8), .text)
        case .csv:
            let text = report.csv(excel: excel, perModule: perModule, catalog: catalog, language: chosenLanguage)
            (data, kind) = (Data(text.utf8), .csv)
        case .html: (data, kind) = (Data(report.html(catalog: catalog, language: chosenLanguage).utf8), .html)
        case .json: (data, kind) = (report.jsonData(), .json)
        }
        if let output {
            // A temp file beside it, renamed over a regular file or nothing: never through or over a link, FIFO
            // or device; 0600, or 0640 in a shared folder (docs/sharing.md). The same bytes as on stdout.
            try AtomicFile.write(Output.safe(data, as: kind), to: output)
        } else {
            Output.document(data, as: kind)
        }
        if let sealer {
            let outcome = try SealCommand.seal(
                dataFolder: common.locations.data, identity: sealer, environment: ProcessInfo.processInfo.environment)
            Output.error(SealCommand.describe(outcome))
        }
        if format != .table {
            for file in skipped {
                Output.error(
                    "skipped \(file.file.escapedForMessage(limit: 300)): \(file.reason.escapedForMessage(limit: 300))")
            }
        }
    }
}
