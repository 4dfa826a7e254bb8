import Foundation
import Testing

@testable import LernpfadCore

/// The quiz rules of `lernpfad validate`, each on its own: where a rule starts to warn, and where it stays quiet.
@Suite("Quiz rules")
struct QuizRuleTests {
    private let languages: [LanguageCode] = [.german, .english]

    private func text(_ german: String, _ english: String) -> LocalizedText {
        LocalizedText([.german: german, .english: english])
    }

    /// A single-choice question whose right choice is `right` and whose wrong choices are `wrong`, in both languages.
    private func single(_ id: String, right: String, wrong: [String], rightEnglish: String? = nil) -> Question {
        let choices =
            [Choice(id: "a", text: text(right, rightEnglish ?? right))]
            + wrong.enumerated().map { Choice(id: ["b", "c", "d", "e"][$0.offset], text: LocalizedText($0.element)) }
        return Question(
            id: id, kind: .single, prompt: LocalizedText("?"), choices: choices, correct: ["a"],
            explanation: LocalizedText("Because."))
    }

    private func multiple(_ id: String, right count: Int, explanation: LocalizedText = LocalizedText("Because."))
        -> Question
    {
        let ids = ["a", "b", "c", "d"]
        return Question(
            id: id, kind: .multiple, prompt: LocalizedText("?"),
            choices: ids.map { Choice(id: $0, text: LocalizedText("Choice \($0)")) }, correct: Array(ids.prefix(count)),
            explanation: explanation)
    }

    private func quiz(_ questions: [Question]) -> Quiz { Quiz(passMark: 0.8, questions: questions) }

    // MARK: RightChoiceStandsOutByLength

    @Test func rightChoiceMoreThanAQuarterLongerIsFlagged() throws {
        let rule = RightChoiceStandsOutByLength()
        // 40 characters against 32 is exactly 25 % longer: still fine. 41 is more.
        let fine = single("q1", right: String(repeating: "x", count: 40), wrong: [String(repeating: "y", count: 32)])
        let long = single("q2", right: String(repeating: "x", count: 41), wrong: [String(repeating: "y", count: 32)])
        #expect(rule.findings(in: quiz([fine]), marks: QuizMarks(), languages: languages).isEmpty)
        let findings = rule.findings(in: quiz([long]), marks: QuizMarks(), languages: languages)
        let finding = try #require(findings.first)
        #expect(findings.count == 1, "one warning per question, not per language")
        #expect(finding.message.contains("question 'q2'"))
        #expect(finding.message.contains("28% in 'de' (41 against 32 characters)"))
        #expect(finding.message.contains("'en'"))
    }

