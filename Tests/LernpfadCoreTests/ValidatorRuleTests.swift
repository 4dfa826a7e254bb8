import Foundation
import Testing

@testable import LernpfadCore

/// One broken copy of the fixture per validator rule: the rule must name the file, the line and the problem.
struct BrokenContent: CustomTestStringConvertible, Sendable {
    let name: String
    let file: String
    let text: String?
    let expectedFile: String
    let expectedLine: Int?
    let fragment: String
    var severity: Diagnostic.Severity = .error

    var testDescription: String { name }

    static let cases: [BrokenContent] = [
        BrokenContent(
            name: "YAML syntax error", file: "modules/basics/module.yaml",
            text: "id: basics\ntitle: {de: x, en: y\nversion: 1.0.0\n",
            expectedFile: "modules/basics/module.yaml", expectedLine: 3, fragment: "YAML syntax error"),
        BrokenContent(
            name: "missing required field", file: "modules/basics/module.yaml",
            text: ContentFixture.module("basics").replacingOccurrences(of: "minutes: 10\n", with: ""),
            expectedFile: "modules/basics/module.yaml", expectedLine: 1, fragment: "missing required field 'minutes'"),
        BrokenContent(
            name: "unknown field with a suggestion", file: "modules/basics/quiz.yaml",
            text: ContentFixture.quiz.replacingOccurrences(
                of: "pass_mark: 0.5", with: "pass_mark: 0.5\npass_makr: 0.6"),
            expectedFile: "modules/basics/quiz.yaml", expectedLine: 2, fragment: "unknown field 'pass_makr'"),
        BrokenContent(
            name: "duplicate question id", file: "modules/basics/quiz.yaml",
            text: ContentFixture.quiz.replacingOccurrences(of: "id: q2", with: "id: q1"),
            expectedFile: "modules/basics/quiz.yaml", expectedLine: 13, fragment: "question id 'q1' is used twice"),
        BrokenContent(
            name: "duplicate lesson number", file: "modules/basics/01-other.de.md",
            text: ContentFixture.lesson("Andere"),
            expectedFile: "modules/basics/01-other.de.md", expectedLine: nil, fragment: "share the number 01"),
        BrokenContent(
            name: "path names an unknown module", file: "paths/staff.yaml",
            text: ContentFixture.staffPath.replacingOccurrences(of: "[basics, law]", with: "[basics, lwa]"),
            expectedFile: "paths/staff.yaml", expectedLine: 3, fragment: "unknown module 'lwa'"),
        BrokenContent(
            name: "prerequisite names an unknown module", file: "modules/law/module.yaml",
            text: ContentFixture.module("law", prerequisites: ["basix"]),
            expectedFile: "modules/law/module.yaml", expectedLine: 9, fragment: "prerequisite 'basix' is not a module"),
        BrokenContent(
            name: "prerequisite cycle", file: "modules/basics/module.yaml",
            text: ContentFixture.module("basics", prerequisites: ["law"]),
            expectedFile: "modules/", expectedLine: 9, fragment: "cycle: "),
        BrokenContent(
            name: "question without a correct choice", file: "modules/basics/quiz.yaml",
            text: ContentFixture.quiz.replacingOccurrences(of: "correct: [a]\n", with: "correct: []\n"),
            expectedFile: "modules/basics/quiz.yaml", expectedLine: 11, fragment: "no correct choice"),
        BrokenContent(
            name: "correct choice that does not exist", file: "modules/basics/quiz.yaml",
            text: ContentFixture.quiz.replacingOccurrences(of: "correct: [a, c]", with: "correct: [a, d]"),
            expectedFile: "modules/basics/quiz.yaml", expectedLine: 23, fragment: "correct choice 'd' is not one"),
        BrokenContent(
            name: "pass mark outside 0..1", file: "modules/basics/quiz.yaml",
            text: ContentFixture.quiz.replacingOccurrences(of: "pass_mark: 0.5", with: "pass_mark: 80"),
            expectedFile: "modules/basics/quiz.yaml", expectedLine: 1, fragment: "between 0 and 1"),
        BrokenContent(
            name: "string missing a language", file: "modules/basics/module.yaml",
            text: ContentFixture.module("basics").replacingOccurrences(
                of: "summary: {de: Zusammenfassung, en: Summary}", with: "summary: {de: Zusammenfassung}"),
            expectedFile: "modules/basics/module.yaml", expectedLine: 4, fragment: "missing language 'en'"),
        BrokenContent(
            name: "lesson missing a language", file: "modules/basics/02-more.en.md", text: nil,
            expectedFile: "modules/basics/02-more.de.md", expectedLine: nil, fragment: "missing language 'en'"),
        BrokenContent(
            name: "invalid semver", file: "modules/basics/module.yaml",
            text: ContentFixture.module("basics", version: "1.0"),
            expectedFile: "modules/basics/module.yaml", expectedLine: 2, fragment: "semantic version"),
        BrokenContent(
            name: "id outside [a-z0-9-]", file: "modules/basics/quiz.yaml",
            text: ContentFixture.quiz.replacingOccurrences(of: "id: q2", with: "id: ../Q2"),
            expectedFile: "modules/basics/quiz.yaml", expectedLine: 13, fragment: "may only contain"),
        BrokenContent(
            name: "review_by in the past", file: "modules/basics/module.yaml",
            text: ContentFixture.module("basics").replacingOccurrences(
                of: "reviewed: 2026-11-01\nreview_by: 2027-11-01", with: "reviewed: 2025-01-01\nreview_by: 2026-01-01"),
            expectedFile: "modules/basics/module.yaml", expectedLine: 13, fragment: "review_by 2026-01-01 has passed",
            severity: .warning),
        BrokenContent(
            name: "empty lesson", file: "modules/basics/02-more.de.md", text: "# Nur ein Titel\n",
            expectedFile: "modules/basics/02-more.de.md", expectedLine: 1, fragment: "lesson is empty",
            severity: .warning),
        BrokenContent(
            name: "module without sources", file: "modules/basics/module.yaml",
            text: ContentFixture.module("basics").replacingOccurrences(
                of: "sources:\n  - title: \"Regulation (EU) 2024/1689, Art. 4\"", with: "sources: []"),
            expectedFile: "modules/basics/module.yaml", expectedLine: 10, fragment: "no sources", severity: .warning),
        BrokenContent(
            name: "YAML alias", file: "modules/basics/module.yaml",
            text: ContentFixture.module("basics").replacingOccurrences(
                of: "summary: {de: Zusammenfassung, en: Summary}", with: "summary: &s {de: Z, en: S}\nx: *s"),
            expectedFile: "modules/basics/module.yaml", expectedLine: nil, fragment: "aliases are not supported"),
        BrokenContent(
            name: "single choice with two correct answers", file: "modules/basics/quiz.yaml",
            text: ContentFixture.quiz.replacingOccurrences(of: "correct: [a]\n", with: "correct: [a, b]\n"),
            expectedFile: "modules/basics/quiz.yaml", expectedLine: 11, fragment: "exactly one correct choice"),
        BrokenContent(
            name: "right choice stands out by length", file: "modules/basics/quiz.yaml",
            text: ContentFixture.quiz.replacingOccurrences(
                of: "text: {de: Ja, en: Yes}", with: "text: {de: Ja, en: \"Yes, always and for everyone\"}"),
            expectedFile: "modules/basics/quiz.yaml", expectedLine: 8, fragment: "length gives it away",
            severity: .warning),
        BrokenContent(
            name: "right choice longest in most single-choice questions", file: "modules/basics/quiz.yaml",
            text: ContentFixture.quiz + ContentFixture.singleChoice("q3") + ContentFixture.singleChoice("q4"),
            expectedFile: "modules/basics/quiz.yaml", expectedLine: 2,
            fragment: "longest in 3 of 3 single-choice questions in 'en'", severity: .warning),
        BrokenContent(
            name: "explanation names a choice letter", file: "modules/basics/quiz.yaml",
            text: ContentFixture.quiz.replacingOccurrences(
                of: "explanation: {de: Weil., en: Because.}",
                with: "explanation: {de: \"Weil Antwort b nicht gilt.\", en: Because.}"),
            expectedFile: "modules/basics/quiz.yaml", expectedLine: 12, fragment: "names a choice by its letter",
            severity: .warning),
        BrokenContent(
            name: "every multiple-choice question has the same number of right choices",
            file: "modules/basics/quiz.yaml",
            text: ContentFixture.quiz + ContentFixture.multipleChoice("q3", correct: "[b, c]"),
            expectedFile: "modules/basics/quiz.yaml", expectedLine: 23, fragment: "have 2 right choices",
            severity: .warning),
        BrokenContent(
            name: "changelog lists a version twice", file: "modules/basics/module.yaml",
            text: ContentFixture.module("basics")
                + "changelog:\n  - version: 1.0.0\n    lessons: []\n  - version: 1.0.0\n    lessons: []\n",
            expectedFile: "modules/basics/module.yaml", expectedLine: 17, fragment: "lists version 1.0.0 twice",
            severity: .warning),
        BrokenContent(
            name: "module id differs from its folder", file: "modules/basics/module.yaml",
            text: ContentFixture.module("basic"),
            expectedFile: "modules/basics/module.yaml", expectedLine: 1, fragment: "must match its folder name"),
    ]
}

