import Foundation

/// A seal whose signature verified, as a report names it.
public struct SealSummary: Hashable, Sendable, Codable {
    /// The seal file.
    public var file: String
    /// The seal's id (`Seal.id`).
    public var id: String
    /// When it was made.
    public var sealedAt: Date
    /// Who made it.
    public var by: String
    /// The fingerprint of the key that signed it.
    public var key: String
    /// How many learners it covers.
    public var learners: Int
}

/// What `lernpfad verify` found (docs/evidence.md); `--format json` prints it.
public struct VerificationReport: Sendable, Encodable {
    /// The learners whose files were checked.
    public var learnersChecked: Int
    /// The events in those files.
    public var eventsChecked: Int
    /// Learners whose file is still schema 1: no chain to check yet, though seals still apply to them.
    public var notChained: [String]
    /// Learners that no valid seal covers yet: their whole history rests on the chain alone.
    public var unsealed: [String]
    /// Every break found: at most one per learner (its first), plus breaks in the seals themselves.
    public var breaks: [ChainBreak]
    /// The seals whose signature verified, oldest first.
    public var seals: [SealSummary]
    /// The seal files looked at, valid or not.
    public var sealFiles: Int
    /// Per learner, the newest valid seal that covers them and what it recorded; for certificates.
    public var covering: [String: CoveringSeal]

    /// True when nothing is broken.
    public var isClean: Bool { breaks.isEmpty }
    /// The first break: a seal's before any learner's, then by learner id.
    public var firstBreak: ChainBreak? { breaks.first }
    /// How many seals verified.
    public var sealsChecked: Int { seals.count }
    /// The newest valid seal.
    public var latestSeal: SealSummary? { seals.last }

    /// The newest valid seal that covers `learner`, with what it recorded of them.
    public func coveringSeal(of learner: String) -> CoveringSeal? { covering[learner] }

    private enum CodingKeys: String, CodingKey {
        case clean, summary, learnersChecked, eventsChecked, notChained, unsealed, breaks, seals, sealFiles
    }

    /// The JSON of `lernpfad verify --format json` (docs/json-output.md): `clean` first in meaning, then counts,
    /// the learners without chain or seal, every break, and the valid seals.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isClean, forKey: .clean)
        try container.encode(summary, forKey: .summary)
        try container.encode(learnersChecked, forKey: .learnersChecked)
        try container.encode(eventsChecked, forKey: .eventsChecked)
        try container.encode(notChained, forKey: .notChained)
        try container.encode(unsealed, forKey: .unsealed)
        try container.encode(breaks, forKey: .breaks)
        try container.encode(seals, forKey: .seals)
        try container.encode(sealFiles, forKey: .sealFiles)
    }

    /// One line: `clean: …` or `BROKEN: …`.
    public var summary: String {
        var text = isClean ? "clean" : "BROKEN (\(breaks.count) break\(breaks.count == 1 ? "" : "s"))"
        text += ": \(learnersChecked) learner\(learnersChecked == 1 ? "" : "s"), \(eventsChecked) events"
        if let latest = latestSeal {
            text += ", \(seals.count) seal\(seals.count == 1 ? "" : "s") (latest \(Timestamp.format(latest.sealedAt))"
            text += " by \(latest.by.escapedForMessage(limit: 80)), \(latest.learners) learners)"
        } else {
            text += ", no seal yet"
        }
        if !notChained.isEmpty { text += ", \(notChained.count) not chained yet" }
        if !unsealed.isEmpty { text += ", \(unsealed.count) not sealed yet" }
        return text
    }
}

/// The seal that covers a learner and what it recorded of them.
public struct CoveringSeal: Hashable, Sendable, Codable {
    /// The seal.
    public var seal: SealSummary
    /// The learner's chain at sealing.
    public var entry: SealEntry
}

