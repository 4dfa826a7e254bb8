import Crypto
import Foundation
import Glibc

/// What a seal records of one learner: how many events their chain had and the hash it ended in.
public struct SealEntry: Hashable, Sendable, Codable {
    /// The number of events at sealing.
    public var events: Int
    /// The hash of the last of them (`LearnerChain.genesis` for none).
    public var head: String

    /// Makes an entry.
    public init(events: Int, head: String) {
        self.events = events
        self.head = head
    }
}

/// The signed part of a seal file (docs/evidence.md): who sealed when, and every learner's chain head then.
public struct SealBody: Hashable, Sendable, Codable {
    /// The seal format; 1.
    public var schema: Int
    /// When the seal was made.
    public var sealedAt: Date
    /// Who sealed: an identity whose public key is `<data>/seals/keys/<by>.pub`.
    public var by: String
    /// The fingerprint of the signing key (`SealKey.fingerprint`), so a replaced key file shows.
    public var key: String
    /// The id of the newest seal in the folder when this one was made, so that removing a seal shows.
    public var previousSeal: String?
    /// Every learner's chain at sealing, by learner id.
    public var learners: [String: SealEntry]

    /// Makes a body.
    public init(
        sealedAt: Date, by: String, key: String, previousSeal: String?, learners: [String: SealEntry]
    ) {
        schema = 1
        self.sealedAt = Timestamp.millisecondPrecision(sealedAt)
        self.by = by
        self.key = key
        self.previousSeal = previousSeal
        self.learners = learners
    }
}

/// A seal file: the body and its Ed25519 signature over the body's canonical form.
public struct Seal: Hashable, Sendable, Codable {
    /// The signed content.
    public var body: SealBody
    /// The Ed25519 signature (base64) of `body`'s canonical JSON (sorted keys, no whitespace).
    public var signature: String

    /// Makes a seal from a body and its signature.
    public init(body: SealBody, signature: String) {
        self.body = body
        self.signature = signature
    }

    /// The seal's id: the SHA-256 (hex) of its signed bytes; later seals name their predecessor by it, and a
    /// certificate quotes it.
    public var id: String {
        Hex.string(SHA256.hash(data: (try? Self.signedBytes(of: body)) ?? Data()))
    }

    /// The bytes the signature covers.
    public static func signedBytes(of body: SealBody) throws(StoreError) -> Data {
        try CanonicalEncoder().form(of: body)
    }

    /// Whether the signature is `key`'s over the body.
    public func isSigned(by key: SealKey.Public) -> Bool {
        guard let signature = Data(base64Encoded: signature), let bytes = try? Self.signedBytes(of: body) else {
            return false
        }
        return key.key.isValidSignature(signature, for: bytes)
    }

    /// The chain `learner` had at sealing, if this seal covers them.
    public func entry(for learner: String) -> SealEntry? { body.learners[learner] }
}

/// Ed25519 keys of a sealer.
public enum SealKey {
    /// A public key as kept in `<data>/seals/keys/<identity>.pub`: one line `ed25519 <base64>`.
    public struct Public: Sendable {
        let key: Curve25519.Signing.PublicKey

        /// The key in `text` (the file's content); nil when it is not such a line.
        public init?(text: String) {
            let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
            guard parts.count == 2, parts[0] == "ed25519", let raw = Data(base64Encoded: String(parts[1])),
                let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
            else { return nil }
            self.key = key
        }

        init(_ key: Curve25519.Signing.PublicKey) { self.key = key }

        /// The file's content.
        public var text: String { "ed25519 " + key.rawRepresentation.base64EncodedString() + "\n" }

        /// `SHA256:` and the first 32 hex digits of the SHA-256 of the raw key: what an auditor compares.
        public var fingerprint: String {
            "SHA256:" + String(Hex.string(SHA256.hash(data: key.rawRepresentation)).prefix(32))
        }
    }

    /// A private key as kept in the sealer's config folder: one line `ed25519-private <base64>`, mode 0600.
    public struct Private: Sendable {
        let key: Curve25519.Signing.PrivateKey

        /// A new random key.
        public init() { key = Curve25519.Signing.PrivateKey() }

