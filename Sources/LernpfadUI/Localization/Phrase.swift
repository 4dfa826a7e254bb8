import LernpfadCore

/// Every fixed text of the interface, in German and English.
public enum Phrase: CaseIterable, Sendable {
    case appName, home, path, module, lesson, quiz, review, help, search, onboarding, chooseLearner
    case continueReading, noPosition, nothingToReview, modulesDone, lessonsDone
    case notStarted, inProgress, completed, dueSoon, overdue, updateAvailable
    case completedOn, validUntil, locked, requires, unavailable, minutes, objectives, lessons, sources
    case takeQuiz, questionOf, chooseOne, chooseSeveral, correct, wrong, explanation, source
    case passed, failed, score, passMark, retry, backToModule, next, submit
    case keysMove, keysOpen, keysBack, keysQuit, keysHelp, keysSearch, keysLanguage, keysScroll, keysLesson
    case keysChoose, keysToggle, keysSubmit, keysTop, keysBottom, keysPage
    case tooSmall, endOfLesson, lessonCompleted, searchPrompt, noResults, milestone, attestedBy, notAttested
    case welcome, askName, askTeam, askRoles, askLanguage, confirm, enterToContinue, spaceToToggle
    case typeToEnter, pickAtLeastOneRole, saved, refresher, skippedModules, helpTitle, pressAnyKey
    case reviewQuestionOf, reviewDone, position, quizNotAvailable, quizBroken, cannotOpenLesson, changedLessons
    case team, teamSort, teamFilter, missedQuestions, lastActivity, allTeams, noLearners, skippedFiles
    case questionsToRevise, answeredRight, flagEveryoneRight, flagStrongLearnersMiss, flagDistractorNeverPicked
    case keySpace, keyPageUp, keyPageDown, keyHome, keyEnd, keyControl, keyClick, keyWheel
    case keyChoices, keyTyping, keyAny, helpSelect, helpPage, helpTopEnd, helpOpen, helpClickOpen
    case helpScroll, helpContinue, helpReview, helpLine, helpNextLesson, helpChoose, helpCursor, helpToggle
    case helpCheck, helpClickChoose, helpNextQuestion, helpBackHome, helpBackToModule, helpRetry, helpSort, helpFilter
    case helpNext, helpDelete, helpType, helpToggleRole, helpConfirm, helpBack, helpSearch, helpLanguage
    case helpHelp, helpQuit, helpQuitSaved, helpClose, verbSelect, verbOpen, verbScroll, verbPage
    case verbLesson, verbChoose, verbToggle, verbCheck, verbNext, verbHome, verbBackToModule, verbRetry
    case verbSort, verbFilter, verbBack, verbConfirm, verbSearch, verbHelp, verbQuit, verbClose
    case loading, notSaved, nameRequired, sortUrgency, sortActivity, backHome
    case why, helpWhy, verbWhy, modulesValid, daysOverdue, overdueToday, daysLeft, dueToday
    case ruleNothingDone, ruleNotYetCompleted, ruleValidFromCompletion, ruleDueSoonWindow, ruleValidityExpired
    case ruleMajorVersionChanged, ruleModuleNotLoaded, ruleFirstCompletionDeadlinePassed, ruleDeadline
    case ruleMilestoneNotAttested, ruleMilestoneValid, ruleMilestoneExpired, ruleMilestoneDueSoon
    case needsFirstCompletion, needsRefresher, needsLessons, needsQuiz, needsQuizPassMark, needsBy, needsAttestation
    case moduleCompleted, pathCompleted, lessonsCount, startedAtLine, helpMatch, verbMatch, matchOf
    case nextStep, refresherStep, allDone, nextRefresherOn, reviewToday, reviewTodayOne, reviewTomorrow
    case attest, helpAttest, verbAttest, attestQuestion, attestedNotice, attestFailed, noMilestones, helpCancel
    case attestedByOn, months, days, years, oneMonth, oneDay, oneYear, overdueOneDay, oneDayLeft
    case quizFacts, quizFactsOneQuestion, missedInQuiz, reReadLesson, missedComeBack, passedLessonsStillNeeded
    case nextReviewOn, reviewComesBackThisRound, leaveQuizQuestion, leaveQuizKeys, helpLeaveQuiz, helpLeaveQuizConfirm
    case helpStayInQuiz, verbLeave, verbStay
    case stepOf, stepLanguage, stepNameAndTeam, stepRoles, stepSummary, onboardingWayOutFirst, onboardingWayOut
    case onboardingWayOutTyping, helpBackStep, helpChooseLanguage, helpStartLearning, verbStart, courseIsFallback
    case courseTakesAbout, courseTakesBetween, durationMinutes, durationHours, durationHoursMinutes, moduleCount
    case moduleCountOne, modulesAbout, yourPathTakes, stopAnyTime, nameAndTeamShown, labelName, labelTeam
    case labelRoles, labelLanguage, labelLearnerID, askLearnerID, learnerIDRules, startLearning, learnerIDEmpty
    case learnerIDInvalid, learnerIDTaken, learnerIDCharacter, newLearner
    case waived, ruleWaiverInForce, ruleWaiverEnded
    case keyShiftDrag, helpSelectText, readQuestionOf, readAnswer, readAnswerHint, readAnswerInvalid
    case readLessonMarked, readLessonNotCounted, readQuizHint, readQuestionsMissed, readNoLearner
}

