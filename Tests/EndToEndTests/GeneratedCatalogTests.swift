import Foundation
import Testing

@Suite("Generated catalogs")
struct GeneratedCatalogTests {
    /// Every regular file under `folder`, by path relative to it, with its bytes.
    private static func files(under folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            result[relative] = FileManager.default.contents(atPath: path)
        }
        return result
    }

    private static func generate(modules: Int, seed: Int, into folder: String) throws -> Binary.Run {
        try Binary.run(["dev", "generate-catalog", "--modules", "\(modules)", "--seed", "\(seed)", "--output", folder])
    }

    @Test func thirtyGeneratedModulesValidateClean() throws {
        let scratch = Scratch()
        let content = scratch.path + "/content"
        let generate = try Self.generate(modules: 30, seed: 7, into: content)
        #expect(generate.status == 0, "\(generate.stderr)")
        let run = try Binary.run(["validate", "--content", content])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout == "0 error(s), 0 warning(s); 30 module(s) loaded\n")

        // Shaped like the shipped course: four role paths, lessons in both languages, a quiz per module,
        // and prerequisites on earlier modules (which validate has just checked for cycles).
        let catalog = try Binary.run(["catalog", "--content", content, "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(catalog.stdout.utf8)) as? [String: Any]
        #expect(
            (report?["paths"] as? [[String: Any]])?.map { $0["role"] as? String } == [
                "staff", "ambassador", "leader", "ai-manager",
            ])
        let files = Self.files(under: content)
        let modules = Set(files.keys.filter { $0.hasPrefix("modules/") }.map { $0.split(separator: "/")[1] })
        #expect(modules.count == 30)
        for module in modules {
            let lessons = files.keys.filter { $0.hasPrefix("modules/\(module)/") && $0.hasSuffix(".md") }
            #expect((6...10).contains(lessons.count), "\(module): \(lessons.count) lesson files")
            #expect(lessons.filter { $0.hasSuffix(".de.md") }.count * 2 == lessons.count)
            #expect(files["modules/\(module)/quiz.yaml"] != nil)
        }
        let manifests = files.filter { $0.key.hasSuffix("/module.yaml") }.values.map {
            String(decoding: $0, as: UTF8.self)
        }
        #expect(manifests.contains { !$0.contains("prerequisites: []") })
        #expect(files["course.yaml"] == FileManager.default.contents(atPath: Binary.shippedContent + "/course.yaml"))
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let scratch = Scratch()
        for (name, seed) in [("a", 11), ("b", 11), ("c", 12)] {
            let generate = try Self.generate(modules: 30, seed: seed, into: scratch.path + "/" + name)
            #expect(generate.status == 0, "\(generate.stderr)")
        }
        let first = Self.files(under: scratch.path + "/a")
        #expect(first.count > 30 * 8)
        #expect(Self.files(under: scratch.path + "/b") == first)
        #expect(Self.files(under: scratch.path + "/c") != first, "the seed made no difference")
    }

    @Test func refusesToWriteIntoAFullFolder() throws {
        let scratch = Scratch()
        scratch.write("content/notes.txt", "mine")
        let run = try Self.generate(modules: 3, seed: 1, into: scratch.path + "/content")
        #expect(run.status != 0)
        #expect(run.stderr.contains("not empty"))
        #expect(scratch.read("content/notes.txt") == Data("mine".utf8))
    }
}
