import Foundation
import LernpfadCore
import Testing

@testable import LernpfadSession
@testable import LernpfadUI

/// Quizzes that teach (issue 15, point 4): the result names what was missed and where to read it, leaving asks
/// first, a review round repeats its misses, and the module screen says what the knowledge check is.
@Suite("Quizzes that teach")
struct QuizThatTeachesTests {
    /// The fixture's course, with the first question of each quiz pointing at the lesson that teaches it.
    static let catalog: Catalog = {
        let base = UIFixture.catalog
        let modules = base.modules.map { module -> Module in
            var module = module
            if var quiz = module.quiz {
                quiz.questions[0].lesson = module.lessons.first?.id
                module.quiz = quiz
            }
            return module
        }
        return Catalog(course: base.course, paths: base.paths, modules: modules, root: base.root)
    }()

    static let toQuiz = "jj<enter><enter>jj<enter>"

    /// The body of a frame: the title bar and the status line belong to the frame, whose snapshots are elsewhere.
    static func body(_ lines: [String]) -> [String] { Array(lines.dropFirst().dropLast()) }

    static func runner(record: LearnerRecord = UIFixture.record()) -> AppRunner {
        UIFixture.runner(width: 100, height: 30, record: record, catalog: catalog)
    }

    /// The letters that pick `choices` of item `item` in the round on screen.
    static func letters(_ runner: AppRunner, item: Int, _ choices: [String]) throws -> String {
        let round = try #require(runner.model.screen as? QuizScreen).round
        let order = round.items[item].choiceOrder
        return String(choices.map { QuizScreen.letters[order.firstIndex(of: $0)!] })
    }

    /// The quiz started, the first question (`definition`, right: b) answered with `first`, the second
    /// (`outputs`, right: a and b) right, and the summary on screen.
    static func finish(first: String, record: LearnerRecord = UIFixture.record()) throws -> (AppRunner, String) {
        let started = UIFixture.run(toQuiz, on: runner(record: record))
        let keys =
            try
            "\(letters(started, item: 0, [first]))<enter><enter>\(letters(started, item: 1, ["a", "b"]))<enter><enter>"
        let done = UIFixture.run(keys, on: started)
        #expect((done.model.screen as? QuizScreen)?.round.phase == .summary)
        return (done, done.render().plainText)
    }

