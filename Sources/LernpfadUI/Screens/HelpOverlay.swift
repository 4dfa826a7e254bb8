/// `?`: every key of the current screen in a box.
enum HelpOverlay {
    static func keys(_ state: AppState) -> [(String, String)] {
        let german = state.language == .german
        func entry(_ keys: String, _ de: String, _ en: String) -> (String, String) { (keys, german ? de : en) }
        var lines: [(String, String)] = []
        switch state.screen {
        case .reader:
            lines = [
                entry("↑ ↓ j k", "eine Zeile", "one line"),
                (german ? "Bild↑ Bild↓ Leertaste b" : "PgUp PgDn space b", german ? "eine Seite" : "one page"),
                (german ? "g G Pos1 Ende" : "g G Home End", german ? "Anfang / Ende" : "top / end"),
                entry("n p → ←", "nächste / vorige Lektion", "next / previous lesson"),
                (german ? "Mausrad" : "mouse wheel", german ? "blättern" : "scroll"),
            ]
        case .quiz, .review:
            lines = [
                entry("1–9 a–h", "Antwort wählen", "choose an answer"),
                entry("↑ ↓ j k", "Cursor bewegen", "move the cursor"),
                (german ? "Leertaste" : "space", german ? "Antwort an/aus" : "toggle an answer"),
                entry("⏎", "prüfen / weiter", "check / next"),
                entry("r", "Wissenscheck wiederholen (Ergebnis)", "retry the quiz (summary)"),
            ]
        case .onboarding:
            lines = [
                entry("⏎ Tab", "weiter", "next"),
                (german ? "Leertaste" : "space", german ? "Rolle wählen" : "select a role"),
            ]
        default:
            lines = [
                entry("↑ ↓ j k", "auswählen", "move"), entry("⏎ → l", "öffnen", "open"),
                (german ? "Klick" : "click", german ? "auswählen und öffnen" : "select and open"),
            ]
            if case .home = state.screen {
                lines += [entry("c", "weiterlesen", "continue"), entry("r", "wiederholen", "review")]
            }
        }
        lines += [
            entry("Esc ⌫", "zurück", "back"), entry("/", "Titel und Texte durchsuchen", "search titles and lessons"),
            entry("L", "Sprache wechseln", "switch language"), entry("?", "diese Hilfe", "this help"),
            (
                german ? "q Strg-C" : "q Ctrl-C",
                german ? "beenden (alles ist gespeichert)" : "quit (everything is saved)"
            ),
        ]
        return lines
    }

    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let entries = keys(state)
        let keyWidth = min(24, entries.map { DisplayWidth.of($0.0) }.max() ?? 0)
        let width = min(canvas.width - 2, max(40, keyWidth + 4 + (entries.map { DisplayWidth.of($0.1) }.max() ?? 0)))
        let height = min(canvas.height - 2, entries.count + 3)
        let row = max(1, (canvas.height - height) / 2)
        let column = max(1, (canvas.width - width) / 2)
        canvas.fill(row: row, column: column, width: width, height: height, style: .plain)
        canvas.box(
            row: row, column: column, width: width, height: height, title: state.text(.helpTitle), style: Theme.accent)
        for (index, entry) in entries.prefix(height - 3).enumerated() {
            _ = canvas.put(entry.0, row: row + 1 + index, column: column + 2, style: Theme.accent, maxWidth: keyWidth)
            _ = canvas.put(
                entry.1, row: row + 1 + index, column: column + 3 + keyWidth, style: .plain,
                maxWidth: width - keyWidth - 5)
        }
        _ = canvas.put(
            state.text(.pressAnyKey), row: row + height - 2, column: column + 2, style: Theme.muted, maxWidth: width - 4
        )
    }
}
