/// Keys that mean the same on every screen, declared once like a screen's own table.
enum GlobalAction: Hashable, Sendable {
    case back, search, language, help, quit
}

enum GlobalKeys {
    /// The global table for the current situation; a screen that takes text keeps only Ctrl-C.
    static func bindings(canGoBack: Bool, hasLearner: Bool, languages: Int, takesText: Bool)
        -> [KeyBinding<GlobalAction>]
    {
        let quitHelp: Phrase = hasLearner ? .helpQuitSaved : .helpQuit
        if takesText {
            return [.keys([.control("c")], help: quitHelp, status: .verbQuit, .quit)]
        }
        var table: [KeyBinding<GlobalAction>] = []
        if canGoBack { table.append(.keys([.escape, .backspace], help: .helpBack, status: .verbBack, .back)) }
        if hasLearner { table.append(.keys([.character("/")], help: .helpSearch, status: .verbSearch, .search)) }
        if languages > 1 { table.append(.keys([.character("L")], help: .helpLanguage, .language)) }
        table.append(.keys([.character("?")], help: .helpHelp, status: .verbHelp, .help))
        table.append(.keys([.character("q"), .control("c")], help: quitHelp, status: .verbQuit, .quit))
        return table
    }
}
