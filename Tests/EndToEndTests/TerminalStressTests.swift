import Foundation
import Glibc
import Testing

/// The real binary in tmux under conditions a user can cause: any window size, a storm of resizes, hostile
/// text in names and lessons, and being interrupted by a key or a signal.
@Suite(.serialized)
struct TerminalStressTests {
    /// A window size in columns and rows.
    struct Size: Hashable, Sendable, CustomStringConvertible {
        var width: Int
        var height: Int

        init(_ width: Int, _ height: Int) {
            self.width = width
            self.height = height
        }

        var description: String { "\(width)x\(height)" }
        /// Below the 40x12 the screens need, where the TUI shows only its notice.
        var isTooSmall: Bool { width < 40 || height < 12 }
    }

    /// From far below the minimum to far beyond a usual terminal.
    static let sweep = [
        Size(10, 3), Size(20, 5), Size(39, 12), Size(40, 11), Size(40, 12), Size(80, 24), Size(120, 40),
        Size(200, 60), Size(300, 100),
    ]

    @Test(arguments: [Size(10, 3), Size(300, 100)])
    func everySizeShowsTheHomeScreenOrTheTooSmallNoticeDrawnForThatSize(start: Size) throws {
        let scratch = Scratch()
        try enrol("sizer", name: "Sizer", in: scratch)
        let sizes = start == Self.sweep[0] ? Self.sweep : Self.sweep.reversed()
        var expected: [Size: String] = [:]
        for size in sizes {
            let screen = try Self.snapshot(learner: "sizer", size: size, data: scratch.path)
            #expect(screen.contains(size.isTooSmall ? "Window too" : "lernpfad · Home"), "\(size):\n\(screen)")
            expected[size] = screen
        }

        let tui = try Tmux(
            ["--learner", "sizer"], width: start.width, height: start.height,
            environment: ["LERNPFAD_DATA": scratch.path])
        for size in sizes {
            if size != start { try tui.resize(width: size.width, height: size.height) }
            try tui.waitUntil("the screen for \(size):\n\(expected[size] ?? "")") {
                Self.normalised($0) == expected[size]
            }
        }
        try tui.send("q")
        #expect(try tui.exitStatus() == 0)
    }

    @Test func aBurstOfResizesInTheReaderEndsWithTheScreenForTheLastSize() throws {
        let scratch = Scratch()
        try enrol("storm", name: "Storm", in: scratch)
        let final = Size(73, 21)
        let opened = try Self.snapshot(learner: "storm", size: final, keys: "<enter>", data: scratch.path)
        let scrolled = try Self.snapshot(learner: "storm", size: final, keys: "<enter>j", data: scratch.path)
        #expect(opened.contains("Lesson 1/4") && scrolled.contains("line 2–"), "\(opened)\n\(scrolled)")

        let tui = try Tmux(["--learner", "storm"], width: 80, height: 24, environment: ["LERNPFAD_DATA": scratch.path])
        try tui.waitFor("Next: AI basics")
        try tui.send("Enter")
        try tui.waitFor("Lesson 1/4")
        // Sizes jump back and forth across the minimum, faster than the program can redraw.
        for step in 0..<50 {
            try tui.resize(width: 10 + (step * 37) % 191, height: 3 + (step * 11) % 58)
        }
        try tui.resize(width: final.width, height: final.height)
        try tui.waitUntil("the reader at \(final):\n\(opened)") { Self.normalised($0) == opened }
        try tui.send("j")
        try tui.waitUntil("the reader one line down:\n\(scrolled)") { Self.normalised($0) == scrolled }
        try tui.send("q")
        #expect(try tui.exitStatus() == 0)
    }

