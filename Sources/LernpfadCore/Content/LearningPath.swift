/// The learning path of one role: ordered modules, validity and practical milestones.
public struct LearningPath: Hashable, Sendable, Codable, Identifiable {
    /// The role this path belongs to, e.g. `staff`; also the path's id.
    public var role: String
    /// The role's title.
    public var title: LocalizedText
    /// What the path is for.
    public var summary: LocalizedText?
    /// Module ids in the order a learner takes them.
    public var modules: [String]
    /// How long a completion counts before a refresher is due.
    public var validity: ISODuration
    /// How long before expiry a milestone counts as due soon.
    public var dueSoon: ISODuration
    /// Practical milestones an ambassador attests.
    public var milestones: [AttestedMilestone]
    /// How long a learner has for the first completion, counted from the day the path's role was added (or the
    /// enrolment); nil when the path sets no deadline.
    public var dueWithin: ISODuration?

    /// The path's id is its role.
    public var id: String { role }

    /// The window used when a path does not set `due_soon`.
    public static let defaultDueSoon = ISODuration(days: 30)

    /// Makes a path.
    public init(
        role: String, title: LocalizedText, summary: LocalizedText? = nil, modules: [String],
        validity: ISODuration, dueSoon: ISODuration = LearningPath.defaultDueSoon,
        milestones: [AttestedMilestone] = [], dueWithin: ISODuration? = nil
    ) {
        self.role = role
        self.title = title
        self.summary = summary
        self.modules = modules
        self.validity = validity
        self.dueSoon = dueSoon
        self.milestones = milestones
        self.dueWithin = dueWithin
    }
}

/// A practical milestone of a path, such as taking part in the team kick-off.
public struct AttestedMilestone: Hashable, Sendable, Codable, Identifiable {
    /// The milestone id, used by `lernpfad attest --milestone`.
    public var id: String
    /// Its title.
    public var title: LocalizedText
    /// What counts as reaching it.
    public var description: LocalizedText?

    /// Makes a milestone.
    public init(id: String, title: LocalizedText, description: LocalizedText? = nil) {
        self.id = id
        self.title = title
        self.description = description
    }
}