/// Checks every chain and seal of a data folder: the work of `lernpfad verify`.
public enum Verifier {
    /// Verifies the data folder (or one learner of it): each chain against itself, each seal's signature against
    /// its sealer's public key, each seal's predecessor, and each learner against every valid seal that covers
    /// them.
    public static func verify(dataFolder: String, learner only: String? = nil) -> VerificationReport {
        let store = LearnerStore(dataFolder: dataFolder)
        let sealStore = SealStore(dataFolder: dataFolder)
        var breaks: [ChainBreak] = []
        var valid: [(seal: Seal, summary: SealSummary)] = []
        let loaded = sealStore.load()
        var knownIDs: Set<String> = []
        for file in loaded {
            if case .success(let seal) = file.result { knownIDs.insert(seal.id) }
        }
        for file in loaded {
            let seal: Seal
            switch file.result {
            case .failure(let error):
                breaks.append(sealBreak(error.description))
                continue
            case .success(let read): seal = read
            }
            let name = file.path.escapedForMessage(limit: 300)
            guard let key = sealStore.publicKey(of: seal.body.by) else {
                breaks.append(
                    sealBreak(
                        "\(name): no public key of its sealer at \(sealStore.publicKeyPath(of: seal.body.by).escapedForMessage(limit: 300))"
                    ))
                continue
            }
            guard key.fingerprint == seal.body.key else {
                breaks.append(
                    sealBreak(
                        "\(name): signed with key \(seal.body.key.escapedForMessage()), but the sealer's key file holds \(key.fingerprint): the key file was replaced"
                    ))
                continue
            }
            guard seal.isSigned(by: key) else {
                breaks.append(sealBreak("\(name): the signature does not match its content: the seal was changed"))
                continue
            }
            if let previous = seal.body.previousSeal, !knownIDs.contains(previous) {
                breaks.append(
                    sealBreak(
                        "\(name): the seal made before it (id \(previous.escapedForMessage())) is gone: a seal was removed"
                    ))
            }
            let summary = SealSummary(
                file: file.path, id: seal.id, sealedAt: seal.body.sealedAt, by: seal.body.by, key: seal.body.key,
                learners: seal.body.learners.count)
            valid.append((seal, summary))
        }
        valid.sort { $0.summary.sealedAt < $1.summary.sealedAt }

        var ids = Set(store.learnerIDs())
        for (seal, _) in valid { ids.formUnion(seal.body.learners.keys.filter(Identifier.isValidLearnerID)) }
        let chosen = only.map { [$0] } ?? ids.sorted()
        let seals = valid
        let results = parallelMap(chosen.count) { index in check(chosen[index], store: store, seals: seals) }
        var report = VerificationReport(
            learnersChecked: 0, eventsChecked: 0, notChained: [], unsealed: [], breaks: breaks,
            seals: valid.map(\.summary), sealFiles: loaded.count, covering: [:])
        for (id, result) in zip(chosen, results) {
            if result.exists { report.learnersChecked += 1 }
            report.eventsChecked += result.events
            if result.notChained { report.notChained.append(id) }
            if let found = result.break { report.breaks.append(found) }
            if let covering = result.covering {
                report.covering[id] = covering
            } else if result.exists {
                report.unsealed.append(id)
            }
        }
        return report
    }

    private static func sealBreak(_ detail: String) -> ChainBreak {
        ChainBreak(learner: nil, index: nil, event: nil, kind: .seal, detail: detail)
    }

    private struct LearnerResult: Sendable {
        var exists = true
        var events = 0
        var notChained = false
        var `break`: ChainBreak?
        var covering: CoveringSeal?
    }

    private static func check(_ id: String, store: LearnerStore, seals: [(seal: Seal, summary: SealSummary)])
        -> LearnerResult
    {
        var result = LearnerResult()
        let sealed = seals.compactMap { seal, summary in seal.entry(for: id).map { (summary, $0) } }
        result.covering = sealed.last.map { CoveringSeal(seal: $0.0, entry: $0.1) }
        let record: LearnerRecord
        do {
            record = try store.read(id)
        } catch .learnerNotFound {
            result.exists = false
            if let (summary, entry) = sealed.last {
                result.break = ChainBreak(
                    learner: id, index: nil, event: nil, kind: .removed,
                    detail:
                        "the learner file is gone; the seal of \(Timestamp.format(summary.sealedAt)) by \(summary.by) recorded \(entry.events) events"
                )
            } else {
                result.break = ChainBreak(
                    learner: id, index: nil, event: nil, kind: .unreadable, detail: "no such learner file")
            }
            return result
        } catch {
            result.break = ChainBreak(
                learner: id, index: nil, event: nil, kind: .unreadable, detail: error.description)
            return result
        }
        result.events = record.events.count
        let encoder = CanonicalEncoder()
        let chained = record.schema >= 2 && record.head != nil
        result.notChained = !chained
        // A schema-1 file is compared with the seals as its migration will chain it: the same events give the
        // same hashes, so a seal made before the migration still holds after it.
        let hashes: [String]
        do {
            hashes = try LearnerChain.hashes(
                of: chained ? record.events : LearnerChain.linked(record).events, encoder: encoder)
        } catch {
            result.break = ChainBreak(
                learner: id, index: nil, event: nil, kind: .unreadable, detail: error.description)
            return result
        }
        if chained, let found = LearnerChain.firstBreak(in: record, hashes: hashes) {
            result.break = found
            return result
        }
        // The newest seal that still matches bounds where a rewrite can have started.
        var intactUpTo = 0
        var firstMismatch: (SealSummary, SealEntry)?
        for (summary, entry) in sealed {
            let matches: Bool
            if entry.events > hashes.count || entry.events < 0 {
                matches = false
            } else {
                matches = (entry.events == 0 ? LearnerChain.genesis : hashes[entry.events - 1]) == entry.head
            }
            if matches {
                intactUpTo = max(intactUpTo, entry.events)
            } else if firstMismatch == nil {
                firstMismatch = (summary, entry)
            }
        }
        if let (summary, entry) = firstMismatch {
            let when = "the seal of \(Timestamp.format(summary.sealedAt)) by \(summary.by)"
            if entry.events > hashes.count || entry.events < 0 {
                result.break = ChainBreak(
                    learner: id, index: hashes.count, event: nil, kind: .removed,
                    detail: "\(when) recorded \(entry.events) events; the file has \(hashes.count)")
            } else {
                let from = min(intactUpTo, max(entry.events - 1, 0))
                result.break = ChainBreak(
                    learner: id, index: from,
                    event: record.events.indices.contains(from) ? record.events[from].id : nil,
                    kind: .rewritten,
                    detail:
                        "events \(from) to \(entry.events - 1) are not what \(when) recorded: the file was rewritten with a recomputed chain"
                )
            }
        }
        return result
    }
}