    @Test func escapeSequencesInNamesAndLessonsNeverReachTheTerminal() throws {
        let scratch = Scratch()
        let content = scratch.copyOfShippedContent()
        try Self.plantEscapeSequences(inLesson: content + "/modules/ai-basics/01-what-is-ai.en.md")
        let hostileName = "\u{1B}]0;pwned\u{07}\u{1B}[31mEvil\u{9B}2J"
        try enrol("evil", name: hostileName, in: scratch, content: content)
        let record = try #require(scratch.read("learners/evil.json"))
        let stored = try JSONSerialization.jsonObject(with: record) as? [String: Any]
        #expect((stored?["learner"] as? [String: Any])?["name"] as? String == hostileName)

        let log = scratch.path + "/terminal-output"
        let tui = try Tmux(
            ["--learner", "evil"], width: 80, height: 24,
            environment: ["LERNPFAD_DATA": scratch.path, "LERNPFAD_CONTENT": content], outputLog: log)
        let home = try tui.waitFor("Next: AI basics – TitleEvil")
        let titleBar = home.split(separator: "\n").first ?? ""
        #expect(titleBar.hasSuffix(" Evil"), "\(home)")
        try tui.send("Enter")
        let reader = try tui.waitFor("BodyEvil Artificial intelligence")
        #expect(reader.contains("HeadEvil"))
        #expect(reader.contains("AI basics › TitleEvil"))
        #expect(try !tui.paneState("pane_title").contains("pwn"))
        try tui.send("q")
        #expect(try tui.exitStatus() == 0)

        let written = try Self.waitForLog(log, toContain: "EXITED:")
        #expect(written.range(of: Data("BodyEvil".utf8)) != nil, "the lesson was not drawn through the pipe")
        // Curses writes escape sequences of its own, but never these; U+009B is the UTF-8 pair C2 9B.
        let injected = [
            "\u{1B}]", "pwn", "\u{07}", "\u{9B}", "[31mEvil", "[32mTitleEvil", "[33mBodyEvil", "[34mHeadEvil",
        ]
        for payload in injected {
            #expect(written.range(of: Data(payload.utf8)) == nil, "\(payload.debugDescription) reached the terminal")
        }
    }

    /// The ways a user or the system ends the TUI, and the status the shell then reports: a key quits
    /// normally; a terminating signal restores the terminal, then ends the process by that signal (128 + its number).
    /// A crash (a trap is SIGILL, a bad access SIGSEGV, an abort SIGABRT) restores the terminal the same way before
    /// the process dies of it.
    enum Interruption: String, CaseIterable, Sendable {
        case controlC, sigterm, sighup, sigill, sigsegv, sigabrt

        var expectedStatus: Int {
            switch self {
            case .controlC: 0
            case .sigterm: 128 + Int(SIGTERM)
            case .sighup: 128 + Int(SIGHUP)
            case .sigill: 128 + Int(SIGILL)
            case .sigsegv: 128 + Int(SIGSEGV)
            case .sigabrt: 128 + Int(SIGABRT)
            }
        }
    }

    @Test(arguments: Interruption.allCases)
    func interruptingRestoresTheTerminalAndKeepsTheReadingPosition(_ interruption: Interruption) throws {
        let scratch = Scratch()
        try enrol("ida", name: "Ida", in: scratch)
        let tui = try Tmux(["--learner", "ida"], environment: ["LERNPFAD_DATA": scratch.path])
        try tui.waitFor("Next: AI basics")
        try tui.send("Enter")
        try tui.waitFor("Lesson 1/")
        try tui.send("j", "j", "j")
        try tui.waitFor("line 4–")
        #expect(try tui.paneState("alternate_on") == "1")
        #expect(try tui.paneState("mouse_any_flag") == "1")

        switch interruption {
        case .controlC: try tui.send("C-c")
        case .sigterm: try tui.signalProgram(SIGTERM)
        case .sighup: try tui.signalProgram(SIGHUP)
        case .sigill: try tui.signalProgram(SIGILL)
        case .sigsegv: try tui.signalProgram(SIGSEGV)
        case .sigabrt: try tui.signalProgram(SIGABRT)
        }
        #expect(try tui.exitStatus(seconds: 30) == interruption.expectedStatus)
        let after = try tui.screen()
        #expect(!after.contains("Lesson 1/"), "the lernpfad screen is still shown:\n\(after)")
        #expect(try tui.paneState("alternate_on") == "0", "still on the alternate screen")
        #expect(try tui.paneState("cursor_flag") == "1", "the cursor stays hidden")
        #expect(try tui.paneState("mouse_any_flag") == "0", "the terminal still reports the mouse")
        #expect(try tui.paneState("keypad_cursor_flag") == "0", "the cursor keys stay in application mode")

        let data = try #require(scratch.read("learners/ida.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let position = try #require(record["position"] as? [String: Any])
        #expect(position["lesson"] as? String == "01-what-is-ai")
        #expect(position["line"] as? Int == 3)
    }

