import Foundation

/// What loading a content folder produced: the catalog of everything that loaded, and every finding.
public struct ContentLoadResult: Sendable {
    /// Modules, paths and the course that loaded; broken modules are left out.
    public var catalog: Catalog
    /// Errors and warnings, in file order.
    public var diagnostics: [Diagnostic]
    /// Ids of module folders that were found but left out because of errors.
    public var skippedModules: [String]
}

/// Loads a content folder into a `Catalog`, reporting located diagnostics.
///
/// A broken module is reported and skipped; the rest still loads. Lesson bodies are not read here,
/// except with `checkLessonBodies` (what `lernpfad validate` does).
public struct ContentLoader: Sendable {
    /// The content folder.
    public var root: String
    /// The day used for `review_by` warnings.
    public var today: CalendarDay
    /// Read every lesson body in full: UTF-8, emptiness, TODO markers.
    public var checkLessonBodies: Bool
    /// Check only that each quiz.yaml is there and read it on first use: what the TUI wants at start-up.
    ///
    /// A broken quiz then no longer skips its module; it shows when the learner opens the quiz.
    public var deferQuizzes: Bool

    /// Makes a loader.
    public init(root: String, today: CalendarDay, checkLessonBodies: Bool = false, deferQuizzes: Bool = false) {
        self.root = root
        self.today = today
        self.checkLessonBodies = checkLessonBodies
        self.deferQuizzes = deferQuizzes
    }

    /// Loads everything it can.
    public func load() -> ContentLoadResult {
        let sink = DiagnosticSink()
        let files = ContentFileReader(root: root)
        let course = loadCourse(files: files, sink: sink)

        var modules: [Module] = []
        var moduleMarks: [String: ModuleMarks] = [:]
        var skipped: [String] = []
        let moduleIDs = moduleFolders(sink: sink, files: files)
        // Modules are independent: load them on all cores, then merge in folder order so output is stable.
        let results = parallelMap(moduleIDs.count) { index in
            let moduleSink = DiagnosticSink()
            let loader = ModuleLoader(
                folder: moduleIDs[index], root: root, languages: course.languages, today: today,
                checkLessonBodies: checkLessonBodies, deferQuiz: deferQuizzes && !checkLessonBodies, files: files,
                sink: moduleSink)
            let loaded = loader.load()
            return ModuleLoadResult(
                loaded: moduleSink.errorCount == 0 ? loaded : nil, diagnostics: moduleSink.diagnostics)
        }
        for (index, result) in results.enumerated() {
            sink.append(contentsOf: result.diagnostics)
            if let (module, marks) = result.loaded {
                modules.append(module)
                moduleMarks[module.id] = marks
            } else {
                skipped.append(moduleIDs[index])
            }
        }

        let allFolders = Set(moduleIDs)
        let loadedIDs = Set(modules.map(\.id))
        let paths = loadPaths(
            course: course, files: files, knownModules: allFolders, loadedModules: loadedIDs, sink: sink)
        CatalogChecks.prerequisites(modules: modules, marks: moduleMarks, allFolders: allFolders, sink: sink)
        CatalogChecks.milestones(paths: paths.map(\.path), marks: paths.map(\.marks), sink: sink)

        let catalog = Catalog(course: course, paths: paths.map(\.path), modules: modules, root: root)
        return ContentLoadResult(catalog: catalog, diagnostics: sink.diagnostics, skippedModules: skipped)
    }

    // MARK: course.yaml

