import Foundation
import Testing

/// The layers as DESIGN.md draws them, checked on the sources: the UI reads no file and no clock, only the
/// terminal layer imports curses, and the core knows nothing of the UI.
@Suite("Layer rules")
struct LayerRuleTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func files(in target: String) -> [(name: String, text: String)] {
        let folder = sources.appendingPathComponent(target)
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var result: [(String, String)] = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift"),
                let text = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            else { continue }
            // Comments may name what the code must not do.
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            result.append(("\(target)/\(path)", code.joined(separator: "\n")))
        }
        return result
    }

    @Test func theUIReadsNoFileNoClockAndNoRandomness() {
        let forbidden = [
            "Date()", "FileManager", "LessonText.load", "ContentFileReader", ".random(", "ProcessInfo", "getenv(",
            ".quiz?.", ".quiz!", "fopen(",
        ]
        let files = Self.files(in: "LernpfadUI")
        #expect(files.count > 30)
        for file in files {
            for word in forbidden {
                #expect(!file.text.contains(word), "\(file.name) uses \(word)")
            }
        }
    }

    @Test func onlyTheTerminalLayerImportsCursesAndTheCoreKnowsNoUI() {
        for target in ["LernpfadCore", "LernpfadUI", "LernpfadSession", "lernpfad"] {
            for file in Self.files(in: target) {
                #expect(!file.text.contains("import CNCurses"), "\(file.name) imports curses")
            }
        }
        for file in Self.files(in: "LernpfadCore") {
            #expect(!file.text.contains("import LernpfadUI"), "\(file.name) imports the UI")
        }
        #expect(Self.files(in: "LernpfadTerminal").contains { $0.text.contains("import CNCurses") })
    }
}
