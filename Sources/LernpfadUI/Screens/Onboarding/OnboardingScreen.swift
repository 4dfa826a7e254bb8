import Foundation
import LernpfadCore

/// First start: name, team, roles and language; then the runner creates the learner file.
public struct OnboardingScreen: ScreenModel {
    /// Which question is asked.
    public enum Step: Int, Hashable, Sendable {
        case name, team, roles, language
    }

    /// What the onboarding keys do.
    public enum Action: Hashable, Sendable {
        case type(Character)
        case delete
        case next
        case back
        case cursor(Int)
        case toggle
        case click(row: Int)
    }

    /// The learner id the file will get.
    public let learnerID: String
    /// The current question.
    public private(set) var step: Step = .name
    /// Typed name.
    public private(set) var name = ""
    /// Typed team.
    public private(set) var team = ""
    /// Roles ticked.
    public private(set) var roles: Set<String> = []
    /// The cursor in the role or language list.
    public private(set) var cursor = 0
    /// The chosen language.
    public private(set) var language: LanguageCode
    /// A hint shown under the question.
    public private(set) var hint: Phrase?

    /// Starts enrolment for `learnerID`.
    public init(learnerID: String, language: LanguageCode) {
        self.learnerID = learnerID
        self.language = language
    }

    /// True while a text field takes every key.
    public var takesText: Bool { step == .name || step == .team }

