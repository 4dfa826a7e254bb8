import ArgumentParser
import Foundation
import LernpfadCore
import LernpfadUI

/// `lernpfad snapshot`: the TUI without curses; replays keys and prints the final screen as plain text.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the TUI headless: replay keys, print the final screen as text (for tests, docs, bug reports).")

    @OptionGroup var common: CommonOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "The learner, as for the TUI.")
    var learner: String?

    @Option(help: "The screen size WxH.")
    var size: String = "80x24"

    @Option(help: "Keys to replay, e.g. 'jj<enter><pgdn>q'. See 'lernpfad snapshot --help'.")
    var keys: String = ""

    @Flag(help: "Change nothing in the data folder.")
    var noSave = false

    @Flag(help: "Start in the team view.")
    var team = false

    @Flag(help: .hidden)
    var renderEveryKey = false

    func run() throws {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), (1...1000).contains(width),
            (1...1000).contains(height)
        else { throw ValidationError("--size '\(size)' must look like 80x24") }
        let keyList: [Key]
        switch Key.parseSequence(keys) {
        case .success(let parsed): keyList = parsed
        case .failure(let error): throw ValidationError(error.description)
        }
        let fixedNow = asOf.asOf == nil ? nil : try asOf.now()
        let catalog = try common.loadCatalog(now: fixedNow ?? Date(), deferQuizzes: true)
        let state = try SessionStart.initialState(
            catalog: catalog, store: common.store, learner: learner, environment: ProcessInfo.processInfo.environment,
            width: width, height: height)
        if !noSave, let id = state.record?.learner.id { common.store.removeLeftovers(of: id) }
        var runner = AppRunner(
            state: state, store: common.store, environment: .live(catalog: catalog, store: common.store), saves: !noSave
        )
        AppModel.prepare(&runner.state, environment: runner.environment)
        if team, runner.state.record != nil { runner.openTeam() }
        for key in keyList {
            runner.handle(key, now: fixedNow ?? Date())
            // As the TUI does: a frame after every key (benchmarks measure key plus frame this way).
            if renderEveryKey { _ = runner.render(now: fixedNow ?? Date()) }
            if runner.state.isFinished { break }
        }
        Output.line(runner.render(now: fixedNow ?? Date()).plainText)
    }
}
