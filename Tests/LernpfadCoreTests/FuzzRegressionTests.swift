import Foundation
import Testing

@testable import LernpfadCore

/// Inputs the libFuzzer targets in Fuzz/ failed on (docs/fuzzing.md), each kept in Fuzz/Corpus/ as well.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    private func load(_ file: String, _ bytes: [UInt8]) -> ContentLoadResult {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        folder.writeBytes(file, bytes)
        return ContentFixture.load(folder)
    }

    /// `Fuzz/Corpus/ContentLoader/regression-duplicate-key`: Yams reports a duplicate key with the whole document
    /// as its context, which made a diagnostic of many lines that quoted the file.
    @Test func aDuplicateKeyIsOneLocatedLine() throws {
        let result = load("modules/basics/module.yaml", Array("o:\no:".utf8))
        let diagnostic = try #require(result.diagnostics.first { $0.file == "modules/basics/module.yaml" })
        #expect(diagnostic.message == "YAML syntax error: key 'o' appears more than once in one mapping")
        #expect(diagnostic.line == 1 && diagnostic.column == 1)
        #expect(!diagnostic.description.contains("\n"))
        #expect(result.skippedModules == ["basics"])
        #expect(result.catalog.module("law") != nil)
    }

    /// The same path let a content file send escape sequences (YAML's `\e`) to the terminal of `lernpfad validate`.
    @Test func aDuplicateKeyNeverEchoesControlCharacters() throws {
        let text = #"""
            title: "\e]0;owned\a"
            "\e[2J": 1
            "\e[2J": 2
            """#
        let result = load("modules/basics/quiz.yaml", Array(text.utf8))
        let diagnostic = try #require(result.diagnostics.first { $0.file == "modules/basics/quiz.yaml" })
        #expect(diagnostic.message == "YAML syntax error: key '\\u{1b}[2J' appears more than once in one mapping")
        #expect(diagnostic.line == 2)
        #expect(
            result.diagnostics.allSatisfy { diagnostic in
                !diagnostic.description.unicodeScalars.contains { $0.properties.generalCategory == .control }
            })
    }

    /// `Fuzz/Corpus/ContentLoader/regression-duration-*`: durations whose digits overflowed `Int` while parsing
    /// (`W` times 7, or a sum) or later, when the progress engine added them to a completion date.
    @Test(arguments: ["P9223372036854775807W", "P5000000000000000000Y5000000000000000000Y", "P999999999999999999Y"])
    func anOverlongValidityIsALocatedErrorNotATrap(_ validity: String) throws {
        let text = ContentFixture.staffPath.replacingOccurrences(of: "validity: P12M", with: "validity: \(validity)")
        let result = load("paths/staff.yaml", Array(text.utf8))
        let diagnostic = try #require(result.diagnostics.first { $0.file == "paths/staff.yaml" })
        #expect(diagnostic.message.contains("'validity' must be an ISO 8601 duration"))
        #expect(diagnostic.line == 4)
        #expect(result.catalog.path("staff") == nil)
    }

    @Test func durationsStopAtOneHundredYearsInEachUnit() {
        #expect(ISODuration("P100Y") == ISODuration(years: 100))
        #expect(ISODuration("P1200M") == ISODuration(months: 1200))
        #expect(ISODuration("P5218W") == ISODuration(days: 36_526))
        #expect(ISODuration("P101Y") == nil)
        #expect(ISODuration("P60Y60Y") == nil)
        #expect(ISODuration("P1201M") == nil)
        #expect(ISODuration("P99999999999999D") == nil)
    }

    /// `Fuzz/Corpus/LearnerFile/regression-review-*`: a review card from an edited file trapped when it was
    /// answered (a counter at `Int.max`) or saved afterwards (an interval far past any writable date).
    @Test func aReviewCardWithAbsurdNumbersIsAnsweredAndSaved() throws {
        let now = try #require(Timestamp.parse("2026-11-21T12:00:00.000Z"))
        let file = #"""
            {"schema":1,"learner":{"id":"x","name":"n","roles":["staff"]},"events":[],"review":{
              "a/huge":{"due":"2026-01-01T00:00:00Z","intervalDays":1e300,"easiness":2.5,"repetitions":5,"lapses":0},
              "a/max":{"due":"2026-01-01T00:00:00Z","intervalDays":1,"easiness":2.5,
                       "repetitions":9223372036854775807,"lapses":9223372036854775807}}}
            """#
        var record = try LearnerFileCodec.decode(Data(file.utf8), path: "x.json")
        let huge = try #require(record.review["a/huge"]).reviewed(correct: true, at: now)
        #expect(huge.intervalDays == ReviewCard.maximumIntervalDays)
        let right = try #require(record.review["a/max"]).reviewed(correct: true, at: now)
        #expect(right.repetitions == .max)
        let wrong = try #require(record.review["a/max"]).reviewed(correct: false, at: now)
        #expect(wrong.lapses == .max && wrong.intervalDays == 1)
        let shrunk = ReviewCard(due: now, intervalDays: -40, easiness: 2.5, repetitions: 7, lapses: 0)
        #expect(shrunk.reviewed(correct: true, at: now).intervalDays == 1)

        record.review["a/huge"] = huge
        record.review["a/max"] = right
        let saved = try LearnerFileCodec.encode(record)
        #expect(try LearnerFileCodec.decode(saved, path: "x.json") == record)
    }

    /// `Fuzz/Corpus/LearnerFile/regression-timestamp-*`: an offset moved a time out of the four-digit years, and the
    /// file was then saved in a form that no longer read.
    @Test(arguments: ["0000-01-01T00:00:00+01:00", "9999-12-31T23:59:59.999-00:01"])
    func timesOutsideTheWritableYearsAreRefused(_ text: String) throws {
        #expect(Timestamp.parse(text) == nil)
        let file =
            #"{"schema":1,"learner":{"id":"x","name":"n","roles":["staff"]},"events":[{"#
            + #""id":"0BEFC5E8-518B-4F81-8C37-B739C314FC16","at":""# + text + #"","type":"lessonOpened"}],"review":{}}"#
        #expect(throws: StoreError.self) { try LearnerFileCodec.decode(Data(file.utf8), path: "x.json") }
        let edge = try #require(Timestamp.parse("0000-01-01T00:00:00Z"))
        #expect(Timestamp.parse(Timestamp.format(edge)) == edge)
        let last = try #require(Timestamp.parse("9999-12-31T23:59:59.999Z"))
        #expect(Timestamp.parse(Timestamp.format(last)) == last)
    }

    /// `Fuzz/Corpus/LearnerFile/regression-score-overflow-in-status.json`: a quiz score of 1e300 crashed every
    /// percentage made of it (status, team HTML, module screen).
    @Test func scoresOutsideZeroToOneAreIgnored() throws {
        let at = try #require(Timestamp.parse("2026-01-01T00:00:00Z"))
        let module = Module(
            id: "m", version: SemanticVersion(1, 0, 0), title: LocalizedText("M"), summary: LocalizedText("S"),
            minutes: 5, level: .basic, objectives: [],
            lessons: [Lesson(id: "01-a", title: LocalizedText("A"), minutes: 1, files: [:])],
            quiz: Quiz(passMark: 0.5, questions: []))
        let events = [
            LearnerEvent(at: at, kind: .lessonCompleted, module: "m", lesson: "01-a"),
            LearnerEvent(at: at, kind: .quizAttempted, module: "m", score: 1e300, passed: true),
        ]
        let progress = ProgressEngine.module(
            module, validity: ISODuration(months: 12), dueSoon: ISODuration(days: 30), events: events,
            now: at.addingTimeInterval(60))
        #expect(progress.completion != nil)
        #expect(progress.completion?.score == nil)
        #expect(progress.lastScore == nil)
    }

    /// `Fuzz/Corpus/LearnerFile/regression-xapi-duration-overflow.json`: a duration of 1e300 seconds trapped in
    /// `lernpfad export xapi`.
    @Test func anAbsurdDurationIsCappedInTheStatement() {
        #expect(XAPIExporter.duration(1e300) == "PT31536000S")
        #expect(XAPIExporter.duration(-5) == "PT0S")
        #expect(XAPIExporter.duration(95.5) == "PT95.5S")
    }
}
