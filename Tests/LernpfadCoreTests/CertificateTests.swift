import Foundation
import Testing

@testable import LernpfadCore

/// Issue 16, point 5: a certificate lists every module with version, date and score, carries a code tied to the
/// record, embeds its data safely, and names what differs when the record no longer supports it.
@Suite("Certificates")
struct CertificateTests {
    private let content = TemporaryFolder()
    private static let now = date("2026-11-21T12:00:00Z")

    private func catalog() -> Catalog {
        ContentFixture.write(into: content)
        return ContentFixture.load(content).catalog
    }

    private static func anna(name: String = "Anna Beispiel", roles: [String] = ["staff"]) -> LearnerRecord {
        var record = LearnerRecord(learner: LearnerProfile(id: "anna", name: name, team: "sales", roles: roles))
        record.events =
            ContentFixture.completion("basics", at: "2026-10-01T09:00:00Z", score: 0.9)
            + ContentFixture.completion("law", at: "2026-10-02T09:00:00Z", score: 0.75)
        return record
    }

    private func certificate(
        _ record: LearnerRecord = anna(), role: String? = "staff", language: LanguageCode = .english,
        anchor: Certificate.Anchor? = nil
    ) throws -> Certificate {
        try Certificate.make(
            record: record, role: role, catalog: catalog(), now: Self.now, language: language,
            anchor: anchor ?? Certificate.Anchor(events: record.events.count, head: "ab12", seal: "2026-11-20"))
    }

    @Test func listsEveryModuleWithVersionDateAndScore() throws {
        let certificate = try certificate()
        #expect(certificate.modules.map(\.id) == ["basics", "law"])
        #expect(certificate.modules.map(\.version) == [SemanticVersion(1, 0, 0), SemanticVersion(1, 0, 0)])
        #expect(certificate.modules.map(\.score) == [0.9, 0.75])
        #expect(certificate.modules.first?.completed == date("2026-10-01T09:00:00Z"))
        #expect(certificate.completed == date("2026-10-02T09:00:00Z"))
        #expect(certificate.validUntil == date("2027-10-01T09:00:00Z"), "the earliest module expiry")
        #expect(certificate.code.wholeMatch(of: /[0-9A-F]{4}(-[0-9A-F]{4}){3}/) != nil, "\(certificate.code)")
    }

    @Test func theCodeIsSHA256OverTheCertificatesLines() throws {
        let certificate = try certificate()
        #expect(Certificate.code(for: certificate) == certificate.code)
        var other = certificate
        other.anchor.head = "ab13"
        #expect(Certificate.code(for: other) != certificate.code, "the chain head is part of the code")
        other = certificate
        other.modules[1].score = 0.8
        #expect(Certificate.code(for: other) != certificate.code, "every score is part of the code")
        let german = try self.certificate(language: .german)
        #expect(german.code == certificate.code, "the language is not: the same certificate, the same code")
    }

    @Test func refusesAPathThatIsNotCompleted() throws {
        var record = Self.anna()
        record.events.removeLast(3)
        #expect(
            throws: Certificate.Refusal.notCompleted(
                learner: "anna", role: "staff", state: .inProgress, done: 1, total: 2)
        ) {
            try self.certificate(record)
        }
        let message = Certificate.Refusal.notCompleted(
            learner: "anna", role: "staff", state: .inProgress, done: 1, total: 2
        ).description
        #expect(message == "anna has not completed the path staff (in progress, 1/2 modules valid): no certificate")
    }

    @Test func aLearnerWithSeveralRolesChoosesAPath() throws {
        let record = Self.anna(roles: ["staff", "leader"])
        #expect(throws: Certificate.Refusal.choosePath(learner: "anna", roles: ["staff", "leader"])) {
            try self.certificate(record, role: nil)
        }
        #expect(throws: Certificate.Refusal.self) { try self.certificate(Self.anna(), role: "leader") }
        #expect(try certificate(Self.anna(), role: nil).role == "staff", "one role needs no --path")
    }

    @Test func thePageEmbedsItsDataAndReadsBack() throws {
        let certificate = try certificate(Self.anna(name: "</script><script>alert(1)</script> & Ö"))
        let html = certificate.html(course: "Test course", organisation: "Beispiel GmbH")
        #expect(html.components(separatedBy: "</script>").count == 2, "only the JSON island's own end tag")
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; Ö"))
        let (read, shown) = try Certificate.read(html: html)
        #expect(read == certificate && shown == certificate.code)
        #expect(html.contains("Valid until") && html.contains("1 October 2027") && html.contains("90%"))
        #expect(html.contains("Beispiel GmbH") && html.contains("covered by seal 2026-11-20…"))
    }

    @Test func thePageIsOneLanguageAndPrintsOnOneA4Page() throws {
        let html = try certificate(language: .german).html(course: "Testkurs", organisation: nil)
        #expect(html.contains("<html lang=\"de\">") && html.contains("Nachweis der KI-Kompetenz"))
        #expect(html.contains("Gültig bis") && html.contains("1. Oktober 2027") && !html.contains("Valid until"))
        #expect(html.contains("@page { size: A4;") && html.contains("main { break-inside: avoid; }"))
    }

    @Test func aPageWithoutDataIsNotACertificate() {
        #expect(throws: Certificate.ReadFailure.self) { try Certificate.read(html: "<html><body>hi</body></html>") }
        let broken = "<script type=\"application/json\" id=\"lernpfad-certificate\">{\"format\": 1}</script>"
        #expect(throws: Certificate.ReadFailure(description: "the embedded certificate data cannot be read")) {
            try Certificate.read(html: broken)
        }
    }

    @Test func laterLearningChangesNothingButAnEditedScoreIsNamed() throws {
        let issued = try certificate()
        var later = Self.anna()
        later.events.append(
            LearnerEvent(
                at: date("2026-11-25T09:00:00Z"), kind: .lessonOpened, module: "basics",
                moduleVersion: SemanticVersion(1, 0, 0), lesson: "01-intro"))
        let again = try Certificate.make(
            record: later, role: "staff", catalog: catalog(), now: issued.issued, language: .english,
            anchor: issued.anchor)
        #expect(issued.differences(from: again).isEmpty, "\(issued.differences(from: again))")

        var edited = Self.anna()
        edited.events[edited.events.count - 1].score = 1
        let derived = try Certificate.make(
            record: edited, role: "staff", catalog: catalog(), now: issued.issued, language: .english,
            anchor: issued.anchor)
        #expect(
            issued.differences(from: derived) == ["module law score: 75% on the certificate, 100% in the data folder"])
        var moved = issued.anchor
        moved.head = "ff00"
        let rehashed = try Certificate.make(
            record: Self.anna(), role: "staff", catalog: catalog(), now: issued.issued, language: .english,
            anchor: moved)
        #expect(issued.differences(from: rehashed) == ["chain head: ab12 on the certificate, ff00 in the data folder"])
    }
}
