import Foundation

/// Every text of the dossier in one language, so that a dossier never mixes languages and no renderer decides
/// wording inline. Dates and states are worded by ``TeamWording``, the one table for those.
public struct DossierWording: Sendable {
    /// Dates, states and counts.
    public let team: TeamWording
    /// The document's title after the course title.
    let title: String
    /// The line under the title: as of, learners.
    let intro: @Sendable (String, Int) -> String
    /// The paragraph on what the dossier is.
    let purpose: String
    /// Section headings, in order.
    let organisation, roleMatrix, measures, register, coverage, coverageByRole, exceptions, review, integrity: String
    /// Organisation facts.
    let name, responsible, systems: String
    /// Column headers of the systems table.
    let systemColumns: [String]
    /// A risk class in words.
    let riskClass: @Sendable (RiskClass) -> String
    /// The organisation file is missing: which file to create, and where the template is.
    let missingOrganisation: @Sendable (String) -> String
    /// The organisation file has problems.
    let brokenOrganisation: @Sendable (String) -> String
    /// No systems listed.
    let noSystems: String
    /// Column headers of the role matrix.
    let roleColumns: [String]
    /// The validity of a path: "valid for P12M".
    let validity: @Sendable (String) -> String
    /// The deadline of a first completion.
    let dueWithin: @Sendable (String) -> String
    /// Milestones heading in the matrix.
    let milestones: String
    /// Systems used by a role.
    let usedSystems: String
    /// Column headers of measures.
    let measureColumns: [String]
    /// A measure kind in words.
    let kind: @Sendable (Dossier.MeasureKind) -> String
    /// Column headers of the register.
    let registerColumns: [String]
    /// Column headers of coverage.
    let coverageColumns: [String]
    /// The note on coverage: derived, one row per team and role.
    let coverageNote: String
    /// "Module" and "Path", before the title of a waived item.
    let moduleWord, pathWord: String
    /// No team, all teams.
    let noTeam, allTeams: String
    /// Column headers of exceptions.
    let exceptionColumns: [String]
    /// No exceptions.
    let noExceptions: String
    /// Column headers of the path cadence.
    let cadenceColumns: [String]
    /// Column headers of module review.
    let moduleReviewColumns: [String]
    /// A review date that has passed.
    let reviewOverdue: String
    /// Seal texts.
    let noSeal: String
    /// A seal: id, date, by, learners.
    let seal: @Sendable (String, String, String?, Int) -> String
    /// Not verified.
    let notVerified: String
    /// Verification passed: learners, seals.
    let verified: @Sendable (Int, Int) -> String
    /// Verification failed.
    let verificationFailed: String
    /// Files no seal covers yet, files without a chain yet; nil when both are 0.
    let uncovered: @Sendable (Int, Int) -> String?
    /// Nothing recorded yet.
    let nothingYet: String
    /// Learner files not included.
    let filesNotIncluded: String
    /// A period in words.
    let duration: @Sendable (ISODuration) -> String

    /// The wording for `language`: German for `de`, English for every other language.
    public static func `for`(_ language: LanguageCode) -> DossierWording {
        language == .german ? german : english
    }

