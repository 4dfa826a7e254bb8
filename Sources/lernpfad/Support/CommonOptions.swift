import ArgumentParser
import Foundation
import LernpfadCore

/// `--content` and `--data`, taken by every command.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder (default: $LERNPFAD_CONTENT, else the shipped Content).")
    var content: String?

    @Option(name: .long, help: "The data folder (default: $LERNPFAD_DATA, else $XDG_DATA_HOME/lernpfad).")
    var data: String?

    var locations: Locations {
        Locations.resolve(content: content, data: data, environment: ProcessInfo.processInfo.environment)
    }

    var store: LearnerStore { LearnerStore(dataFolder: locations.data) }

    /// Loads the content folder, or fails with a one-line message when there is none.
    func loadContent(now: Date, deferQuizzes: Bool = false) throws -> ContentLoadResult {
        let folder = locations.content
        guard FileManager.default.fileExists(atPath: folder + "/course.yaml") else {
            throw CommandFailure("\(folder): no course.yaml here; pass --content DIR or set LERNPFAD_CONTENT")
        }
        return ContentLoader(root: folder, today: CalendarDay(now), deferQuizzes: deferQuizzes).load()
    }

    /// Loads the catalog; broken modules are skipped with a one-line notice on stderr.
    func loadCatalog(now: Date, quiet: Bool = false, deferQuizzes: Bool = false) throws -> Catalog {
        let folder = locations.content
        let result = try loadContent(now: now, deferQuizzes: deferQuizzes)
        if !quiet && !result.skippedModules.isEmpty {
            let names = result.skippedModules.joined(separator: ", ")
            Output.error(
                "warning: \(folder): skipped broken module(s) \(names); run 'lernpfad validate' for details")
        }
        return result.catalog
    }
}

/// Output formats for commands that print data.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// A point in time given as `--as-of`.
struct AsOfOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"), help: "Evaluate as of this date (YYYY-MM-DD = end of that day, UTC) or timestamp.")
    var asOf: String?

    func now() throws -> Date {
        guard let asOf else { return Date() }
        guard let date = Timestamp.parseAsOf(asOf) else {
            throw ValidationError("--as-of '\(asOf)' is not a date YYYY-MM-DD or an ISO 8601 timestamp")
        }
        return date
    }
}
