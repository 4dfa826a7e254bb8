import LernpfadUI
import Testing

@Suite("Markdown paragraphs, headings and inline styles")
struct MarkdownParagraphTests {
    @Test func germanParagraphWithALongCompoundWrapsAtWidth20() {
        let markdown = """
            Betreiber müssen die Risikomanagementsystemanforderungen kennen und in der
            KI-Kompetenzschulung dokumentieren.
            """
        #expect(
            rendered(markdown, width: 20) == """
                Betreiber müssen die
                Risikomanagementsys-
                temanforderungen
                kennen und in der
                KI-Kompetenzschulung
                dokumentieren.
                """)
    }

    @Test func aLongWordIsBrokenAfterItsOwnHyphenFirst() {
        #expect(
            rendered("Das Hochrisiko-KI-System-Register gilt.", width: 16) == """
                Das Hochrisiko-
                KI-System-
                Register gilt.
                """)
    }

    @Test func shortPrefixesBeforeAHyphenMoveWithTheirWord() {
        #expect(
            rendered("Lernpfad für KI-Beauftragte", width: 24) == """
                Lernpfad für
                KI-Beauftragte
                """)
    }

    @Test func noTextIsLostAtAnyWidth() {
        let markdown = "Die Risikomanagementsystemanforderungen der KI-Verordnung (EU) 2024/1689 gelten."
        let letters = markdown.filter { $0 != " " && $0 != "-" }
        for width in 1...40 {
            let lines = MarkdownLayout.layout(markdown, width: width)
            #expect(lines.allSatisfy { $0.width <= width }, "width \(width)")
            let text = lines.map(\.plainText).joined().filter { $0 != " " && $0 != "-" }
            #expect(text == letters, "width \(width)")
        }
    }

    @Test func softBreaksAreSpacesAndHardBreaksAreNewLines() {
        #expect(rendered("eins\nzwei  \ndrei\\\nvier", width: 40) == "eins zwei\ndrei\nvier")
        #expect(rendered("Zeile<br>nächste", width: 40) == "Zeile\nnächste")
    }

    @Test func headingsAreSeparatedByEmptyLinesAndH1IsUnderlined() {
        let markdown = """
            # Was ist KI?
            Ein Absatz.
            ## Pflichten
            ### Artikel 4
            Text.
            """
        #expect(
            rendered(markdown, width: 30) == """
                Was ist KI?
                ═══════════

                Ein Absatz.

                Pflichten

                Artikel 4

                Text.
                """)
        #expect(style(of: "Was ist KI?", in: markdown) == CellStyle(attributes: .bold, role: .heading))
        #expect(style(of: "Pflichten", in: markdown) == CellStyle(attributes: .bold, role: .heading))
        #expect(style(of: "Artikel 4", in: markdown) == CellStyle(attributes: .bold, role: .normal))
    }

    @Test func layoutLessonReportsWhereHeadingsAre() {
        let markdown = """
            # Lernpfad für KI-Beauftragte

            Einleitung.

            > ## Im Zitat

            - Punkt

              ### In der Liste
            """
        let lesson = MarkdownLayout.layoutLesson(markdown, width: 24)
        #expect(
            lesson.lines.map(\.plainText) == [
                "Lernpfad für", "KI-Beauftragte", "══════════════", "", "Einleitung.", "", "│ Im Zitat", "",
                "• Punkt", "", "  In der Liste",
            ])
        #expect(
            lesson.headings == [
                LessonHeading(line: 0, level: 1, title: "Lernpfad für KI-Beauftragte"),
                LessonHeading(line: 6, level: 2, title: "Im Zitat"),
                LessonHeading(line: 10, level: 3, title: "In der Liste"),
            ])
        #expect(lesson.width == 24)
    }

    @Test func inlineStylesBecomeAttributesAndRoles() {
        let markdown = "Normal **fett** *kursiv* `code` ~~alt~~ ***beides***"
        #expect(rendered(markdown, width: 80) == "Normal fett kursiv code alt beides")
        #expect(style(of: "Normal", in: markdown) == .plain)
        #expect(style(of: "fett", in: markdown) == CellStyle(attributes: .bold))
        #expect(style(of: "kursiv", in: markdown) == CellStyle(attributes: .italic))
        #expect(style(of: "code", in: markdown) == CellStyle(role: .code))
        #expect(style(of: "alt", in: markdown) == CellStyle(attributes: .dim))
        #expect(style(of: "beides", in: markdown) == CellStyle(attributes: [.bold, .italic]))
    }

    @Test func linksShowTheirTargetOnceInMuted() {
        let markdown = """
            Siehe [Art. 4 KI-VO](https://eur-lex.europa.eu/eli/reg/2024/1689/oj), \
            <https://www.bsi.bund.de> und www.nist.gov.
            """
        #expect(
            rendered(markdown, width: 40) == """
                Siehe Art. 4 KI-VO
                (https://eur-lex.europa.eu/eli/reg/2024/
                1689/oj), https://www.bsi.bund.de und
                www.nist.gov.
                """)
        #expect(style(of: "Art. 4", in: markdown)?.role == .link)
        #expect(style(of: "(https://eur-lex", in: markdown) == CellStyle(role: .muted))
        #expect(style(of: "https://www.bsi", in: markdown)?.role == .link)
    }

    @Test func imagesShowTheirAltTextAndRawHTMLIsDropped() {
        let markdown = """
            Vorher ![Ablauf der Prüfung](ablauf.png) nachher <span style="x">sichtbar</span>.

            <div>
            <script>alert(1)</script>
            </div>

            Ende.
            """
        #expect(
            rendered(markdown, width: 80) == """
                Vorher [image: Ablauf der Prüfung] nachher sichtbar.

                Ende.
                """)
    }

    @Test func escapeSequencesInContentNeverReachTheOutput() {
        let markdown = "# Titel\u{1B}[2J\n\nText \u{1B}]0;x\u{07}mit\u{9B}31m Farbe\u{07}\n\n```\ncode\u{1B}[0m\n```"
        let text = rendered(markdown, width: 40)
        #expect(text == "Titel\n═════\n\nText mit Farbe\n\n  code")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
