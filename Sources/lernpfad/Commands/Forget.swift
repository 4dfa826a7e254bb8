import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad forget`: removes a learner's file (a privacy request, someone leaving).
struct Forget: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete a learner's file after a confirmation, and say where else their data may be.")

    @OptionGroup var common: CommonOptions

    @Option(help: "The learner to forget.")
    var learner: String

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        guard Identifier.isValidLearnerID(learner) else {
            throw UsageFailure(StoreError.invalidLearnerID(learner).description)
        }
        let path = try common.store.path(for: learner)
        guard common.store.exists(learner) else { throw StoreError.learnerNotFound(id: learner, path: path) }
        if !yes {
            Output.prompt("Delete \(path) and all of \(learner)'s progress? Type 'yes': ")
            guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                throw CommandFailure("not confirmed; nothing was deleted")
            }
        }
        try common.store.remove(learner)
        Output.line("deleted \(path)")
        Output.line(
            "note: statements already sent to a Learning Record Store (lernpfad sync) stay there; "
                + "ask its operator to delete the statements of account '\(learner)'. "
                + "Copies of the data folder (backups, synced or git folders) may also still hold the file.")
    }
}
