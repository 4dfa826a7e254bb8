import LernpfadUI
import Testing

/// URLs are never hyphenated or broken inside a line (issue 15, point 9): one that does not fit starts a
/// line of its own, and one longer than a line is cut only at the ends of lines, without a `-`, so that
/// copying its lines gives the URL.
@Suite("URLs in wrapped text")
struct URLWrappingTests {
    static let urls = [
        "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        "https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:02024R1689-20260727",
        "https://www.bsi.bund.de/DE/Themen/Unternehmen-und-Organisationen/Informationen-und-Empfehlungen/"
            + "Kuenstliche-Intelligenz/kuenstliche-intelligenz_node.html",
        "https://example.org/a-b",
        "www.nist.gov/itl/ai-risk-management-framework",
    ]

    /// A lesson with each kind of URL: bare autolinks in prose and in brackets, a link whose target is
    /// shown, a link whose text is a URL, and one in a list.
    static let lesson = """
        # Quellen

        Die konsolidierte Fassung ist veröffentlicht (CELEX 02024R1689-20260727, auf EUR-Lex unter \
        \(urls[1])); die Termine folgen ihr.

        Siehe [Art. 4 KI-VO](\(urls[0])) und die Empfehlungen des BSI: \(urls[2]) sowie \
        [das Rahmenwerk](\(urls[4])).

        Kurz: [\(urls[3])](\(urls[3])) oder <\(urls[0])>.

        - Ein Punkt mit einem Verweis auf \(urls[1]) in einer Liste.
        """

    /// Where `url` is in `lines`: whole in one line, or from the start of a line (after an opening
    /// bracket) across lines that it fills to their last column, without any marker. `nil` says where it
    /// went wrong.
    static func placement(of url: String, in lines: [String], width: Int) -> String? {
        if lines.contains(where: { $0.contains(url) }) { return nil }
        var problem = "\(url) is not at the start of any line"
        // Several URLs may start alike: every line that starts with the URL's beginning is tried.
        for (index, line) in lines.enumerated() {
            let start = line.trimmingLeadingSpaces()
            let text = start.hasPrefix("(") ? String(start.dropFirst()) : start
            guard !text.isEmpty, url.hasPrefix(text) || text.hasPrefix(url) else { continue }
            if let failure = continuation(of: url, from: index, first: text, in: lines, width: width) {
                problem = failure
            } else {
                return nil
            }
        }
        return problem + ":\n" + lines.joined(separator: "\n")
    }

    /// Whether `url` starts line `index` (as `first`), fills every line it is cut at and goes on at the
    /// start of the next; `nil` if so.
    private static func continuation(
        of url: String, from index: Int, first: String, in lines: [String], width: Int
    ) -> String? {
        var rest = Substring(url)
        var row = index
        while !rest.isEmpty {
            guard row < lines.count else { return "\(url) ends after the last line" }
            let piece = Substring(row == index ? first : lines[row].trimmingLeadingSpaces())
            if piece.count >= rest.count {
                return piece.hasPrefix(rest) ? nil : "\(url) continues as \(piece) on line \(row)"
            }
            guard rest.hasPrefix(piece), lines[row].count == width else {
                return "\(url) is cut inside line \(row): \(lines[row])"
            }
            rest = rest.dropFirst(piece.count)
            row += 1
        }
        return nil
    }

    @Test(arguments: 20...80)
    func everyURLIsWholeOrCutOnlyAtLineEnds(width: Int) {
        let lines = MarkdownLayout.layout(Self.lesson, width: width).map(\.plainText)
        #expect(lines.allSatisfy { $0.count <= width })
        for url in Self.urls {
            let problem = Self.placement(of: url, in: lines, width: width)
            #expect(problem == nil, "width \(width): \(problem ?? "")")
        }
    }

    @Test func aURLThatDoesNotFitStartsTheNextLine() {
        // Twelve columns are left after "Quelle:", enough to start a long word, but a URL goes whole onto
        // the next line.
        #expect(
            rendered("Quelle: https://eur-lex.europa.eu/eli/reg/2024/1689/oj gilt.", width: 20) == """
                Quelle:
                https://eur-lex.euro
                pa.eu/eli/reg/2024/1
                689/oj gilt.
                """)
    }

    @Test func theTargetOfALinkIsAURLToo() {
        #expect(
            rendered("Siehe [EUR-Lex](https://eur-lex.europa.eu/eli/reg/2024/1689/oj).", width: 30) == """
                Siehe EUR-Lex
                (https://eur-lex.europa.eu/eli
                /reg/2024/1689/oj).
                """)
    }

    @Test func proseAroundURLsIsStillHyphenated() {
        #expect(
            rendered("Risikomanagementsystemanforderungen https://a.example", width: 20) == """
                Risikomanagementsys-
                temanforderungen
                https://a.example
                """)
    }

    @Test func aFourMegabyteURLLaysOutWholeWithoutMarkers() {
        let url = "https://example.org/" + String(repeating: "x", count: 4_000_000)
        let lines = MarkdownLayout.layout("Ein Verweis: <\(url)>", width: 80)
        #expect(lines.first?.plainText == "Ein Verweis:")
        #expect(lines.dropFirst().map(\.plainText).joined() == url)
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.width == 80 })
    }
}

extension String {
    fileprivate func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " })
    }
}
