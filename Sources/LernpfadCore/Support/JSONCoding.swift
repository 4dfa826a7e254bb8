import Foundation

/// The one JSON style lernpfad writes: sorted keys, pretty, ISO 8601 dates with milliseconds in UTC.
public enum JSONCoding {
    /// An encoder for files and `--format json` output.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }

    /// A decoder that accepts the timestamps `encoder()` writes, with or without fractional seconds.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an ISO 8601 timestamp")
            }
            return date
        }
        return decoder
    }
}

/// ISO 8601 timestamps in UTC with milliseconds, e.g. `2026-11-21T10:00:00.123Z`.
public enum Timestamp {
    /// Formats `date` with milliseconds.
    public static func format(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// Parses a timestamp with or without fractional seconds and with any offset; nil when malformed.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)) {
            return date
        }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return nil
    }

    /// Parses `--as-of`: a day means the end of that day in UTC; a full timestamp means itself.
    public static func parseAsOf(_ text: String) -> Date? {
        if let day = CalendarDay(text), let start = day.startOfDay {
            return start.addingTimeInterval(86_400 - 0.001)
        }
        return parse(text)
    }
}
