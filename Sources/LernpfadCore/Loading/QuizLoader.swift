/// Reads `quiz.yaml` of a module.
struct QuizLoader {
    let folder: String
    let root: String
    let languages: [LanguageCode]
    let checkTodos: Bool
    /// Apply `QuizRules` (what `lernpfad validate` does): warnings about quizzes that length or letters give away.
    var checkRules = false
    /// The module's lesson ids, so that a question's `lesson` is checked; nil skips the check.
    var lessonIDs: [String]? = nil
    let files: ContentFileReader
    let sink: DiagnosticSink

    static let choiceLimit = 2...8

    /// The quiz file relative to the content folder.
    var file: String { "modules/\(folder)/quiz.yaml" }

    private static let missing = "module has no quiz.yaml: every module ends with a knowledge check"

    /// Reports a missing quiz.yaml and returns false, without parsing the file.
    func exists() -> Bool {
        guard files.isInside(root + "/modules/" + folder) else { return false }
        if case .failure(.missing) = files.data(at: root + "/" + file, limit: 0) {
            sink.error(file, nil, Self.missing)
            return false
        }
        return true
    }

    func load() -> Quiz? {
        // What `exists()` and then reading the file would report, with one read instead of two.
        guard files.isInside(root + "/modules/" + folder) else { return nil }
        let text: String
        switch files.text(at: root + "/" + file) {
        case .failure(.missing):
            sink.error(file, nil, Self.missing)
            return nil
        case .failure(let failure):
            sink.error(file, failure.mark, failure.message)
            return nil
        case .success(let read): text = read
        }
        guard let node = YAMLDocument.parse(text, file: file, sink: sink),
            let reader = MappingReader(node, file: file, what: "quiz.yaml", languages: languages, sink: sink)
        else { return nil }
        let passMark = reader.number("pass_mark")
        if let passMark, !(0...1).contains(passMark) {
            sink.error(file, reader.node("pass_mark")?.sourceMark, "pass_mark \(passMark) must be between 0 and 1")
        }
        var questions: [Question] = []
        var questionIDs = Set<String>()
        var marks = QuizMarks(questions: reader.markOf("questions"))
        let errorsBefore = sink.errorCount
        if let items = reader.sequence("questions") {
            if items.isEmpty {
                sink.error(file, reader.markOf("questions"), "'questions' must list at least one question")
            }
            for item in items {
                guard let (question, questionMarks) = readQuestion(item, file: file) else { continue }
                if !questionIDs.insert(question.id).inserted {
                    sink.error(file, item.sourceMark, "question id '\(question.id)' is used twice")
                    continue
                }
                questions.append(question)
                marks.byQuestion[question.id] = questionMarks
            }
        }
        reader.finish(what: "quiz.yaml")
        if checkTodos { TodoMarkers.report(in: node, text: text, file: file, sink: sink) }
        guard let passMark else { return nil }
        let quiz = Quiz(passMark: passMark, questions: questions)
        // A quiz with errors is skipped anyway; its rule warnings would only be noise.
        if checkRules && sink.errorCount == errorsBefore {
            QuizRules.report(quiz, marks: marks, languages: languages, file: file, sink: sink)
        }
        return quiz
    }

    private func readQuestion(_ node: YAMLNode, file: String) -> (Question, QuestionMarks)? {
        guard let reader = MappingReader(node, file: file, what: "a question", languages: languages, sink: sink) else {
            return nil
        }
        let id = reader.identifier("id")
        var kind: Question.Kind?
        if let text = reader.string("type") {
            kind = Question.Kind(rawValue: text)
            if kind == nil {
                sink.error(
                    file, reader.node("type")?.sourceMark,
                    "type '\(text.sanitizedForMessage)' must be single or multiple")
            }
        }
        let prompt = reader.localized("prompt")
        var marks = QuestionMarks(question: node.sourceMark)
        var choices: [Choice] = []
        if let items = reader.sequence("choices") {
            if !Self.choiceLimit.contains(items.count) {
                sink.error(
                    file, reader.markOf("choices"),
                    "a question needs \(Self.choiceLimit.lowerBound) to \(Self.choiceLimit.upperBound) choices, not \(items.count)"
                )
            }
            for item in items {
                guard let entry = MappingReader(item, file: file, what: "a choice", languages: languages, sink: sink)
                else { continue }
                let choiceID = entry.identifier("id")
                let text = entry.localized("text")
                entry.finish(what: "a choice")
                guard let choiceID, let text else { continue }
                if choices.contains(where: { $0.id == choiceID }) {
                    sink.error(file, item.sourceMark, "choice id '\(choiceID)' is used twice in this question")
                    continue
                }
                choices.append(Choice(id: choiceID, text: text))
                marks.choiceTexts[choiceID] = LocalizedMarks(entry.node("text"))
            }
        }
        var correct: [String] = []
        if let correctNode = reader.node("correct") {
            switch correctNode {
            case .scalar(let text, _): correct = [text]
            case .sequence(let items, _): correct = items.compactMap { reader.scalar($0, key: "correct") }
            default: sink.error(file, correctNode.sourceMark, "'correct' must be a choice id or a list of them")
            }
            let mark = correctNode.sourceMark
            marks.correct = mark
            if correct.isEmpty {
                sink.error(file, mark, "question has no correct choice")
            }
            for choice in correct where !choices.isEmpty && !choices.contains(where: { $0.id == choice }) {
                sink.error(file, mark, "correct choice '\(choice.sanitizedForMessage)' is not one of the choices")
            }
            if kind == .single && correct.count > 1 {
                sink.error(
                    file, mark, "a single-choice question must have exactly one correct choice, not \(correct.count)")
            }
        } else {
            reader.missing("correct")
        }
        let explanation = reader.localized("explanation")
        marks.explanation = LocalizedMarks(reader.node("explanation"))
        let source = reader.string("source", required: false)
        let lesson = reader.identifier("lesson", required: false)
        if let lesson, let lessonIDs, !lessonIDs.contains(lesson) {
            sink.error(
                file, reader.node("lesson")?.sourceMark,
                "question '\(id ?? "")' names unknown lesson '\(lesson)'; the module's lessons are \(lessonIDs.joined(separator: ", "))"
            )
        }
        reader.finish(what: "a question")
        guard let id, let kind, let prompt, let explanation else { return nil }
        let question = Question(
            id: id, kind: kind, prompt: prompt, choices: choices, correct: correct, explanation: explanation,
            source: source, lesson: lesson)
        return (question, marks)
    }
}
