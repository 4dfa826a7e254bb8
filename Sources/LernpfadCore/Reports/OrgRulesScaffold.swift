/// `lernpfad new module ID --template org-rules`: a module for the organisation's own AI rules.
///
/// The lessons name what every organisation has to decide for itself (approved tools, data that never goes into a
/// prompt, labelling, whom to ask, reporting incidents) and leave the answers as TODO placeholders; German and
/// English get their own wording, other course languages the English one. module.yaml's opening comment suggests
/// the attested milestone `org-rules-acknowledged`.
enum OrgRulesScaffold {
    /// One text per wording: German, and English for every other language.
    private struct Wording {
        let german: String
        let english: String

        init(_ german: String, _ english: String) {
            self.german = german
            self.english = english
        }

        func text(_ language: LanguageCode) -> String { language == .german ? german : english }
    }

    private struct Lesson {
        let id: String
        let minutes: Int
        let title: Wording
        let body: Wording
    }

    static func files(id: String, languages: [LanguageCode], today: CalendarDay) -> [(path: String, text: String)] {
        let reviewBy = CalendarDay(year: today.year + 1, month: today.month, day: min(today.day, 28))
        func localized(_ wording: Wording, indent: String) -> String {
            languages.map { "\n\(indent)\($0): \"\(wording.text($0))\"" }.joined()
        }
        let title = localized(Wording("TODO Unsere KI-Regeln", "TODO Our AI rules"), indent: "  ")
        let summary = localized(
            Wording(
                "TODO Welche KI-Werkzeuge Sie nutzen dürfen, welche Daten nie in einen Prompt gehören, wie Sie "
                    + "KI-Inhalte kennzeichnen, wen Sie fragen und wie Sie einen Vorfall melden.",
                "TODO Which AI tools you may use, which data never goes into a prompt, how to label AI content, "
                    + "whom to ask and how to report an incident."), indent: "  ")
        let objectives = [
            Wording(
                "TODO Sie wählen für eine Aufgabe ein freigegebenes KI-Werkzeug und wissen, wie Sie ein neues beantragen.",
                "TODO Choose an approved AI tool for a task, and know how to request a new one."),
            Wording(
                "TODO Sie halten die Daten, die nie in einen Prompt gehören, aus jedem KI-Werkzeug heraus.",
                "TODO Keep the data that never goes into a prompt out of every AI tool."),
            Wording(
                "TODO Sie kennzeichnen KI-Inhalte nach den Regeln der Organisation und melden einen Vorfall richtig.",
                "TODO Label AI content by the organisation's rules, and report an incident the right way."),
        ].map { wording in
            languages.enumerated().map { index, language in
                (index == 0 ? "\n  - " : "\n    ") + "\(language): \"\(wording.text(language))\""
            }.joined()
        }.joined()
        let changes = localized(Wording("TODO erste Fassung", "TODO first draft"), indent: "      ")
        let milestone = ModuleScaffold.acknowledgementMilestone
        let manifest = """
            # yaml-language-server: $schema=../../schemas/module.schema.json
            # The organisation's own AI rules, scaffolded by `lernpfad new module --template org-rules`.
            # Replace every TODO with your rules, then add the module to paths/staff.yaml after genai-at-work.
            # Suggested: an attested milestone in the same path, so that the AI ambassador records that each
            # learner read and acknowledged the rules (`lernpfad attest --learner ID --milestone \(milestone)`):
            #
            #   milestones:
            #     - id: \(milestone)
            #       title:
            #         de: "Die KI-Regeln der Organisation gelesen und anerkannt"
            #         en: "Read and acknowledged the organisation's AI rules"
            id: \(id)
            version: 0.1.0
            title:\(title)
            summary:\(summary)
            minutes: 20
            level: basic
            objectives:\(objectives)
            prerequisites: []
            sources:
              - title: "TODO your organisation's AI policy: its name, version and date"
            reviewed: \(today)
            review_by: \(reviewBy)
            changelog:
              - version: 0.1.0
                date: \(today)
                changes:\(changes)
                lessons: []

            """
        var files = [("modules/\(id)/module.yaml", manifest), ("modules/\(id)/quiz.yaml", quiz(localized))]
        for lesson in lessons {
            for language in languages {
                let title = lesson.title.text(language)
                files.append(
                    (
                        "modules/\(id)/\(lesson.id).\(language).md",
                        "---\ntitle: \(title)\nminutes: \(lesson.minutes)\n---\n# \(title)\n\n\(lesson.body.text(language))"
                    ))
            }
        }
        return files
    }

