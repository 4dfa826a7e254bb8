import Foundation
import LernpfadCore

/// The interface as pure functions: `update` turns a key into a new state plus effects, `render` draws a state.
public enum AppModel {
    /// Handles one key at `now`; returns what the runner must persist.
    public static func update(_ state: inout AppState, _ key: Key, now: Date, environment: AppEnvironment) -> [Effect] {
        var effects: [Effect] = []
        state.notice = nil
        if case .resize(let width, let height) = key {
            state.width = max(0, width)
            state.height = max(0, height)
            prepare(&state, environment: environment)
            return []
        }
        if key == .control("c") {
            state.isFinished = true
            return [.quit]
        }
        if state.isTooSmall {
            if key == .character("q") {
                state.isFinished = true
                return [.quit]
            }
            return []
        }
        if let overlay = state.overlay {
            switch overlay {
            case .help:
                state.overlay = nil
                return []
            case .search(var search):
                effects += SearchOverlay.update(&state, &search, key, now: now, environment: environment)
                return effects
            }
        }
        if !isTyping(state), handleGlobal(&state, key, environment: environment, effects: &effects) {
            prepare(&state, environment: environment)
            return effects
        }
        switch state.screen {
        case .onboarding(var onboarding):
            effects += OnboardingScreen.update(&state, &onboarding, key)
        case .picker(var picker):
            effects += PickerScreen.update(&state, &picker, key)
        case .home(var list):
            effects += HomeScreen.update(&state, &list, key, now: now, environment: environment)
        case .path(let role, var list):
            effects += PathScreen.update(&state, role: role, &list, key, now: now, environment: environment)
        case .module(let id, var list):
            effects += ModuleScreen.update(&state, id: id, &list, key, now: now, environment: environment)
        case .reader(var reader):
            effects += ReaderScreen.update(&state, &reader, key, now: now, environment: environment)
        case .quiz(var quiz), .review(var quiz):
            effects += QuizScreen.update(&state, &quiz, key, now: now)
        case .team(var team):
            TeamScreen.update(&state, &team, key, now: now)
        case .teamLearner(let id, let scroll):
            TeamScreen.updateDetail(&state, id: id, scroll: scroll, key)
        }
        prepare(&state, environment: environment)
        return effects
    }

    /// Brings derived parts of the state up to date with the window, e.g. the lesson layout.
    public static func prepare(_ state: inout AppState, environment: AppEnvironment) {
        guard case .reader(var reader) = state.screen else { return }
        ReaderScreen.prepare(&reader, state: state, environment: environment)
        state.screen = .reader(reader)
    }

    /// Draws the state into a canvas of the window's size.
    public static func render(_ state: AppState, now: Date) -> Canvas {
        if state.isTooSmall { return Frame.tooSmall(width: state.width, height: state.height, text: state.text) }
        var canvas = Canvas(width: state.width, height: state.height)
        let (title, status) = ScreenRenderer.draw(state, into: &canvas, now: now)
        let right = state.record.map { TerminalSafeText.sanitize($0.learner.name) } ?? state.text(.appName)
        Frame.draw(into: &canvas, title: title, right: right, status: status, notice: state.notice ?? state.banner)
        switch state.overlay {
        case .help: HelpOverlay.draw(state, into: &canvas)
        case .search(let search): SearchOverlay.draw(state, search, into: &canvas)
        case nil: break
        }
        return canvas
    }

    /// True while a text field takes every key, so `q`, `?` and `/` are letters, not commands.
    static func isTyping(_ state: AppState) -> Bool {
        if case .onboarding(let onboarding) = state.screen {
            return onboarding.step == .name || onboarding.step == .team
        }
        return false
    }

    /// Keys that mean the same on every screen; true when the key was used.
    private static func handleGlobal(
        _ state: inout AppState, _ key: Key, environment: AppEnvironment, effects: inout [Effect]
    ) -> Bool {
        switch key {
        case .character("q"):
            state.isFinished = true
            effects.append(.quit)
            return true
        case .character("?"):
            state.overlay = .help
            return true
        case .character("/") where state.record != nil:
            state.overlay = .search(SearchState())
            return true
        case .character("L"):
            let languages = state.catalog.course.languages
            guard let index = languages.firstIndex(of: state.language), languages.count > 1 else { return true }
            state.language = languages[(index + 1) % languages.count]
            if case .reader(var reader) = state.screen {
                reader.markdown = nil
                reader.layout = nil
                state.screen = .reader(reader)
            }
            if state.record != nil {
                state.record?.learner.language = state.language
                effects.append(.saveLanguage(state.language))
            }
            return true
        case .escape, .backspace:
            if state.stack.count > 1 {
                state.stack.removeLast()
                return true
            }
            return isBackKeyIgnoredOnRoot(state)
        default:
            return false
        }
    }

    private static func isBackKeyIgnoredOnRoot(_ state: AppState) -> Bool {
        if case .onboarding = state.screen { return false }
        return true
    }

    /// Opens the team view over the current screen.
    public static func openTeam(_ state: inout AppState, environment: AppEnvironment) {
        TeamScreen.open(&state, environment: environment)
    }

    /// Pushes `screen` onto the stack.
    static func push(_ state: inout AppState, _ screen: Screen) {
        state.stack.append(screen)
    }
}
