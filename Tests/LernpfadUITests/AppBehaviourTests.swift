import Foundation
import LernpfadCore
import Testing

@testable import LernpfadUI

@Suite("App behaviour")
struct AppBehaviourTests {
    @Test func homeShowsEachRoleWithProgressAndContinue() {
        let text = UIFixture.screen("").joined(separator: "\n")
        #expect(text.contains("Weiterlesen: KI-Grundlagen – Was ist KI?"))
        #expect(text.contains("Mitarbeitende"))
        #expect(text.contains("0% · 0/2 Module · nicht begonnen"))
        #expect(text.contains("Nichts zu wiederholen"))
        #expect(text.contains("Kick-off besucht · noch nicht bestätigt"))
    }

    @Test func openingALessonRecordsItAndSavesThePosition() throws {
        let (state, effects) = UIFixture.run("jj<enter><enter><enter>", on: UIFixture.state())
        guard case .reader(let reader) = state.screen else {
            Issue.record("not in the reader")
            return
        }
        #expect(reader.lesson == "01-what-is-ai")
        let appended = effects.compactMap { effect -> [LearnerEvent]? in
            if case .append(let events) = effect { return events }
            return nil
        }.flatMap { $0 }
        #expect(appended.first?.kind == .lessonOpened)
        // The short lesson fits on one screen: its end is in view, so it counts as read.
        #expect(appended.contains { $0.kind == .lessonCompleted && $0.lesson == "01-what-is-ai" })
        #expect(effects.contains(.savePosition(ReadingPosition(module: "basics", lesson: "01-what-is-ai", line: 0))))
    }

    @Test func scrollingToTheEndCompletesALongLessonOnce() {
        let (state, effects) = UIFixture.run("jj<enter><enter>j<enter><pgdn>G<end>", on: UIFixture.state())
        let completions = effects.filter { effect in
            if case .append(let events) = effect { return events.contains { $0.kind == .lessonCompleted } }
            return false
        }
        #expect(completions.count == 1)
        #expect(state.record?.events.contains { $0.kind == .lessonCompleted && $0.lesson == "02-limits" } == true)
    }

