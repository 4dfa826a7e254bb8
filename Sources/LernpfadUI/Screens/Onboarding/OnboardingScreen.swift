import Foundation
import LernpfadCore

/// First start, in four steps: language, name and team, roles, then a summary with the learner id; ⏎ there asks
/// the runner to create the learner file.
///
/// Nothing is written before that last ⏎: quitting on any step leaves no file, and the next start asks again.
/// Esc goes back one step and keeps what was entered; in a text field ⌫ only deletes (a held ⌫ must not page back
/// through the steps), on a choice step it goes back too.
public struct OnboardingScreen: ScreenModel {
    /// The steps, in order; "Schritt 1/4" counts them.
    public enum Step: Int, CaseIterable, Hashable, Sendable {
        case language, name, roles, confirm
    }

    /// The text field that has the keys.
    public enum Field: Hashable, Sendable {
        case name, team, learnerID
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

    /// Why the learner cannot go on yet; shown on screen until the next key.
    public enum Problem: Hashable, Sendable {
        case nameEmpty
        case noRole
        case idEmpty
        case idInvalid
        case idTaken(String)
        case idCharacter(Character)
    }

    /// The learner id the file will get.
    public private(set) var learnerID: String
    /// True when the id was given (`--learner`, `LERNPFAD_LEARNER`) and cannot be changed here.
    public let learnerIDIsFixed: Bool
    /// Ids the data folder already holds: a new learner cannot take them.
    public let takenIDs: Set<String>
    /// True when onboarding was opened from the learner picker, so Esc on the first step returns there.
    public let returnsToPicker: Bool
    /// The current step.
    public private(set) var step: Step = .language
    /// The text field of the step, if it has one.
    public private(set) var field: Field?
    /// Typed name.
    public private(set) var name = ""
    /// Typed team.
    public private(set) var team = ""
    /// Roles ticked.
    public private(set) var roles: Set<String> = []
    /// The cursor in the role list.
    public private(set) var cursor = 0
    /// The chosen language.
    public private(set) var language: LanguageCode
    /// What stops the learner going on, if anything.
    public private(set) var problem: Problem?
    /// Set once the learner typed in the id field, so that a later name no longer changes the suggestion.
    private var learnerIDEdited = false

    /// The longest name or team kept.
    static let maximumTextLength = 80

    /// Starts enrolment; `learnerID` is a suggestion (from the login name) unless `learnerIDIsFixed`.
    public init(
        learnerID: String, language: LanguageCode, learnerIDIsFixed: Bool = false, takenIDs: Set<String> = [],
        returnsToPicker: Bool = false
    ) {
        self.learnerID = learnerID
        self.language = language
        self.learnerIDIsFixed = learnerIDIsFixed
        self.takenIDs = takenIDs
        self.returnsToPicker = returnsToPicker
    }

    /// True while a text field takes every key.
    public var takesText: Bool { field != nil }

    /// "1/4": the step's number and the number of steps.
    public var stepNumber: (current: Int, total: Int) { (step.rawValue + 1, Step.allCases.count) }

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Action>] {
        var table: [KeyBinding<Action>] = []
        if field != nil {
            table.append(
                .keys(
                    [.enter, .tab], help: field == .learnerID ? .helpStartLearning : .helpNext,
                    status: field == .learnerID ? .verbStart : .verbNext, .next))
            table.append(.keys([.backspace], help: .helpDelete, .delete))
            table.append(.keys([.escape], help: .helpBackStep, status: .verbBack, .back))
            table.append(
                .pattern(.keyTyping, help: .helpType) { key in
                    guard case .character(let character) = key, DisplayWidth.of(String(character)) > 0 else {
                        return nil
                    }
                    return .type(character)
                })
            return table
        }
        if step == .language || step == .roles {
            table.append(
                .keys(
                    [.up, .down, .character("j"), .character("k"), .tab], help: .helpSelect, status: .verbSelect,
                    statusKeys: 2
                ) { key in
                    key == .up || key == .character("k") ? .cursor(-1) : .cursor(1)
                })
        }
        if step == .roles {
            table.append(
                .keys([.character(" "), .character("x")], help: .helpToggleRole, status: .verbToggle, .toggle))
        }
        if step == .language || step == .roles {
            table.append(
                .pattern(.keyClick, help: step == .roles ? .helpToggleRole : .helpChooseLanguage) { key in
                    if case .click(let row, _) = key { return .click(row: row) }
                    return nil
                })
        }
        table.append(
            .keys(
                [.enter], help: step == .confirm ? .helpStartLearning : .helpNext,
                status: step == .confirm ? .verbStart : .verbNext, .next))
        if step != .language || returnsToPicker {
            table.append(
                .keys(
                    [.escape, .backspace], help: step == .language ? .helpBack : .helpBackStep, status: .verbBack,
                    .back))
        }
        return table
    }

