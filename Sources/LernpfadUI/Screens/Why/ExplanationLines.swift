import Foundation
import LernpfadCore

/// An `Explanation` in the interface's language: each path with its state and what counts, each module and
/// milestone with the rule that decides its state, its dates, and what a completion or refresher needs.
///
/// The wording comes from the phrase table; the states, rules and dates from `Explanation`, the same derivation
/// as `lernpfad explain`, `status` and `team`, so the TUI cannot tell a different story.
enum ExplanationLines {
    /// The lines for `explanation` at `width` columns.
    static func lines(_ explanation: Explanation, text: Localizer, width: Int) -> [StyledLine] {
        let wording = TeamWording.for(text.language)
        // A date never breaks across lines: "1. März 2026" is joined by no-break spaces.
        let day: (Date?) -> String = { wording.format($0).replacingOccurrences(of: " ", with: "\u{00A0}") }
        let wrap = max(10, width - 6)
        func sentence(_ words: String, style: CellStyle = Theme.muted) -> [StyledLine] {
            MarkdownLayout.layout(words, width: wrap).map { line in
                var indented = StyledLine("    ")
                for span in line.spans { indented.append(span.text, style: style) }
                return indented
            }
        }
        var lines: [StyledLine] = []
        if explanation.paths.isEmpty { lines.append(StyledLine(text(.noPosition), style: Theme.muted)) }
        for path in explanation.paths {
            if !lines.isEmpty { lines.append(.empty) }
            lines.append(
                StyledLine([
                    (TerminalSafeText.sanitize(path.title), Theme.title),
                    ("  \(text(path.state.phrase))", Theme.state(path.state.role)),
                    (" · " + text(.modulesValid, String(path.modulesDone), String(path.modulesTotal)), Theme.muted),
                ]))
            if let deadline = path.deadline {
                lines += sentence(text(.ruleDeadline, text.duration(deadline.within), day(deadline.from)))
            }
            for module in path.modules {
                lines.append(
                    headline(module.title, state: module.state, daysLeft: module.daysLeft, text: text))
                lines += sentence(moduleRule(module, path: path, text: text, day: day))
                if let needs = module.needs {
                    lines += sentence(needsWords(needs, text: text, day: day), style: Theme.plain)
                }
            }
            for milestone in path.milestones {
                lines.append(
                    headline(
                        "\(text(.milestone)): \(milestone.title)", state: milestone.state, daysLeft: milestone.daysLeft,
                        text: text))
                lines += sentence(milestoneRule(milestone, path: path, text: text, day: day))
                if let by = milestone.attestedBy, let at = milestone.attestedAt {
                    var attested = text(.attestedByOn, TerminalSafeText.sanitize(by), day(at))
                    if let note = milestone.note { attested += ": " + TerminalSafeText.sanitize(note) }
                    lines += sentence(attested)
                }
                if milestone.state.needsAttention, let due = milestone.due {
                    lines += sentence(text(.needsAttestation, day(due)), style: Theme.plain)
                }
            }
        }
        return lines
    }

    /// "  ! KI-Grundlagen  seit 14 Tagen überfällig", "  ⧖ Der AI Act  bald fällig · noch 20 Tage": the dates
    /// themselves are in the sentences below it, so the headline fits a narrow window.
    private static func headline(_ title: String, state: ProgressState, daysLeft: Int?, text: Localizer) -> StyledLine {
        var words = text(state.phrase)
        if let daysLeft, state != .completed {
            let days = daysWords(daysLeft, overdue: state == .overdue, text: text)
            words = state == .overdue ? days : "\(words) · \(days)"
        }
        return StyledLine([
            ("  \(state.mark) ", Theme.state(state.role)), (TerminalSafeText.sanitize(title), Theme.plain),
            ("  " + words, Theme.state(state.role)),
        ])
    }

    /// How far away the due date is, or how long past.
    static func daysWords(_ daysLeft: Int, overdue: Bool, text: Localizer) -> String {
        if overdue || daysLeft < 0 {
            switch -daysLeft {
            case ...0: return text(.overdueToday)
            case 1: return text(.overdueOneDay)
            default: return text(.daysOverdue, String(-daysLeft))
            }
        }
        switch daysLeft {
        case 0: return text(.dueToday)
        case 1: return text(.oneDayLeft)
        default: return text(.daysLeft, String(daysLeft))
        }
    }

    private static func moduleRule(
        _ module: Explanation.ModuleItem, path: Explanation.PathItem, text: Localizer, day: (Date?) -> String
    ) -> String {
        let validity = text.duration(path.validity)
        switch module.rule {
        case .nothingDone: return text(.ruleNothingDone)
        case .notYetCompleted: return text(.ruleNotYetCompleted)
        case .validFromCompletion:
            return text(.ruleValidFromCompletion, day(module.completedAt), validity, day(module.due))
        case .dueSoonWindow: return text(.ruleDueSoonWindow, day(module.due), text.duration(path.dueSoon))
        case .validityExpired: return text(.ruleValidityExpired, day(module.completedAt), validity, day(module.due))
        case .majorVersionChanged:
            return text(
                .ruleMajorVersionChanged, module.completedVersion.map { "\($0)" } ?? "?",
                module.currentVersion.map { "\($0)" } ?? "?")
        case .moduleNotLoaded: return text(.ruleModuleNotLoaded)
        case .firstCompletionDeadlinePassed: return text(.ruleFirstCompletionDeadlinePassed, day(module.due))
        case .waiverInForce:
            let note = module.waiver.map { TeamWording.for(text.language).waiverNote($0) } ?? ""
            return text(.ruleWaiverInForce, TerminalSafeText.sanitize(note))
        case .waiverEnded:
            return text(
                .ruleWaiverEnded, day(module.due), TerminalSafeText.sanitize(module.waiver?.reason ?? ""))
        }
    }

    private static func milestoneRule(
        _ milestone: Explanation.MilestoneItem, path: Explanation.PathItem, text: Localizer, day: (Date?) -> String
    ) -> String {
        let validity = text.duration(path.validity)
        switch milestone.state {
        case .notStarted, .inProgress, .waived: return text(.ruleMilestoneNotAttested)
        case .completed, .updateAvailable:
            return text(.ruleMilestoneValid, day(milestone.attestedAt), validity, day(milestone.due))
        case .dueSoon: return text(.ruleMilestoneDueSoon, day(milestone.attestedAt), day(milestone.due))
        case .overdue: return text(.ruleMilestoneExpired, day(milestone.attestedAt), validity, day(milestone.due))
        }
    }

    /// "Auffrischung nötig: Lektionen ✓ Grundlagen, Grenzen · den Wissenscheck bestehen (mindestens 80 %) · bis …".
    private static func needsWords(_ needs: Explanation.Needs, text: Localizer, day: (Date?) -> String) -> String {
        var parts: [String] = []
        if !needs.lessons.isEmpty {
            let lessons = needs.lessons.map { ($0.done ? "✓ " : "") + TerminalSafeText.sanitize($0.title) }
            parts.append(text(.needsLessons, lessons.joined(separator: ", ")))
        }
        if needs.quiz {
            parts.append(
                needs.passMark.map { text(.needsQuizPassMark, String(Int(($0 * 100).rounded()))) } ?? text(.needsQuiz))
        }
        if let by = needs.by { parts.append(text(.needsBy, day(by))) }
        let prefix = needs.kind == .refresher ? text(.needsRefresher) : text(.needsFirstCompletion)
        return prefix + parts.joined(separator: " · ")
    }
}
