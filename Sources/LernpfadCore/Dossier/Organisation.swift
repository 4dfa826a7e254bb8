import Foundation

/// The organisation a dossier is about and the AI systems it uses, as `<data>/organisation.yaml` states them.
///
/// This is the organisation's own assessment (name, systems, providers, risk classes): lernpfad records it, it does
/// not judge it. Texts are plain strings in the organisation's language, not localised like content.
public struct Organisation: Hashable, Sendable, Codable {
    /// The organisation's name.
    public var name: String
    /// Who is responsible for AI literacy (a person or a function), if stated.
    public var responsible: String?
    /// The AI systems in use, in file order.
    public var systems: [AISystem]

    /// Makes an organisation.
    public init(name: String, responsible: String? = nil, systems: [AISystem] = []) {
        self.name = name
        self.responsible = responsible
        self.systems = systems
    }
}

/// One AI system the organisation provides or deploys.
public struct AISystem: Hashable, Sendable, Codable, Identifiable {
    /// A short id (`[a-z0-9-]+`), unique in the file.
    public var id: String
    /// The system's name.
    public var name: String
    /// Who provides it (a vendor, or the organisation itself).
    public var provider: String
    /// What it is used for.
    public var purpose: String
    /// The risk class as the organisation assessed it.
    public var riskClass: RiskClass
    /// When that assessment was made, if stated.
    public var assessed: CalendarDay?
    /// Who owns the system in the organisation.
    public var owner: String
    /// The teams that use it.
    public var teams: [String]
    /// The roles (content paths) whose people use it.
    public var roles: [String]

    /// Makes a system.
    public init(
        id: String, name: String, provider: String, purpose: String, riskClass: RiskClass,
        assessed: CalendarDay? = nil, owner: String, teams: [String] = [], roles: [String] = []
    ) {
        self.id = id
        self.name = name
        self.provider = provider
        self.purpose = purpose
        self.riskClass = riskClass
        self.assessed = assessed
        self.owner = owner
        self.teams = teams
        self.roles = roles
    }
}

/// The AI Act's risk tiers, as an organisation assesses a system.
public enum RiskClass: String, Hashable, Sendable, Codable, CaseIterable {
    /// A practice Art. 5 prohibits.
    case prohibited
    /// High-risk (Art. 6, Annex I or III).
    case high
    /// Transparency obligations (Art. 50), such as chatbots and generated content.
    case limited
    /// Everything else.
    case minimal
    /// Not assessed yet: stated plainly rather than guessed.
    case unassessed = "not-assessed"
}
