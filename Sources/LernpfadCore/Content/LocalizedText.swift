/// A text in every course language: either one string for all, or one per language.
public struct LocalizedText: Hashable, Sendable, Codable {
    /// The text per language; a text that is the same everywhere has one entry under `nil`.
    public private(set) var translations: [LanguageCode: String]
    private var universal: String?

    /// The same text in every language.
    public init(_ text: String) {
        translations = [:]
        universal = text
    }

    /// One text per language.
    public init(_ translations: [LanguageCode: String]) {
        self.translations = translations
        universal = nil
    }

    /// The text in `language`, else the first language that has one, else "".
    public func text(in language: LanguageCode, fallback: LanguageCode? = nil) -> String {
        if let universal { return universal }
        if let text = translations[language] { return text }
        if let fallback, let text = translations[fallback] { return text }
        return translations.keys.sorted().first.flatMap { translations[$0] } ?? ""
    }

    /// The languages this text lacks among `required`.
    public func missingLanguages(among required: [LanguageCode]) -> [LanguageCode] {
        guard universal == nil else { return [] }
        return required.filter { translations[$0] == nil }
    }

    /// Encodes as a plain string or a language map, as in the content files.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let universal {
            try container.encode(universal)
        } else {
            try container.encode(Dictionary(uniqueKeysWithValues: translations.map { ($0.key.rawValue, $0.value) }))
        }
    }

    /// Decodes a plain string or a language map.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.init(text)
        } else {
            let map = try container.decode([String: String].self)
            self.init(Dictionary(uniqueKeysWithValues: map.map { (LanguageCode(rawValue: $0.key), $0.value) }))
        }
    }
}
