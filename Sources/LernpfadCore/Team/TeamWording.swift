import Foundation

/// Every text of the team report's HTML page (and of the "what counts" phrase) in one language: one table per
/// language, so that a page never mixes languages and no view decides wording inline.
public struct TeamWording: Sendable {
    /// The language the texts are in.
    public let language: LanguageCode
    /// The page title after the course title.
    let pageTitle: String
    /// "As of" and the formatted day.
    let asOf: @Sendable (String) -> String
    /// The scope when no team filter was given.
    let allTeams: String
    /// The scope for a team filter.
    let team: @Sendable (String) -> String
    /// How many learners.
    let learners: @Sendable (Int) -> String
    /// The note that statuses are derived, never edited.
    let derivedNote: String
    /// Heading and label of the chart.
    let progressPerRole: String
    /// Heading of the learner tables.
    let learnersByTeam: String
    /// The section of learners without a team.
    let noTeam: String
    /// Column headers of a team's learner table.
    let learnerColumns: [String]
    /// Instead of a last activity date.
    let never: String
    /// Heading of a person's evidence.
    let evidence: String
    /// Column headers of a person's module evidence.
    let evidenceColumns: [String]
    /// Column headers of a person's attestations.
    let attestationColumns: [String]
    /// Instead of an unknown attester.
    let unknown: String
    /// Heading and column headers of the most missed questions.
    let missedQuestions: String
    /// Column headers of the most missed questions.
    let missedColumns: [String]
    /// Heading of the item analysis.
    let itemAnalysis: String
    /// The paragraph explaining the item analysis: low discrimination bound, minimum answers.
    let itemNote: @Sendable (Double, Int) -> String
    /// Column headers of the item analysis.
    let itemColumns: [String]
    /// The flags of the item analysis.
    let everyoneRight: String
    /// The flag for a question strong learners miss.
    let strongLearnersMiss: String
    /// The flag for distractors nobody picked.
    let neverPicked: @Sendable (String) -> String
    /// Heading of skipped files.
    let filesNotIncluded: String
    /// Heading and column headers of the content versions.
    let contentVersions: String
    /// Column headers of the content versions.
    let versionColumns: [String]
    /// Months, January first.
    let months: [String]
    /// A day: day of month, month name, year.
    let day: @Sendable (Int, String, Int) -> String
    /// A state in words.
    let state: @Sendable (ProgressState) -> String
    /// "2/3 valid".
    let valid: @Sendable (Int, Int) -> String
    /// "1 overdue for 14 days".
    let overdue: @Sendable (Int, Int?) -> String
    /// "1 due soon in 20 days".
    let dueSoon: @Sendable (Int, Int?) -> String
    /// "1 update available".
    let updateAvailable: @Sendable (Int) -> String
    /// "due in 40 days": a deadline ahead while nothing else is due.
    let dueIn: @Sendable (Int) -> String
    /// "1 waived": modules covered by a waiver.
    let waivedCount: @Sendable (Int) -> String
    /// A waiver with who, when, why and until when: "by ben on 2 November 2026: prior learning; until …".
    let waiverWords:
        @Sendable (_ by: String?, _ on: String, _ reason: String, _ until: String?, _ ended: Bool) -> String

    /// The wording for `language`: German for `de`, English for every other language.
    public static func `for`(_ language: LanguageCode) -> TeamWording {
        language == .german ? german : english
    }

