import LernpfadCore

/// One screen of the interface: a value that owns its state, declares its keys, and draws into the area given.
///
/// Screens never touch the navigation stack, the learner record or a file. They return transitions; the
/// model applies them. This is what makes a screen's state impossible to lose or write back to the wrong place.
public protocol ScreenModel: Sendable {
    /// What the screen's keys do.
    associatedtype Action: Sendable

    /// The screen's key table: the dispatcher, the help overlay and the status line all read it.
    func bindings(_ context: ScreenContext) -> [KeyBinding<Action>]

    /// Carries out one action.
    mutating func perform(_ action: Action, context: ScreenContext, area: Rect) -> [Transition]

    /// Brings derived state up to date with loaded resources and the area; called after every message.
    mutating func refresh(context: ScreenContext, area: Rect) -> [Transition]

    /// What the runner must load before the screen can show everything.
    func needs(_ context: ScreenContext) -> [ResourceRequest]

    /// Draws the body into `area`; returns the title for the title bar.
    func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String

    /// True while a text field takes every key, so `q`, `?`, `/` and `L` are letters, not commands.
    var takesText: Bool { get }
}

extension ScreenModel {
    /// Nothing to bring up to date.
    public mutating func refresh(context: ScreenContext, area: Rect) -> [Transition] { [] }

    /// Needs nothing.
    public func needs(_ context: ScreenContext) -> [ResourceRequest] { [] }

    /// No text field.
    public var takesText: Bool { false }

    /// Handles `key` if the screen's table has it; nil when the key is not the screen's.
    mutating func handle(_ key: Key, context: ScreenContext, area: Rect) -> [Transition]? {
        guard let action = firstAction(for: key, in: bindings(context)) else { return nil }
        return perform(action, context: context, area: area)
    }

    /// The help entries of the screen's own keys: (keys, what they do).
    func helpEntries(_ context: ScreenContext) -> [(keys: String, help: String)] {
        bindings(context).map { (keys: $0.label(context.text), help: context.text($0.help)) }
    }

    /// The status-line entries of the screen's own keys.
    func statusEntries(_ context: ScreenContext) -> [String] {
        bindings(context).compactMap { $0.statusEntry(context.text) }
    }
}
