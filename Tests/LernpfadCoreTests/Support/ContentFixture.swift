import Foundation
import LernpfadCore

/// A small, valid content folder that tests then break one file at a time.
enum ContentFixture {
    static let today = CalendarDay(year: 2026, month: 11, day: 21)

    static let course = """
        id: test-course
        title: {de: Testkurs, en: Test course}
        languages: [de, en]
        default_language: de

        """

    static let staffPath = """
        role: staff
        title: {de: Mitarbeitende, en: Staff}
        modules: [basics, law]
        validity: P12M
        milestones:
          - id: team-kickoff
            title: {de: Kick-off, en: Kick-off}

        """

    static func module(_ id: String, prerequisites: [String] = [], version: String = "1.0.0") -> String {
        """
        id: \(id)
        version: \(version)
        title: {de: Titel \(id), en: Title \(id)}
        summary: {de: Zusammenfassung, en: Summary}
        minutes: 10
        level: basic
        objectives:
          - {de: Ziel, en: Objective}
        prerequisites: [\(prerequisites.joined(separator: ", "))]
        sources:
          - title: "Regulation (EU) 2024/1689, Art. 4"
        reviewed: 2026-11-01
        review_by: 2027-11-01

        """
    }

    static let quiz = """
        pass_mark: 0.5
        questions:
          - id: q1
            type: single
            prompt: {de: Frage eins?, en: Question one?}
            choices:
              - id: a
                text: {de: Ja, en: Yes}
              - id: b
                text: {de: Nein, en: No}
            correct: [a]
            explanation: {de: Weil., en: Because.}
          - id: q2
            type: multiple
            prompt: {de: Frage zwei?, en: Question two?}
            choices:
              - id: a
                text: {de: Eins, en: One}
              - id: b
                text: {de: Zwei, en: Two}
              - id: c
                text: {de: Drei, en: Three}
            correct: [a, c]
            explanation: {de: Darum., en: That is why.}

        """

    /// A single-choice question to append to `quiz`, whose right choice is one character longer than the wrong one.
    static func singleChoice(_ id: String) -> String {
        """
          - id: \(id)
            type: single
            prompt: {de: Frage?, en: Question?}
            choices:
              - id: a
                text: {de: Antwort A, en: Choice AA}
              - id: b
                text: {de: Antwort BB, en: Choice B}
            correct: [a]
            explanation: {de: Weil., en: Because.}

        """
    }

    /// A multiple-choice question to append to `quiz`.
    static func multipleChoice(_ id: String, correct: String) -> String {
        """
          - id: \(id)
            type: multiple
            prompt: {de: Frage?, en: Question?}
            choices:
              - id: a
                text: {de: Eins, en: One}
              - id: b
                text: {de: Zwei, en: Two}
              - id: c
                text: {de: Drei, en: Three}
            correct: \(correct)
            explanation: {de: Darum., en: That is why.}

        """
    }

    static func lesson(_ title: String) -> String {
        "---\ntitle: \(title)\nminutes: 3\n---\n# \(title)\n\nEin Absatz mit Text.\n"
    }

    /// Writes the whole valid fixture into `folder`.
    static func write(into folder: TemporaryFolder) {
        folder.write("course.yaml", course)
        folder.write("paths/staff.yaml", staffPath)
        for (id, prerequisites) in [("basics", [String]()), ("law", ["basics"])] {
            folder.write("modules/\(id)/module.yaml", module(id, prerequisites: prerequisites))
            folder.write("modules/\(id)/quiz.yaml", quiz)
            for number in ["01-intro", "02-more"] {
                folder.write("modules/\(id)/\(number).de.md", lesson("Lektion \(number)"))
                folder.write("modules/\(id)/\(number).en.md", lesson("Lesson \(number)"))
            }
        }
    }

    static func load(_ folder: TemporaryFolder, checkBodies: Bool = true) -> ContentLoadResult {
        ContentLoader(root: folder.path, today: today, checkLessonBodies: checkBodies).load()
    }

    /// The events that complete `module` of the fixture at `at`: both lessons read, the quiz passed.
    static func completion(
        _ module: String, at: String, score: Double = 1, answers: [LearnerEvent.Answer] = []
    ) -> [LearnerEvent] {
        ["01-intro", "02-more"].map {
            LearnerEvent(
                at: date(at), kind: .lessonCompleted, module: module, moduleVersion: SemanticVersion(1, 0, 0),
                lesson: $0)
        } + [
            LearnerEvent(
                at: date(at), kind: .quizAttempted, module: module, moduleVersion: SemanticVersion(1, 0, 0),
                score: score, passed: true, answers: answers)
        ]
    }
}
