import Foundation
import LernpfadCore
import Testing

@testable import LernpfadUI

/// Home's first item is the real next step, whatever the learner did last.
@Suite("Next step on home")
struct NextStepTests {
    static let version = SemanticVersion(1, 0, 0)

    static func record(_ events: [LearnerEvent], position: ReadingPosition? = nil) -> LearnerRecord {
        var record = UIFixture.record()
        record.events = events
        record.position = position
        return record
    }

    static func read(_ lesson: String, in module: String = "basics", at day: String = "2026-11-20") -> LearnerEvent {
        LearnerEvent(
            at: Timestamp.parse("\(day)T10:00:00Z")!, kind: .lessonCompleted, module: module, moduleVersion: version,
            lesson: lesson)
    }

    static func passed(_ module: String, at day: String = "2026-11-20") -> LearnerEvent {
        LearnerEvent(
            at: Timestamp.parse("\(day)T11:00:00Z")!, kind: .quizAttempted, module: module, moduleVersion: version,
            score: 1, passed: true)
    }

    static func home(_ record: LearnerRecord, keys: String = "") -> String {
        UIFixture.screen(keys, record: record).joined(separator: "\n")
    }

    @Test func afterAFinishedLessonItOffersTheNextOneNotTheFinishedOne() {
        let record = Self.record(
            [Self.read("01-what-is-ai")], position: ReadingPosition(module: "basics", lesson: "01-what-is-ai", line: 0))
        #expect(Self.home(record).contains("▶ Als Nächstes: KI-Grundlagen – Grenzen"))
    }

    @Test func aHalfReadLessonIsContinuedWhereItWasLeft() throws {
        let record = Self.record(
            [Self.read("01-what-is-ai")], position: ReadingPosition(module: "basics", lesson: "02-limits", line: 7))
        #expect(Self.home(record).contains("▶ Weiterlesen: KI-Grundlagen – Grenzen"))
        let runner = UIFixture.run("<enter>", on: UIFixture.runner(record: record))
        let reader = try #require(runner.model.screen as? ReaderScreen)
        #expect(reader.lesson == "02-limits")
    }

    @Test func withEveryLessonReadTheQuizIsNextAndEnterOpensTheModule() throws {
        let record = Self.record([Self.read("01-what-is-ai"), Self.read("02-limits")])
        #expect(Self.home(record).contains("▶ Als Nächstes: KI-Grundlagen – Wissenscheck"))
        let runner = UIFixture.run("<enter>", on: UIFixture.runner(record: record))
        let module = try #require(runner.model.screen as? ModuleScreen)
        #expect(module.module == "basics")
    }

    @Test func aLockedModuleIsNeverOffered() {
        // The basics are done; the AI Act module needs them and is next, never before.
        let fresh = Self.home(Self.record([]))
        #expect(!fresh.contains("Der AI Act – Überblick"))
        let basicsDone = Self.record([Self.read("01-what-is-ai"), Self.read("02-limits"), Self.passed("basics")])
        #expect(Self.home(basicsDone).contains("▶ Als Nächstes: Der AI Act – Überblick"))
    }

    @Test func whenEverythingIsDoneItSaysSoAndWhenTheNextRefresherIsDue() throws {
        let record = Self.record([
            Self.read("01-what-is-ai"), Self.read("02-limits"), Self.passed("basics"),
            Self.read("01-overview", in: "law"),
            Self.passed("law"),
        ])
        let home = Self.home(record)
        #expect(home.contains("✓ Alles erledigt · nächste Auffrischung am 20. November 2027"))
        #expect(!home.contains("▶"))
        let runner = UIFixture.run("<enter>", on: UIFixture.runner(record: record))
        #expect(runner.model.screen is HomeScreen, "Enter on 'all done' stays home")
    }

    @Test func anOverdueRefresherComesBeforeAHalfReadLessonElsewhere() {
        let record = Self.record(
            [
                Self.read("01-what-is-ai", at: "2025-01-10"), Self.read("02-limits", at: "2025-01-10"),
                Self.passed("basics", at: "2025-01-10"),
            ], position: ReadingPosition(module: "law", lesson: "01-overview", line: 3))
        #expect(Self.home(record).contains("▶ Auffrischen: KI-Grundlagen – Wissenscheck"))
    }

    @Test func pathBarsCountLessonsNotOnlyWholeModules() {
        let record = Self.record([Self.read("01-what-is-ai")])
        #expect(Self.home(record).contains("33% · 0/2 Module"), "one of the staff path's three lessons is read")
        #expect(Self.home(record, keys: "jj<enter>").contains("33% · 1/3 Lektionen"))
    }

