import Foundation
import Testing

@testable import LernpfadCore

/// A two-module catalog and event helpers for the engine's transitions.
private struct EngineFixture {
    let catalog: Catalog
    let path: LearningPath

    init(basicsVersion: SemanticVersion = SemanticVersion(1, 0, 0), changelog: [ChangelogEntry] = []) {
        func lessons(_ ids: [String]) -> [Lesson] {
            ids.map { Lesson(id: $0, title: LocalizedText($0), files: [:]) }
        }
        let quiz = Quiz(
            passMark: 0.5,
            questions: [
                Question(
                    id: "q1", kind: .single, prompt: LocalizedText("?"),
                    choices: [Choice(id: "a", text: LocalizedText("a")), Choice(id: "b", text: LocalizedText("b"))],
                    correct: ["a"], explanation: LocalizedText("!"))
            ])
        let basics = Module(
            id: "basics", version: basicsVersion, title: LocalizedText("Basics"), summary: LocalizedText("s"),
            minutes: 5, level: .basic, objectives: [], changelog: changelog, lessons: lessons(["01-a", "02-b"]),
            quiz: quiz)
        let law = Module(
            id: "law", version: SemanticVersion(1, 0, 0), title: LocalizedText("Law"), summary: LocalizedText("s"),
            minutes: 5, level: .basic, objectives: [], prerequisites: ["basics"], lessons: lessons(["01-a"]),
            quiz: quiz)
        path = LearningPath(
            role: "staff", title: LocalizedText("Staff"), modules: ["basics", "law"], validity: ISODuration(months: 12),
            dueSoon: ISODuration(days: 30),
            milestones: [AttestedMilestone(id: "team-kickoff", title: LocalizedText("k"))])
        let course = Course(id: "c", title: LocalizedText("c"), languages: [.german], defaultLanguage: .german)
        catalog = Catalog(course: course, paths: [path], modules: [basics, law], root: "/nonexistent")
    }

    func status(_ module: String, _ events: [LearnerEvent], at now: Date) -> ModuleProgress {
        ProgressEngine.module(
            catalog.module(module)!, validity: path.validity, dueSoon: path.dueSoon, events: events, now: now)
    }

    func pathStatus(_ events: [LearnerEvent], at now: Date) -> PathProgress {
        ProgressEngine.path(for: path, events: events, catalog: catalog, now: now)
    }
}

func date(_ text: String) -> Date { Timestamp.parse(text)! }

private func read(_ module: String, _ lesson: String, at: String) -> LearnerEvent {
    LearnerEvent(
        at: date(at), kind: .lessonCompleted, module: module, moduleVersion: SemanticVersion(1, 0, 0), lesson: lesson)
}

private func quiz(_ module: String, passed: Bool, at: String, version: SemanticVersion = SemanticVersion(1, 0, 0))
    -> LearnerEvent
{
    LearnerEvent(
        at: date(at), kind: .quizAttempted, module: module, moduleVersion: version, score: passed ? 1 : 0,
        passed: passed)
}

private func complete(_ module: String, lessons: [String], at: String) -> [LearnerEvent] {
    lessons.map { read(module, $0, at: at) } + [quiz(module, passed: true, at: at)]
}

@Suite("Progress engine")
struct ProgressEngineTests {
    private let fixture = EngineFixture()
    private let now = date("2026-06-01T12:00:00Z")

    @Test func noEventsMeansNotStarted() {
        #expect(fixture.status("basics", [], at: now).state == .notStarted)
        #expect(fixture.pathStatus([], at: now).state == .notStarted)
    }

    @Test func readingALessonMeansInProgress() {
        let events = [read("basics", "01-a", at: "2026-05-01T10:00:00Z")]
        let progress = fixture.status("basics", events, at: now)
        #expect(progress.state == .inProgress)
        #expect(progress.lessonsCompleted == ["01-a"])
        #expect(fixture.pathStatus(events, at: now).state == .inProgress)
    }

    @Test func allLessonsWithoutAPassedQuizIsNotCompleted() {
        let events = [
            read("basics", "01-a", at: "2026-05-01T10:00:00Z"), read("basics", "02-b", at: "2026-05-01T10:05:00Z"),
            quiz("basics", passed: false, at: "2026-05-01T10:10:00Z"),
        ]
        #expect(fixture.status("basics", events, at: now).state == .inProgress)
    }

    @Test func allLessonsAndAPassedQuizCompletes() {
        let events = complete("basics", lessons: ["01-a", "02-b"], at: "2026-05-01T10:00:00Z")
        let progress = fixture.status("basics", events, at: now)
        #expect(progress.state == .completed)
        #expect(progress.completion?.at == date("2026-05-01T10:00:00Z"))
        #expect(progress.validUntil == date("2027-05-01T10:00:00Z"))
    }

