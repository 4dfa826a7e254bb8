import ArgumentParser
import Foundation
import LernpfadCore
import LernpfadSession
import LernpfadUI

/// `lernpfad snapshot`: the TUI without curses; replays keys and prints the final screen as plain text.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the TUI headless: replay keys, print the final screen as text (for tests, docs, bug reports).",
        discussion: """
            KEY NOTATION (--keys): keys are written as the characters they type, so 'jjq' is j, j, q. Special \
            keys go in angle brackets: <enter> (also <cr>, <ret>, or a line break), <esc> (<escape>), <up> \
            <down> <left> <right>, <pgup> (<pageup>), <pgdn> (<pagedown>), <home> <end>, <bs> (<backspace>), \
            <tab>, <space>, <c-x> for Ctrl plus a letter, <wheelup> <wheeldown>, <click:ROW,COLUMN> (0-based) \
            and <resize:WxH>. '<<' is a literal '<'; an unknown name in brackets is a usage error. \
            Example: --keys 'jj<enter><pgdn>q' moves down twice, opens, pages down and quits.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "The learner, as for the TUI.")
    var learner: String?

    @Option(help: "The screen size WxH.")
    var size: String = "80x24"

    @Option(help: "Keys to replay, e.g. 'jj<enter><pgdn>q' (see KEY NOTATION in the overview).")
    var keys: String = ""

    @Flag(help: "Change nothing in the data folder.")
    var noSave = false

    @Flag(help: "Start in the team view.")
    var team = false

    @Flag(help: .hidden)
    var renderEveryKey = false

    /// For benchmarks: the mean time of a key and its frame, measured in the process, from this key on (0-based),
    /// so that start-up and the keys that load something are left out.
    @Option(help: .hidden)
    var reportKeyTimeFrom: Int?

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
        let model = try SessionStart.initialModel(
            catalog: catalog, store: common.store, learner: learner, environment: ProcessInfo.processInfo.environment,
            width: width, height: height, now: fixedNow ?? Date())
        if !noSave, let id = model.record?.learner.id { common.store.removeLeftovers(of: id) }
        var runner = AppRunner(
            model: model, store: common.store, loader: ResourceLoader(catalog: catalog, store: common.store),
            saves: !noSave)
        runner.handle(.resize(width: width, height: height), now: fixedNow ?? Date())
        if team { runner.send(.openTeamView, now: fixedNow ?? Date()) }
        let clock = ContinuousClock()
        var started = clock.now
        var handled = 0
        for (index, key) in keyList.enumerated() {
            if index == reportKeyTimeFrom { started = clock.now }
            runner.handle(key, now: fixedNow ?? Date())
            // As the TUI does: a frame after every key (benchmarks measure key plus frame this way).
            if renderEveryKey || reportKeyTimeFrom != nil { _ = runner.render() }
            if index >= reportKeyTimeFrom ?? 0 { handled += 1 }
            if runner.model.isFinished { break }
        }
        if reportKeyTimeFrom != nil, handled > 0 {
            let elapsed = started.duration(to: clock.now)
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            Output.error(
                String(format: "keys: %d, per key with its frame: %.4f ms", handled, milliseconds / Double(handled)))
        }
        runner.finish(now: fixedNow ?? Date())
        Output.line(runner.render().plainText)
    }
}