    /// Carries out one action.
    public mutating func perform(_ action: Action, context: ScreenContext, area: Rect) -> [Transition] {
        problem = nil
        switch action {
        case .type(let character): type(character)
        case .delete: delete()
        case .cursor(let delta): return moveCursor(by: delta, context)
        case .toggle: toggleRole(at: cursor, context.catalog.roles)
        case .click(let row):
            let layout = OnboardingLayout(self, context: context, width: area.width, height: area.height)
            guard let index = layout.choiceRows[row] else { return [] }
            if step == .language {
                let current = context.catalog.course.languages.firstIndex(of: language) ?? 0
                return moveCursor(by: index - current, context)
            }
            cursor = index
            toggleRole(at: index, context.catalog.roles)
        case .next: return next(context)
        case .back: return back(context)
        }
        return []
    }

    private mutating func type(_ character: Character) {
        switch field {
        case .name where name.count < Self.maximumTextLength: name.append(character)
        case .team where team.count < Self.maximumTextLength: team.append(character)
        case .learnerID:
            // Ids become file names and IRIs: lower-case ASCII letters, digits, dot, underscore, hyphen.
            let lowered = Character(character.lowercased())
            let allowed = lowered.isASCII && (lowered.isLetter || lowered.isNumber || "._-".contains(lowered))
            guard allowed else {
                problem = .idCharacter(character)
                return
            }
            if learnerID.utf8.count < 64 { learnerID.append(lowered) }
            learnerIDEdited = true
        default: break
        }
    }

    private mutating func delete() {
        switch field {
        case .name: if !name.isEmpty { name.removeLast() }
        case .team: if !team.isEmpty { team.removeLast() }
        case .learnerID:
            if !learnerID.isEmpty { learnerID.removeLast() }
            learnerIDEdited = true
        case nil: break
        }
    }

    private mutating func moveCursor(by delta: Int, _ context: ScreenContext) -> [Transition] {
        switch step {
        case .language:
            // The language list's cursor is the chosen language itself, so the preselection shows as chosen.
            let languages = context.catalog.course.languages
            let current = languages.firstIndex(of: language) ?? 0
            let index = min(max(0, current + delta), max(0, languages.count - 1))
            guard languages.indices.contains(index), languages[index] != language else { return [] }
            language = languages[index]
            return [.setLanguage(language)]
        case .roles:
            cursor = min(max(0, cursor + delta), max(0, context.catalog.roles.count - 1))
        case .name, .confirm: break
        }
        return []
    }

    private mutating func next(_ context: ScreenContext) -> [Transition] {
        switch (step, field) {
        case (.language, _):
            step = .name
            field = .name
        case (.name, .name):
            if trimmed(name).isEmpty { problem = .nameEmpty } else { field = .team }
        case (.name, _):
            step = .roles
            field = nil
            cursor = min(cursor, max(0, context.catalog.roles.count - 1))
        case (.roles, _):
            if roles.isEmpty {
                problem = .noRole
            } else {
                step = .confirm
                if !learnerIDIsFixed && !learnerIDEdited && (learnerID.isEmpty || takenIDs.contains(learnerID)) {
                    learnerID = Self.suggestedID(from: trimmed(name), taken: takenIDs)
                }
                field = learnerIDIsFixed ? nil : .learnerID
            }
        case (.confirm, _):
            if let idProblem = Self.problem(with: learnerID, taken: learnerIDIsFixed ? [] : takenIDs) {
                problem = idProblem
                return []
            }
            let trimmedTeam = trimmed(team)
            let profile = LearnerProfile(
                id: learnerID, name: trimmed(name), team: trimmedTeam.isEmpty ? nil : trimmedTeam,
                roles: context.catalog.roles.filter { roles.contains($0) }, language: language)
            return [.createLearner(profile)]
        }
        return []
    }

    private mutating func back(_ context: ScreenContext) -> [Transition] {
        switch (step, field) {
        case (.language, _): return returnsToPicker ? [.pop] : []
        case (.name, .team): field = .name
        case (.name, _):
            step = .language
            field = nil
        case (.roles, _):
            step = .name
            field = .team
        case (.confirm, _):
            step = .roles
            field = nil
        }
        return []
    }

    private mutating func toggleRole(at index: Int, _ roleIDs: [String]) {
        guard step == .roles, roleIDs.indices.contains(index) else { return }
        let role = roleIDs[index]
        if roles.contains(role) { roles.remove(role) } else { roles.insert(role) }
    }

    private func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }

    /// Why `id` cannot name a new learner, or nil when it can.
    static func problem(with id: String, taken: Set<String>) -> Problem? {
        if id.isEmpty { return .idEmpty }
        if !Identifier.isValidLearnerID(id) { return .idInvalid }
        if taken.contains(id) { return .idTaken(id) }
        return nil
    }

    /// An id from a name ("Anna Müller" → "anna.muller"), numbered when taken; "learner" when nothing is left.
    static func suggestedID(from name: String, taken: Set<String>) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty && !result.hasSuffix(".") {
                result += "."
            }
        }
        while result.hasSuffix(".") { result.removeLast() }
        let base = result.isEmpty ? "learner" : String(result.prefix(60))
        if !taken.contains(base) { return base }
        var number = 2
        while taken.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        let layout = OnboardingLayout(self, context: context, width: area.width, height: area.height)
        for (offset, line) in layout.lines.enumerated() where offset < area.height {
            _ = canvas.draw(line, row: area.row + offset, column: area.column, width: area.width)
        }
        return context.text(.onboarding)
    }
}
