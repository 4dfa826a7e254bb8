import Foundation

/// Where a module's cross-file references are written.
struct ModuleMarks: Sendable {
    var file: String
    var prerequisiteMarks: [String: SourceMark?]
}

/// Reads one module folder: module.yaml, the lessons, quiz.yaml.
struct ModuleLoader {
    let folder: String
    let root: String
    let languages: [LanguageCode]
    let today: CalendarDay
    let checkLessonBodies: Bool
    /// Only check that quiz.yaml is there and read it on first use (see `DeferredQuiz`).
    var deferQuiz = false
    let files: ContentFileReader
    let sink: DiagnosticSink

    private var manifestFile: String { "modules/\(folder)/module.yaml" }

    func load() -> (Module, ModuleMarks)? {
        guard let (root, text) = readContentYAML(manifestFile, root: self.root, files: files, sink: sink),
            let reader = MappingReader(root, file: manifestFile, what: "module.yaml", languages: languages, sink: sink)
        else { return nil }
        let file = manifestFile

        let id = reader.identifier("id")
        if let id, id != folder {
            sink.error(file, reader.node("id")?.sourceMark, "module id '\(id)' must match its folder name '\(folder)'")
        }
        let version = reader.version("version")
        let title = reader.localized("title")
        let summary = reader.localized("summary")
        let minutes = reader.integer("minutes")
        if let minutes, minutes <= 0 {
            sink.error(file, reader.node("minutes")?.sourceMark, "'minutes' must be more than 0")
        }
        var level: Module.Level?
        if let text = reader.string("level") {
            level = Module.Level(rawValue: text)
            if level == nil {
                sink.error(
                    file, reader.node("level")?.sourceMark,
                    "level '\(text.sanitizedForMessage)' must be basic, intermediate or advanced")
            }
        }
        var objectives: [LocalizedText] = []
        if let items = reader.sequence("objectives") {
            objectives = items.compactMap { reader.localizedValue($0, key: "objectives") }
            if items.isEmpty {
                sink.error(file, reader.markOf("objectives"), "'objectives' must list at least one objective")
            }
        }
        var prerequisites: [String] = []
        var prerequisiteMarks: [String: SourceMark?] = [:]
        for (prerequisite, mark) in reader.strings("prerequisites", required: false) ?? [] {
            guard reader.checkedIdentifier(prerequisite, at: mark, key: "prerequisite") != nil else { continue }
            if prerequisite == folder {
                sink.error(file, mark, "module '\(folder)' cannot be its own prerequisite")
                continue
            }
            prerequisites.append(prerequisite)
            prerequisiteMarks[prerequisite] = mark
        }
        let sources = readSources(reader)
        let reviewed = reader.day("reviewed")
        let reviewBy = reader.day("review_by")
        if let reviewBy, reviewBy < today {
            sink.warning(
                file, reader.node("review_by")?.sourceMark,
                "review_by \(reviewBy) has passed: check the module's facts and set a new date")
        }
        if let reviewed, let reviewBy, reviewBy < reviewed {
            sink.error(
                file, reader.node("review_by")?.sourceMark, "review_by \(reviewBy) is before reviewed \(reviewed)")
        }
        let changelog = readChangelog(reader)
        reader.finish(what: "module.yaml")
        if checkLessonBodies { TodoMarkers.report(in: root, text: text, file: file, sink: sink) }

        let lessons = LessonLoader(
            folder: folder, root: self.root, languages: languages, checkBodies: checkLessonBodies, files: files,
            sink: sink
        ).load()
        for entry in changelog {
            for lesson in entry.lessons where !lessons.contains(where: { $0.id == lesson }) {
                sink.error(
                    file, reader.markOf("changelog"), "changelog \(entry.version) names unknown lesson '\(lesson)'")
            }
        }
        let quizSource = loadQuiz(lessonIDs: lessons.map(\.id))
        guard let id, let version, let title, let summary, let minutes, let level else { return nil }
        let module = Module(
            id: id, version: version, title: title, summary: summary, minutes: minutes, level: level,
            objectives: objectives, prerequisites: prerequisites, sources: sources, reviewed: reviewed,
            reviewBy: reviewBy,
            changelog: changelog, lessons: lessons, quizSource: quizSource)
        return (module, ModuleMarks(file: file, prerequisiteMarks: prerequisiteMarks))
    }

