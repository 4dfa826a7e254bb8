import Crypto
import Foundation

/// The end of a learner file's hash chain: how many events it links and the hash of the last one.
public struct ChainHead: Hashable, Sendable, Codable {
    /// The number of events the chain links.
    public var events: Int
    /// The SHA-256 (lowercase hex) of the last linked event's canonical form; `LearnerChain.genesis` for none.
    public var hash: String

    /// Makes a head.
    public init(events: Int, hash: String) {
        self.events = events
        self.hash = hash
    }
}

/// The hash chain of a learner file (schema 2, docs/file-formats.md and docs/evidence.md).
///
/// Every event carries `prev`, the SHA-256 of its predecessor's canonical form, and `seq`, its place; the file's
/// `head` names the hash of the last event. The canonical form is the event's own `Encodable` output with sorted
/// keys and no whitespace, so a field added to `LearnerEvent` is covered without anything here changing.
///
/// Reading a file never hashes: only a save (`link`, O(1) per new event) and `lernpfad verify` (`check`) do.
public enum LearnerChain {
    /// The link of the first event: 64 zeros, the hash of nothing before it.
    public static let genesis = String(repeating: "0", count: 64)

    /// The bytes that are hashed for `event`: its JSON with sorted keys and no whitespace, dates as the file
    /// writes them, members this version does not know included.
    public static func canonicalForm(of event: LearnerEvent) throws(StoreError) -> Data {
        try CanonicalEncoder().form(of: event)
    }

    /// The SHA-256 (lowercase hex) of `event`'s canonical form.
    public static func hash(of event: LearnerEvent) throws(StoreError) -> String {
        try CanonicalEncoder().hash(of: event)
    }

    /// The head the file states, without hashing anything: nil for a file not chained yet (schema 1).
    ///
    /// This is what a certificate quotes and a seal records for an intact file; only `check` says whether the
    /// events still lead to it.
    public static func head(of record: LearnerRecord) -> ChainHead? {
        record.schema >= 2 ? record.head : nil
    }

    /// Links the events a save adds, and migrates a record that has no chain yet.
    ///
    /// New events are the ones at the end without a link; each gets the stored head as `prev`, so a save costs one
    /// hash per new event, never a pass over the file. A record without a head (a schema-1 file, or a new one) is
    /// linked from the first event: the same events always give the same chain, so a seal made of a schema-1 file
    /// still holds after the file is migrated.
    public static func link(_ record: inout LearnerRecord) throws(StoreError) {
        let encoder = CanonicalEncoder()
        guard record.schema >= 2, let head = record.head else {
            var previous = genesis
            for index in record.events.indices {
                record.events[index].previous = previous
                record.events[index].sequence = index
                previous = try encoder.hash(of: record.events[index])
            }
            record.schema = LearnerRecord.currentSchema
            record.head = ChainHead(events: record.events.count, hash: previous)
            return
        }
        var start = record.events.count
        while start > 0, record.events[start - 1].previous == nil { start -= 1 }
        guard start < record.events.count else { return }
        var previous = head.hash
        for index in start..<record.events.count {
            record.events[index].previous = previous
            record.events[index].sequence = index
            previous = try encoder.hash(of: record.events[index])
        }
        record.head = ChainHead(events: record.events.count, hash: previous)
    }

    /// `record` as its next save writes it: linked, and of the current schema.
    public static func linked(_ record: LearnerRecord) throws(StoreError) -> LearnerRecord {
        var copy = record
        try link(&copy)
        return copy
    }

    /// The first break in a chained record's events (nil when they lead to its head), hashing every event: what
    /// `lernpfad verify` does for one file. A record not chained yet (schema 1) has nothing to break.
    public static func check(_ record: LearnerRecord) throws(StoreError) -> ChainBreak? {
        guard record.schema >= 2, record.head != nil else { return nil }
        return firstBreak(in: record, hashes: try hashes(of: record.events, encoder: CanonicalEncoder()))
    }

    /// The hash of every event, in file order, as `check` and the seals use them.
    static func hashes(of events: [LearnerEvent], encoder: CanonicalEncoder) throws(StoreError) -> [String] {
        var hashes: [String] = []
        hashes.reserveCapacity(events.count)
        for event in events { hashes.append(try encoder.hash(of: event)) }
        return hashes
    }

