import Foundation
import Testing

@testable import LernpfadCore

/// Issue 16, point 4: the Art. 4 dossier reads organisation.yaml with located diagnostics, takes every state from
/// the one derivation, says plainly what is missing, and escapes every data string in HTML and Markdown.
@Suite("Art. 4 dossier")
struct DossierTests {
    private let content = TemporaryFolder()
    private let data = TemporaryFolder()
    private static let now = date("2026-11-21T12:00:00Z")

    private func catalog() -> Catalog {
        ContentFixture.write(into: content)
        return ContentFixture.load(content).catalog
    }

    private static func learner(
        _ id: String, name: String? = nil, team: String?, _ events: [LearnerEvent] = []
    ) -> LearnerRecord {
        var record = LearnerRecord(
            learner: LearnerProfile(id: id, name: name ?? id.capitalized, team: team, roles: ["staff"]))
        record.events = events
        return record
    }

    /// Anna: both modules valid; Ben: basics ran out 14 days ago; Cem: nothing yet; Dora (no team): started.
    private static let team = [
        learner(
            "anna", team: "sales",
            ContentFixture.completion("basics", at: "2026-10-01T09:00:00Z", score: 0.9)
                + ContentFixture.completion("law", at: "2026-10-02T09:00:00Z")),
        learner(
            "ben", team: "sales",
            ContentFixture.completion("basics", at: "2025-11-07T12:00:00Z")
                + ContentFixture.completion("law", at: "2026-06-01T12:00:00Z")),
        learner("cem", team: "hr"),
        learner(
            "dora", team: nil,
            [
                LearnerEvent(
                    at: date("2026-11-01T10:00:00Z"), kind: .lessonCompleted, module: "basics",
                    moduleVersion: SemanticVersion(1, 0, 0), lesson: "01-intro")
            ]),
    ]

    private func dossier(
        _ records: [LearnerRecord] = team, language: LanguageCode = .english,
        integrity: DossierIntegrity = DossierIntegrity()
    ) -> Dossier {
        let catalog = catalog()
        return Dossier(
            contributions: records.map { Dossier.contribution(of: $0, catalog: catalog, now: Self.now) }, skipped: [],
            catalog: catalog, now: Self.now, language: language,
            organisation: OrganisationLoader.load(dataFolder: data.path, roles: catalog.paths.map(\.role)),
            integrity: integrity)
    }

    private static let organisationYAML = """
        name: Beispiel GmbH
        responsible: Dana
        systems:
          - id: chat
            name: Chat assistant
            provider: Example AI
            purpose: Drafting texts
            risk_class: limited
            assessed: 2026-10-01
            owner: IT
            teams: [sales]
            roles: [staff]

        """

    // MARK: organisation.yaml

