import LernpfadUI
import Testing

@Suite("Markdown lists, quotes, code and rules")
struct MarkdownBlockTests {
    @Test func nestedBulletListsUseHangingIndents() {
        let markdown = """
            - Risiken erkennen und bewerten
            - Maßnahmen
              - technische Maßnahmen wie Protokollierung
                - Aufbewahrung der Protokolle
            - Schulung
            """
        #expect(
            rendered(markdown, width: 28) == """
                • Risiken erkennen und
                  bewerten
                • Maßnahmen
                  ◦ technische Maßnahmen wie
                    Protokollierung
                    ▪ Aufbewahrung der
                      Protokolle
                • Schulung
                """)
        #expect(style(of: "•", in: markdown)?.role == .accent)
    }

    @Test func orderedListsRightAlignTheirNumbers() {
        let markdown = """
            9. Neun
            10. Zehn mit einem längeren Text
                1. Unterpunkt
                2. Noch einer
            """
        #expect(
            rendered(markdown, width: 28) == """
                 9. Neun
                10. Zehn mit einem längeren
                    Text
                    1. Unterpunkt
                    2. Noch einer
                """)
    }

    @Test func listsNestToAnyDepth() {
        let markdown = (0..<6).map { String(repeating: "  ", count: $0) + "- Ebene \($0 + 1)" }.joined(separator: "\n")
        #expect(
            rendered(markdown, width: 40) == """
                • Ebene 1
                  ◦ Ebene 2
                    ▪ Ebene 3
                      ▪ Ebene 4
                        ▪ Ebene 5
                          ▪ Ebene 6
                """)
    }

    @Test func looseListsKeepEmptyLinesBetweenItems() {
        let markdown = """
            1) Erstens

            2) Zweitens, mit zwei Absätzen.

               Der zweite Absatz.
            """
        #expect(
            rendered(markdown, width: 32) == """
                1) Erstens

                2) Zweitens, mit zwei Absätzen.

                   Der zweite Absatz.
                """)
    }

    @Test func blockQuotesPutABarOnEveryWrappedLine() {
        let markdown = """
            > Die Betreiber ergreifen Maßnahmen, um ein ausreichendes Maß an KI-Kompetenz sicherzustellen.
            >
            > — Art. 4 KI-VO
            """
        #expect(
            rendered(markdown, width: 30) == """
                │ Die Betreiber ergreifen
                │ Maßnahmen, um ein
                │ ausreichendes Maß an
                │ KI-Kompetenz
                │ sicherzustellen.
                │
                │ — Art. 4 KI-VO
                """)
        #expect(style(of: "│", in: markdown) == CellStyle(role: .muted))
    }

    @Test func quotesAndListsNest() {
        let markdown = """
            > - Punkt im Zitat, der umbrechen muss
            >   > Zitat im Punkt
            """
        #expect(
            rendered(markdown, width: 24) == """
                │ • Punkt im Zitat, der
                │   umbrechen muss
                │   │ Zitat im Punkt
                """)
    }

    @Test func codeBlocksAreIndentedAndWrappedNotCut() {
        let markdown = """
            Aufruf:

            ```sh
            lernpfad validate Content

            lernpfad preview --lesson 01-what-is-ai --width 80
            ```

                eingerückter Code
            """
        #expect(
            rendered(markdown, width: 30) == """
                Aufruf:

                  lernpfad validate Content

                  lernpfad preview --lesson 01
                  -what-is-ai --width 80

                  eingerückter Code
                """)
        #expect(style(of: "lernpfad validate", in: markdown) == CellStyle(role: .code))
    }

    @Test func tabsInCodeBlocksBecomeSpaces() {
        #expect(rendered("```\nif x {\n\treturn\n}\n```", width: 30) == "  if x {\n      return\n  }")
    }

    @Test func thematicBreaksAreRulesAcrossTheWidth() {
        #expect(rendered("Oben\n\n---\n\nUnten", width: 12) == "Oben\n\n────────────\n\nUnten")
    }
}
