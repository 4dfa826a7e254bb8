import Foundation
import Testing

/// `lernpfad read`: lessons as plain text and the quiz as numbered prompts, counted as in the TUI.
@Suite("lernpfad read")
struct ReadCommandTests {
    /// A data folder with Anna enrolled (German, staff).
    static func enrolled() throws -> Scratch {
        let scratch = Scratch()
        let add = try Binary.run(
            [
                "learner", "add", "anna", "--name", "Anna Beispiel", "--roles", "staff", "--language", "de", "--data",
                scratch.path,
            ])
        #expect(add.status == 0, "\(add.stderr)")
        return scratch
    }

    static func events(_ scratch: Scratch) throws -> [[String: Any]] {
        let data = try #require(scratch.read("learners/anna.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(record["events"] as? [[String: Any]])
    }

    static let boxDrawing = Set("─│┌┐└┘├┤┬┴┼═")

    @Test func withoutAnArgumentItListsModulesLessonsAndQuizzes() throws {
        let run = try Binary.run(["read", "--language", "de", "--data", Scratch().path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("ai-basics: KI-Grundlagen"))
        #expect(run.stdout.contains("  ai-basics/01-what-is-ai: Was ist KI?"))
        #expect(run.stdout.contains("  ai-basics/quiz: Wissenscheck"))
    }

    @Test func aLessonIsPlainTextAndReadingItToTheEndCountsAsInTheReader() throws {
        let scratch = try Self.enrolled()
        let content = scratch.copyOfShippedContent()
        let lesson = content + "/modules/ai-basics/01-what-is-ai.de.md"
        let extra = """

            | Begriff | Bedeutung |
            |---|---|
            | ML | lernt aus **Daten** |

            Mehr im [Amtsblatt](https://eur-lex.europa.eu/eli/reg/2024/1689/oj) und unter https://example.org.

            - erstens
              1. genauer
            """
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: lesson))
        handle.seekToEndOfFile()
        handle.write(Data(extra.utf8))
        try handle.close()
        let run = try Binary.run(
            ["read", "ai-basics/01-what-is-ai", "--content", content, "--data", scratch.path],
            environment: ["USER": "anna"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("KI-Grundlagen: Lektion 1/4: Was ist KI?\n\nWas ist KI?\n"))
        #expect(!run.stdout.contains("\u{1B}"), "no escape sequences")
        #expect(!run.stdout.contains { Self.boxDrawing.contains($0) }, "no box drawing")
        #expect(run.stdout.contains("- Begriff: ML; Bedeutung: lernt aus Daten\n"), "a table row reads in order")
        #expect(
            run.stdout.contains(
                "Mehr im Amtsblatt (https://eur-lex.europa.eu/eli/reg/2024/1689/oj) und unter https://example.org."))
        #expect(run.stdout.contains("- erstens\n  1. genauer\n"))
        #expect(run.stdout.contains("Ende der Lektion: Was ist KI?"))
        #expect(run.stderr == "Lektion als gelesen vermerkt.\n")
        let events = try Self.events(scratch)
        #expect(
            events.contains { $0["type"] as? String == "lessonCompleted" && $0["lesson"] as? String == "01-what-is-ai" }
        )
    }

    @Test func aLessonOfALockedModuleIsReadButDoesNotCount() throws {
        let scratch = try Self.enrolled()
        let run = try Binary.run([
            "read", "ai-risk-management/01-risk-lifecycle", "--learner", "anna", "--data", scratch.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.isEmpty)
        #expect(run.stderr == "Zählt noch nicht: erst KI-Grundlagen.\n")
        #expect(!(try Self.events(scratch)).contains { $0["type"] as? String == "lessonCompleted" })
    }

    @Test(arguments: [
        (["read", "nope"], Int32(1), "error: unknown module 'nope'; 'lernpfad read' lists the modules"),
        (
            ["read", "ai-basics/nope"], 1,
            "error: unknown lesson 'nope' in module 'ai-basics'; 'lernpfad read' lists the lessons"
        ),
        (
            ["read", "ai-basics/01-what-is-ai/x"], 2,
            "error: 'ai-basics/01-what-is-ai/x' is not MODULE, MODULE/LESSON or MODULE/quiz"
        ),
    ])
    func aWrongTargetIsOneLineAndTheContractsExitStatus(_ arguments: [String], _ status: Int32, _ message: String)
        throws
    {
        let run = try Binary.run(arguments + ["--data", Scratch().path])
        #expect(run.status == status)
        #expect(run.stderr.hasSuffix("\n") && run.stderr.dropLast().split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(message.replacingOccurrences(of: "error: ", with: "")), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// The answers the feedback of a first run names as right: "1" where it said right, else the numbers it gave.
    static func rightAnswers(from output: String) -> [String] {
        var answers: [String] = []
        for line in output.split(separator: "\n") {
            if line.hasPrefix("Antwort: Richtig.") || line == "Richtig." {
                answers.append("1")
            } else if let range = line.range(of: "Nicht richtig. Richtig: ") {
                let parts = line[range.upperBound...].split(separator: ";")
                let numbers = parts.compactMap { part -> String? in
                    let head = part.split(separator: ")").first?.trimmingCharacters(in: .whitespaces) ?? ""
                    return !head.isEmpty && head.allSatisfy(\.isNumber) ? head : nil
                }
                answers.append(numbers.joined(separator: ","))
            }
        }
        return answers
    }

    @Test func theQuizIsNumberedPromptsOnStdinAndAPassCountsAsInTheTUI() throws {
        let scratch = try Self.enrolled()
        let arguments = ["read", "ai-basics/quiz", "--ordered", "--learner", "anna", "--data", scratch.path]
        let first = try Binary.run(arguments, stdin: "9\n" + String(repeating: "1\n", count: 40))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("KI-Grundlagen: Wissenscheck · 10 Fragen · Bestehensgrenze 80"))
        #expect(first.stdout.contains("Frage 1 von 10:\n"))
        #expect(first.stdout.contains("\n1) "))
        #expect(first.stdout.contains("Antwort: Bitte Nummern von 1 bis"), "an answer out of range is asked again")
        let answers = Self.rightAnswers(from: first.stdout)
        #expect(answers.count == 10, "\(first.stdout)")
        let second = try Binary.run(arguments, stdin: answers.joined(separator: "\n") + "\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Bestanden. Ergebnis: 10/10 (100 %)"), "\(second.stdout)")
        let attempts = try Self.events(scratch).filter { $0["type"] as? String == "quizAttempted" }
        #expect(attempts.count == 2)
        #expect(attempts.last?["passed"] as? Bool == true)
        #expect((attempts.last?["answers"] as? [Any])?.count == 10)
    }

    @Test func stdinEndingEarlyRecordsNothing() throws {
        let scratch = try Self.enrolled()
        let run = try Binary.run(
            ["read", "ai-basics/quiz", "--learner", "anna", "--data", scratch.path], stdin: "1\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("standard input ended at question 2 of 10; the attempt is not recorded"))
        #expect(!(try Self.events(scratch)).contains { $0["type"] as? String == "quizAttempted" })
    }

    @Test func onATerminalTheLessonGoesThroughThePager() throws {
        let scratch = try Self.enrolled()
        let paged = scratch.path + "/paged.txt"
        let tui = try Tmux(
            ["read", "ai-basics/01-what-is-ai", "--learner", "anna", "--data", scratch.path],
            environment: ["PAGER": "cat > " + Tmux.quote(paged)])
        #expect(try tui.exitStatus() == 0)
        let text = try String(contentsOfFile: paged, encoding: .utf8)
        #expect(text.hasPrefix("KI-Grundlagen: Lektion 1/4: Was ist KI?"))
        #expect(try Self.events(scratch).contains { $0["type"] as? String == "lessonCompleted" })
    }
}
