import ArgumentParser
import Foundation
import Glibc
import LernpfadCore

/// `lernpfad init [--shared DIR --group G]`: sets up a data folder, personal or shared by a team.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set up a data folder: personal (0700), or shared by a team's group (--shared DIR --group G).",
        discussion: """
            A shared folder belongs to the group and has the setgid bit (2770): every member can enrol and \
            learn, and the ambassador reads everyone's file. Learner files there are 0640, lock files 0660. \
            See docs/sharing.md.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Make this folder a team's shared data folder.", valueName: "DIR"))
    var shared: String?

    @Option(help: "The group (name or number) that shares the folder; with --shared.")
    var group: String?

    func run() throws {
        guard let shared else {
            guard group == nil else { throw UsageFailure("--group needs --shared DIR") }
            let store = common.store
            try AtomicFile.makeFolder(store.learnersFolder)
            Output.line("personal data folder \(store.dataFolder): only you can read it (folders 0700, files 0600)")
            return
        }
        guard let group else { throw UsageFailure("--shared needs --group GROUP: the group of the team") }
        let gid = try Self.groupID(group)
        let folder = Locations.resolve(content: nil, data: shared, environment: [:]).data
        let outcome = try SharedFolderSetup.run(folder: folder, group: gid)
        Output.line(
            "shared data folder \(folder) for group \(group): folders 2770 (setgid), learner files 0640, "
                + "locks 0660; \(outcome.files.count) existing file(s) shared")
        Output.line("members of \(group) enrol with: lernpfad --data \(folder) learner add ID --name NAME --roles ROLE")
        for parent in outcome.closedParents {
            Output.error("warning: \(parent): members of \(group) cannot enter this folder, so not \(folder) either")
        }
        for file in outcome.refused { Output.error("not shared: \(file.file): \(file.reason)") }
        if !outcome.refused.isEmpty {
            throw CommandFailure("\(outcome.refused.count) file(s) in \(folder) could not be shared; see above")
        }
    }

    /// The id of group `name` (a name or a number); a usage error names the group when there is none.
    static func groupID(_ name: String) throws -> gid_t {
        if let number = gid_t(name) { return number }
        guard let entry = getgrnam(name) else { throw UsageFailure("no group '\(name)' on this system") }
        return entry.pointee.gr_gid
    }
}
