import Foundation
import LernpfadCore
import LernpfadSession
import Testing

@testable import LernpfadUI

@Suite("App behaviour")
struct AppBehaviourTests {
    @Test func homeShowsEachRoleWithProgressAndContinue() {
        let text = UIFixture.screen("").joined(separator: "\n")
        #expect(text.contains("▶ Als Nächstes: KI-Grundlagen – Was ist KI?"))
        #expect(text.contains("Mitarbeitende"))
        #expect(text.contains("0% · 0/2 Module · nicht begonnen"))
        #expect(text.contains("Nichts zu wiederholen"))
        #expect(text.contains("Kick-off besucht · noch nicht bestätigt"))
    }

    @Test func openingALessonRecordsItAndSavesThePosition() throws {
        let (runner, events) = UIFixture.newEvents("jj<enter><enter><enter>", on: UIFixture.runner())
        let reader = try #require(runner.model.screen as? ReaderScreen)
        #expect(reader.lesson == "01-what-is-ai")
        #expect(events.first?.kind == .lessonOpened)
        // The short lesson fits on one screen: its end is in view, so it counts as read.
        #expect(events.contains { $0.kind == .lessonCompleted && $0.lesson == "01-what-is-ai" })
        #expect(runner.model.record?.position == ReadingPosition(module: "basics", lesson: "01-what-is-ai", line: 0))
    }

