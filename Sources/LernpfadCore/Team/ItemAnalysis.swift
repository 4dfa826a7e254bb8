import Foundation

extension TeamReport {
    /// How one quiz question performs across the team: the trainer's item analysis (docs/json-output.md).
    ///
    /// Each learner counts once per module, with their first attempt at the module's current major version (at or
    /// before `asOf`): later attempts come after the explanations have shown the answers. Only questions of the
    /// current quiz count, each with the choices it has now.
    public struct ItemAnalysis: Codable, Sendable, Hashable {
        /// The module.
        public var module: String
        /// The question id.
        public var question: String
        /// Learners whose first attempt answered the question.
        public var answers: Int
        /// Of these, how many answered it right.
        public var right: Int
        /// The share of right answers (0...1, three decimals): the difficulty index, where 1 means everyone got it.
        public var difficulty: Double
        /// Point-biserial correlation (-1...1, three decimals) between answering this question right and the share
        /// right on the attempt's other questions; absent when everyone scored alike on either.
        public var discrimination: Double?
        /// How often each choice was picked, in authored order.
        public var choices: [ChoicePicks]
        /// Wrong choices that nobody picked, once at least `TeamReport.itemFlagMinimum` answers recorded choices.
        public var unpickedDistractors: [String]
        /// What a trainer should look at, in the order of `ItemFlag.allCases`.
        public var flags: [ItemFlag]
    }

    /// How often one choice of a question was picked.
    public struct ChoicePicks: Codable, Sendable, Hashable {
        /// The choice id.
        public var choice: String
        /// True for a right choice.
        public var correct: Bool
        /// Learners who picked it on their first attempt.
        public var picks: Int
    }

    /// A reason to look at a question again.
    public enum ItemFlag: String, Codable, Sendable, Hashable, CaseIterable {
        /// Every learner got it right: too easy to tell anyone apart.
        case everyoneRight
        /// Discrimination below `TeamReport.lowDiscrimination`: learners who do well on the rest of the quiz get this
        /// question right no more often than those who do badly, or less often. Often an ambiguous prompt or a
        /// right answer that is disputable.
        case strongLearnersMiss
        /// At least one wrong choice that nobody picked: it distracts no one and could as well be missing.
        case distractorNeverPicked
    }

    /// The fewest answers before a question is flagged: with fewer, shares and correlations say little.
    public static let itemFlagMinimum = 10

    /// Discrimination below this is flagged as `strongLearnersMiss`.
    public static let lowDiscrimination = 0.1

    /// One answer of a learner's first attempt, by position in the catalog: twelve bytes, no allocation.
    struct ItemSample: Sendable {
        /// The module's index in `Catalog.modules`.
        var module: UInt16
        /// The question's index in the module's quiz.
        var question: UInt16
        /// Bit i set: the question's choice i was picked.
        var chosen: UInt16
        /// Answered right.
        var right: Bool
        /// The share right on the attempt's other answers; NaN when it had none.
        var rest: Float
    }

    /// Running sums over the samples of one question, from which shares and the correlation follow.
    struct ItemTally {
        var answers = 0
        var right = 0
        var withChoices = 0
        var picks: [Int] = []
        // Over samples with a rest score: n, Σx, Σy, Σy², Σxy (x is 0 or 1, so Σx² = Σx).
        var paired = 0
        var sumX = 0.0
        var sumY = 0.0
        var sumYY = 0.0
        var sumXY = 0.0

        mutating func add(_ sample: ItemSample, choices: Int) {
            answers += 1
            if sample.right { right += 1 }
            if sample.chosen != 0 {
                withChoices += 1
                if picks.isEmpty { picks = Array(repeating: 0, count: choices) }
                for index in 0..<min(choices, 16) where sample.chosen & (1 << index) != 0 { picks[index] += 1 }
            }
            guard !sample.rest.isNaN else { return }
            let x = sample.right ? 1.0 : 0.0
            let y = Double(sample.rest)
            paired += 1
            sumX += x
            sumY += y
            sumYY += y * y
            sumXY += x * y
        }

        /// Pearson's r of x and y, which for a 0/1 x is the point-biserial correlation; nil when either is constant.
        var correlation: Double? {
            let n = Double(paired)
            let varianceX = n * sumX - sumX * sumX
            let varianceY = n * sumYY - sumY * sumY
            guard paired >= 2, varianceX > 0, varianceY > 1e-9 else { return nil }
            let r = (n * sumXY - sumX * sumY) / (varianceX * varianceY).squareRoot()
            return Swift.min(1, Swift.max(-1, r))
        }
    }

