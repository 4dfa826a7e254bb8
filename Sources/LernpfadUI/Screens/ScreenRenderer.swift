import Foundation
import LernpfadCore

/// Draws the body of the current screen; returns its title and status-line keys.
enum ScreenRenderer {
    static func draw(_ state: AppState, into canvas: inout Canvas, now: Date) -> (title: String, status: String) {
        let text = state.text
        let listKeys = [
            text(.keysMove), text(.keysOpen), text(.keysBack), text(.keysSearch), text(.keysHelp), text(.keysQuit),
        ]
        .joined(separator: "  ")
        let bodyHeight = state.bodyHeight
        switch state.screen {
        case .onboarding(let form):
            return OnboardingScreen.draw(state, form, into: &canvas)
        case .picker(let picker):
            return PickerScreen.draw(state, picker, into: &canvas)
        case .home(let list):
            HomeScreen.content(state, now: now).draw(into: &canvas, list: list, row: 1, height: bodyHeight, margin: 2)
            return ("\(text(.appName)) · \(text(.home))", listKeys)
        case .path(let role, let list):
            PathScreen.content(state, role: role, now: now).draw(
                into: &canvas, list: list, row: 1, height: bodyHeight, margin: 2)
            let title = state.catalog.path(role)?.title.text(in: state.language) ?? role
            return ("\(text(.path)) · \(title)", listKeys)
        case .module(let id, let list):
            ModuleScreen.content(state, id: id, now: now).draw(
                into: &canvas, list: list, row: 1, height: bodyHeight, margin: 2)
            let title = state.catalog.module(id)?.title.text(in: state.language) ?? id
            return ("\(text(.module)) · \(title)", listKeys)
        case .reader(let reader):
            return ReaderScreen.draw(state, reader, into: &canvas)
        case .quiz(let quiz), .review(let quiz):
            return QuizLayout.draw(state, quiz, into: &canvas)
        case .team(let team):
            TeamScreen.content(state, team, now: now).draw(
                into: &canvas, list: team.list, row: 1, height: bodyHeight, margin: 2)
            return (text(.team), TeamScreen.statusKeys(text))
        case .teamLearner(let id, let scroll):
            return TeamScreen.drawDetail(state, id: id, scroll: scroll, into: &canvas, now: now)
        }
    }
}
