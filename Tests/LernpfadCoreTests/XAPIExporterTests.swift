import Foundation
import Testing

@testable import LernpfadCore

@Suite("xAPI export")
struct XAPIExporterTests {
    private let folder = TemporaryFolder()

    private func exporter() -> XAPIExporter {
        ContentFixture.write(into: folder)
        return XAPIExporter(homePage: "https://learn.example.org/", catalog: ContentFixture.load(folder).catalog)
    }

    private func record() -> LearnerRecord {
        var record = LearnerRecord(
            learner: LearnerProfile(id: "anna", name: "Anna", roles: ["staff"], language: .german))
        let version = SemanticVersion(1, 0, 0)
        record.events = [
            LearnerEvent(
                at: date("2026-05-01T10:00:00Z"), kind: .lessonOpened, module: "basics", moduleVersion: version,
                lesson: "01-intro"),
            LearnerEvent(
                at: date("2026-05-01T10:05:00Z"), kind: .lessonCompleted, module: "basics", moduleVersion: version,
                lesson: "01-intro"),
            LearnerEvent(
                at: date("2026-05-01T10:06:00Z"), kind: .lessonCompleted, module: "basics", moduleVersion: version,
                lesson: "02-more"),
            LearnerEvent(
                at: date("2026-05-01T10:10:00Z"), kind: .quizAttempted, module: "basics", moduleVersion: version,
                score: 0.5,
                passed: true, answers: [], durationSeconds: 95.5),
            LearnerEvent(at: date("2026-05-02T09:00:00Z"), kind: .attested, milestone: "team-kickoff", by: "ben"),
        ]
        return record
    }

    @Test func jsonIsByteForByteWhatJSONEncoderWritesAndCompactMeansTheSame() throws {
        var record = record()
        record.events.append(
            LearnerEvent(
                at: date("2026-05-03T10:10:00.250Z"), kind: .quizAttempted, module: "law",
                moduleVersion: SemanticVersion(1, 0, 0), score: 0.8181818181818182, passed: false,
                answers: [LearnerEvent.Answer(question: "q1", chosen: ["a", "c"], correct: false)], seed: 42,
                durationSeconds: 61))
        record.events.append(LearnerEvent(at: date("2026-05-04T08:00:00Z"), kind: .moduleReset, module: "law"))
        let statements = exporter().statements(for: record)
        #expect(statements.contains { $0.result?.extensions != nil })
        #expect(statements.contains { $0.context?.instructor != nil })
        let pretty = XAPIStatement.jsonData(statements)
        let expected = try JSONCoding.encoder().encode(statements)
        #expect(pretty == expected, "differs:\n\(String(decoding: pretty, as: UTF8.self))")
        let compact = XAPIStatement.jsonData(statements, compact: true)
        #expect(!compact.contains(0x0A))
        #expect(try JSONDecoder().decode([XAPIStatement].self, from: compact) == statements)
        #expect(XAPIStatement.jsonData([], compact: true) == Data("[]".utf8))
    }

    @Test func everyEventBecomesAStatementWithItsOwnID() {
        let record = record()
        let statements = exporter().statements(for: record)
        let exporter = exporter()
        for event in record.events {
            #expect(statements.contains { $0.id == exporter.statementID(learner: "anna", event: event.id) })
        }
        #expect(
            statements.map(\.verb.id) == [
                XAPIExporter.VerbIRI.experienced, XAPIExporter.VerbIRI.completed, XAPIExporter.VerbIRI.completed,
                XAPIExporter.VerbIRI.passed, XAPIExporter.VerbIRI.completed, XAPIExporter.VerbIRI.completed,
            ])
    }

    @Test func quizStatementCarriesScoreSuccessDurationAndContext() throws {
        let statements = exporter().statements(for: record())
        let quiz = try #require(statements.first { $0.verb.id == XAPIExporter.VerbIRI.passed })
        #expect(quiz.actor.account == XAPIStatement.Account(homePage: "https://learn.example.org", name: "anna"))
        #expect(quiz.object.id == "https://learn.example.org/modules/basics/quiz")
        #expect(quiz.object.definition?.name == ["de": "Titel basics", "en": "Title basics"])
        #expect(quiz.result?.score?.scaled == 0.5)
        #expect(quiz.result?.success == true)
        #expect(quiz.result?.duration == "PT95.5S")
        #expect(quiz.context?.revision == "1.0.0")
        #expect(quiz.context?.language == "de")
        #expect(quiz.context?.contextActivities?.parent?.first?.id == "https://learn.example.org/modules/basics")
        #expect(quiz.context?.contextActivities?.grouping?.first?.id == "https://learn.example.org/paths/staff")
        #expect(quiz.timestamp == "2026-05-01T10:10:00.000Z")
    }

    @Test func moduleCompletionIsDerivedWithAStableIDAndClosesTheCycle() throws {
        let first = exporter().statements(for: record())
        let second = exporter().statements(for: record())
        let completion = try #require(first.first { $0.object.id.hasSuffix("/modules/basics") })
        #expect(second.first { $0.object.id.hasSuffix("/modules/basics") }?.id == completion.id)
        let opened = try #require(first.first)
        #expect(opened.context?.registration == completion.context?.registration)
    }

    @Test func exportNeverContainsAnEmailAddressOrName() throws {
        let data = try JSONEncoder().encode(exporter().statements(for: record()))
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("mbox"))
        #expect(!text.contains("\"Anna\""))
    }
}
