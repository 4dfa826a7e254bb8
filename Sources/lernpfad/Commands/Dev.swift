import ArgumentParser
import Foundation
import Glibc
import LernpfadCore

/// Hidden helpers for tests and benchmarks; not part of the contract.
struct Dev: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Helpers for tests and benchmarks.", shouldDisplay: false,
        subcommands: [AppendEvents.self, CrashBeforeRename.self])

    /// Appends events one save at a time, printing each event id once its save is durable.
    struct AppendEvents: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "append-events")

        @OptionGroup var common: CommonOptions

        @Option var learner: String

        @Option var count: Int = 1

        @Option(help: "A tag stored in each event's lesson field, to tell writers apart.")
        var tag: String = "dev"

        func run() throws {
            for index in 0..<count {
                let event = LearnerEvent(at: Date(), kind: .lessonOpened, module: "dev", lesson: "\(tag)-\(index)")
                try common.store.append([event], to: learner)
                Output.line(event.id.uuidString)
            }
        }
    }

    /// Appends one event and dies between writing the temp file and the rename, as a power cut would.
    struct CrashBeforeRename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "crash-before-rename")

        @OptionGroup var common: CommonOptions

        @Option var learner: String

        func run() throws {
            let path = try common.store.path(for: learner)
            var record = try common.store.read(learner)
            record.events.append(LearnerEvent(at: Date(), kind: .lessonOpened, module: "dev", lesson: "lost"))
            try AtomicFile.write(LearnerFileCodec.encode(record), to: path, beforeRename: { _exit(137) })
        }
    }
}
