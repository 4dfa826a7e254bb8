import Foundation
import Testing

@testable import LernpfadCore

/// Issue 16, item 7: `due` lists what is overdue or falls due within a horizon, and writes RFC 5322 reminders.
@Suite("Due report and mail")
struct DueReportTests {
    private let folder = TemporaryFolder()
    private static let now = date("2026-11-21T12:00:00Z")

    /// The fixture course with a first-completion deadline of three months on the staff path.
    private func catalog() -> Catalog {
        ContentFixture.write(into: folder)
        folder.write("paths/staff.yaml", ContentFixture.staffPath + "due_within: P3M\n")
        return ContentFixture.load(folder).catalog
    }

    private static func learner(
        _ id: String, name: String, enrolled: String, language: LanguageCode? = nil, email: String? = nil,
        events: [LearnerEvent] = []
    ) -> LearnerRecord {
        var record = LearnerRecord.enrolling(
            LearnerProfile(id: id, name: name, team: "sales", roles: ["staff"], language: language), at: date(enrolled))
        record.learner.email = email
        record.events += events
        return record
    }

    @Test func listsOverdueFirstAndWhatFallsDueWithinTheHorizon() throws {
        let catalog = catalog()
        let records = [
            // Enrolled 2026-09-01: the deadline 2026-12-01 is 10 days ahead.
            Self.learner("bea", name: "Bea", enrolled: "2026-09-01T12:00:00Z"),
            // Enrolled 2026-08-01: overdue since 2026-11-01.
            Self.learner("al", name: "Al", enrolled: "2026-08-01T12:00:00Z"),
            // Enrolled yesterday: nothing due for three months.
            Self.learner("cy", name: "Cy", enrolled: "2026-11-20T12:00:00Z"),
        ]
        let report = DueReport(records: records, catalog: catalog, now: Self.now, within: ISODuration(days: 30))
        #expect(report.learners.map(\.id) == ["al", "bea"])
        let al = try #require(report.learners.first)
        #expect(al.items.map(\.id) == ["basics", "law"])
        #expect(al.items.first?.state == .overdue)
        #expect(al.items.first?.daysLeft == -20)
        #expect(al.items.first?.rule == .firstCompletionDeadlinePassed)
        #expect(report.learners.last?.items.first?.daysLeft == 10)
        #expect(
            report.text.contains("! basics                   overdue · overdue for 20 days (since 2026-11-01)"),
            "\(report.text)")
        #expect(
            report.text.contains("\n  · basics                   not started · due in 10 days (2026-12-01)"),
            "\(report.text)")
        let wider = DueReport(records: records, catalog: catalog, now: Self.now, within: ISODuration(months: 4))
        #expect(wider.learners.map(\.id) == ["al", "bea", "cy"])
        let none = DueReport(
            records: records, catalog: catalog, now: Self.now, within: ISODuration(days: 30), team: "hr")
        #expect(none.text.hasPrefix("nothing due as of 2026-11-21T12:00:00.000Z within P30D · team hr"))
    }

    @Test func aWaiverCoversAndItsEndFallsDue() throws {
        let catalog = catalog()
        let waiver = LearnerEvent(
            at: date("2026-09-02T12:00:00Z"), kind: .waived, by: "ben", role: "staff", reason: "parental leave",
            until: date("2026-12-05T23:59:59.999Z"))
        let record = Self.learner("al", name: "Al", enrolled: "2026-08-01T12:00:00Z", events: [waiver])
        let soon = DueReport(records: [record], catalog: catalog, now: Self.now, within: ISODuration(days: 30))
        let item = try #require(soon.learners.first?.items.first)
        #expect(item.state == .waived)
        #expect(item.waiver?.reason == "parental leave")
        #expect(soon.text.contains("waived · waiver ends in 15 days (2026-12-05)"), "\(soon.text)")
        let short = DueReport(records: [record], catalog: catalog, now: Self.now, within: ISODuration(days: 7))
        #expect(short.learners.isEmpty, "a waiver in force covers the deadline that passed")
    }

    @Test func theMailIsRFC5322InTheLearnersLanguage() throws {
        let catalog = catalog()
        let record = Self.learner(
            "al", name: "Jörg \"JJ\" Ärger\r\nBcc: evil@example.com", enrolled: "2026-08-01T12:00:00Z",
            language: .german, email: "al@example.org")
        let report = DueReport(records: [record], catalog: catalog, now: Self.now, within: ISODuration(days: 30))
        let learner = try #require(report.learners.first)
        let message = DueMail.message(
            for: learner, to: try #require(MailAddress("al@example.org")),
            from: try #require(MailAddress(parsing: "Lernpfad Admin <admin@example.org>")),
            date: date("2026-11-21T12:30:00Z"), asOf: Self.now, course: "KI-Kompetenz")
        let (head, body) = try #require(
            message.range(of: "\r\n\r\n").map { (String(message[..<$0.lowerBound]), String(message[$0.upperBound...])) }
        )
        // Every line ends in CRLF; no bare LF or CR anywhere.
        #expect(!message.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!message.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let headers = head.components(separatedBy: "\r\n")
        #expect(!headers.contains { $0.hasPrefix("Bcc") }, "a name never starts a header")
        #expect(headers.contains("From: \"Lernpfad Admin\" <admin@example.org>"))
        #expect(headers.contains("Date: Sat, 21 Nov 2026 12:30:00 +0000"))
        #expect(headers.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(headers.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(headers.contains("MIME-Version: 1.0"))
        #expect(headers.contains { $0.hasPrefix("Message-ID: <") && $0.hasSuffix("@example.org>") })
        #expect(headers.contains { $0.hasPrefix("Subject: =?utf-8?B?") }, "the umlaut of überfällig is encoded")
        #expect(headers.allSatisfy { $0.utf8.count <= 78 && $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(headers)")
        #expect(body.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(body.contains("Hallo J=C3=B6rg"), "\(body)")
    }

    @Test func encodedWordsAndQuotedPrintableDecodeBack() throws {
        let subject = String(repeating: "Überfällige Module für Jürgen ", count: 4)
        let words = MailMessage.encodedWords(subject)
        #expect(words.allSatisfy { $0.count <= 75 })
        let decoded = words.map { word -> String in
            let base64 = word.dropFirst("=?utf-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64))!, as: UTF8.self)
        }.joined()
        #expect(decoded == subject)
        #expect(MailMessage.quotedPrintable("a = b \nü\t") == "a =3D b=20\r\n=C3=BC=09\r\n")
        #expect(MailMessage.headerText("A\r\nBcc: x\u{1B}[31m") == "A Bcc: x")
        #expect(MailAddress("anna@example.org") != nil)
        for bad in [
            "anna", "a b@example.org", "anna@exa mple.org", "anna@example.org\r\nBcc: x@y", "<a@b>", "ä@b.de", ".a@b",
        ] {
            #expect(MailAddress(bad) == nil, "\(bad)")
        }
    }
}