    @Test func organisationFileIsReadWithItsSystems() throws {
        data.write("organisation.yaml", Self.organisationYAML)
        let load = OrganisationLoader.load(dataFolder: data.path, roles: ["staff"])
        #expect(load.exists && load.diagnostics.isEmpty, "\(load.diagnostics)")
        let organisation = try #require(load.organisation)
        #expect(organisation.name == "Beispiel GmbH" && organisation.responsible == "Dana")
        #expect(
            organisation.systems == [
                AISystem(
                    id: "chat", name: "Chat assistant", provider: "Example AI", purpose: "Drafting texts",
                    riskClass: .limited, assessed: CalendarDay(year: 2026, month: 10, day: 1), owner: "IT",
                    teams: ["sales"], roles: ["staff"])
            ])
    }

    @Test func everyProblemOfTheOrganisationFileIsOneLocatedLine() {
        data.write(
            "organisation.yaml",
            """
            name: Beispiel GmbH
            sytems: []
            systems:
              - id: chat
                name: Chat
                provider: Example AI
                purpose: Drafting
                risk_class: medium
                owner: IT
                roles: [janitor]
              - id: chat
                name: Second
                provider: P
                purpose: Q
                risk_class: high

            """)
        let load = OrganisationLoader.load(dataFolder: data.path, roles: ["staff", "leader"])
        let lines = load.diagnostics.map(\.description)
        let file = data.path + "/organisation.yaml"
        #expect(load.organisation == nil, "a file with errors is left out")
        #expect(
            lines.contains("\(file):2:1: error: unknown field 'sytems' in organisation.yaml (did you mean 'systems'?)"))
        #expect(lines.contains { $0.hasPrefix("\(file):8:17: error: 'risk_class' must be one of prohibited, high") })
        #expect(
            lines.contains("\(file):10:13: error: role 'janitor' is not a path of the content (paths: staff, leader)"))
        #expect(lines.contains("\(file):11:5: error: missing required field 'owner'"), "\(lines)")
        #expect(lines.allSatisfy { !$0.contains("\n") })
    }

    @Test func aMissingOrganisationFileIsNamedNotAnError() {
        let dossier = dossier()
        #expect(dossier.organisation == nil && dossier.organisationProblems.isEmpty)
        let file = data.path + "/organisation.yaml"
        #expect(dossier.html().contains("No description of the organisation yet. Create \(file)"))
        #expect(dossier.markdown().contains("Create \(file)"))
        let german = self.dossier(language: .german).html()
        #expect(german.contains("Noch keine Beschreibung der Organisation. Legen Sie \(file) an"))
    }

    @Test func aBrokenOrganisationFileShowsItsProblemsInTheDossier() {
        data.write("organisation.yaml", "name: [x\n")
        let html = dossier().html()
        #expect(html.contains("has problems and is left out until they are fixed"))
        #expect(html.contains("YAML syntax error"))
    }

    // MARK: what the dossier derives

    @Test func coverageCountsTheStatesTheTeamReportDerives() throws {
        let dossier = dossier()
        let report = TeamReport(records: Self.team, skipped: [], catalog: catalog(), now: Self.now)
        let states = Dictionary(uniqueKeysWithValues: report.learners.map { ($0.id, $0.paths[0].state) })
        #expect(states == ["anna": .completed, "ben": .overdue, "cem": .notStarted, "dora": .inProgress])
        let sales = try #require(dossier.coverage.first { $0.team == "sales" })
        #expect(sales.learners == 2 && sales.valid == 1 && sales.overdue == 1 && sales.neverStarted == 0)
        #expect(dossier.coverage.map { $0.team ?? "-" } == ["hr", "sales", "-"], "teams in order, no team last")
        let all = try #require(dossier.coverageByRole.first)
        let counts: [Int] = [all.learners, all.valid, all.overdue, all.neverStarted, all.inProgress, all.dueSoon]
        #expect(counts == [4, 1, 1, 1, 1, 0])
    }

    @Test func measuresSayWhatWasDeliveredWhenInWhichVersion() throws {
        let dossier = dossier()
        let basics = try #require(dossier.measures.first { $0.id == "basics" })
        #expect(basics.kind == .module && basics.version == SemanticVersion(1, 0, 0) && basics.learners == 2)
        #expect(basics.first == date("2025-11-07T12:00:00Z") && basics.last == date("2026-10-01T09:00:00Z"))
        let anna = dossier.register.filter { $0.learner == "anna" }
        #expect(anna.map(\.id) == ["basics", "law"])
        #expect(anna.first?.score == 0.9 && anna.first?.validUntil == date("2027-10-01T09:00:00Z"))
        #expect(!dossier.register.contains { $0.learner == "cem" || $0.learner == "dora" })
    }

    @Test func roleMatrixGoesFromRoleToObjectives() throws {
        data.write("organisation.yaml", Self.organisationYAML)
        let role = try #require(dossier().roles.first)
        #expect(role.role == "staff" && role.title == "Staff" && role.validity == ISODuration(months: 12))
        #expect(role.modules.map(\.id) == ["basics", "law"] && role.systems == ["chat"] && role.learners == 4)
        #expect(role.milestones.map(\.id) == ["team-kickoff"])
        #expect(!(role.modules.first?.objectives.isEmpty ?? true), "each module lists its objectives")
    }

    @Test func reviewCadenceFlagsAPassedReviewDate() throws {
        ContentFixture.write(into: content)
        content.write(
            "modules/law/module.yaml",
            try #require(content.read("modules/law/module.yaml")).replacingOccurrences(
                of: "review_by: 2027-11-01", with: "review_by: 2026-11-01"))
        let dossier = Dossier(
            contributions: [], skipped: [], catalog: ContentFixture.load(content).catalog, now: Self.now,
            language: .english, organisation: OrganisationLoader.load(dataFolder: data.path, roles: []),
            integrity: DossierIntegrity())
        let review = dossier.review
        let law = try #require(review.modules.first { $0.id == "law" })
        #expect(law.reviewOverdue && law.reviewBy == CalendarDay(year: 2026, month: 11, day: 1))
        #expect(review.modules.first { $0.id == "basics" }?.reviewOverdue == false)
        #expect(dossier.html().contains("1 November 2026 (review date passed)"))
        #expect(review.paths.map(\.validity) == [ISODuration(months: 12)])
    }

    // MARK: integrity, truthfully

    @Test func withoutSealAndVerificationTheDossierSaysSo() {
        let html = dossier().html()
        #expect(html.contains("No seal: the learner files have not been sealed yet"))
        #expect(html.contains("Not verified: run &#39;lernpfad verify&#39;"))
        #expect(!html.contains("Verified:"))
    }

    @Test func aFailedVerificationListsEveryProblem() {
        let integrity = DossierIntegrity(
            seal: .init(
                id: "0123456789abcdef" + String(repeating: "e", count: 48), sealedAt: date("2026-11-20T10:00:00Z"),
                sealedBy: "ida", learners: 4),
            verification: .init(passed: false, learners: 4, seals: 1, problems: ["anna: event 3 edited <score>"]))
        let html = dossier(integrity: integrity).html()
        #expect(
            html.contains("Latest seal 0123456789abcdef… of 20 November 2026 by ida, covering 4 learner file(s)."))
        #expect(html.contains("Verification failed:") && html.contains("anna: event 3 edited &lt;score&gt;"))
    }

    // MARK: hostile text, languages, formats

    @Test func everyDataStringIsEscapedInHTML() {
        data.write(
            "organisation.yaml",
            """
            name: "<script>alert(1)</script>"
            systems:
              - id: x
                name: "<img src=x onerror=alert(2)>"
                provider: "A & B"
                purpose: "\\u202Eevil"
                risk_class: high
                owner: "\\"quoted\\""

            """)
        let records = [Self.learner("eve", name: "<b>Eve</b>", team: "<i>red</i>", Self.team[0].events)]
        let html = dossier(records).html()
        #expect(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("A &amp; B"))
        #expect(html.contains("&lt;b&gt;Eve&lt;/b&gt;") && html.contains("&quot;quoted&quot;"))
        #expect(!html.unicodeScalars.contains("\u{202E}") && html.contains("\\u{202e}evil"))
        #expect(!html.contains("<script"), "the dossier has no scripts at all")
    }

    @Test func markdownEscapesDataSoTablesStayTables() {
        let records = [Self.learner("eve", name: "Eve | *bold* [x](y)", team: "a|b", Self.team[0].events)]
        let markdown = dossier(records).markdown()
        let row = markdown.split(separator: "\n").first { $0.contains("Eve \\|") }.map(String.init) ?? ""
        #expect(row.contains("Eve \\| \\*bold\\* \\[x\\](y)"), "\(row)")
        let header = markdown.split(separator: "\n").first { $0.hasPrefix("| person") }.map(String.init) ?? ""
        let unescapedBars = { (line: String) in
            line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
        }
        #expect(unescapedBars(row) == unescapedBars(header) && !header.isEmpty)
    }

    @Test func thePageIsInOneLanguage() {
        let german = dossier(language: .german).html()
        #expect(german.contains("<html lang=\"de\">") && german.contains("2. Rollenmatrix"))
        #expect(german.contains("1. Oktober 2026"), "dates as German readers write them")
        for english in ["Role matrix", "Measures delivered", "Coverage per team", "October"] {
            #expect(!german.contains(english), "\(english) in the German page")
        }
        let english = dossier(language: .english).html()
        #expect(english.contains("1 October 2026") && !english.contains("Rollenmatrix"))
    }

    @Test func printStylesKeepTablesWholeAndHeadersRepeating() {
        let html = dossier().html()
        #expect(html.contains("thead { display: table-header-group; }") && html.contains("@page { size: A4;"))
        #expect(html.contains("overflow-wrap: anywhere") && html.contains("<thead>"))
        #expect(!html.contains("src=") && !html.contains("<link"), "self-contained")
    }

    @Test func jsonRoundTrips() throws {
        data.write("organisation.yaml", Self.organisationYAML)
        let dossier = dossier()
        let decoded = try JSONCoding.decoder().decode(Dossier.self, from: try dossier.jsonData())
        #expect(decoded == dossier)
    }

    @Test func waiversAreListedAsExceptionsWithTheirReason() throws {
        var record = Self.learner("cem", team: "hr")
        record.events.append(
            LearnerEvent(
                at: date("2026-11-02T09:00:00Z"), kind: .waived, module: "basics", by: "ida",
                reason: "prior training at the previous employer", until: date("2027-06-30T00:00:00Z")))
        let dossier = dossier([record])
        let exception = try #require(dossier.exceptions.first)
        #expect(exception.learner == "cem" && exception.module == "basics" && exception.by == "ida")
        #expect(exception.reason == "prior training at the previous employer")
        let html = dossier.html()
        #expect(html.contains("Module: Title basics (basics)"))
        #expect(html.contains("prior training at the previous employer"))
    }
}
