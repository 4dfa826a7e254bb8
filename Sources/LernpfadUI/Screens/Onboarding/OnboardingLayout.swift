import LernpfadCore

/// The lines of one onboarding step, fitted to the body: render draws them and a click maps through them, so a
/// click toggles the role drawn in that row.
///
/// What must stay on a small window comes first: the step line, the question with its choices or field, an error,
/// the way back and out. The introduction (what the course is, how long it takes, the summary before the end) gets
/// the rows that are left; role descriptions shrink from two lines to one, then to the focused role only.
struct OnboardingLayout {
    /// The body's lines, top first; never more than the height.
    private(set) var lines: [StyledLine] = []
    /// Which language or role a body row shows.
    private(set) var choiceRows: [Int: Int] = [:]

    /// Left margin of the text.
    static let margin = 2

    init(_ screen: OnboardingScreen, context: ScreenContext, width: Int, height: Int) {
        let text = context.text
        let inner = max(1, width - 2 * Self.margin)
        let (current, total) = screen.stepNumber
        let head = StyledLine(
            text(.stepOf, "\(current)", "\(total)", text(Self.stepName(screen.step))), style: Theme.title)
        let problem = screen.problem.map { Self.wrap("✗ " + Self.words(for: $0, text), Theme.danger, inner) } ?? []
        let footer = Self.wrap(text(Self.footer(screen)), Theme.muted, inner)
        let intro = Self.introduction(screen, context: context, width: inner)
        let problemRows = problem.isEmpty ? 0 : problem.count + 1
        // Rows the step line, an error and the way out take; the main block gets the rest but two gaps.
        let fixed = 1 + problemRows + footer.count
        let main = Self.main(screen, context: context, width: inner, rows: max(0, height - fixed - 2))
        var free = height - fixed - main.lines.count
        var rows: [StyledLine] = [head]
        if free >= 1 {
            rows.append(.empty)
            free -= 1
        }
        // The introduction takes what is left, less a gap below it and one above the way out.
        let introRows = min(intro.count, free - 2)
        if introRows > 0 {
            rows += Self.cut(intro, to: introRows, width: inner)
            rows.append(.empty)
            free -= introRows + 1
        }
        for (row, index) in main.choiceRows { choiceRows[rows.count + row] = index }
        rows += main.lines
        if !problem.isEmpty {
            rows.append(.empty)
            rows += problem
        }
        // The way back and out sits at the bottom of the body, where it is looked for.
        let footerRows = min(footer.count, max(0, height - rows.count))
        while rows.count < height - footerRows { rows.append(.empty) }
        rows += Self.cut(footer, to: footerRows, width: inner)
        lines = rows.prefix(max(0, height)).map { line in
            var indented = StyledLine(String(repeating: " ", count: Self.margin))
            for span in line.spans { indented.append(span.text, style: span.style) }
            return indented
        }
        choiceRows = choiceRows.filter { $0.key < lines.count }
    }

    /// The first `rows` of `lines`, the last one ending in "…" when something was cut.
    static func cut(_ lines: [StyledLine], to rows: Int, width: Int) -> [StyledLine] {
        guard rows > 0 else { return [] }
        guard lines.count > rows else { return lines }
        var kept = Array(lines.prefix(rows))
        var last = kept[rows - 1]
        last.append(" …", style: last.spans.last?.style ?? Theme.plain)
        kept[rows - 1] = last.width > width ? last.truncated(to: width) : last
        return kept
    }

    static func wrap(_ text: String, _ style: CellStyle, _ width: Int) -> [StyledLine] {
        LineWrapper.wrap(
            [.text(TerminalSafeText.sanitize(text), style: style, isVerbatim: false)], width: max(1, width))
    }

    static func stepName(_ step: OnboardingScreen.Step) -> Phrase {
        switch step {
        case .language: return .stepLanguage
        case .name: return .stepNameAndTeam
        case .roles: return .stepRoles
        case .confirm: return .stepSummary
        }
    }

