import Foundation

/// Decodes a current-schema learner file straight from its bytes, without `Codable`.
///
/// A team report reads every learner file of a data folder; through `JSONDecoder` that was about 0.8 ms a
/// file, most of the report's time. This reader builds the same `LearnerRecord` about ten times faster. It
/// accepts only what `JSONDecoder` accepts, and keeps members it does not know in `extra` as the `Decodable`
/// conformances do (`JSONValue`, numbers by their exact decimal value); when in doubt it returns nil, and
/// `LearnerFileCodec` asks Foundation, which then also explains any error.
enum LearnerFileReader {
    /// The record in `data`, or nil when the fast path declines it.
    static func record(from data: Data) -> LearnerRecord? {
        data.withUnsafeBytes { record(from: $0) }
    }

    /// The record in `bytes`, or nil when the fast path declines it.
    static func record(from bytes: UnsafeRawBufferPointer) -> LearnerRecord? {
        var reader = JSONReader(bytes)
        guard let record = try? readRecord(&reader), reader.isAtEnd() else { return nil }
        return record
    }

    private typealias Refusal = JSONReader.Refusal

    private static func readRecord(_ reader: inout JSONReader) throws(Refusal) -> LearnerRecord {
        var schema: Int?
        var head: ChainHead?
        var learner: LearnerProfile?
        var position: ReadingPosition?
        var events: [LearnerEvent]?
        var review: [String: ReviewCard]?
        var extra: [String: JSONValue] = [:]
        var memo = ReadMemo()
        try reader.readObject { reader, key throws(Refusal) in
            switch key {
            case "schema": schema = try reader.readInt()
            case "learner": learner = try readProfile(&reader)
            case "position": position = try reader.takeNull() ? nil : try readPosition(&reader)
            case "events":
                var list: [LearnerEvent] = []
                var elements = 0
                while try reader.nextElement(&elements) { list.append(try readEvent(&reader, &memo)) }
                events = list
            case "review":
                var cards: [String: ReviewCard] = [:]
                try reader.readObject { reader, key throws(Refusal) in cards[key] = try readCard(&reader) }
                review = cards
            case "head": head = try reader.takeNull() ? nil : try readHead(&reader)
            default: extra[key] = try unknown(key, of: LearnerRecord.CodingKeys.self, &reader)
            }
        }
        guard let schema, let learner, let events, let review else { throw Refusal(offset: 0) }
        var record = LearnerRecord(learner: learner)
        record.schema = schema
        record.position = position
        record.events = events
        record.review = review
        record.head = head
        record.extra = extra
        return record
    }

    private static func readHead(_ reader: inout JSONReader) throws(Refusal) -> ChainHead {
        var events: Int?
        var hash: String?
        try reader.readObject { reader, key throws(Refusal) in
            switch key {
            case "events": events = try reader.readInt()
            case "hash": hash = try reader.readString()
            // `ChainHead` keeps no unknown members, and Foundation ignores them: so does this reader.
            default: _ = try reader.readValue()
            }
        }
        guard let events, let hash else { throw Refusal(offset: 0) }
        return ChainHead(events: events, hash: hash)
    }

    /// A member the fast reader has no case for: kept in `extra` when the type does not know it either, but
    /// declined (Foundation then reads the file) when it is one of the type's own coding keys, so that a member
    /// added to a type can never end up in `extra` on this path alone.
    private static func unknown<Key: CodingKey>(_ key: String, of _: Key.Type, _ reader: inout JSONReader)
        throws(Refusal) -> JSONValue
    {
        guard Key(stringValue: key) == nil else { throw Refusal(offset: 0) }
        return try reader.readValue()
    }

    private static func readProfile(_ reader: inout JSONReader) throws(Refusal) -> LearnerProfile {
        var id: String?
        var name: String?
        var team: String?
        var roles: [String]?
        var language: LanguageCode?
        var email: String?
        var extra: [String: JSONValue] = [:]
        try reader.readObject { reader, key throws(Refusal) in
            switch key {
            case "id": id = try reader.readString()
            case "name": name = try reader.readString()
            case "team": team = try optionalString(&reader)
            case "roles": roles = try strings(&reader)
            case "language": language = try optionalString(&reader).map(LanguageCode.init(rawValue:))
            case "email": email = try optionalString(&reader)
            default: extra[key] = try unknown(key, of: LearnerProfile.CodingKeys.self, &reader)
            }
        }
        guard let id, let name, let roles else { throw Refusal(offset: 0) }
        var profile = LearnerProfile(
            id: id, name: name, team: team, roles: roles, language: language, email: email)
        profile.extra = extra
        return profile
    }

