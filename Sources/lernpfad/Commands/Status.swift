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

    func run() throws {
        let now = try asOf.now()
        let id = try DefaultLearner.resolve(learner, store: common.store)
        let record = try common.store.read(id)
        let report = StatusReport(record: record, catalog: try common.loadCatalog(now: now), now: now)
        switch format {
        case .text: Output.line(report.text)
        case .json: try Output.json(report)
        }
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