    @Test func scrollingToTheEndCompletesALongLessonOnce() {
        let (runner, events) = UIFixture.newEvents("jj<enter><enter>j<enter><pgdn>G<end>", on: UIFixture.runner())
        #expect(events.filter { $0.kind == .lessonCompleted }.count == 1)
        #expect(
            runner.model.record?.events.contains { $0.kind == .lessonCompleted && $0.lesson == "02-limits" } == true)
    }

    @Test func resizeKeepsTheReadingPlace() throws {
        let runner = UIFixture.run("jj<enter><enter>j<enter><pgdn><pgdn>", on: UIFixture.runner())
        let before = try #require(runner.model.screen as? ReaderScreen)
        let beforeLayout = try #require(before.layout)
        let anchor = beforeLayout.lines[before.top...].map(\.plainText).first { !$0.isEmpty } ?? ""
        let resized = UIFixture.run("<resize:50x20>", on: runner)
        let after = try #require(resized.model.screen as? ReaderScreen)
        let afterLayout = try #require(after.layout)
        #expect(afterLayout.width == 46)
        let visible = afterLayout.lines[after.top..<min(afterLayout.lines.count, after.top + 18)].map(\.plainText)
        #expect(
            visible.contains { $0.contains(anchor.trimmingCharacters(in: .whitespaces).prefix(9)) },
            "top \(before.top) '\(anchor)' -> \(after.top): \(visible)")
    }

    @Test func continueResumesAtTheSavedLine() throws {
        var record = UIFixture.record()
        record.position = ReadingPosition(module: "basics", lesson: "02-limits", line: 40)
        let runner = UIFixture.run("<enter>", on: UIFixture.runner(record: record))
        let reader = try #require(runner.model.screen as? ReaderScreen)
        #expect(reader.lesson == "02-limits")
        #expect(reader.top == 40)
    }

    @Test func quizRecordsEveryAnswerAndQueuesMistakesForReview() throws {
        // Seed 42 fixes the choice order; find the letters of right and wrong answers from the state.
        let started = UIFixture.run("jj<enter><enter>jj<enter>", on: UIFixture.runner())
        let quiz = try #require(started.model.screen as? QuizScreen).round
        let firstOrder = quiz.items[0].choiceOrder
        let wrongLetter = QuizScreen.letters[firstOrder.firstIndex(of: "a")!]
        let secondOrder = quiz.items[1].choiceOrder
        let rightLetters = ["a", "b"].map { String(QuizScreen.letters[secondOrder.firstIndex(of: $0)!]) }.joined()
        let (finished, events) = UIFixture.newEvents(
            "\(wrongLetter)<enter><enter>\(rightLetters)<enter><enter>", on: started)
        let event = try #require(events.first { $0.kind == .quizAttempted })
        #expect(event.score == 0.5)
        #expect(event.passed == true)
        #expect(event.seed == 42)
        #expect(
            event.answers == [
                LearnerEvent.Answer(question: "definition", chosen: ["a"], correct: false),
                LearnerEvent.Answer(question: "outputs", chosen: secondOrder.filter { $0 != "c" }, correct: true),
            ])
        #expect(finished.model.record?.review["basics/definition"] != nil)
        #expect(finished.model.record?.review["basics/outputs"] == nil)
    }

    /// The crash of issue 11: Enter on the summary must go back to the module, and further Enters stay there.
    @Test func enterOnTheSummaryReturnsToTheModuleAndStaysThere() throws {
        let started = UIFixture.run("jj<enter><enter>jj<enter>", on: UIFixture.runner())
        #expect(started.model.stack.count == 4)
        let summary = UIFixture.run("1<enter><enter>1<enter><enter>", on: started)
        #expect((summary.model.screen as? QuizScreen)?.round.phase == .summary)
        let back = UIFixture.run("<enter>", on: summary)
        #expect(back.model.screen is ModuleScreen)
        #expect(back.model.stack.count == 3)
        // The ⏎s start a new attempt and answer in it, so the first Esc asks before the answers are lost: ⏎ leaves.
        let pressedOn = UIFixture.run("<enter><enter><enter><enter><esc><enter><esc><esc>", on: back)
        #expect(pressedOn.model.screen is HomeScreen)
        #expect(pressedOn.model.stack.count == 1)
    }

    @Test func aReviewRoundEndsAtHome() throws {
        var record = UIFixture.record()
        record.review["basics/definition"] = ReviewCard(missedAt: UIFixture.now.addingTimeInterval(-3 * 86_400))
        let review = UIFixture.run("r", on: UIFixture.runner(record: record))
        let round = try #require(review.model.screen as? QuizScreen).round
        let letter = QuizScreen.letters[round.items[0].choiceOrder.firstIndex(of: "b")!]
        let done = UIFixture.run("\(letter)<enter><enter>", on: review)
        #expect((done.model.screen as? QuizScreen)?.round.phase == .summary)
        #expect(done.render().plainText.contains("Zurück zum Start"))
        let home = UIFixture.run("<enter>", on: done)
        #expect(home.model.screen is HomeScreen)
        #expect(home.model.stack.count == 1)
    }

    @Test func aBrokenDeferredQuizSaysWhereWhenChosen() throws {
        let broken = DeferredQuiz(file: "modules/basics/quiz.yaml") {
            (nil, [Diagnostic(.error, "modules/basics/quiz.yaml", line: 3, column: 1, "pass_mark is missing")])
        }
        let base = UIFixture.catalog
        let modules = base.modules.map { module in
            var module = module
            if module.id == "basics" { module.quizSource = .deferred(broken) }
            return module
        }
        let catalog = Catalog(course: base.course, paths: base.paths, modules: modules, root: base.root)
        let start = UIFixture.runner(record: UIFixture.record(), catalog: catalog)
        let runner = UIFixture.run("jj<enter><enter>jj<enter>", on: start)
        #expect(runner.model.screen is ModuleScreen, "left the module screen for a quiz that cannot load")
        #expect(runner.render().plainText.contains("Wissenscheck fehlerhaft"))
        #expect(runner.model.notice?.contains("modules/basics/quiz.yaml:3:1: error: pass_mark is missing") == true)

        // `n` after the last lesson heads for the quiz, and says the same instead of doing nothing.
        let afterLast = UIFixture.run("jj<enter><enter>j<enter>n", on: start)
        #expect(afterLast.model.notice?.contains("modules/basics/quiz.yaml:3:1") == true)
    }

    @Test func choiceOrderIsShuffledPerSeedAndReplayable() {
        let questions = UIFixture.catalog.module("basics")!.quiz!.questions.map { (module: "basics", question: $0) }
        let first = QuizRound(module: "basics", questions: questions, seed: 7, startedAt: 0)
        let again = QuizRound(module: "basics", questions: questions, seed: 7, startedAt: 0)
        #expect(first.items == again.items)
        let orders = Set(
            (0..<20).map {
                QuizRound(module: "basics", questions: questions, seed: $0, startedAt: 0).items[0].choiceOrder
            })
        #expect(orders.count > 1)
    }

    @Test func reviewQueueShowsOnHomeAndRunsARound() throws {
        var record = UIFixture.record()
        record.review["basics/definition"] = ReviewCard(missedAt: UIFixture.now.addingTimeInterval(-3 * 86_400))
        let home = UIFixture.screen("", record: record).joined(separator: "\n")
        #expect(home.contains("↻ 1 Frage heute"))
        let (review, opened) = UIFixture.newEvents("r", on: UIFixture.runner(record: record))
        let round = try #require(review.model.screen as? QuizScreen).round
        #expect(opened.isEmpty)
        let letter = QuizScreen.letters[round.items[0].choiceOrder.firstIndex(of: "b")!]
        let (answered, events) = UIFixture.newEvents("\(letter)<enter>", on: review)
        #expect(events.map(\.kind) == [.questionReviewed])
        #expect(answered.model.record!.review["basics/definition"]!.due > UIFixture.now)
    }

    @Test func lockedModuleSaysWhatToCompleteFirst() {
        let lines = UIFixture.screen("jj<enter>j<enter>").joined(separator: "\n")
        #expect(lines.contains("gesperrt: erst KI-Grundlagen"))
    }

    @Test func searchFindsLessonTextAndJumpsToIt() throws {
        let runner = UIFixture.run("/Absatz 30<enter>", on: UIFixture.runner())
        let reader = try #require(runner.model.screen as? ReaderScreen, "search did not open the reader")
        let layout = try #require(reader.layout)
        let highlight = try #require(reader.highlight)
        #expect(reader.lesson == "02-limits")
        #expect(layout.lines[highlight].plainText.contains("Absatz 30"))
        #expect(reader.top <= highlight && highlight < reader.top + 21)
    }

    @Test func languageSwitchChangesTheInterfaceAndIsSaved() {
        let runner = UIFixture.run("L", on: UIFixture.runner())
        #expect(runner.model.language == .english)
        #expect(runner.model.record?.learner.language == .english)
        #expect(runner.render().plainText.contains("Next: AI basics – What is AI?"))
    }

    @Test func escapeGoesBackAndQQuits() {
        let back = UIFixture.run("jj<enter><esc>", on: UIFixture.runner())
        #expect(back.model.screen is HomeScreen, "Esc did not return home")
        let quit = UIFixture.run("q", on: UIFixture.runner())
        #expect(quit.model.isFinished)
    }

    @Test func onboardingCreatesTheLearnerOnlyOnceTheRunnerHasMadeIt() {
        let model = AppModel(
            catalog: UIFixture.catalog, newLearnerID: "ben", language: nil, width: 80, height: 24, now: UIFixture.now)
        var pure = model
        var commands: [AppCommand] = []
        for key in try! Key.parseSequence("<enter>Ben Müller<enter>Vertrieb<enter> j <enter><enter>").get() {
            commands += pure.update(AppEvent(.key(key), now: UIFixture.now, seed: 1))
        }
        let profile = LearnerProfile(
            id: "ben", name: "Ben Müller", team: "Vertrieb", roles: ["staff", "ambassador"], language: .german)
        #expect(commands == [.createLearner(profile)])
        #expect(pure.record == nil, "no learner before the file exists")
        #expect(pure.screen is OnboardingScreen)
        let runner = UIFixture.run(
            "<enter>Ben Müller<enter>Vertrieb<enter> j <enter><enter>", on: UIFixture.runner(model))
        #expect(runner.model.record?.learner == profile)
        #expect(runner.model.screen is HomeScreen, "onboarding did not lead home")
    }

    @Test func theCourseNoticeShowsOnTheFirstScreenAndInTheHelp() {
        let base = UIFixture.catalog
        var course = base.course
        course.notice = UIFixture.text("Schulung, keine Rechtsberatung.", "Training, not legal advice.")
        let catalog = Catalog(course: course, paths: base.paths, modules: base.modules, root: base.root)
        let first = UIFixture.runner(
            AppModel(
                catalog: catalog, newLearnerID: "neu", language: .german, width: 80, height: 24, now: UIFixture.now),
            catalog: catalog)
        #expect(first.render().plainText.contains("Schulung, keine Rechtsberatung."))
        let named = UIFixture.run("<enter>", on: first)
        #expect(!named.render().plainText.contains("Rechtsberatung"), "shown once, not on every step")
        let help = UIFixture.run("L?", on: UIFixture.runner(record: UIFixture.record(), catalog: catalog))
        #expect(help.render().plainText.contains("Training, not legal advice."))
    }

    @Test func clickOpensTheClickedItem() throws {
        // Row 1 is the first body row; home has a three-line header (title, team, blank).
        let runner = UIFixture.run("<click:6,10>", on: UIFixture.runner())
        let path = try #require(runner.model.screen as? PathScreen, "click did not open a path")
        #expect(path.role == "staff")
    }

    @Test func controlCharactersInNamesNeverReachTheScreen() {
        var record = UIFixture.record()
        record.learner.name = "Eve\u{1B}[2J\u{07}"
        let text = UIFixture.screen("", record: record).joined()
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
        #expect(!text.contains("[2J"))
        #expect(text.contains("Eve"))
    }

    @Test func keyNotationParses() throws {
        #expect(
            try Key.parseSequence("a<enter><c-c><resize:50x20><<").get() == [
                .character("a"), .enter, .control("c"), .resize(width: 50, height: 20), .character("<"),
            ])
        #expect(throws: KeyNotationError.self) { try Key.parseSequence("<bogus>").get() }
    }
}
