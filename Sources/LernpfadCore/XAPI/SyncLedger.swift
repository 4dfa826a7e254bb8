import Foundation

/// Which statements an LRS has acknowledged, per learner and LRS: `<data>/sync/<learner>.json`.
///
/// Kept apart from the learner file so that the audit trail stays append-only and credentials never touch it.
public struct SyncLedger: Codable, Sendable, Equatable {
    /// Acknowledged statement ids per LRS URL.
    public var acknowledged: [String: Set<String>]

    /// An empty ledger.
    public init() { acknowledged = [:] }

    /// The ledger file of a learner.
    public static func path(dataFolder: String, learner: String) -> String {
        dataFolder + "/sync/" + learner + ".json"
    }

    /// Reads the ledger; a missing file is an empty ledger.
    public static func load(dataFolder: String, learner: String) throws -> SyncLedger {
        let file = path(dataFolder: dataFolder, learner: learner)
        let data: Data
        do {
            data = try AtomicFile.contents(of: file)
        } catch .io(_, _, ENOENT) {
            return SyncLedger()
        }
        do {
            return try JSONCoding.decoder().decode(SyncLedger.self, from: data)
        } catch {
            throw StoreError.corrupted(path: file, reason: "sync ledger does not decode")
        }
    }

    /// Writes the ledger atomically, but without waiting for the disk.
    ///
    /// The LRS, not this file, is the record: should a crash lose the newest ledger, the next sync sends those
    /// statements again and the LRS keeps them once, because their ids are stable. Two fsyncs per learner and
    /// batch were a third of a large sync's time.
    public func save(dataFolder: String, learner: String) throws {
        try AtomicFile.makeFolder(dataFolder + "/sync")
        try AtomicFile.write(
            try JSONCoding.encoder().encode(self), to: Self.path(dataFolder: dataFolder, learner: learner),
            durable: false)
    }
}
