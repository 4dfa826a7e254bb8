import Crypto
import Foundation

/// A certificate of one learner's path: what was completed, in which content version, when, with what score, until
/// when it counts, and a verification code that ties it to the learner's record.
///
/// Its JSON form is embedded in the HTML page, so that `lernpfad verify-certificate` can derive the certificate
/// again from the data folder and name every difference.
public struct Certificate: Codable, Sendable, Hashable {
    /// The version of this format.
    public static let currentFormat = 1
    /// The format's version.
    public var format: Int
    /// The learner id.
    public var learner: String
    /// The learner's name.
    public var name: String
    /// The path's role.
    public var role: String
    /// The path's title, in the certificate's language.
    public var pathTitle: String
    /// The certificate's language.
    public var language: LanguageCode
    /// When it was issued: the moment the path's state was derived at.
    public var issued: Date
    /// When the path was completed (the latest module completion).
    public var completed: Date?
    /// When the completion runs out (the earliest module expiry).
    public var validUntil: Date?
    /// Every module of the path.
    public var modules: [ModuleLine]
    /// Every attested milestone of the path.
    public var milestones: [MilestoneLine]
    /// What the record was when the certificate was issued: event count, chain head, covering seal.
    public var anchor: Anchor
    /// The verification code: a short hex of SHA-256 over everything above (``code(for:)``).
    public var code: String

    /// One module on the certificate.
    public struct ModuleLine: Codable, Sendable, Hashable {
        /// The module id.
        public var id: String
        /// Its title.
        public var title: String
        /// The content version completed.
        public var version: SemanticVersion?
        /// When.
        public var completed: Date?
        /// The passing score, 0...1.
        public var score: Double?
        /// Set when the module is covered by a waiver rather than a completion.
        public var waived: Bool
    }

    /// One attested milestone on the certificate.
    public struct MilestoneLine: Codable, Sendable, Hashable {
        /// The milestone id.
        public var id: String
        /// Its title.
        public var title: String
        /// When attested.
        public var attested: Date
        /// By whom.
        public var by: String?
    }

    /// The state of the learner's record a certificate rests on.
    public struct Anchor: Codable, Sendable, Hashable {
        /// How many events the learner's file had.
        public var events: Int
        /// The SHA-256 of the last of those events (the chain head), when the file has a chain.
        public var head: String?
        /// The seal that covers those events, if one does.
        public var seal: String?

        /// Makes an anchor.
        public init(events: Int, head: String? = nil, seal: String? = nil) {
            self.events = events
            self.head = head
            self.seal = seal
        }
    }

    /// Why no certificate can be made.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The content has no path for the role.
        case unknownPath(String, known: [String])
        /// The learner does not have the role.
        case notInPath(learner: String, role: String, roles: [String])
        /// The learner has several roles and none was chosen.
        case choosePath(learner: String, roles: [String])
        /// The path is not (or no longer) completed.
        case notCompleted(learner: String, role: String, state: ProgressState, done: Int, total: Int)