    /// The samples of one learner: their first attempt per module at its current major version, up to `now`.
    ///
    /// This runs for every learner file as it is read, so it works by index: events and quiz parts are looked at in
    /// place, never copied, and ids are found in `Catalog.quizLookup(at:)` rather than by walking the quiz.
    static func itemSamples(_ record: LearnerRecord, catalog: Catalog, now: Date) -> [ItemSample] {
        let events = record.events
        // A learner has a handful of modules: a short list beats a dictionary.
        var first: [(module: Int, event: Int, lookup: QuizLookup)] = []
        for index in events.indices where events[index].kind == .quizAttempted && events[index].at <= now {
            guard let id = events[index].module, let version = events[index].moduleVersion,
                let offset = catalog.moduleOffset(id), offset <= Int(UInt16.max)
            else { continue }
            if let seen = first.firstIndex(where: { $0.module == offset }) {
                if version.major == first[seen].lookup.major && events[index].at < events[first[seen].event].at {
                    first[seen].event = index
                }
                continue
            }
            guard let lookup = catalog.quizLookup(at: offset), version.major == lookup.major else { continue }
            first.append((offset, index, lookup))
        }
        var samples: [ItemSample] = []
        samples.reserveCapacity(first.reduce(0) { $0 + (events[$1.event].answers?.count ?? 0) })
        for attempt in first {
            guard let answers = events[attempt.event].answers, !answers.isEmpty else { continue }
            let rightTotal = answers.lazy.filter(\.correct).count
            for (position, answer) in answers.enumerated() {
                guard let question = attempt.lookup.position(of: answer.question, guess: position),
                    question <= Int(UInt16.max)
                else { continue }
                let choices = attempt.lookup.choices[question]
                var chosen: UInt16 = 0
                for id in answer.chosen {
                    if let choice = choices.firstIndex(of: id), choice < 16 { chosen |= 1 << choice }
                }
                let rest =
                    answers.count > 1
                    ? Float(rightTotal - (answer.correct ? 1 : 0)) / Float(answers.count - 1) : Float.nan
                samples.append(
                    ItemSample(
                        module: UInt16(attempt.module), question: UInt16(question), chosen: chosen,
                        right: answer.correct, rest: rest))
            }
        }
        return samples
    }

    /// The analysis of every question with answers, in catalog order, from the tallies per module and question.
    static func itemAnalysis(_ tallies: [[ItemTally]], catalog: Catalog) -> [ItemAnalysis] {
        var result: [ItemAnalysis] = []
        for (module, questions) in zip(catalog.modules, tallies) {
            guard let quiz = module.quiz else { continue }
            for (question, tally) in zip(quiz.questions, questions) where tally.answers > 0 {
                let picks = tally.picks.isEmpty ? Array(repeating: 0, count: question.choices.count) : tally.picks
                let choices = zip(question.choices, picks).map { choice, count in
                    ChoicePicks(choice: choice.id, correct: question.correct.contains(choice.id), picks: count)
                }
                let unpicked =
                    tally.withChoices >= itemFlagMinimum
                    ? choices.filter { !$0.correct && $0.picks == 0 }.map(\.choice) : []
                let discrimination = tally.correlation.map(Self.rounded)
                var flags: [ItemFlag] = []
                if tally.answers >= itemFlagMinimum && tally.right == tally.answers { flags.append(.everyoneRight) }
                if let discrimination, tally.paired >= itemFlagMinimum, discrimination < lowDiscrimination {
                    flags.append(.strongLearnersMiss)
                }
                if !unpicked.isEmpty { flags.append(.distractorNeverPicked) }
                result.append(
                    ItemAnalysis(
                        module: module.id, question: question.id, answers: tally.answers, right: tally.right,
                        difficulty: rounded(Double(tally.right) / Double(tally.answers)),
                        discrimination: discrimination, choices: choices, unpickedDistractors: unpicked,
                        flags: flags))
            }
        }
        return result
    }

    /// Three decimals, so that JSON shows 0.333 rather than 0.3333333333333333.
    private static func rounded(_ value: Double) -> Double {
        let result = (value * 1000).rounded() / 1000
        return result == 0 ? 0 : result  // never -0
    }
}

/// What the item analysis needs of one module's quiz: its major version, and each question's position and choice ids.
struct QuizLookup: Sendable {
    /// The module's current major version: attempts at another one do not count.
    var major: Int
    /// The question ids in quiz order.
    var questions: [String]
    /// Per question position, the choice ids in authored order.
    var choices: [[String]]

    init(module: Module, quiz: Quiz) {
        major = module.version.major
        questions = quiz.questions.map(\.id)
        choices = quiz.questions.map { $0.choices.map(\.id) }
    }

    /// The position of question `id`, trying `guess` first: answers are stored in quiz order, so the guess is
    /// nearly always right, and comparing a dozen short ids beats hashing each answer's id.
    func position(of id: String, guess: Int) -> Int? {
        if guess < questions.count && questions[guess] == id { return guess }
        return questions.firstIndex(of: id)
    }
}
