import Foundation
import LernpfadCore
import LernpfadSession
import LernpfadUI

/// A small course, a learner and lesson texts in memory: screens render without files or curses.
enum UIFixture {
    static let now = Timestamp.parse("2026-11-21T10:00:00Z")!

    static let lessons: [String: String] = [
        "basics/01-what-is-ai/de": """
        # Was ist KI?

        Ein **KI-System** ist ein maschinengestütztes System, das aus Eingaben ableitet, wie es Ausgaben erzeugt.

        - Vorhersagen
        - Inhalte
          - Texte und Bilder
        - Empfehlungen

        > Nicht jede Software ist KI.

        | Begriff | Bedeutung |
        |---|---|
        | ML | lernt aus Daten |
        | LLM | großes Sprachmodell |
        """,
        "basics/01-what-is-ai/en": "# What is AI?\n\nAn **AI system** is a machine-based system.\n",
        "basics/02-limits/de": "# Grenzen\n\n"
            + (1...60).map { "Absatz \($0) über Grenzen von KI-Systemen." }.joined(separator: "\n\n"),
        "basics/02-limits/en": "# Limits\n\n" + (1...60).map { "Paragraph \($0) on limits." }.joined(separator: "\n\n"),
        "law/01-overview/de": "# Überblick\n\nDer AI Act gilt seit dem 1. August 2024.\n",
        "law/01-overview/en": "# Overview\n\nThe AI Act entered into force on 1 August 2024.\n",
    ]

    static func text(_ de: String, _ en: String) -> LocalizedText { LocalizedText([.german: de, .english: en]) }

    static let catalog: Catalog = {
        func lesson(_ id: String, _ de: String, _ en: String) -> Lesson {
            Lesson(id: id, title: text(de, en), minutes: 3, files: [.german: id + ".de.md", .english: id + ".en.md"])
        }
        let quiz = Quiz(
            passMark: 0.5,
            questions: [
                Question(
                    id: "definition", kind: .single, prompt: text("Was ist ein KI-System?", "What is an AI system?"),
                    choices: [
                        Choice(id: "a", text: text("Jede Software", "Any software")),
                        Choice(
                            id: "b",
                            text: text("Ein System, das aus Eingaben ableitet", "A system that infers from input")),
                        Choice(id: "c", text: text("Nur ein Roboter", "Only a robot")),
                    ], correct: ["b"],
                    explanation: text("Art. 3(1) verlangt Ableitung.", "Art. 3(1) requires inference."),
                    source: "AI Act Art. 3(1)"),
                Question(
                    id: "outputs", kind: .multiple,
                    prompt: text("Welche Ausgaben nennt Art. 3(1)?", "Which outputs does Art. 3(1) name?"),
                    choices: [
                        Choice(id: "a", text: text("Vorhersagen", "Predictions")),
                        Choice(id: "b", text: text("Empfehlungen", "Recommendations")),
                        Choice(id: "c", text: text("Stromrechnungen", "Electricity bills")),
                    ], correct: ["a", "b"],
                    explanation: text("Vorhersagen und Empfehlungen.", "Predictions and recommendations."),
                    source: "AI Act Art. 3(1)"),
            ])
        let basics = Module(
            id: "basics", version: SemanticVersion(1, 0, 0), title: text("KI-Grundlagen", "AI basics"),
            summary: text("Was KI ist und was nicht.", "What AI is and is not."), minutes: 20, level: .basic,
            objectives: [text("KI-Systeme erkennen", "Recognise AI systems")],
            sources: [Source(title: "Regulation (EU) 2024/1689, Art. 3(1)")],
            lessons: [lesson("01-what-is-ai", "Was ist KI?", "What is AI?"), lesson("02-limits", "Grenzen", "Limits")],
            quiz: quiz)
        let law = Module(
            id: "law", version: SemanticVersion(1, 0, 0), title: text("Der AI Act", "The AI Act"),
            summary: text("Der Rechtsrahmen.", "The legal frame."), minutes: 15, level: .basic,
            objectives: [text("Fristen kennen", "Know the dates")], prerequisites: ["basics"],
            lessons: [lesson("01-overview", "Überblick", "Overview")], quiz: quiz)
        let staff = LearningPath(
            role: "staff", title: text("Mitarbeitende", "Staff"), modules: ["basics", "law"],
            validity: ISODuration(months: 12),
            milestones: [
                AttestedMilestone(id: "team-kickoff", title: text("Kick-off besucht", "Attended the kick-off"))
            ])
        let ambassador = LearningPath(
            role: "ambassador", title: text("KI-Botschafter:in", "AI ambassador"), modules: ["basics"],
            validity: ISODuration(months: 12))
        let course = Course(
            id: "test", title: text("KI-Kompetenz", "AI literacy"), languages: [.german, .english],
            defaultLanguage: .german)
        return Catalog(course: course, paths: [staff, ambassador], modules: [basics, law], root: "/fixture")
    }()

