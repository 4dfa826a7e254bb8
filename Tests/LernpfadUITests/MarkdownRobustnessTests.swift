import Foundation
import LernpfadUI
import Testing

@Suite("Markdown layout at any width and size")
struct MarkdownRobustnessTests {
    static let lesson = """
        # Risikomanagement nach Art. 9 KI-VO

        Anbieter von **Hochrisiko-KI-Systemen** richten ein *Risikomanagementsystem* ein, siehe \
        [EUR-Lex](https://eur-lex.europa.eu/eli/reg/2024/1689/oj). Dazu gehören `logging.level = debug` und \
        Überwachungsanforderungen.

        ## Schritte

        1. Risiken ermitteln
           - bekannte und vorhersehbare Risiken
             - für Gesundheit, Sicherheit und Grundrechte
        2. Risiken bewerten und Maßnahmen treffen

        > **Hinweis:** Restrisiken müssen vertretbar sein.
        > > Verschachteltes Zitat mit 日本語 und 😀.

        ```
        risk = likelihood * impact   # eine sehr lange Codezeile, die umbrochen werden muss
        ```

        | Stufe | Beschreibung | Beispiel |
        |---|:-:|--:|
        | unannehmbar | verboten | Social Scoring |
        | hoch | strenge Pflichten | Bewerberauswahl |

        ---

        ![Diagramm](risiko.png) Ende.
        """

    @Test func noLineIsWiderThanTheWidthAtAnyWidth() {
        for width in 1...100 {
            let lines = MarkdownLayout.layout(Self.lesson, width: width)
            #expect(!lines.isEmpty)
            for line in lines {
                #expect(line.width <= width, "width \(width): \(line.plainText)")
                #expect(line.width == DisplayWidth.of(line.plainText))
            }
        }
    }

    @Test func noWidthOrNoTextGivesNoLines() {
        #expect(MarkdownLayout.layout(Self.lesson, width: 0).isEmpty)
        #expect(MarkdownLayout.layout(Self.lesson, width: -5).isEmpty)
        #expect(MarkdownLayout.layout("", width: 40).isEmpty)
        #expect(MarkdownLayout.layout("<!-- nur ein Kommentar -->", width: 40).isEmpty)
    }

    @Test func wideCharactersOnAOneColumnLineBecomeEllipses() {
        #expect(rendered("日本", width: 1) == "…\n…")
        #expect(rendered("a日", width: 2) == "a-\n日")
    }

    @Test func deeplyNestedInputNeitherCrashesNorOverflows() {
        let quotes = String(repeating: "> ", count: 500) + "tief"
        let lists = (0..<200).map { String(repeating: "  ", count: $0) + "- Ebene" }.joined(separator: "\n")
        let emphasis = String(repeating: "*", count: 300) + "x" + String(repeating: "*", count: 300)
        for markdown in [quotes, lists, emphasis] {
            for width in [1, 5, 40] {
                let lines = MarkdownLayout.layout(markdown, width: width)
                #expect(lines.allSatisfy { $0.width <= width })
                let text = lines.map(\.plainText).joined().filter { !"│•◦▪ -".contains($0) }
                #expect(text.contains(markdown == emphasis ? "x" : markdown == lists ? "Ebene" : "tief"))
            }
        }
        #expect(rendered(quotes, width: 40).hasSuffix("tief"))
        #expect(rendered(lists, width: 80).hasSuffix("Ebene"))
    }

    @Test func concurrentLayoutsGiveTheSameResult() async {
        let markdown = String(repeating: Self.lesson + "\n\nMit ~~durchgestrichen~~ und | Pipe.\n\n", count: 20)
        let expected = MarkdownLayout.layout(markdown, width: 60)
        let results = await withTaskGroup(of: [StyledLine].self) { group in
            for _ in 0..<8 {
                group.addTask { MarkdownLayout.layout(markdown, width: 60) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        for result in results { #expect(result == expected) }
    }

    @Test func aLongLessonLaysOutWithoutQuadraticSlowdown() {
        let paragraph = """
            Betreiber von Hochrisiko-KI-Systemen überwachen den Betrieb anhand der Betriebsanleitung und \
            informieren die Anbieter, wenn sie Grund zur Annahme haben, dass ein Risiko besteht. „Zitat“ – Ende.
            """
        var blocks: [String] = []
        for index in 0..<750 {
            blocks.append("## Abschnitt \(index)")
            blocks.append(paragraph)
            blocks.append("- Punkt eins mit **fett**\n- Punkt zwei mit `code`")
            blocks.append("| a | b |\n|---|---|\n| \(index) | Wert mit Text |")
        }
        let markdown = blocks.joined(separator: "\n\n")
        #expect(markdown.split(separator: "\n").count >= 5_000)
        let start = Date()
        let lesson = MarkdownLayout.layoutLesson(markdown, width: 80)
        let seconds = Date().timeIntervalSince(start)
        #expect(lesson.headings.count == 750)
        #expect(lesson.lines.count > 7_500)
        // Release builds take a few tens of milliseconds; this generous bound for debug builds
        // only catches quadratic behaviour.
        #expect(seconds < 5, "took \(seconds) s")
    }
}
