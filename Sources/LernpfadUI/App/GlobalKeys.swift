/// Keys that mean the same on every screen, declared once like a screen's own table.
enum GlobalAction: Hashable, Sendable {
    case back, search, language, help, quit
}

enum GlobalKeys {
    /// The global table for the current situation; a screen that takes text keeps only Ctrl-C.
    static func bindings(
        canGoBack: Bool, hasLearner: Bool, languages: Int, takesText: Bool, keyMap: KeyMap = .standard
    ) -> [KeyBinding<GlobalAction>] {
        let quitHelp: Phrase = hasLearner ? .helpQuitSaved : .helpQuit
        if takesText {
            return [.keys([.control("c")], help: quitHelp, status: .verbQuit, .quit)]
        }
        var table: [KeyBinding<GlobalAction>] = []
        // The keys come from the key map: config.yaml may have given an action others.
        if canGoBack { table.append(.keys(keyMap.keys(for: .back), help: .helpBack, status: .verbBack, .back)) }
        if hasLearner {
            table.append(.keys(keyMap.keys(for: .search), help: .helpSearch, status: .verbSearch, .search))
        }
        if languages > 1 { table.append(.keys(keyMap.keys(for: .language), help: .helpLanguage, .language)) }
        table.append(.keys(keyMap.keys(for: .help), help: .helpHelp, status: .verbHelp, .help))
        table.append(.keys(keyMap.keys(for: .quit) + [.control("c")], help: quitHelp, status: .verbQuit, .quit))
        return table
    }
}