    private static func readPosition(_ reader: inout JSONReader) throws(Refusal) -> ReadingPosition {
        var module: String?
        var lesson: String?
        var line: Int?
        var extra: [String: JSONValue] = [:]
        try reader.readObject { reader, key throws(Refusal) in
            switch key {
            case "module": module = try reader.readString()
            case "lesson": lesson = try reader.readString()
            case "line": line = try reader.readInt()
            default: extra[key] = try unknown(key, of: ReadingPosition.CodingKeys.self, &reader)
            }
        }
        guard let module, let lesson, let line else { throw Refusal(offset: 0) }
        var position = ReadingPosition(module: module, lesson: lesson, line: line)
        position.extra = extra
        return position
    }

    private static func readEvent(_ reader: inout JSONReader, _ memo: inout ReadMemo) throws(Refusal) -> LearnerEvent {
        var id: UUID?
        var at: Date?
        var kind: LearnerEvent.Kind?
        var module: String?
        var moduleVersion: SemanticVersion?
        var lesson: String?
        var question: String?
        var score: Double?
        var passed: Bool?
        var answers: [LearnerEvent.Answer]?
        var seed: UInt64?
        var durationSeconds: Double?
        var milestone: String?
        var by: String?
        var note: String?
        var role: String?
        var reason: String?
        var until: Date?
        var previous: ChainHashText?
        var sequence: Int?
        var extra: [String: JSONValue] = [:]
        // A loop rather than a closure per member: events are most of a learner file.
        var members = 0
        let table = EventField.table
        while let key = try reader.nextKey(&members) {
            guard let slot = table.field(key) else {
                extra[try JSONReader.text(key)] = try reader.readValue()
                continue
            }
            // A member of the event this reader has no case for yet: Foundation reads the file.
            guard case .fast(let field) = slot else { throw Refusal(offset: 0) }
            switch field {
            case .id:
                guard let value = try reader.readStringBytes({ uuid($0) }) else { throw Refusal(offset: 0) }
                id = value
            case .at: at = try date(&reader)
            case .type:
                guard let value = try reader.readStringBytes({ LearnerEvent.Kind.table.field($0) }) else {
                    throw Refusal(offset: 0)
                }
                kind = value
            case .module: module = try memo.string(&reader)
            case .moduleVersion:
                if try reader.takeNull() { continue }
                guard let value = try reader.readStringBytes({ memo.version($0) }) else { throw Refusal(offset: 0) }
                moduleVersion = value
            case .lesson: lesson = try memo.string(&reader)
            case .question: question = try memo.string(&reader)
            case .score: score = try reader.takeNull() ? nil : try reader.readDouble()
            case .passed: passed = try reader.takeNull() ? nil : try reader.readBool()
            case .answers:
                if try reader.takeNull() { continue }
                var list: [LearnerEvent.Answer] = []
                var elements = 0
                while try reader.nextElement(&elements) { list.append(try readAnswer(&reader)) }
                answers = list
            case .seed: seed = try reader.takeNull() ? nil : try reader.readUInt64()
            case .durationSeconds: durationSeconds = try reader.takeNull() ? nil : try reader.readDouble()
            case .milestone: milestone = try optionalString(&reader)
            case .by: by = try optionalString(&reader)
            case .note: note = try optionalString(&reader)
            case .role: role = try optionalString(&reader)
            case .reason: reason = try optionalString(&reader)
            case .until: until = try reader.takeNull() ? nil : try date(&reader)
            case .prev:
                if try reader.takeNull() { continue }
                // Hashes repeat nowhere: a well-formed one is kept as its 32 bytes, without making a string.
                previous = try reader.readStringBytes { ChainHashText(hexDigits: $0) }
                if previous == nil { throw Refusal(offset: 0) }
            case .seq: sequence = try reader.takeNull() ? nil : try reader.readInt()
            }
        }
        guard let id, let at, let kind else { throw Refusal(offset: 0) }
        var event = LearnerEvent(
            id: id, at: at, kind: kind, module: module, moduleVersion: moduleVersion, lesson: lesson,
            question: question, score: score, passed: passed, answers: answers, seed: seed,
            durationSeconds: durationSeconds, milestone: milestone, by: by, note: note, role: role,
            reason: reason, until: until, extra: extra)
        event.previousHash = previous
        event.sequence = sequence
        return event
    }

