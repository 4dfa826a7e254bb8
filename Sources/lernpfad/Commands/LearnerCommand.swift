import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad learner add|list`: enrolment without the TUI.
struct LearnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learner", abstract: "Enrol and list learners, and give them roles.",
        subcommands: [Add.self, Roles.self, Email.self, List.self])

    /// `lernpfad learner add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enrol a learner.")

        @OptionGroup var common: CommonOptions

        @Argument(help: "The learner id: a-z, 0-9, '.', '_', '-'; at most 64.")
        var id: String

        @Option(help: "The display name.")
        var name: String

        @Option(help: "The team, for the ambassador's view.")
        var team: String?

        @Option(help: "Comma-separated roles, e.g. staff,ambassador.")
        var roles: String

        @Option(help: "de or en (default: the course's language).")
        var language: String?

        func run() throws {
            guard Identifier.isValidLearnerID(id) else {
                throw UsageFailure(StoreError.invalidLearnerID(id).description)
            }
            let catalog = try common.loadCatalog(now: Date())
            let roleList = roles.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !roleList.isEmpty else { throw UsageFailure("--roles needs at least one role") }
            for role in roleList where catalog.path(role) == nil {
                throw UsageFailure("unknown role '\(role)'; the content has: \(catalog.roles.joined(separator: ", "))")
            }
            // The same check as every --language; it also escapes what was typed before printing it.
            let chosenLanguage = try DocumentLanguage.validated(language, catalog: catalog)
            let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmedName.isEmpty else { throw UsageFailure("--name must not be empty") }
            let profile = LearnerProfile(
                id: id, name: trimmedName, team: team?.trimmingCharacters(in: .whitespaces), roles: roleList,
                language: chosenLanguage)
            // The enrolment is recorded as one roleAdded event per role: a path's due_within counts from it.
            try common.store.create(LearnerRecord.enrolling(profile, at: Date()))
            Output.line("enrolled \(id) (\(roleList.joined(separator: ", "))) in \(common.store.learnersFolder)")
        }
    }

    /// `lernpfad learner roles`: gives a learner more roles (or takes some away); each added role is recorded as
    /// a `roleAdded` event, from which that path's `due_within` counts.
    struct Roles: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add roles to a learner or remove them.")

        @OptionGroup var common: CommonOptions

        @Argument(help: "The learner id.")
        var id: String

        @Option(help: "Comma-separated roles to add.")
        var add: String?

        @Option(help: "Comma-separated roles to remove (their history stays).")
        var remove: String?

        func run() throws {
            guard Identifier.isValidLearnerID(id) else {
                throw UsageFailure(StoreError.invalidLearnerID(id).description)
            }
            let toAdd = Self.list(add)
            let toRemove = Self.list(remove)
            guard !toAdd.isEmpty || !toRemove.isEmpty else {
                throw UsageFailure("say what to change: --add ROLE,... and/or --remove ROLE,...")
            }
            let catalog = try common.loadCatalog(now: Date())
            for role in toAdd where catalog.path(role) == nil {
                throw UsageFailure("unknown role '\(role)'; the content has: \(catalog.roles.joined(separator: ", "))")
            }
            guard common.store.exists(id) else {
                throw UsageFailure(
                    "no learner '\(id)' in \(common.store.learnersFolder); enrol with 'lernpfad learner add'")
            }
            let now = Date()
            var added: [String] = []
            let record = try common.store.update(id) { record in
                record.learner.roles.removeAll { toRemove.contains($0) }
                added = record.addRoles(toAdd, at: now)
            }
            let change = added.isEmpty ? "no new role" : "added \(added.joined(separator: ", "))"
            Output.line("\(id): \(change); roles now \(record.learner.roles.joined(separator: ", "))")
        }

        private static func list(_ text: String?) -> [String] {
            (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// `lernpfad learner list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the learners in the data folder.")

        @OptionGroup var common: CommonOptions

        @Option(help: "text or json")
        var format: TextOrJSON = .text

        func run() throws {
            try common.store.requireFolder()
            let (records, skipped) = common.store.readAll()
            switch format {
            case .json:
                try Output.json(LearnerList(learners: records.map(\.learner), skipped: skipped))
            case .text:
                for record in records {
                    let learner = record.learner
                    let team = learner.team.map { " · \($0.escapedForMessage())" } ?? ""
                    Output.line(
                        "\(learner.id.escapedForMessage())  \(learner.name.escapedForMessage())\(team) · "
                            + learner.roles.map { $0.escapedForMessage() }.joined(separator: ", "))
                }
                for file in skipped {
                    Output.error(
                        "skipped \(file.file.escapedForMessage(limit: 300)): \(file.reason.escapedForMessage(limit: 300))"
                    )
                }
                if records.isEmpty && skipped.isEmpty {
                    Output.line("no learners in \(common.store.learnersFolder)")
                }
            }
        }
    }
}

/// The JSON form of `learner list`.
struct LearnerList: Encodable {
    var learners: [LearnerProfile]
    var skipped: [SkippedFile]
}
