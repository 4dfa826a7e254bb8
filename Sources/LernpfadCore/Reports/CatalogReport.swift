/// The content inventory, as `lernpfad catalog` prints it.
public struct CatalogReport: Codable, Sendable, Hashable {
    /// The course id.
    public var course: String
    /// The course title in the default language.
    public var title: String
    /// The course's notice in the default language, if course.yaml has one.
    public var notice: String?
    /// The course languages.
    public var languages: [LanguageCode]
    /// Every module that loaded.
    public var modules: [ModuleEntry]
    /// Every path.
    public var paths: [PathEntry]

    /// One module.
    public struct ModuleEntry: Codable, Sendable, Hashable {
        /// Id.
        public var id: String
        /// Version.
        public var version: SemanticVersion
        /// Title in the default language.
        public var title: String
        /// Level.
        public var level: Module.Level
        /// Minutes.
        public var minutes: Int
        /// Lesson ids in order.
        public var lessons: [String]
        /// Number of quiz questions.
        public var questions: Int
        /// Prerequisite module ids.
        public var prerequisites: [String]
        /// When the facts must be checked again.
        public var reviewBy: CalendarDay?
    }

    /// One path.
    public struct PathEntry: Codable, Sendable, Hashable {
        /// Role.
        public var role: String
        /// Title in the default language.
        public var title: String
        /// Module ids in order.
        public var modules: [String]
        /// Validity.
        public var validity: ISODuration
        /// Attested milestone ids.
        public var milestones: [String]
    }

    /// Builds the inventory.
    public init(catalog: Catalog) {
        let language = catalog.course.defaultLanguage
        course = catalog.course.id
        title = catalog.course.title.text(in: language)
        notice = catalog.course.notice?.text(in: language)
        languages = catalog.course.languages
        modules = catalog.modules.map { module in
            ModuleEntry(
                id: module.id, version: module.version, title: module.title.text(in: language), level: module.level,
                minutes: module.minutes, lessons: module.lessons.map(\.id),
                questions: module.quiz?.questions.count ?? 0,
                prerequisites: module.prerequisites, reviewBy: module.reviewBy)
        }
        paths = catalog.paths.map { path in
            PathEntry(
                role: path.role, title: path.title.text(in: language), modules: path.modules, validity: path.validity,
                milestones: path.milestones.map(\.id))
        }
    }

    /// The inventory as terminal text.
    public var text: String {
        var lines = ["\(title) (\(course)) · languages \(languages.map(\.rawValue).joined(separator: ", "))"]
        if let notice { lines.append("note: \(notice.withoutControlCharacters)") }
        lines.append("")
        lines.append("modules (\(modules.count)):")
        for module in modules {
            let id = module.id.padding(toLength: 32, withPad: " ", startingAt: 0)
            lines.append(
                "  \(id) \(module.version)  \(module.lessons.count) lessons · \(module.questions) questions · "
                    + "\(module.minutes) min · \(module.level.rawValue)")
        }
        lines.append("")
        lines.append("paths (\(paths.count)):")
        for path in paths {
            lines.append(
                "  \(path.role) (\(path.title)) · valid \(path.validity): \(path.modules.joined(separator: ", "))")
            if !path.milestones.isEmpty {
                lines.append("    milestones: \(path.milestones.joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
