import Foundation
import LernpfadCore
import LernpfadSession
import Testing

@testable import LernpfadUI

/// config.yaml's `keys` gives actions other keys; the defaults need no AltGr on a German keyboard.
@Suite("Key remapping")
struct KeyRemapTests {
    static func runner(_ keys: [String: String], width: Int = 80) throws -> AppRunner {
        var model = AppModel(
            catalog: UIFixture.catalog, record: UIFixture.record(), width: width, height: 24, now: UIFixture.now)
        model.keyMap = try KeyMap.parse(keys).get()
        return UIFixture.runner(model)
    }

    @Test func aRemappedActionAnswersToItsNewKeyOnly() throws {
        let start = try Self.runner(["search": "s"])
        #expect(UIFixture.run("s", on: start).model.activeOverlay is SearchOverlay)
        #expect(UIFixture.run("/", on: start).model.activeOverlay == nil, "the old key is free")
        let quit = try Self.runner(["quit": "x"])
        #expect(UIFixture.run("x", on: quit).model.isFinished)
        #expect(!UIFixture.run("q", on: quit).model.isFinished)
        #expect(UIFixture.run("<c-c>", on: quit).model.isFinished, "Ctrl-C always quits")
    }

    @Test func helpAndTheStatusLineShowTheNewKeys() throws {
        let start = try Self.runner(["search": "s", "help": "h"], width: 120)
        let home = start.render().plainText
        #expect(home.contains("s suchen"))
        #expect(home.contains("h Hilfe"))
        #expect(!home.contains("/ suchen"))
        let help = UIFixture.run("h", on: start).render().lines
        let searchRow = try #require(help.first { $0.contains("Titel und Texte durchsuchen") })
        #expect(searchRow.contains("│ s "), "\(searchRow)")
    }

    @Test func severalKeysAndSpecialKeysAreWrittenAsInSnapshotKeys() throws {
        let map = try KeyMap.parse(["back": "<esc> h", "search": "<c-f>"]).get()
        #expect(map.keys(for: .back) == [.escape, .character("h")])
        #expect(map.keys(for: .search) == [.control("f")])
        #expect(map.keys(for: .help) == [.character("?")])
    }

    @Test(arguments: [
        (["search": "q"], "keys: search and quit both have the key 'q'"),
        (["search": "j"], "keys: search: 'j' moves in and opens lists"),
        (["help": "<c-c>"], "keys: help: 'Ctrl-C' always quits"),
        (["find": "s"], "keys: unknown action 'find'; known: back, search, language, help, quit"),
        (["search": "<nope>"], "keys: search: '<nope>' is not one key (write e.g. s, <c-f>, <esc>)"),
        (["search": "ab"], "keys: search: 'ab' is not one key (write e.g. s, <c-f>, <esc>)"),
        (["search": " "], "keys: search: no key given"),
    ])
    func aKeyMapThatCannotWorkIsOneLineSayingWhy(_ keys: [String: String], _ message: String) {
        guard case .failure(let error) = KeyMap.parse(keys) else {
            Issue.record("\(keys) should not parse")
            return
        }
        #expect(error.description == message)
        #expect(!error.description.contains("\n"))
    }

    @Test func swappingTwoActionsIsNoConflict() throws {
        let map = try KeyMap.parse(["search": "?", "help": "/"]).get()
        #expect(map.keys(for: .search) == [.character("?")])
        #expect(map.keys(for: .help) == [.character("/")])
    }

    @Test func configYAMLCarriesKeysMouseAndGlyphs() throws {
        let text = "mouse: false\nglyphs: ascii\nkeys:\n  search: s\n  quit: \"x\"\n"
        let settings = try Settings.parse(text, file: "config.yaml").get()
        #expect(settings.mouse == false)
        #expect(settings.glyphs == "ascii")
        #expect(settings.keys == ["search": "s", "quit": "x"])
        #expect(Settings().mouse && Settings().glyphs == "auto" && Settings().keys.isEmpty)
        guard case .failure(let bad) = Settings.parse("mouse: maybe\n", file: "config.yaml") else {
            Issue.record("mouse: maybe should fail")
            return
        }
        #expect(bad.description.contains("mouse must be true or false"))
        guard case .failure(let glyphs) = Settings.parse("glyphs: fancy\n", file: "config.yaml") else {
            Issue.record("glyphs: fancy should fail")
            return
        }
        #expect(glyphs.description.contains("glyphs must be auto, unicode or ascii"))
    }

    /// Every key table the interface has, as the screens reached by `paths` from home show them.
    static func tables(_ paths: [String]) -> [(screen: String, help: Phrase, keys: [Key])] {
        var tables: [(screen: String, help: Phrase, keys: [Key])] = []
        for path in paths {
            let runner = UIFixture.run(path, on: UIFixture.runner(width: 100, height: 30))
            let model = runner.model
            let context = model.context
            let screens: [any ScreenModel] = [model.screen] + (model.activeOverlay.map { [$0] } ?? [])
            for screen in screens {
                for entry in screen.boundKeys(context) {
                    tables.append((screen: "\(type(of: screen)) after '\(path)'", help: entry.help, keys: entry.keys))
                }
            }
            for binding in GlobalKeys.bindings(canGoBack: true, hasLearner: true, languages: 2, takesText: false) {
                tables.append((screen: "global", help: binding.help, keys: binding.keys))
            }
        }
        return tables
    }

    @Test func noActionNeedsAltGrOnAGermanKeyboard() {
        // Home, a path, a module, a lesson, a lesson opened from search (its match keys), the quiz, its
        // feedback and result, the team view, a learner's detail, help and search.
        let paths = [
            "", "jj<enter>", "jj<enter><enter>", "<enter>", "/Absatz 3<enter>", "jj<enter><enter>G<enter>",
            "jj<enter><enter>G<enter>a<enter>", "jj<enter><enter>G<enter>a<enter><enter>b<enter><enter>",
            "G<enter>", "G<enter><enter>", "?", "/",
        ]
        let tables = Self.tables(paths)
        #expect(tables.contains { $0.keys.contains(.character("]")) }, "the reader's match keys were reached")
        for table in tables where !table.keys.isEmpty {
            #expect(
                !table.keys.allSatisfy(Key.altGrOnGermanKeyboard.contains),
                "\(table.screen): \(table.help) has only AltGr keys \(table.keys)")
        }
        for action in RemappableAction.allCases {
            #expect(!action.defaultKeys.allSatisfy(Key.altGrOnGermanKeyboard.contains), "\(action)")
        }
    }

    @Test func theReaderStepsThroughMatchesWithPlusAndMinusToo() throws {
        var runner = UIFixture.run("/Absatz 3<enter>+", on: UIFixture.runner())
        var reader = try #require(runner.model.screen as? ReaderScreen)
        #expect(try #require(reader.layout).lines[try #require(reader.highlight)].plainText.contains("Absatz 30"))
        runner = UIFixture.run("-", on: runner)
        reader = try #require(runner.model.screen as? ReaderScreen)
        #expect(try #require(reader.layout).lines[try #require(reader.highlight)].plainText.contains("Absatz 3 "))
        #expect(runner.render().plainText.contains("Treffer 1/11 · + nächster · - voriger"))
        let help = UIFixture.run("?", on: runner).render().plainText
        #expect(help.contains("+ - ] ["), "help names the AltGr-free keys first")
    }
}