    @Test func quizPassedBeforeTheLastLessonCompletesWhenThatLessonIsRead() {
        let events = [
            read("basics", "01-a", at: "2026-05-01T10:00:00Z"),
            quiz("basics", passed: true, at: "2026-05-01T10:10:00Z"),
            read("basics", "02-b", at: "2026-05-02T09:00:00Z"),
        ]
        let progress = fixture.status("basics", events, at: now)
        #expect(progress.state == .completed)
        #expect(progress.completion?.at == date("2026-05-02T09:00:00Z"))
    }

    @Test func dueSoonStartsExactlyThirtyDaysBeforeExpiry() {
        let events = complete("basics", lessons: ["01-a", "02-b"], at: "2026-05-01T10:00:00Z")
        #expect(fixture.status("basics", events, at: date("2027-04-01T09:59:59Z")).state == .completed)
        #expect(fixture.status("basics", events, at: date("2027-04-01T10:00:00Z")).state == .dueSoon)
    }

    @Test func overdueStartsExactlyAtExpiry() {
        let events = complete("basics", lessons: ["01-a", "02-b"], at: "2026-05-01T10:00:00Z")
        #expect(fixture.status("basics", events, at: date("2027-05-01T09:59:59.999Z")).state == .dueSoon)
        #expect(fixture.status("basics", events, at: date("2027-05-01T10:00:00Z")).state == .overdue)
    }

    @Test func leapDayCompletionExpiresOnTheTwentyEighthOfFebruary() {
        let events = complete("basics", lessons: ["01-a", "02-b"], at: "2028-02-29T08:00:00Z")
        let progress = fixture.status("basics", events, at: date("2028-03-01T00:00:00Z"))
        #expect(progress.validUntil == date("2029-02-28T08:00:00Z"))
        #expect(fixture.status("basics", events, at: date("2029-02-28T08:00:00Z")).state == .overdue)
    }

    @Test func timeZonesDoNotShiftExpiry() {
        // 00:30 in Berlin on 1 May is 22:30 UTC on 30 April: expiry follows the instant, not the wall clock.
        let events = complete("basics", lessons: ["01-a", "02-b"], at: "2026-05-01T00:30:00+02:00")
        let progress = fixture.status("basics", events, at: now)
        #expect(progress.validUntil == date("2027-04-30T22:30:00Z"))
    }

    @Test func eventsAfterNowAreIgnored() {
        let events = complete("basics", lessons: ["01-a", "02-b"], at: "2026-07-01T10:00:00Z")
        #expect(fixture.status("basics", events, at: now).state == .notStarted)
    }

    @Test func aMajorVersionBumpMeansUpdateAvailable() {
        let bumped = EngineFixture(
            basicsVersion: SemanticVersion(2, 0, 0),
            changelog: [ChangelogEntry(version: SemanticVersion(2, 0, 0), lessons: ["02-b"])])
        let events = complete("basics", lessons: ["01-a", "02-b"], at: "2026-05-01T10:00:00Z")
        let progress = bumped.status("basics", events, at: now)
        #expect(progress.state == .updateAvailable)
        #expect(progress.refresherLessons == ["02-b"])
    }

    @Test func aMinorVersionBumpKeepsTheCompletion() {
        let bumped = EngineFixture(basicsVersion: SemanticVersion(1, 1, 0))
        let events = complete("basics", lessons: ["01-a", "02-b"], at: "2026-05-01T10:00:00Z")
        #expect(bumped.status("basics", events, at: now).state == .completed)
    }

    @Test func refresherNeedsTheQuizAndTheChangedLessonsOnly() {
        let bumped = EngineFixture(
            basicsVersion: SemanticVersion(2, 0, 0),
            changelog: [ChangelogEntry(version: SemanticVersion(2, 0, 0), lessons: ["02-b"])])
        var events = complete("basics", lessons: ["01-a", "02-b"], at: "2026-05-01T10:00:00Z")
        events.append(quiz("basics", passed: true, at: "2026-05-20T10:00:00Z", version: SemanticVersion(2, 0, 0)))
        #expect(bumped.status("basics", events, at: now).state == .updateAvailable)
        events.append(read("basics", "02-b", at: "2026-05-21T10:00:00Z"))
        let progress = bumped.status("basics", events, at: now)
        #expect(progress.state == .completed)
        #expect(progress.completion?.version == SemanticVersion(2, 0, 0))
        #expect(progress.validUntil == date("2027-05-21T10:00:00Z"))
    }

    @Test func anOverdueModuleIsRenewedByARefresher() {
        var events = complete("basics", lessons: ["01-a", "02-b"], at: "2025-01-01T10:00:00Z")
        #expect(fixture.status("basics", events, at: now).state == .overdue)
        events.append(quiz("basics", passed: true, at: "2026-05-30T10:00:00Z"))
        #expect(fixture.status("basics", events, at: now).state == .completed)
    }

    @Test func aResetStartsTheModuleOver() {
        var events = complete("basics", lessons: ["01-a", "02-b"], at: "2026-05-01T10:00:00Z")
        events.append(LearnerEvent(at: date("2026-05-02T10:00:00Z"), kind: .moduleReset, module: "basics"))
        let progress = fixture.status("basics", events, at: now)
        #expect(progress.state == .inProgress)
        #expect(progress.completion == nil)
        #expect(progress.lessonsCompleted.isEmpty)
    }

