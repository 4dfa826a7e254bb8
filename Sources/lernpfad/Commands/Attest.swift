import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad attest`: records a practical milestone for a learner.
struct Attest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a practical milestone (a workshop attended, a risk analysis done).")

    @OptionGroup var common: CommonOptions

    @Option(help: "The learner who reached the milestone.")
    var learner: String

    @Option(help: "The milestone id, from a path's milestones.")
    var milestone: String

    @Option(help: "A note, e.g. the workshop's date and topic.")
    var note: String?

    @Option(help: "Who attests it (default: $USER).")
    var by: String?

    func run() throws {
        guard Identifier.isValidLearnerID(learner) else {
            throw UsageFailure(StoreError.invalidLearnerID(learner).description)
        }
        let now = Date()
        let catalog = try common.loadCatalog(now: now)
        guard let (path, _) = catalog.milestone(milestone) else {
            let known = catalog.paths.flatMap { $0.milestones.map(\.id) }
            throw UsageFailure("unknown milestone '\(milestone)'; the content has: \(known.joined(separator: ", "))")
        }
        let record = try common.store.read(learner)
        guard record.learner.roles.contains(path.role) else {
            throw CommandFailure(
                "milestone '\(milestone)' belongs to the \(path.role) path, and \(learner) does not have that role")
        }
        let attester = by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        let event = LearnerEvent(at: now, kind: .attested, milestone: milestone, by: attester, note: note)
        try common.store.append([event], to: learner)
        Output.line("attested \(milestone) for \(learner) by \(attester)")
    }
}