    @Test func aTerminalThatGoesAwayEndsTheProgramEvenWithSIGHUPIgnored() throws {
        let scratch = Scratch()
        try enrol("hal", name: "Hal", in: scratch)
        let tui = try Tmux(["--learner", "hal"], environment: ["LERNPFAD_DATA": scratch.path], ignoringHangUp: true)
        try tui.waitFor("Next: AI basics")
        try tui.send("Enter")
        try tui.waitFor("Lesson 1/")
        try tui.send("j", "j")
        try tui.waitFor("line 3–")
        let program = try #require(try Tmux.childPIDs(of: try tui.panePID()).first)
        // Closing the pane takes the terminal away as closing a terminal window does; the SIGHUP that comes
        // with it is ignored, so only the dead terminal itself can tell the program to end.
        try tui.run(["kill-pane", "-t", tui.name])
        let ended = Self.waitUntilEnded(program, seconds: 5)
        if !ended { kill(program, SIGKILL) }
        #expect(ended, "the program outlived its terminal")

        let data = try #require(scratch.read("learners/hal.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let position = try #require(record["position"] as? [String: Any])
        #expect(position["line"] as? Int == 2)
    }

    // MARK: - Helpers

    /// Enrols learner `id` as staff reading English.
    ///
    /// `learner add` is the way in; should it refuse or clean `name` (it may, for control characters), the file
    /// is written the way `learner add` writes it, since the TUI must cope with any name a file can hold.
    private func enrol(_ id: String, name: String, in scratch: Scratch, content: String? = nil) throws {
        var arguments = ["learner", "add", id, "--name", name, "--roles", "staff", "--language", "en"]
        arguments += ["--data", scratch.path]
        if let content { arguments += ["--content", content] }
        let run = try Binary.run(arguments)
        let file = "learners/\(id).json"
        if run.status == 0, let data = scratch.read(file),
            let record = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            (record["learner"] as? [String: Any])?["name"] as? String == name
        {
            return
        }
        let record: [String: Any] = [
            "events": [Any](), "review": [String: Any](), "schema": 1,
            "learner": ["id": id, "language": "en", "name": name, "roles": ["staff"]],
        ]
        let data = try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys])
        scratch.write(file, String(decoding: data, as: UTF8.self))
    }

    /// What `lernpfad snapshot` draws after `keys`, as ``normalised(_:)`` text: the screen the terminal must show.
    private static func snapshot(learner: String, size: Size, keys: String = "", data: String) throws -> String {
        var arguments = ["snapshot", "--learner", learner, "--size", size.description, "--no-save", "--data", data]
        if !keys.isEmpty { arguments += ["--keys", keys] }
        let run = try Binary.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return normalised(run.stdout)
    }

    /// A screen without trailing blanks on each line and without blank lines at the end, because tmux and
    /// `snapshot` differ only in those.
    private static func normalised(_ screen: String) -> String {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " }.reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Puts ESC, CSI, OSC and C1 sequences into the lesson's title (YAML escapes), heading and first paragraph.
    private static func plantEscapeSequences(inLesson path: String) throws {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let title = #"title: "\e]0;titlepwn\a\e[32mTitleEvil\x9B2J""#
        let heading = "# \u{1B}]0;headpwn\u{07}\u{1B}[34mHeadEvil\u{9B}2J"
        let paragraph = "\u{1B}]0;bodypwn\u{07}\u{1B}[33mBodyEvil\u{9B}2J Artificial intelligence"
        for (old, new) in [
            ("title: What is AI?", title), ("# What is AI?", heading), ("Artificial intelligence", paragraph),
        ] {
            let range = try #require(text.range(of: old), "the shipped lesson no longer has '\(old)'")
            text.replaceSubrange(range, with: new)
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Whether process `pid` ends (or is left a zombie) within `seconds`.
    private static func waitUntilEnded(_ pid: Int32, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            // The state follows the command name, which is in parentheses and may itself hold spaces.
            if let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == "Z" { return true }
            usleep(50_000)
        }
        return false
    }

    /// The bytes in `path` once they include `marker`; tmux hands the pane's output to the pipe a moment later.
    private static func waitForLog(_ path: String, toContain marker: String) throws -> Data {
        let deadline = Date().addingTimeInterval(5)
        var data = Data()
        while Date() < deadline {
            data = FileManager.default.contents(atPath: path) ?? Data()
            if data.range(of: Data(marker.utf8)) != nil { return data }
            usleep(50_000)
        }
        Issue.record("the output log never showed \(marker); it has \(data.count) bytes")
        return data
    }
}

extension Tmux {
    /// Sends `signal` to the program in the pane (the shell's children), not to the shell that reports its status.
    func signalProgram(_ signal: Int32) throws {
        let children = try Tmux.childPIDs(of: try panePID())
        #expect(!children.isEmpty, "no program runs in the pane")
        for child in children { kill(child, signal) }
    }
}