    /// The team the fixture's data folder holds: Anna, Ben (one wrong answer) and Cleo, and one broken file.
    static let teamRecords: [LearnerRecord] = {
        var ben = LearnerRecord(
            learner: LearnerProfile(id: "ben", name: "Ben Müller", team: "Marketing", roles: ["staff"]))
        ben.events = [
            LearnerEvent(
                at: Timestamp.parse("2026-03-01T10:00:00Z")!, kind: .quizAttempted, module: "basics",
                moduleVersion: SemanticVersion(1, 0, 0), score: 0.5, passed: true,
                answers: [LearnerEvent.Answer(question: "definition", chosen: ["a"], correct: false)])
        ]
        let cleo = LearnerRecord(
            learner: LearnerProfile(id: "cleo", name: "Cleo Weiß", team: "Vertrieb", roles: ["staff"]))
        return [record(), ben, cleo]
    }()

    /// Lesson texts, the team and learner records from memory.
    static func loader(catalog: Catalog = catalog) -> ResourceLoader {
        ResourceLoader(
            catalog: catalog,
            lessonText: { lesson, language in
                let key = "\(lesson.files[language]?.split(separator: ".").first.map(String.init) ?? lesson.id)"
                let module = catalog.modules.first { $0.lessons.contains(lesson) }?.id ?? ""
                guard let text = lessons["\(module)/\(key)/\(language)"] else {
                    return .failure(LessonText.Failure(file: key, reason: "missing in fixture"))
                }
                return .success(LessonDocument(text: text))
            },
            team: { now in
                TeamData(
                    contributions: teamRecords.map { TeamReport.contribution(of: $0, catalog: catalog, now: now) },
                    skipped: [SkippedFile(file: "/data/learners/broken.json", reason: "not a JSON object")], asOf: now)
            },
            learner: { id in
                teamRecords.first { $0.learner.id == id }.map { .success($0) }
                    ?? .failure(.learnerNotFound(id: id, path: "/data/learners/\(id).json"))
            })
    }

    static func record(language: LanguageCode = .german) -> LearnerRecord {
        LearnerRecord(
            learner: LearnerProfile(
                id: "anna", name: "Anna Beispiel", team: "Marketing", roles: ["staff", "ambassador"], language: language
            ))
    }

    /// A runner that keeps every change in memory, over `model`, primed with its window size.
    static func runner(_ model: AppModel, catalog: Catalog = catalog) -> AppRunner {
        var runner = AppRunner(
            model: model, store: LearnerStore(dataFolder: "/nonexistent"), loader: loader(catalog: catalog),
            saves: false, makeSeed: { 42 })
        runner.handle(.resize(width: model.width, height: model.height), now: now)
        return runner
    }

    /// A runner at home for `record`.
    static func runner(
        width: Int = 80, height: Int = 24, record: LearnerRecord = record(), catalog: Catalog = catalog
    ) -> AppRunner {
        runner(AppModel(catalog: catalog, record: record, width: width, height: height, now: now), catalog: catalog)
    }

    /// Replays `keys` (snapshot notation) on `start`.
    static func run(_ keys: String, on start: AppRunner) -> AppRunner {
        var runner = start
        guard case .success(let list) = Key.parseSequence(keys) else { return runner }
        for key in list { runner.handle(key, now: now) }
        return runner
    }

    /// The events `keys` added to the record.
    static func newEvents(_ keys: String, on start: AppRunner) -> (AppRunner, [LearnerEvent]) {
        let before = start.model.record?.events.count ?? 0
        let after = run(keys, on: start)
        return (after, Array((after.model.record?.events ?? []).dropFirst(before)))
    }

    static func screen(_ keys: String, width: Int = 80, height: Int = 24, record: LearnerRecord = record()) -> [String]
    {
        run(keys, on: runner(width: width, height: height, record: record)).render().lines
    }
}
