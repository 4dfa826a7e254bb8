/// A module's knowledge check.
public struct Quiz: Hashable, Sendable, Codable {
    /// The share of questions (0...1) that must be answered right to pass.
    public var passMark: Double
    /// The questions in authored order.
    public var questions: [Question]

    /// Makes a quiz.
    public init(passMark: Double, questions: [Question]) {
        self.passMark = passMark
        self.questions = questions
    }

    /// The question with `id`, if any.
    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// True when `score` (0...1) reaches the pass mark, with a tolerance for floating-point rounding.
    public func passes(score: Double) -> Bool { score + 1e-9 >= passMark }
}

/// One quiz question.
public struct Question: Hashable, Sendable, Codable, Identifiable {
    /// Single choice (one right answer) or multiple choice (one or more).
    public enum Kind: String, Hashable, Sendable, Codable {
        case single, multiple
    }

    /// Unique within the module.
    public var id: String
    /// Single or multiple choice.
    public var kind: Kind
    /// The question text.
    public var prompt: LocalizedText
    /// The answer options.
    public var choices: [Choice]
    /// Ids of the right choices.
    public var correct: [String]
    /// Why the right answer is right.
    public var explanation: LocalizedText
    /// The article or document the answer rests on.
    public var source: String?
    /// The id of the module's lesson that teaches the answer: the one to re-read after a miss.
    public var lesson: String?

    /// Makes a question.
    public init(
        id: String, kind: Kind, prompt: LocalizedText, choices: [Choice], correct: [String],
        explanation: LocalizedText, source: String? = nil, lesson: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.choices = choices
        self.correct = correct
        self.explanation = explanation
        self.source = source
        self.lesson = lesson
    }

    /// True when `chosen` is exactly the set of right choices.
    public func isCorrect(_ chosen: [String]) -> Bool { Set(chosen) == Set(correct) }
}

/// One answer option.
public struct Choice: Hashable, Sendable, Codable, Identifiable {
    /// The id, e.g. `a`.
    public var id: String
    /// The option's text.
    public var text: LocalizedText

    /// Makes a choice.
    public init(id: String, text: LocalizedText) {
        self.id = id
        self.text = text
    }
}
