import Foundation
import Testing

@testable import LernpfadCore

/// Issue 13, items 2 and 6: the team report says what counts and what is due, and its HTML reads as an auditor
/// needs it (one language, titles, dates as people write them, grouped by team, evidence per person).
@Suite("Team report: what counts, and the auditor's page")
struct TeamAuditTests {
    private let folder = TemporaryFolder()
    private static let now = date("2026-11-21T12:00:00Z")

    private func catalog() -> Catalog {
        ContentFixture.write(into: folder)
        return ContentFixture.load(folder).catalog
    }

    private static func learner(_ id: String, name: String, team: String?, _ events: [LearnerEvent] = [])
        -> LearnerRecord
    {
        var record = LearnerRecord(learner: LearnerProfile(id: id, name: name, team: team, roles: ["staff"]))
        record.events = events
        return record
    }

    /// basics ran out 14 days ago; law runs out in 20 days (inside the 30-day window).
    private static let behind = learner(
        "dora", name: "Dora", team: "Sales",
        ContentFixture.completion("basics", at: "2025-11-07T12:00:00Z")
            + ContentFixture.completion("law", at: "2025-12-11T12:00:00Z"))

    @Test func pathsSayWhatCountsAndWhatIsDue() throws {
        let report = TeamReport(records: [Self.behind], skipped: [], catalog: catalog(), now: Self.now)
        let learner = try #require(report.learners.first)
        let path = try #require(learner.paths.first)
        #expect(path.modulesDone == 1 && path.modulesTotal == 2)
        #expect(path.overdue == 1 && path.dueSoon == 1 && path.updateAvailable == 0)
        #expect(path.due == date("2026-11-07T12:00:00Z"))
        #expect(path.daysOverdue == 14)
        #expect(path.daysUntilDue == nil)
        #expect(learner.daysOverdue == 14)
        #expect(path.modules.map(\.daysOverdue) == [14, nil])
        #expect(path.modules.map(\.due) == [date("2026-11-07T12:00:00Z"), date("2026-12-11T12:00:00Z")])
        #expect(TeamWording.english.counts(path) == "1/2 valid · 1 overdue for 14 days · 1 due soon")
        #expect(TeamWording.german.counts(path) == "1/2 gültig · 1 überfällig seit 14 Tagen · 1 bald fällig")
        let table = report.table(catalog: catalog())
        #expect(table.contains("overdue  50%   1/2 valid · 1 overdue for 14 days · 1 due soon  2026-11-07"), "\(table)")
    }

    @Test func dueSoonSaysInHowManyDays() throws {
        let record = Self.learner(
            "eva", name: "Eva", team: "Sales", ContentFixture.completion("law", at: "2025-12-11T12:00:00Z"))
        let report = TeamReport(records: [record], skipped: [], catalog: catalog(), now: Self.now)
        let path = try #require(report.learners.first?.paths.first)
        #expect(path.daysUntilDue == 20 && path.daysOverdue == nil)
        #expect(TeamWording.english.counts(path) == "1/2 valid · 1 due soon in 20 days")
        #expect(TeamWording.german.counts(path) == "1/2 gültig · 1 bald fällig in 20 Tagen")
    }

