import Foundation
import Testing
import Yams

@testable import LernpfadCore

/// The loader composes libyaml's events itself (`YAMLComposer`) where it used `Yams.compose`; trainers must not
/// see a single node, mark or message change. Each case runs through both and compares.
@Suite("YAML composer")
struct YAMLComposerTests {
    static let tricky: [String] = [
        "", "# only a comment\n", "---\n", "a: 1\n", "a: 1\n---\nb: 2\n", "a: 1\na: 2\n", "b: 1\nb: 2\na: 1\na: 1\n",
        "\"1\": x\n1: y\n", "!!int 1: x\n1: y\n", "!!str 1: x\n1: y\n", "! 1: x\n1: y\n", "!foo a: 1\n!foo a: 2\n",
        "? [a]\n: 1\n? [a]\n: 2\n", "? !!seq [a]\n: 1\n? [a]\n: 2\n", "? {b: 1, a: 2}\n: 1\n? {b: 1, a: 2}\n: 2\n",
        "{a: 1, a: 1}\n", "[a, a]\n", "x: &a 1\ny: *a\n", "x: &a [*a]\n", "x: *nowhere\n", "x: &a {k: v}\ny: *a\n",
        "x: \"a\\0b\"\n", "x: \"\u{FEFF}lead\"\n", "x: \"mid\u{FEFF}dle\"\n", "\u{FEFF}x: 1\n", "x: \"\\x54ODO\"\n",
        "x: 'it''s'\n", "x: |\n  two\n  lines\n", "x: >\n  folded\n  text\n", "x: [a, {b: c}]\n", "x:\n- a\n- b\n",
        "x: [a, b\n", "x: {a: 1\n", "x: \"open\n", "  x: 1\n y: 2\n", "x: 1\n  y: 2\n", "\tx: 1\n", "x: @a\n",
        "x: \u{01}\n", "x: `a`\n", "%YAML 1.1\n---\nx: 1\n", "%FOO bar\n---\nx: 1\n", "--- !!map\nx: 1\n",
        "- a\n- &b b\n- *b\n", "? a\n? a\n", "a:\nb:\na:\n", "x: é\nx: e\u{301}\n", "k: v\r\nk2: v2\r\n",
    ]

    /// What content files look like, in the spacings YAML allows: `PlainYAML` reads these without libyaml.
    static let plain: [String] = [
        "a: 1\n", "a: 1", "a:   spaced   \n", "a: x#y\n", "a: https://x.org/a:b\n", "k: it's \"q\"\n",
        "a:\n  b: 1\n  c: 2\nd: 3\n", "a:\n    b: 1\n    c:\n      - x\n      - y\nd: [p, q]\n",
        "a:\n  - b: 1\n    c: \"two words\"\n  -   d: 4\n      e: 5\n", "a:\n  - x\n\n  - y\n# c\n  # c2\nb: z\n",
        "a: [ x , y ]\n", "a: []\n", "a: [ ]\n", "a: [x,y]\n", "a: [1.0.0, de, en-GB]\n",
        "# h\n\n   \nk: v\n   # end\n",
        "k: \"é ü – “q” 😀\"\n", "k: Überblick – Ä\n", "k:  \"spaced\"   \n", "k: \"\"\n", "k: \"a#b: c\"\n", "k: ~\n",
        "k: 0.8\n", "k: 2026-11-20\n", "k: v\n  # c\nj: w\n", "key_with-dash: v\n", "_k: v\n", "9k: v\n",
        "a:\n  - [x, y]\n  - \"q\"\n  - plain text here\n", "a:\n  - b:\n      - c: 1\n        d: [e]\n  - f: 2\n",
        "a:\n  b:\n    c:\n      d:\n        e: deep\n", "k: a\u{A0}#b\n", "k: x\u{A0}\n", "k: x  \n\n\n",
    ]

    @Test(arguments: tricky + plain)
    func composesAsYamsDoes(_ text: String) {
        let yams = Self.yams(text)
        #expect(Self.ours(text) == yams)
        #expect(Self.ours(text, plainFirst: false) == yams, "libyaml's way")
    }