    /// The row of the first role or language choice, counted from the top of the area.
    static let firstChoiceRow = 4

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Action>] {
        switch step {
        case .name, .team:
            var table: [KeyBinding<Action>] = [
                .keys([.enter, .tab], help: .helpNext, status: .verbNext, .next),
                .keys([.backspace], help: .helpDelete, .delete),
            ]
            if step == .team { table.append(.keys([.escape], help: .helpBack, status: .verbBack, .back)) }
            table.append(
                .pattern(.keyTyping, help: .helpType) { key in
                    guard case .character(let character) = key, DisplayWidth.of(String(character)) > 0 else {
                        return nil
                    }
                    return .type(character)
                })
            return table
        case .roles, .language:
            var table: [KeyBinding<Action>] = [
                .keys(
                    [.up, .down, .character("j"), .character("k"), .tab], help: .helpSelect, status: .verbSelect,
                    statusKeys: 2
                ) {
                    key in
                    key == .up || key == .character("k") ? .cursor(-1) : .cursor(1)
                }
            ]
            if step == .roles {
                table.append(
                    .keys([.character(" "), .character("x")], help: .helpToggleRole, status: .verbToggle, .toggle))
                table.append(
                    .pattern(.keyClick, help: .helpToggleRole) { key in
                        if case .click(let row, _) = key { return .click(row: row) }
                        return nil
                    })
            }
            table.append(
                .keys(
                    [.enter], help: step == .roles ? .helpNext : .helpConfirm,
                    status: step == .roles ? .verbNext : .verbConfirm, .next))
            table.append(.keys([.escape, .backspace], help: .helpBack, status: .verbBack, .back))
            return table
        }
    }

    /// Carries out one action.
    public mutating func perform(_ action: Action, context: ScreenContext, area: Rect) -> [Transition] {
        hint = nil
        let roleIDs = context.catalog.roles
        let languages = context.catalog.course.languages
        switch (step, action) {
        case (.name, .type(let character)) where name.count < 80: name.append(character)
        case (.team, .type(let character)) where team.count < 80: team.append(character)
        case (.name, .delete): if !name.isEmpty { name.removeLast() }
        case (.team, .delete): if !team.isEmpty { team.removeLast() }
        case (.name, .next):
            if name.trimmingCharacters(in: .whitespaces).isEmpty { hint = .nameRequired } else { step = .team }
        case (.team, .next):
            step = .roles
            cursor = 0
        case (.team, .back): step = .name
        case (.roles, .cursor(let delta)): cursor = min(max(0, cursor + delta), max(0, roleIDs.count - 1))
        case (.roles, .toggle): toggleRole(at: cursor, roleIDs)
        case (.roles, .click(let row)):
            let index = row - Self.firstChoiceRow
            if roleIDs.indices.contains(index) {
                cursor = index
                toggleRole(at: index, roleIDs)
            }
        case (.roles, .next):
            if roles.isEmpty {
                hint = .pickAtLeastOneRole
            } else {
                step = .language
                cursor = languages.firstIndex(of: language) ?? 0
            }
        case (.roles, .back): step = .team
        case (.language, .cursor(let delta)):
            cursor = min(max(0, cursor + delta), max(0, languages.count - 1))
            guard languages.indices.contains(cursor) else { return [] }
            language = languages[cursor]
            return [.setLanguage(language)]
        case (.language, .back): step = .roles
        case (.language, .next):
            let trimmedTeam = team.trimmingCharacters(in: .whitespaces)
            let profile = LearnerProfile(
                id: learnerID, name: name.trimmingCharacters(in: .whitespaces),
                team: trimmedTeam.isEmpty ? nil : trimmedTeam, roles: roleIDs.filter { roles.contains($0) },
                language: language)
            return [.createLearner(profile)]
        default: break
        }
        return []
    }

    private mutating func toggleRole(at index: Int, _ roleIDs: [String]) {
        guard roleIDs.indices.contains(index) else { return }
        let role = roleIDs[index]
        if roles.contains(role) { roles.remove(role) } else { roles.insert(role) }
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        let text = context.text
        var row = area.row + 1
        let column = area.column + 2
        let width = area.width - 4
        _ = canvas.put(text(.welcome), row: row, column: column, style: Theme.title, maxWidth: width)
        row += 1
        // The course's own note (training, not legal advice), once, on the first screen a learner sees.
        if step == .name, let notice = context.catalog.course.notice?.text(in: context.language) {
            for line in MarkdownLayout.layout(notice, width: width).prefix(max(0, area.height - 9)) {
                _ = canvas.draw(
                    StyledLine(line.spans.map { StyledSpan($0.text, style: Theme.muted) }), row: row, column: column,
                    width: width)
                row += 1
            }
        }
        row += 1
        func field(_ label: Phrase, _ value: String, active: Bool) {
            _ = canvas.put(
                text(label), row: row, column: column, style: active ? Theme.accent : Theme.muted, maxWidth: width)
            row += 1
            _ = canvas.put(
                "  " + value + (active ? "▏" : ""), row: row, column: column,
                style: active ? Theme.plain.adding(.bold) : Theme.plain, maxWidth: width)
            row += 2
        }
        switch step {
        case .name:
            field(.askName, name, active: true)
        case .team:
            field(.askName, name, active: false)
            field(.askTeam, team, active: true)
        case .roles:
            _ = canvas.put(text(.askRoles), row: row, column: column, style: Theme.accent, maxWidth: width)
            row += 1
            for (index, role) in context.catalog.roles.enumerated() {
                let title = context.catalog.path(role)?.title.text(in: context.language) ?? role
                let box = roles.contains(role) ? "[x]" : "[ ]"
                let style = index == cursor ? Theme.selection : Theme.plain
                _ = canvas.put("  \(box) \(title)", row: row, column: column, style: style, maxWidth: width)
                row += 1
            }
        case .language:
            _ = canvas.put(text(.askLanguage), row: row, column: column, style: Theme.accent, maxWidth: width)
            row += 1
            for (index, language) in context.catalog.course.languages.enumerated() {
                let name =
                    language == .german ? "Deutsch (de)" : language == .english ? "English (en)" : language.rawValue
                let style = index == cursor ? Theme.selection : Theme.plain
                _ = canvas.put("  \(name)", row: row, column: column, style: style, maxWidth: width)
                row += 1
            }
        }
        if let hint {
            _ = canvas.put(text(hint), row: area.bottom - 2, column: column, style: Theme.warning, maxWidth: width)
        }
        return text(.onboarding)
    }
}

/// Several learners share the data folder: choose who is learning.
public struct PickerScreen: ScreenModel {
    /// The learners to choose from.
    public let learners: [LearnerProfile]
    /// The cursor.
    public var list = ListState()

    /// A picker over `learners`.
    public init(learners: [LearnerProfile]) { self.learners = learners }

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<ListAction>] { ListKeys.bindings }

    /// Carries out one action.
    public mutating func perform(_ action: ListAction, context: ScreenContext, area: Rect) -> [Transition] {
        guard let chosen = content(context).perform(action, on: &list, bodyHeight: area.height),
            learners.indices.contains(chosen)
        else { return [] }
        return [.openLearner(learners[chosen].id)]
    }

    func content(_ context: ScreenContext) -> ListContent {
        let items = learners.map { learner in
            StyledLine([
                (TerminalSafeText.sanitize(learner.name), Theme.plain),
                ("  \(learner.id) · \(learner.team.map { TerminalSafeText.sanitize($0) } ?? "")", Theme.muted),
            ])
        }
        return ListContent(
            header: [StyledLine(context.text(.chooseLearner), style: Theme.title), .empty], items: items)
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        content(context).draw(into: &canvas, list: list, area: area.inset(horizontal: 2))
        return context.text(.chooseLearner)
    }
}
