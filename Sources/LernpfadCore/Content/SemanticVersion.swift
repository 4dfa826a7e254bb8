/// A semantic version `MAJOR.MINOR.PATCH` with an optional pre-release tag.
public struct SemanticVersion: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// Bumped when the content changes in substance: completions of older majors become stale.
    public var major: Int
    /// Bumped for additions that do not invalidate a completion.
    public var minor: Int
    /// Bumped for corrections.
    public var patch: Int
    /// The pre-release part after `-`, if any.
    public var prerelease: String?

    /// Makes a version from its parts.
    public init(_ major: Int, _ minor: Int, _ patch: Int, prerelease: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
    }

    /// Parses `1.2.3` or `1.2.3-beta.1`; nil when the text is not semver.
    public init?(_ text: String) {
        var core = Substring(text)
        var prerelease: String?
        if let dash = text.firstIndex(of: "-") {
            core = text[..<dash]
            let tag = String(text[text.index(after: dash)...])
            guard !tag.isEmpty,
                tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
            else { return nil }
            prerelease = tag
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part == "0" || !part.hasPrefix("0"), let number = Int(part)
            else { return nil }
            numbers.append(number)
        }
        self.init(numbers[0], numbers[1], numbers[2], prerelease: prerelease)
    }

    /// The version as written.
    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.map { "-\($0)" } ?? "")
    }

    /// Semver precedence (pre-release tags compare as text, which is enough for content).
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if lhs.major != rhs.major { return lhs.major < rhs.major }
        if lhs.minor != rhs.minor { return lhs.minor < rhs.minor }
        if lhs.patch != rhs.patch { return lhs.patch < rhs.patch }
        switch (lhs.prerelease, rhs.prerelease) {
        case (nil, nil), (nil, _?): return false
        case (_?, nil): return true
        case (let left?, let right?): return left < right
        }
    }

    /// Encodes as the version string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from a version string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = SemanticVersion(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a semantic version")
        }
        self = version
    }
}