    @Test func theResultListsTheMissedQuestionsWithTheLessonToReReadAndWhenTheyComeBack() throws {
        let (_, text) = try Self.finish(first: "a")
        #expect(text.contains("Falsch beantwortet (1):"))
        #expect(text.contains("✗ Was ist ein KI-System?"))
        #expect(text.contains("→ nachlesen: 1. Was ist KI?"))
        #expect(!text.contains("Welche Ausgaben"), "a question answered right is not listed")
        // A missed question's card is due a day later: 21 November + 1.
        #expect(text.contains("Diese Fragen kommen ab 22. November 2026 zum Wiederholen wieder"))
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func theResultWithAMissAndLessonsToReadAtTheUsualSizes(width: Int, height: Int) throws {
        let started = UIFixture.run(
            Self.toQuiz, on: UIFixture.runner(width: width, height: height, catalog: Self.catalog))
        let keys =
            try
            "\(Self.letters(started, item: 0, ["a"]))<enter><enter>\(Self.letters(started, item: 1, ["a", "b"]))<enter><enter>"
        let lines = UIFixture.run(keys, on: started).render().lines
        #expect(lines.count == height)
        #expect(lines.allSatisfy { DisplayWidth.of($0) == width })
        assertSnapshot(Self.body(lines), named: "quiz-summary-missed-\(width)x\(height)")
    }

    @Test func leaveQuestionAt40x12() throws {
        let started = UIFixture.run(Self.toQuiz, on: UIFixture.runner(width: 40, height: 12, catalog: Self.catalog))
        let lines = UIFixture.run("\(try Self.letters(started, item: 0, ["a"]))<enter><esc>", on: started).render()
            .lines
        #expect(lines.allSatisfy { DisplayWidth.of($0) == 40 })
        assertSnapshot(Self.body(lines), named: "quiz-leave-40x12")
    }

    @Test func aLongMissedQuestionShowsTwoLinesAndTheLesson() throws {
        let base = Self.catalog
        let long = (1...12).map { "Satz \($0) einer langen Frage." }.joined(separator: " ") + " Das Ende?"
        let modules = base.modules.map { module -> Module in
            var module = module
            if var quiz = module.quiz {
                quiz.questions[0].prompt = UIFixture.text(long, long)
                module.quiz = quiz
            }
            return module
        }
        let catalog = Catalog(course: base.course, paths: base.paths, modules: modules, root: base.root)
        let started = UIFixture.run(
            Self.toQuiz, on: UIFixture.runner(width: 60, height: 30, record: UIFixture.record(), catalog: catalog))
        let keys =
            try
            "\(Self.letters(started, item: 0, ["a"]))<enter><enter>\(Self.letters(started, item: 1, ["a", "b"]))<enter><enter>"
        let lines = UIFixture.run(keys, on: started).render().lines
        let first = try #require(lines.firstIndex { $0.contains("✗ Satz 1 einer langen Frage.") })
        #expect(lines[first + 1].trimmingCharacters(in: .whitespaces).hasSuffix("…"))
        #expect(lines[first + 2].contains("→ nachlesen: 1. Was ist KI?"))
        #expect(!lines.joined().contains("Das Ende?"))
    }

    @Test func aResultWithoutMistakesListsNone() throws {
        let (_, text) = try Self.finish(first: "b")
        #expect(text.contains("Ergebnis: 2/2"))
        #expect(!text.contains("Falsch beantwortet"))
        #expect(!text.contains("zum Wiederholen wieder"))
    }

    @Test func theResultIsInEnglishToo() throws {
        let (_, text) = try Self.finish(first: "a", record: UIFixture.record(language: .english))
        #expect(text.contains("Missed (1):"))
        #expect(text.contains("→ re-read: 1. What is AI?"))
        #expect(text.contains("These questions come back for review from 22 November 2026"))
        #expect(text.contains("Passed – to complete the module, read these lessons too:"))
    }

    @Test func passingBeforeReadingSaysWhichLessonsAreStillNeeded() throws {
        let (_, text) = try Self.finish(first: "a")
        #expect(text.contains("Bestanden – damit das Modul abgeschlossen ist, fehlen noch diese Lektionen:"))
        #expect(text.contains("· 1. Was ist KI?"))
        #expect(text.contains("· 2. Grenzen"))
    }

    @Test func passingAfterReadingNeedsNothingMore() throws {
        var record = UIFixture.record()
        record.events = ["01-what-is-ai", "02-limits"].map {
            LearnerEvent(
                at: UIFixture.now.addingTimeInterval(-3600), kind: .lessonCompleted, module: "basics",
                moduleVersion: SemanticVersion(1, 0, 0), lesson: $0)
        }
        let (done, text) = try Self.finish(first: "b", record: record)
        #expect(text.contains("✓ Bestanden"))
        #expect(!text.contains("fehlen noch"))
        let module = try #require(done.model.catalog.module("basics"))
        #expect(ModuleScreen.progress(done.model.context, module).state == .completed)
    }

    @Test func oneLessonReadLeavesOnlyTheOther() throws {
        var record = UIFixture.record()
        record.events = [
            LearnerEvent(
                at: UIFixture.now.addingTimeInterval(-3600), kind: .lessonCompleted, module: "basics",
                moduleVersion: SemanticVersion(1, 0, 0), lesson: "01-what-is-ai")
        ]
        let (_, text) = try Self.finish(first: "b", record: record)
        #expect(text.contains("· 2. Grenzen"))
        #expect(!text.contains("· 1. Was ist KI?"))
    }

    @Test func aRefresherPassedBeforeReadingNamesOnlyTheChangedLesson() throws {
        // Completed at 1.0.0; 2.0.0 changed "Grenzen": the refresher needs that lesson and a pass.
        let base = Self.catalog
        let modules = base.modules.map { module -> Module in
            var module = module
            if module.id == "basics" {
                module.version = SemanticVersion(2, 0, 0)
                module.changelog = [ChangelogEntry(version: SemanticVersion(2, 0, 0), lessons: ["02-limits"])]
            }
            return module
        }
        let catalog = Catalog(course: base.course, paths: base.paths, modules: modules, root: base.root)
        var record = UIFixture.record()
        let before = UIFixture.now.addingTimeInterval(-30 * 86_400)
        let old = SemanticVersion(1, 0, 0)
        record.events =
            ["01-what-is-ai", "02-limits"].map {
                LearnerEvent(at: before, kind: .lessonCompleted, module: "basics", moduleVersion: old, lesson: $0)
            } + [
                LearnerEvent(
                    at: before.addingTimeInterval(60), kind: .quizAttempted, module: "basics", moduleVersion: old,
                    score: 1, passed: true)
            ]
        let started = UIFixture.run(
            Self.toQuiz, on: UIFixture.runner(width: 100, height: 30, record: record, catalog: catalog))
        let keys =
            try
            "\(Self.letters(started, item: 0, ["b"]))<enter><enter>\(Self.letters(started, item: 1, ["a", "b"]))<enter><enter>"
        let text = UIFixture.run(keys, on: started).render().plainText
        #expect(text.contains("fehlen noch diese Lektionen:"))
        #expect(text.contains("· 2. Grenzen"))
        #expect(!text.contains("· 1. Was ist KI?"))
    }

    @Test func leavingWithoutAnswersLeavesAtOnce() {
        let left = UIFixture.run("\(Self.toQuiz)<esc>", on: Self.runner())
        #expect(left.model.screen is ModuleScreen)
    }

    @Test func leavingWithAnswersAsksFirstAndEscapeGoesOn() throws {
        let started = UIFixture.run(Self.toQuiz, on: Self.runner())
        let answered = UIFixture.run("\(try Self.letters(started, item: 0, ["a"]))<enter>", on: started)
        for key in ["<esc>", "<bs>"] {
            let asking = UIFixture.run(key, on: answered)
            let screen = try #require(asking.model.screen as? QuizScreen, "left on \(key) without asking")
            #expect(screen.isAskingToLeave)
            let text = asking.render().plainText
            #expect(text.contains("Wissenscheck verlassen? Die Antworten gehen verloren. ⏎ verlassen · Esc weiter"))
            #expect(text.contains("⏎ verlassen") && text.contains("Esc weiter"))
            let stayed = UIFixture.run("<esc>", on: asking)
            let kept = try #require(stayed.model.screen as? QuizScreen)
            #expect(!kept.isAskingToLeave)
            #expect(kept.round == screen.round, "going on keeps the answers")
            #expect(!stayed.render().plainText.contains("Die Antworten gehen verloren"))
        }
        // In the next question too; ⏎ leaves, and no attempt is recorded.
        let second = UIFixture.run("<enter><esc>", on: answered)
        #expect((second.model.screen as? QuizScreen)?.isAskingToLeave == true)
        let (left, events) = UIFixture.newEvents("<enter>", on: second)
        #expect(left.model.screen is ModuleScreen)
        #expect(events.isEmpty)
    }

    @Test func theExplorersWayHomeAnswersTheQuestionWithEnter() throws {
        let started = UIFixture.run(Self.toQuiz, on: Self.runner())
        let answered = UIFixture.run("\(try Self.letters(started, item: 0, ["a"]))<enter>", on: started)
        #expect(InvariantChecker.stopsAndGoesHome(answered.model, now: UIFixture.now) == nil)
        let asking = UIFixture.run("<esc>", on: answered)
        #expect(InvariantChecker.stopsAndGoesHome(asking.model, now: UIFixture.now) == nil)
        // Esc alone only goes back and forth between the question and the quiz.
        let escapes = UIFixture.run("<esc><esc><esc><esc><esc><esc>", on: answered)
        #expect(escapes.model.screen is QuizScreen)
    }

    @Test func helpSaysThatLeavingAsksOnlyOnceAnswersAreGiven() throws {
        let started = UIFixture.run(Self.toQuiz, on: Self.runner())
        #expect(!UIFixture.run("?", on: started).render().plainText.contains("fragt vorher"))
        let answered = UIFixture.run("\(try Self.letters(started, item: 0, ["a"]))<enter>?", on: started)
        #expect(answered.render().plainText.contains("Wissenscheck verlassen (fragt vorher)"))
    }

    @Test func theSummaryLeavesWithoutAsking() throws {
        let (done, _) = try Self.finish(first: "a")
        #expect(UIFixture.run("<esc>", on: done).model.screen is ModuleScreen)
    }

    static func reviewRecord() -> LearnerRecord {
        var record = UIFixture.record()
        for question in ["definition", "outputs"] {
            record.review["basics/\(question)"] = ReviewCard(missedAt: UIFixture.now.addingTimeInterval(-3 * 86_400))
        }
        return record
    }

    @Test func aReviewRoundAsksAMissedQuestionAgainUntilItIsAnsweredRight() throws {
        let review = UIFixture.run("r", on: Self.runner(record: Self.reviewRecord()))
        let round = try #require(review.model.screen as? QuizScreen).round
        #expect(round.items.map(\.question) == ["definition", "outputs"])
        let missed = UIFixture.run("\(try Self.letters(review, item: 0, ["a"]))<enter>", on: review)
        #expect(missed.render().plainText.contains("Diese Frage kommt in dieser Runde noch einmal."))
        var runner = UIFixture.run("<enter>", on: missed)
        var items = try #require(runner.model.screen as? QuizScreen).round.items
        #expect(items.map(\.question) == ["definition", "outputs", "definition"])
        #expect(items[2].isRepeat)
        // The second question right, then the repeat wrong again: it comes back once more.
        runner = UIFixture.run("\(try Self.letters(runner, item: 1, ["a", "b"]))<enter><enter>", on: runner)
        #expect(runner.render().plainText.contains("Wiederholung 3/3"))
        runner = UIFixture.run("\(try Self.letters(runner, item: 2, ["c"]))<enter><enter>", on: runner)
        items = try #require(runner.model.screen as? QuizScreen).round.items
        #expect(items.count == 4)
        let (done, events) = UIFixture.newEvents(
            "\(try Self.letters(runner, item: 3, ["b"]))<enter><enter>", on: runner)
        #expect(events.isEmpty, "a repeat is practice: the first answer made the card")
        let finished = try #require(done.model.screen as? QuizScreen).round
        #expect(finished.phase == .summary)
        #expect(finished.answers.map(\.correct) == [false, true])
        let text = done.render().plainText
        #expect(text.contains("Ergebnis: 1/2 (50%)"))
        #expect(text.contains("Nächste Wiederholung ab 22. November 2026."))
        let card = try #require(done.model.record?.review["basics/definition"])
        #expect(card.lapses == 1)
        #expect(done.model.record?.events.filter { $0.kind == .questionReviewed }.count == 2)
    }

    @Test func aReviewRoundRightAtOnceRepeatsNothing() throws {
        let review = UIFixture.run("r", on: Self.runner(record: Self.reviewRecord()))
        let keys =
            try
            "\(Self.letters(review, item: 0, ["b"]))<enter><enter>\(Self.letters(review, item: 1, ["a", "b"]))<enter><enter>"
        let done = UIFixture.run(keys, on: review)
        let round = try #require(done.model.screen as? QuizScreen).round
        #expect(round.phase == .summary)
        #expect(round.items.count == 2)
    }

    @Test func aReviewRoundWithAnswersLeavesWithoutAsking() throws {
        let review = UIFixture.run("r", on: Self.runner(record: Self.reviewRecord()))
        let answered = UIFixture.run("\(try Self.letters(review, item: 0, ["b"]))<enter><enter><esc>", on: review)
        #expect(answered.model.screen is HomeScreen, "a review saves each answer: nothing is lost")
    }

    @Test func theModuleScreenSaysWhatTheKnowledgeCheckIs() {
        let german = UIFixture.screen("jj<enter><enter>").joined(separator: "\n")
        #expect(german.contains("Wissenscheck · 2 Fragen · Bestehensgrenze 50\u{00A0}%"))
        let english = UIFixture.screen("Ljj<enter><enter>").joined(separator: "\n")
        #expect(english.contains("Knowledge check · 2 questions · pass mark 50\u{00A0}%"))
    }

    @Test func aOneQuestionQuizSaysQuestionInTheSingular() {
        let base = UIFixture.catalog
        let modules = base.modules.map { module -> Module in
            var module = module
            if var quiz = module.quiz {
                quiz.questions = [quiz.questions[0]]
                quiz.passMark = 0.8
                module.quiz = quiz
            }
            return module
        }
        let catalog = Catalog(course: base.course, paths: base.paths, modules: modules, root: base.root)
        let runner = UIFixture.run("jj<enter><enter>", on: UIFixture.runner(catalog: catalog))
        #expect(runner.render().plainText.contains("Wissenscheck · 1 Frage · Bestehensgrenze 80\u{00A0}%"))
    }
}
