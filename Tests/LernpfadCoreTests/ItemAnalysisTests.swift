import Foundation
import Testing

@testable import LernpfadCore

/// The team report's item analysis: difficulty, discrimination, picks and flags per question.
@Suite("Item analysis")
struct ItemAnalysisTests {
    private let folder = TemporaryFolder()
    private let now = date("2026-11-21T12:00:00Z")

    /// Four single-choice questions (a right; b, c wrong) and one multiple-choice question (a, b right; c wrong).
    private static let quiz = """
        pass_mark: 0.5
        questions:
        \((1...4).map { single("q\($0)") }.joined())
          - id: m1
            type: multiple
            prompt: {de: Mehrere?, en: Several?}
            choices:
              - {id: a, text: {de: Eins, en: One}}
              - {id: b, text: {de: Zwei, en: Two}}
              - {id: c, text: {de: Drei, en: Three}}
            correct: [a, b]
            explanation: {de: Darum., en: That is why.}

        """

    private static func single(_ id: String) -> String {
        """
          - id: \(id)
            type: single
            prompt: {de: Frage \(id)?, en: Question \(id)?}
            choices:
              - {id: a, text: {de: Richtig, en: Right}}
              - {id: b, text: {de: Falsch, en: Wrong}}
              - {id: c, text: {de: Daneben, en: Amiss}}
            correct: [a]
            explanation: {de: Weil., en: Because.}

        """
    }

    private func catalog() throws -> Catalog {
        ContentFixture.write(into: folder)
        folder.write("modules/basics/quiz.yaml", Self.quiz)
        let result = ContentFixture.load(folder)
        try #require(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        return result.catalog
    }

    /// A learner whose attempt at `basics` answered `right` of q1…q4 and m1 right, picking `wrong` for each wrong single.
    private func learner(
        _ id: String, right: Set<String>, wrong: String = "b", team: String = "marketing",
        at: String = "2026-11-01T10:00:00Z"
    ) -> LearnerRecord {
        var record = LearnerRecord(learner: LearnerProfile(id: id, name: id, team: team, roles: ["staff"]))
        record.events = [attempt(right: right, wrong: wrong, version: SemanticVersion(1, 0, 0), at: at)]
        return record
    }

    /// The twelve learners of `patterns`, every other one picking `c` rather than `b` when wrong.
    private var twelve: [LearnerRecord] {
        patterns.enumerated().map { learner("l\($0.offset)", right: $0.element, wrong: $0.offset % 2 == 0 ? "b" : "c") }
    }

    private func attempt(right: Set<String>, wrong: String = "b", version: SemanticVersion, at: String) -> LearnerEvent
    {
        var answers = (1...4).map { number -> LearnerEvent.Answer in
            let question = "q\(number)"
            let correct = right.contains(question)
            return LearnerEvent.Answer(question: question, chosen: [correct ? "a" : wrong], correct: correct)
        }
        answers.append(
            LearnerEvent.Answer(
                question: "m1", chosen: right.contains("m1") ? ["a", "b"] : ["a"], correct: right.contains("m1")))
        let score = Double(answers.filter(\.correct).count) / Double(answers.count)
        return LearnerEvent(
            at: date(at), kind: .quizAttempted, module: "basics", moduleVersion: version, score: score,
            passed: score >= 0.5, answers: answers)
    }

    private func item(_ report: TeamReport, _ question: String) throws -> TeamReport.ItemAnalysis {
        try #require(report.itemAnalysis.first { $0.module == "basics" && $0.question == question })
    }

