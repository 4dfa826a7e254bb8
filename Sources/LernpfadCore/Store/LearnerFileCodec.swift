import Foundation

/// Turns learner files into records and back, migrating older schemas on read.
public enum LearnerFileCodec {
    /// The file's bytes for `record`, with a final newline.
    ///
    /// Members this version does not know are written back as they were read; one that cannot be written
    /// exactly (a number Foundation had to round) makes the save fail, rather than change it silently.
    public static func encode(_ record: LearnerRecord) throws(StoreError) -> Data {
        do {
            let encoder = JSONCoding.encoder()
            encoder.userInfo[.writesUnknownMembers] = true
            var data = try encoder.encode(record)
            data.append(0x0A)
            return data
        } catch let error as InexactJSONNumber {
            throw .unknownFieldNotKept(id: record.learner.id, reason: error.description)
        } catch let EncodingError.invalidValue(_, context) where context.underlyingError is InexactJSONNumber {
            throw .unknownFieldNotKept(id: record.learner.id, reason: String(describing: context.underlyingError!))
        } catch {
            throw .corrupted(path: record.learner.id, reason: "cannot encode: \(error)")
        }
    }

    /// The record in `data`; `path` is only for messages.
    ///
    /// Versioned the way SwiftPM reads its stores: the `schema` member first, then the reading of that version.
    /// The common case (a current file) is parsed once by `LearnerFileReader`; only a file that it declines is
    /// looked at again by Foundation, to read it or to say why not. Nothing here hashes: reading for status, team
    /// and the TUI stays as fast as before the chain; only a save and `lernpfad verify` hash.
    public static func decode(_ data: Data, path: String) throws(StoreError) -> LearnerRecord {
        if let record = LearnerFileReader.record(from: data), let read = Schema(rawValue: record.schema) {
            return read.frozen(record)
        }
        return try decodeSlowly(data, path: path)
    }

    /// The record in `bytes`, as `decode(_:path:)` reads it, without first copying the bytes into `Data`.
    static func decode(bytes: UnsafeRawBufferPointer, path: String) throws(StoreError) -> LearnerRecord {
        if let record = LearnerFileReader.record(from: bytes), let read = Schema(rawValue: record.schema) {
            return read.frozen(record)
        }
        return try decodeSlowly(Data(bytes), path: path)
    }

    /// Foundation's reading of a file the fast reader declined: it reads the file or says what is wrong with it.
    private static func decodeSlowly(_ data: Data, path: String) throws(StoreError) -> LearnerRecord {
        guard let object = try? JSONSerialization.jsonObject(with: data), let top = object as? [String: Any] else {
            throw .corrupted(path: path, reason: "not a JSON object")
        }
        guard let number = top["schema"] as? Int else {
            throw .corrupted(path: path, reason: "no integer 'schema' field; not a lernpfad learner file")
        }
        guard number <= LearnerRecord.currentSchema else { throw .newerSchema(path: path, schema: number) }
        guard let schema = Schema(rawValue: number) else {
            throw .corrupted(path: path, reason: "unknown schema \(number)")
        }
        do {
            return schema.frozen(try JSONCoding.decoder().decode(LearnerRecord.self, from: data))
        } catch let error as DecodingError {
            throw .corrupted(path: path, reason: describe(error))
        } catch {
            throw .corrupted(path: path, reason: String(describing: error))
        }
    }

    /// The record in `data` as only the hand-written reader reads it, or nil where it declines; for the fuzz
    /// target, which compares it with `foundationRecord(from:)` on every input.
    public static func fastRecord(from data: Data) -> LearnerRecord? {
        LearnerFileReader.record(from: data)
    }

    /// The record in `data` as `JSONDecoder` reads it, or nil where it fails.
    public static func foundationRecord(from data: Data) -> LearnerRecord? {
        try? JSONCoding.decoder().decode(LearnerRecord.self, from: data)
    }

    /// The schemas this build reads, each with what is frozen about reading it.
    enum Schema: Int {
        /// The first schema: no hash chain. Its files are the current layout without `prev`, `seq` and `head`;
        /// such members in a schema-1 file were never written by lernpfad and are dropped, so that the file's
        /// next save chains it from its first event (`LearnerChain.link`).
        case one = 1
        /// Schema 2: every event linked to its predecessor, the file naming its head.
        case two = 2

        func frozen(_ record: LearnerRecord) -> LearnerRecord {
            switch self {
            case .two: return record
            case .one:
                var record = record
                record.head = nil
                for index in record.events.indices
                where record.events[index].previous != nil || record.events[index].sequence != nil {
                    record.events[index].previous = nil
                    record.events[index].sequence = nil
                }
                return record
            }
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func location(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return
                "missing '\(key.stringValue)' at \(location(context.codingPath).isEmpty ? "top level" : location(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(location(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "bad value at \(location(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