    private func loadQuiz(lessonIDs: [String]) -> QuizSource {
        let quizLoader = QuizLoader(
            folder: folder, root: root, languages: languages, checkTodos: checkLessonBodies,
            checkRules: checkLessonBodies, lessonIDs: lessonIDs, files: files, sink: sink)
        guard deferQuiz else { return quizLoader.load().map(QuizSource.loaded) ?? .none }
        guard quizLoader.exists() else { return .none }
        let (folder, root, languages, files) = (folder, root, languages, files)
        return .deferred(
            DeferredQuiz(file: quizLoader.file) {
                let quizSink = DiagnosticSink()
                let quiz = QuizLoader(
                    folder: folder, root: root, languages: languages, checkTodos: false, lessonIDs: lessonIDs,
                    files: files, sink: quizSink
                ).load()
                return (quiz, quizSink.diagnostics)
            })
    }

    private func readSources(_ reader: MappingReader) -> [Source] {
        guard let items = reader.sequence("sources", required: false) else { return [] }
        if items.isEmpty {
            sink.warning(
                manifestFile, reader.markOf("sources"), "module has no sources: cite where its facts come from")
        }
        return items.compactMap { item in
            guard
                let entry = MappingReader(item, file: manifestFile, what: "a source", languages: languages, sink: sink)
            else { return nil }
            let title = entry.string("title")
            let url = entry.string("url", required: false)
            entry.finish(what: "a source")
            return title.map { Source(title: $0, url: url) }
        }
    }

    private func readChangelog(_ reader: MappingReader) -> [ChangelogEntry] {
        guard let items = reader.sequence("changelog", required: false) else { return [] }
        var seen = Set<SemanticVersion>()
        return items.compactMap { item in
            guard
                let entry = MappingReader(
                    item, file: manifestFile, what: "a changelog entry", languages: languages, sink: sink)
            else { return nil }
            let version = entry.version("version")
            let date = entry.day("date", required: false)
            let changes = entry.localized("changes", required: false)
            let lessons = (entry.strings("lessons", required: false) ?? []).map(\.0)
            entry.finish(what: "a changelog entry")
            if let version, !seen.insert(version).inserted {
                // Two entries for one release blur the audit record of which content a learner completed.
                sink.warning(
                    manifestFile, entry.node("version")?.sourceMark,
                    "changelog lists version \(version) twice: each release gets one entry, newest first")
            }
            return version.map { ChangelogEntry(version: $0, date: date, changes: changes, lessons: lessons) }
        }
    }
}

/// Finds `TODO` in the values of a YAML tree: a scaffold's placeholders that a trainer still has to fill.
enum TodoMarkers {
    /// Walks the tree of `text` only when its bytes could spell `TODO` in a value.
    ///
    /// The walk compared every scalar of every file and was a tenth of `validate`; a file without the bytes
    /// `TODO` has none, unless an escape such as `\x54` writes a letter, hence the backslash.
    static func report(in root: YAMLNode, text: String, file: String, sink: DiagnosticSink) {
        guard text.containsUTF8("TODO") || text.containsUTF8("\\") else { return }
        var stack = [root]
        var count = 0
        while let node = stack.popLast(), count < 50 {
            switch node {
            case .scalar(let text, _):
                if text.contains("TODO") {
                    sink.warning(file, node.sourceMark, "TODO left in content")
                    count += 1
                }
            case .mapping(let pairs, _): stack.append(contentsOf: pairs.map(\.value).reversed())
            case .sequence(let items, _): stack.append(contentsOf: items.reversed())
            }
        }
    }
}
