/// A course language such as `de` or `en`.
public struct LanguageCode: RawRepresentable, Hashable, Sendable, Codable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The code as written in course.yaml.
    public var rawValue: String

    /// Wraps a code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a literal code.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// German.
    public static let german: LanguageCode = "de"
    /// English.
    public static let english: LanguageCode = "en"

    /// The code itself.
    public var description: String { rawValue }

    /// Alphabetical order.
    public static func < (lhs: LanguageCode, rhs: LanguageCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
