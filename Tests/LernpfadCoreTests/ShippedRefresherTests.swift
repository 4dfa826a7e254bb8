import Foundation
import Testing

@testable import LernpfadCore

/// On the shipped course: a learner who completed version 1.0.0 of a module that is now at a higher major version gets
/// `updateAvailable` and a refresher of exactly the lessons its changelog lists since 1.0.0 (Content/README.md,
/// "Versions and refreshers").
@Suite("Refreshers on the shipped course")
struct ShippedRefresherTests {
    private static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content").path
    private static let first = SemanticVersion(1, 0, 0)
    private let completedAt = date("2026-11-10T09:00:00Z")
    private let now = date("2026-12-02T12:00:00Z")

    /// Lessons that genai-at-work 1.0.0 had (commit 9528cc6): 06-ai-agents came with 2.0.0.
    private static let lessonsAtFirstVersion = [
        "genai-at-work": [
            "01-data-in-prompts", "02-checking-outputs", "03-copyright-and-ip", "04-prompt-injection",
            "05-labelling-ai-content",
        ]
    ]

    private static func catalog() throws -> Catalog {
        let result = ContentLoader(root: content, today: ContentFixture.today).load()
        try #require(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        return result.catalog
    }

    /// Modules whose major version is above 1, with a path that lists them.
    private static func bumpedModules() throws -> [(Module, LearningPath)] {
        let catalog = try catalog()
        return catalog.modules.filter { $0.version.major > 1 }.compactMap { module in
            catalog.paths.first { $0.modules.contains(module.id) }.map { (module, $0) }
        }
    }

    /// The lessons listed under `lessons:` in changelog entries newer than 1.0.0, in lesson order.
    private static func listed(_ module: Module) -> [String] {
        let names = Set(module.changelog.filter { $0.version > first }.flatMap(\.lessons))
        return module.lessons.map(\.id).filter { names.contains($0) }
    }

    private func read(_ module: Module, _ lessons: [String], version: SemanticVersion, at: Date) -> [LearnerEvent] {
        lessons.map {
            LearnerEvent(at: at, kind: .lessonCompleted, module: module.id, moduleVersion: version, lesson: $0)
        }
    }

    private func pass(_ module: Module, version: SemanticVersion, at: Date) -> LearnerEvent {
        LearnerEvent(at: at, kind: .quizAttempted, module: module.id, moduleVersion: version, score: 1, passed: true)
    }

    private func status(_ module: Module, _ path: LearningPath, _ events: [LearnerEvent], at: Date) -> ModuleProgress {
        ProgressEngine.module(module, validity: path.validity, dueSoon: path.dueSoon, events: events, now: at)
    }

    @Test func everyBumpedModuleHasA100EntryAndListsOnlyItsOwnLessons() throws {
        let modules = try Self.bumpedModules()
        #expect(modules.count >= 10, "the revised course has ten modules at 2.0.0")
        for (module, _) in modules {
            let versions = module.changelog.map(\.version)
            #expect(Set(versions).count == versions.count, "\(module.id): a version listed twice: \(versions)")
            #expect(versions.contains(Self.first), "\(module.id): no changelog entry for 1.0.0")
            #expect(versions.first == module.version, "\(module.id): newest entry is not \(module.version)")
            #expect(!Self.listed(module).isEmpty, "\(module.id): a major bump that changed no lesson")
        }
    }

    @Test func aCompletionOfVersion100AsksForExactlyTheListedLessons() throws {
        for (module, path) in try Self.bumpedModules() {
            let expected = Self.listed(module)
            let unchanged = module.lessons.map(\.id).filter { !expected.contains($0) }
            // The lessons a 1.0.0 learner read: what 1.0.0 had where known; else every lesson, and, as the least
            // a 1.0.0 learner can have read, the lessons no later version changed.
            var histories = [module.lessons.map(\.id), unchanged]
            if let known = Self.lessonsAtFirstVersion[module.id] { histories.append(known) }
            for history in histories {
                let events =
                    read(module, history, version: Self.first, at: completedAt)
                    + [pass(module, version: Self.first, at: completedAt + 60)]
                let before = status(module, path, events, at: now)
                #expect(before.state == .updateAvailable, "\(module.id) after reading \(history)")
                #expect(before.completion?.version == Self.first)
                #expect(before.refresherLessons == expected, "\(module.id)")

                // Re-reading exactly those lessons and passing the new quiz completes the refresher…
                let refresh = now + 3600
                let refreshed = status(
                    module, path,
                    events + read(module, expected, version: module.version, at: refresh)
                        + [pass(module, version: module.version, at: refresh + 60)], at: refresh + 120)
                #expect(refreshed.state == .completed, "\(module.id)")
                #expect(refreshed.completion?.version == module.version)
                #expect(refreshed.refresherLessons.isEmpty)

                // …and leaving out any one of them does not.
                for missing in expected {
                    let partial = status(
                        module, path,
                        events + read(module, expected.filter { $0 != missing }, version: module.version, at: refresh)
                            + [pass(module, version: module.version, at: refresh + 60)], at: refresh + 120)
                    #expect(partial.state == .updateAvailable, "\(module.id) without \(missing)")
                    #expect(partial.completion?.version == Self.first)
                }
            }
        }
    }

    @Test func aLessonAddedInTheNewVersionKeepsTheOldCompletion() {
        // Engine-level: 1.0.0 had two lessons, 2.0.0 adds a third and lists it.
        let lessons = ["01-a", "02-b", "03-new"].map { Lesson(id: $0, title: LocalizedText($0), files: [:]) }
        let quiz = Quiz(
            passMark: 0.5,
            questions: [
                Question(
                    id: "q1", kind: .single, prompt: LocalizedText("?"),
                    choices: [Choice(id: "a", text: LocalizedText("a")), Choice(id: "b", text: LocalizedText("b"))],
                    correct: ["a"], explanation: LocalizedText("!"))
            ])
        let module = Module(
            id: "m", version: SemanticVersion(2, 0, 0), title: LocalizedText("M"), summary: LocalizedText("s"),
            minutes: 5, level: .basic, objectives: [],
            changelog: [
                ChangelogEntry(version: SemanticVersion(2, 0, 0), lessons: ["03-new"]),
                ChangelogEntry(version: Self.first),
            ], lessons: lessons, quiz: quiz)
        let path = LearningPath(
            role: "staff", title: LocalizedText("S"), modules: ["m"], validity: ISODuration(months: 12),
            dueSoon: ISODuration(days: 30))
        let events =
            read(module, ["01-a", "02-b"], version: Self.first, at: completedAt)
            + [pass(module, version: Self.first, at: completedAt + 60)]
        let progress = status(module, path, events, at: now)
        #expect(progress.state == .updateAvailable)
        #expect(progress.refresherLessons == ["03-new"])
        // At the current version every lesson is still needed for a first completion.
        let current =
            read(module, ["01-a", "02-b"], version: module.version, at: completedAt)
            + [pass(module, version: module.version, at: completedAt + 60)]
        #expect(status(module, path, current, at: now).state == .inProgress)
    }
}
