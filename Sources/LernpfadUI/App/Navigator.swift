/// The stack of screens. Only `AppModel` holds one, and it is never empty: the first screen cannot be popped.
struct Navigator: Sendable {
    private(set) var screens: [any ScreenModel]

    init(root: any ScreenModel) { screens = [root] }

    /// The screen on top.
    var top: any ScreenModel { screens[screens.count - 1] }

    /// How many screens are stacked.
    var depth: Int { screens.count }

    mutating func push(_ screen: any ScreenModel) { screens.append(screen) }

    mutating func pop() {
        if screens.count > 1 { screens.removeLast() }
    }

    mutating func popToRoot() { screens.removeSubrange(1...) }

    mutating func replaceTop(_ screen: any ScreenModel) { screens[screens.count - 1] = screen }

    mutating func reset(to root: any ScreenModel) { screens = [root] }

    /// Runs `body` on the top screen in place; the screen's changes stay where they belong.
    mutating func withTop<Result>(_ body: (inout any ScreenModel) -> Result) -> Result {
        body(&screens[screens.count - 1])
    }
}