    private static let lessons = [
        Lesson(
            id: "01-approved-tools", minutes: 4, title: Wording("Freigegebene KI-Werkzeuge", "Approved AI tools"),
            body: Wording(
                """
                TODO Welche KI-Werkzeuge hat die Organisation freigegeben, und wofür?

                | Werkzeug | Freigegeben für | Nicht für |
                |---|---|---|
                | TODO Name und Version | TODO Aufgaben | TODO Aufgaben |

                TODO Wer gibt ein neues Werkzeug frei, und wie beantragen Mitarbeitende eines?

                > TODO Eine Faustregel, z. B.: Was nicht auf der Liste steht, wird für die Arbeit nicht genutzt.

                """,
                """
                TODO Which AI tools has the organisation approved, and for what?

                | Tool | Approved for | Not for |
                |---|---|---|
                | TODO name and version | TODO tasks | TODO tasks |

                TODO Who approves a new tool, and how does staff ask for one?

                > TODO A rule of thumb, e.g.: a tool that is not on the list is not used for work.

                """)),
        Lesson(
            id: "02-data-never-in-prompts", minutes: 4,
            title: Wording("Daten, die nie in einen Prompt gehören", "Data that never goes into a prompt"),
            body: Wording(
                """
                TODO Welche Daten gehören in kein KI-Werkzeug, auch nicht in ein freigegebenes?

                - TODO z. B. Gesundheitsdaten und andere besondere Kategorien nach Art. 9 DSGVO
                - TODO z. B. Zugangsdaten, Schlüssel, Passwörter
                - TODO z. B. Geschäftsgeheimnisse, Vertragsentwürfe, Angebote vor der Freigabe

                TODO Welche Daten dürfen nur in bestimmte Werkzeuge, und unter welchen Bedingungen?

                """,
                """
                TODO Which data goes into no AI tool, not even an approved one?

                - TODO e.g. health data and other special categories under GDPR Art. 9
                - TODO e.g. credentials, keys, passwords
                - TODO e.g. trade secrets, draft contracts, offers before approval

                TODO Which data may go only into certain tools, and on what conditions?

                """)),
        Lesson(
            id: "03-labelling-ai-content", minutes: 4,
            title: Wording("KI-Inhalte kennzeichnen", "Labelling AI content"),
            body: Wording(
                """
                TODO Wann kennzeichnet die Organisation KI-Inhalte, und wie? Art. 50 KI-VO ist das Mindeste; die
                eigene Regel darf strenger sein.

                | Inhalt | Kennzeichnung |
                |---|---|
                | TODO z. B. Chatbot auf der Website | TODO |
                | TODO z. B. KI-Bild in einer Kampagne | TODO |

                """,
                """
                TODO When does the organisation label AI content, and how? AI Act Art. 50 is the minimum; your own
                rule may be stricter.

                | Content | Label |
                |---|---|
                | TODO e.g. chatbot on the website | TODO |
                | TODO e.g. AI image in a campaign | TODO |

                """)),
        Lesson(
            id: "04-who-to-ask", minutes: 3, title: Wording("Wen Sie fragen", "Whom to ask"),
            body: Wording(
                """
                TODO Wer hilft bei welcher Frage? Nennen Sie Rollen und einen Weg, der auch in einem Jahr noch stimmt.

                | Frage | Ansprechpartner |
                |---|---|
                | TODO Darf ich dieses Werkzeug dafür nutzen? | TODO z. B. die KI-Botschafter:innen des Teams |
                | TODO Darf ich diese Daten verwenden? | TODO z. B. der Datenschutz |

                """,
                """
                TODO Who helps with which question? Name roles and a route that is still right a year from now.

                | Question | Contact |
                |---|---|
                | TODO May I use this tool for this? | TODO e.g. the team's AI ambassador |
                | TODO May I use this data? | TODO e.g. data protection |

                """)),
        Lesson(
            id: "05-reporting-incidents", minutes: 5,
            title: Wording("Einen Vorfall melden", "Reporting an incident"),
            body: Wording(
                """
                TODO Was gilt als KI-Vorfall, z. B. vertrauliche Daten in einem Prompt, eine falsche KI-Antwort bei
                Kund:innen, ein Agent, der mehr tut als seine Aufgabe?

                TODO Wohin melden Mitarbeitende ihn, wie schnell, und was tun sie bis dahin?

                > TODO Eine Faustregel, z. B.: Lieber einmal zu früh melden als zu spät.

                """,
                """
                TODO What counts as an AI incident, e.g. confidential data in a prompt, a wrong AI answer that reached
                a customer, an agent that did more than its task?

                TODO Where does staff report it, how fast, and what do they do until then?

                > TODO A rule of thumb, e.g.: better to report once too early than too late.

                """)),
    ]

