import Foundation

extension SyncLedger {
    /// The ledger with the statements of `record` that an older lernpfad sent counted as acknowledged.
    ///
    /// Up to 0.1.0 an event's statement id was the event id itself; now it is derived from the learner and the
    /// event (`XAPIExporter.statementID`). An event whose old id this ledger acknowledged for an LRS is at
    /// that LRS already, under the same learner (the file name is the learner id), so its new id counts as
    /// acknowledged too and the upgrade sends no duplicates.
    public func includingLegacyIDs(of record: LearnerRecord, exporter: XAPIExporter) -> SyncLedger {
        var ledger = self
        for (url, ids) in acknowledged {
            let legacy = record.events.filter { ids.contains($0.id.uuidString.lowercased()) }
            guard !legacy.isEmpty else { continue }
            ledger.acknowledged[url]?.formUnion(
                legacy.map { exporter.statementID(learner: record.learner.id, event: $0.id) })
        }
        return ledger
    }
}