    @Test func aFirstCompletionDeadlineIsShownWithTheLearnerWhoNeverStarted() throws {
        ContentFixture.write(into: folder)
        folder.write("paths/staff.yaml", ContentFixture.staffPath + "due_within: P3M\n")
        let catalog = ContentFixture.load(folder).catalog
        let enrolled = LearnerRecord.enrolling(
            LearnerProfile(id: "ida", name: "Ida", team: "Sales", roles: ["staff"]), at: date("2026-09-01T08:00:00Z"))
        let report = TeamReport(records: [enrolled], skipped: [], catalog: catalog, now: Self.now)
        let learner = try #require(report.learners.first)
        let path = try #require(learner.paths.first)
        #expect(path.state == .notStarted && learner.lastActivity == nil)
        #expect(path.due == date("2026-12-01T08:00:00Z"))
        #expect(path.daysUntilDue == 10, "9 days and 20 hours left: 10, as status and explain count")
        #expect(path.modules.map(\.due) == [date("2026-12-01T08:00:00Z"), date("2026-12-01T08:00:00Z")])
        #expect(TeamWording.english.counts(path) == "0/2 valid · due in 10 days")
        #expect(TeamWording.german.counts(path) == "0/2 gültig · fällig in 10 Tagen")
        let html = report.html(catalog: catalog)
        #expect(html.contains("<td>0/2 gültig · fällig in 10 Tagen</td><td class=\"d\">1. Dezember 2026</td>"))
        #expect(report.table(catalog: catalog).contains("0/2 valid · due in 10 days  2026-12-01  never"))
        // After the deadline the unfinished modules are overdue, counted from the deadline.
        let late = TeamReport(records: [enrolled], skipped: [], catalog: catalog, now: date("2026-12-15T12:00:00Z"))
        let overdue = try #require(late.learners.first?.paths.first)
        #expect(overdue.state == .overdue && overdue.overdue == 2 && overdue.daysOverdue == 14)
        #expect(TeamWording.english.counts(overdue) == "0/2 valid · 2 overdue for 14 days")
    }

    @Test func oneDayAndTodayReadNaturally() {
        #expect(TeamWording.english.overdue(1, 1) == "1 overdue for 1 day")
        #expect(TeamWording.german.overdue(1, 1) == "1 überfällig seit 1 Tag")
        #expect(TeamWording.english.overdue(2, 0) == "2 overdue since today")
        #expect(TeamWording.german.overdue(2, 0) == "2 überfällig seit heute")
        #expect(TeamWording.german.dueSoon(1, 0) == "1 bald fällig heute")
        #expect(TeamWording.english.updateAvailable(2) == "2 updates available")
        #expect(TeamWording.german.updateAvailable(1) == "1 Aktualisierung verfügbar")
    }

    @Test func datesAreWrittenAsPeopleWriteThem() {
        #expect(TeamWording.german.format(CalendarDay(year: 2026, month: 12, day: 1)) == "1. Dezember 2026")
        #expect(TeamWording.english.format(CalendarDay(year: 2026, month: 12, day: 1)) == "1 December 2026")
        #expect(TeamWording.german.format(date("2026-03-31T23:59:00Z")) == "31. März 2026")
        #expect(TeamWording.english.format(nil as Date?) == "")
        #expect(TeamWording.for("fr").language == .english)
    }

    @Test func jsonCarriesTheCountsAndDueDates() throws {
        let done = Self.learner(
            "finn", name: "Finn", team: "Sales",
            ContentFixture.completion("basics", at: "2026-06-01T12:00:00Z")
                + ContentFixture.completion("law", at: "2026-06-01T12:00:00Z"))
        let report = TeamReport(records: [Self.behind, done], skipped: [], catalog: catalog(), now: Self.now)
        #expect(report.jsonData() == (try JSONCoding.encoder().encode(report)) + [0x0A])
        let json = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        let learners = try #require(json["learners"] as? [[String: Any]])
        #expect(learners.map { $0["id"] as? String } == ["dora", "finn"])
        #expect(learners[0]["daysOverdue"] as? Int == 14)
        #expect(learners[1]["daysOverdue"] == nil)
        let path = try #require((learners[0]["paths"] as? [[String: Any]])?.first)
        #expect(path["overdue"] as? Int == 1)
        #expect(path["dueSoon"] as? Int == 1)
        #expect(path["updateAvailable"] as? Int == 0)
        #expect(path["daysOverdue"] as? Int == 14)
        #expect(path["due"] as? String == "2026-11-07T12:00:00.000Z")
        #expect(path["daysUntilDue"] == nil)
        let modules = try #require(path["modules"] as? [[String: Any]])
        #expect(modules.map { $0["daysOverdue"] as? Int } == [14, nil])
        #expect(modules.map { $0["due"] as? String } == ["2026-11-07T12:00:00.000Z", "2026-12-11T12:00:00.000Z"])
        let finished = try #require((learners[1]["paths"] as? [[String: Any]])?.first)
        #expect(finished["due"] == nil && finished["daysOverdue"] == nil && finished["overdue"] as? Int == 0)
        #expect((finished["modules"] as? [[String: Any]])?.allSatisfy { $0["due"] == nil } == true)
    }

