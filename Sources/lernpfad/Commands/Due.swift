import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad due`: what is overdue or falls due soon, for cron jobs and managers' mails. `--format mail` writes one
/// RFC 5322 message per learner into a folder, for the administrator's own mail system; lernpfad sends nothing.
struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what is overdue or due soon; write reminder mails (lernpfad sends nothing).",
        discussion: """
            --format mail writes <learner>.eml into --output DIR for each learner with something due and an \
            email in their profile ('lernpfad learner email ID ADDRESS'), in the learner's language. The sender \
            is --from, else 'identity' in config.yaml when it is an address.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "How far ahead to look, an ISO 8601 duration such as P30D or P2M.")
    var within: String = "P30D"

    @Option(help: "Only this team (ignoring case).")
    var team: String?

    @Option(help: "text, json or mail")
    var format: DueFormat = .text

    @Option(help: "The folder the messages go to (required for --format mail).")
    var output: String?

    @Option(help: "The sender of the messages: an address, or 'Name <address>' (default: 'identity' in config.yaml).")
    var from: String?

    enum DueFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, mail
    }

    func run() throws {
        let now = try asOf.now()
        guard let horizon = ISODuration(within) else {
            throw UsageFailure("--within '\(within.escapedForMessage())' is not an ISO 8601 duration such as P30D")
        }
        if format == .mail && output == nil { throw UsageFailure("--format mail needs --output DIR") }
        if format != .mail && output != nil { throw UsageFailure("--output is for --format mail") }
        let sender = try format == .mail ? mailSender() : nil
        try common.store.requireFolder()
        let (records, skipped) = common.store.readAll()
        for file in skipped {
            Output.error(
                "warning: skipped \(file.file.escapedForMessage(limit: 300)): "
                    + file.reason.escapedForMessage(limit: 300))
        }
        if let team { _ = try KnownLearners.members(of: team, in: records) }
        let catalog = try common.loadCatalog(now: now, quiet: format == .json)
        let report = DueReport(
            records: records, skipped: skipped, catalog: catalog, now: now, within: horizon, team: team)
        switch format {
        case .text: Output.line(report.text)
        case .json: try Output.json(report)
        case .mail:
            try writeMail(report, from: sender!, course: catalog.course.title, folder: output!)
        }
    }

    /// `--from`, else the identity from config.yaml when it is an address; a usage error otherwise.
    private func mailSender() throws -> MailAddress {
        if let from {
            guard let address = MailAddress(parsing: from) else {
                throw UsageFailure(
                    "--from '\(from.escapedForMessage())' is not a mail address (name@example.org or 'Name <name@example.org>')"
                )
            }
            return address
        }
        let environment = ProcessInfo.processInfo.environment
        let identity = try SettingsFile.load(environment: environment).identity
        if let identity, let address = MailAddress(parsing: identity) { return address }
        let what = identity.map { "identity '\($0.escapedForMessage())' is not an address" } ?? "no identity set"
        throw UsageFailure(
            "say who the mails come from: --from ADDRESS (\(what) in \(SettingsFile.path(environment: environment)))")
    }

    private func writeMail(_ report: DueReport, from: MailAddress, course: LocalizedText, folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("\(folder.escapedForMessage(limit: 300)): cannot create the folder")
        }
        let date = Date()
        var written = 0
        var withoutAddress: [String] = []
        for learner in report.learners {
            guard let email = learner.email, let address = MailAddress(email) else {
                withoutAddress.append(learner.id)
                continue
            }
            let message = DueMail.message(
                for: learner, to: address, from: from, date: date, asOf: report.asOf,
                course: course.text(in: learner.language))
            let file = (folder as NSString).appendingPathComponent("\(learner.id).eml")
            do {
                try Data(message.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            } catch {
                throw CommandFailure("\(file.escapedForMessage(limit: 300)): cannot write the message")
            }
            written += 1
        }
        Output.line("wrote \(written) message\(written == 1 ? "" : "s") to \(folder.escapedForMessage(limit: 300))")
        if !withoutAddress.isEmpty {
            Output.error(
                "no email for \(withoutAddress.count) learner\(withoutAddress.count == 1 ? "" : "s") with something "
                    + "due: \(withoutAddress.joined(separator: ", ")); set one with 'lernpfad learner email ID ADDRESS'"
            )
        }
    }
}
