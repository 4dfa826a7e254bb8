/// A lesson of a module: one Markdown file per language, read when opened.
public struct Lesson: Hashable, Sendable, Codable, Identifiable {
    /// The id, the file name without language and extension, e.g. `01-what-is-ai`.
    public var id: String
    /// The title per language, from front matter or the first heading.
    public var title: LocalizedText
    /// Reading minutes, when the front matter gives them.
    public var minutes: Int?
    /// The Markdown file per language, relative to the content folder.
    public var files: [LanguageCode: String]

    /// Makes a lesson.
    public init(id: String, title: LocalizedText, minutes: Int? = nil, files: [LanguageCode: String]) {
        self.id = id
        self.title = title
        self.minutes = minutes
        self.files = files
    }
}
