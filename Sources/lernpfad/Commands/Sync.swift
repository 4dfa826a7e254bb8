import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad sync`: sends pending xAPI statements to a Learning Record Store.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send pending xAPI statements to a Learning Record Store (credentials from the environment).")

    @OptionGroup var common: CommonOptions

    @Option(help: "The LRS xAPI endpoint, e.g. https://lrs.example.org/xAPI/ (default: lrs_url in config.yaml).")
    var lrs: String?

    @Option(help: "Only this learner.")
    var learner: String?

    @Flag(help: "Every learner in the data folder.")
    var all = false

    @Option(help: "Statements per request.")
    var batch: Int = 500

    @Option(help: "Give up on an LRS request that has not fully answered after this many seconds.")
    var timeout: Double = 60

    /// For the benchmark's curl baseline: write each request body to this folder instead of sending it.
    @Option(help: .hidden)
    var writeBatches: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = try SettingsFile.load(environment: environment)
        var client = try LRSClient.configured(endpoint: lrs, settings: settings, environment: environment)
        guard timeout > 0 && timeout <= 3600 else {
            throw ValidationError("--timeout must be more than 0 and at most 3600")
        }
        client.deadline = timeout
        let key = client.base.absoluteString
        guard (1...5000).contains(batch) else { throw ValidationError("--batch must be 1...5000") }
        let store = common.store
        if all { try store.requireFolder() }
        let ids = all ? store.learnerIDs() : [try DefaultLearner.resolve(learner, store: store)]
        let catalog = try common.loadCatalog(now: Date())
        let exporter = XAPIExporter(homePage: settings.homePage, catalog: catalog)
        let data = common.locations.data
        // Batches fill across learners, so a folder of many small records goes in few requests.
        var queued: [(learner: String, statement: XAPIStatement)] = []
        var ledgers: [String: SyncLedger] = [:]
        var sent = 0
        var written = 0
        var refused: [(learner: String, id: String, reason: String)] = []
        func flush() throws {
            guard !queued.isEmpty else { return }
            if let folder = writeBatches {
                let file = folder + "/" + String(format: "%06d.json", written / batch)
                try XAPIStatement.jsonData(queued.map(\.statement), compact: true).write(to: URL(fileURLWithPath: file))
                written += queued.count
                queued.removeAll(keepingCapacity: true)
                return
            }
            let delivery: LRSClient.Delivery
            do {
                delivery = try client.deliver(queued.map(\.statement))
            } catch let failure as LRSClient.Failure {
                throw CommandFailure(
                    "\(failure.description) (\(sent) statement(s) sent before; the rest stay pending)")
            }
            // Only what the LRS stored or confirmed is acknowledged; refused statements stay pending.
            let stored = Set(delivery.stored)
            let learnerOf = Dictionary(
                queued.map { ($0.statement.id, $0.learner) }, uniquingKeysWith: { first, _ in first })
            for (id, reason) in delivery.refused { refused.append((learnerOf[id] ?? "?", id, reason)) }
            // Saved after every batch: an interrupted sync resumes where it stopped.
            for (learner, entries) in Dictionary(grouping: queued, by: \.learner) {
                let acknowledged = entries.map(\.statement.id).filter(stored.contains)
                guard !acknowledged.isEmpty else { continue }
                ledgers[learner]?.acknowledged[key, default: []].formUnion(acknowledged)
                try ledgers[learner]?.save(dataFolder: data, learner: learner)
            }
            sent += stored.count
            queued.removeAll(keepingCapacity: true)
            if sent > batch { Output.error("\(sent) statement(s) sent") }
        }
        for id in ids {
            let record = try store.read(id)
            var ledger = try SyncLedger.load(dataFolder: data, learner: id).includingLegacyIDs(
                of: record, exporter: exporter)
            // Ledgers of older versions may hold an LRS URL with a password as a key: never written again.
            let keys = ledger.acknowledged.count
            ledger.acknowledged = ledger.acknowledged.filter { url, _ in
                (try? LRSEndpoint(url)) != nil || !url.contains("@")
            }
            if ledger.acknowledged.count != keys && writeBatches == nil {
                try ledger.save(dataFolder: data, learner: id)
            }
            let done = ledger.acknowledged[key] ?? []
            ledgers[id] = ledger
            for statement in exporter.statements(for: record) where !done.contains(statement.id) {
                queued.append((id, statement))
                if queued.count == batch { try flush() }
            }
            // A learner with nothing queued any more needs no ledger in memory.
            if !queued.contains(where: { $0.learner == id }) { ledgers[id] = nil }
        }
        try flush()
        if let folder = writeBatches {
            Output.line("wrote \(written) statement(s) to \(folder), nothing sent")
            return
        }
        Output.line("sent \(sent) statement(s) to \(key)")
        guard !refused.isEmpty else { return }
        for entry in refused.prefix(20) {
            Output.error("refused \(entry.id) (learner \(entry.learner)): \(entry.reason)")
        }
        if refused.count > 20 { Output.error("… and \(refused.count - 20) more refused") }
        let named = refused.prefix(10).map(\.id).joined(separator: ", ") + (refused.count > 10 ? ", …" : "")
        throw CommandFailure("\(refused.count) statement(s) refused by the LRS stay pending: \(named)")
    }
}
