import Foundation
import LernpfadCore
import Testing

@testable import LernpfadUI

/// "Warum?" on the path screen: the rule, the dates and what the refresher needs, in the UI's language.
@Suite("Why screen")
struct ExplanationScreenTests {
    /// Anna completed the basics on 1 March 2025; with twelve months' validity that ran out on 1 March 2026.
    static func overdueRecord(language: LanguageCode = .german) -> LearnerRecord {
        var record = UIFixture.record(language: language)
        let done = Timestamp.parse("2025-03-01T10:00:00Z")!
        let version = SemanticVersion(1, 0, 0)
        record.events = [
            LearnerEvent(
                at: done, kind: .lessonCompleted, module: "basics", moduleVersion: version, lesson: "01-what-is-ai"),
            LearnerEvent(
                at: done, kind: .lessonCompleted, module: "basics", moduleVersion: version, lesson: "02-limits"),
            LearnerEvent(
                at: done, kind: .quizAttempted, module: "basics", moduleVersion: version, score: 1, passed: true),
        ]
        return record
    }

    /// The screen as text at 120 columns, so that no sentence wraps; no-break spaces read as spaces.
    static func screen(_ keys: String, record: LearnerRecord) -> String {
        UIFixture.screen(keys, width: 120, record: record).joined(separator: "\n").replacingOccurrences(
            of: "\u{00A0}", with: " ")
    }

    @Test func wOnAnOverdueModuleSaysWhySinceWhenAndWhatIsNeeded() {
        let text = Self.screen("jj<enter>w", record: Self.overdueRecord())
        #expect(text.hasPrefix(" Warum?"), "the screen's title")
        #expect(text.contains("! KI-Grundlagen  seit 265 Tagen überfällig"))
        #expect(text.contains("Abgeschlossen am 1. März 2025 und 12 Monate gültig; abgelaufen am 1. März 2026."))
        #expect(text.contains("Auffrischung nötig:"))
        #expect(!text.contains("Der AI Act"), "w explains the module under the cursor only")
    }

    @Test func theSameInEnglish() {
        let text = Self.screen("jj<enter>w", record: Self.overdueRecord(language: .english))
        #expect(text.contains("! AI basics  overdue for 265 days"))
        #expect(text.contains("Completed on 1 March 2025 and valid for 12 months; ran out on 1 March 2026."))
    }

    @Test func aDateNeverBreaksAcrossLines() {
        let lines = UIFixture.screen("jj<enter>w", record: Self.overdueRecord())
        #expect(lines.contains { $0.contains("1.\u{00A0}März\u{00A0}2026") })
        #expect(!lines.contains { $0.hasSuffix("1.") || $0.hasSuffix("am 1. ") })
    }

    @Test func homeShowsTheOverdueModuleAndSinceWhen() {
        let text = Self.screen("", record: Self.overdueRecord())
        #expect(
            text.contains(
                "Mitarbeitende  ░░░░░░░░░░░░░░░░░░░░ 0% · 0/2 Module · KI-Grundlagen seit 265 Tagen überfällig"))
        let path = Self.screen("jj<enter>", record: Self.overdueRecord())
        #expect(
            path.contains("0% · 0/3 Lektionen · KI-Grundlagen seit 265 Tagen überfällig"),
            "the path screen's header says the same")
    }

    @Test func theModuleScreenCountsTheFirstCompletionDeadlineAsThePathDoes() {
        // The staff path asks for a first completion within a month of the role; Anna got it in January.
        var catalog = UIFixture.catalog
        catalog.paths = catalog.paths.map { path in
            var path = path
            if path.role == "staff" { path.dueWithin = ISODuration(months: 1) }
            return path
        }
        var record = UIFixture.record()
        record.events = [
            LearnerEvent(at: Timestamp.parse("2026-01-05T09:00:00Z")!, kind: .roleAdded, role: "staff")
        ]
        let model = AppModel(catalog: catalog, record: record, width: 120, height: 24, now: UIFixture.now)
        let runner = UIFixture.run("jj<enter><enter>", on: UIFixture.runner(model, catalog: catalog))
        let module = runner.render().lines.joined(separator: "\n")
        #expect(module.contains("Modul · KI-Grundlagen"))
        #expect(module.contains("überfällig"), "past the path's deadline the module is overdue here too")
    }

    @Test func escGoesBackToThePath() {
        let text = UIFixture.screen("jj<enter>w<esc>", record: Self.overdueRecord()).joined(separator: "\n")
        #expect(text.contains("Lernpfad · Mitarbeitende"))
    }
}