    @Test(arguments: plain)
    func plainContentSkipsLibyaml(_ text: String) {
        var text = text
        #expect(text.withUTF8 { PlainYAML.compose($0) } != nil)
    }

    @Test func shippedContentMostlySkipsLibyaml() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content").path
        let files = try FileManager.default.subpathsOfDirectory(atPath: content).filter { $0.hasSuffix(".yaml") }
        let plain = try files.filter { file in
            var text = try String(contentsOfFile: content + "/" + file, encoding: .utf8)
            return text.withUTF8 { PlainYAML.compose($0) } != nil
        }
        // Only the two quizzes with an escape in a double-quoted string need libyaml.
        #expect(plain.count >= files.count - 2, "\(Set(files).subtracting(plain).sorted())")
    }

    @Test func everyShippedYAMLFileComposesAsYamsDoes() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content").path
        let files = try FileManager.default.subpathsOfDirectory(atPath: content).filter { $0.hasSuffix(".yaml") }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOfFile: content + "/" + file, encoding: .utf8)
            let yams = Self.yams(text)
            #expect(Self.ours(text) == yams, "\(file)")
            #expect(Self.ours(text, plainFirst: false) == yams, "\(file), libyaml's way")
        }
    }

    /// The tree as text, or the diagnostic that `YAMLDocument` reports.
    private static func ours(_ text: String, plainFirst: Bool = true) -> String {
        do throws(YAMLFailure) {
            return try YAMLComposer.compose(text, plainFirst: plainFirst).map(dump) ?? "no document"
        } catch {
            let sink = DiagnosticSink()
            _ = YAMLDocument.parse(text, file: "f.yaml", sink: sink)
            return sink.diagnostics.first?.description ?? "no diagnostic"
        }
    }

    /// The same from Yams, with the message `YAMLDocument` made of its errors before the composer.
    private static func yams(_ text: String) -> String {
        do {
            return try Yams.compose(yaml: text, .basic, .default, .utf8).map(dump) ?? "no document"
        } catch let error as YamlError {
            let (mark, message): (Mark?, String)
            switch error {
            case .scanner(let context, let problem, let at, _), .parser(let context, let problem, let at, _),
                .composer(let context, let problem, let at, _):
                mark = at
                message = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            case .reader(let problem, _, _, _):
                (mark, message) = (nil, problem)
            case .duplicatedKeysInMapping(let duplicates, let context):
                let keys = duplicates.map { "'\($0.sanitizedForMessage)'" }.joined(separator: ", ")
                let verb = duplicates.count == 1 ? "key \(keys) appears" : "keys \(keys) appear"
                (mark, message) = (context.mark, "\(verb) more than once in one mapping")
            default:
                (mark, message) = (nil, String(describing: error))
            }
            return Diagnostic(.error, "f.yaml", line: mark?.line, column: mark?.column, "YAML syntax error: \(message)")
                .description
        } catch {
            return "unexpected \(error)"
        }
    }

    private static func dump(_ node: YAMLNode) -> String {
        let mark = "\(node.info.mark.line):\(node.info.mark.column)"
        switch node {
        case .scalar(let text, _): return "\(mark)\(text.debugDescription)"
        case .sequence(let items, _): return "\(mark)[" + items.map(dump).joined(separator: ", ") + "]"
        case .mapping(let pairs, _):
            return "\(mark){" + pairs.map { dump($0.key) + ": " + dump($0.value) }.joined(separator: ", ") + "}"
        }
    }

    private static func dump(_ node: Node) -> String {
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "?"
        switch node {
        case .scalar(let scalar): return "\(mark)\(scalar.string.debugDescription)"
        case .sequence(let sequence): return "\(mark)[" + sequence.map(dump).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "\(mark){" + mapping.map { dump($0.key) + ": " + dump($0.value) }.joined(separator: ", ") + "}"
        case .alias: return "alias"
        }
    }
}