    @Test func resizeKeepsTheReadingPlace() throws {
        let (state, _) = UIFixture.run("jj<enter><enter>j<enter><pgdn><pgdn>", on: UIFixture.state())
        guard case .reader(let before) = state.screen, let beforeLayout = before.layout else {
            Issue.record("not in the reader")
            return
        }
        let anchor = beforeLayout.lines[before.top...].map(\.plainText).first { !$0.isEmpty } ?? ""
        let (resized, _) = UIFixture.run("<resize:50x20>", on: state)
        guard case .reader(let after) = resized.screen, let afterLayout = after.layout else {
            Issue.record("not in the reader")
            return
        }
        #expect(afterLayout.width == 46)
        let visible = afterLayout.lines[after.top..<min(afterLayout.lines.count, after.top + 18)].map(\.plainText)
        #expect(
            visible.contains { $0.contains(anchor.trimmingCharacters(in: .whitespaces).prefix(9)) },
            "top \(before.top) '\(anchor)' -> \(after.top): \(visible)")
    }

    @Test func continueResumesAtTheSavedLine() {
        var record = UIFixture.record()
        record.position = ReadingPosition(module: "basics", lesson: "02-limits", line: 40)
        let (state, _) = UIFixture.run("<enter>", on: UIFixture.state(record: record))
        guard case .reader(let reader) = state.screen else {
            Issue.record("not in the reader")
            return
        }
        #expect(reader.lesson == "02-limits")
        #expect(reader.top == 40)
    }

    @Test func quizRecordsEveryAnswerAndQueuesMistakesForReview() throws {
        // Seed 42 fixes the choice order; find the letters of right and wrong answers from the state.
        let (started, _) = UIFixture.run("jj<enter><enter>jj<enter>", on: UIFixture.state())
        guard case .quiz(let quiz) = started.screen else {
            Issue.record("not in the quiz")
            return
        }
        let firstOrder = quiz.items[0].choiceOrder
        let wrongLetter = QuizScreen.letters[firstOrder.firstIndex(of: "a")!]
        let secondOrder = quiz.items[1].choiceOrder
        let rightLetters = ["a", "b"].map { String(QuizScreen.letters[secondOrder.firstIndex(of: $0)!]) }.joined()
        let (finished, effects) = UIFixture.run(
            "\(wrongLetter)<enter><enter>\(rightLetters)<enter><enter>", on: started)
        let attempt = effects.compactMap { effect -> LearnerEvent? in
            if case .append(let events) = effect { return events.first { $0.kind == .quizAttempted } }
            return nil
        }.first
        let event = try #require(attempt)
        #expect(event.score == 0.5)
        #expect(event.passed == true)
        #expect(event.seed == 42)
        #expect(
            event.answers == [
                LearnerEvent.Answer(question: "definition", chosen: ["a"], correct: false),
                LearnerEvent.Answer(question: "outputs", chosen: secondOrder.filter { $0 != "c" }, correct: true),
            ])
        #expect(finished.record?.review["basics/definition"] != nil)
        #expect(finished.record?.review["basics/outputs"] == nil)
    }

    @Test func aBrokenDeferredQuizSaysWhereWhenChosen() {
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
        var start = UIFixture.state()
        start.catalog = catalog
        let (state, _) = UIFixture.run("jj<enter><enter>jj<enter>", on: start)
        guard case .module = state.screen else {
            Issue.record("left the module screen for a quiz that cannot load")
            return
        }
        let screen = AppModel.render(state, now: UIFixture.now).lines.joined(separator: "\n")
        #expect(screen.contains("Wissenscheck fehlerhaft"))
        #expect(state.notice?.contains("modules/basics/quiz.yaml:3:1: error: pass_mark is missing") == true)

        // `n` after the last lesson heads for the quiz, and says the same instead of doing nothing.
        let (afterLast, _) = UIFixture.run("jj<enter><enter>j<enter>n", on: start)
        #expect(afterLast.notice?.contains("modules/basics/quiz.yaml:3:1") == true)
    }

    @Test func choiceOrderIsShuffledPerSeedAndReplayable() {
        let questions = UIFixture.catalog.module("basics")!.quiz!.questions.map { (module: "basics", question: $0) }
        let first = QuizState(module: "basics", questions: questions, seed: 7, startedAt: 0)
        let again = QuizState(module: "basics", questions: questions, seed: 7, startedAt: 0)
        #expect(first.items == again.items)
        let orders = Set(
            (0..<20).map {
                QuizState(module: "basics", questions: questions, seed: $0, startedAt: 0).items[0].choiceOrder
            })
        #expect(orders.count > 1)
    }

    @Test func reviewQueueShowsOnHomeAndRunsARound() {
        var record = UIFixture.record()
        record.review["basics/definition"] = ReviewCard(missedAt: UIFixture.now.addingTimeInterval(-3 * 86_400))
        let home = UIFixture.screen("", record: record).joined(separator: "\n")
        #expect(home.contains("1 Fragen zum Wiederholen"))
        let (state, effects) = UIFixture.run("r", on: UIFixture.state(record: record))
        guard case .review(let round) = state.screen else {
            Issue.record("not in review")
            return
        }
        let letter = QuizScreen.letters[round.items[0].choiceOrder.firstIndex(of: "b")!]
        let (answered, more) = UIFixture.run("\(letter)<enter>", on: state)
        #expect(effects.isEmpty)
        #expect(more.contains { if case .saveReviewCards = $0 { return true } else { return false } })
        #expect(answered.record!.review["basics/definition"]!.due > UIFixture.now)
    }

    @Test func lockedModuleSaysWhatToCompleteFirst() {
        let lines = UIFixture.screen("jj<enter>j<enter>").joined(separator: "\n")
        #expect(lines.contains("gesperrt: erst KI-Grundlagen"))
    }

    @Test func searchFindsLessonTextAndJumpsToIt() {
        let (state, _) = UIFixture.run("/Absatz 30<enter>", on: UIFixture.state())
        guard case .reader(let reader) = state.screen, let layout = reader.layout, let highlight = reader.highlight
        else {
            Issue.record("search did not open the reader")
            return
        }
        #expect(reader.lesson == "02-limits")
        #expect(layout.lines[highlight].plainText.contains("Absatz 30"))
        #expect(reader.top <= highlight && highlight < reader.top + 21)
    }

    @Test func languageSwitchChangesTheInterfaceAndIsSaved() {
        let (state, effects) = UIFixture.run("L", on: UIFixture.state())
        #expect(state.language == .english)
        #expect(effects == [.saveLanguage(.english)])
        #expect(AppModel.render(state, now: UIFixture.now).plainText.contains("Continue: AI basics – What is AI?"))
    }

    @Test func escapeGoesBackAndQQuits() {
        let (back, _) = UIFixture.run("jj<enter><esc>", on: UIFixture.state())
        if case .home = back.screen {} else { Issue.record("Esc did not return home") }
        let (quit, effects) = UIFixture.run("q", on: UIFixture.state())
        #expect(quit.isFinished)
        #expect(effects == [.quit])
    }

    @Test func onboardingCreatesTheLearner() {
        let start = AppState(catalog: UIFixture.catalog, newLearnerID: "ben", language: nil, width: 80, height: 24)
        let (state, effects) = UIFixture.run("Ben Müller<enter>Vertrieb<enter> j <enter><enter>", on: start)
        #expect(
            effects == [
                .createLearner(
                    LearnerProfile(
                        id: "ben", name: "Ben Müller", team: "Vertrieb", roles: ["staff", "ambassador"],
                        language: .german))
            ])
        if case .home = state.screen {} else { Issue.record("onboarding did not lead home") }
    }

    @Test func clickOpensTheClickedItem() {
        // Row 1 is the first body row; home has a three-line header (title, team, blank).
        let (state, _) = UIFixture.run("<click:6,10>", on: UIFixture.state())
        guard case .path(let role, _) = state.screen else {
            Issue.record("click did not open a path")
            return
        }
        #expect(role == "staff")
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
