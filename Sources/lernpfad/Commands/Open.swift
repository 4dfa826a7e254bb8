import ArgumentParser
import Foundation
import LernpfadCore
import LernpfadTerminal
import LernpfadUI

/// `lernpfad [--learner ID]`: the TUI, the default when no subcommand is given.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the learning TUI (the default command).")

    @OptionGroup var common: CommonOptions

    @Option(help: "Open the TUI for this learner (shared machines, training rooms).")
    var learner: String?

    @Flag(help: "Start in the team view (ambassadors, leaders, AI managers).")
    var team = false

    func run() throws {
        guard isTerminal(0), isTerminal(1) else {
            throw CommandFailure(
                "standard input or output is not a terminal; the TUI needs one. "
                    + "Use 'lernpfad status' for a report or 'lernpfad snapshot' to render a screen as text")
        }
        let environment = ProcessInfo.processInfo.environment
        let content = try common.loadContent(now: Date(), deferQuizzes: true)
        var state = try SessionStart.initialState(
            catalog: content.catalog, store: common.store, learner: learner, environment: environment, width: 80,
            height: 24)
        if !content.skippedModules.isEmpty {
            state.banner = "⚠ \(content.skippedModules.joined(separator: ", ")): 'lernpfad validate'"
        }
        let useColor = (environment["NO_COLOR"] ?? "").isEmpty
        let screen = try TerminalScreen.start(useColor: useColor)
        defer { screen.stop() }
        if let id = state.record?.learner.id { common.store.removeLeftovers(of: id) }
        var runner = AppRunner(
            state: state, store: common.store, environment: .live(catalog: content.catalog, store: common.store),
            saves: true)
        runner.handle(.resize(width: screen.size.width, height: screen.size.height), now: Date())
        if team, runner.state.record != nil { runner.openTeam() }
        screen.draw(runner.render(now: Date()))
        while !runner.state.isFinished && TerminalSignals.pendingSignal == nil {
            guard let key = screen.nextKey(timeoutMilliseconds: 200) else { continue }
            runner.handle(key, now: Date())
            if !runner.state.isFinished { screen.draw(runner.render(now: Date())) }
        }
        screen.stop()
    }
}
