import Foundation

/// The spaced-repetition state of one question, scheduled with SM-2.
///
/// SM-2 is P. A. Wozniak's SuperMemo 2 algorithm (1990); see docs/review.md for why it was chosen.
public struct ReviewCard: Hashable, Sendable, Codable {
    /// When the question is next due.
    public var due: Date
    /// The current interval in days.
    public var intervalDays: Double
    /// SM-2's easiness factor, at least 1.3.
    public var easiness: Double
    /// Right answers in a row.
    public var repetitions: Int
    /// How often the learner got it wrong after learning it.
    public var lapses: Int
    /// Members this version does not know; kept through reviews (a card made anew has none).
    public var extra: [String: JSONValue] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case due, intervalDays, easiness, repetitions, lapses
    }

    /// Reads a card, keeping members it does not know in `extra`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        due = try container.decode(Date.self, forKey: .due)
        intervalDays = try container.decode(Double.self, forKey: .intervalDays)
        easiness = try container.decode(Double.self, forKey: .easiness)
        repetitions = try container.decode(Int.self, forKey: .repetitions)
        lapses = try container.decode(Int.self, forKey: .lapses)
        extra = try decoder.unknownMembers(known: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    /// Writes the card and the members it kept.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(due, forKey: .due)
        try container.encode(intervalDays, forKey: .intervalDays)
        try container.encode(easiness, forKey: .easiness)
        try container.encode(repetitions, forKey: .repetitions)
        try container.encode(lapses, forKey: .lapses)
        try encoder.encodeUnknown(extra)
    }

    /// A card for a question just answered wrong: due again tomorrow.
    public init(missedAt now: Date) {
        due = now.addingTimeInterval(86_400)
        intervalDays = 1
        easiness = 2.5
        repetitions = 0
        lapses = 0
    }

    /// Makes a card from its parts.
    public init(due: Date, intervalDays: Double, easiness: Double, repetitions: Int, lapses: Int) {
        self.due = due
        self.intervalDays = intervalDays
        self.easiness = easiness
        self.repetitions = repetitions
        self.lapses = lapses
    }

    /// The longest interval a review schedules: a century, far past any validity, and a due date that a
    /// learner file can still hold.
    public static let maximumIntervalDays = 36_500.0

    /// The card after a review: right answers (quality 4) stretch the interval, wrong ones (quality 1) reset it.
    ///
    /// A card comes from a file anyone can edit, so its numbers are bounded here rather than trusted: the
    /// interval stays within 1 day and `maximumIntervalDays`, and the counters stop at `Int.max`.
    public func reviewed(correct: Bool, at now: Date) -> ReviewCard {
        var next = self
        let quality = correct ? 4.0 : 1.0
        if correct {
            next.repetitions = repetitions == .max ? .max : repetitions + 1
            switch next.repetitions {
            case 1: next.intervalDays = 1
            case 2: next.intervalDays = 6
            default:
                let stretched = (intervalDays * easiness).rounded()
                // Written so that NaN (an infinite interval times zero easiness) falls to 1 too.
                next.intervalDays = stretched >= 1 ? min(stretched, Self.maximumIntervalDays) : 1
            }
        } else {
            next.repetitions = 0
            next.intervalDays = 1
            next.lapses = lapses == .max ? .max : lapses + 1
        }
        next.easiness = max(1.3, easiness + 0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02))
        next.due = now.addingTimeInterval(next.intervalDays * 86_400)
        return next
    }
}

/// Review keys are `module/question`.
public enum ReviewKey {
    /// The key of a question.
    public static func make(module: String, question: String) -> String { module + "/" + question }

    /// Module and question of a key.
    public static func split(_ key: String) -> (module: String, question: String)? {
        guard let slash = key.firstIndex(of: "/") else { return nil }
        return (String(key[..<slash]), String(key[key.index(after: slash)...]))
    }
}
