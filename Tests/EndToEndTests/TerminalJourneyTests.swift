import Foundation
import Testing

/// The real binary in a real terminal (tmux): a learner's whole journey, then the file it leaves behind.
@Suite("TUI in tmux", .serialized)
struct TerminalJourneyTests {
    @Test func firstStartReadResizeQuizQuitAndResume() throws {
        let scratch = Scratch()
        // A German locale for messages: onboarding starts with German chosen.
        let environment = ["LERNPFAD_DATA": scratch.path, "USER": "anna", "LC_MESSAGES": "de_DE.UTF-8"]
        let tui = try Tmux([], environment: environment)
        try tui.waitFor("› Deutsch")
        try tui.send("Enter")
        try tui.waitFor("Wie heißen Sie?")
        try tui.type("Anna Müller")
        try tui.send("Enter")
        try tui.waitFor("Team")
        try tui.type("Marketing")
        try tui.send("Enter")
        try tui.waitFor("Welche Rollen")
        try tui.send("Space", "Enter")
        try tui.waitFor("anna▏")
        try tui.send("Enter")
        try tui.waitFor("Als Nächstes: KI-Grundlagen – Was ist KI?")

        // Open the first lesson and scroll.
        try tui.send("Enter")
        try tui.waitFor("Lektion 1/4")
        try tui.send("PageDown", "j", "j")
        // Wait for the whole frame, not its first line: tmux can show a frame half drawn.
        try tui.waitUntil("the scrolled lesson with the learner's name") {
            $0.contains("Zeile 2") && $0.contains("Anna Müller")
        }

        // Resize mid-lesson: the text re-wraps and the place is kept near the same text.
        try tui.resize(width: 60, height: 20)
        let narrow = try tui.waitFor("Lektion 1/4")
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 60 })
        try tui.send("End")
        try tui.waitFor("Ende der Lektion")
        let lineBeforeQuit = try tui.screen()

        // Back home (the lesson was opened from there), then to the module's quiz through the path.
        try tui.send("Escape")
        // The first lesson is read: home's next step is the second.
        try tui.waitFor("Als Nächstes: KI-Grundlagen – Wie generative")
        try tui.send("j", "j", "Enter")
        try tui.waitFor("Lernpfad · Mitarbeitende")
        try tui.send("Enter")
        // The title bar is drawn before the body; wait for the lesson list itself.
        try tui.waitUntil("the module with its first lesson ticked") {
            $0.contains("Modul · KI-Grundlagen") && $0.contains("✓ 1. Was ist KI?")
        }
        try tui.send("G", "Enter")
        try tui.waitFor("Frage 1/")
        try tui.send("1", "Enter")
        try tui.waitUntil("the verdict and its source") {
            $0.contains("Quelle:") && ($0.contains("✓ Richtig") || $0.contains("✗ Nicht richtig"))
        }
        try tui.send("Enter")
        try tui.waitFor("Frage 2/")
        try tui.send("q")
        try tui.waitFor("EXITED:0")
        _ = lineBeforeQuit

        // The file holds the journey.
        let data = try #require(scratch.read("learners/anna.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let events = try #require(record["events"] as? [[String: Any]])
        let kinds = events.compactMap { $0["type"] as? String }
        // The first start records the enrolment (one roleAdded per role, for due_within), then the journey.
        #expect(kinds.first == "roleAdded")
        #expect(kinds.first { $0 != "roleAdded" } == "lessonOpened")
        #expect(kinds.contains("lessonCompleted"))
        let position = try #require(record["position"] as? [String: Any])
        #expect(position["lesson"] as? String == "01-what-is-ai")
        let savedLine = try #require(position["line"] as? Int)
        #expect(savedLine > 0)

        // Restart: the finished first lesson is not offered again; the next one is. Half read, it is continued
        // at the line where the learner left it after the next restart.
        let again = try Tmux([], width: 60, height: 20, environment: environment)
        try again.waitFor("Als Nächstes: KI-Grundlagen – Wie generative")
        try again.send("Enter")
        try again.waitFor("Lektion 2/4")
        try again.send("PageDown")
        try again.waitUntil("the second lesson scrolled") { $0.contains("Lektion 2/4") && !$0.contains("Zeile 1–") }
        try again.send("q")
        try again.waitFor("EXITED:0")
        let afterData = try #require(scratch.read("learners/anna.json"))
        let afterRecord = try #require(try JSONSerialization.jsonObject(with: afterData) as? [String: Any])
        let saved = try #require(afterRecord["position"] as? [String: Any])
        let line = try #require(saved["line"] as? Int)
        #expect(saved["lesson"] as? String == "02-how-generative-ai-works" && line > 0)
        let third = try Tmux([], width: 60, height: 20, environment: environment)
        try third.waitFor("Weiterlesen: KI-Grundlagen – Wie generative")
        try third.send("Enter")
        try third.waitUntil("the lesson at the saved line") {
            $0.contains("Zeile \(line + 1)–") || $0.contains("Ende der Lektion · \(line + 1)–")
        }
        try third.send("q")
        try third.waitFor("EXITED:0")
    }

    @Test func aQuizTakenToTheEndIsRecordedWithEveryAnswer() throws {
        let scratch = Scratch()
        _ = try Binary.run(
            ["learner", "add", "ben", "--name", "Ben", "--roles", "staff", "--language", "en", "--data", scratch.path])
        let tui = try Tmux(["--learner", "ben"], environment: ["LERNPFAD_DATA": scratch.path])
        try tui.waitFor("Next: AI basics")
        try tui.send("j", "j", "Enter")
        try tui.waitFor("Path · Staff")
        try tui.send("Enter")
        try tui.waitFor("Module · AI basics")
        try tui.send("G", "Enter")
        let first = try tui.waitFor("Question 1/")
        let total = Int(first.components(separatedBy: "Question 1/")[1].prefix { $0.isNumber }) ?? 0
        #expect(total >= 6)
        for _ in 0..<total {
            try tui.send("a", "Enter")
            try tui.waitFor("Source:")
            try tui.send("Enter")
        }
        try tui.waitUntil("the summary with its verdict") {
            $0.contains("Score:") && ($0.contains("Passed") || $0.contains("Not passed"))
        }
        // Past the end, as a learner goes: Enter on the summary returns to the module, and again and again opens
        // and closes things there without ever crashing.
        try tui.send("Enter")
        try tui.waitUntil("the module again") { $0.contains("Module · AI basics") && $0.contains("Knowledge check · ") }
        try tui.send("Escape")
        try tui.waitFor("Path · Staff")
        try tui.send("Escape")
        try tui.waitFor("Next: AI basics")
        try tui.send("q")
        try tui.waitFor("EXITED:0")
        let data = try #require(scratch.read("learners/ben.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let events = try #require(record["events"] as? [[String: Any]])
        let attempt = try #require(events.first { $0["type"] as? String == "quizAttempted" })
        #expect((attempt["answers"] as? [Any])?.count == total)
        #expect(attempt["seed"] != nil)
        let review = record["review"] as? [String: Any] ?? [:]
        let wrong = (attempt["answers"] as? [[String: Any]] ?? []).filter { $0["correct"] as? Bool == false }.count
        #expect(review.count == wrong)
    }

    @Test func smallWindowsAndTheCLocaleDoNotBreakTheScreen() throws {
        let scratch = Scratch()
        _ = try Binary.run([
            "learner", "add", "cem", "--name", "Cem Öztürk", "--roles", "staff", "--data", scratch.path,
        ])
        let tui = try Tmux(
            ["--learner", "cem"], width: 30, height: 10,
            environment: ["LERNPFAD_DATA": scratch.path, "LANG": "C", "LC_ALL": "C"])
        try tui.waitFor("Fenster zu klein")
        try tui.resize(width: 80, height: 24)
        // The C locale cannot show UTF-8: the screen is ASCII (umlauts lose their dots, glyphs take their ASCII
        // forms), and lines come from the terminal's own line set, never as "qqqq".
        let screen = try tui.waitUntil("home with the learner's name") {
            $0.contains("Mitarbeitende") && $0.contains("Cem Ozturk")
        }
        #expect(!screen.contains("qqqq"))
        try tui.send("C-c")
        try tui.waitFor("EXITED:0")
    }

    @Test func stdinThatIsNotATerminalGetsAClearError() throws {
        let run = try Binary.run([], stdin: "")
        #expect(run.status == 1)
        #expect(run.stderr.contains("not a terminal"))
        #expect(run.stderr.contains("lernpfad status"))
    }
}
