import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad certificate`: a one-page certificate of a learner's completed path.
struct CertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Write a one-page HTML certificate of a learner's completed path, with a verification code.")

    @OptionGroup var common: CommonOptions

    @Option(help: "The learner.")
    var learner: String

    @Option(help: "The path (role); needed when the learner has several.")
    var path: String?

    @Option(help: "de or en (default: the learner's language, else the course's).")
    var language: String?

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let now = Date()
        let catalog = try common.loadCatalog(now: now)
        let record = try common.store.read(learner)
        let language: LanguageCode
        if let chosen = self.language {
            language = try DocumentLanguage.choose(chosen, catalog: catalog)
        } else if let own = record.learner.language, catalog.course.languages.contains(own) {
            language = own
        } else {
            language = catalog.course.defaultLanguage
        }
        let (anchor, breaks) = RecordIntegrity.anchor(
            dataFolder: common.locations.data, record: record, events: record.events.count)
        // A record that no longer matches its chain or seal is no ground for a certificate.
        if let first = breaks.first {
            throw CommandFailure("no certificate: the record does not verify: \(first)")
        }
        let certificate: Certificate
        do {
            certificate = try Certificate.make(
                record: record, role: path, catalog: catalog, now: now, language: language, anchor: anchor)
        } catch {
            throw CommandFailure(String(describing: error))
        }
        let organisation = OrganisationLoader.load(dataFolder: common.locations.data, roles: [])
        let course = catalog.course.title.text(in: language, fallback: catalog.course.defaultLanguage)
        let data = Data(certificate.html(course: course, organisation: organisation.organisation?.name).utf8)
        if let output {
            try AtomicFile.write(Output.safe(data, as: .html), to: output)
            Output.error(
                "certificate \(certificate.code) for \(learner.escapedForMessage()) written to \(output.escapedForMessage(limit: 300))"
            )
        } else {
            Output.document(data, as: .html)
        }
    }
}

/// `lernpfad verify-certificate FILE`: whether a certificate still matches the data folder.
struct VerifyCertificate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-certificate",
        abstract: "Check a certificate against the data folder: exit 0 when it matches, 1 with what differs.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The certificate's HTML file.")
    var file: String

    /// Certificates are a few kilobytes; anything far larger is not one.
    static let maximumBytes = 4 << 20

    func run() throws {
        let shownFile = file.escapedForMessage(limit: 300)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
            (attributes[.size] as? Int ?? 0) <= Self.maximumBytes, let data = FileManager.default.contents(atPath: file)
        else {
            throw CommandFailure("\(shownFile): cannot be read, or is not a certificate")
        }
        let embedded: Certificate
        let shownCode: String?
        do {
            (embedded, shownCode) = try Certificate.read(html: String(decoding: data, as: UTF8.self))
        } catch {
            throw CommandFailure("\(shownFile): \(error.description)")
        }
        let catalog = try common.loadCatalog(now: embedded.issued)
        guard common.store.exists(embedded.learner) else {
            throw CommandFailure(
                "\(shownFile): does not match: learner \(embedded.learner.escapedForMessage()) is not in the data folder"
            )
        }
        let record = try common.store.read(embedded.learner)
        var problems: [String] = []
        if let shownCode, shownCode != embedded.code {
            problems.append("the page shows code \(shownCode.escapedForMessage()), its data says \(embedded.code)")
        }
        if embedded.code != Certificate.code(for: embedded) {
            problems.append("the code does not fit the certificate's own data (edited)")
        }
        if record.events.count < embedded.anchor.events {
            problems.append(
                "the record has \(record.events.count) events, the certificate rests on \(embedded.anchor.events)")
        }
        let folder = common.locations.data
        var (anchor, breaks) = RecordIntegrity.anchor(
            dataFolder: folder, record: record, events: min(embedded.anchor.events, record.events.count))
        problems += breaks.map { "the record does not verify: \($0)" }
        // A certificate of a file before it had a chain names no head; the chain added since is no difference.
        if embedded.anchor.head == nil { anchor.head = nil }
        // A newer seal may cover the same events: the certificate's own seal must still be valid and cover them.
        if let seal = embedded.anchor.seal {
            anchor.seal =
                RecordIntegrity.sealStillCovers(
                    seal, learner: embedded.learner, events: embedded.anchor.events, dataFolder: folder) ? seal : nil
        } else {
            anchor.seal = nil
        }
        do {
            let current = try Certificate.make(
                record: record, role: embedded.role, catalog: catalog, now: embedded.issued,
                language: embedded.language, anchor: anchor)
            problems += embedded.differences(from: current)
        } catch {
            problems.append("the data folder no longer supports it: \(String(describing: error))")
        }
        let who = "\(embedded.learner.escapedForMessage()), path \(embedded.role.escapedForMessage())"
        guard problems.isEmpty else {
            Output.line(
                "\(shownFile): does not match the data folder (\(who), code \(embedded.code.escapedForMessage()))")
            for problem in problems { Output.line("  \(problem)") }
            throw ExitCode(1)
        }
        let seal = embedded.anchor.seal.map { "seal \(String($0.prefix(16)).escapedForMessage())…" } ?? "not sealed"
        Output.line(
            "\(shownFile): matches the data folder (\(who), \(embedded.modules.count) modules, code \(embedded.code), "
                + "\(embedded.anchor.events) events, \(seal))")
    }
}
