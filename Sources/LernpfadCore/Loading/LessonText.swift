/// Reads a lesson's Markdown when a learner opens it.
public enum LessonText {
    /// Why a lesson could not be opened.
    public struct Failure: Error, CustomStringConvertible {
        /// The file, relative to the content folder.
        public var file: String
        /// What went wrong.
        public var reason: String
        /// Makes a failure.
        public init(file: String, reason: String) {
            self.file = file
            self.reason = reason
        }

        /// `file: reason`.
        public var description: String { "\(file): \(reason)" }
    }

    /// The lesson's document in `language` (else the course's default language).
    public static func load(_ lesson: Lesson, language: LanguageCode, catalog: Catalog) -> Result<
        LessonDocument, Failure
    > {
        guard
            let file = lesson.files[language] ?? lesson.files[catalog.course.defaultLanguage]
                ?? lesson.files.values.first
        else { return .failure(Failure(file: lesson.id, reason: "lesson has no file")) }
        switch ContentFileReader(root: catalog.root).text(at: catalog.absolutePath(file)) {
        case .failure(let failure): return .failure(Failure(file: file, reason: failure.message))
        case .success(let text): return .success(LessonDocument(text: text))
        }
    }
}