    @Test func pathCompletesWhenEveryModuleIsValid() {
        let events =
            complete("basics", lessons: ["01-a", "02-b"], at: "2026-03-01T10:00:00Z")
            + complete("law", lessons: ["01-a"], at: "2026-04-01T10:00:00Z")
        let path = fixture.pathStatus(events, at: now)
        #expect(path.state == .completed)
        #expect(path.modulesDone == 2)
        #expect(path.fraction == 1)
        #expect(path.completedAt == date("2026-04-01T10:00:00Z"))
        #expect(path.validUntil == date("2027-03-01T10:00:00Z"))
    }

    @Test func pathIsOverdueWhenOneModuleExpired() {
        let events =
            complete("basics", lessons: ["01-a", "02-b"], at: "2025-03-01T10:00:00Z")
            + complete("law", lessons: ["01-a"], at: "2026-04-01T10:00:00Z")
        let path = fixture.pathStatus(events, at: now)
        #expect(path.state == .overdue)
        #expect(path.modulesDone == 1)
        #expect(path.fraction == 0.5)
    }

    @Test func attestedMilestoneIsValidForThePathsValidity() {
        let attestation = LearnerEvent(
            at: date("2026-01-10T09:00:00Z"), kind: .attested, milestone: "team-kickoff", by: "ben")
        let milestone = ProgressEngine.milestone("team-kickoff", path: fixture.path, events: [attestation], now: now)
        #expect(milestone.state == .completed)
        #expect(milestone.attestedBy == "ben")
        #expect(milestone.validUntil == date("2027-01-10T09:00:00Z"))
        let later = ProgressEngine.milestone(
            "team-kickoff", path: fixture.path, events: [attestation], now: date("2027-01-10T09:00:00Z"))
        #expect(later.state == .overdue)
        let none = ProgressEngine.milestone("team-kickoff", path: fixture.path, events: [], now: now)
        #expect(none.state == .notStarted)
    }

    @Test func prerequisitesLockAModuleUntilCompleted() {
        let law = fixture.catalog.module("law")!
        #expect(ProgressEngine.missingPrerequisites(law, events: [], catalog: fixture.catalog, now: now) == ["basics"])
        let events = complete("basics", lessons: ["01-a", "02-b"], at: "2026-05-01T10:00:00Z")
        #expect(ProgressEngine.isUnlocked(law, events: events, catalog: fixture.catalog, now: now))
    }

    @Test func reviewCardsFollowSM2() {
        let start = date("2026-05-01T10:00:00Z")
        let card = ReviewCard(missedAt: start)
        #expect(card.due == date("2026-05-02T10:00:00Z"))
        let first = card.reviewed(correct: true, at: card.due)
        #expect(first.intervalDays == 1)
        let second = first.reviewed(correct: true, at: first.due)
        #expect(second.intervalDays == 6)
        let third = second.reviewed(correct: true, at: second.due)
        #expect(third.intervalDays == (6 * second.easiness).rounded())
        let lapse = third.reviewed(correct: false, at: third.due)
        #expect(lapse.intervalDays == 1)
        #expect(lapse.lapses == 1)
        #expect(lapse.easiness < third.easiness)
        #expect(lapse.easiness >= 1.3)
    }

    @Test func asOfADayMeansTheEndOfThatDay() {
        #expect(Timestamp.parseAsOf("2026-12-31") == date("2026-12-31T23:59:59.999Z"))
        #expect(Timestamp.parseAsOf("2026-12-31T10:00:00Z") == date("2026-12-31T10:00:00Z"))
        #expect(Timestamp.parseAsOf("31.12.2026") == nil)
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test func parsesOffsetsAndFractions() {
        #expect(Timestamp.parse("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(
            Timestamp.parse("2026-11-21T10:00:00.123Z")
                == Timestamp.millisecondPrecision(Date(timeIntervalSince1970: 1_795_255_200.123)))
        #expect(Timestamp.parse("2026-05-01T00:30:00+02:00") == Timestamp.parse("2026-04-30T22:30:00Z"))
        #expect(Timestamp.parse("2026-05-01T00:30:00-01:30") == Timestamp.parse("2026-05-01T02:00:00Z"))
        #expect(Timestamp.parse("2024-02-29T12:00:00Z") == Timestamp.parse("2024-02-28T12:00:00Z")! + 86_400)
    }

    @Test(arguments: ["", "2026-11-21", "2026-11-21 10:00:00Z", "2026-13-01T00:00:00Z", "2026-11-21T10:00:00", "x"])
    func rejectsMalformedTimestamps(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func formatRoundTripsWithMilliseconds() {
        let date = Timestamp.millisecondPrecision(Date(timeIntervalSince1970: 1_795_255_200.123))
        #expect(Timestamp.format(date) == "2026-11-21T10:00:00.123Z")
        #expect(Timestamp.parse(Timestamp.format(date)) == date)
    }
}
