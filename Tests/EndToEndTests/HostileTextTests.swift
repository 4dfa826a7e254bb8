import Foundation
import Testing

/// Nothing raw reaches a terminal (issue 12, point 13): a learner file and a content folder with escape
/// sequences, BEL, C1 controls and bidi overrides in every field, and every text output of every command
/// checked for zero such scalars.
@Suite("Hostile text")
struct HostileTextTests {
    /// ESC sequences (CSI, OSC, DCS), BEL, C1 CSI and NEL, a right-to-left override and an isolate.
    static let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}31m\u{85}\u{202E}evil\u{2066}\u{1B}P+q\u{1B}\\"

    /// The same in YAML's double-quoted escapes.
    static let hostileYAML = #"\e[2J\e]0;pwned\a\x9b31m\N\u202eevil\u2066\eP+q\e\\"#

    /// What must never be printed: C0 controls but tab, line feed and carriage return; DEL; C1 controls; bidi
    /// marks, embeddings, overrides and isolates.
    static func offending(_ text: String) -> [String] {
        text.unicodeScalars.compactMap { scalar -> String? in
            let value = scalar.value
            let bad =
                (value < 0x20 && ![0x09, 0x0A, 0x0D].contains(value)) || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                || [0x061C, 0x200E, 0x200F].contains(value)
            return bad ? String(value, radix: 16) : nil
        }
    }

    /// A copy of the shipped content with the hostile text in titles, a prompt, a lesson, folder and file names.
    static func hostileContent(in scratch: Scratch) throws -> String {
        let content = scratch.copyOfShippedContent()
        /// Replaces what `pattern` matches after its first group with `value`, taken literally.
        func replace(_ file: String, _ pattern: String, _ value: String) throws {
            let path = content + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let changed = text.replacingOccurrences(
                of: pattern, with: "$1" + NSRegularExpression.escapedTemplate(for: value), options: .regularExpression)
            #expect(changed != text, "\(file): \(pattern) not found")
            try changed.write(toFile: path, atomically: true, encoding: .utf8)
        }
        try replace("course.yaml", #"(?m)^(  (de|en): )"[^"]*"$"#, "\"Kurs \(hostileYAML)\"")
        try replace("paths/staff.yaml", #"(?m)^(title:\n  de: )"[^"]*""#, "\"Pfad \(hostileYAML)\"")
        try replace("modules/ai-basics/module.yaml", #"(?m)^(title:\n  de: )"[^"]*""#, "\"Modul \(hostileYAML)\"")
        try replace(
            "modules/ai-basics/quiz.yaml", #"(?m)^(    prompt:\n      de: )"[^"]*""#, "\"Frage \(hostileYAML)\"")
        let folder = content + "/modules/bad\u{1B}[2J\u{202E}name"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "id: bad\ntitle: \"\(hostileYAML)\"\n".write(
            toFile: folder + "/module.yaml", atomically: true, encoding: .utf8)
        try "# Titel \(hostile)\n\nText \(hostile)\n".write(
            toFile: content + "/modules/genai-at-work/09-x\u{1B}[2J\u{9B}1m.de.md", atomically: true, encoding: .utf8)
        return content
    }

    /// A data folder with a learner whose every field is hostile, one without a known role, and a file whose
    /// name tries to forge a table row.
    static func hostileData(in scratch: Scratch) throws -> String {
        let data = scratch.path + "/data"
        let learners = data + "/learners"
        try FileManager.default.createDirectory(atPath: learners, withIntermediateDirectories: true)
        func event(_ fields: [String: Any]) -> [String: Any] {
            ["id": UUID().uuidString, "at": "2026-11-01T10:00:00.000Z"].merging(fields) { first, _ in first }
        }
        let quiz: [String: Any] = [
            "type": "quizAttempted", "module": "ai-basics", "moduleVersion": "2.0.0", "score": 0.1, "passed": false,
            "answers": [
                ["question": "inference-makes-ai-system", "chosen": ["a"], "correct": false],
                ["question": "q" + hostile, "chosen": ["x" + hostile], "correct": false],
            ],
        ]
        let mallory: [String: Any] = [
            "schema": 1, "review": [:],
            "learner": [
                "id": "mallory", "name": "Mal " + hostile, "team": "t" + hostile + "\r\nforged 100 %",
                "roles": ["staff", "r" + hostile], "language": "de",
            ],
            "events": [
                event([
                    "type": "lessonCompleted", "module": "ai-basics", "moduleVersion": "2.0.0",
                    "lesson": "01-what-is-ai",
                ]),
                event([
                    "type": "lessonCompleted", "module": "m" + hostile, "moduleVersion": "1.0.0",
                    "lesson": "l" + hostile,
                ]),
                event(quiz),
                event([
                    "type": "quizAttempted", "module": "m" + hostile, "moduleVersion": "1.0.0", "score": 0.0,
                    "passed": false, "answers": [["question": "q" + hostile, "chosen": ["a"], "correct": false]],
                ]),
                event(["type": "attested", "milestone": "m" + hostile, "by": "b" + hostile, "note": "n" + hostile]),
            ],
        ]
        let eve: [String: Any] = [
            "schema": 1,
            "learner": ["id": "eve", "name": "Eve " + hostile, "team": "e" + hostile, "roles": ["r" + hostile]],
            "events": [], "review": [:],
        ]
        for (id, record) in [("mallory", mallory), ("eve", eve)] {
            let bytes = try JSONSerialization.data(withJSONObject: record)
            try bytes.write(to: URL(fileURLWithPath: learners + "/\(id).json"))
        }
        try Data("{}".utf8).write(
            to: URL(fileURLWithPath: learners + "/zz\u{1B}[1A\u{1B}[2K\rforged 100 %\u{202E}.json"))
        return data
    }

    @Test func noCommandPrintsAControlOrBidiScalar() throws {
        let scratch = Scratch()
        let content = try Self.hostileContent(in: scratch)
        let data = try Self.hostileData(in: scratch)
        let folders = ["--content", content, "--data", data]
        let asOf = ["--as-of", "2026-11-20"]
        let report = scratch.path + "/report.html"
        let runs: [[String]] = [
            ["status", "--learner", "mallory"] + asOf,
            ["status", "--learner", "mallory", "--format", "json"] + asOf,
            ["status", "--learner", "eve"] + asOf,
            ["team"] + asOf,
            ["team", "--format", "csv"] + asOf,
            ["team", "--format", "csv", "--excel"] + asOf,
            ["team", "--format", "json"] + asOf,
            ["team", "--format", "html"] + asOf,
            ["team", "--format", "html", "--output", report] + asOf,
            ["learner", "list"],
            ["learner", "list", "--format", "json"],
            ["validate"],
            ["validate", "--format", "json"],
            ["catalog"],
            ["catalog", "--format", "json"],
            ["export", "xapi", "--learner", "mallory"],
            ["preview", content + "/modules/genai-at-work/09-x\u{1B}[2J\u{9B}1m.de.md"],
        ]
        var outputs = 0
        for arguments in runs {
            let run = try Binary.run(arguments + folders)
            for (stream, text) in [("stdout", run.stdout), ("stderr", run.stderr)] where !text.isEmpty {
                outputs += 1
                let bad = Self.offending(text)
                #expect(bad.isEmpty, "\(arguments.joined(separator: " ")) \(stream): \(bad.count) raw scalar(s) \(bad)")
            }
        }
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(Self.offending(html).isEmpty, "team --output: \(Self.offending(html))")
        #expect(outputs >= 20, "\(outputs) outputs checked")
        let validate = try Binary.run(["validate"] + folders)
        #expect(validate.stdout.contains("modules/bad\\u{1b}[2J\\u{202e}name"), "\(validate.stdout)")
        #expect(!validate.stdout.contains("ai-basics/"), "ai-basics loads: \(validate.stdout)")
        let list = try Binary.run(["learner", "list", "--format", "json"] + folders)
        #expect(
            list.stdout.contains("mallory") && list.stdout.contains("eve"), "both learners are read: \(list.stderr)")
    }

    @Test func escapedDataStaysVisible() throws {
        let scratch = Scratch()
        let content = try Self.hostileContent(in: scratch)
        let data = try Self.hostileData(in: scratch)
        let folders = ["--content", content, "--data", data, "--as-of", "2026-11-20"]
        let table = try Binary.run(["team"] + folders)
        #expect(table.stdout.contains(#"\u{1b}[2J"#), "\(table.stdout)")
        #expect(table.stdout.contains(#"\u{202e}evil"#))
        // The team with a line break cannot start a forged line of its own.
        #expect(!table.stdout.split(separator: "\n").contains { $0.hasPrefix("forged") })
        let json = try Binary.run(["team", "--format", "json"] + folders)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let names = (object?["learners"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(names.contains("Mal " + Self.hostile), "JSON keeps the data, escaped: \(names)")
        let html = try Binary.run(["team", "--format", "html"] + folders)
        #expect(html.stdout.contains(#"Mal \u{1b}[2J"#))
    }

    @Test func csvNeutralisesFormulaStarts() throws {
        let scratch = Scratch()
        let learners = scratch.path + "/learners"
        try FileManager.default.createDirectory(atPath: learners, withIntermediateDirectories: true)
        let names = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\u{1B}[0m=HYPERLINK(1)"]
        for (index, name) in names.enumerated() {
            let record: [String: Any] = [
                "schema": 1, "learner": ["id": "l\(index)", "name": name, "roles": ["staff"]], "events": [],
                "review": [:],
            ]
            try JSONSerialization.data(withJSONObject: record).write(
                to: URL(fileURLWithPath: learners + "/l\(index).json"))
        }
        let run = try Binary.run(["team", "--format", "csv", "--data", scratch.path])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\r\n").dropFirst()
        #expect(rows.count == names.count, "\(run.stdout)")
        for row in rows {
            let name = row.split(separator: ",", omittingEmptySubsequences: false)[1]
            #expect(name.hasPrefix("'") || name.hasPrefix("\"'"), "\(row)")
        }
    }
}
