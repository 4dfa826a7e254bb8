import Foundation

/// The team view's order and the dates it shows (docs/status.md): most urgent first; overdue the longest first,
/// due soon the soonest first; then names in natural order ("Learner 2" before "Learner 10").
extension TeamReport {
    /// A key that sorts names naturally as plain strings: lowercased, each run of digits prefixed by its length.
    public static func naturalKey(_ name: String) -> String {
        var key = ""
        var digits = ""
        func flush() {
            guard !digits.isEmpty else { return }
            let trimmed = String(digits.drop { $0 == "0" })
            let number = trimmed.isEmpty ? "0" : trimmed
            let length = String(number.count)
            key += String(repeating: "0", count: max(0, 3 - length.count)) + length + number
            digits = ""
        }
        for character in name.lowercased() {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else {
                flush()
                key.append(character)
            }
        }
        flush()
        return key
    }

    /// True when `team` names `learnerTeam`, ignoring case.
    public static func teamMatches(_ learnerTeam: String?, _ team: String?) -> Bool {
        guard let team else { return true }
        guard let learnerTeam else { return false }
        return learnerTeam.caseInsensitiveCompare(team) == .orderedSame
    }

    /// Whole days from `from` to `to`, rounded down; negative when `to` is earlier.
    public static func days(from: Date, to: Date) -> Int {
        Int((to.timeIntervalSince(from) / 86_400).rounded(.down))
    }
}

extension TeamReport.PathRow {
    /// The earliest date by which something in the path is or was needed; nil when nothing needs attention.
    public var attentionDue: Date? {
        let modules = self.modules.lazy.filter(\.state.needsAttention).compactMap { $0.due ?? $0.validUntil }
        let milestones = self.milestones.lazy.filter(\.state.needsAttention).compactMap(\.validUntil)
        return (Array(modules) + Array(milestones)).min()
    }
}

extension TeamReport.LearnerRow {
    /// The earliest date by which something in any of the learner's paths is or was needed.
    public var attentionDue: Date? {
        paths.compactMap(\.attentionDue).min()
    }
}

extension PathProgress {
    /// Percent of modules done, rounded to the nearest whole number (2 of 3 is 67).
    public var percent: Int {
        Int((fraction * 100).rounded())
    }
}
