import Foundation
import LernpfadCore

/// Who records evidence (`attest --by`, `waive --by`): the option, else `identity` in config.yaml.
///
/// One place, so that every command that records who did something asks the same way and refuses the same way
/// (a usage error, exit 2) when neither says.
enum Identity {
    /// `option` trimmed, else the identity from config.yaml; `who` says what is missing, e.g. "who attests".
    static func resolve(_ option: String?, who: String) throws -> String {
        if let option {
            let trimmed = option.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw UsageFailure("--by must not be empty") }
            return trimmed
        }
        let environment = ProcessInfo.processInfo.environment
        if let identity = try SettingsFile.load(environment: environment).identity { return identity }
        throw UsageFailure(
            "say \(who): --by NAME, or 'identity: NAME' in \(SettingsFile.path(environment: environment))")
    }
}

/// Learner ids given on the command line, checked the same way by every command that writes to other learners'
/// files: a bad id or a missing file is a usage error that lists the learners there are.
enum KnownLearners {
    /// Fails unless every id in `ids` is valid and has a file in `store`.
    static func require(_ ids: [String], in store: LearnerStore) throws {
        for id in ids where !Identifier.isValidLearnerID(id) {
            throw UsageFailure(StoreError.invalidLearnerID(id).description)
        }
        let missing = ids.filter { !store.exists($0) }
        guard !missing.isEmpty else { return }
        try store.requireFolder()
        let known = store.learnerIDs()
        throw UsageFailure(
            "no learner \(missing.map { "'\($0)'" }.joined(separator: ", ")) in \(store.learnersFolder); there are: "
                + (known.isEmpty ? "none" : known.joined(separator: ", ")) + "; nothing was recorded")
    }

    /// The ids of the learners of `team` (ignoring case) among `records`, sorted; a usage error naming the teams
    /// there are when none matches.
    static func members(of team: String, in records: [LearnerRecord]) throws -> [String] {
        let members = records.filter { TeamReport.teamMatches($0.learner.team, team) }.map(\.learner.id)
        guard members.isEmpty else { return members.sorted() }
        var teams: [String] = []
        for record in records {
            if let name = record.learner.team, !teams.contains(name) { teams.append(name) }
        }
        throw UsageFailure(
            "no learner in team '\(team.escapedForMessage())'; the teams are: "
                + (teams.isEmpty ? "none" : teams.sorted().map { $0.escapedForMessage() }.joined(separator: ", ")))
    }
}