    /// Four questions, one per rule: tools, data, labelling, incidents; the data question is multiple choice.
    private static func quiz(_ localized: (Wording, String) -> String) -> String {
        let questions: [(id: String, multiple: Bool, prompt: Wording)] = [
            (
                "unlisted-tool", false,
                Wording(
                    "TODO Ein Fall aus dem Alltag: Jemand möchte ein KI-Werkzeug nutzen, das nicht freigegeben ist. Was gilt?",
                    "TODO A case from daily work: someone wants to use an AI tool that is not approved. What applies?")
            ),
            (
                "never-in-prompts", true,
                Wording(
                    "TODO Welche dieser Daten gehören nach unseren Regeln in keinen Prompt? (Mehrere Antworten möglich)",
                    "TODO Which of these data go into no prompt under our rules? (Select all that apply)")
            ),
            (
                "labelling", false,
                Wording(
                    "TODO Ein Fall aus dem Alltag: ein KI-Inhalt, der veröffentlicht wird. Wie wird er gekennzeichnet?",
                    "TODO A case from daily work: AI content that is published. How is it labelled?")
            ),
            (
                "report-incident", false,
                Wording(
                    "TODO Ein Fall aus dem Alltag: ein KI-Vorfall. Was tun Sie zuerst?",
                    "TODO A case from daily work: an AI incident. What do you do first?")
            ),
        ]
        var text = "# yaml-language-server: $schema=../../schemas/quiz.schema.json\npass_mark: 0.75\nquestions:\n"
        for question in questions {
            text += "  - id: \(question.id)\n    type: \(question.multiple ? "multiple" : "single")\n"
            text += "    prompt:\(localized(question.prompt, "      "))\n    choices:\n"
            let choices = [
                Wording("TODO die richtige Antwort", "TODO the right answer"),
                Wording("TODO ein naheliegender Irrtum", "TODO a plausible mistake"),
                Wording(
                    question.multiple ? "TODO eine weitere richtige Antwort" : "TODO ein anderer naheliegender Irrtum",
                    question.multiple ? "TODO another right answer" : "TODO another plausible mistake"),
            ]
            for (choice, wording) in zip(["a", "b", "c"], choices) {
                text += "      - id: \(choice)\n        text:\(localized(wording, "          "))\n"
            }
            text += "    correct: \(question.multiple ? "[a, c]" : "[a]")\n"
            text += "    explanation:"
            text += localized(
                Wording(
                    "TODO Warum die richtige Antwort stimmt, und warum der naheliegendste Irrtum nicht stimmt.",
                    "TODO Why the right answer is right, and why the most tempting mistake is not."), "      ")
            text += "\n    source: \"TODO the section of your AI policy\"\n"
        }
        return text
    }
}