    /// English.
    public static let english = DossierWording(
        team: .english, title: "Art. 4 AI Act: record of AI-literacy measures",
        intro: { "As of \($0) · \($1 == 1 ? "1 learner" : "\($1) learners")" },
        purpose:
            "This is the organisation's internal record of the measures it takes to ensure a sufficient level of AI "
            + "literacy of its staff and of other persons dealing with AI systems on its behalf (Regulation (EU) "
            + "2024/1689, Art. 4). Every status is derived from each learner's event log and the content versions "
            + "named here; none is edited by hand.",
        organisation: "1. Organisation and AI systems", roleMatrix: "2. Role matrix",
        measures: "3. Measures delivered", register: "3.1 Register per person",
        coverage: "4. Coverage per team and role", coverageByRole: "4.1 Coverage per role, all teams",
        exceptions: "5. Exceptions", review: "6. Review cadence", integrity: "7. Integrity of the record",
        name: "Organisation", responsible: "Responsible for AI literacy", systems: "AI systems in use",
        systemColumns: ["system", "provider", "purpose", "risk class (as assessed)", "owner", "teams", "roles"],
        riskClass: { risk in
            switch risk {
            case .prohibited: return "prohibited practice"
            case .high: return "high-risk"
            case .limited: return "transparency obligations"
            case .minimal: return "minimal risk"
            case .unassessed: return "not assessed yet"
            }
        },
        missingOrganisation: { file in
            "No description of the organisation yet. Create \(file) (a template is in docs/examples/organisation.yaml; "
                + "'lernpfad validate' checks it) to name the organisation and the AI systems it uses."
        },
        brokenOrganisation: { "\($0) has problems and is left out until they are fixed:" },
        noSystems: "No AI systems are listed.",
        roleColumns: ["module", "version", "objectives"],
        validity: { "valid for \($0)" }, dueWithin: { "first completion within \($0)" },
        milestones: "Attested milestones", usedSystems: "AI systems used",
        measureColumns: ["kind", "measure", "version", "learners", "first", "latest"],
        kind: { $0 == .module ? "module" : "attested" },
        registerColumns: ["person", "team", "measure", "version", "date", "score", "attested by", "valid until"],
        coverageColumns: [
            "team", "role", "learners", "valid", "due soon", "overdue", "update available", "in progress",
            "never started", "exempted",
        ],
        coverageNote:
            "Learners per state of their path, as lernpfad status and team derive it (docs/status.md). Valid: completed "
            + "and nothing due soon; due soon: still valid, a refresher due within the path's window.",
        moduleWord: "Module", pathWord: "Path", noTeam: "no team", allTeams: "all teams",
        exceptionColumns: ["person", "team", "exempted from", "reason", "granted by", "recorded", "until"],
        noExceptions: "No exceptions are recorded.",
        cadenceColumns: ["path", "valid for", "due soon from"],
        moduleReviewColumns: ["module", "version", "reviewed", "review by", "sources"],
        reviewOverdue: "review date passed",
        noSeal:
            "No seal: the learner files have not been sealed yet, so changes made to them cannot be detected. "
            + "Run 'lernpfad seal'.",
        seal: { id, day, by, learners in
            "Latest seal \(id) of \(day)" + (by.map { " by \($0)" } ?? "") + ", covering \(learners) learner file(s)."
        },
        notVerified: "Not verified: run 'lernpfad verify' to check every chain and seal.",
        verified: { "Verified: \($0) learner file(s) and \($1) seal(s) checked, no change found." },
        verificationFailed: "Verification failed:",
        uncovered: { unsealed, notChained in
            var parts: [String] = []
            if unsealed > 0 { parts.append("\(unsealed) learner file(s) not covered by a seal yet") }
            if notChained > 0 { parts.append("\(notChained) without a hash chain yet (chained on their next save)") }
            return parts.isEmpty ? nil : "Not yet protected: " + parts.joined(separator: "; ") + "."
        },
        nothingYet: "Nothing recorded yet.",
        filesNotIncluded: "Learner files not included",
        duration: { duration in
            var parts: [String] = []
            if duration.years > 0 { parts.append(duration.years == 1 ? "1 year" : "\(duration.years) years") }
            if duration.months > 0 { parts.append(duration.months == 1 ? "1 month" : "\(duration.months) months") }
            if duration.days > 0 { parts.append(duration.days == 1 ? "1 day" : "\(duration.days) days") }
            return parts.isEmpty ? "0 days" : parts.joined(separator: " ")
        })