/// Looks up phrases in one language.
public struct Localizer: Sendable {
    /// The interface language.
    public var language: LanguageCode

    /// A localizer for `language`; anything but German is English.
    public init(_ language: LanguageCode) { self.language = language }

    /// The phrase in this language.
    public func callAsFunction(_ phrase: Phrase) -> String {
        let (german, english) = Self.table(phrase)
        return language == .german ? german : english
    }

    /// The phrase with its placeholders `{1}`, `{2}`, … replaced by `values`.
    public func callAsFunction(_ phrase: Phrase, _ values: String...) -> String {
        var result = self(phrase)
        for (index, value) in values.enumerated() {
            result = result.replacingOccurrences(of: "{\(index + 1)}", with: value)
        }
        return result
    }

    /// A duration in words: "12 Monate", "30 days".
    public func duration(_ duration: ISODuration) -> String {
        var parts: [String] = []
        func part(_ count: Int, one: Phrase, many: Phrase) {
            parts.append(count == 1 ? self(one) : self(many, String(count)))
        }
        if duration.years > 0 { part(duration.years, one: .oneYear, many: .years) }
        if duration.months > 0 { part(duration.months, one: .oneMonth, many: .months) }
        if duration.days > 0 || parts.isEmpty { part(duration.days, one: .oneDay, many: .days) }
        return parts.joined(separator: " ")
    }