    /// Pearson's r computed the textbook way, to hold the running sums to.
    private func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let mx = x.reduce(0, +) / Double(x.count)
        let my = y.reduce(0, +) / Double(y.count)
        let cov = zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
        let vx = x.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        let vy = y.map { ($0 - my) * ($0 - my) }.reduce(0, +)
        return cov / (vx * vy).squareRoot()
    }

    /// Twelve learners: strong ones get everything, weak ones little; q4 is missed by the strong and got by the weak.
    private var patterns: [Set<String>] {
        [
            ["q1", "q2", "q3", "m1"], ["q1", "q2", "q3", "m1"], ["q1", "q2", "q3", "m1"], ["q1", "q2", "m1"],
            ["q1", "q2", "q3"], ["q1", "q3", "m1"], ["q1", "q2", "q4"], ["q1", "q4"], ["q1", "q3", "q4"],
            ["q1", "q4"], ["q1", "q4"], ["q1"],
        ]
    }

    @Test func difficultyAndDiscriminationFollowTheFirstAttempts() throws {
        let report = TeamReport(records: twelve, skipped: [], catalog: try catalog(), now: now)
        let q2 = try item(report, "q2")
        #expect(q2.answers == 12)
        #expect(q2.right == 6)
        #expect(q2.difficulty == 0.5)
        // Point-biserial against the share right on the other four answers.
        let x = patterns.map { $0.contains("q2") ? 1.0 : 0.0 }
        let rest = patterns.map { Double($0.subtracting(["q2"]).count) / 4 }
        let expected = (pearson(x, rest) * 1000).rounded() / 1000
        #expect(q2.discrimination == expected)
        #expect(expected > 0.2, "strong learners get q2 right more often")
        #expect(q2.flags.isEmpty)
        #expect(q2.choices.map(\.picks) == [6, 2, 4])
        #expect(q2.choices.map(\.correct) == [true, false, false])
        #expect(report.itemAnalysis.map(\.question) == ["q1", "q2", "q3", "q4", "m1"], "catalog order")
    }

    @Test func questionsThatMislead() throws {
        let report = TeamReport(records: twelve, skipped: [], catalog: try catalog(), now: now)
        let q1 = try item(report, "q1")
        #expect(q1.difficulty == 1)
        #expect(q1.discrimination == nil, "no variance in q1")
        #expect(q1.flags == [.everyoneRight, .distractorNeverPicked])
        #expect(q1.unpickedDistractors == ["b", "c"])
        let q4 = try item(report, "q4")
        #expect((q4.discrimination ?? 0) < 0)
        #expect(q4.flags == [.strongLearnersMiss])
        #expect(q4.unpickedDistractors.isEmpty)
        // m1: wrong answers picked only "a", so "c" is a distractor nobody picked.
        let m1 = try item(report, "m1")
        #expect(m1.choices.map(\.picks) == [12, 5, 0])
        #expect(m1.unpickedDistractors == ["c"])
    }

    @Test func fewerThanTenAnswersAreNeverFlagged() throws {
        let records = Array(twelve.prefix(9))
        let report = TeamReport(records: records, skipped: [], catalog: try catalog(), now: now)
        #expect(report.itemAnalysis.allSatisfy { $0.flags.isEmpty && $0.unpickedDistractors.isEmpty })
        #expect(try item(report, "q1").difficulty == 1)
    }

    @Test func onlyTheFirstAttemptAtTheCurrentMajorVersionCounts() throws {
        var record = learner("anna", right: [], at: "2026-11-02T10:00:00Z")
        // Later: a retake after the explanations; earlier: an attempt at the old major version; after asOf: ignored.
        record.events.append(
            attempt(right: ["q1", "q2"], version: SemanticVersion(1, 0, 0), at: "2026-11-03T10:00:00Z"))
        record.events.append(
            attempt(right: ["q1", "q2"], version: SemanticVersion(0, 9, 0), at: "2026-10-01T10:00:00Z"))
        record.events.insert(
            attempt(right: ["q1", "q2"], version: SemanticVersion(1, 1, 0), at: "2026-12-01T10:00:00Z"), at: 0)
        let report = TeamReport(records: [record], skipped: [], catalog: try catalog(), now: now)
        let q1 = try item(report, "q1")
        #expect(q1.answers == 1)
        #expect(q1.right == 0)
    }

    @Test func theTeamFilterAppliesAndStreamingGivesTheSame() throws {
        let catalog = try catalog()
        var records = twelve
        records.append(learner("sam", right: ["q2"], team: "sales"))
        let sales = TeamReport(records: records, skipped: [], catalog: catalog, now: now, team: "sales")
        #expect(try item(sales, "q2").answers == 1)
        let streamed = TeamReport(
            contributions: records.map { TeamReport.contribution(of: $0, catalog: catalog, now: now) }, skipped: [],
            catalog: catalog, now: now, team: "sales")
        #expect(streamed == sales)
    }

    @Test func jsonAndHTMLShowTheAnalysis() throws {
        let catalog = try catalog()
        let report = TeamReport(records: twelve, skipped: [], catalog: catalog, now: now)
        var expected = try JSONCoding.encoder().encode(report)
        expected.append(0x0A)
        #expect(report.jsonData() == expected, "\(String(decoding: report.jsonData(), as: UTF8.self))")
        let json = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        let items = try #require(json["itemAnalysis"] as? [[String: Any]])
        #expect(items.count == 5)
        #expect(items[0]["flags"] as? [String] == ["everyoneRight", "distractorNeverPicked"])
        #expect(json["missedQuestions"] != nil, "existing fields stay")
        let html = report.html(catalog: catalog, language: .english)
        #expect(html.contains("<h2>Item analysis</h2>"))
        #expect(html.contains("everyone right (too easy)"))
        #expect(html.contains("strong learners miss it"))
        #expect(html.contains("never picked: b, c"))
        #expect(html.contains("Question q4? (q4)"))
        let german = report.html(catalog: catalog)
        #expect(german.contains("<h2>Aufgabenanalyse</h2>") && german.contains("alle richtig (zu leicht)"))
        #expect(german.contains("Frage q4? (q4)"))
    }
}
