/// The files `lernpfad new module ID` writes: a module that validates with only TODO warnings.
public enum ModuleScaffold {
    /// What a new module starts from.
    public enum Template: String, Sendable, CaseIterable {
        /// One lesson and one question, all placeholders.
        case basic
        /// The organisation's own AI rules: five lessons and four questions with placeholders for what only the
        /// organisation can say, and a suggested milestone for acknowledging the rules.
        case orgRules = "org-rules"
    }

    /// The path milestone that the org-rules template suggests, for the staff path; the ambassador attests it.
    public static let acknowledgementMilestone = "org-rules-acknowledged"

    /// Relative paths and contents for a new module `id`.
    public static func files(
        id: String, languages: [LanguageCode], today: CalendarDay, template: Template = .basic
    ) -> [(path: String, text: String)] {
        if template == .orgRules { return OrgRulesScaffold.files(id: id, languages: languages, today: today) }
        let reviewBy = CalendarDay(year: today.year + 1, month: today.month, day: min(today.day, 28))
        func localized(_ text: String, indent: String = "") -> String {
            "{" + languages.map { "\($0): \"\(text)\"" }.joined(separator: ", ") + "}"
        }
        let manifest = """
            # yaml-language-server: $schema=../../schemas/module.schema.json
            id: \(id)
            version: 0.1.0
            title: \(localized("TODO title"))
            summary: \(localized("TODO one or two sentences on what the module is about"))
            minutes: 10
            level: basic
            objectives:
              - \(localized("TODO what a learner can do afterwards"))
            prerequisites: []
            sources:
              - title: "TODO the document and article the facts rest on"
            reviewed: \(today)
            review_by: \(reviewBy)
            changelog:
              - version: 0.1.0
                date: \(today)
                changes: \(localized("TODO first draft"))
                lessons: []

            """
        let quiz = """
            # yaml-language-server: $schema=../../schemas/quiz.schema.json
            pass_mark: 0.8
            questions:
              - id: first-question
                type: single
                prompt: \(localized("TODO a scenario from the learners' work, then the question"))
                choices:
                  - id: a
                    text: \(localized("TODO the right answer"))
                  - id: b
                    text: \(localized("TODO a plausible wrong answer"))
                correct: [a]
                explanation: \(localized("TODO why a is right and b is not"))
                source: "TODO article or document"

            """
        var files = [("modules/\(id)/module.yaml", manifest), ("modules/\(id)/quiz.yaml", quiz)]
        for language in languages {
            files.append(
                (
                    "modules/\(id)/01-introduction.\(language).md",
                    "---\ntitle: TODO title\nminutes: 5\n---\n# TODO title\n\nTODO the lesson text.\n"
                ))
        }
        return files
    }
}
