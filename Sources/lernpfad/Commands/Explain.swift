import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad explain`: why a learner's paths, modules and milestones stand where they do, and what is needed.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain why something is due: the rule, since when, by when, and what the refresher needs.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "The learner (default: the only learner in the data folder).")
    var learner: String?

    @Argument(help: "A path (role), module or milestone id; default: all of the learner's paths.")
    var subject: String?

    @Option(help: "text or json")
    var format: TextOrJSON = .text

    func run() throws {
        let now = try asOf.now()
        let id = try DefaultLearner.resolve(learner, store: common.store)
        if !common.store.exists(id) {
            let known = common.store.learnerIDs()
            throw UsageFailure(
                "no learner '\(id)' in \(common.store.learnersFolder); there are: "
                    + (known.isEmpty ? "none" : known.joined(separator: ", ")))
        }
        let record = try common.store.read(id)
        let catalog = try common.loadCatalog(now: now)
        let explanation: Explanation
        do {
            explanation = try Explanation(record: record, catalog: catalog, now: now, subject: subject)
        } catch {
            throw UsageFailure(error.description.escapedForMessage(limit: 2000))
        }
        switch format {
        case .text: Output.line(ExplanationText.render(explanation, name: record.learner.name))
        case .json: try Output.json(explanation)
        }
    }
}

/// The words of `explain`: one block per path, one per module and milestone, each saying state, rule, dates and
/// needs. Everything from the learner file or the content is escaped.
enum ExplanationText {
    static func render(_ explanation: Explanation, name: String) -> String {
        var lines = [
            "\(name.sanitizedForMessage) (\(explanation.learner.sanitizedForMessage)) · as of "
                + "\(Timestamp.format(explanation.asOf))"
        ]
        if explanation.paths.isEmpty { lines.append("no known path (no roles, or none the content has)") }
        for path in explanation.paths {
            lines.append("")
            lines.append(
                "\(path.title.sanitizedForMessage) [\(path.role.sanitizedForMessage)]: \(path.state.words) · "
                    + "\(path.modulesDone)/\(path.modulesTotal) modules count")
            lines.append("  why: " + pathRule(path))
            if let dates = dates(state: path.state, since: path.since, due: path.due, days: path.daysLeft) {
                lines.append("  " + dates)
            }
            lines.append(
                "  rules: a completion counts \(path.validity); due soon \(path.dueSoon) before it runs out"
                    + (path.deadline.map { "; first completion within \($0.within)" } ?? ""))
            for module in path.modules {
                lines.append(
                    "  \(module.state.mark) \(module.module.sanitizedForMessage) "
                        + "(\(module.title.sanitizedForMessage)): \(module.state.words)")
                lines.append("      why: " + moduleRule(module, path: path))
                if let dates = dates(state: module.state, since: module.since, due: module.due, days: module.daysLeft) {
                    lines.append("      " + dates)
                }
                if let needs = module.needs { lines.append("      " + needsText(needs, asOf: explanation.asOf)) }
            }
            for milestone in path.milestones {
                lines.append(
                    "  \(milestone.state.mark) milestone \(milestone.milestone.sanitizedForMessage) "
                        + "(\(milestone.title.sanitizedForMessage)): \(milestone.state.words)")
                lines.append("      why: " + milestoneRule(milestone, path: path))
                if let dates = dates(
                    state: milestone.state, since: milestone.since, due: milestone.due, days: milestone.daysLeft)
                {
                    lines.append("      " + dates)
                }
                if let note = milestone.note { lines.append("      note: \(note.sanitizedForMessage)") }
                if milestone.state.needsAttention, let due = milestone.due {
                    lines.append("      needs: a new attestation (lernpfad attest) by \(CalendarDay(due))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func day(_ date: Date?) -> String { date.map { CalendarDay($0).description } ?? "?" }

    private static func days(_ count: Int) -> String {
        count == 1 || count == -1 ? "1 day" : "\(abs(count)) days"
    }

    /// Since when, by when and how many days are left or past.
    private static func dates(state: ProgressState, since: Date?, due: Date?, days daysLeft: Int?) -> String? {
        var parts: [String] = []
        if let since { parts.append("since \(day(since))") }
        if let due {
            let word = state == .completed ? "valid until" : state == .waived ? "waived until" : "due"
            parts.append("\(word) \(day(due))")
        }
        if let daysLeft, state != .completed {
            if state == .overdue {
                parts.append(daysLeft == 0 ? "overdue since today" : "overdue for \(days(daysLeft))")
            } else if daysLeft <= 0 {
                parts.append("due today")
            } else {
                parts.append("\(days(daysLeft)) left")
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    private static func deadlineWords(_ deadline: FirstCompletionDeadline?) -> String {
        guard let deadline else { return "" }
        let start =
            switch deadline.start {
            case .roleAdded: "the day the role was added"
            case .firstEvent: "the first activity (no enrolment recorded)"
            }
        return "; the path asks for a first completion within \(deadline.within) of \(start), \(day(deadline.from))"
    }

    private static func pathRule(_ path: Explanation.PathItem) -> String {
        if path.rule == .waiverInForce { return "every module is waived (lernpfad waive): the path counts as covered" }
        if !path.decidedBy.isEmpty {
            let names = path.decidedBy.map(\.sanitizedForMessage).joined(separator: ", ")
            let verb = path.decidedBy.count == 1 ? "is" : "are"
            return "\(names) \(verb) \(path.state.words) (what is most urgent in a path decides its state)"
        }
        switch path.rule {
        case .validFromCompletion:
            return "every module is completed; the path counts until its first module runs out"
        case .notYetCompleted:
            return "started, not every module completed yet" + deadlineWords(path.deadline)
        default:
            return "nothing done yet" + deadlineWords(path.deadline)
        }
    }

    private static func moduleRule(_ module: Explanation.ModuleItem, path: Explanation.PathItem) -> String {
        let version = module.completedVersion.map { " (version \($0))" } ?? ""
        switch module.rule {
        case .nothingDone:
            return "nothing done yet" + deadlineWords(path.deadline)
        case .notYetCompleted:
            return "started, not completed yet" + deadlineWords(path.deadline)
        case .validFromCompletion:
            return "completed \(day(module.completedAt))\(version); a completion counts \(path.validity)"
        case .dueSoonWindow:
            return "completed \(day(module.completedAt))\(version), counts \(path.validity) until \(day(module.due)); "
                + "due soon from \(path.dueSoon) before that"
        case .validityExpired:
            return "completed \(day(module.completedAt))\(version); that counted \(path.validity) and ran out "
                + "\(day(module.due))"
        case .majorVersionChanged:
            let now = module.currentVersion.map { "\($0)" } ?? "?"
            return "completed under version \(module.completedVersion.map { "\($0)" } ?? "?"); the content is now "
                + "\(now), a major change: a refresher is due before the completion runs out"
        case .moduleNotLoaded:
            return "the path names this module, but it did not load (run 'lernpfad validate')"
        case .firstCompletionDeadlinePassed:
            return "never completed, and the deadline for the first completion has passed"
                + deadlineWords(path.deadline)
        case .waiverInForce:
            return (module.waiver.map(StatusReport.words) ?? "waived") + "; counts as covered"
        case .waiverEnded:
            return module.waiver.map(StatusReport.words) ?? "a waiver ended; due again"
        }
    }

    private static func milestoneRule(_ milestone: Explanation.MilestoneItem, path: Explanation.PathItem) -> String {
        guard let at = milestone.attestedAt else { return "not yet attested; an ambassador records it" }
        let by = milestone.attestedBy.map { " by \($0.sanitizedForMessage)" } ?? ""
        switch milestone.rule {
        case .validityExpired:
            return "attested \(day(at))\(by); that counted \(path.validity) and ran out \(day(milestone.due))"
        case .dueSoonWindow:
            return "attested \(day(at))\(by), counts \(path.validity) until \(day(milestone.due)); due soon from "
                + "\(path.dueSoon) before that"
        default:
            return "attested \(day(at))\(by); an attestation counts \(path.validity)"
        }
    }

    private static func needsText(_ needs: Explanation.Needs, asOf: Date) -> String {
        var parts: [String] = []
        let open = needs.lessons.filter { !$0.done }
        let done = needs.lessons.filter(\.done)
        let verb = needs.kind == .refresher ? "re-read" : "read"
        if !open.isEmpty {
            parts.append(
                "\(verb) "
                    + open.map { "\($0.lesson.sanitizedForMessage) (\($0.title.sanitizedForMessage))" }.joined(
                        separator: ", "))
        }
        if !done.isEmpty {
            parts.append("already \(verb): " + done.map(\.lesson.sanitizedForMessage).joined(separator: ", "))
        }
        if needs.kind == .refresher && needs.lessons.isEmpty {
            parts.append("no lesson changed in substance since the completed version")
        }
        if needs.quiz {
            parts.append("pass the quiz" + (needs.passMark.map { " (pass mark \(Int(($0 * 100).rounded()))%)" } ?? ""))
        }
        let what = needs.kind == .refresher ? "refresher needs" : "first completion needs"
        var text = "\(what): " + parts.joined(separator: "; ")
        if let by = needs.by {
            text += by <= asOf ? " · was due \(day(by)), now overdue" : " · by \(day(by))"
        }
        return text
    }
}
