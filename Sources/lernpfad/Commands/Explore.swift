import ArgumentParser
import Foundation
import LernpfadCore
import LernpfadSession
import LernpfadUI

extension Dev {
    /// Explores the TUI with generated key sequences: in this process with every invariant, or against another
    /// build's `snapshot` to find crashes (a trap there is an exit status of 128 or more).
    struct Explore: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explore")

        @OptionGroup var common: CommonOptions

        @Option(help: "The first seed; each run of sequences uses seed, seed+1, ...")
        var seed: UInt64 = 1

        @Option var sequences: Int = 200

        @Option var length: Int = 60

        @Option(help: "Run each sequence through this lernpfad binary's snapshot command instead of in process.")
        var against: String?

        @Option(help: "The learner for --against (must exist in --data).")
        var learner: String = "explorer"

        @Option(help: "Stop after this many seconds, whatever the number of sequences.")
        var seconds: Double?

        func run() throws {
            let all = KeyExplorer.sequences(seed: seed, count: sequences, length: length)
            let started = Date()
            if let binary = against {
                let fails: ([Key]) -> Bool = { keys in
                    runSnapshot(binary, keys: keys) >= 128
                }
                for (index, keys) in all.enumerated() where fails(keys) {
                    let shrunk = KeyExplorer.shrink(keys, fails: fails)
                    Output.line(
                        "sequence \(index) of seed \(seed) traps \(binary) (exit \(runSnapshot(binary, keys: shrunk))); "
                            + "shrunk from \(keys.count) to \(shrunk.count) keys: --keys '\(KeyExplorer.notation(shrunk))'"
                    )
                    throw ExitCode(1)
                }
                Output.line("\(all.count) sequences, no trap, \(Int(Date().timeIntervalSince(started))) s")
                return
            }
            let now = Date()
            let catalog = try common.loadCatalog(now: now, quiet: true, deferQuizzes: true)
            let store = common.store
            let data = common.store.dataFolder
            let checker = InvariantChecker {
                try? FileManager.default.removeItem(atPath: data + "/learners")
                let profile = LearnerProfile(
                    id: learner, name: "Explorer", team: "Team", roles: catalog.roles, language: .german)
                try? store.create(LearnerRecord(learner: profile))
                let model = AppModel(
                    catalog: catalog, record: (try? store.read(learner)) ?? LearnerRecord(learner: profile),
                    width: 80, height: 24, now: now)
                return AppRunner(
                    model: model, store: store, loader: ResourceLoader(catalog: catalog, store: store), saves: true)
            }
            var keys = 0
            var done = 0
            for sequence in all {
                if let seconds, Date().timeIntervalSince(started) > seconds { break }
                done += 1
                keys += sequence.count
                if let failure = checker.check(sequence, now: now) {
                    let shrunk = KeyExplorer.shrink(failure.keys) {
                        checker.check($0, now: now)?.invariant == failure.invariant
                    }
                    Output.line("\(failure.invariant), shrunk to --keys '\(KeyExplorer.notation(shrunk))'")
                    throw ExitCode(1)
                }
            }
            let seconds = Date().timeIntervalSince(started)
            Output.line(
                "\(done) sequences, \(keys) keys, every invariant held, "
                    + String(format: "%.1f s (%.2f ms per key)", seconds, seconds * 1000 / Double(max(1, keys))))
        }

        /// Runs `binary snapshot --no-save --keys` with this command's content and data; returns its exit status.
        func runSnapshot(_ binary: String, keys: [Key]) -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = [
                "snapshot", "--no-save", "--learner", learner, "--content", common.locations.content, "--data",
                common.store.dataFolder, "--keys", KeyExplorer.notation(keys),
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return -1 }
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal
                ? 128 + process.terminationStatus : process.terminationStatus
        }
    }
}