    /// How to go back and how to quit, as this step's keys allow.
    static func footer(_ screen: OnboardingScreen) -> Phrase {
        if screen.takesText { return .onboardingWayOutTyping }
        if screen.step == .language && !screen.returnsToPicker { return .onboardingWayOutFirst }
        return .onboardingWayOut
    }

    static func words(for problem: OnboardingScreen.Problem, _ text: Localizer) -> String {
        switch problem {
        case .nameEmpty: return text(.nameRequired)
        case .noRole: return text(.pickAtLeastOneRole)
        case .idEmpty: return text(.learnerIDEmpty)
        case .idInvalid: return text(.learnerIDInvalid)
        case .idTaken(let id): return text(.learnerIDTaken, id)
        case .idCharacter(let character): return text(.learnerIDCharacter, String(character))
        }
    }

    /// A language by its own name, the same in every interface language.
    static func languageName(_ language: LanguageCode) -> String {
        switch language {
        case .german: return "Deutsch"
        case .english: return "English"
        default: return language.rawValue
        }
    }

    /// "4 Module · etwa 1 Std. 40 Min." for `roles`.
    static func extent(of roles: [String], _ catalog: Catalog, _ text: Localizer) -> String {
        let count = CourseTime.modules(of: roles, in: catalog).count
        let modules = count == 1 ? text(.moduleCountOne) : text(.moduleCount, "\(count)")
        return text(.modulesAbout, modules, CourseTime.format(CourseTime.minutes(of: roles, in: catalog), text))
    }

    /// What a role's path covers: its summary, else the titles of its modules.
    static func description(of role: String, _ catalog: Catalog, _ language: LanguageCode) -> String {
        guard let path = catalog.path(role) else { return "" }
        if let summary = path.summary?.text(in: language), !summary.isEmpty { return summary }
        return path.modules.compactMap { catalog.module($0)?.title.text(in: language) }.joined(separator: ", ")
    }

    /// The lines that may be cut: what the course is and how long (step 1), who sees the name (step 2), the
    /// answers so far (step 4).
    static func introduction(_ screen: OnboardingScreen, context: ScreenContext, width: Int) -> [StyledLine] {
        let text = context.text
        let catalog = context.catalog
        switch screen.step {
        case .language:
            // The course's title, unless the fallback sentence names it already; then what it is and how long.
            var lines: [StyledLine] = []
            if catalog.course.summary != nil {
                lines.append(StyledLine(catalog.course.title.text(in: text.language), style: Theme.title))
            }
            for sentence in CourseTime.introduction(catalog, text) { lines += wrap(sentence, Theme.plain, width) }
            if let notice = catalog.course.notice?.text(in: text.language) {
                lines += wrap(notice, Theme.muted, width)
            }
            return lines
        case .name:
            return wrap(text(.nameAndTeamShown), Theme.muted, width)
        case .roles:
            return []
        case .confirm:
            let chosen = catalog.roles.filter { screen.roles.contains($0) }
            let titles = chosen.map { catalog.path($0)?.title.text(in: text.language) ?? $0 }
            let team = screen.team.trimmingCharacters(in: .whitespaces)
            let pairs: [(Phrase, String)] = [
                (.labelName, screen.name.trimmingCharacters(in: .whitespaces)),
                (.labelTeam, team.isEmpty ? "–" : team),
                (.labelRoles, titles.joined(separator: ", ")),
                (.labelLanguage, languageName(screen.language)),
            ]
            let labelWidth = pairs.map { DisplayWidth.of(text($0.0)) }.max() ?? 0
            var lines = pairs.map { label, value in
                let name = text(label)
                let padding = String(repeating: " ", count: labelWidth - DisplayWidth.of(name) + 2)
                return StyledLine([(name + padding, Theme.muted), (TerminalSafeText.sanitize(value), Theme.plain)])
                    .truncated(to: width)
            }
            lines.append(.empty)
            lines += wrap(text(.yourPathTakes, extent(of: chosen, catalog, text)), Theme.plain, width)
            lines += wrap(text(.stopAnyTime), Theme.plain, width)
            return lines
        }
    }