        /// The key in `text`; nil when it is not such a line.
        public init?(text: String) {
            let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
            guard parts.count == 2, parts[0] == "ed25519-private", let raw = Data(base64Encoded: String(parts[1])),
                let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            else { return nil }
            self.key = key
        }

        /// The file's content.
        public var text: String { "ed25519-private " + key.rawRepresentation.base64EncodedString() + "\n" }

        /// The matching public key.
        public var publicKey: Public { Public(key.publicKey) }

        /// `body` signed.
        public func sign(_ body: SealBody) throws(StoreError) -> Seal {
            let bytes = try Seal.signedBytes(of: body)
            do {
                return Seal(body: body, signature: try key.signature(for: bytes).base64EncodedString())
            } catch {
                throw .corrupted(path: "(seal)", reason: "cannot sign: \(error)")
            }
        }
    }
}

/// Why a seal or key file could not be read or written; each case names the file.
public enum SealError: Error, Equatable, CustomStringConvertible {
    /// The file is not a seal.
    case unreadable(path: String, reason: String)
    /// A key exists and `--force` was not given.
    case keyExists(path: String)
    /// No private key where one was expected.
    case noPrivateKey(path: String)
    /// No public key of the sealer in the data folder.
    case noPublicKey(path: String)
    /// The public key in the data folder is not the private key's.
    case keyMismatch(publicPath: String, privatePath: String)
    /// The identity cannot be a file name.
    case invalidIdentity(String)

    /// One line that says what and where.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): not a seal (\(reason))"
        case .keyExists(let path): return "\(path): a key is already there; pass --force to replace it"
        case .noPrivateKey(let path):
            return "\(path): no sealing key; make one with 'lernpfad seal --init-key'"
        case .noPublicKey(let path):
            return "\(path): no public key of the sealer here; run 'lernpfad seal --init-key' with this data folder"
        case .keyMismatch(let publicPath, let privatePath):
            return "\(publicPath) is not the public key of \(privatePath); run 'lernpfad seal --init-key --force'"
        case .invalidIdentity(let identity):
            return
                "invalid identity '\(identity.escapedForMessage(limit: 80))' for sealing: use a-z, 0-9, '.', '_' or '-'"
        }
    }
}

/// The seals of a data folder: `<data>/seals/*.json` and the public keys in `<data>/seals/keys/`.
public struct SealStore: Sendable {
    /// The data folder.
    public var dataFolder: String

    /// The store over `dataFolder`.
    public init(dataFolder: String) {
        self.dataFolder = dataFolder
    }

    /// `<data>/seals`.
    public var folder: String { dataFolder + "/seals" }
    /// `<data>/seals/keys`.
    public var keysFolder: String { folder + "/keys" }

    /// The public key file of `identity`.
    public func publicKeyPath(of identity: String) -> String { keysFolder + "/" + identity + ".pub" }

    /// The public key of `identity`, or nil when there is none (or it is not a key).
    public func publicKey(of identity: String) -> SealKey.Public? {
        guard Identifier.isValidLearnerID(identity), AtomicFile.isRegularFile(publicKeyPath(of: identity)),
            let data = try? AtomicFile.contents(of: publicKeyPath(of: identity))
        else { return nil }
        return SealKey.Public(text: String(decoding: data, as: UTF8.self))
    }

