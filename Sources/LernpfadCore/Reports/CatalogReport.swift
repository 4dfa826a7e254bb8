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
        /// The deadline for the first completion, if the path sets `due_within`.
        public var dueWithin: ISODuration?
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
                milestones: path.milestones.map(\.id), dueWithin: path.dueWithin)
        }
    }

    /// The inventory as terminal text; titles and ids are the trainer's text, escaped.
    public var text: String {
        func show(_ text: String) -> String { text.escapedForMessage(limit: 200) }
        let languageList = languages.map { show($0.rawValue) }.joined(separator: ", ")
        var lines = ["\(show(title)) (\(show(course))) · languages \(languageList)"]
        if let notice { lines.append("note: \(notice.withoutControlCharacters)") }
        lines.append("")
        lines.append("modules (\(modules.count)):")
        for module in modules {
            let id = show(module.id) + String(repeating: " ", count: max(0, 32 - DisplayWidth.of(show(module.id))))
            lines.append(
                "  \(id) \(module.version)  \(module.lessons.count) lessons · \(module.questions) questions · "
                    + "\(module.minutes) min · \(module.level.rawValue)")
        }
        lines.append("")
        lines.append("paths (\(paths.count)):")
        for path in paths {
            lines.append(
                "  \(show(path.role)) (\(show(path.title))) · valid \(path.validity)"
                    + (path.dueWithin.map { " · first completion within \($0)" } ?? "") + ": "
                    + path.modules.map(show).joined(separator: ", "))
            if !path.milestones.isEmpty {
                lines.append("    milestones: \(path.milestones.map(show).joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
