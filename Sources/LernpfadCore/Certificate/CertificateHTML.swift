import Foundation

/// The certificate as one self-contained A4 page, with its data embedded for `verify-certificate`.
extension Certificate {
    /// The id of the JSON island the page carries.
    public static let dataID = "lernpfad-certificate"
    /// The id of the element that shows the code.
    static let codeID = "verification-code"

    /// The page in the certificate's language; `organisation` names the issuer when known.
    public func html(course: String, organisation: String?) -> String {
        let words = CertificateWording.for(language)
        let dates = words.dates
        let escape = PrintableHTML.escape
        var body = "<main>\n<p class=\"issuer\">\(escape(organisation ?? course))</p>\n"
        body += "<h1>\(escape(words.title))</h1>\n"
        body += "<p class=\"lead\">\(escape(words.confirms))</p>\n"
        body += "<p class=\"name\">\(escape(name)) <span class=\"id\">(\(escape(learner)))</span></p>\n"
        body += "<p class=\"lead\">\(escape(words.completedPath))</p>\n"
        body += "<p class=\"path\">\(escape(pathTitle))</p>\n"
        body += "<p class=\"meta\">\(escape(course))</p>\n"
        body += PrintableHTML.table(
            words.moduleColumns,
            modules.map { module in
                [
                    .text(module.title), .text(module.version?.description ?? ""),
                    .day(module.waived ? words.waived : dates.format(module.completed)),
                    module.score.map { .text(Self.percent($0), class: "n") } ?? .text(""),
                ]
            })
        if !milestones.isEmpty {
            body += PrintableHTML.table(
                words.milestoneColumns,
                milestones.map { [.text($0.title), .day(dates.format($0.attested)), .text($0.by ?? "")] })
        }
        body += "<dl>\n"
        body += "<dt>\(escape(words.completedOn))</dt><dd>\(escape(dates.format(completed)))</dd>\n"
        body += "<dt>\(escape(words.validUntil))</dt><dd>\(escape(dates.format(validUntil)))</dd>\n"
        body += "<dt>\(escape(words.issued))</dt><dd>\(escape(dates.format(issued)))</dd>\n"
        body += "</dl>\n"
        body +=
            "<div class=\"verify\">\n<p>\(escape(words.code)): <strong id=\"\(Self.codeID)\">\(escape(code))</strong></p>\n"
        var anchorText = words.anchor(anchor.events)
        if let head = anchor.head { anchorText += " · \(words.head) \(head.prefix(16))…" }
        anchorText += " · " + (anchor.seal.map { words.sealed("\($0.prefix(16))…") } ?? words.notSealed)
        body += "<p class=\"meta\">\(escape(anchorText))</p>\n"
        body += "<p class=\"meta\">\(escape(words.howToVerify))</p>\n</div>\n</main>\n"
        var json = (try? JSONCoding.encoder().encode(self)) ?? Data()
        json.append(0x0A)
        let style = """
            @page { size: A4; margin: 18mm 18mm; }
            body { max-width: 44rem; }
            main { border: 3px double #555; padding: 1.5rem 2rem; }
            .issuer { text-transform: uppercase; letter-spacing: 0.08em; color: #555; margin: 0; }
            h1 { font-size: 1.9rem; margin: 0.6rem 0 1rem; }
            .lead { margin: 0.3rem 0; }
            .name { font-size: 1.5rem; font-weight: bold; margin: 0.2rem 0 0.6rem; }
            .id { font-size: 1rem; font-weight: normal; color: #555; }
            .path { font-size: 1.25rem; font-weight: bold; margin: 0.2rem 0; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; } dd { margin: 0; }
            .verify { border-top: 1px solid #999; margin-top: 1rem; padding-top: 0.5rem; }
            #verification-code { font-family: "DejaVu Sans Mono", monospace; font-size: 1.1rem; }
            @media print { body { margin: 0; font-size: 10pt; } main { break-inside: avoid; } }

            """
        return PrintableHTML.page(
            language: language, title: "\(words.title): \(name) – \(pathTitle)", style: style, body: body,
            data: PrintableHTML.jsonIsland(json), dataID: Self.dataID)
    }

    /// Why a file is not a certificate this version can read.
    public struct ReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    /// The certificate embedded in a page, and the code the page shows.
    public static func read(html: String) throws(ReadFailure) -> (certificate: Certificate, shownCode: String?) {
        let opening = "<script type=\"application/json\" id=\"\(dataID)\">"
        guard let start = html.range(of: opening),
            let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
        else {
            throw ReadFailure(description: "no embedded certificate data (not made by lernpfad certificate)")
        }
        let json = Data(html[start.upperBound..<end.lowerBound].utf8)
        let certificate: Certificate
        do {
            certificate = try JSONCoding.decoder().decode(Certificate.self, from: json)
        } catch {
            throw ReadFailure(description: "the embedded certificate data cannot be read")
        }
        guard certificate.format == currentFormat else {
            throw ReadFailure(description: "certificate format \(certificate.format) is not known to this version")
        }
        var shown: String?
        let marker = "<strong id=\"\(codeID)\">"
        if let open = html.range(of: marker),
            let close = html.range(of: "</strong>", range: open.upperBound..<html.endIndex)
        {
            shown = String(html[open.upperBound..<close.lowerBound])
        }
        return (certificate, shown)
    }
}

/// The certificate's texts in one language; dates as ``TeamWording`` writes them.
struct CertificateWording: Sendable {
    let dates: TeamWording
    let title, confirms, completedPath, completedOn, validUntil, issued, code, head, notSealed, howToVerify,
        waived: String
    let moduleColumns: [String]
    let milestoneColumns: [String]
    let anchor: @Sendable (Int) -> String
    let sealed: @Sendable (String) -> String

    static func `for`(_ language: LanguageCode) -> CertificateWording { language == .german ? german : english }

    static let english = CertificateWording(
        dates: .english, title: "Certificate of AI literacy", confirms: "This certifies that",
        completedPath: "has completed the learning path", completedOn: "Completed", validUntil: "Valid until",
        issued: "Issued", code: "Verification code", head: "chain head", notSealed: "not sealed yet",
        howToVerify:
            "To check this certificate against the organisation's record: lernpfad verify-certificate FILE.",
        waived: "exempted", moduleColumns: ["module", "version", "completed", "score"],
        milestoneColumns: ["attested milestone", "on", "by"],
        anchor: { "Record: \($0) events" }, sealed: { "covered by seal \($0)" })

    static let german = CertificateWording(
        dates: .german, title: "Nachweis der KI-Kompetenz", confirms: "Hiermit wird bestätigt, dass",
        completedPath: "den Lernpfad abgeschlossen hat", completedOn: "Abgeschlossen", validUntil: "Gültig bis",
        issued: "Ausgestellt", code: "Prüfcode", head: "Kettenkopf", notSealed: "noch nicht versiegelt",
        howToVerify: "Abgleich mit den Aufzeichnungen der Organisation: lernpfad verify-certificate DATEI.",
        waived: "befreit", moduleColumns: ["Modul", "Version", "abgeschlossen", "Ergebnis"],
        milestoneColumns: ["bestätigter Meilenstein", "am", "von"],
        anchor: { "Aufzeichnung: \($0) Ereignisse" }, sealed: { "erfasst von Siegel \($0)" })
}
