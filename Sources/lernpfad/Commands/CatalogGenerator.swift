import Foundation
import LernpfadUI

/// Writes a synthetic content folder shaped like the shipped course: same course.yaml, four role paths,
/// modules of about four lessons in German and English and a quiz of about ten questions each.
///
/// Every choice comes from one seeded generator and nothing reads the clock, so a seed always gives the
/// same bytes; benchmarks on different machines then parse the same files.
struct CatalogGenerator {
    /// The number of modules to write.
    let moduleCount: Int
    private var random: SeededGenerator

    init(modules: Int, seed: UInt64) {
        moduleCount = modules
        random = SeededGenerator(seed: seed)
    }

    /// The shipped course.yaml, so the generated folder differs from the shipped one only in its modules.
    static let course = """
        # yaml-language-server: $schema=schemas/course.schema.json
        id: ai-literacy
        title:
          de: "KI-Kompetenz in der Organisation"
          en: "AI literacy in the organisation"
        summary:
          de: "Ein fortlaufendes Lernprogramm zu KI-Grundlagen, zum EU AI Act und zum KI-Risikomanagement – für Mitarbeitende, KI-Botschafter:innen, Führungskräfte und KI-Manager:innen."
          en: "A continuous learning programme on AI basics, the EU AI Act and AI risk management – for staff, AI ambassadors, leaders and AI managers."
        notice:
          de: "Dieser Kurs ist eine Schulung und keine Rechtsberatung. Für eine Entscheidung im Einzelfall wenden Sie sich an die Rechtsabteilung oder den Datenschutz Ihrer Organisation."
          en: "This course is training, not legal advice. For a decision in a particular case, ask your organisation's legal department or data protection team."
        languages: [de, en]
        default_language: de
        roles: [staff, ambassador, leader, ai-manager]

        """

    private static let roles: [(id: String, de: String, en: String)] = [
        ("staff", "Mitarbeitende", "Staff"), ("ambassador", "KI-Botschafter:in", "AI ambassador"),
        ("leader", "Führungskraft", "Leader"), ("ai-manager", "KI-Manager:in", "AI manager"),
    ]

    /// Calls `write` with each file's path (relative to the content folder) and text, course.yaml first.
    mutating func generate(write: (String, String) throws -> Void) throws {
        try write("course.yaml", Self.course)
        var ids: [String] = []
        var roleOfModule: [Int] = []
        for index in 0..<moduleCount {
            let id = "\(pick(Vocabulary.slugs))-\(pick(Vocabulary.slugs))-\(padded(index + 1, 4))"
            ids.append(id)
            roleOfModule.append(below(Self.roles.count))
            // Up to two prerequisites among the twenty modules before: a chain that never loops back.
            var prerequisites: [String] = []
            if index > 0 {
                for _ in 0..<below(3) {
                    let lowest = max(0, index - 20)
                    let earlier = ids[lowest + below(index - lowest)]
                    if !prerequisites.contains(earlier) { prerequisites.append(earlier) }
                }
            }
            let lessonCount = 3 + below(3)
            var lessons: [String] = []
            for number in 1...lessonCount {
                let lessonID = "\(padded(number, 2))-\(pick(Vocabulary.slugs))-\(pick(Vocabulary.slugs))"
                lessons.append(lessonID)
                let title = (de: heading(.german), en: heading(.english))
                let minutes = 5 + below(5)
                for (language, text) in [("de", title.de), ("en", title.en)] {
                    try write(
                        "modules/\(id)/\(lessonID).\(language).md",
                        lesson(title: text, minutes: minutes, language: language == "de" ? .german : .english))
                }
            }
            try write("modules/\(id)/module.yaml", manifest(id: id, prerequisites: prerequisites, lessons: lessons))
            try write("modules/\(id)/quiz.yaml", quiz())
        }
        for (roleIndex, role) in Self.roles.enumerated() {
            var modules = ids.indices.filter { roleOfModule[$0] == roleIndex }.map { ids[$0] }
            if modules.isEmpty, let first = ids.first { modules = [first] }
            try write("paths/\(role.id).yaml", path(role: role, modules: modules))
        }
    }

    // MARK: files