    @Test func aFewCharactersNeverStandOut() {
        // "Yes" is 50 % longer than "No", but one character gives nothing away.
        let question = single("q1", right: "Yes", wrong: ["No"])
        #expect(
            RightChoiceStandsOutByLength().findings(in: quiz([question]), marks: QuizMarks(), languages: languages)
                .isEmpty)
    }

    @Test func oneLanguageIsEnoughAndTheWarningSitsInIt() throws {
        let question = single(
            "q1", right: "Kurz und richtig", wrong: ["Kurz und falsch"],
            rightEnglish: "Right, and with a long reason attached to it")
        var marks = QuizMarks()
        var questionMarks = QuestionMarks()
        let node = try #require(try YAMLComposer.compose("{de: Kurz und richtig, en: Right}"))
        questionMarks.choiceTexts["a"] = LocalizedMarks(node)
        marks.byQuestion["q1"] = questionMarks
        let finding = try #require(
            RightChoiceStandsOutByLength().findings(in: quiz([question]), marks: marks, languages: languages).first)
        #expect(finding.message.contains("in 'en'"))
        #expect(!finding.message.contains("in 'de'"))
        #expect(finding.mark == SourceMark(line: 1, column: 28), "at the English text, not the German one")
    }

    @Test func multipleChoiceIsLeftToTheOtherRules() {
        var question = single("q1", right: String(repeating: "x", count: 80), wrong: ["short", "short"])
        question.kind = .multiple
        #expect(
            RightChoiceStandsOutByLength().findings(in: quiz([question]), marks: QuizMarks(), languages: languages)
                .isEmpty)
    }

    // MARK: RightChoiceUsuallyLongest

    /// `count` four-choice questions of which the first `longest` have the right choice (slightly) longest.
    private func fourChoiceQuiz(_ count: Int, longest: Int) -> Quiz {
        quiz(
            (0..<count).map { index in
                index < longest
                    ? single("q\(index)", right: "Choice AAA", wrong: ["Choice BB", "Choice CC", "Choice DD"])
                    : single("q\(index)", right: "Choice A", wrong: ["Choice BB", "Choice CC", "Choice DD"])
            })
    }

    @Test func rightChoiceLongestAboveChancePlusFifteenPointsIsFlagged() throws {
        let rule = RightChoiceUsuallyLongest()
        let marks = QuizMarks(questions: SourceMark(line: 2, column: 1))
        // Four choices: chance 25 %, limit 40 %. Four of ten is at the limit, five of ten above it.
        #expect(rule.findings(in: fourChoiceQuiz(10, longest: 4), marks: marks, languages: languages).isEmpty)
        let findings = rule.findings(in: fourChoiceQuiz(10, longest: 5), marks: marks, languages: languages)
        #expect(findings.count == 2, "one per language")
        let finding = try #require(findings.first)
        #expect(finding.mark == SourceMark(line: 2, column: 1))
        #expect(finding.message.contains("5 of 10 single-choice questions in 'de' (50%; chance is 25%, the limit 40%)"))
    }

    @Test func fewerThanThreeQuestionsNeverTripTheQuizRule() {
        // Two of two is 100 %, but two questions say little about a quiz.
        #expect(
            RightChoiceUsuallyLongest().findings(
                in: fourChoiceQuiz(2, longest: 2), marks: QuizMarks(), languages: languages
            ).isEmpty)
    }

    @Test func aTieForLongestIsNotTheRightChoiceStandingOut() {
        let tied = quiz(
            (0..<5).map { single("q\($0)", right: "Choice AA", wrong: ["Choice BB", "Choice C", "Choice D"]) })
        #expect(RightChoiceUsuallyLongest().findings(in: tied, marks: QuizMarks(), languages: languages).isEmpty)
    }

    @Test func chanceFollowsTheNumberOfChoices() {
        // Two choices: chance 50 %, limit 65 %. Four of six (67 %) is above it, three of five (60 %) is not.
        func twoChoice(_ count: Int, longest: Int) -> Quiz {
            quiz(
                (0..<count).map {
                    $0 < longest
                        ? single("q\($0)", right: "Choice AA", wrong: ["Choice B"])
                        : single("q\($0)", right: "Choice A", wrong: ["Choice BB"])
                })
        }
        let rule = RightChoiceUsuallyLongest()
        #expect(rule.findings(in: twoChoice(5, longest: 3), marks: QuizMarks(), languages: languages).isEmpty)
        #expect(rule.findings(in: twoChoice(6, longest: 4), marks: QuizMarks(), languages: languages).count == 2)
    }

    // MARK: ExplanationNamesChoiceLetter

    private func references(_ text: String, english: Bool = false, choices: Int = 4) -> [String] {
        ExplanationNamesChoiceLetter.letterReferences(
            in: text, letters: Set("abcdefgh".prefix(choices)), english: english)
    }

    @Test(arguments: [
        ("Richtig ist a), weil die Frist gilt.", "a)"),
        ("Die Antwort (b) übersieht Art. 50.", "Antwort (b)"),
        ("(b) übersieht Art. 50.", "(b)"),
        ("Antwort c ist falsch: der Anbieter haftet nicht allein.", "Antwort c"),
        ("Option B vergisst die Kennzeichnung.", "Option B"),
        ("Choice d confuses provider and deployer.", "choice d"),
        ("Wer Antwort (c) wählt, übersieht die Frist.", "Antwort (c)"),
        ("The right one is answer a.", "answer a"),
        ("„d)“ klingt plausibel, ist aber falsch.", "d)"),
    ])
    func letterReferencesAreFound(_ text: String, _ expected: String) {
        let found = references(text, english: text.hasPrefix("The") || text.hasPrefix("Choice"))
        #expect(found.map { $0.lowercased() } == [expected.lowercased()], "\(text)")
    }

    @Test(arguments: [
        "Art. 5(1)(a) verbietet das.",
        "Nach Art. 26 Abs. 2 Buchst. f KI-VO gilt das.",
        "(siehe Art. 5 Abs. 1 Buchst. a)",
        "AI Act Art. 5(1), point (b), applies.",
        "Only a person can answer a question like this.",
        "An option a colleague might pick is wrong.",
        "Das betrifft Plan B und Anhang III.",
        "Es gibt (e) nicht bei vier Antworten.",
        "Art. 5 (a) gilt hier nicht.",
    ])
    func citationsAndWordsAreNotLetterReferences(_ text: String) {
        #expect(references(text, english: !text.contains("Das") && !text.contains("Es ")).isEmpty, "\(text)")
    }

    @Test func germanAnswerAIsALetterEvenWithoutPunctuation() {
        #expect(references("Antwort a ist richtig.") == ["Antwort a"])
        #expect(references("answer a is right.", english: true).isEmpty, "English 'a' is the article")
        #expect(references("answer A is right.", english: true) == ["answer A"])
    }

    @Test func explanationWarningNamesTheLanguageOnce() throws {
        var question = single("q1", right: "Ja", wrong: ["Nein"])
        question.explanation = text("Antwort b übersieht die Frist.", "The deadline is missed by the other choice.")
        let same = single("q2", right: "Ja", wrong: ["Nein"])
        var universal = same
        universal.explanation = LocalizedText("Siehe a).")
        let findings = ExplanationNamesChoiceLetter().findings(
            in: quiz([question, same, universal]), marks: QuizMarks(), languages: languages)
        #expect(findings.count == 2, "\(findings)")
        #expect(findings[0].message.contains("question 'q1': the explanation in 'de'"))
        #expect(findings[0].message.contains("'Antwort b'"))
        #expect(findings[1].message.contains("question 'q2'"), "a text used in every language warns once")
    }

    // MARK: SameNumberOfRightChoices

    @Test func multipleChoiceAllWithTheSameCountIsFlagged() throws {
        let rule = SameNumberOfRightChoices()
        var marks = QuizMarks()
        marks.byQuestion["m1"] = QuestionMarks(correct: SourceMark(line: 9, column: 14))
        let same = quiz([multiple("m1", right: 2), single("s", right: "a", wrong: ["b"]), multiple("m2", right: 2)])
        let finding = try #require(rule.findings(in: same, marks: marks, languages: languages).first)
        #expect(finding.mark == SourceMark(line: 9, column: 14))
        #expect(finding.message.contains("both multiple-choice questions ('m1', 'm2') have 2 right choices"))
        let mixed = quiz([multiple("m1", right: 2), multiple("m2", right: 1), multiple("m3", right: 2)])
        #expect(rule.findings(in: mixed, marks: marks, languages: languages).isEmpty)
        #expect(rule.findings(in: quiz([multiple("m1", right: 2)]), marks: marks, languages: languages).isEmpty)
    }

    // MARK: the shipped course

    @Test func theShippedCourseTripsNoQuizRule() {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content").path
        let result = ContentLoader(root: content, today: ContentFixture.today, checkLessonBodies: true).load()
        #expect(!result.diagnostics.containsErrors)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(!result.catalog.modules.isEmpty)
    }
}