    @Test func finishingAModuleIsAcknowledgedWithWhatItMeans() {
        // The quiz is passed and the first lesson read; reading the second to its end completes the module.
        var record = Self.record([Self.read("01-what-is-ai"), Self.passed("basics")])
        record.learner.roles = ["staff"]
        let screen = Self.home(record, keys: "jj<enter><enter>j<enter>G")
        #expect(screen.contains("✓ Modul abgeschlossen: KI-Grundlagen · gültig bis 21. November 2027"))
    }

    @Test func finishingAPathSaysSoRatherThanTheModule() {
        // The ambassador path is the basics alone: the same lesson completes it.
        let record = Self.record([Self.read("01-what-is-ai"), Self.passed("basics")])
        let screen = Self.home(record, keys: "jj<enter><enter>j<enter>G")
        #expect(screen.contains("✓ Lernpfad abgeschlossen: KI-Botschafter:in · gültig bis 21. November 2027"))
    }
}

/// The module screen keeps its ticks after a completion and marks a lesson left half read.
@Suite("Lesson marks")
struct LessonMarkTests {
    @Test func ticksStayAfterTheModuleIsCompleted() {
        let record = NextStepTests.record([
            NextStepTests.read("01-what-is-ai"), NextStepTests.read("02-limits"), NextStepTests.passed("basics"),
        ])
        let module = NextStepTests.home(record, keys: "jj<enter><enter>")
        #expect(module.contains("✓ 1. Was ist KI?"))
        #expect(module.contains("✓ 2. Grenzen"))
    }

    @Test func aHalfReadLessonSaysHowFar() {
        let record = NextStepTests.record(
            [NextStepTests.read("01-what-is-ai")],
            position: ReadingPosition(module: "basics", lesson: "02-limits", line: 11))
        let module = NextStepTests.home(record, keys: "jj<enter><enter>")
        #expect(module.contains("◐ 2. Grenzen"))
        #expect(module.contains("angefangen, bei Zeile 12"))
    }
}

/// Search shows which hits are in locked modules, and reading such a lesson completes nothing.
@Suite("Search and locks")
struct SearchLockTests {
    @Test func aLockedModulesHitShowsALockAndReadingItCompletesNothing() {
        // The AI Act module needs the basics, which Anna has not done.
        let search = UIFixture.screen("/überblick").joined(separator: "\n")
        #expect(search.contains("🔒 Der AI Act › Überblick"))
        // The lesson fits the window, so its end is in view as it opens: that is when it would count.
        let (runner, events) = UIFixture.newEvents("/überblick<enter>", on: UIFixture.runner())
        #expect(events.contains { $0.kind == .lessonOpened && $0.lesson == "01-overview" })
        #expect(!events.contains { $0.kind == .lessonCompleted }, "a locked module's lesson is not completed")
        #expect(
            runner.render().plainText.contains("🔒 gesperrt: erst KI-Grundlagen"))
    }
}

/// A lesson opened from search steps through the term's matches with `]` and `[`.
@Suite("Search matches in the reader")
struct ReaderMatchTests {
    @Test func bracketsStepThroughTheMatchesAndSayWhichOne() throws {
        // "Absatz 3" is in paragraphs 3 and 30 to 39 of the second lesson.
        var runner = UIFixture.run("/Absatz 3<enter>", on: UIFixture.runner())
        var reader = try #require(runner.model.screen as? ReaderScreen)
        #expect(reader.matches.count == 11)
        #expect(try #require(reader.layout).lines[try #require(reader.highlight)].plainText.contains("Absatz 3 "))
        runner = UIFixture.run("]", on: runner)
        reader = try #require(runner.model.screen as? ReaderScreen)
        let second = try #require(reader.highlight)
        #expect(try #require(reader.layout).lines[second].plainText.contains("Absatz 30"))
        #expect(reader.top <= second && second < reader.top + 20, "the match is in view")
        #expect(runner.render().plainText.contains("Treffer 2/11 · + nächster · - voriger"))
        runner = UIFixture.run("[[", on: runner)
        reader = try #require(runner.model.screen as? ReaderScreen)
        #expect(try #require(reader.layout).lines[try #require(reader.highlight)].plainText.contains("Absatz 39"))
        #expect(runner.render().plainText.contains("Treffer 11/11"), "[ from the first wraps to the last")
    }

    @Test func withoutASearchTheBracketsDoNothing() throws {
        let runner = UIFixture.run("jj<enter><enter>j<enter>]", on: UIFixture.runner())
        let reader = try #require(runner.model.screen as? ReaderScreen)
        #expect(reader.highlight == nil && reader.top == 0)
        #expect(!UIFixture.run("?", on: runner).render().plainText.contains("Treffer der Suche"))
    }
}