    private func loadCourse(files: ContentFileReader, sink: DiagnosticSink) -> Course {
        let fallback = Course(
            id: "course", title: LocalizedText("lernpfad"), languages: [.german, .english], defaultLanguage: .german)
        let file = "course.yaml"
        guard let root = parseYAML(file, files: files, sink: sink),
            let reader = MappingReader(root, file: file, what: "course.yaml", languages: [], sink: sink)
        else { return fallback }

        var languages: [LanguageCode] = []
        if let codes = reader.strings("languages") {
            for (code, mark) in codes {
                if !Self.isLanguageTag(code) {
                    sink.error(
                        file, mark, "language '\(code.sanitizedForMessage)' is not a language code like de or en")
                } else if languages.contains(LanguageCode(rawValue: code)) {
                    sink.error(file, mark, "language '\(code)' is listed twice")
                } else {
                    languages.append(LanguageCode(rawValue: code))
                }
            }
            if codes.isEmpty {
                sink.error(file, reader.markOf("languages"), "'languages' must list at least one language")
            }
        }
        if languages.isEmpty { languages = fallback.languages }
        reader.languages = languages
        let id = reader.identifier("id") ?? fallback.id
        let title = reader.localized("title") ?? fallback.title
        let summary = reader.localized("summary", required: false)
        let notice = reader.localized("notice", required: false)
        var defaultLanguage = languages[0]
        if let code = reader.string("default_language") {
            if languages.contains(LanguageCode(rawValue: code)) {
                defaultLanguage = LanguageCode(rawValue: code)
            } else {
                sink.error(
                    file, reader.node("default_language")?.sourceMark,
                    "default_language '\(code.sanitizedForMessage)' is not one of languages")
            }
        }
        let roles = (reader.strings("roles", required: false) ?? []).map(\.0)
        reader.finish(what: "course.yaml")
        return Course(
            id: id, title: title, summary: summary, notice: notice, languages: languages,
            defaultLanguage: defaultLanguage,
            roles: roles.isEmpty ? Course.standardRoles : roles)
    }

    /// `de`, `en`, `pt-BR`: two or three lower-case letters, optionally a dash and 2–8 letters or digits.
    static func isLanguageTag(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
            primary.allSatisfy({ $0.isASCII && $0.isLowercase }), parts.count <= 2
        else { return false }
        guard parts.count == 2 else { return true }
        return (2...8).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    // MARK: paths

    private func loadPaths(
        course: Course, files: ContentFileReader, knownModules: Set<String>, loadedModules: Set<String>,
        sink: DiagnosticSink
    ) -> [(path: LearningPath, marks: PathMarks)] {
        let folder = root + "/paths"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            sink.error("paths", nil, "folder 'paths' is missing: every role needs a path file")
            return []
        }
        var result: [(LearningPath, PathMarks)] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let file = "paths/" + name
            let role = String(name.prefix { $0 != "." })
            let loader = PathLoader(
                file: file, expectedRole: role, languages: course.languages, knownModules: knownModules, sink: sink)
            guard let root = parseYAML(file, files: files, sink: sink), let loaded = loader.load(root) else { continue }
            result.append(loaded)
        }
        let order = course.roles
        return result.sorted { lhs, rhs in
            let left = order.firstIndex(of: lhs.0.role) ?? Int.max
            let right = order.firstIndex(of: rhs.0.role) ?? Int.max
            return left != right ? left < right : lhs.0.role < rhs.0.role
        }.map { (path: $0.0, marks: $0.1) }
    }

    // MARK: modules

    private func moduleFolders(sink: DiagnosticSink, files: ContentFileReader) -> [String] {
        let folder = root + "/modules"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            sink.error("modules", nil, "folder 'modules' is missing")
            return []
        }
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            guard files.isInside(path) else {
                sink.error(
                    "modules/" + name, nil,
                    "symlink leaves the content folder (points to \(files.resolvedTarget(path)))")
                continue
            }
            guard Identifier.isValidContentID(name) else {
                sink.error(
                    "modules/" + name, nil,
                    "module folder '\(name.sanitizedForMessage)' may only contain a-z, 0-9 and '-'")
                continue
            }
            result.append(name)
        }
        return result
    }

    private func parseYAML(_ file: String, files: ContentFileReader, sink: DiagnosticSink) -> YAMLNode? {
        parseContentYAML(file, root: root, files: files, sink: sink)
    }
}

/// Reads and parses one YAML file of the content folder, reporting any failure.
func parseContentYAML(_ file: String, root: String, files: ContentFileReader, sink: DiagnosticSink) -> YAMLNode? {
    readContentYAML(file, root: root, files: files, sink: sink)?.node
}

/// Like `parseContentYAML`, with the file's text too, for scans that can skip the tree (see `TodoMarkers`).
func readContentYAML(_ file: String, root: String, files: ContentFileReader, sink: DiagnosticSink) -> (
    node: YAMLNode, text: String
)? {
    switch files.text(at: root + "/" + file) {
    case .failure(let failure):
        sink.error(file, failure.mark, failure.message)
        return nil
    case .success(let text):
        return YAMLDocument.parse(text, file: file, sink: sink).map { ($0, text) }
    }
}

/// What loading one module gave: the module (nil when it has errors) and its diagnostics.
private struct ModuleLoadResult: Sendable {
    var loaded: (Module, ModuleMarks)?
    var diagnostics: [Diagnostic]
}