    private static func readAnswer(_ reader: inout JSONReader) throws(Refusal) -> LearnerEvent.Answer {
        var question: String?
        var chosen: [String]?
        var correct: Bool?
        var extra: [String: JSONValue] = [:]
        // Keys as bytes, as for events: a quiz attempt has a dozen answers, and a string per key was a fifth of
        // reading them.
        var members = 0
        while let key = try reader.nextKey(&members) {
            switch AnswerField.table.field(key) {
            case .question: question = try reader.readString()
            case .chosen:
                var list: [String] = []
                var elements = 0
                while try reader.nextElement(&elements) { list.append(try reader.readString()) }
                chosen = list
            case .correct: correct = try reader.readBool()
            // The table has every coding key (the switch below says so), so this is a member no version knows.
            case nil: extra[try JSONReader.text(key)] = try reader.readValue()
            }
        }
        guard let question, let chosen, let correct else { throw Refusal(offset: 0) }
        var answer = LearnerEvent.Answer(question: question, chosen: chosen, correct: correct)
        answer.extra = extra
        return answer
    }

    private static func readCard(_ reader: inout JSONReader) throws(Refusal) -> ReviewCard {
        var due: Date?
        var intervalDays: Double?
        var easiness: Double?
        var repetitions: Int?
        var lapses: Int?
        var extra: [String: JSONValue] = [:]
        try reader.readObject { reader, key throws(Refusal) in
            switch key {
            case "due": due = try date(&reader)
            case "intervalDays": intervalDays = try reader.readDouble()
            case "easiness": easiness = try reader.readDouble()
            case "repetitions": repetitions = try reader.readInt()
            case "lapses": lapses = try reader.readInt()
            default: extra[key] = try unknown(key, of: ReviewCard.CodingKeys.self, &reader)
            }
        }
        guard let due, let intervalDays, let easiness, let repetitions, let lapses else { throw Refusal(offset: 0) }
        var card = ReviewCard(
            due: due, intervalDays: intervalDays, easiness: easiness, repetitions: repetitions, lapses: lapses)
        card.extra = extra
        return card
    }

    private static func date(_ reader: inout JSONReader) throws(Refusal) -> Date {
        guard let date = try reader.readStringBytes({ Timestamp.parse(utf8: $0) }) else { throw Refusal(offset: 0) }
        return date
    }

    /// A UUID in its canonical 8-4-4-4-12 hex form, in either case; `UUID(uuidString:)` goes through `sscanf`,
    /// which was a tenth of a team report. Any other form is declined, and Foundation then decides.
    static func uuid(_ bytes: UnsafeRawBufferPointer) -> UUID? {
        guard bytes.count == 36, bytes[8] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"),
            bytes[18] == UInt8(ascii: "-"), bytes[23] == UInt8(ascii: "-"),
            let first = HexDigits.value(of: bytes, at: 0, uppercase: true),
            let second = HexDigits.value16(of: bytes, at: 9, uppercase: true),
            let third = HexDigits.value16(of: bytes, at: 14, uppercase: true),
            let fourth = HexDigits.value16(of: bytes, at: 19, uppercase: true),
            let fifth = HexDigits.value(of: bytes, at: 24, uppercase: true),
            let sixth = HexDigits.value16(of: bytes, at: 32, uppercase: true)
        else { return nil }
        func byte<T: FixedWidthInteger>(_ value: T, _ shift: Int) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        return UUID(
            uuid: (
                byte(first, 24), byte(first, 16), byte(first, 8), byte(first, 0), byte(second, 8), byte(second, 0),
                byte(third, 8), byte(third, 0), byte(fourth, 8), byte(fourth, 0), byte(fifth, 24),
                byte(fifth, 16), byte(fifth, 8), byte(fifth, 0), byte(sixth, 8), byte(sixth, 0)
            ))
    }

    private static func optionalString(_ reader: inout JSONReader) throws(Refusal) -> String? {
        try reader.takeNull() ? nil : try reader.readString()
    }

    private static func strings(_ reader: inout JSONReader) throws(Refusal) -> [String] {
        var list: [String] = []
        try reader.readArray { reader throws(Refusal) in list.append(try reader.readString()) }
        return list
    }
}

