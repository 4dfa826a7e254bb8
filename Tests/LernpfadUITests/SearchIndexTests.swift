import Foundation
import LernpfadCore
import Testing

@testable import LernpfadUI

/// The indexed search finds exactly what reading every text would, in the same order, with the same snippets.
@Suite struct SearchIndexTests {
    /// A catalog of generated modules whose lessons reuse a small vocabulary with umlauts, so n-grams collide
    /// and many queries hit some lessons but not others.
    static func generated(modules: Int, seed: UInt64) -> (Catalog, [String: String]) {
        var random = SeededGenerator(seed: seed)
        let words = [
            "Risiko", "risk", "Übersicht", "Äpfel", "KI-System", "Aufsicht", "oversight", "Grundrechte", "Prüfung",
            "Anbieter", "Betreiber", "deployer", "log", "Protokoll", "Straße", "naïve", "café", "Modell", "model",
            "Agent", "Daten", "daten", "Verbot", "prohibited", "x", "ab", "bc", "abc",
        ]
        var texts: [String: String] = [:]
        var built: [Module] = []
        for number in 0..<modules {
            var lessons: [Lesson] = []
            for lessonNumber in 0..<3 {
                let id = "l\(lessonNumber)"
                let file = "m\(number)/\(id).de.md"
                let count = Int(random.next() % 300)
                let body = (0..<count).map { _ in words[Int(random.next() % UInt64(words.count))] }
                texts[file] = "# Kopf\n\n" + body.joined(separator: random.next() % 5 == 0 ? "\n\n- " : " ")
                let title = words[Int(random.next() % UInt64(words.count))] + " \(lessonNumber)"
                lessons.append(Lesson(id: id, title: LocalizedText([.german: title]), files: [.german: file]))
            }
            let title = LocalizedText([.german: "Modul \(number) " + words[number % words.count]])
            built.append(
                Module(
                    id: "m\(number)", version: SemanticVersion(1, 0, 0), title: title, summary: title, minutes: 5,
                    level: .basic, objectives: [], lessons: lessons))
        }
        let course = Course(
            id: "c", title: LocalizedText([.german: "K"]), languages: [.german], defaultLanguage: .german)
        return (Catalog(course: course, paths: [], modules: built, root: "/generated"), texts)
    }

    /// The search as it was before the n-gram index: every title, then every lesson text, read in full.
    static func reference(_ catalog: Catalog, _ texts: [String: String], _ query: String) -> [SearchIndex.Hit] {
        func fold(_ text: String) -> String {
            var folder = Folder()
            return folder.fold(text)
        }
        let needle = fold(query.trimmingCharacters(in: .whitespaces))
        guard needle.count >= 2 else { return [] }
        var titleHits: [SearchIndex.Hit] = []
        var textHits: [SearchIndex.Hit] = []
        var entries: [(module: Module, lesson: Lesson?)] = []
        for module in catalog.modules {
            entries.append((module, nil))
            for lesson in module.lessons { entries.append((module, lesson)) }
        }
        var titled = Set<Int>()
        for (number, entry) in entries.enumerated() {
            let moduleTitle = entry.module.title.text(in: .german)
            let title = entry.lesson.map { $0.title.text(in: .german) } ?? moduleTitle
            guard fold(title).contains(needle) else { continue }
            let label = entry.lesson.map { "\(moduleTitle) › \($0.title.text(in: .german))" } ?? moduleTitle
            titleHits.append(.init(module: entry.module.id, lesson: entry.lesson?.id, inText: false, label: label))
            titled.insert(number)
            if titleHits.count >= SearchIndex.maximumHits { return titleHits }
        }
        for (number, entry) in entries.enumerated() where !titled.contains(number) {
            guard let lesson = entry.lesson, titleHits.count + textHits.count < SearchIndex.maximumHits else {
                continue
            }
            let plain = PlainText.fromMarkdown(texts[lesson.files[.german]!] ?? "")
            let folded = Array(fold(plain).unicodeScalars)
            let pin = Array(needle.unicodeScalars)
            guard
                let start = (0...max(0, folded.count - pin.count)).first(where: { start in
                    folded.count >= pin.count && Array(folded[start..<(start + pin.count)]) == pin
                })
            else { continue }
            let scalars = Array(plain.unicodeScalars)
            let from = min(scalars.count, max(0, start - 25))
            let to = min(scalars.count, from + pin.count + 35 + min(25, start))
            var snippet = String(String.UnicodeScalarView(scalars[from..<to]))
            if from > 0 { snippet = "…" + snippet }
            if to < scalars.count { snippet += "…" }
            let label = "\(entry.module.title.text(in: .german)) › \(lesson.title.text(in: .german)): \(snippet)"
            textHits.append(.init(module: entry.module.id, lesson: lesson.id, inText: true, label: label))
        }
        return titleHits + textHits
    }

    @Test func findsWhatReadingEveryTextFinds() {
        let (catalog, texts) = Self.generated(modules: 40, seed: 7)
        let index = SearchIndex.build(catalog: catalog, language: .german) { texts[$0.files[.german]!] }
        let queries = [
            "ri", "ris", "risiko", "RISK", "ueb", "uber", "über", "aep", "apfel", "strasse", "straße", "naive", "cafe",
            "ki-sy", "x ", " x", "xab", "abc", "bca", "cab", "ab bc", "log pro", "protokoll daten", "zz", "qqq",
            "a", "", "  ", "modul 3", "modul 39", "agent daten verbot", "ëb",
        ]
        var compared = 0
        for query in queries {
            let expected = Self.reference(catalog, texts, query)
            #expect(index.search(query) == expected, "query \(query)")
            compared += expected.count
        }
        #expect(compared > 500, "the queries exercise the search: \(compared) hits in all")
    }

    @Test func aTextHitNeedsTheWholeQueryNotOnlyItsTrigrams() {
        // "abc bca" holds every trigram of "abca" but not "abca" itself.
        let (catalog, _) = Self.generated(modules: 1, seed: 1)
        let texts = Dictionary(uniqueKeysWithValues: catalog.modules[0].lessons.map { ($0.files[.german]!, "abc bca") })
        let index = SearchIndex.build(catalog: catalog, language: .german) { texts[$0.files[.german]!] }
        #expect(index.search("abca").isEmpty)
        #expect(index.search("bca abc").isEmpty)
        #expect(index.search("bc bc").count == 3)
    }
}