    private mutating func manifest(id: String, prerequisites: [String], lessons: [String]) -> String {
        let major = 1 + below(3)
        var text = """
            # yaml-language-server: $schema=../../schemas/module.schema.json
            id: \(id)
            version: \(major).\(below(6)).\(below(10))
            title:
              de: "\(heading(.german))"
              en: "\(heading(.english))"
            summary:
              de: "\(sentences(2, .german))"
              en: "\(sentences(2, .english))"
            minutes: \(20 + below(40))
            level: \(pick(["basic", "intermediate", "advanced"]))
            objectives:

            """
        for _ in 0..<(3 + below(3)) {
            text += "  - de: \"\(sentence(.german))\"\n    en: \"\(sentence(.english))\"\n"
        }
        text += "prerequisites: [\(prerequisites.joined(separator: ", "))]\nsources:\n"
        for _ in 0..<(3 + below(6)) {
            text +=
                "  - title: \"\(pick(Vocabulary.sources)), \(pick(["Art.", "Annex", "Section", "Clause"])) \(1 + below(99))\"\n"
            if below(2) == 0 {
                text += "    url: https://example.org/sources/\(pick(Vocabulary.slugs))-\(below(1000))\n"
            }
        }
        let date = "\(padded(1 + below(12), 2))-\(padded(1 + below(28), 2))"
        // review_by lies far ahead so that the folder validates without warnings on any day it is generated.
        text += "reviewed: 2026-\(date)\nreview_by: 2099-\(date)\nchangelog:\n"
        for version in stride(from: major, through: 1, by: -1) {
            let named = version == 1 ? [] : Array(lessons.prefix(1 + below(lessons.count)))
            text += "  - version: \(version).0.0\n    date: \(2027 - version)-\(date)\n"
            text += "    changes:\n      de: \"\(sentence(.german))\"\n      en: \"\(sentence(.english))\"\n"
            text += "    lessons: [\(named.joined(separator: ", "))]\n"
        }
        return text
    }

    private mutating func lesson(title: String, minutes: Int, language: Language) -> String {
        var text = "---\ntitle: \(title)\nminutes: \(minutes)\n---\n# \(title)\n\n"
        text += paragraph(language) + "\n\n" + paragraph(language) + "\n\n"
        for section in 0..<4 {
            text += "## \(heading(language))\n\n\(paragraph(language))\n\n"
            switch (section + below(2)) % 4 {
            case 0:
                for _ in 0..<4 { text += "- **\(pick(language.words)):** \(sentence(language))\n" }
            case 1:
                text += "| \(heading(language)) | \(heading(language)) |\n|---|---|\n"
                for _ in 0..<4 { text += "| \(phrase(language, 3)) | \(phrase(language, 6)) |\n" }
            case 2:
                text += "> \(sentences(2, language))\n"
            default:
                for item in 1...4 { text += "\(item). \(sentence(language))\n" }
            }
            text += "\n\(paragraph(language))\n\n"
        }
        return text
    }

    /// A quiz that `lernpfad validate` finds clean: the right single choice is never the longest, and multiple-choice
    /// questions take turns at two, one and three right choices (see `QuizRules`).
    private mutating func quiz() -> String {
        var text = "# yaml-language-server: $schema=../../schemas/quiz.schema.json\npass_mark: 0.8\nquestions:\n"
        var multipleSoFar = 0
        for number in 1...(8 + below(5)) {
            let multiple = below(4) == 0
            text += "  - id: q\(number)-\(pick(Vocabulary.slugs))-\(pick(Vocabulary.slugs))\n"
            text += "    type: \(multiple ? "multiple" : "single")\n"
            text += "    prompt:\n      de: \"\(sentences(2, .german))\"\n      en: \"\(sentences(2, .english))\"\n"
            text += "    choices:\n"
            let choices = ["a", "b", "c", "d"]
            var lengths: [(de: Int, en: Int)] = []
            for choice in choices {
                let (german, english) = (sentence(.german, words: 14), sentence(.english, words: 14))
                lengths.append((german.count, english.count))
                text += "      - id: \(choice)\n        text:\n"
                text += "          de: \"\(german)\"\n"
                text += "          en: \"\(english)\"\n"
            }
            var first = below(choices.count)
            let correct: [String]
            if multiple {
                let count = [2, 1, 3][multipleSoFar % 3]
                multipleSoFar += 1
                correct = (0..<count).map { choices[(first + $0) % 4] }.sorted()
            } else {
                // At most two choices are the longest (one per language), so one of the next three is not.
                func isLongest(_ index: Int) -> Bool {
                    let others = lengths.indices.filter { $0 != index }
                    return others.allSatisfy { lengths[$0].de < lengths[index].de }
                        || others.allSatisfy { lengths[$0].en < lengths[index].en }
                }
                while isLongest(first) { first = (first + 1) % 4 }
                correct = [choices[first]]
            }
            text += "    correct: [\(correct.joined(separator: ", "))]\n"
            // "… answer a." reads as a reference to choice a), which validate rightly flags.
            let german = sentences(4, .german)
            let english = sentences(4, .english).replacingOccurrences(of: "nswer a.", with: "nswer a question.")
            text += "    explanation:\n      de: \"\(german)\"\n      en: \"\(english)\"\n"
            text += "    source: \"\(pick(Vocabulary.sources))\"\n"
        }
        return text
    }