/// The members of an event this reader reads itself, by their JSON names.
///
/// Which names are members of an event comes from the one definition, `LearnerEvent.CodingKeys`; this list only
/// says which of them have a case here. A member added to the event without a case here is never taken for an
/// unknown member: such a file is declined and read by Foundation (`LearnerFileReaderTests` says so).
enum EventField: String, CaseIterable {
    case id, at, type, module, moduleVersion, lesson, question, score, passed, answers, seed, durationSeconds
    case milestone, by, note, role, reason, until, prev, seq

    /// A member of the event: read here, or left to Foundation.
    enum Slot {
        case fast(EventField)
        case foundation
    }

    /// Every coding key of the event, told apart by its bytes rather than by making a `String` of each.
    fileprivate static let table = KeyTable<Slot>(
        LearnerEvent.CodingKeys.allCases.map { key in
            (key.stringValue, EventField(rawValue: key.stringValue).map(Slot.fast) ?? .foundation)
        })
}

/// The members of an answer, by their JSON names: every one of `LearnerEvent.Answer.CodingKeys`, as the
/// exhaustive switch makes sure, so a member added to answers is never taken for an unknown one.
private enum AnswerField {
    case question, chosen, correct

    static let table = KeyTable<AnswerField>(
        LearnerEvent.Answer.CodingKeys.allCases.map { key in
            switch key {
            case .question: (key.stringValue, .question)
            case .chosen: (key.stringValue, .chosen)
            case .correct: (key.stringValue, .correct)
            }
        })
}

extension LearnerEvent.Kind {
    fileprivate static let table = KeyTable<LearnerEvent.Kind>(allCases.map { ($0.rawValue, $0) })
}

/// Names and what they stand for, looked up by UTF-8 bytes.
struct KeyTable<Value: Sendable>: Sendable {
    /// A name as its length and two words that, for names of up to 16 bytes, hold all of its bytes: comparing
    /// those is two integer comparisons where a byte-wise comparison was a twentieth of reading a file.
    private struct Name: Equatable, Sendable {
        var count: Int
        var head: UInt64
        var tail: UInt64

        init(_ bytes: UnsafeRawBufferPointer) {
            count = bytes.count
            if bytes.count >= 8 {
                head = bytes.loadUnaligned(as: UInt64.self)
                tail = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
            } else {
                head = 0
                for byte in bytes.reversed() { head = head << 8 | UInt64(byte) }
                tail = 0
            }
        }
    }

    private let entries: [(name: Name, bytes: [UInt8], value: Value)]

    init(_ names: [(String, Value)]) {
        entries = names.map { name, value in
            let bytes = Array(name.utf8)
            return (bytes.withUnsafeBytes { Name($0) }, bytes, value)
        }
    }

    func field(_ bytes: UnsafeRawBufferPointer) -> Value? {
        let name = Name(bytes)
        // Longer names agree in their first and last eight bytes only; their middle is compared too.
        for entry in entries where entry.name == name && (name.count <= 16 || entry.bytes.elementsEqual(bytes)) {
            return entry.value
        }
        return nil
    }
}

/// Values a file repeats in event after event (module ids, lesson ids, versions), kept so each is made once.
private struct ReadMemo {
    private var versionText: [UInt8] = []
    private var versionValue: SemanticVersion?
    private var recent: [(bytes: [UInt8], text: String)] = []
    private var next = 0

    mutating func version(_ bytes: UnsafeRawBufferPointer) -> SemanticVersion? {
        if let versionValue, bytes.elementsEqual(versionText) { return versionValue }
        let parsed = SemanticVersion(String(decoding: bytes, as: UTF8.self))
        versionText = Array(bytes)
        versionValue = parsed
        return parsed
    }

    /// A string or null, reusing one of the last few strings when the bytes are the same.
    mutating func string(_ reader: inout JSONReader) throws(JSONReader.Refusal) -> String? {
        if try reader.takeNull() { return nil }
        let text = try reader.readStringBytes { bytes -> String? in
            if let known = recent.first(where: { $0.bytes.count == bytes.count && $0.bytes.elementsEqual(bytes) }) {
                return known.text
            }
            guard let made = try? JSONReader.text(bytes) else { return nil }
            let entry = (bytes: Array(bytes), text: made)
            if recent.count < 8 {
                recent.append(entry)
            } else {
                recent[next] = entry
                next = (next + 1) % 8
            }
            return made
        }
        guard let text else { throw JSONReader.Refusal(offset: 0) }
        return text
    }
}
