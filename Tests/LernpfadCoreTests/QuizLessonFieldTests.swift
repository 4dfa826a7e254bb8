import Foundation
import Testing

@testable import LernpfadCore

/// A question's optional `lesson`: the lesson the result tells a learner to re-read after a miss.
@Suite("Quiz lesson field")
struct QuizLessonFieldTests {
    private static func quiz(lesson: String) -> String {
        ContentFixture.quiz.replacingOccurrences(
            of: "    explanation: {de: Weil., en: Because.}\n",
            with: "    explanation: {de: Weil., en: Because.}\n    lesson: \(lesson)\n")
    }

    @Test(arguments: [false, true])
    func aQuestionNamesTheLessonThatTeachesIt(deferred: Bool) throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        folder.write("modules/basics/quiz.yaml", Self.quiz(lesson: "02-more"))
        let result = ContentLoader(root: folder.path, today: ContentFixture.today, deferQuizzes: deferred).load()
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        let quiz = try #require(result.catalog.module("basics")?.quiz)
        #expect(quiz.question("q1")?.lesson == "02-more")
        #expect(quiz.question("q2")?.lesson == nil)
    }

    @Test func anUnknownLessonIsAnErrorAtItsLine() throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        folder.write("modules/basics/quiz.yaml", Self.quiz(lesson: "03-missing"))
        let result = ContentFixture.load(folder)
        let diagnostic = try #require(result.diagnostics.first { $0.message.contains("unknown lesson '03-missing'") })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == "modules/basics/quiz.yaml")
        #expect(diagnostic.line == 13)
        #expect(diagnostic.message.contains("01-intro, 02-more"))
    }

    @Test func theSchemaAllowsTheField() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content/schemas/quiz.schema.json")
        let schema = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let questions = try #require((schema["properties"] as? [String: Any])?["questions"] as? [String: Any])
        let properties = try #require((questions["items"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((properties["lesson"] as? [String: Any])?["pattern"] as? String == "^[a-z0-9-]+$")
    }
}
