import Foundation
import Testing

@testable import LernpfadCore

/// `validate` warns about text the reader can only cut anywhere (issue 12, point 14).
@Suite("Long runs without a break")
struct LongRunCheckTests {
    @Test func aRunOverTheLimitIsFoundWithItsLineAndColumn() {
        let text = "Ein Satz.\n\nab " + String(repeating: "x", count: 1500) + " Ende\n"
        let (run, count) = LongRunCheck.runs(in: text)
        #expect(run == LongRunCheck.Run(line: 2, column: 4, characters: 1500))
        #expect(count == 1)
    }

    @Test func runsUpToTheLimitAndProseAreFine() {
        #expect(LongRunCheck.runs(in: String(repeating: "x", count: 1000)).count == 0)
        #expect(LongRunCheck.runs(in: String(repeating: "Ein ganz normaler Satz. ", count: 50_000)).count == 0)
        // 900 umlauts are 1,800 bytes but 900 characters.
        #expect(LongRunCheck.runs(in: String(repeating: "ü", count: 900)).count == 0)
        #expect(LongRunCheck.runs(in: String(repeating: "ü", count: 1001)).first?.characters == 1001)
    }

    @Test func everyRunIsCountedAndTheFirstIsLocated() {
        let run = String(repeating: "y", count: 2000)
        let text = "a\n" + run + "\nb\n\t" + run + "\r\n" + run
        let (first, count) = LongRunCheck.runs(in: text)
        #expect(first == LongRunCheck.Run(line: 1, column: 1, characters: 2000))
        #expect(count == 3)
    }

    @Test func validateWarnsAtTheFileLineAndColumn() throws {
        let folder = TemporaryFolder()
        ContentFixture.write(into: folder)
        let lesson = ContentFixture.lesson("Lang") + "\nZiel: " + String(repeating: "z", count: 4_000_000) + "\n"
        folder.write("modules/basics/02-more.de.md", lesson)
        let result = ContentFixture.load(folder)
        let warning = try #require(result.diagnostics.first { $0.message.contains("without a space") })
        #expect(warning.severity == .warning)
        #expect(warning.description.hasPrefix("modules/basics/02-more.de.md:9:7: warning: 4000000 characters"))
        #expect(result.catalog.module("basics") != nil, "a warning never skips the module")
    }
}
