import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad seal`: signs every learner's chain head, so that a later change to what was sealed shows in
/// `lernpfad verify` (docs/evidence.md).
struct SealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Sign every learner's record as it is now (run by an ambassador or AI manager).",
        discussion: """
            Writes <data>/seals/<UTC time>.json with every learner's event count and chain head, signed with \
            the sealer's Ed25519 key. Make the key once with --init-key: the private key goes to the sealer's \
            config folder (mode 0600), the public key to <data>/seals/keys/<identity>.pub. Who seals comes \
            from --by, else from 'identity' in config.yaml.
            """)

    @OptionGroup var common: CommonOptions

    @Flag(help: "Make the sealing key (or publish the existing one to this data folder) instead of sealing.")
    var initKey = false

    @Flag(help: "With --init-key: replace an existing key.")
    var force = false

    @Option(help: "Who seals (default: 'identity' in config.yaml).")
    var by: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let identity = try Self.sealer(by: by, environment: environment)
        let keyFile = Self.keyFile(environment: environment)
        let seals = SealStore(dataFolder: common.locations.data)
        if initKey {
            try makeKey(identity: identity, keyFile: keyFile, seals: seals)
            return
        }
        if force { throw UsageFailure("--force goes with --init-key") }
        let outcome = try Self.seal(dataFolder: common.locations.data, identity: identity, environment: environment)
        Output.line(Self.describe(outcome))
    }

    private func makeKey(identity: String, keyFile: PrivateKeyFile, seals: SealStore) throws {
        let publicPath = seals.publicKeyPath(of: identity)
        let existing = FileManager.default.fileExists(atPath: keyFile.path) && !force ? try keyFile.load() : nil
        let key = existing ?? SealKey.Private()
        if !force, let published = seals.publicKey(of: identity), published.fingerprint != key.publicKey.fingerprint {
            throw CommandFailure(SealError.keyExists(path: publicPath).description)
        }
        if existing == nil {
            guard try keyFile.write(key, force: force) else {
                throw CommandFailure(SealError.keyExists(path: keyFile.path).description)
            }
        }
        try seals.writePublicKey(key.publicKey, of: identity)
        Output.line(
            "\(existing == nil ? "made" : "kept") the sealing key of \(identity): \(keyFile.path) (private, 0600); "
                + "public key \(publicPath); fingerprint \(key.publicKey.fingerprint)")
    }

    /// `--by`, else the identity from config.yaml; a usage error without either or for a name that cannot be a
    /// key file's name.
    static func sealer(by: String?, environment: [String: String]) throws -> String {
        let identity: String
        if let by {
            identity = by.trimmingCharacters(in: .whitespacesAndNewlines)
        } else if let configured = try SettingsFile.load(environment: environment).identity {
            identity = configured
        } else {
            throw UsageFailure("who seals? pass --by ID or set 'identity' in config.yaml")
        }
        guard Identifier.isValidLearnerID(identity) else {
            throw UsageFailure(SealError.invalidIdentity(identity).description)
        }
        return identity
    }

    /// The private key's file, beside config.yaml.
    static func keyFile(environment: [String: String]) -> PrivateKeyFile {
        PrivateKeyFile(
            configFolder: (SettingsFile.path(environment: environment) as NSString).deletingLastPathComponent)
    }

    /// Seals `dataFolder` now as `identity`; problems go to stderr as warnings.
    static func seal(dataFolder: String, identity: String, environment: [String: String]) throws -> SealOutcome {
        let keyFile = keyFile(environment: environment)
        let key: SealKey.Private
        do {
            key = try keyFile.load()
        } catch {
            throw CommandFailure(error.description)
        }
        let outcome: SealOutcome
        do {
            outcome = try Sealing.seal(
                dataFolder: dataFolder, by: identity, key: key, keyPath: keyFile.path, at: Date())
        } catch let error as SealError {
            throw CommandFailure(error.description)
        }
        for problem in outcome.problems { Output.error("warning: \(problem)") }
        return outcome
    }

    /// `sealed 12 learners (340 events) by ben: <path>`.
    static func describe(_ outcome: SealOutcome) -> String {
        let count = outcome.seal.body.learners.count
        return "sealed \(count) learner\(count == 1 ? "" : "s") (\(outcome.events) events) by "
            + "\(outcome.seal.body.by) with key \(outcome.seal.body.key): \(outcome.path)"
    }
}
