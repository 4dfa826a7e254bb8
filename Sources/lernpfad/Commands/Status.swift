import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad status`: one learner's paths, milestones and due dates.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one learner's paths, milestones and due dates.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "The learner (default: the only learner in the data folder).")
    var learner: String?

    @Option(help: "text or json")
    var format: TextOrJSON = .text

    @Flag(help: "One line for a shell prompt or a login message: what is overdue or due soon, and the next date.")
    var short = false

    func run() throws {
        let now = try asOf.now()
        if short { return try shortLine(now: now) }
        let id = try DefaultLearner.resolve(learner, store: common.store)
        let record = try common.store.read(id)
        let report = StatusReport(record: record, catalog: try common.loadCatalog(now: now), now: now)
        switch format {
        case .text: Output.line(report.text)
        case .json: try Output.json(report)
        }
    }

    static let noLearner = "lernpfad: no learner yet; enrol with 'lernpfad learner add' or start 'lernpfad'"

    /// `--short`: one line, also when there is no learner (a login message must not fail), and fast: quizzes are
    /// not read, since no state depends on their questions.
    private func shortLine(now: Date) throws {
        guard format == .text else { throw UsageFailure("--short prints one line of text; leave out --format") }
        let id: String
        do {
            id = try DefaultLearner.resolve(learner, store: common.store)
        } catch is CommandFailure {
            // No learner in the data folder: say so in the one line.
            Output.line(Self.noLearner)
            return
        } catch StoreError.folderMissing {
            Output.line(Self.noLearner)
            return
        }
        let record = try common.store.read(id)
        let catalog = try common.loadCatalog(now: now, quiet: true, deferQuizzes: true)
        Output.line(StatusReport(record: record, catalog: catalog, now: now).shortLine)
    }
}

/// Which learner a command means when `--learner` is not given.
enum DefaultLearner {
    static func resolve(_ id: String?, store: LearnerStore) throws -> String {
        if let id {
            guard Identifier.isValidLearnerID(id) else {
                throw UsageFailure(StoreError.invalidLearnerID(id).description)
            }
            return id
        }
        try store.requireFolder()
        let ids = store.learnerIDs()
        switch ids.count {
        case 1: return ids[0]
        case 0: throw CommandFailure("no learners in \(store.learnersFolder); enrol one with 'lernpfad learner add'")
        default: throw UsageFailure("\(ids.count) learners in \(store.learnersFolder); say which with --learner ID")
        }
    }
}
