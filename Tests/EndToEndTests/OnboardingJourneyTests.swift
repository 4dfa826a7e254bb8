import Foundation
import Testing

/// A first start on the real binary in tmux, as a new learner goes through it: every step, back from each one,
/// out of each one, a small window, the learner picker's "new learner", and the restart after it.
@Suite("Onboarding in tmux", .serialized)
struct OnboardingJourneyTests {
    /// The environment of a first start: an empty data folder and no locale but the one given.
    static func environment(_ scratch: Scratch, user: String, messages: String) -> [String: String] {
        ["LERNPFAD_DATA": scratch.path, "USER": user, "LC_ALL": "", "LC_MESSAGES": messages]
    }

    static func learnerFiles(_ scratch: Scratch) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: scratch.path + "/learners")) ?? [])
            .filter { $0.hasSuffix(".json") }
    }

    @Test func aGermanFirstStartEndsAtHomeAndTheRestartGoesStraightThere() throws {
        let scratch = Scratch()
        let environment = Self.environment(scratch, user: "ida", messages: "de_DE.UTF-8")
        let tui = try Tmux([], width: 80, height: 24, environment: environment)
        try tui.waitUntil("step 1 with German chosen, the course's length and the way out") {
            $0.contains("Schritt 1/4 · Sprache") && $0.contains("› Deutsch") && $0.contains("Je nach Rolle dauert")
                && $0.contains("q oder Strg-C beendet")
        }
        try tui.send("Enter")
        try tui.waitFor("Schritt 2/4 · Name und Team")
        // An empty name is an error on screen, not the question again.
        try tui.send("Enter")
        try tui.waitFor("✗ Der Name fehlt")
        try tui.type("Ida Groß")
        try tui.send("Enter")
        try tui.waitFor("In welchem Team")
        try tui.type("Einkauf")
        try tui.send("Enter")
        try tui.waitUntil("the roles, each with what its path covers and how long") {
            $0.contains("Schritt 3/4 · Rollen") && $0.contains("[ ] Mitarbeitende") && $0.contains("Module · etwa")
                && $0.contains("Die gemeinsame Basis")
        }
        try tui.send("Enter")
        try tui.waitFor("✗ Bitte mindestens eine Rolle wählen")
        try tui.send("Space", "Enter")
        try tui.waitUntil("the summary with the learner id from the login name") {
            $0.contains("Schritt 4/4 · Überblick") && $0.contains("Ida Groß") && $0.contains("ida▏")
                && $0.contains("Ihr Lernpfad:")
        }
        #expect(Self.learnerFiles(scratch).isEmpty, "nothing is written before the last step")
        try tui.send("Enter")
        try tui.waitUntil("home for the new learner") {
            $0.contains("lernpfad · Start") && $0.contains("Ida Groß") && $0.contains("Als Nächstes:")
        }
        // Past the end: the first lesson opens.
        try tui.send("Enter")
        try tui.waitFor("Lektion 1/")
        try tui.send("q")
        #expect(try tui.exitStatus() == 0)

        let data = try #require(scratch.read("learners/ida.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let learner = try #require(record["learner"] as? [String: Any])
        #expect(learner["name"] as? String == "Ida Groß")
        #expect(learner["team"] as? String == "Einkauf")
        #expect(learner["roles"] as? [String] == ["staff"])
        #expect(learner["language"] as? String == "de")

        let again = try Tmux([], width: 80, height: 24, environment: environment)
        try again.waitUntil("home at once, for the same learner") {
            $0.contains("lernpfad · Start") && $0.contains("Ida Groß")
        }
        #expect(!(try again.screen()).contains("Schritt 1/4"))
        try again.send("q")
        #expect(try again.exitStatus() == 0)
        #expect(Self.learnerFiles(scratch) == ["ida.json"])
    }

    @Test func backFromEveryStepKeepsWhatWasEntered() throws {
        let scratch = Scratch()
        let tui = try Tmux([], width: 80, height: 24, environment: Self.environment(scratch, user: "max", messages: ""))
        try tui.waitUntil("step 1 in English: the locale is not German") {
            $0.contains("Step 1/4 · Language") && $0.contains("› English")
        }
        try tui.send("Enter")
        try tui.waitFor("Step 2/4 · Name and team")
        try tui.type("Max Power")
        try tui.send("Enter")
        try tui.type("Sales")
        try tui.send("Enter")
        try tui.waitFor("Step 3/4 · Roles")
        try tui.send("j", "Space", "Enter")
        try tui.waitFor("Step 4/4 · Summary")
        try tui.send("Escape")
        try tui.waitUntil("the roles with the ambassador still ticked") {
            $0.contains("Step 3/4") && $0.contains("[x] AI ambassador")
        }
        try tui.send("BSpace")
        try tui.waitUntil("the team field with the team") { $0.contains("Step 2/4") && $0.contains("Sales▏") }
        try tui.send("Escape")
        try tui.waitFor("Max Power▏")
        try tui.send("Escape")
        try tui.waitFor("Step 1/4 · Language")
        // And forward again to the end: nothing was lost on the way back.
        try tui.send("Enter", "Enter", "Enter", "Enter")
        try tui.waitUntil("the summary as entered") {
            $0.contains("Step 4/4") && $0.contains("Max Power") && $0.contains("Sales") && $0.contains("AI ambassador")
        }
        try tui.send("Enter")
        try tui.waitFor("lernpfad · Home")
        try tui.send("q")
        #expect(try tui.exitStatus() == 0)
        #expect(Self.learnerFiles(scratch) == ["max.json"])
    }

    @Test(arguments: [1, 2, 3, 4])
    func quittingOnAStepWritesNothingAndTheNextStartAsksAgain(step: Int) throws {
        let scratch = Scratch()
        let environment = Self.environment(scratch, user: "quinn", messages: "")
        let tui = try Tmux([], width: 80, height: 24, environment: environment)
        try tui.waitFor("Step 1/4")
        // Keys reach the program in order, so a name typed after ⏎ lands in the name field.
        let keys: [[String]] = [
            [], ["Enter"], ["Enter", "Q", "Enter", "Enter"], ["Enter", "Q", "Enter", "Enter", "Space", "Enter"],
        ]
        for key in keys[step - 1] { try tui.send(key) }
        try tui.waitFor("Step \(step)/4")
        // q quits where no text field has the keys; Ctrl-C everywhere.
        try tui.send(step == 1 || step == 3 ? "q" : "C-c")
        #expect(try tui.exitStatus() == 0)
        #expect(Self.learnerFiles(scratch).isEmpty, "quitting on step \(step) wrote a learner file")
        let again = try Tmux([], width: 80, height: 24, environment: environment)
        try again.waitFor("Step 1/4")
        try again.send("q")
        #expect(try again.exitStatus() == 0)
    }

    @Test func aWindowResizedTo40x12DuringOnboardingStillShowsTheStep() throws {
        let scratch = Scratch()
        let tui = try Tmux(
            [], width: 80, height: 24, environment: Self.environment(scratch, user: "rosa", messages: ""))
        try tui.waitFor("Step 1/4")
        try tui.send("Enter")
        try tui.waitFor("Step 2/4")
        try tui.type("Rosa")
        try tui.send("Enter", "Enter")
        try tui.waitFor("Step 3/4")
        try tui.resize(width: 40, height: 12)
        let small = try tui.waitUntil("every role on the small window") {
            $0.contains("Step 3/4") && $0.contains("Staff") && $0.contains("AI ambassador") && $0.contains("Leader")
                && $0.contains("AI manager")
        }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 40 })
        try tui.send("Space", "Enter")
        try tui.waitUntil("the summary on the small window") { $0.contains("Step 4/4") && $0.contains("rosa▏") }
        try tui.resize(width: 80, height: 24)
        try tui.waitFor("Your path:")
        try tui.send("Enter")
        try tui.waitFor("lernpfad · Home")
        try tui.send("q")
        #expect(try tui.exitStatus() == 0)
    }

    @Test func thePickerStartsOnboardingForANewLearnerAndShowsThemAfterwards() throws {
        let scratch = Scratch()
        for (id, name) in [("anna", "Anna"), ("ben", "Ben")] {
            _ = try Binary.run(
                ["learner", "add", id, "--name", name, "--roles", "staff", "--language", "en", "--data", scratch.path])
        }
        let environment = Self.environment(scratch, user: "kurs", messages: "")
        let tui = try Tmux([], width: 80, height: 24, environment: environment)
        try tui.waitUntil("the picker with a new learner entry") {
            $0.contains("Who is learning?") && $0.contains("Anna") && $0.contains("+ New learner")
        }
        try tui.send("G", "Enter")
        try tui.waitFor("Step 1/4")
        // Esc on the first step returns to the picker.
        try tui.send("Escape")
        try tui.waitFor("+ New learner")
        try tui.send("G", "Enter")
        try tui.waitFor("Step 1/4")
        try tui.send("Enter")
        try tui.waitFor("Step 2/4")
        try tui.type("Cleo")
        try tui.send("Enter", "Enter")
        try tui.waitFor("Step 3/4")
        try tui.send("Space", "Enter")
        try tui.waitFor("kurs▏")
        // The login name is shared in a training room: the learner types an id of their own.
        try tui.send("BSpace", "BSpace", "BSpace", "BSpace")
        try tui.type("cleo")
        try tui.send("Enter")
        try tui.waitUntil("home for Cleo") { $0.contains("lernpfad · Home") && $0.contains("Cleo") }
        try tui.send("q")
        #expect(try tui.exitStatus() == 0)
        #expect(Self.learnerFiles(scratch).sorted() == ["anna.json", "ben.json", "cleo.json"])

        let again = try Tmux([], width: 80, height: 24, environment: environment)
        try again.waitUntil("the picker with Cleo") { $0.contains("Who is learning?") && $0.contains("Cleo") }
        try again.send("q")
        #expect(try again.exitStatus() == 0)
    }
}
