import Foundation
import LernpfadCore

/// First start: name, team, roles and language; then the learner file is created.
enum OnboardingScreen {
    static func update(_ state: inout AppState, _ form: inout OnboardingState, _ key: Key) -> [Effect] {
        form.hint = nil
        let roles = state.catalog.roles
        let languages = state.catalog.course.languages
        var effects: [Effect] = []
        switch form.step {
        case .name, .team:
            let isName = form.step == .name
            var field = isName ? form.name : form.team
            switch key {
            case .character(let character) where DisplayWidth.of(String(character)) > 0 && field.count < 80:
                field.append(character)
            case .backspace: if !field.isEmpty { field.removeLast() }
            case .escape where !isName: form.step = .name
            case .enter, .tab:
                if isName {
                    if field.trimmingCharacters(in: .whitespaces).isEmpty {
                        form.hint = .typeToEnter
                    } else {
                        form.step = .team
                    }
                } else {
                    form.step = .roles
                    form.cursor = 0
                }
            default: break
            }
            if isName { form.name = field } else { form.team = field }
        case .roles:
            switch key {
            case .up, .character("k"): form.cursor = max(0, form.cursor - 1)
            case .down, .character("j"), .tab: form.cursor = min(roles.count - 1, form.cursor + 1)
            case .character(" "), .character("x"):
                guard roles.indices.contains(form.cursor) else { break }
                let role = roles[form.cursor]
                if form.roles.contains(role) { form.roles.remove(role) } else { form.roles.insert(role) }
            case .click(let row, _):
                let index = row - 5
                if roles.indices.contains(index) {
                    form.cursor = index
                    let role = roles[index]
                    if form.roles.contains(role) { form.roles.remove(role) } else { form.roles.insert(role) }
                }
            case .enter:
                if form.roles.isEmpty {
                    form.hint = .pickAtLeastOneRole
                } else {
                    form.step = .language
                    form.cursor = languages.firstIndex(of: form.language) ?? 0
                }
            case .escape, .backspace: form.step = .team
            default: break
            }
        case .language:
            switch key {
            case .up, .character("k"): form.cursor = max(0, form.cursor - 1)
            case .down, .character("j"), .tab: form.cursor = min(languages.count - 1, form.cursor + 1)
            case .escape, .backspace: form.step = .roles
            case .enter:
                form.language = languages[form.cursor]
                let profile = LearnerProfile(
                    id: form.learnerID, name: form.name.trimmingCharacters(in: .whitespaces),
                    team: form.team.trimmingCharacters(in: .whitespaces).isEmpty
                        ? nil : form.team.trimmingCharacters(in: .whitespaces),
                    roles: roles.filter { form.roles.contains($0) }, language: form.language)
                state.learnerLoaded(LearnerRecord(learner: profile))
                effects.append(.createLearner(profile))
                return effects
            default: break
            }
            if languages.indices.contains(form.cursor) {
                form.language = languages[form.cursor]
                state.language = form.language
            }
        }
        state.screen = .onboarding(form)
        return effects
    }

    static func draw(_ state: AppState, _ form: OnboardingState, into canvas: inout Canvas) -> (String, String) {
        let text = state.text
        var row = 2
        let width = canvas.width - 4
        _ = canvas.put(text(.welcome), row: row, column: 2, style: Theme.title, maxWidth: width)
        row += 2
        func field(_ label: Phrase, _ value: String, active: Bool) {
            _ = canvas.put(
                text(label), row: row, column: 2, style: active ? Theme.accent : Theme.muted, maxWidth: width)
            row += 1
            let shown = value + (active ? "▏" : "")
            _ = canvas.put(
                "  " + shown, row: row, column: 2, style: active ? Theme.plain.adding(.bold) : Theme.plain,
                maxWidth: width)
            row += 2
        }
        switch form.step {
        case .name:
            field(.askName, form.name, active: true)
        case .team:
            field(.askName, form.name, active: false)
            field(.askTeam, form.team, active: true)
        case .roles:
            _ = canvas.put(text(.askRoles), row: row, column: 2, style: Theme.accent, maxWidth: width)
            row += 1
            for (index, role) in state.catalog.roles.enumerated() {
                let title = state.catalog.path(role)?.title.text(in: state.language) ?? role
                let box = form.roles.contains(role) ? "[x]" : "[ ]"
                let style = index == form.cursor ? Theme.selection : Theme.plain
                _ = canvas.put("  \(box) \(title)", row: row, column: 2, style: style, maxWidth: width)
                row += 1
            }
        case .language:
            _ = canvas.put(text(.askLanguage), row: row, column: 2, style: Theme.accent, maxWidth: width)
            row += 1
            for (index, language) in state.catalog.course.languages.enumerated() {
                let name =
                    language == .german ? "Deutsch (de)" : language == .english ? "English (en)" : language.rawValue
                let style = index == form.cursor ? Theme.selection : Theme.plain
                _ = canvas.put("  \(name)", row: row, column: 2, style: style, maxWidth: width)
                row += 1
            }
        }
        if let hint = form.hint {
            _ = canvas.put(text(hint), row: canvas.height - 3, column: 2, style: Theme.warning, maxWidth: width)
        }
        let status: String
        switch form.step {
        case .name, .team: status = text(.typeToEnter)
        case .roles: status = text(.spaceToToggle)
        case .language: status = "\(text(.keysMove))  \(text(.confirm))"
        }
        return (text(.onboarding), status)
    }
}

/// Several learners share the data folder: choose who is learning.
enum PickerScreen {
    static func update(_ state: inout AppState, _ picker: inout PickerState, _ key: Key) -> [Effect] {
        let count = picker.learners.count
        let visible = max(1, state.bodyHeight - 2)
        var chosen: Int?
        switch key {
        case .up, .character("k"), .wheelUp: picker.list.move(by: -1, count: count, visible: visible)
        case .down, .character("j"), .wheelDown, .tab: picker.list.move(by: 1, count: count, visible: visible)
        case .enter: chosen = picker.list.selected
        case .click(let row, _):
            let index = row - 3 + picker.list.top
            if picker.learners.indices.contains(index) { chosen = index }
        default: break
        }
        state.screen = .picker(picker)
        guard let chosen, picker.learners.indices.contains(chosen) else { return [] }
        return [.openLearner(picker.learners[chosen].id)]
    }

    static func draw(_ state: AppState, _ picker: PickerState, into canvas: inout Canvas) -> (String, String) {
        let text = state.text
        _ = canvas.put(text(.chooseLearner), row: 1, column: 2, style: Theme.title)
        let items = picker.learners.map { learner in
            StyledLine([
                (TerminalSafeText.sanitize(learner.name), Theme.plain),
                ("  \(learner.id) · \(learner.team.map { TerminalSafeText.sanitize($0) } ?? "")", Theme.muted),
            ])
        }
        ListContent(items: items).draw(
            into: &canvas, list: picker.list, row: 3, height: state.height - 4, margin: 2)
        return (text(.chooseLearner), "\(text(.keysMove))  \(text(.keysOpen))  \(text(.keysQuit))")
    }
}