@Suite("Validator rules")
struct ValidatorRuleTests {
    @Test(arguments: BrokenContent.cases)
    func ruleReportsFileLineAndProblem(_ broken: BrokenContent) throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        if let text = broken.text {
            folder.write(broken.file, text)
        } else {
            folder.remove(broken.file)
        }
        let result = ContentFixture.load(folder)
        let match = result.diagnostics.first { $0.message.contains(broken.fragment) }
        let diagnostic = try #require(match, "no diagnostic with '\(broken.fragment)' in \(result.diagnostics)")
        #expect(diagnostic.severity == broken.severity)
        #expect(diagnostic.file.hasPrefix(broken.expectedFile))
        if let line = broken.expectedLine { #expect(diagnostic.line == line) }
        if broken.severity == .warning {
            #expect(!result.diagnostics.containsErrors, "a warning case must not also raise errors")
        }
    }

    @Test func invalidUTF8InALessonIsLocated() throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        folder.writeBytes("modules/basics/01-intro.de.md", Array("# Titel\n\nGr".utf8) + [0xFC, 0x6E])
        let result = ContentFixture.load(folder)
        let diagnostic = try #require(result.diagnostics.first { $0.message.contains("UTF-8") })
        #expect(diagnostic.file == "modules/basics/01-intro.de.md")
        #expect(diagnostic.line == 3)
        #expect(diagnostic.column == 3)
        #expect(result.skippedModules == ["basics"])
    }

    @Test func symlinkLeavingTheContentFolderIsRefused() throws {
        let folder = TemporaryFolder()
        let outside = TemporaryFolder()
        ContentFixture.write(into: folder)
        outside.write("secret.md", "# Secret\n\nText\n")
        folder.remove("modules/basics/02-more.de.md")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/modules/basics/02-more.de.md", withDestinationPath: outside.path + "/secret.md")
        let result = ContentFixture.load(folder)
        let diagnostic = try #require(result.diagnostics.first { $0.message.contains("leaves the content folder") })
        #expect(diagnostic.file == "modules/basics/02-more.de.md")
        #expect(result.catalog.module("law") != nil)
    }

    @Test func cycleIsNamedInOrder() throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        folder.write("modules/basics/module.yaml", ContentFixture.module("basics", prerequisites: ["law"]))
        let result = ContentFixture.load(folder)
        let diagnostic = try #require(result.diagnostics.first { $0.message.contains("cycle") })
        #expect(diagnostic.message.hasSuffix("basics -> law -> basics"))
    }

    @Test func diagnosticsReadLikeACompilersMessages() {
        let diagnostic = Diagnostic(.error, "modules/a/quiz.yaml", line: 3, column: 5, "unknown field 'x'")
        #expect(diagnostic.description == "modules/a/quiz.yaml:3:5: error: unknown field 'x'")
    }

    @Test func scaffoldValidatesWithOnlyTodoWarnings() {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        for file in ModuleScaffold.files(id: "new-topic", languages: [.german, .english], today: ContentFixture.today) {
            folder.write(file.path, file.text)
        }
        let result = ContentFixture.load(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        #expect(result.diagnostics.contains { $0.message.contains("TODO") })
        #expect(result.diagnostics.allSatisfy { $0.message.contains("TODO") })
        #expect(result.catalog.module("new-topic") != nil)
    }

    @Test func orgRulesScaffoldValidatesWithOnlyTodoWarnings() throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        let files = ModuleScaffold.files(
            id: "our-rules", languages: [.german, .english], today: ContentFixture.today, template: .orgRules)
        for file in files { folder.write(file.path, file.text) }
        let result = ContentFixture.load(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        #expect(result.diagnostics.allSatisfy { $0.message.contains("TODO") }, "\(result.diagnostics)")
        let module = try #require(result.catalog.module("our-rules"))
        #expect(module.lessons.count == 5)
        #expect(module.lessons[0].title.text(in: .german) == "Freigegebene KI-Werkzeuge")
        #expect(module.lessons[4].title.text(in: .english) == "Reporting an incident")
        #expect(module.quiz?.questions.count == 4)
        let manifest = try #require(files.first { $0.path.hasSuffix("module.yaml") }?.text)
        #expect(manifest.contains("- id: org-rules-acknowledged"))
        #expect(manifest.contains("Read and acknowledged the organisation's AI rules"))
        // A course in a third language gets the English wording there.
        let french = ModuleScaffold.files(
            id: "nos-regles", languages: [.english, LanguageCode(rawValue: "fr")], today: ContentFixture.today,
            template: .orgRules)
        #expect(
            french.contains { $0.path == "modules/nos-regles/04-who-to-ask.fr.md" && $0.text.contains("Whom to ask") })
    }
}
