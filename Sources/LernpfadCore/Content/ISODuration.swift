import Foundation

/// A calendar duration in ISO 8601 form such as `P12M`, `P1Y`, `P30D` or `P2W`.
public struct ISODuration: Hashable, Sendable, CustomStringConvertible, Codable {
    /// Whole years.
    public var years: Int
    /// Whole months.
    public var months: Int
    /// Whole days (weeks are stored as seven days).
    public var days: Int

    /// Makes a duration from its parts.
    public init(years: Int = 0, months: Int = 0, days: Int = 0) {
        self.years = years
        self.months = months
        self.days = days
    }

    /// The longest span a parsed duration may give in each unit. Content durations are validities and
    /// reminders, and without a bound a digit string could overflow the arithmetic or move a date beyond the
    /// years that timestamps can be written in.
    public static let maximumYears = 100

    /// Parses the date part of an ISO 8601 duration; nil for anything else (times are not needed here), and for
    /// years, months or days that add up to more than `maximumYears`.
    public init?(_ text: String) {
        guard text.hasPrefix("P"), text.count > 1 else { return nil }
        var years = 0
        var months = 0
        var days = 0
        var number = ""
        var seenUnit = false
        for character in text.dropFirst() {
            if character.isASCII && character.isNumber {
                number.append(character)
                continue
            }
            // Checked per part, so that neither the product nor the sums below can overflow.
            guard let value = Int(number), value <= Self.maximumYears * 366 else { return nil }
            switch character {
            case "Y": years += value
            case "M": months += value
            case "W": days += value * 7
            case "D": days += value
            default: return nil
            }
            number = ""
            seenUnit = true
            guard years <= Self.maximumYears, months <= Self.maximumYears * 12, days <= Self.maximumYears * 366
            else { return nil }
        }
        guard number.isEmpty, seenUnit else { return nil }
        self.init(years: years, months: months, days: days)
    }

    /// The canonical text, e.g. `P1Y6M`.
    public var description: String {
        var text = "P"
        if years != 0 { text += "\(years)Y" }
        if months != 0 { text += "\(months)M" }
        if days != 0 || text == "P" { text += "\(days)D" }
        return text
    }

    /// `date` moved forward by this duration on the UTC Gregorian calendar.
    ///
    /// Month arithmetic clamps to the month's end, so 29 February plus P12M is 28 February. Computed with
    /// plain civil-date arithmetic rather than Foundation's Calendar, which would load ICU's calendar data
    /// (time and memory at every start) for what is integer arithmetic.
    public func added(to date: Date) -> Date { shifted(date, sign: 1) }

    /// `date` moved back by this duration.
    public func subtracted(from date: Date) -> Date { shifted(date, sign: -1) }

    private func shifted(_ date: Date, sign: Int) -> Date {
        let seconds = date.timeIntervalSince1970
        let dayNumber = Int((seconds / 86_400).rounded(.down))
        let secondsOfDay = seconds - Double(dayNumber) * 86_400
        let (year, month, day) = Timestamp.civilFromDays(dayNumber)
        let monthIndex = year * 12 + (month - 1) + sign * (years * 12 + months)
        let newYear = Int((Double(monthIndex) / 12).rounded(.down))
        let newMonth = monthIndex - newYear * 12 + 1
        let newDay = min(day, CalendarDay.daysIn(year: newYear, month: newMonth))
        let newDayNumber = Timestamp.daysFromCivil(year: newYear, month: newMonth, day: newDay) + sign * days
        return Date(timeIntervalSince1970: Double(newDayNumber) * 86_400 + secondsOfDay)
    }

    /// Encodes as the ISO text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from ISO text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let duration = ISODuration(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an ISO 8601 duration")
        }
        self = duration
    }
}
