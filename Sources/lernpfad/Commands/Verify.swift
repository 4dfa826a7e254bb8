import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad verify`: checks every learner's hash chain and every seal (docs/evidence.md).
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that no learner record was changed: every hash chain, every seal and its signature.",
        discussion: """
            Exit 0 with a one-line summary when everything holds; otherwise every learner's first break (what \
            changed, at which event) and exit 1. Files of schema 1 have no chain yet: a warning, not a break.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: "Only this learner (the seals are checked all the same).")
    var learner: String?

    @Option(help: "text or json")
    var format: TextOrJSON = .text

    func run() throws {
        if let learner, !Identifier.isValidLearnerID(learner) {
            throw UsageFailure(StoreError.invalidLearnerID(learner).description)
        }
        let store = common.store
        if learner == nil { try store.requireFolder() }
        let report = Verifier.verify(dataFolder: common.locations.data, learner: learner)
        switch format {
        case .json:
            try Output.json(report)
        case .text:
            for id in report.notChained {
                Output.error("warning: learner \(id): not chained yet (schema 1); its next save chains it")
            }
            for found in report.breaks { Output.line(found.description) }
            Output.line("verify: " + report.summary)
        }
        if !report.isClean { throw ExitCode(1) }
    }
}
