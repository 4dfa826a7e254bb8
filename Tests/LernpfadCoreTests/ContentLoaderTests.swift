import Foundation
import Testing

@testable import LernpfadCore

@Suite("Content loader")
struct ContentLoaderTests {
    @Test func validFixtureLoadsWithoutFindings() {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        let result = ContentFixture.load(folder)
        #expect(result.diagnostics == [])
        #expect(result.catalog.modules.map(\.id) == ["basics", "law"])
        #expect(result.catalog.path("staff")?.modules == ["basics", "law"])
        #expect(result.catalog.module("law")?.lessons.map(\.id) == ["01-intro", "02-more"])
        #expect(result.catalog.module("law")?.lessons.first?.title.text(in: .english) == "Lesson 01-intro")
        #expect(result.catalog.module("basics")?.quiz?.questions.count == 2)
        #expect(result.catalog.path("staff")?.validity == ISODuration(months: 12))
    }

    @Test func lessonBodiesAreReadOnlyWhenOpened() throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        let catalog = ContentFixture.load(folder, checkBodies: false).catalog
        let lesson = try #require(catalog.module("basics")?.lesson("01-intro"))
        let document = try LessonText.load(lesson, language: .english, catalog: catalog).get()
        #expect(document.title == "Lesson 01-intro")
        #expect(document.body.contains("Ein Absatz mit Text."))
        #expect(document.bodyStartLine == 5)
    }

    @Test func aBrokenModuleIsSkippedAndTheRestLoads() {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        folder.write("modules/law/quiz.yaml", "pass_mark: [oops\n")
        let result = ContentFixture.load(folder)
        #expect(result.skippedModules == ["law"])
        #expect(result.catalog.modules.map(\.id) == ["basics"])
        #expect(result.diagnostics.containsErrors)
    }

    @Test func deferredQuizzesReadTheSameQuizOnFirstUse() throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        let eager = ContentFixture.load(folder, checkBodies: false).catalog
        let deferred = ContentLoader(root: folder.path, today: ContentFixture.today, deferQuizzes: true).load()
        #expect(deferred.diagnostics == [])
        let module = try #require(deferred.catalog.module("basics"))
        guard case .deferred(let source) = module.quizSource else {
            Issue.record("the quiz was read at load time")
            return
        }
        #expect(module.hasQuiz)
        #expect(source.file == "modules/basics/quiz.yaml")
        #expect(module.quiz == eager.module("basics")?.quiz)
        #expect(source.diagnostics == [])
    }

    @Test func aBrokenDeferredQuizKeepsItsModuleAndSaysWhereOnFirstUse() throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        folder.write("modules/law/quiz.yaml", "pass_mark: [oops\n")
        let result = ContentLoader(root: folder.path, today: ContentFixture.today, deferQuizzes: true).load()
        #expect(result.skippedModules == [])
        let module = try #require(result.catalog.module("law"))
        #expect(module.hasQuiz)
        #expect(module.quiz == nil)
        guard case .deferred(let source) = module.quizSource else {
            Issue.record("the broken quiz was not deferred")
            return
        }
        let problem = try #require(source.diagnostics.first)
        #expect(problem.severity == .error)
        #expect(problem.file == "modules/law/quiz.yaml")
        #expect(problem.line == 2, "libyaml finds the open bracket unclosed at the end of the file")
    }

    @Test func aMissingQuizIsReportedAtLoadEvenWhenDeferred() {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        folder.remove("modules/law/quiz.yaml")
        let result = ContentLoader(root: folder.path, today: ContentFixture.today, deferQuizzes: true).load()
        #expect(result.skippedModules == ["law"])
        #expect(result.diagnostics.contains { $0.file == "modules/law/quiz.yaml" && $0.severity == .error })
    }

    @Test func aBrokenCourseFileStillLoadsTheModules() {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        folder.write("course.yaml", "id: [\n")
        let result = ContentFixture.load(folder)
        #expect(result.catalog.modules.count == 2)
        #expect(result.diagnostics.first?.file == "course.yaml")
    }

    @Test func semanticVersionsParseAndOrder() {
        #expect(SemanticVersion("1.2.3") == SemanticVersion(1, 2, 3))
        #expect(SemanticVersion("1.2") == nil)
        #expect(SemanticVersion("01.2.3") == nil)
        #expect(SemanticVersion("1.2.3-beta.1")?.prerelease == "beta.1")
        #expect(SemanticVersion("1.0.0-rc")! < SemanticVersion("1.0.0")!)
        #expect(SemanticVersion("1.10.0")! > SemanticVersion("1.9.9")!)
    }

    @Test func durationsParseAndAddOnTheCalendar() throws {
        #expect(ISODuration("P12M") == ISODuration(months: 12))
        #expect(ISODuration("P1Y2M3D") == ISODuration(years: 1, months: 2, days: 3))
        #expect(ISODuration("P2W") == ISODuration(days: 14))
        #expect(ISODuration("12M") == nil)
        #expect(ISODuration("P") == nil)
        let leapDay = try #require(CalendarDay("2024-02-29")?.startOfDay)
        #expect(CalendarDay(ISODuration(months: 12).added(to: leapDay)) == CalendarDay("2025-02-28"))
        #expect(CalendarDay("2026-02-29") == nil)
    }

    @Test func lessonFileNamesFollowTheRule() {
        #expect(LessonFileName.parse("01-what-is-ai.de.md")?.id == "01-what-is-ai")
        #expect(LessonFileName.parse("01-what-is-ai.de.md")?.language == .german)
        #expect(LessonFileName.parse("what-is-ai.de.md") == nil)
        #expect(LessonFileName.parse("01-intro.md") == nil)
        #expect(LessonFileName.parse("01_Intro.de.md") == nil)
    }
}

@Suite("Lesson front matter")
struct LessonFrontMatterTests {
    @Test func plainLinesAreReadWithoutAParser() {
        let document = LessonDocument(text: "---\ntitle: Was ist KI?\nminutes: 5\n---\n# Überschrift\n\nText\n")
        #expect(document.title == "Was ist KI?")
        #expect(document.minutes == 5)
        #expect(document.bodyStartLine == 5)
        #expect(document.body.hasPrefix("# Überschrift"))
    }

    @Test(arguments: ["title: \"Zitat\"", "titel: Tippfehler", "minutes: fünf", "title: a: b", "title: x\ntitle: y"])
    func anythingElseGoesToTheYAMLParser(_ matter: String) {
        let lines = matter.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(LessonDocument.plainFrontMatter(lines[...]) == nil)
    }

    @Test func windowsLineEndingsAreRead() {
        let document = LessonDocument(text: "---\r\ntitle: Was ist KI?\r\nminutes: 5\r\n---\r\nText\r\n")
        #expect(document.title == "Was ist KI?")
        #expect(document.minutes == 5)
        #expect(document.bodyStartLine == 5)
        #expect(document.body == "Text\r\n")
    }

    @Test func aFrontMatterThatNeverEndsIsReported() {
        let sink = DiagnosticSink()
        _ = LessonDocument(text: "---\ntitle: x\n\nText\n", file: "l.md", sink: sink)
        #expect(sink.diagnostics.map(\.message) == ["front matter starts with '---' but never ends"])
    }

    @Test func theTitleFallsBackToTheFirstHeading() {
        let document = LessonDocument(text: "\n\nEinleitung\n# Überschrift \nText\n")
        #expect(document.title == "Überschrift")
    }

    @Test func quotedTitlesStillWork() {
        let document = LessonDocument(text: "---\ntitle: \"KI: eine Einführung\"\n---\nText\n")
        #expect(document.title == "KI: eine Einführung")
    }
}
