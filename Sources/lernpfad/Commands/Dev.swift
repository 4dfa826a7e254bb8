import ArgumentParser
import Foundation
import Glibc
import LernpfadCore
import LernpfadSession
import LernpfadUI

/// Hidden helpers for tests and benchmarks; not part of the contract.
struct Dev: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Helpers for tests and benchmarks.", shouldDisplay: false,
        subcommands: [
            AppendEvents.self, CrashBeforeRename.self, Explore.self, GenerateCatalog.self, GenerateTeam.self,
        ])

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
            try LearnerChain.link(&record)
            try AtomicFile.write(LearnerFileCodec.encode(record), to: path, beforeRename: { _exit(137) })
        }
    }

    /// Writes a deterministic synthetic team folder, for benchmarks and load tests.
    struct GenerateTeam: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "generate-team")

        @OptionGroup var common: CommonOptions

        @Option var learners: Int = 100

        @Option var seed: UInt64 = 1

        @Option(help: "The day the synthetic history ends (YYYY-MM-DD).")
        var until: String = "2026-11-20"

        func run() throws {
            let catalog = try common.loadCatalog(now: Date())
            guard let end = CalendarDay(until)?.startOfDay else { throw ValidationError("--until must be YYYY-MM-DD") }
            try AtomicFile.makeFolder(common.store.learnersFolder)
            var random = SeededGenerator(seed: seed)
            let teams = ["marketing", "sales", "hr", "finance", "it", "legal", "service", "product"]
            for index in 0..<learners {
                let id = String(format: "learner-%05d", index)
                var roles = ["staff"]
                let extra = catalog.roles.filter { $0 != "staff" }
                if !extra.isEmpty, random.next() % 4 == 0 {
                    roles.append(extra[Int(random.next() % UInt64(extra.count))])
                }
                let profile = LearnerProfile(
                    id: id, name: "Learner \(index)", team: teams[Int(random.next() % UInt64(teams.count))],
                    roles: roles,
                    language: random.next() % 3 == 0 ? .english : .german)
                var record = LearnerRecord(learner: profile)
                var time = end.addingTimeInterval(-Double(random.next() % (400 * 86_400)))
                let modules = catalog.path("staff")?.modules.compactMap { catalog.module($0) } ?? []
                outer: for module in modules {
                    for lesson in module.lessons {
                        time += Double(random.next() % 3_600)
                        guard record.events.count < 48, time < end else { break outer }
                        record.events.append(
                            LearnerEvent(
                                at: time, kind: .lessonOpened, module: module.id, moduleVersion: module.version,
                                lesson: lesson.id))
                        record.events.append(
                            LearnerEvent(
                                at: time + 300, kind: .lessonCompleted, module: module.id,
                                moduleVersion: module.version,
                                lesson: lesson.id))
                    }
                    guard let quiz = module.quiz, time < end else { continue }
                    let answers = quiz.questions.map { question in
                        let right = random.next() % 5 != 0
                        return LearnerEvent.Answer(
                            question: question.id, chosen: right ? question.correct : [question.choices[0].id],
                            correct: right && question.isCorrect(question.correct))
                    }
                    let score = Double(answers.filter(\.correct).count) / Double(max(1, answers.count))
                    record.events.append(
                        LearnerEvent(
                            at: time + 900, kind: .quizAttempted, module: module.id, moduleVersion: module.version,
                            score: score, passed: quiz.passes(score: score), answers: answers, seed: random.next()))
                }
                // Chained as the store writes them, so that benchmarks read files of the current schema.
                let data = try LearnerFileCodec.encode(LearnerChain.linked(record))
                try data.write(to: URL(fileURLWithPath: try common.store.path(for: id)))
            }
            Output.line("wrote \(learners) learner(s) to \(common.store.learnersFolder)")
        }
    }

    /// Writes a deterministic synthetic content folder (see `CatalogGenerator`), for benchmarks and load tests.
    struct GenerateCatalog: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "generate-catalog")

        @Option var modules: Int = 100

        @Option var seed: UInt64 = 1

        @Option(help: "The folder to write; it must not exist yet or be empty.")
        var output: String

        func run() throws {
            guard modules > 0 else { throw ValidationError("--modules must be at least 1") }
            let manager = FileManager.default
            // Writing into an older catalog would leave its extra modules behind and mix two seeds.
            if let existing = try? manager.contentsOfDirectory(atPath: output), !existing.isEmpty {
                throw CommandFailure("\(output): folder is not empty")
            }
            var generator = CatalogGenerator(modules: modules, seed: seed)
            var folders = Set<String>()
            try generator.generate { relative, text in
                let path = output + "/" + relative
                let folder = (path as NSString).deletingLastPathComponent
                if folders.insert(folder).inserted {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            }
            Output.line("wrote \(modules) module(s) to \(output)")
        }
    }
}