    /// The first place where the events of a chained record no longer lead to its head, or nil when they do.
    ///
    /// `hashes` are the events' hashes (`hashes(of:)`). The kind says what most plausibly happened, from the
    /// links and places around the break: an event whose link and place are right but whose predecessor's hash
    /// differs was edited; a place that jumps ahead with no event to link to means events were removed; a link to
    /// a later event means events were reordered; a link that skips events means those were inserted.
    static func firstBreak(in record: LearnerRecord, hashes: [String]) -> ChainBreak? {
        let id = record.learner.id
        let events = record.events
        func at(_ index: Int, _ kind: ChainBreak.Kind, _ detail: String) -> ChainBreak {
            ChainBreak(
                learner: id, index: index, event: events.indices.contains(index) ? events[index].id : nil,
                kind: kind, detail: detail)
        }
        for (place, event) in events.enumerated() {
            guard let previous = event.previous, let sequence = event.sequence else {
                return at(place, .inserted, "event \(place) has no chain link (prev/seq): it was added by hand")
            }
            let expected = place == 0 ? genesis : hashes[place - 1]
            if previous == expected && sequence == place { continue }
            if previous != expected, let linked = hashes.firstIndex(of: previous) {
                if linked > place - 1 {
                    return at(place, .reordered, "event \(place) was moved: it was written after event \(linked)")
                }
                return at(
                    linked + 1, .inserted,
                    "event \(linked + 1) was inserted: event \(place) was written right after event \(linked)")
            }
            if previous == genesis && place > 0 {
                return at(0, .inserted, "events 0 to \(place - 1) were inserted before the first event")
            }
            if sequence > place {
                // A later event that belongs here means a move; none means the events in between are gone.
                if let moved = events[(place + 1)...].firstIndex(where: {
                    ($0.sequence ?? -1) >= place && ($0.sequence ?? -1) < sequence
                }) {
                    return at(
                        moved, .reordered,
                        "event \(moved) was moved: its place in the chain is \(events[moved].sequence ?? 0)")
                }
                let missing = sequence - place
                return at(
                    place, .removed,
                    "\(missing) event\(missing == 1 ? "" : "s") removed before event \(place) (it was written as event \(sequence))"
                )
            }
            if sequence < place {
                return at(
                    sequence, .inserted,
                    "an event was inserted before event \(place) (it was written as event \(sequence))")
            }
            guard place > 0 else { return at(0, .edited, "event 0's link was changed") }
            return at(place - 1, .edited, "event \(place - 1) was changed after it was written")
        }
        guard let head = record.head else {
            return ChainBreak(learner: id, index: nil, event: nil, kind: .edited, detail: "the file names no head")
        }
        let last = events.isEmpty ? genesis : hashes[events.count - 1]
        if head.events == events.count && head.hash == last { return nil }
        if head.events > events.count {
            let missing = head.events - events.count
            return at(
                events.count, .removed,
                "\(missing) event\(missing == 1 ? "" : "s") removed from the end (the head links \(head.events))")
        }
        if head.events < 0 {
            return at(0, .edited, "the head was changed: it links \(head.events) events")
        }
        if head.events < events.count {
            return at(head.events, .inserted, "event \(head.events) and later were added after the head")
        }
        if let linked = hashes.firstIndex(of: head.hash) {
            return at(linked + 1, .inserted, "event \(linked + 1) and later were added after the head")
        }
        guard !events.isEmpty else { return at(0, .edited, "the head was changed") }
        return at(events.count - 1, .edited, "the last event (\(events.count - 1)) was changed after it was written")
    }
}

/// One place where a record stopped matching its chain or a seal; what `lernpfad verify` names.
public struct ChainBreak: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What most plausibly changed.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// An event's content changed after it was written.
        case edited
        /// Events are missing.
        case removed
        /// Events are in another order than they were written in.
        case reordered
        /// Events were added that were never written by lernpfad in this place.
        case inserted
        /// The chain is intact but no longer leads to what a seal recorded: the file was rewritten with a
        /// recomputed chain.
        case rewritten
        /// A seal's signature does not verify, its key is missing, or a seal it names is gone.
        case seal
        /// The learner file cannot be read at all.
        case unreadable
    }

    /// The learner, or nil for a break in the seals themselves.
    public var learner: String?
    /// The event's place in the file (from 0), when the break is at an event.
    public var index: Int?
    /// That event's id, when it still exists.
    public var event: UUID?
    /// What changed.
    public var kind: Kind
    /// One line about it.
    public var detail: String

    /// Makes a break.
    public init(learner: String?, index: Int?, event: UUID?, kind: Kind, detail: String) {
        self.learner = learner
        self.index = index
        self.event = event
        self.kind = kind
        self.detail = detail
    }

    /// `learner anna: edited at event 3 (id …): …`, safe for a terminal.
    public var description: String {
        var text = learner.map { "learner \($0.escapedForMessage(limit: 80)): " } ?? "seals: "
        text += kind.rawValue
        if let index { text += " at event \(index)" }
        if let event { text += " (id \(event.uuidString.lowercased()))" }
        return text + ": " + detail.escapedForMessage(limit: 400)
    }
}

/// Encodes events canonically and hashes them; one per pass, since `JSONEncoder` is a class.
struct CanonicalEncoder {
    private let encoder: JSONEncoder

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        encoder.userInfo[.writesUnknownMembers] = true
    }

    /// The canonical bytes of any value: sorted keys, no whitespace, no escaped slashes.
    func form(of value: some Encodable) throws(StoreError) -> Data {
        do {
            return try encoder.encode(value)
        } catch {
            throw .corrupted(path: "(canonical form)", reason: "cannot encode: \(error)")
        }
    }

    func hash(of event: LearnerEvent) throws(StoreError) -> String {
        Hex.string(SHA256.hash(data: try form(of: event)))
    }
}

/// Lowercase hex, written by hand since `String(format:)` per byte is slow.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func string(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
