import Foundation

/// The parts the dossier and the certificate share as HTML: escaping, tables, links and one print style sheet.
enum PrintableHTML {
    /// Text made safe for element content and attribute values (the team report's one rule).
    static func escape(_ text: String) -> String { TeamReport.escape(text) }

    /// A table with a header row that repeats on every printed page.
    static func table(_ columns: [String], _ rows: [[Cell]], caption: String? = nil) -> String {
        var html = "<table>"
        if let caption { html += "<caption>\(escape(caption))</caption>" }
        html += "<thead><tr>" + columns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n"
        html += "<tbody>\n"
        for row in rows {
            html += "<tr>" + row.map(\.html).joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// One table cell: text (escaped here), a number, a date, or markup made by this file.
    struct Cell {
        var html: String

        /// Text, escaped.
        static func text(_ text: String, class name: String? = nil) -> Cell {
            Cell(html: "<td\(name.map { " class=\"\($0)\"" } ?? "")>\(escape(text))</td>")
        }

        /// A number, right-aligned.
        static func number(_ value: Int) -> Cell { Cell(html: "<td class=\"n\">\(value)</td>") }

        /// A date, kept on one line on screen.
        static func day(_ text: String) -> Cell { Cell(html: "<td class=\"d\">\(escape(text))</td>") }

        /// Markup already escaped by the caller.
        static func markup(_ html: String) -> Cell { Cell(html: "<td>\(html)</td>") }
    }

    /// A source: a link when it has an http(s) address, with the address written out for print.
    static func source(_ source: Source) -> String {
        guard let url = source.url else { return escape(source.title) }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return escape(source.title) + " (" + escape(url) + ")"
        }
        return "<a href=\"\(escape(url))\">\(escape(source.title))</a> <span class=\"url\">\(escape(url))</span>"
    }

    /// A whole page: no scripts (but for `data`, a JSON island nothing runs), no external assets, print rules.
    static func page(
        language: LanguageCode, title: String, style: String, body: String, data: String? = nil,
        dataID: String = "lernpfad-data"
    ) -> String {
        var island = ""
        if let data {
            island = "<script type=\"application/json\" id=\"\(escape(dataID))\">\(data)</script>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(escape(language.rawValue))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            \(baseStyle)\(style)</style>
            </head>
            <body>
            \(body)\(island)</body>
            </html>

            """
    }

    /// JSON that cannot end the script element it sits in, nor start a comment or entity: `<`, `>` and `&` only
    /// occur inside JSON strings, where `\u003c` and friends mean the same.
    static func jsonIsland(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
    }

    /// Styles for screen and print: tables never clip (long words break), header rows repeat, rows stay whole.
    static let baseStyle = """
        body { font-family: "DejaVu Sans", "Liberation Sans", system-ui, sans-serif; margin: 2rem; color: #1b1b1b;
          max-width: 60rem; line-height: 1.4; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1.05rem; }
        .meta { color: #555; }
        table { border-collapse: collapse; width: 100%; font-size: 0.88rem; margin: 0.4rem 0 1rem; }
        caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top;
          overflow-wrap: anywhere; }
        th { border-bottom: 2px solid #777; }
        td.n { text-align: right; }
        ul.objectives { margin: 0; padding-left: 1.1rem; }
        .url { color: #555; font-size: 0.8rem; overflow-wrap: anywhere; }
        .notice { border-left: 4px solid #8a5a00; padding: 0.4rem 0.8rem; background: #fff8e1; }
        .problem { border-left: 4px solid #b00020; padding: 0.4rem 0.8rem; background: #fdecea; }
        .ok { border-left: 4px solid #1b5e20; padding: 0.4rem 0.8rem; background: #e8f5e9; }
        @media screen { td.d { white-space: nowrap; } }
        @page { size: A4; margin: 15mm 14mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          h2, h3, caption { break-after: avoid; }
          tr, li { break-inside: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
          .notice, .problem, .ok { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
