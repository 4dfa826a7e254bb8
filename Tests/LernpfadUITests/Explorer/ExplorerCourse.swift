import Foundation
import LernpfadCore
import LernpfadSession
import LernpfadUI

/// Courses and starting points for the key explorer: the shipped course and a hostile one.
enum ExplorerCourse {
    static let now = Timestamp.parse("2026-12-01T10:00:00Z")!

    /// The repository's Content folder.
    static let shippedFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Content").path

    /// A copy of the shipped course with a broken quiz, an empty module, a huge lesson and escape sequences.
    static let hostileFolder: String = {
        let root = NSTemporaryDirectory() + "lernpfad-hostile-\(getpid())"
        try? FileManager.default.removeItem(atPath: root)
        try! FileManager.default.copyItem(atPath: shippedFolder, toPath: root)
        func write(_ path: String, _ text: String) {
            let file = root + "/" + path
            try! FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        // YAML itself refuses raw control characters, so the manifests carry them as YAML escapes (\e, \a,
        // \u202E), which the loader turns into the real characters; the lessons carry them raw.
        func manifest(_ id: String, title: String) -> String {
            """
            id: \(id)
            version: 1.0.0
            title: {de: "\(title)", en: "\(title)"}
            summary: {de: "Feindlich \\e[31m rot", en: "Hostile \\e]0;x\\a title"}
            minutes: 5
            level: basic
            objectives:
              - {de: Ziel, en: Objective}
            prerequisites: []
            sources:
              - title: "Regulation (EU) 2024/1689, Art. 4"
            reviewed: 2026-11-01
            review_by: 2027-11-01

            """
        }
        let lesson = "# Titel\n\nText\n"
        write("modules/broken-quiz/module.yaml", manifest("broken-quiz", title: "Kaputt"))
        write("modules/broken-quiz/01-one.de.md", lesson)
        write("modules/broken-quiz/01-one.en.md", lesson)
        write("modules/broken-quiz/quiz.yaml", "pass_mark: [unclosed\nquestions: {\n")
        write("modules/empty/module.yaml", manifest("empty", title: "Leer"))
        write("modules/huge/module.yaml", manifest("huge", title: "Riesig \\e[2J\\u202Eevil"))
        let huge =
            "# Riesig\n\n"
            + (1...2_600).map { "Zeile \($0) mit \u{1B}[1mText\u{07} und \u{9B}31m." }
            .joined(separator: "\n\n") + "\n\n" + String(repeating: "x", count: 20_000) + "\n"
        write(
            "modules/huge/quiz.yaml",
            """
            pass_mark: 0.5
            questions:
              - id: q1
                type: single
                prompt: {de: "Frage \\e[5m eins?", en: "Question \\u202E one?"}
                choices:
                  - id: a
                    text: {de: Ja, en: "Yes"}
                  - id: b
                    text: {de: Nein, en: "No"}
                correct: [a]
                explanation: {de: Weil., en: Because.}

            """)
        write("modules/huge/01-huge.de.md", huge)
        write("modules/huge/01-huge.en.md", huge)
        let staff = try! String(contentsOfFile: root + "/paths/staff.yaml", encoding: .utf8)
        // The hostile modules go first in the staff path, whether it lists its modules in flow or block style, so
        // that the explorer reaches them by the path as a learner would, not only through search.
        let hostile = ["huge", "broken-quiz", "empty"]
        let path = staff.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("modules:") else { return String(line) }
            if let open = line.firstIndex(of: "[") {
                return "modules: [" + hostile.joined(separator: ", ") + ", " + line[line.index(after: open)...]
            }
            return "modules:\n" + hostile.map { "  - \($0)" }.joined(separator: "\n")
        }
        write("paths/staff.yaml", path.joined(separator: "\n"))
        return root
    }()

    /// The course in `folder`, quizzes read on first use as in the TUI.
    static func catalog(_ folder: String) -> Catalog {
        ContentLoader(root: folder, today: CalendarDay(now), deferQuizzes: true).load().catalog
    }

    /// The same catalog with every deferred quiz replaced by a tripwire: the model must never read a file.
    static func tripwired(_ catalog: Catalog, _ tripwire: Tripwire) -> Catalog {
        let modules = catalog.modules.map { module -> Module in
            var module = module
            if case .deferred(let deferred) = module.quizSource {
                module.quizSource = .deferred(
                    DeferredQuiz(file: deferred.file) {
                        tripwire.trip()
                        return (nil, [Diagnostic(.error, deferred.file, "read by the model")])
                    })
            }
            return module
        }
        return Catalog(course: catalog.course, paths: catalog.paths, modules: modules, root: catalog.root)
    }

    /// Where a sequence starts.
    enum Start: String, CaseIterable, Sendable {
        case staffAndAmbassador, leaderAndManager, newLearner, picker
    }

    /// A runner factory: each call gives a fresh data folder holding the start's learners.
    static func makeRunner(
        _ start: Start, folder: String, data: String, tripwire: Tripwire
    ) -> @Sendable () -> AppRunner {
        let real = catalog(folder)
        let modelCatalog = tripwired(real, tripwire)
        let store = LearnerStore(dataFolder: data)
        let learners: [LearnerProfile] = [
            LearnerProfile(
                id: "anna", name: "Anna", team: "Marketing", roles: ["staff", "ambassador"], language: .german),
            LearnerProfile(
                id: "lea", name: "Lea", team: "Vertrieb", roles: ["leader", "ai-manager"], language: .english),
        ]
        return {
            try? FileManager.default.removeItem(atPath: data)
            let model: AppModel
            switch start {
            case .staffAndAmbassador, .leaderAndManager:
                for profile in learners { try! store.create(LearnerRecord(learner: profile)) }
                let id = start == .staffAndAmbassador ? "anna" : "lea"
                model = AppModel(catalog: modelCatalog, record: try! store.read(id), width: 80, height: 24, now: now)
            case .newLearner:
                model = AppModel(
                    catalog: modelCatalog, newLearnerID: "neu", language: nil, width: 80, height: 24, now: now)
            case .picker:
                for profile in learners { try! store.create(LearnerRecord(learner: profile)) }
                model = AppModel(catalog: modelCatalog, learners: learners, width: 80, height: 24, now: now)
            }
            let seeds = SeedCounter()
            return AppRunner(
                model: model, store: store, loader: ResourceLoader(catalog: real, store: store), saves: true,
                makeSeed: { seeds.next() })
        }
    }

    /// A fresh data folder for one test, on a RAM disk where there is one (saves fsync).
    static func dataFolder(_ name: String) -> String {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        return base + "lernpfad-explorer-\(getpid())-\(name)"
    }
}

/// Counts reads the model made; there must be none.
final class Tripwire: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func trip() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var reads: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

/// Deterministic seeds for quiz shuffles, one after the other.
final class SeedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64 = 0

    func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        value &+= 0x9E37_79B9_7F4A_7C15
        return value
    }
}