    /// The question and its choices or fields, fitted into `rows` where it can shrink (role descriptions).
    static func main(
        _ screen: OnboardingScreen, context: ScreenContext, width: Int, rows: Int
    ) -> (lines: [StyledLine], choiceRows: [Int: Int]) {
        let text = context.text
        let catalog = context.catalog
        var lines: [StyledLine] = []
        var choices: [Int: Int] = [:]
        func field(_ label: Phrase, _ value: String, active: Bool) {
            lines += cut(wrap(text(label), active ? Theme.accent : Theme.muted, width), to: 2, width: width)
            // The end of a long value stays in view while typing.
            var shown = TerminalSafeText.sanitize(value) + (active ? "▏" : "")
            while DisplayWidth.of(shown) > width - 2 && !shown.isEmpty { shown.removeFirst() }
            lines.append(StyledLine("  " + shown, style: active ? Theme.plain.adding(.bold) : Theme.plain))
        }
        switch screen.step {
        case .language:
            lines += cut(wrap(text(.askLanguage), Theme.accent, width), to: 2, width: width)
            for (index, language) in catalog.course.languages.enumerated() {
                choices[lines.count] = index
                let selected = language == screen.language
                lines.append(
                    StyledLine(
                        (selected ? "› " : "  ") + languageName(language),
                        style: selected ? Theme.selection : Theme.plain))
            }
        case .name:
            field(.askName, screen.name, active: screen.field == .name)
            lines.append(.empty)
            field(.askTeam, screen.team, active: screen.field == .team)
        case .roles:
            lines += cut(wrap(text(.askRoles), Theme.accent, width), to: 2, width: width)
            let roles = catalog.roles
            let room = rows - 1
            // Two description lines a role where they fit, else one, else only the focused role's.
            let perRole = roles.isEmpty ? 0 : (room / roles.count) - 1
            let each = min(2, max(0, perRole))
            for (index, role) in roles.enumerated() {
                choices[lines.count] = index
                let box = screen.roles.contains(role) ? "[x]" : "[ ]"
                let title = catalog.path(role)?.title.text(in: text.language) ?? role
                let selected = index == screen.cursor
                lines.append(
                    StyledLine([
                        ("\(box) \(TerminalSafeText.sanitize(title))", selected ? Theme.selection : Theme.plain),
                        ("  " + extent(of: [role], catalog, text), Theme.muted),
                    ]).truncated(to: width))
                if each > 0 {
                    let described = cut(
                        wrap(description(of: role, catalog, text.language), Theme.muted, width - 4), to: each,
                        width: width - 4)
                    for line in described {
                        choices[lines.count] = index
                        lines.append(StyledLine([("    ", Theme.muted)] + line.spans.map { ($0.text, $0.style) }))
                    }
                }
            }
            if each == 0, roles.indices.contains(screen.cursor) {
                let left = max(0, room - roles.count)
                lines += cut(
                    wrap(description(of: roles[screen.cursor], catalog, text.language), Theme.muted, width),
                    to: min(2, left), width: width)
            }
        case .confirm:
            if screen.learnerIDIsFixed {
                lines.append(
                    StyledLine([(text(.labelLearnerID) + "  ", Theme.muted), (screen.learnerID, Theme.plain)])
                        .truncated(to: width))
            } else {
                field(.askLearnerID, screen.learnerID, active: true)
                lines += wrap(text(.learnerIDRules), Theme.muted, width)
            }
            lines.append(.empty)
            lines.append(StyledLine(text(.startLearning), style: Theme.accent).truncated(to: width))
        }
        return (lines, choices)
    }
}
