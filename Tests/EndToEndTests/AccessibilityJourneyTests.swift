import Foundation
import Glibc
import Testing

/// A terminal that fits everyone, on the real binary in tmux: the cursor follows the focus, ASCII terminals get
/// ASCII, NO_COLOR has no colour, the mouse can be left to the terminal and keys can be remapped.
@Suite("Accessibility in tmux", .serialized)
struct AccessibilityJourneyTests {
    /// A data folder with Anna (staff and ambassador, German) and an empty config folder, and the environment
    /// that points the TUI at both.
    static func setUp(config: String? = nil) throws -> (Scratch, [String: String]) {
        let scratch = Scratch()
        let add = try Binary.run(
            [
                "learner", "add", "anna", "--name", "Anna Beispiel", "--team", "marketing", "--roles",
                "staff,ambassador", "--language", "de", "--data", scratch.path,
            ])
        #expect(add.status == 0, "\(add.stderr)")
        if let config { scratch.write("config/lernpfad/config.yaml", config) }
        // NO_COLOR empty counts as unset, whatever the test runner's environment says.
        let environment = [
            "LERNPFAD_DATA": scratch.path, "XDG_CONFIG_HOME": scratch.path + "/config", "USER": "anna", "NO_COLOR": "",
        ]
        return (scratch, environment)
    }

    /// The cursor and the text from two columns before it (the selection marker) to the end of its row, once
    /// `condition` holds for them.
    @discardableResult
    static func waitForCursor(
        _ tui: Tmux, _ what: String, _ condition: (_ x: Int, _ y: Int, _ fromMarker: String) -> Bool
    ) throws -> (x: Int, y: Int, fromMarker: String) {
        let deadline = Date().addingTimeInterval(10)
        var last = (x: 0, y: 0, fromMarker: "")
        while Date() < deadline {
            let place = try tui.run(["display-message", "-p", "-t", tui.name, "#{cursor_x},#{cursor_y}"])
            let numbers = place.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap {
                Int($0)
            }
            let lines = try tui.screen().split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
            if numbers.count == 2, lines.indices.contains(numbers[1]) {
                let row = lines[numbers[1]]
                let start = min(row.count, max(0, numbers[0] - 2))
                last = (numbers[0], numbers[1], String(row[start...]))
                if condition(last.x, last.y, last.fromMarker) { return last }
            }
            usleep(50_000)
        }
        throw TmuxTimeout(
            expected: "the cursor \(what) (last \(last.x),\(last.y): '\(last.fromMarker)')", screen: try tui.screen())
    }

    @Test func theCursorSitsOnTheFocusedRowOfEveryScreen() throws {
        let (scratch, environment) = try Self.setUp()
        defer { withExtendedLifetime(scratch) {} }
        let tui = try Tmux([], environment: environment)
        try tui.waitFor("Als Nächstes")
        let home = try Self.waitForCursor(tui, "on home's next step") { $1 > 0 && $2.hasPrefix("› ▶ Als Nächstes") }
        try tui.send("j")
        try Self.waitForCursor(tui, "one row down") { x, y, text in
            y == home.y + 1 && x == home.x && text.hasPrefix("› ")
        }
        try tui.send("j", "Enter")
        try tui.waitFor("Lernpfad · Mitarbeitende")
        try Self.waitForCursor(tui, "on the path's first module") { $2.hasPrefix("› ") && $2.contains("KI-Grundlagen") }
        try tui.send("Enter")
        try tui.waitFor("Modul · KI-Grundlagen")
        try Self.waitForCursor(tui, "on the first lesson") { $2.hasPrefix("› ") && $2.contains("Was ist KI?") }
        try tui.send("G", "Enter")
        try tui.waitFor("Frage 1/")
        let choice = try Self.waitForCursor(tui, "on the first choice") {
            $2.hasPrefix("› ( ) a)") || $2.hasPrefix("› [ ] a)")
        }
        try tui.send("j")
        // The first choice may take two rows; the cursor goes to the first row of the next.
        try Self.waitForCursor(tui, "on the second choice") { _, y, text in
            y > choice.y && text.hasPrefix("› ") && text.contains("b)")
        }
        try tui.send("?")
        try tui.waitFor("─ Tasten")
        try Self.waitForCursor(tui, "on the help's first row") { _, y, text in
            y != choice.y && text.hasPrefix("│ ") && text.count > 4
        }
        try tui.send("q")
        #expect(try tui.exitStatus() == 0)
    }

    @Test func theCursorSitsOnTheSelectedTeamRow() throws {
        let (scratch, environment) = try Self.setUp()
        defer { withExtendedLifetime(scratch) {} }
        let ben = try Binary.run(
            [
                "learner", "add", "ben", "--name", "Ben Müller", "--team", "marketing", "--roles", "staff", "--data",
                scratch.path,
            ])
        #expect(ben.status == 0, "\(ben.stderr)")
        let tui = try Tmux(["--learner", "anna", "--team"], environment: environment)
        try tui.waitFor("Ben Müller")
        let first = try Self.waitForCursor(tui, "on a learner") {
            $2.hasPrefix("› ") && ($2.contains("Anna") || $2.contains("Ben"))
        }
        try tui.send("j")
        try Self.waitForCursor(tui, "on the next learner") { _, y, text in y == first.y + 1 && text.hasPrefix("› ") }
        try tui.send("q")
        #expect(try tui.exitStatus() == 0)
    }