    /// The seal files, oldest first (their names are their UTC times), each read or with why not.
    public func load() -> [LoadedSeal] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        return names.map { name in
            let path = folder + "/" + name
            do {
                let data = try AtomicFile.contents(of: path)
                return LoadedSeal(path: path, result: .success(try Self.decode(data, path: path)))
            } catch let error as SealError {
                return LoadedSeal(path: path, result: .failure(error))
            } catch {
                return LoadedSeal(path: path, result: .failure(.unreadable(path: path, reason: "\(error)")))
            }
        }
    }

    /// The newest seal that reads, if any.
    public func latest() -> Seal? {
        load().reversed().lazy.compactMap { try? $0.result.get() }.first
    }

    /// Writes `seal` as `<data>/seals/<UTC time>.json` and returns the path; never replaces a file.
    @discardableResult
    public func write(_ seal: Seal) throws(StoreError) -> String {
        try AtomicFile.makeFolder(folder)
        let stamp = Self.fileStamp(seal.body.sealedAt)
        var path = folder + "/" + stamp + ".json"
        var counter = 1
        while FileManager.default.fileExists(atPath: path) {
            counter += 1
            path = folder + "/" + stamp + "-\(counter).json"
        }
        try AtomicFile.write(try Self.encode(seal), to: path)
        return path
    }

    /// Writes `key` as the public key of `identity`.
    public func writePublicKey(_ key: SealKey.Public, of identity: String) throws(StoreError) {
        try AtomicFile.makeFolder(folder)
        try AtomicFile.makeFolder(keysFolder)
        try AtomicFile.write(Data(key.text.utf8), to: publicKeyPath(of: identity))
    }

    /// `20261202T101500.123Z`: the basic ISO 8601 form, since `:` is not allowed in file names everywhere.
    static func fileStamp(_ date: Date) -> String {
        Timestamp.format(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// A seal's file bytes: pretty, sorted keys, with a final newline.
    public static func encode(_ seal: Seal) throws(StoreError) -> Data {
        do {
            var data = try JSONCoding.encoder().encode(SealFile(seal))
            data.append(0x0A)
            return data
        } catch {
            throw .corrupted(path: "(seal)", reason: "cannot encode: \(error)")
        }
    }

    /// The seal in `data`; `path` is only for messages.
    public static func decode(_ data: Data, path: String) throws(SealError) -> Seal {
        do {
            let file = try JSONCoding.decoder().decode(SealFile.self, from: data)
            guard file.schema == 1 else {
                throw SealError.unreadable(path: path, reason: "unknown schema \(file.schema)")
            }
            return file.seal
        } catch let error as SealError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "\(error)".escapedForMessage(limit: 200))
        }
    }
}

/// A seal file as read: its path and the seal, or why it could not be read.
public struct LoadedSeal: Sendable {
    /// The file.
    public var path: String
    /// The seal or the error.
    public var result: Result<Seal, SealError>
}

/// The file layout of a seal: the body's members and `signature` side by side, so the file reads flat.
private struct SealFile: Codable {
    var schema: Int
    var sealedAt: Date
    var by: String
    var key: String
    var previousSeal: String?
    var learners: [String: SealEntry]
    var signature: String

    init(_ seal: Seal) {
        schema = seal.body.schema
        sealedAt = seal.body.sealedAt
        by = seal.body.by
        key = seal.body.key
        previousSeal = seal.body.previousSeal
        learners = seal.body.learners
        signature = seal.signature
    }

    var seal: Seal {
        var body = SealBody(sealedAt: sealedAt, by: by, key: key, previousSeal: previousSeal, learners: learners)
        body.schema = schema
        return Seal(body: body, signature: signature)
    }
}

/// The sealer's private key in their config folder: `<config>/lernpfad/seal-key`, mode 0600.
public struct PrivateKeyFile: Sendable {
    /// The file.
    public var path: String

    /// The key file inside the lernpfad config folder `configFolder` (e.g. `~/.config/lernpfad`).
    public init(configFolder: String) {
        path = configFolder + "/seal-key"
    }

    /// The key, or `SealError.noPrivateKey`.
    public func load() throws(SealError) -> SealKey.Private {
        guard let data = try? AtomicFile.contents(of: path) else { throw .noPrivateKey(path: path) }
        guard let key = SealKey.Private(text: String(decoding: data, as: UTF8.self)) else {
            throw .unreadable(path: path, reason: "not an ed25519-private key line")
        }
        return key
    }

    /// Writes `key` with mode 0600; refuses to replace an existing key unless `force`.
    public func write(_ key: SealKey.Private, force: Bool) throws(StoreError) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: path) && !force { return false }
        try AtomicFile.makeFolder(folder)
        try AtomicFile.write(Data(key.text.utf8), to: path)
        // AtomicFile keeps a shared folder's group bits; a private key is never the group's.
        guard chmod(path, 0o600) == 0 else { throw .io(path: path, operation: "chmod", errno: errno) }
        return true
    }
}
