import ArgumentParser
import Foundation
import LernpfadCore

/// The `lernpfad` command: the TUI by default, and the subcommands of the command-line contract.
@main
struct Lernpfad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lernpfad",
        abstract: "A terminal learning-path tracker for AI literacy (EU AI Act Art. 4).",
        version: "0.1.0",
        subcommands: [
            Open.self, Init.self, Validate.self, CatalogCommand.self, New.self, LearnerCommand.self, Status.self,
            Explain.self, Attest.self, Waive.self, Due.self, Team.self, DossierCommand.self, CertificateCommand.self,
            VerifyCertificate.self, SealCommand.self, Verify.self, Forget.self, Export.self, Sync.self,
            Snapshot.self, Preview.self, Read.self,
            ConfigCommand.self, Dev.self,
        ],
        defaultSubcommand: Open.self)

    /// Runs a command and maps failures to the exit codes of the contract: 1 own failure, 2 usage.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Output.error("lernpfad: \(failure.message)")
            Foundation.exit(1)
        } catch let failure as UsageFailure {
            Output.error("lernpfad: \(failure.message)")
            Foundation.exit(2)
        } catch let failure as StoreError {
            Output.error("lernpfad: \(failure.description)")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Output.line(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == .validationFailure {
                Output.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { Output.error("lernpfad: \(message)") }
            Foundation.exit(code.rawValue == 0 ? 0 : 1)
        }
    }
}
