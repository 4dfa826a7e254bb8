/// The course as course.yaml describes it.
public struct Course: Hashable, Sendable, Codable {
    /// The course id.
    public var id: String
    /// The course title.
    public var title: LocalizedText
    /// A short description.
    public var summary: LocalizedText?
    /// A note every learner sees once and can find again, e.g. that the course is training, not legal advice.
    public var notice: LocalizedText?
    /// Every language the content must be complete in.
    public var languages: [LanguageCode]
    /// The language used when a learner has chosen none.
    public var defaultLanguage: LanguageCode
    /// The order in which roles (paths) are shown.
    public var roles: [String]

    /// The role order when course.yaml gives none.
    public static let standardRoles = ["staff", "ambassador", "leader", "ai-manager"]

    /// Makes a course.
    public init(
        id: String, title: LocalizedText, summary: LocalizedText? = nil, notice: LocalizedText? = nil,
        languages: [LanguageCode],
        defaultLanguage: LanguageCode, roles: [String] = Course.standardRoles
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.notice = notice
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.roles = roles
    }
}