    /// German.
    public static let german = DossierWording(
        team: .german, title: "Art. 4 KI-Verordnung: Nachweis der Maßnahmen zur KI-Kompetenz",
        intro: { "Stand: \($0) · \($1 == 1 ? "1 lernende Person" : "\($1) Lernende")" },
        purpose:
            "Dies ist der interne Nachweis der Organisation über ihre Maßnahmen, mit denen sie ein ausreichendes Maß "
            + "an KI-Kompetenz ihres Personals und anderer Personen sicherstellt, die in ihrem Auftrag mit KI-Systemen "
            + "befasst sind (Verordnung (EU) 2024/1689, Art. 4). Jeder Status wird aus dem Ereignisprotokoll jeder "
            + "Person und den hier genannten Inhaltsversionen abgeleitet; keiner wird von Hand bearbeitet.",
        organisation: "1. Organisation und KI-Systeme", roleMatrix: "2. Rollenmatrix",
        measures: "3. Durchgeführte Maßnahmen", register: "3.1 Verzeichnis je Person",
        coverage: "4. Abdeckung je Team und Rolle", coverageByRole: "4.1 Abdeckung je Rolle, alle Teams",
        exceptions: "5. Ausnahmen", review: "6. Prüfrhythmus", integrity: "7. Unversehrtheit der Aufzeichnungen",
        name: "Organisation", responsible: "Verantwortlich für KI-Kompetenz", systems: "Eingesetzte KI-Systeme",
        systemColumns: [
            "System", "Anbieter", "Zweck", "Risikoklasse (eigene Einstufung)", "Verantwortlich", "Teams", "Rollen",
        ],
        riskClass: { risk in
            switch risk {
            case .prohibited: return "verbotene Praxis"
            case .high: return "Hochrisiko"
            case .limited: return "Transparenzpflichten"
            case .minimal: return "minimales Risiko"
            case .unassessed: return "noch nicht eingestuft"
            }
        },
        missingOrganisation: { file in
            "Noch keine Beschreibung der Organisation. Legen Sie \(file) an (eine Vorlage liegt in "
                + "docs/examples/organisation.yaml; 'lernpfad validate' prüft sie), um die Organisation und die "
                + "eingesetzten KI-Systeme zu nennen."
        },
        brokenOrganisation: { "\($0) enthält Fehler und bleibt unberücksichtigt, bis sie behoben sind:" },
        noSystems: "Es sind keine KI-Systeme aufgeführt.",
        roleColumns: ["Modul", "Version", "Lernziele"],
        validity: { "gültig für \($0)" }, dueWithin: { "Frist für den Erstabschluss: \($0)" },
        milestones: "Bestätigte Meilensteine", usedSystems: "Genutzte KI-Systeme",
        measureColumns: ["Art", "Maßnahme", "Version", "Personen", "erstmals", "zuletzt"],
        kind: { $0 == .module ? "Modul" : "bestätigt" },
        registerColumns: ["Person", "Team", "Maßnahme", "Version", "Datum", "Ergebnis", "bestätigt von", "gültig bis"],
        coverageColumns: [
            "Team", "Rolle", "Personen", "gültig", "bald fällig", "überfällig", "Aktualisierung verfügbar", "in Arbeit",
            "nie begonnen", "befreit",
        ],
        coverageNote:
            "Personen je Status ihres Lernpfads, wie lernpfad status und team ihn ableiten (docs/status.md). Gültig: "
            + "abgeschlossen und nichts bald fällig; bald fällig: noch gültig, eine Auffrischung steht im Zeitfenster "
            + "des Pfads an.",
        moduleWord: "Modul", pathWord: "Lernpfad", noTeam: "ohne Team", allTeams: "alle Teams",
        exceptionColumns: ["Person", "Team", "befreit von", "Grund", "gewährt von", "erfasst", "bis"],
        noExceptions: "Es sind keine Ausnahmen erfasst.",
        cadenceColumns: ["Lernpfad", "gültig für", "bald fällig ab"],
        moduleReviewColumns: ["Modul", "Version", "geprüft", "zu prüfen bis", "Quellen"],
        reviewOverdue: "Prüftermin überschritten",
        noSeal:
            "Kein Siegel: Die Lerndateien wurden noch nicht versiegelt, Änderungen daran sind daher nicht erkennbar. "
            + "Führen Sie 'lernpfad seal' aus.",
        seal: { id, day, by, learners in
            "Letztes Siegel \(id) vom \(day)" + (by.map { " durch \($0)" } ?? "")
                + ", umfasst \(learners) Lerndatei(en)."
        },
        notVerified: "Nicht geprüft: 'lernpfad verify' prüft jede Kette und jedes Siegel.",
        verified: { "Geprüft: \($0) Lerndatei(en) und \($1) Siegel, keine Änderung gefunden." },
        verificationFailed: "Prüfung fehlgeschlagen:",
        uncovered: { unsealed, notChained in
            var parts: [String] = []
            if unsealed > 0 { parts.append("\(unsealed) Lerndatei(en) noch von keinem Siegel erfasst") }
            if notChained > 0 {
                parts.append("\(notChained) noch ohne Hash-Kette (sie entsteht beim nächsten Speichern)")
            }
            return parts.isEmpty ? nil : "Noch nicht geschützt: " + parts.joined(separator: "; ") + "."
        },
        nothingYet: "Noch nichts erfasst.",
        filesNotIncluded: "Nicht berücksichtigte Lerndateien",
        duration: { duration in
            var parts: [String] = []
            if duration.years > 0 { parts.append(duration.years == 1 ? "1 Jahr" : "\(duration.years) Jahre") }
            if duration.months > 0 { parts.append(duration.months == 1 ? "1 Monat" : "\(duration.months) Monate") }
            if duration.days > 0 { parts.append(duration.days == 1 ? "1 Tag" : "\(duration.days) Tage") }
            return parts.isEmpty ? "0 Tage" : parts.joined(separator: " ")
        })
}
