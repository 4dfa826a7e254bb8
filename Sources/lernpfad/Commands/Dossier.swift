import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad dossier`: the Art. 4 record an auditor reads, from the data folder, the content and organisation.yaml.
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Write the Art. 4 dossier: organisation, role matrix, measures, coverage, exceptions, review, seal.")

    /// The output formats of the dossier.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, md, json
    }

    @OptionGroup var common: CommonOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "de or en (default: the course's language).")
    var language: String?

    @Option(help: "html, md or json")
    var format: Format = .html

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let now = try asOf.now()
        let catalog = try common.loadCatalog(now: now)
        let language = try DocumentLanguage.choose(language, catalog: catalog)
        try common.store.requireFolder()
        let organisation = OrganisationLoader.load(
            dataFolder: common.locations.data, roles: catalog.paths.map(\.role))
        for diagnostic in organisation.diagnostics { Output.error(diagnostic.description) }
        let (contributions, skipped) = common.store.readAll { record in
            Dossier.contribution(of: record, catalog: catalog, now: now)
        }
        let dossier = Dossier(
            contributions: contributions, skipped: skipped, catalog: catalog, now: now, language: language,
            organisation: organisation, integrity: RecordIntegrity.summary(dataFolder: common.locations.data))
        let data: Data
        let kind: Output.Document
        switch format {
        case .html: (data, kind) = (Data(dossier.html().utf8), .html)
        case .md: (data, kind) = (Data(dossier.markdown().utf8), .text)
        case .json: (data, kind) = (try dossier.jsonData(), .json)
        }
        if let output {
            try AtomicFile.write(Output.safe(data, as: kind), to: output)
        } else {
            Output.document(data, as: kind)
        }
        for file in skipped {
            Output.error(
                "skipped \(file.file.escapedForMessage(limit: 300)): \(file.reason.escapedForMessage(limit: 300))")
        }
    }
}

/// `--language` of the documents (dossier, certificate): a language the content has, else usage error.
enum DocumentLanguage {
    /// The chosen language, or the course's default when none was given.
    static func choose(_ language: String?, catalog: Catalog) throws -> LanguageCode {
        try validated(language, catalog: catalog) ?? catalog.course.defaultLanguage
    }

    /// The given language if the content has it (nil when none was given); else a usage error naming the
    /// languages there are. Every command's `--language` goes through here.
    static func validated(_ language: String?, catalog: Catalog) throws -> LanguageCode? {
        guard let language else { return nil }
        let code = LanguageCode(rawValue: language)
        guard catalog.course.languages.contains(code) else {
            throw UsageFailure(
                "unknown language '\(language.escapedForMessage())'; the content has: "
                    + catalog.course.languages.map(\.rawValue).joined(separator: ", "))
        }
        return code
    }
}

/// The seal and verification the documents show, from the evidence store (`Verifier`, `SealStore`, `LearnerChain`):
/// the dossier and certificates only quote them, so that how a record is checked lives in one place.
enum RecordIntegrity {
    /// The newest valid seal and the result of verifying every chain and seal of the data folder.
    static func summary(dataFolder: String) -> DossierIntegrity {
        let report = Verifier.verify(dataFolder: dataFolder)
        let seal = report.latestSeal.map {
            DossierIntegrity.SealSummary(
                id: $0.id, sealedAt: $0.sealedAt, sealedBy: $0.by, learners: $0.learners, key: $0.key)
        }
        return DossierIntegrity(
            seal: seal,
            verification: DossierIntegrity.VerificationSummary(
                passed: report.isClean, learners: report.learnersChecked, seals: report.sealsChecked,
                problems: report.breaks.map(\.description), unsealed: report.unsealed.count,
                notChained: report.notChained.count))
    }

    /// What a certificate of the first `events` events of `record` rests on: the chain head after them (for a
    /// chained file) and the valid seal that covers all of them, with any break `verify` finds in the record.
    static func anchor(dataFolder: String, record: LearnerRecord, events: Int) -> (Certificate.Anchor, [String]) {
        let report = Verifier.verify(dataFolder: dataFolder, learner: record.learner.id)
        var head: String?
        if record.schema >= 2, events > 0, events <= record.events.count {
            head = try? LearnerChain.hash(of: record.events[events - 1])
        }
        var seal: String?
        if let covering = report.coveringSeal(of: record.learner.id), covering.entry.events >= events {
            seal = covering.seal.id
        }
        return (Certificate.Anchor(events: events, head: head, seal: seal), report.breaks.map(\.description))
    }

    /// Whether the seal `id` is still valid (its signature verifies) and recorded at least `events` events of
    /// `learner`.
    static func sealStillCovers(_ id: String, learner: String, events: Int, dataFolder: String) -> Bool {
        let report = Verifier.verify(dataFolder: dataFolder, learner: learner)
        guard report.seals.contains(where: { $0.id == id }) else { return false }
        let seal = SealStore(dataFolder: dataFolder).load().lazy.compactMap { try? $0.result.get() }.first {
            $0.id == id
        }
        return (seal?.entry(for: learner)?.events ?? -1) >= events
    }
}
