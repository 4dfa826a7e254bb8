import ArgumentParser
import Foundation
import LernpfadCore

extension LearnerCommand {
    /// `lernpfad learner email ID [ADDRESS] [--remove]`: the address `due --format mail` writes to.
    struct Email: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set, show or remove a learner's mail address (for 'lernpfad due --format mail').")

        @OptionGroup var common: CommonOptions

        @Argument(help: "The learner id.")
        var id: String

        @Argument(help: "The address, e.g. anna@example.org; without it, the current one is shown.")
        var address: String?

        @Flag(help: "Remove the address.")
        var remove = false

        func run() throws {
            try KnownLearners.require([id], in: common.store)
            if remove && address != nil { throw UsageFailure("give an address or --remove, not both") }
            guard remove || address != nil else {
                let record = try common.store.read(id)
                Output.line(record.learner.email.map { $0.escapedForMessage() } ?? "\(id) has no email")
                return
            }
            var value: String?
            if let address {
                let trimmed = address.trimmingCharacters(in: .whitespaces)
                guard MailAddress.isValid(trimmed) else {
                    throw UsageFailure(
                        "'\(address.escapedForMessage())' is not a plain mail address local@domain (ASCII only)")
                }
                value = trimmed
            }
            _ = try common.store.update(id) { record in record.learner.email = value }
            Output.line(value.map { "\(id): email \($0)" } ?? "\(id): email removed")
        }
    }
}
