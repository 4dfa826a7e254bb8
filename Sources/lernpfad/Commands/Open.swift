import ArgumentParser
import Foundation
import LernpfadCore
import LernpfadSession
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
        var model = try SessionStart.initialModel(
            catalog: content.catalog, store: common.store, learner: learner, environment: environment, width: 80,
            height: 24, now: Date())
        if team, let record = model.record, !model.canSeeTeam {
            throw CommandFailure(
                "learner '\(record.learner.id)' has no role that sees the team view (ambassador, leader, ai-manager)")
        }
        if !content.skippedModules.isEmpty {
            model.banner = "⚠ \(content.skippedModules.joined(separator: ", ")): 'lernpfad validate'"
        }
        let useColor = (environment["NO_COLOR"] ?? "").isEmpty
        // config.yaml: the mouse, the glyphs and other keys. A key map that cannot work stops here, in one line.
        let settings = try SettingsFile.load(environment: environment)
        switch KeyMap.parse(settings.keys) {
        case .success(let keyMap): model.keyMap = keyMap
        case .failure(let problem):
            throw CommandFailure("\(SettingsFile.path(environment: environment)): \(problem)")
        }
        model.mouseCaptured = settings.mouse
        let glyphs = GlyphPreference(rawValue: settings.glyphs) ?? .auto
        let screen = try TerminalScreen.start(useColor: useColor, mouse: settings.mouse, glyphs: glyphs)
        defer { screen.stop() }
        if let id = model.record?.learner.id { common.store.removeLeftovers(of: id) }
        var runner = AppRunner(
            model: model, store: common.store, loader: ResourceLoader(catalog: content.catalog, store: common.store),
            saves: true)
        runner.handle(.resize(width: screen.size.width, height: screen.size.height), now: Date())
        if team { runner.send(.openTeamView, now: Date()) }
        screen.draw(runner.render())
        while !runner.model.isFinished && TerminalSignals.pendingSignal == nil {
            guard let key = screen.nextKey(timeoutMilliseconds: 200) else { continue }
            runner.handle(key, now: Date())
            if !runner.model.isFinished { screen.draw(runner.render()) }
        }
        let unsaved = runner.finish(now: Date())
        screen.stop()
        if unsaved > 0 {
            throw CommandFailure(
                "\(unsaved) change(s) could not be saved: \(runner.model.saveProblem ?? "the learner file is not writable")"
            )
        }
    }
}
