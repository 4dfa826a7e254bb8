import LernpfadUI
import Testing

@Suite("Markdown tables")
struct MarkdownTableTests {
    static let duties = """
        | Rolle | Pflicht | Frist |
        |---|---|--:|
        | Betreiber | KI-Kompetenz sicherstellen | 2. Feb. 2025 |
        | Anbieter | Risikomanagementsystem | 2. Aug. 2026 |
        """

    @Test func tableAtFullWidthUsesContentWidths() {
        #expect(
            rendered(Self.duties, width: 80) == """
                ┌───────────┬────────────────────────────┬──────────────┐
                │ Rolle     │ Pflicht                    │        Frist │
                ├───────────┼────────────────────────────┼──────────────┤
                │ Betreiber │ KI-Kompetenz sicherstellen │ 2. Feb. 2025 │
                │ Anbieter  │ Risikomanagementsystem     │ 2. Aug. 2026 │
                └───────────┴────────────────────────────┴──────────────┘
                """)
        #expect(style(of: "Rolle", in: Self.duties) == CellStyle(attributes: .bold))
        #expect(style(of: "Betreiber", in: Self.duties) == .plain)
        #expect(style(of: "┌", in: Self.duties) == CellStyle(role: .muted))
    }

    @Test func narrowTableShrinksColumnsAndWrapsCells() {
        #expect(
            rendered(Self.duties, width: 36) == """
                ┌───────────┬──────────────┬───────┐
                │ Rolle     │ Pflicht      │ Frist │
                ├───────────┼──────────────┼───────┤
                │ Betreiber │ KI-Kompetenz │    2. │
                │           │ sicherstel-  │  Feb. │
                │           │ len          │  2025 │
                ├───────────┼──────────────┼───────┤
                │ Anbieter  │ Risikomanag- │    2. │
                │           │ ementsystem  │  Aug. │
                │           │              │  2026 │
                └───────────┴──────────────┴───────┘
                """)
    }

    @Test func columnsKeepWholeWordsWhileThereIsRoom() {
        #expect(
            rendered(Self.duties, width: 48) == """
                ┌───────────┬────────────────────────┬─────────┐
                │ Rolle     │ Pflicht                │   Frist │
                ├───────────┼────────────────────────┼─────────┤
                │ Betreiber │ KI-Kompetenz           │ 2. Feb. │
                │           │ sicherstellen          │    2025 │
                ├───────────┼────────────────────────┼─────────┤
                │ Anbieter  │ Risikomanagementsystem │ 2. Aug. │
                │           │                        │    2026 │
                └───────────┴────────────────────────┴─────────┘
                """)
    }

    @Test func tablesFitEveryWidthFrom20WithIntactBoxes() {
        for width in 20...90 {
            let lines = MarkdownLayout.layout(Self.duties, width: width).map(\.plainText)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width)")
            #expect(lines.first?.first == "┌" && lines.first?.last == "┐", "width \(width)")
            #expect(lines.last?.first == "└" && lines.last?.last == "┘", "width \(width)")
            let lineWidths = Set(lines.map { DisplayWidth.of($0) })
            #expect(lineWidths.count == 1, "width \(width): ragged table")
            for line in lines.dropFirst().dropLast() {
                #expect(["│", "├"].contains(line.first) && ["│", "┤"].contains(line.last), "width \(width): \(line)")
            }
        }
    }

    @Test func belowWidth20TablesBecomeKeyValueLists() {
        #expect(
            rendered(Self.duties, width: 16) == """
                Rolle: Betreiber
                Pflicht:
                  KI-Kompetenz
                  sicherstellen
                Frist: 2. Feb.
                  2025

                Rolle: Anbieter
                Pflicht: Risiko-
                  managementsys-
                  tem
                Frist: 2. Aug.
                  2026
                """)
        #expect(style(of: "Rolle", in: Self.duties, width: 16) == CellStyle(attributes: .bold))
    }

    @Test func tooManyColumnsForTheWidthAlsoBecomeKeyValueLists() {
        let markdown = """
            | A | B | C | D | E | F |
            |---|---|---|---|---|---|
            | eins | zwei | drei | vier | fünf | sechs |
            """
        #expect(widestLine(markdown, width: 30) <= 30)
        #expect(
            rendered(markdown, width: 30) == """
                A: eins
                B: zwei
                C: drei
                D: vier
                E: fünf
                F: sechs
                """)
    }

    @Test func cellsKeepInlineStylesAndAlignment() {
        let markdown = """
            | Begriff | Wert |
            |:-:|---|
            | **KI** | `0.8` |
            | lang und breit | x |
            """
        #expect(
            rendered(markdown, width: 40) == """
                ┌────────────────┬──────┐
                │    Begriff     │ Wert │
                ├────────────────┼──────┤
                │       KI       │ 0.8  │
                │ lang und breit │ x    │
                └────────────────┴──────┘
                """)
        #expect(style(of: "0.8", in: markdown) == CellStyle(role: .code))
    }

    @Test func missingCellsAreEmpty() {
        let markdown = "| a | b |\n|---|---|\n| nur eins |"
        #expect(
            rendered(markdown, width: 40) == """
                ┌──────────┬───┐
                │ a        │ b │
                ├──────────┼───┤
                │ nur eins │   │
                └──────────┴───┘
                """)
    }
}
