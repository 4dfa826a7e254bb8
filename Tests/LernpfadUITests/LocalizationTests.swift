import Foundation
import LernpfadCore
import Testing

@testable import LernpfadUI

/// One table holds every phrase of the interface in both languages, and no screen mixes them.
@Suite("Localization")
struct LocalizationTests {
    static let german = Localizer(.german)
    static let english = Localizer(.english)

    /// Phrases that read the same in both languages.
    static let same: Set<String> = ["lernpfad", "Team", "1–9 a–h", "Start", "Name"]

    static func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{[0-9]\}/).map { String($0.output) })
    }

    @Test func everyPhraseExistsInBothLanguagesWithTheSamePlaceholders() {
        for phrase in Phrase.allCases {
            let de = Self.german(phrase)
            let en = Self.english(phrase)
            #expect(!de.isEmpty && !en.isEmpty, "\(phrase)")
            #expect(Self.placeholders(de) == Self.placeholders(en), "\(phrase): \(de) / \(en)")
            if de == en { #expect(Self.same.contains(de), "\(phrase) reads '\(de)' in both languages") }
        }
    }

    /// Phrases distinctive enough to find in a frame: the words of the other language must not appear.
    static func distinctive(_ localizer: Localizer, other: Localizer) -> [String] {
        Phrase.allCases.map { localizer($0) }.filter { text in
            text.count >= 8 && !text.contains("{") && !Phrase.allCases.contains { other($0) == text }
        }
    }

    static let journeys = [
        "", "jj<enter>", "jj<enter>w", "jj<enter><enter>", "jj<enter><enter><enter>", "jj<enter><enter>G<enter>",
        "jjjj<enter>", "jjjj<enter>ff<enter>", "?", "/ki",
    ]

    @Test(arguments: [LanguageCode.german, .english])
    func noScreenShowsTheOtherLanguage(_ language: LanguageCode) {
        let other = language == .german ? Self.english : Self.german
        let own = Localizer(language)
        let foreign = Self.distinctive(other, other: own)
        #expect(foreign.count > 100, "enough of the other language's phrases to look for")
        for keys in Self.journeys {
            let frame = UIFixture.screen(keys, width: 120, height: 40, record: UIFixture.record(language: language))
                .joined(separator: "\n")
            for text in foreign {
                #expect(!frame.contains(text), "--keys '\(keys)' in \(language.rawValue) shows '\(text)'")
            }
        }
    }
}
