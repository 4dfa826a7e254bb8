import Foundation

/// What `lernpfad seal` did: the seal, where it was written, and what it could not cover.
public struct SealOutcome: Sendable {
    /// The seal.
    public var seal: Seal
    /// Its file.
    public var path: String
    /// Learner files left out (unreadable) or sealed with a chain already broken, one line each.
    public var problems: [String]
    /// How many events the seal covers.
    public var events: Int
}

/// Makes seals: every learner's chain head, signed with the sealer's private key.
public enum Sealing {
    /// Seals the data folder as `identity` with `key` (read from `keyPath`, named in messages) at `now`.
    ///
    /// The public key `<data>/seals/keys/<identity>.pub` must be `key`'s, so that `verify` can check the seal.
    /// Each learner's head is computed from the events (a schema-1 file as its migration will chain it), so a
    /// chain that is already broken is sealed as it is and named in `problems`: the seal never hides a break.
    public static func seal(
        dataFolder: String, by identity: String, key: SealKey.Private, keyPath: String, at now: Date
    )
        throws
        -> SealOutcome
    {
        guard Identifier.isValidLearnerID(identity) else { throw SealError.invalidIdentity(identity) }
        let seals = SealStore(dataFolder: dataFolder)
        let store = LearnerStore(dataFolder: dataFolder)
        guard let published = seals.publicKey(of: identity) else {
            throw SealError.noPublicKey(path: seals.publicKeyPath(of: identity))
        }
        guard published.fingerprint == key.publicKey.fingerprint else {
            throw SealError.keyMismatch(publicPath: seals.publicKeyPath(of: identity), privatePath: keyPath)
        }
        try store.requireFolder()
        let (entries, skipped) = store.readAll { record -> (String, SealEntry, String?) in
            let encoder = CanonicalEncoder()
            let chained = record.schema >= 2 && record.head != nil
            guard let linked = try? (chained ? record : LearnerChain.linked(record)),
                let hashes = try? LearnerChain.hashes(of: linked.events, encoder: encoder)
            else {
                return (record.learner.id, SealEntry(events: 0, head: LearnerChain.genesis), "cannot be hashed")
            }
            let entry = SealEntry(events: hashes.count, head: hashes.last ?? LearnerChain.genesis)
            let broken = chained ? LearnerChain.firstBreak(in: record, hashes: hashes) : nil
            return (record.learner.id, entry, broken.map { "sealed with a broken chain: \($0.description)" })
        }
        var learners: [String: SealEntry] = [:]
        var problems: [String] = []
        var events = 0
        for (id, entry, problem) in entries {
            if problem == "cannot be hashed" {
                problems.append("learner \(id): not sealed: its events cannot be hashed")
                continue
            }
            learners[id] = entry
            events += entry.events
            if let problem { problems.append(problem) }
        }
        for file in skipped {
            problems.append(
                "not sealed: \(file.file.escapedForMessage(limit: 300)): \(file.reason.escapedForMessage(limit: 300))")
        }
        let body = SealBody(
            sealedAt: now, by: identity, key: key.publicKey.fingerprint, previousSeal: seals.latest()?.id,
            learners: learners)
        let seal = try key.sign(body)
        let path = try seals.write(seal)
        return SealOutcome(seal: seal, path: path, problems: problems, events: events)
    }
}
