import LernpfadCore

/// A quiz attempt or a review round: its questions, answers and phase. The quiz screen owns one.
public struct QuizRound: Hashable, Sendable {
    /// One question in this round, with its choices in shuffled order.
    public struct Item: Hashable, Sendable {
        /// The module the question belongs to.
        public var module: String
        /// The question id.
        public var question: String
        /// Choice ids in the order shown.
        public var choiceOrder: [String]
        /// True when a review round asks the question again because it was missed earlier in the round.
        public var isRepeat = false
    }

    /// Where the round is.
    public enum Phase: Hashable, Sendable {
        /// The learner is choosing.
        case answering
        /// The answer was checked; feedback is shown.
        case feedback(correct: Bool)
        /// Every question answered: the summary.
        case summary
    }

    /// The questions in order.
    public var items: [Item]
    /// The current question.
    public var index: Int = 0
    /// Choices ticked for the current question.
    public var selected: Set<String> = []
    /// The cursor among the choices.
    public var cursor: Int = 0
    /// The phase.
    public var phase: Phase = .answering
    /// Answers given so far.
    public var answers: [LearnerEvent.Answer] = []
    /// The seed that shuffled the choices.
    public var seed: UInt64
    /// The module of a quiz attempt; nil for a review round.
    public var module: String?
    /// When the round started, for the duration.
    public var startedAt: Double
    /// The scroll offset of the question text, for long questions on small screens.
    public var scroll: Int = 0

    /// The current item, if any.
    public var current: Item? { items.indices.contains(index) ? items[index] : nil }

    /// The share of right answers so far (in a review round, of the first answers: a repeat is not counted).
    public var score: Double {
        answers.isEmpty ? 0 : Double(answers.filter(\.correct).count) / Double(answers.count)
    }

    /// True when the learner has answered at least one question: leaving would lose a quiz attempt's answers.
    public var hasAnswers: Bool { !answers.isEmpty }

    /// Asks the current question again at the end of the round, with its choices shuffled anew (as Anki does
    /// with a card missed in a session, until it is answered right once).
    public mutating func askAgainLater() {
        guard var item = current else { return }
        var generator = SeededGenerator(seed: seed &+ UInt64(items.count))
        item.choiceOrder.shuffle(using: &generator)
        item.isRepeat = true
        items.append(item)
    }

    /// A round over `questions` of `module`, choices shuffled with `seed`.
    public init(module: String?, questions: [(module: String, question: Question)], seed: UInt64, startedAt: Double) {
        var generator = SeededGenerator(seed: seed)
        items = questions.map { entry in
            Item(
                module: entry.module, question: entry.question.id,
                choiceOrder: entry.question.choices.map(\.id).shuffled(using: &generator))
        }
        self.seed = seed
        self.module = module
        self.startedAt = startedAt
    }
}

/// SplitMix64: a small, well-known deterministic generator, so a recorded seed replays an attempt's order.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