        /// One line saying what and where.
        public var description: String {
            switch self {
            case .unknownPath(let role, let known):
                return "no path '\(role.sanitizedForMessage)' in the content; paths: \(known.joined(separator: ", "))"
            case .notInPath(let learner, let role, let roles):
                return "\(learner.sanitizedForMessage) does not have the role \(role.sanitizedForMessage); roles: "
                    + (roles.isEmpty ? "none" : roles.map(\.sanitizedForMessage).joined(separator: ", "))
            case .choosePath(let learner, let roles):
                return "\(learner.sanitizedForMessage) has several roles; choose one with --path: "
                    + roles.map(\.sanitizedForMessage).joined(separator: ", ")
            case .notCompleted(let learner, let role, let state, let done, let total):
                return "\(learner.sanitizedForMessage) has not completed the path \(role.sanitizedForMessage) "
                    + "(\(state.words), \(done)/\(total) modules valid): no certificate"
            }
        }
    }

    /// The certificate for `record`'s path `role` (the learner's only role when nil) as of `now`.
    ///
    /// Only `anchor.events` events of the file (in file order) count, so that verifying later, after the learner
    /// went on learning, derives the same certificate from the same beginning of the record.
    public static func make(
        record: LearnerRecord, role: String?, catalog: Catalog, now: Date, language: LanguageCode, anchor: Anchor
    ) throws(Refusal) -> Certificate {
        let roles = record.learner.roles
        let chosen: String
        if let role {
            chosen = role
        } else if roles.count == 1 {
            chosen = roles[0]
        } else if roles.isEmpty {
            throw .notInPath(learner: record.learner.id, role: "(none)", roles: [])
        } else {
            throw .choosePath(learner: record.learner.id, roles: roles)
        }
        guard let path = catalog.path(chosen) else {
            throw .unknownPath(chosen, known: catalog.paths.map(\.role))
        }
        guard roles.contains(chosen) else {
            throw .notInPath(learner: record.learner.id, role: chosen, roles: roles)
        }
        var truncated = record
        truncated.events = Array(record.events.prefix(anchor.events))
        let progress = ProgressEngine.paths(for: truncated, catalog: catalog, now: now).first { $0.role == chosen }
        guard let progress, progress.state.isValidCompletion,
            progress.modulesDone == progress.modules.count
        else {
            throw .notCompleted(
                learner: record.learner.id, role: chosen, state: progress?.state ?? .notStarted,
                done: progress?.modulesDone ?? 0, total: path.modules.count)
        }
        let fallback = catalog.course.defaultLanguage
        let modules = progress.modules.map { module in
            ModuleLine(
                id: module.module,
                title: catalog.module(module.module)?.title.text(in: language, fallback: fallback) ?? module.module,
                version: module.completion?.version, completed: module.completion?.at, score: module.completion?.score,
                waived: module.state == .waived)
        }
        let milestones = progress.milestones.compactMap { milestone -> MilestoneLine? in
            guard let at = milestone.attestedAt else { return nil }
            let title = path.milestones.first { $0.id == milestone.milestone }?.title.text(
                in: language, fallback: fallback)
            return MilestoneLine(
                id: milestone.milestone, title: title ?? milestone.milestone, attested: at, by: milestone.attestedBy)
        }
        var certificate = Certificate(
            format: currentFormat, learner: record.learner.id, name: record.learner.name, role: chosen,
            pathTitle: path.title.text(in: language, fallback: fallback), language: language,
            issued: Timestamp.millisecondPrecision(now), completed: progress.completedAt,
            validUntil: progress.validUntil, modules: modules, milestones: milestones, anchor: anchor, code: "")
        certificate.code = code(for: certificate)
        return certificate
    }

    /// The verification code: the first 16 hex digits of SHA-256 over the certificate's canonical lines (learner,
    /// path, issue time, every module and milestone, event count, chain head, seal), grouped in fours.
    ///
    /// Titles and the language are left out: the same certificate in German and English has the same code.
    public static func code(for certificate: Certificate) -> String {
        var lines = [
            "lernpfad certificate \(certificate.format)", certificate.learner, certificate.name, certificate.role,
            Timestamp.format(certificate.issued), certificate.completed.map(Timestamp.format) ?? "-",
            certificate.validUntil.map(Timestamp.format) ?? "-",
        ]
        for module in certificate.modules {
            let score = module.score.map { String(format: "%.4f", $0) } ?? "-"
            lines.append(
                "module \(module.id) \(module.version?.description ?? "-") "
                    + "\(module.completed.map(Timestamp.format) ?? "-") \(score) \(module.waived ? "waived" : "done")")
        }
        for milestone in certificate.milestones {
            lines.append("milestone \(milestone.id) \(Timestamp.format(milestone.attested)) \(milestone.by ?? "-")")
        }
        lines.append("events \(certificate.anchor.events)")
        lines.append("head \(certificate.anchor.head ?? "-")")
        lines.append("seal \(certificate.anchor.seal ?? "-")")
        let digest = SHA256.hash(data: Data(lines.joined(separator: "\n").utf8))
        let hex = digest.prefix(8).map { String(format: "%02X", $0) }.joined()
        return stride(from: 0, to: hex.count, by: 4).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: "-")
    }

    /// What differs between this certificate and `current` (derived again from the data folder), one line each;
    /// empty when they match.
    public func differences(from current: Certificate) -> [String] {
        var found: [String] = []
        func compare(_ what: String, _ mine: String, _ theirs: String) {
            if mine != theirs { found.append("\(what): \(mine) on the certificate, \(theirs) in the data folder") }
        }
        func day(_ date: Date?) -> String { date.map(Timestamp.format) ?? "none" }
        compare("name", name.sanitizedForMessage, current.name.sanitizedForMessage)
        compare("completed", day(completed), day(current.completed))
        compare("valid until", day(validUntil), day(current.validUntil))
        let theirs = Dictionary(current.modules.map { ($0.id, $0) }) { first, _ in first }
        for module in modules {
            guard let other = theirs[module.id] else {
                found.append("module \(module.id.sanitizedForMessage): on the certificate, not in the data folder")
                continue
            }
            let what = "module \(module.id.sanitizedForMessage)"
            compare("\(what) version", module.version?.description ?? "none", other.version?.description ?? "none")
            compare("\(what) completed", day(module.completed), day(other.completed))
            compare("\(what) score", Self.percent(module.score), Self.percent(other.score))
            compare("\(what) waived", "\(module.waived)", "\(other.waived)")
        }
        for module in current.modules where !modules.contains(where: { $0.id == module.id }) {
            found.append("module \(module.id.sanitizedForMessage): in the data folder, not on the certificate")
        }
        let milestonesNow = Dictionary(current.milestones.map { ($0.id, $0) }) { first, _ in first }
        for milestone in milestones {
            let what = "milestone \(milestone.id.sanitizedForMessage)"
            guard let other = milestonesNow[milestone.id] else {
                found.append("\(what): on the certificate, not in the data folder")
                continue
            }
            compare("\(what) attested", day(milestone.attested), day(other.attested))
            compare(
                "\(what) by", (milestone.by ?? "none").sanitizedForMessage, (other.by ?? "none").sanitizedForMessage)
        }
        compare("chain head", anchor.head ?? "none", current.anchor.head ?? "none")
        compare("seal", anchor.seal ?? "none", current.anchor.seal ?? "none")
        if found.isEmpty && code != current.code {
            found.append("verification code: \(code.sanitizedForMessage) on the certificate, \(current.code) derived")
        }
        return found
    }

    static func percent(_ score: Double?) -> String {
        score.map { "\(Int(($0 * 100).rounded()))%" } ?? "none"
    }
}
