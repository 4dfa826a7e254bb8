import Foundation
import Testing

@testable import LernpfadCore

/// Content meant to break the loader: each case gives a located error, no crash, and the rest loads.
@Suite("Hostile content")
struct HostileContentTests {
    private func loadBreaking(_ file: String, with text: String) -> ContentLoadResult {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        folder.write(file, text)
        return ContentFixture.load(folder)
    }

    @Test func aYAMLAliasBombIsRefusedAtOnce() throws {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            bomb +=
                "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = level
        }
        let result = loadBreaking("modules/basics/quiz.yaml", with: bomb)
        let diagnostic = try #require(result.diagnostics.first { $0.message.contains("aliases are not supported") })
        #expect(diagnostic.file == "modules/basics/quiz.yaml")
        #expect(diagnostic.line != nil)
        #expect(result.catalog.module("law") != nil)
    }

    @Test func deeplyNestedFlowYAMLIsRefusedBeforeTheParserRecurses() throws {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = loadBreaking("modules/basics/module.yaml", with: text)
        let diagnostic = try #require(result.diagnostics.first { $0.message.contains("nested deeper") })
        #expect(diagnostic.line == 1)
        #expect(result.skippedModules == ["basics"])
    }

    @Test func deeplyIndentedBlockYAMLIsRefused() throws {
        var text = ""
        for depth in 0..<300 { text += String(repeating: "  ", count: depth) + "k\(depth):\n" }
        let result = loadBreaking("modules/basics/module.yaml", with: text)
        #expect(result.diagnostics.contains { $0.message.contains("nested deeper") })
        #expect(result.catalog.module("law") != nil)
    }

    @Test func aHugeLessonIsRefusedWithItsSizeAndTheRestLoads() throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        let line = String(repeating: "Ein sehr langer Absatz über KI. ", count: 30) + "\n"
        let huge = "# Riesig\n\n" + String(repeating: line, count: 50 * 1024 * 1024 / line.utf8.count)
        folder.write("modules/basics/02-more.de.md", huge)
        let result = ContentFixture.load(folder)
        let diagnostic = try #require(result.diagnostics.first { $0.message.contains("more than the limit") })
        #expect(diagnostic.file == "modules/basics/02-more.de.md")
        #expect(result.catalog.module("law") != nil)
    }

    @Test(arguments: ["../etc", "Basics", "a/b", "bäsics", ""])
    func pathEntriesThatAreNoIDsAreRefused(_ entry: String) throws {
        let text = ContentFixture.staffPath.replacingOccurrences(of: "[basics, law]", with: "[basics, \"\(entry)\"]")
        let result = loadBreaking("paths/staff.yaml", with: text)
        #expect(result.diagnostics.contains { $0.file == "paths/staff.yaml" && $0.severity == .error })
        #expect(result.catalog.module("basics") != nil)
    }

    @Test func controlCharactersInContentNeverReachMessagesRaw() throws {
        let result = loadBreaking(
            "modules/basics/quiz.yaml",
            with: ContentFixture.quiz.replacingOccurrences(of: "type: single", with: "type: \"\u{1B}[2Jx\""))
        #expect(result.diagnostics.contains { $0.file == "modules/basics/quiz.yaml" && $0.severity == .error })
        #expect(result.diagnostics.allSatisfy { !$0.description.contains("\u{1B}") })
    }
}
