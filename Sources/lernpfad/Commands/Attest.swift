import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad attest`: records a practical milestone for one or more learners, as evidence: who attests, when the
/// workshop was held, and a note.
///
/// All or nothing: every learner is checked (id, file, role) before anything is written, so a typo in the third
/// name of a list never leaves the first two attested alone. Every mistake in the arguments is a usage error
/// (exit 2).
struct Attest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a practical milestone (a workshop attended, a risk analysis done).",
        discussion: """
            Who attests comes from --by, else from 'identity' in config.yaml; one of them is required.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: "The learner(s) who reached the milestone: an id, or several separated by commas.")
    var learner: String?

    @Option(help: "Every learner of this team (ignoring case), instead of --learner.")
    var team: String?

    @Option(help: "The milestone id, from a path's milestones.")
    var milestone: String

    @Option(help: "A note, e.g. the workshop's topic.")
    var note: String?

    @Option(help: "Who attests it (default: 'identity' in config.yaml).")
    var by: String?

    @Option(help: "The day the milestone was reached, YYYY-MM-DD (default: now; never in the future).")
    var date: String?

    func run() throws {
        let now = Date()
        let attester = try Identity.resolve(by, who: "who attests")
        let at = try attestationDate(now: now)
        let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let catalog = try common.loadCatalog(now: now)
        guard let (path, _) = catalog.milestone(milestone) else {
            let known = catalog.paths.flatMap { $0.milestones.map(\.id) }
            throw UsageFailure("unknown milestone '\(milestone)'; the content has: \(known.joined(separator: ", "))")
        }
        let ids = try learnerIDs()
        // Check every learner before writing to any.
        var missingRole: [String] = []
        for id in ids {
            let record = try common.store.read(id)
            if !record.learner.roles.contains(path.role) { missingRole.append(id) }
        }
        guard missingRole.isEmpty else {
            throw UsageFailure(
                "milestone '\(milestone)' belongs to the \(path.role) path, and "
                    + "\(missingRole.joined(separator: ", ")) \(missingRole.count == 1 ? "does" : "do") not have "
                    + "that role; nothing was recorded")
        }
        for id in ids {
            let event = LearnerEvent(
                at: at, kind: .attested, milestone: milestone, by: attester,
                note: trimmedNote.flatMap { $0.isEmpty ? nil : $0 })
            try common.store.append([event], to: id)
        }
        Output.line(
            "attested \(milestone) for \(ids.joined(separator: ", ")) by \(attester.escapedForMessage()) on "
                + "\(CalendarDay(at))")
    }

    /// Now, or the start of `--date` (UTC) for a day before today; a usage error for a bad or future day.
    private func attestationDate(now: Date) throws -> Date {
        guard let date else { return now }
        guard let day = CalendarDay(date), let start = day.startOfDay else {
            throw UsageFailure("--date '\(date.escapedForMessage())' is not a day YYYY-MM-DD")
        }
        let today = CalendarDay(now)
        guard day <= today else {
            throw UsageFailure("--date \(day) is in the future (today is \(today)); attest what has happened")
        }
        return day == today ? now : start
    }

    /// The learners `--learner` or `--team` names, each checked to exist; a usage error otherwise.
    private func learnerIDs() throws -> [String] {
        switch (learner, team) {
        case (nil, nil): throw UsageFailure("say whom to attest: --learner ID[,ID...] or --team TEAM")
        case (.some, .some): throw UsageFailure("give --learner or --team, not both")
        case (let list?, nil):
            var ids: [String] = []
            for part in list.split(separator: ",", omittingEmptySubsequences: false) {
                let id = part.trimmingCharacters(in: .whitespaces)
                if !ids.contains(id) { ids.append(id) }
            }
            try KnownLearners.require(ids, in: common.store)
            return ids
        case (nil, let team?):
            try common.store.requireFolder()
            let (records, skipped) = common.store.readAll()
            for file in skipped {
                // A file that cannot be read cannot say its team: name it rather than pass it over silently.
                Output.error(
                    "warning: skipped \(file.file.escapedForMessage(limit: 300)) (its team is unknown): "
                        + file.reason.escapedForMessage(limit: 300))
            }
            return try KnownLearners.members(of: team, in: records)
        }
    }
}