    /// English.
    public static let english = TeamWording(
        language: .english, pageTitle: "record of AI-literacy measures",
        asOf: { "As of \($0)" }, allTeams: "all teams", team: { "Team \($0)" },
        learners: { $0 == 1 ? "1 learner" : "\($0) learners" },
        derivedNote:
            "Statuses are derived from each learner's event log and the content versions below; they are never "
            + "edited by hand.",
        progressPerRole: "Progress per role", learnersByTeam: "Learners by team", noTeam: "No team",
        learnerColumns: ["learner", "role", "state", "done", "what counts", "due", "days overdue", "last activity"],
        never: "never", evidence: "Evidence",
        evidenceColumns: ["module", "version", "state", "completed", "score", "valid until", "days overdue"],
        attestationColumns: ["milestone", "state", "attested by", "attested on", "note", "valid until"],
        unknown: "unknown", missedQuestions: "Questions the team misses most",
        missedColumns: ["module", "question", "wrong", "answers", "learners"], itemAnalysis: "Item analysis",
        itemNote: { low, minimum in
            "Each learner's first attempt per module at its current version. Right: the share of right answers. "
                + "Discrimination: the point-biserial correlation between getting this question right and the "
                + "share right on the attempt's other questions (below \(low) with \(minimum) or more answers: "
                + "strong learners miss it). Flags need at least \(minimum) answers."
        },
        itemColumns: ["module", "question", "answers", "right", "discrimination", "picks per choice", "flags"],
        everyoneRight: "everyone right (too easy)", strongLearnersMiss: "strong learners miss it",
        neverPicked: { "never picked: \($0)" }, filesNotIncluded: "Files not included",
        contentVersions: "Content versions", versionColumns: ["module", "version", "reviewed", "review by"],
        months: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ],
        day: { day, month, year in "\(day) \(month) \(year)" },
        state: { $0.words },
        valid: { "\($0)/\($1) valid" },
        overdue: { count, days in
            let since = days.map { $0 == 0 ? "since today" : $0 == 1 ? "for 1 day" : "for \($0) days" }
            return "\(count) overdue" + (since.map { " \($0)" } ?? "")
        },
        dueSoon: { count, days in
            let until = days.map { $0 == 0 ? "today" : $0 == 1 ? "in 1 day" : "in \($0) days" }
            return "\(count) due soon" + (until.map { " \($0)" } ?? "")
        },
        updateAvailable: { $0 == 1 ? "1 update available" : "\($0) updates available" },
        dueIn: { $0 == 0 ? "due today" : $0 == 1 ? "due in 1 day" : "due in \($0) days" },
        waivedCount: { "\($0) waived" },
        waiverWords: { by, on, reason, until, ended in
            var text = (ended ? "waiver ended; was waived" : "waived") + (by.map { " by \($0)" } ?? "") + " on \(on)"
            text += ": \(reason)"
            if let until { text += ended ? " (until \(until))" : "; until \(until)" }
            return text
        })

    /// German.
    public static let german = TeamWording(
        language: .german, pageTitle: "Nachweis der Maßnahmen zur KI-Kompetenz",
        asOf: { "Stand: \($0)" }, allTeams: "alle Teams", team: { "Team \($0)" },
        learners: { $0 == 1 ? "1 lernende Person" : "\($0) Lernende" },
        derivedNote:
            "Die Status werden aus dem Ereignisprotokoll jeder Person und den unten genannten Inhaltsversionen "
            + "abgeleitet; sie werden nie von Hand bearbeitet.",
        progressPerRole: "Fortschritt je Rolle", learnersByTeam: "Lernende nach Team", noTeam: "Ohne Team",
        learnerColumns: [
            "Person", "Rolle", "Status", "erledigt", "was zählt", "fällig", "Tage überfällig", "letzte Aktivität",
        ],
        never: "nie", evidence: "Nachweise",
        evidenceColumns: ["Modul", "Version", "Status", "abgeschlossen", "Ergebnis", "gültig bis", "Tage überfällig"],
        attestationColumns: ["Meilenstein", "Status", "bestätigt von", "bestätigt am", "Notiz", "gültig bis"],
        unknown: "unbekannt", missedQuestions: "Fragen, die das Team am häufigsten falsch beantwortet",
        missedColumns: ["Modul", "Frage", "falsch", "Antworten", "Personen"], itemAnalysis: "Aufgabenanalyse",
        itemNote: { low, minimum in
            "Der erste Versuch jeder Person je Modul in dessen aktueller Version. Richtig: der Anteil richtiger "
                + "Antworten. Trennschärfe: die punktbiseriale Korrelation zwischen einer richtigen Antwort auf "
                + "diese Frage und dem Anteil richtiger Antworten auf die übrigen Fragen des Versuchs (unter \(low) "
                + "bei \(minimum) oder mehr Antworten: starke Lernende verfehlen sie). Hinweise erst ab \(minimum) Antworten."
        },
        itemColumns: [
            "Modul", "Frage", "Antworten", "richtig", "Trennschärfe", "Wahl je Antwortmöglichkeit", "Hinweise",
        ],
        everyoneRight: "alle richtig (zu leicht)", strongLearnersMiss: "starke Lernende verfehlen sie",
        neverPicked: { "nie gewählt: \($0)" }, filesNotIncluded: "Nicht berücksichtigte Dateien",
        contentVersions: "Inhaltsversionen", versionColumns: ["Modul", "Version", "geprüft", "zu prüfen bis"],
        months: [
            "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
            "November", "Dezember",
        ],
        day: { day, month, year in "\(day). \(month) \(year)" },
        state: { state in
            switch state {
            case .notStarted: return "nicht begonnen"
            case .inProgress: return "in Arbeit"
            case .completed: return "abgeschlossen"
            case .dueSoon: return "bald fällig"
            case .overdue: return "überfällig"
            case .updateAvailable: return "Aktualisierung verfügbar"
            case .waived: return "erlassen"
            }
        },
        valid: { "\($0)/\($1) gültig" },
        overdue: { count, days in
            let since = days.map { $0 == 0 ? "seit heute" : $0 == 1 ? "seit 1 Tag" : "seit \($0) Tagen" }
            return "\(count) überfällig" + (since.map { " \($0)" } ?? "")
        },
        dueSoon: { count, days in
            let until = days.map { $0 == 0 ? "heute" : $0 == 1 ? "in 1 Tag" : "in \($0) Tagen" }
            return "\(count) bald fällig" + (until.map { " \($0)" } ?? "")
        },
        updateAvailable: { $0 == 1 ? "1 Aktualisierung verfügbar" : "\($0) Aktualisierungen verfügbar" },
        dueIn: { $0 == 0 ? "heute fällig" : $0 == 1 ? "fällig in 1 Tag" : "fällig in \($0) Tagen" },
        waivedCount: { "\($0) erlassen" },
        waiverWords: { by, on, reason, until, ended in
            var text = (ended ? "Erlass abgelaufen; war erlassen" : "erlassen") + (by.map { " von \($0)" } ?? "")
            text += " am \(on): \(reason)"
            if let until { text += ended ? " (bis \(until))" : "; bis \(until)" }
            return text
        })

    /// A day as people write it in this language: "1 December 2026", "1. Dezember 2026".
    public func format(_ day: CalendarDay) -> String {
        self.day(day.day, months[max(0, min(11, day.month - 1))], day.year)
    }

    /// The day of `date` in UTC, formatted; empty for none.
    public func format(_ date: Date?) -> String {
        date.map { format(CalendarDay($0)) } ?? ""
    }

    /// A waiver in this language, with its days formatted: who, when, why, until when, and whether it ended.
    public func waiverNote(_ waiver: Waiver) -> String {
        waiverWords(waiver.by, format(waiver.at), waiver.reason, waiver.until.map { format($0) }, waiver.ended)
    }

    /// What counts in a path, in words: "2/3 valid · 1 overdue for 14 days · 1 due soon", "1/2 valid · 1 due soon
    /// in 20 days", "0/3 valid · due in 40 days" (a first completion with a deadline).
    public func counts(_ path: TeamReport.PathRow) -> String {
        var parts = [valid(path.modulesDone, path.modulesTotal)]
        if path.overdue > 0 { parts.append(overdue(path.overdue, path.daysOverdue)) }
        if path.dueSoon > 0 {
            parts.append(dueSoon(path.dueSoon, path.daysOverdue == nil ? path.daysUntilDue : nil))
        }
        if path.updateAvailable > 0 { parts.append(updateAvailable(path.updateAvailable)) }
        if path.waived > 0 { parts.append(waivedCount(path.waived)) }
        // A first completion with a deadline ahead (`due_within`): not started, but due by a date.
        if path.overdue + path.dueSoon + path.updateAvailable == 0, let days = path.daysUntilDue,
            path.modulesDone < path.modulesTotal
        {
            parts.append(dueIn(days))
        }
        return parts.joined(separator: " · ")
    }
}