    @Test func csvPerModuleHasARowPerLearnerAndModule() {
        let carl = Self.learner("carl", name: "Carl", team: "hr")
        let catalog = catalog()
        let report = TeamReport(records: [Self.behind, carl], skipped: [], catalog: catalog, now: Self.now)
        let lines = report.csv(perModule: true, catalog: catalog, language: .english).components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "learner,name,team,role,module,module_title,state,version,completed_at,score_percent,valid_until,"
                + "due,days_overdue,waiver")
        #expect(lines.count == 1 + 4 + 1)
        #expect(
            lines[1]
                == "dora,Dora,Sales,staff,basics,Title basics,overdue,1.0.0,2025-11-07T12:00:00.000Z,100,"
                + "2026-11-07T12:00:00.000Z,2026-11-07T12:00:00.000Z,14,")
        #expect(lines[4] == "carl,Carl,hr,staff,law,Title law,notStarted,,,,,,,")
        #expect(report.csv(perModule: true, catalog: catalog).contains(",Titel basics,"), "the course's language")
        let perPath = report.csv().components(separatedBy: "\r\n")
        #expect(perPath[1].hasSuffix(",1,1,0,2026-11-07T12:00:00.000Z,14"), "\(perPath[1])")
        #expect(perPath[2].hasSuffix(",0,0,0,,"), "\(perPath[2])")
    }

    @Test(arguments: [LanguageCode.german, .english])
    func htmlIsInOneLanguage(_ language: LanguageCode) {
        let report = TeamReport(records: [Self.behind], skipped: [], catalog: catalog(), now: Self.now)
        let html = report.html(catalog: catalog(), language: language)
        let words = TeamWording.for(language)
        let other = language == .german ? TeamWording.english : TeamWording.german
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        for column in words.learnerColumns + words.evidenceColumns + words.attestationColumns {
            #expect(html.contains("<th scope=\"col\">\(TeamReport.escape(column))</th>"), "\(column)")
        }
        let own = Set(words.learnerColumns + words.evidenceColumns + words.attestationColumns)
        for column in other.learnerColumns + other.evidenceColumns + other.attestationColumns
        where !own.contains(column) {
            #expect(!html.contains("<th scope=\"col\">\(TeamReport.escape(column))</th>"), "\(column)")
        }
        #expect(html.contains(TeamReport.escape(words.counts(report.learners[0].paths[0]))))
        // Module titles, not ids; no ISO dates.
        #expect(!html.contains("<td>basics</td>") && !html.contains("2026-11-07"))
        if language == .german {
            #expect(html.contains("Stand: 21. November 2026"))
            #expect(html.contains("1/2 gültig · 1 überfällig seit 14 Tagen"))
            #expect(html.contains("<td>Titel basics</td>") && html.contains("<td class=\"d\">7. November 2026</td>"))
            #expect(html.contains("<td class=\"overdue\">überfällig</td>"))
        } else {
            #expect(html.contains("As of 21 November 2026"))
            #expect(html.contains("<td>Title basics</td>") && html.contains("<td class=\"d\">7 November 2026</td>"))
        }
    }

    @Test func htmlDefaultsToTheCoursesLanguage() {
        let report = TeamReport(records: [Self.behind], skipped: [], catalog: catalog(), now: Self.now)
        #expect(report.html(catalog: catalog()) == report.html(catalog: catalog(), language: .german))
    }

    /// The legend's texts as the page places them: x of the text and the text.
    private static func legend(_ html: String) -> [(x: Double, text: String)] {
        let pattern = /<text class="legend" x="([0-9.]+)" y="[0-9.]+">([^<]*)<\/text>/
        return html.matches(of: pattern).compactMap { match in
            Double(match.1).map { (x: $0, text: String(match.2)) }
        }
    }

    @Test(arguments: [LanguageCode.german, .english])
    func legendEndsInsideTheChart(_ language: LanguageCode) {
        let report = TeamReport(records: [Self.behind], skipped: [], catalog: catalog(), now: Self.now)
        let html = report.html(catalog: catalog(), language: language)
        #expect(html.contains("width=\"860\""))
        let items = Self.legend(html)
        #expect(items.count == 7, "one item per state, waived included")
        for item in items {
            let end = item.x + TeamReport.textWidth(item.text, size: TeamReport.chartFontSize)
            #expect(end <= 860, "'\(item.text)' ends at \(end)")
        }
        #expect(items.map(\.text) == TeamReport.stateColours.map { TeamWording.for(language).state($0.0) })
    }

    @Test func legendWrapsWhenTheTextsDoNotFitOnOneLine() {
        let texts = Array(repeating: "Aktualisierung verfügbar", count: 6)
        let layout = TeamReport.legendLayout(texts, width: 400)
        #expect(layout.allSatisfy { $0.end <= 400 }, "\(layout)")
        #expect(layout.last?.line ?? 0 >= 2)
        #expect(layout.first == TeamReport.LegendItem(x: 0, line: 0, end: layout.first?.end ?? 0))
        // Measured by Chromium in scripts/check-html-report.py (DejaVu Sans, 13 px): "not started" is 61 px wide;
        // the estimate must never be narrower, or a legend could run out of its box again.
        #expect(TeamReport.textWidth("not started", size: 13) >= 61)
        #expect(TeamReport.textWidth("Aktualisierung verfügbar", size: 13) >= 160)
        // The layout before issue 13 (from x = 170, 135 apart) fails this check: "not started" ran past 860.
        #expect(170 + 5 * 135 + TeamReport.legendTextOffset + TeamReport.textWidth("not started", size: 13) > 860)
    }

    @Test func learnersAreGroupedByTeamInNaturalOrder() {
        let records = [
            Self.learner("a", name: "A", team: "Team 10"), Self.learner("b", name: "B", team: "Team 2"),
            Self.learner("c", name: "C", team: nil), Self.learner("d", name: "D", team: "alpha"),
            Self.learner("e", name: "E", team: "Team 2"),
        ]
        let report = TeamReport(records: records, skipped: [], catalog: catalog(), now: Self.now)
        let html = report.html(catalog: catalog(), language: .english)
        let headings = html.matches(of: /<h3 id="team-[0-9]+">([^<]*)<\/h3>/).map { String($0.1) }
        #expect(
            headings == [
                "Team alpha · 1 learner", "Team Team 2 · 2 learners", "Team Team 10 · 1 learner", "No team · 1 learner",
            ])
        let evidence = html.matches(of: /<h4 id="person-[0-9]+">Evidence: ([A-Z])/).map { String($0.1) }
        #expect(evidence == ["D", "B", "E", "A", "C"])
    }

    @Test func evidenceShowsEachPersonsCompletionsAndAttestations() throws {
        var record = Self.behind
        record.events.append(
            LearnerEvent(
                at: date("2026-02-01T09:00:00Z"), kind: .attested, milestone: "team-kickoff", by: "ben",
                note: "Workshop <Prompting>"))
        record.events.append(
            LearnerEvent(at: date("2026-11-20T09:00:00Z"), kind: .roleAdded, role: "staff"))
        let report = TeamReport(records: [record], skipped: [], catalog: catalog(), now: Self.now)
        #expect(report.jsonData() == (try JSONCoding.encoder().encode(report)) + [0x0A], "the note in JSON")
        #expect(report.learners.first?.lastActivity == date("2026-02-01T09:00:00Z"), "a role given is no activity")
        let html = report.html(catalog: catalog(), language: .english)
        #expect(html.contains("<h4 id=\"person-1\">Evidence: Dora (dora)</h4>"))
        #expect(
            html.contains(
                "<tr><td>Title basics</td><td>1.0.0</td><td class=\"overdue\">overdue</td><td class=\"d\">7 November 2025</td>"
                    + "<td class=\"n\">100%</td><td class=\"d\">7 November 2026</td><td class=\"n\">14</td></tr>"))
        #expect(
            html.contains(
                "<tr><td>Kick-off</td><td class=\"completed\">completed</td><td>ben</td><td class=\"d\">1 February 2026</td>"
                    + "<td>Workshop &lt;Prompting&gt;</td><td class=\"d\">1 February 2027</td></tr>"))
    }
}
