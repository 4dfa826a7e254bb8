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
    /// The common case (a current file) is parsed once by `LearnerFileReader`; only a file that it declines, or
    /// an older schema, is looked at again by Foundation to say why or to migrate it.
    public static func decode(_ data: Data, path: String) throws(StoreError) -> LearnerRecord {
        // The hand-written reader takes the common case; whatever it declines goes the Foundation way below.
        if let record = LearnerFileReader.record(from: data), record.schema == LearnerRecord.currentSchema {
            return record
        }
        if let record = try? JSONCoding.decoder().decode(LearnerRecord.self, from: data) {
            if record.schema == LearnerRecord.currentSchema { return record }
            if record.schema > LearnerRecord.currentSchema { throw .newerSchema(path: path, schema: record.schema) }
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let top = object as? [String: Any] else {
            throw .corrupted(path: path, reason: "not a JSON object")
        }
        guard let schema = top["schema"] as? Int else {
            throw .corrupted(path: path, reason: "no integer 'schema' field; not a lernpfad learner file")
        }
        guard schema <= LearnerRecord.currentSchema else { throw .newerSchema(path: path, schema: schema) }
        guard schema >= 1 else { throw .corrupted(path: path, reason: "unknown schema \(schema)") }
        let current = try migrate(data, from: schema, path: path)
        do {
            return try JSONCoding.decoder().decode(LearnerRecord.self, from: current)
        } catch let error as DecodingError {
            throw .corrupted(path: path, reason: describe(error))
        } catch {
            throw .corrupted(path: path, reason: String(describing: error))
        }
    }

    /// Brings an older file up to the current schema. Schema 1 is the first, so there is nothing to do yet;
    /// a future schema 2 adds its step here and keeps schema-1 files readable.
    static func migrate(_ data: Data, from schema: Int, path: String) throws(StoreError) -> Data {
        data
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