    /// Every byte the program wrote in a session of `keys` after home showed `ready`.
    static func bytes(
        environment: [String: String], ready: String, keys: [String] = [], until: String? = nil
    ) throws -> [UInt8] {
        let log = NSTemporaryDirectory() + "lernpfad-bytes-" + UUID().uuidString
        defer { unlink(log) }
        let tui = try Tmux([], environment: environment, outputLog: log)
        try tui.waitFor(ready)
        for key in keys { try tui.send(key) }
        if let until { try tui.waitFor(until) }
        try tui.send("q")
        #expect(try tui.exitStatus() == 0)
        let data = try #require(FileManager.default.contents(atPath: log))
        let text = [UInt8](data)
        // The pane's own "EXITED:" line comes after the program.
        let marker = Array("EXITED:".utf8)
        let end = (0...(max(0, text.count - marker.count))).first {
            text[$0..<($0 + marker.count)].elementsEqual(marker)
        }
        return Array(text[..<(end ?? text.count)])
    }

    @Test func anASCIITerminalGetsOnlyASCIIAndItsOwnLineCharacters() throws {
        let (scratch, base) = try Self.setUp()
        defer { withExtendedLifetime(scratch) {} }
        var environment = base
        environment["LANG"] = "C"
        environment["LC_ALL"] = "C"
        environment["TERM"] = "vt100"
        let written = try Self.bytes(environment: environment, ready: "Als Nachstes", keys: ["?"], until: "Tasten")
        let high = written.filter { $0 >= 0x80 }
        #expect(high.isEmpty, "\(high.count) bytes above 127")
        // vt100 switches to its line-drawing set with SO (^N) or ESC ( 0 for the help box.
        #expect(written.contains(0x0E) || String(decoding: written, as: UTF8.self).contains("\u{1B}(0"))
        // The same session on a UTF-8 terminal writes UTF-8: the check above can fail.
        let unicode = try Self.bytes(environment: base, ready: "Als Nächstes", keys: ["?"], until: "Tasten")
        #expect(unicode.contains { $0 >= 0x80 })
    }

    /// The parameters of every SGR sequence (`ESC [ … m`) in `bytes`.
    static func sgrParameters(_ bytes: [UInt8]) -> [[Int]] {
        let text = String(decoding: bytes, as: UTF8.self)
        let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;:]*)m")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { text[$0].split { $0 == ";" || $0 == ":" }.compactMap { Int($0) } }
        }
    }

    /// Whether `bytes` set a foreground or background colour (not the terminal's defaults, 39 and 49).
    static func setsColour(_ bytes: [UInt8]) -> Bool {
        sgrParameters(bytes).joined().contains {
            (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0)
        }
    }

    @Test func noColorMeansNoColour() throws {
        let (scratch, environment) = try Self.setUp()
        defer { withExtendedLifetime(scratch) {} }
        #expect(Self.setsColour(try Self.bytes(environment: environment, ready: "Als Nächstes")))
        var plain = environment
        plain["NO_COLOR"] = "1"
        let written = try Self.bytes(environment: plain, ready: "Als Nächstes")
        #expect(!Self.setsColour(written))
        #expect(Self.sgrParameters(written).contains { $0.contains(7) }, "the selection stays in reverse video")
    }

    @Test func mouseFalseLeavesTheMouseToTheTerminalAndHelpSaysHowToSelectText() throws {
        let (scratch, captured) = try Self.setUp()
        defer { withExtendedLifetime(scratch) {} }
        let withMouse = String(
            decoding: try Self.bytes(
                environment: captured, ready: "Als Nächstes", keys: ["?"], until: "Umschalt+Ziehen"), as: UTF8.self)
        #expect(withMouse.contains("1000h") || withMouse.contains("1006h"))
        let (freeScratch, free) = try Self.setUp(config: "mouse: false\n")
        defer { withExtendedLifetime(freeScratch) {} }
        let without = String(
            decoding: try Self.bytes(environment: free, ready: "Als Nächstes", keys: ["?"], until: "Tasten"),
            as: UTF8.self)
        #expect(!without.contains("1000h") && !without.contains("1006h"))
        #expect(!without.contains("Umschalt+Ziehen"))
    }

    @Test func remappedKeysWorkAndShowAndAConflictIsOneLine() throws {
        let (scratch, environment) = try Self.setUp(config: "keys:\n  search: s\n")
        defer { withExtendedLifetime(scratch) {} }
        let tui = try Tmux([], width: 120, environment: environment)
        try tui.waitFor("s suchen")
        try tui.send("s")
        try tui.waitFor("/ ▏")
        try tui.send("C-c")
        #expect(try tui.exitStatus() == 0)

        let (clashScratch, clash) = try Self.setUp(config: "keys:\n  search: q\n")
        defer { withExtendedLifetime(clashScratch) {} }
        let failing = try Tmux([], width: 220, environment: clash)
        let screen = try failing.waitFor("EXITED:")
        #expect(
            screen.contains(
                "\(clashScratch.path)/config/lernpfad/config.yaml: keys: search and quit both have the key 'q'"))
        #expect(try failing.exitStatus() == 1)
    }
}