    private mutating func path(role: (id: String, de: String, en: String), modules: [String]) -> String {
        """
        # yaml-language-server: $schema=../schemas/path.schema.json
        role: \(role.id)
        title:
          de: "\(role.de)"
          en: "\(role.en)"
        summary:
          de: "\(sentence(.german))"
          en: "\(sentence(.english))"
        modules: [\(modules.joined(separator: ", "))]
        validity: P12M
        due_soon: P30D
        milestones:
          - id: \(role.id)-kickoff
            title:
              de: "\(heading(.german))"
              en: "\(heading(.english))"
            description:
              de: "\(sentence(.german))"
              en: "\(sentence(.english))"

        """
    }

    // MARK: text

    enum Language {
        case german, english

        var words: [String] { self == .german ? Vocabulary.german : Vocabulary.english }
    }

    private func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    private mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    private mutating func phrase(_ language: Language, _ count: Int) -> String {
        var words: [String] = []
        for _ in 0..<count { words.append(pick(language.words)) }
        return words.joined(separator: " ")
    }

    private mutating func heading(_ language: Language) -> String {
        let text = phrase(language, 2 + below(3))
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    private mutating func sentence(_ language: Language, words: Int? = nil) -> String {
        let text = phrase(language, words ?? (9 + below(12)))
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    private mutating func sentences(_ count: Int, _ language: Language) -> String {
        var parts: [String] = []
        for _ in 0..<count { parts.append(sentence(language)) }
        return parts.joined(separator: " ")
    }

    private mutating func paragraph(_ language: Language) -> String { sentences(3 + below(3), language) }
}

/// The words the generator draws from: plain words only, no YAML or Markdown syntax and no "TODO".
private enum Vocabulary {
    static let german = [
        "die", "der", "das", "und", "mit", "für", "über", "bei", "wird", "sind", "nicht", "auch", "eine", "einen",
        "wenn", "dass", "oder", "vor", "nach", "durch", "Daten", "Modell", "Prüfung", "Verantwortung", "Risiko",
        "Entscheidung", "Übersicht", "Maßnahme", "Qualität", "Mitarbeitende", "Anwendung", "Schulung", "Vorgabe",
        "Nachweis", "Aufsicht", "Transparenz", "Grundlage", "Bewertung", "Prozess", "Fehler", "Ergebnis", "Team",
        "Werkzeug", "Regel", "Kundin", "Quelle", "System", "Ausgabe", "Eingabe", "Freigabe", "Richtlinie",
        "Verordnung", "Anbieter", "Betreiber", "Hochrisiko", "Dokumentation", "Protokoll", "menschliche",
        "automatisierte", "verlässliche", "geprüfte", "sorgfältig", "regelmäßig", "schriftlich", "gemeinsam",
        "prüfen", "bewerten", "melden", "dokumentieren", "erklären", "schulen", "freigeben", "überwachen",
        "Führungskraft", "Botschafterin", "Vertrieb", "Marketing", "Personal", "Einkauf", "Kundendienst",
        "Zweck", "Grenze", "Wirkung", "Schaden", "Nutzen", "Beispiel", "Aufgabe", "Frage", "Antwort",
    ]

    static let english = [
        "the", "a", "and", "with", "for", "about", "at", "is", "are", "not", "also", "an", "when", "that", "or",
        "before", "after", "through", "of", "to", "data", "model", "review", "responsibility", "risk", "decision",
        "overview", "measure", "quality", "staff", "application", "training", "requirement", "evidence",
        "oversight", "transparency", "basis", "assessment", "process", "error", "result", "team", "tool", "rule",
        "customer", "source", "system", "output", "input", "approval", "policy", "regulation", "provider",
        "deployer", "high-risk", "documentation", "log", "human", "automated", "reliable", "checked", "carefully",
        "regularly", "in writing", "together", "check", "assess", "report", "document", "explain", "train",
        "approve", "monitor", "leader", "ambassador", "sales", "marketing", "HR", "purchasing", "service desk",
        "purpose", "limit", "effect", "harm", "benefit", "example", "task", "question", "answer",
    ]

    static let slugs = [
        "risk", "data", "model", "review", "oversight", "policy", "quality", "prompt", "audit", "bias", "privacy",
        "approval", "inventory", "incident", "vendor", "training", "literacy", "agent", "chatbot", "scoring",
        "vision", "speech", "search", "summary", "translation", "security", "logging", "testing", "fairness",
        "ethics", "governance", "strategy", "roles", "duties", "rights", "records", "metrics", "feedback",
    ]

    static let sources = [
        "Regulation (EU) 2024/1689 (AI Act)", "Regulation (EU) 2016/679 (GDPR)", "NIST AI 100-1 (AI RMF 1.0)",
        "NIST AI 600-1 (Generative AI Profile)", "ISO/IEC 42001:2023", "ISO/IEC 23894:2023",
        "BSI, Generative KI-Modelle", "European Commission, AI Literacy – Questions & Answers",
        "OECD AI Principles", "ENISA, Multilayer Framework for Good Cybersecurity Practices for AI",
    ]
}