    /// `text` in the quotation marks of this language: „so“ in German, “so” in English.
    public func quoted(_ text: String) -> String {
        language == .german ? "„\(text)“" : "“\(text)”"
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private static func table(_ phrase: Phrase) -> (String, String) {
        switch phrase {
        case .appName: return ("lernpfad", "lernpfad")
        case .home: return ("Start", "Home")
        case .path: return ("Lernpfad", "Path")
        case .module: return ("Modul", "Module")
        case .lesson: return ("Lektion", "Lesson")
        case .quiz: return ("Wissenscheck", "Knowledge check")
        case .review: return ("Wiederholen", "Review")
        case .help: return ("Hilfe", "Help")
        case .search: return ("Suche", "Search")
        case .onboarding: return ("Willkommen", "Welcome")
        case .chooseLearner: return ("Wer lernt?", "Who is learning?")
        case .continueReading: return ("Weiterlesen", "Continue")
        case .noPosition: return ("Beim ersten Modul beginnen", "Start with the first module")
        case .nothingToReview: return ("Nichts zu wiederholen", "Nothing to review")
        case .modulesDone: return ("Module", "modules")
        case .lessonsDone: return ("Lektionen", "lessons")
        case .notStarted: return ("nicht begonnen", "not started")
        case .inProgress: return ("in Arbeit", "in progress")
        case .completed: return ("abgeschlossen", "completed")
        case .dueSoon: return ("bald fällig", "due soon")
        case .overdue: return ("überfällig", "overdue")
        case .updateAvailable: return ("Aktualisierung verfügbar", "update available")
        case .completedOn: return ("abgeschlossen am", "completed on")
        case .validUntil: return ("gültig bis", "valid until")
        case .locked: return ("gesperrt", "locked")
        case .requires: return ("erst", "first complete")
        case .unavailable: return ("nicht verfügbar", "unavailable")
        case .minutes: return ("Min.", "min")
        case .objectives: return ("Lernziele", "Objectives")
        case .lessons: return ("Lektionen", "Lessons")
        case .sources: return ("Quellen", "Sources")
        case .takeQuiz: return ("Wissenscheck starten", "Take the knowledge check")
        case .questionOf: return ("Frage", "Question")
        case .chooseOne: return ("Eine Antwort wählen", "Choose one answer")
        case .chooseSeveral: return ("Alle zutreffenden Antworten wählen", "Choose every answer that applies")
        case .correct: return ("Richtig", "Correct")
        case .wrong: return ("Nicht richtig", "Not right")
        case .explanation: return ("Erklärung", "Explanation")
        case .source: return ("Quelle", "Source")
        case .passed: return ("Bestanden", "Passed")
        case .failed: return ("Nicht bestanden", "Not passed")
        case .score: return ("Ergebnis", "Score")
        case .passMark: return ("Bestehensgrenze", "Pass mark")
        case .retry: return ("r: erneut versuchen", "r: try again")
        case .backToModule: return ("Zurück zum Modul", "Back to the module")
        case .next: return ("weiter", "next")
        case .submit: return ("prüfen", "check")
        case .keysMove: return ("↑↓ wählen", "↑↓ move")
        case .keysOpen: return ("⏎ öffnen", "⏎ open")
        case .keysBack: return ("Esc zurück", "esc back")
        case .keysQuit: return ("q beenden", "q quit")
        case .keysHelp: return ("? Hilfe", "? help")
        case .keysSearch: return ("/ suchen", "/ search")
        case .keysLanguage: return ("L Sprache", "L language")
        case .keysScroll: return ("↑↓ j k blättern", "↑↓ j k scroll")
        case .keysLesson: return ("n p Lektion", "n p lesson")
        case .keysChoose: return ("1-9 a-h wählen", "1-9 a-h choose")
        case .keysToggle: return ("Leertaste an/aus", "space toggle")
        case .keysSubmit: return ("⏎ prüfen", "⏎ check")
        case .keysTop: return ("g Anfang", "g top")
        case .keysBottom: return ("G Ende", "G end")
        case .keysPage: return ("Bild↑↓ Leertaste Seite", "PgUp PgDn space page")
        case .tooSmall: return ("Fenster zu klein", "Window too small")
        case .endOfLesson: return ("Ende der Lektion", "End of lesson")
        case .lessonCompleted: return ("Lektion abgeschlossen", "Lesson completed")
        case .searchPrompt: return ("Suchen", "Search")
        case .noResults: return ("Keine Treffer", "No results")
        case .milestone: return ("Meilenstein", "Milestone")
        case .attestedBy: return ("bestätigt von", "attested by")
        case .notAttested: return ("noch nicht bestätigt", "not yet attested")
        case .welcome: return ("Willkommen bei lernpfad", "Welcome to lernpfad")
        case .askName: return ("Wie heißen Sie?", "What is your name?")
        case .askTeam: return ("In welchem Team arbeiten Sie? (optional)", "Which team do you work in? (optional)")
        case .askRoles:
            return ("Welche Rollen haben Sie? (mehrere möglich)", "Which roles do you have? (you may pick several)")
        case .askLanguage:
            return ("In welcher Sprache möchten Sie lernen?", "Which language would you like to learn in?")
        case .confirm: return ("⏎ bestätigen", "⏎ confirm")
        case .enterToContinue: return ("⏎ weiter", "⏎ continue")
        case .spaceToToggle: return ("Leertaste wählt, ⏎ weiter", "space selects, ⏎ continues")
        case .typeToEnter: return ("Tippen, ⏎ weiter", "type, ⏎ continues")
        case .pickAtLeastOneRole: return ("Bitte mindestens eine Rolle wählen", "Please choose at least one role")
        case .saved: return ("gespeichert", "saved")
        case .refresher: return ("Auffrischung", "Refresher")
        case .skippedModules: return ("Fehlerhafte Module übersprungen", "Skipped broken modules")
        case .helpTitle: return ("Tasten", "Keys")
        case .pressAnyKey: return ("Eine Taste drücken", "Press any key")
        case .reviewQuestionOf: return ("Wiederholung", "Review")
        case .reviewDone: return ("Alle fälligen Fragen wiederholt", "All due questions reviewed")
        case .position: return ("Zeile", "line")
        case .quizNotAvailable: return ("Dieses Modul hat keinen Wissenscheck", "This module has no knowledge check")
        case .quizBroken:
            return (
                "Wissenscheck fehlerhaft, bitte der Schulung melden", "Knowledge check is broken; tell your trainer"
            )
        case .cannotOpenLesson: return ("Lektion kann nicht geöffnet werden", "Cannot open lesson")
        case .changedLessons: return ("geänderte Lektionen", "changed lessons")
        case .team: return ("Team", "Team")
        case .teamSort: return ("s sortieren", "s sort")
        case .teamFilter: return ("f Team filtern", "f filter team")
        case .missedQuestions: return ("Häufig falsch beantwortet", "Most often answered wrong")
        case .lastActivity: return ("zuletzt aktiv", "last active")
        case .allTeams: return ("alle Teams", "all teams")
        case .noLearners: return ("Keine Lernenden im Datenordner", "No learners in the data folder")
        case .skippedFiles: return ("Übersprungene Dateien", "Skipped files")
        case .questionsToRevise: return ("Fragen zum Überarbeiten (Itemanalyse)", "Questions to revise (item analysis)")
        case .answeredRight: return ("richtig", "right")
        case .flagEveryoneRight: return ("alle richtig: trennt niemanden", "everyone right: tells no one apart")
        case .flagStrongLearnersMiss:
            return ("Starke Lernende liegen hier nicht öfter richtig", "strong learners get it no more often right")
        case .flagDistractorNeverPicked: return ("nie gewählt", "never picked")
        case .keySpace: return ("Leertaste", "space")
        case .keyPageUp: return ("Bild↑", "PgUp")
        case .keyPageDown: return ("Bild↓", "PgDn")
        case .keyHome: return ("Pos1", "Home")
        case .keyEnd: return ("Ende", "End")
        case .keyControl: return ("Strg", "Ctrl")
        case .keyClick: return ("Klick", "click")
        case .keyWheel: return ("Mausrad", "mouse wheel")
        case .keyChoices: return ("1–9 a–h", "1–9 a–h")
        case .keyTyping: return ("Tippen", "typing")
        case .keyAny: return ("jede Taste", "any key")
        case .helpSelect: return ("auswählen", "move")
        case .helpPage: return ("eine Seite", "one page")
        case .helpTopEnd: return ("Anfang / Ende", "top / end")
        case .helpOpen: return ("öffnen", "open")
        case .helpClickOpen: return ("auswählen und öffnen", "select and open")
        case .helpScroll: return ("blättern", "scroll")
        case .helpContinue: return ("weiterlesen", "continue")
        case .helpReview: return ("wiederholen", "review")
        case .helpLine: return ("eine Zeile", "one line")
        case .helpNextLesson: return ("nächste / vorige Lektion", "next / previous lesson")
        case .helpChoose: return ("Antwort wählen", "choose an answer")
        case .helpCursor: return ("Cursor bewegen", "move the cursor")
        case .helpToggle: return ("Antwort an/aus", "toggle an answer")
        case .helpCheck: return ("Antwort prüfen", "check the answer")
        case .helpClickChoose: return ("Antwort wählen", "choose an answer")
        case .helpNextQuestion: return ("nächste Frage", "next question")
        case .helpBackHome: return ("zurück zum Start", "back to home")
        case .helpBackToModule: return ("zurück zum Modul", "back to the module")
        case .helpRetry: return ("Wissenscheck wiederholen", "retry the knowledge check")
        case .helpSort: return ("Sortierung wechseln", "change the order")
        case .helpFilter: return ("Team filtern", "filter by team")
        case .helpNext: return ("weiter", "next")
        case .helpDelete: return ("Zeichen löschen", "delete a character")
        case .helpType: return ("Text eingeben", "enter text")
        case .helpToggleRole: return ("Rolle wählen", "select a role")
        case .helpConfirm: return ("bestätigen", "confirm")
        case .helpBack: return ("zurück", "back")
        case .helpSearch: return ("Titel und Texte durchsuchen", "search titles and lessons")
        case .helpLanguage: return ("Sprache wechseln", "switch language")
        case .helpHelp: return ("diese Hilfe", "this help")
        case .helpQuit: return ("beenden", "quit")
        case .helpQuitSaved: return ("beenden (alles ist gespeichert)", "quit (everything is saved)")
        case .helpClose: return ("schließen", "close")
        case .verbSelect: return ("wählen", "move")
        case .verbOpen: return ("öffnen", "open")
        case .verbScroll: return ("blättern", "scroll")
        case .verbPage: return ("Seite", "page")
        case .verbLesson: return ("Lektion", "lesson")
        case .verbChoose: return ("wählen", "choose")
        case .verbToggle: return ("an/aus", "toggle")
        case .verbCheck: return ("prüfen", "check")
        case .verbNext: return ("weiter", "next")
        case .verbHome: return ("zum Start", "home")
        case .verbBackToModule: return ("zum Modul", "to the module")
        case .verbRetry: return ("nochmal", "retry")
        case .verbSort: return ("sortieren", "sort")
        case .verbFilter: return ("Team filtern", "filter team")
        case .verbBack: return ("zurück", "back")
        case .verbConfirm: return ("bestätigen", "confirm")
        case .verbSearch: return ("suchen", "search")
        case .verbHelp: return ("Hilfe", "help")
        case .verbQuit: return ("beenden", "quit")
        case .verbClose: return ("schließen", "close")
        case .loading: return ("Wird geladen …", "Loading …")
        case .notSaved: return ("Nicht gespeichert, wird wieder versucht", "Not saved, will retry")
        case .nameRequired:
            return ("Der Name fehlt: bitte tippen Sie Ihren Namen.", "The name is missing: please type your name.")
        case .sortUrgency: return ("↓ dringend", "↓ urgent")
        case .sortActivity: return ("↓ zuletzt aktiv", "↓ last active")
        case .backHome: return ("Zurück zum Start", "Back to home")
        case .why: return ("Warum?", "Why?")
        case .helpWhy:
            return (
                "Warum ist das fällig? Regel, Daten und was nötig ist", "Why is this due? Rule, dates, what is needed"
            )
        case .verbWhy: return ("warum?", "why?")
        case .modulesValid: return ("{1}/{2} Module gültig", "{1}/{2} modules count")
        case .daysOverdue: return ("seit {1} Tagen überfällig", "overdue for {1} days")
        case .overdueToday: return ("seit heute überfällig", "overdue since today")
        case .daysLeft: return ("noch {1} Tage", "{1} days left")
        case .dueToday: return ("heute fällig", "due today")
        case .ruleNothingDone: return ("Noch nichts begonnen.", "Nothing done yet.")
        case .ruleNotYetCompleted:
            return ("Begonnen, aber noch nicht abgeschlossen.", "Started, but not yet completed.")
        case .ruleValidFromCompletion:
            return ("Abgeschlossen am {1} und {2} gültig, bis {3}.", "Completed on {1} and valid for {2}, until {3}.")
        case .ruleDueSoonWindow:
            return (
                "Gültig bis {1}; bald fällig heißt: weniger als {2} bis dahin.",
                "Valid until {1}; due soon means less than {2} before that."
            )
        case .ruleValidityExpired:
            return (
                "Abgeschlossen am {1} und {2} gültig; abgelaufen am {3}.",
                "Completed on {1} and valid for {2}; ran out on {3}."
            )
        case .ruleMajorVersionChanged:
            return (
                "Abgeschlossen in Version {1}; der Inhalt ist jetzt in Version {2} wesentlich geändert.",
                "Completed in version {1}; the content has changed substantially, now version {2}."
            )
        case .ruleModuleNotLoaded:
            return (
                "Das Modul ist im Inhalt nicht geladen; die Trainerin oder der Trainer sollte `lernpfad validate` ausführen.",
                "The module did not load from the content; a trainer should run `lernpfad validate`."
            )
        case .ruleFirstCompletionDeadlinePassed:
            return (
                "Nie abgeschlossen, und die Frist für den ersten Abschluss ist am {1} abgelaufen.",
                "Never completed, and the deadline for the first completion passed on {1}."
            )
        case .ruleDeadline:
            return ("Erster Abschluss fällig innerhalb von {1} ab {2}.", "First completion due within {1} of {2}.")
        case .ruleMilestoneNotAttested: return ("Noch nicht bestätigt.", "Not attested yet.")
        case .ruleMilestoneValid:
            return ("Bestätigt am {1} und {2} gültig, bis {3}.", "Attested on {1} and valid for {2}, until {3}.")
        case .ruleMilestoneExpired:
            return (
                "Bestätigt am {1} und {2} gültig; abgelaufen am {3}.",
                "Attested on {1} and valid for {2}; ran out on {3}."
            )
        case .ruleMilestoneDueSoon:
            return ("Bestätigt am {1}; die Gültigkeit endet am {2}.", "Attested on {1}; it runs out on {2}.")
        case .needsFirstCompletion: return ("Nötig: ", "Needed: ")
        case .needsRefresher: return ("Auffrischung nötig: ", "Refresher needed: ")
        case .needsLessons: return ("Lektionen lesen: {1}", "read {1}")
        case .needsQuiz: return ("den Wissenscheck bestehen", "pass the knowledge check")
        case .needsQuizPassMark:
            return (
                "den Wissenscheck bestehen (mindestens {1}\u{00A0}%)",
                "pass the knowledge check (at least {1}\u{00A0}%)"
            )
        case .needsBy: return ("bis {1}", "by {1}")
        case .needsAttestation:
            return (
                "Nötig: eine neue Bestätigung (lernpfad attest) bis {1}",
                "Needed: a new attestation (lernpfad attest) by {1}"
            )
        case .moduleCompleted: return ("Modul abgeschlossen", "Module completed")
        case .pathCompleted: return ("Lernpfad abgeschlossen", "Path completed")
        case .helpMatch: return ("Nächster und voriger Treffer der Suche", "Next and previous search match")
        case .keyShiftDrag: return ("Umschalt+Ziehen", "Shift+drag")
        case .helpSelectText: return ("Text markieren und kopieren", "select and copy text")
        case .readQuestionOf: return ("Frage {1} von {2}", "Question {1} of {2}")
        case .readAnswer: return ("Antwort:", "Answer:")
        case .readAnswerHint:
            return (
                "Die Nummer der Antwort eingeben; mehrere durch Komma getrennt (z. B. 1,3).",
                "Type the number of the answer; several separated by commas (e.g. 1,3)."
            )
        case .readAnswerInvalid:
            return (
                "Bitte Nummern von 1 bis {1} eingeben, z. B. 1 oder 1,3.",
                "Please type numbers from 1 to {1}, e.g. 1 or 1,3."
            )
        case .readLessonMarked: return ("Lektion als gelesen vermerkt.", "Lesson marked as read.")
        case .readLessonNotCounted: return ("Zählt noch nicht: erst {1}.", "Does not count yet: first complete {1}.")
        case .readQuizHint: return ("Wissenscheck: lernpfad read {1}/quiz", "Knowledge check: lernpfad read {1}/quiz")
        case .readQuestionsMissed: return ("Falsch beantwortet: {1}", "Missed: {1}")
        case .readNoLearner:
            return (
                "Kein Lernender gewählt: nichts wird gespeichert (--learner ID).",
                "No learner chosen: nothing is saved (--learner ID)."
            )
        case .verbMatch: return ("Treffer", "match")
        case .matchOf: return ("Treffer {1}/{2} · + nächster · - voriger", "match {1}/{2} · + next · - previous")
        case .startedAtLine: return ("angefangen, bei Zeile {1}", "started, at line {1}")
        case .lessonsCount: return ("{1}/{2} Lektionen", "{1}/{2} lessons")
        case .nextStep: return ("Als Nächstes", "Next")
        case .refresherStep: return ("Auffrischen", "Refresher")
        case .allDone: return ("Alles erledigt", "All done")
        case .nextRefresherOn: return ("nächste Auffrischung am {1}", "next refresher on {1}")
        case .reviewToday: return ("{1} Fragen heute", "{1} questions today")
        case .reviewTodayOne: return ("1 Frage heute", "1 question today")
        case .reviewTomorrow: return ("{1} morgen", "{1} tomorrow")
        case .attest: return ("Meilenstein bestätigen", "Attest a milestone")
        case .helpAttest:
            return ("Einen Meilenstein bestätigen (Workshop besucht …)", "Attest a milestone (workshop attended …)")
        case .verbAttest: return ("bestätigen", "attest")
        case .attestQuestion: return ("{1} für {2} bestätigen? ⏎ ja · Esc nein", "Attest {1} for {2}? ⏎ yes · Esc no")
        case .attestedNotice: return ("Bestätigt: {1} für {2}", "Attested: {1} for {2}")
        case .attestFailed: return ("Nicht bestätigt: {1}", "Not attested: {1}")
        case .noMilestones: return ("Die Pfade haben keine Meilensteine", "The paths have no milestones")
        case .helpCancel: return ("Abbrechen", "Cancel")
        case .attestedByOn: return ("bestätigt von {1} am {2}", "attested by {1} on {2}")
        case .months: return ("{1} Monate", "{1} months")
        case .days: return ("{1} Tage", "{1} days")
        case .years: return ("{1} Jahre", "{1} years")
        case .oneMonth: return ("1 Monat", "1 month")
        case .oneDay: return ("1 Tag", "1 day")
        case .oneYear: return ("1 Jahr", "1 year")
        case .overdueOneDay: return ("seit 1 Tag überfällig", "overdue for 1 day")
        case .oneDayLeft: return ("noch 1 Tag", "1 day left")
        case .quizFacts:
            return (
                "Wissenscheck · {1} Fragen · Bestehensgrenze {2}\u{00A0}%",
                "Knowledge check · {1} questions · pass mark {2}\u{00A0}%"
            )
        case .quizFactsOneQuestion:
            return (
                "Wissenscheck · 1 Frage · Bestehensgrenze {1}\u{00A0}%",
                "Knowledge check · 1 question · pass mark {1}\u{00A0}%"
            )
        case .missedInQuiz: return ("Falsch beantwortet ({1}):", "Missed ({1}):")
        case .reReadLesson: return ("→ nachlesen: {1}", "→ re-read: {1}")
        case .missedComeBack:
            return (
                "Diese Fragen kommen ab {1} zum Wiederholen wieder (Start: r).",
                "These questions come back for review from {1} (home: r)."
            )
        case .passedLessonsStillNeeded:
            return (
                "Bestanden – damit das Modul abgeschlossen ist, fehlen noch diese Lektionen:",
                "Passed – to complete the module, read these lessons too:"
            )
        case .nextReviewOn: return ("Nächste Wiederholung ab {1}.", "Next review from {1}.")
        case .reviewComesBackThisRound:
            return ("Diese Frage kommt in dieser Runde noch einmal.", "This question comes back later in this round.")
        case .leaveQuizQuestion:
            return (
                "Wissenscheck verlassen? Die Antworten gehen verloren.",
                "Leave the knowledge check? Your answers will be lost."
            )
        case .leaveQuizKeys: return ("⏎ verlassen · Esc weiter", "⏎ leave · Esc continue")
        case .helpLeaveQuiz:
            return ("Wissenscheck verlassen (fragt vorher)", "leave the knowledge check (asks first)")
        case .helpLeaveQuizConfirm:
            return ("Wissenscheck verlassen, Antworten verwerfen", "leave the knowledge check, drop the answers")
        case .helpStayInQuiz: return ("Weiter im Wissenscheck", "continue the knowledge check")
        case .verbLeave: return ("verlassen", "leave")
        case .verbStay: return ("weiter", "continue")
        case .stepOf: return ("Schritt {1}/{2} · {3}", "Step {1}/{2} · {3}")
        case .stepLanguage: return ("Sprache", "Language")
        case .stepNameAndTeam: return ("Name und Team", "Name and team")
        case .stepRoles: return ("Rollen", "Roles")
        case .stepSummary: return ("Überblick", "Summary")
        case .onboardingWayOutFirst:
            return (
                "q oder Strg-C beendet. Gespeichert wird erst im letzten Schritt.",
                "q or Ctrl-C quits. Nothing is saved before the last step."
            )
        case .onboardingWayOut:
            return (
                "Esc/⌫: zurück, Eingaben bleiben · q/Strg-C: beenden, ohne zu speichern",
                "Esc/⌫: back, keeping your entries · q/Ctrl-C: quit without saving"
            )
        case .onboardingWayOutTyping:
            return (
                "Esc: zurück, Eingaben bleiben · Strg-C: beenden, ohne zu speichern",
                "Esc: back, keeping your entries · Ctrl-C: quit without saving"
            )
        case .helpBackStep:
            return (
                "zurück zum vorigen Schritt, Eingaben bleiben", "back to the previous step, keeping what you entered"
            )
        case .helpChooseLanguage: return ("Sprache wählen", "choose the language")
        case .helpStartLearning: return ("lernende Person anlegen und loslegen", "create the learner and start")
        case .verbStart: return ("loslegen", "start")
        case .courseIsFallback:
            return (
                "{1}: ein Kurs in Modulen, mit einem Lernpfad je Rolle.",
                "{1}: a course in modules, with a learning path for each role."
            )
        case .courseTakesAbout:
            return (
                "Er dauert etwa {1}; Sie können jederzeit unterbrechen und später weitermachen.",
                "It takes about {1}; you can stop at any time and carry on later."
            )
        case .courseTakesBetween:
            return (
                "Je nach Rolle dauert er etwa {1} bis {2}; Sie können jederzeit unterbrechen und später weitermachen.",
                "Depending on your role it takes about {1} to {2}; you can stop at any time and carry on later."
            )
        case .durationMinutes: return ("{1} Min.", "{1} min")
        case .durationHours: return ("{1} Std.", "{1} h")
        case .durationHoursMinutes: return ("{1} Std. {2} Min.", "{1} h {2} min")
        case .moduleCount: return ("{1} Module", "{1} modules")
        case .moduleCountOne: return ("1 Modul", "1 module")
        case .modulesAbout: return ("{1} · etwa {2}", "{1} · about {2}")
        case .yourPathTakes: return ("Ihr Lernpfad: {1}", "Your path: {1}")
        case .stopAnyTime:
            return (
                "Sie können jederzeit aufhören; lernpfad merkt sich, wo Sie waren.",
                "You can stop at any time; lernpfad remembers where you were."
            )
        case .nameAndTeamShown:
            return (
                "Name und Team sieht auch, wer im Team den Lernstand begleitet (die KI-Botschafter:in).",
                "Your name and team are also seen by whoever follows the team's progress (the AI ambassador)."
            )
        case .labelName: return ("Name", "Name")
        case .labelTeam: return ("Team", "Team")
        case .labelRoles: return ("Rollen", "Roles")
        case .labelLanguage: return ("Sprache", "Language")
        case .labelLearnerID: return ("Kennung", "Learner id")
        case .askLearnerID:
            return ("Ihre Kennung (der Name Ihrer Lerndatei):", "Your learner id (the name of your progress file):")
        case .learnerIDRules:
            return (
                "Ein Vorschlag zum Ändern; erlaubt sind a–z, 0–9, Punkt, Unterstrich und Bindestrich.",
                "A suggestion you may change; a–z, 0–9, dot, underscore and hyphen are allowed."
            )
        case .startLearning: return ("⏎ Los geht's: legt Ihre Lerndatei an", "⏎ Start: creates your progress file")
        case .learnerIDEmpty:
            return ("Die Kennung fehlt: bitte eine eingeben.", "The learner id is missing: please enter one.")
        case .learnerIDInvalid:
            return (
                "Eine Kennung beginnt nicht mit einem Punkt und enthält nicht „.json“.",
                "A learner id does not start with a dot and does not contain \".json\"."
            )
        case .learnerIDTaken:
            return (
                "Die Kennung {1} ist schon vergeben: bitte eine andere wählen.",
                "The learner id {1} is taken: please choose another one."
            )
        case .learnerIDCharacter:
            return (
                "„{1}“ geht nicht in einer Kennung: nur a–z, 0–9, Punkt, Unterstrich, Bindestrich.",
                "\"{1}\" cannot be part of a learner id: only a–z, 0–9, dot, underscore, hyphen."
            )
        case .newLearner: return ("+ Neue lernende Person", "+ New learner")
        case .waived: return ("erlassen", "waived")
        case .ruleWaiverInForce: return ("Zählt als abgedeckt, {1}.", "Counts as covered, {1}.")
        case .ruleWaiverEnded:
            return (
                "Erlassen bis {1} ({2}); seitdem wieder fällig: das Modul abschließen.",
                "Waived until {1} ({2}); due again since: complete the module."
            )
        }
    }
}

extension ProgressState {
    /// The phrase for this state.
    public var phrase: Phrase {
        switch self {
        case .notStarted: return .notStarted
        case .inProgress: return .inProgress
        case .completed: return .completed
        case .dueSoon: return .dueSoon
        case .overdue: return .overdue
        case .updateAvailable: return .updateAvailable
        case .waived: return .waived
        }
    }

    /// The colour that signals this state.
    public var role: ColorRole {
        switch self {
        case .notStarted: return .muted
        case .inProgress: return .accent
        case .completed: return .success
        case .dueSoon: return .warning
        case .overdue: return .danger
        case .updateAvailable: return .warning
        case .waived: return .success
        }
    }
}
