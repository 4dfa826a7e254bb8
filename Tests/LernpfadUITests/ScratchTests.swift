import Testing

@testable import LernpfadUI

@Test func scratch() {
    let samples: [(String, Int)] = [
        (
            "Die Verordnung verlangt ein Risikomanagementsystemanforderungen-Dokument für jedes Hochrisiko-KI-System.",
            20
        ),
        ("# Was ist KI?\n\nText hier.\n\n## Risiken\n\n### Details\n\nMehr.", 30),
        (
            "- Erstens ein langer Punkt der umbricht\n- Zweitens\n  - Unterpunkt mit viel Text darin\n    - Tiefer\n- Drittens\n\n1. Eins\n2. Zwei mit langem Text der umbricht\n   1. Zwei-a\n10. Zehn",
            30
        ),
        ("> Ein Zitat, das über mehrere Zeilen umbrechen muss, weil es lang ist.\n>\n> Zweiter Absatz.", 30),
        ("```swift\nlet x = 1\n\nprint(\"a very long line that will need to wrap somewhere\")\n```", 30),
        (
            "| Rolle | Pflicht | Frist |\n|---|---|--:|\n| Betreiber | KI-Kompetenz sicherstellen | 2. Feb. 2025 |\n| Anbieter | Risikomanagementsystem | 2. Aug. 2026 |",
            80
        ),
        (
            "| Rolle | Pflicht | Frist |\n|---|---|--:|\n| Betreiber | KI-Kompetenz sicherstellen | 2. Feb. 2025 |\n| Anbieter | Risikomanagementsystem | 2. Aug. 2026 |",
            36
        ),
        (
            "| Rolle | Pflicht | Frist |\n|---|---|--:|\n| Betreiber | KI-Kompetenz sicherstellen | 2. Feb. 2025 |\n| Anbieter | Risikomanagementsystem | 2. Aug. 2026 |",
            16
        ),
        (
            "Siehe [EUR-Lex](https://eur-lex.europa.eu/eli/reg/2024/1689/oj) und <https://www.bsi.bund.de> oder www.nist.gov. ![Logo](x.png) <b>html</b> ~~alt~~ `code x` *kursiv* **fett**",
            40
        ),
    ]
    for (markdown, width) in samples {
        print("----- width \(width)")
        for line in MarkdownLayout.layout(markdown, width: width) {
            print("|" + line.plainText + "|", line.width)
        }
    }
}
