import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad [--learner ID]`: the TUI, the default when no subcommand is given.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the learning TUI (the default command).")

    @OptionGroup var common: CommonOptions

    @Option(help: "Open the TUI for this learner (shared machines, training rooms).")
    var learner: String?

    func run() throws {
        throw CommandFailure("the TUI is not built yet; try 'lernpfad status' or 'lernpfad --help'")
    }
}
