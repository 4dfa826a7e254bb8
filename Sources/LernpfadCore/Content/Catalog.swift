/// Everything the loader could read from a content folder: an immutable value with lookups by id.
public struct Catalog: Sendable {
    /// The course.
    public var course: Course
    /// Paths in role order (as the files sort, with the four standard roles first).
    public var paths: [LearningPath]
    /// Modules that loaded, in id order.
    public var modules: [Module]
    /// The folder the content came from.
    public var root: String

    private var moduleIndex: [String: Int]
    private var pathIndex: [String: Int]
    /// Per module, what the team report's item analysis looks up for every answer; nil for a quiz read on first use.
    private var quizLookups: [QuizLookup?]

    /// Makes a catalog and indexes it.
    public init(course: Course, paths: [LearningPath], modules: [Module], root: String) {
        self.course = course
        self.paths = paths
        self.modules = modules
        self.root = root
        moduleIndex = Dictionary(
            modules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        pathIndex = Dictionary(paths.enumerated().map { ($0.element.role, $0.offset) }, uniquingKeysWith: { a, _ in a })
        quizLookups = modules.map { module in
            guard case .loaded(let quiz) = module.quizSource else { return nil }
            return QuizLookup(module: module, quiz: quiz)
        }
    }

    /// The module with `id`, if it loaded.
    public func module(_ id: String) -> Module? { moduleIndex[id].map { modules[$0] } }

    /// The position of module `id` in `modules`, if it loaded.
    func moduleOffset(_ id: String) -> Int? { moduleIndex[id] }

    /// The quiz lookup of the module at `offset`: made once here for quizzes read with the catalog, else now.
    func quizLookup(at offset: Int) -> QuizLookup? {
        if let lookup = quizLookups[offset] { return lookup }
        return modules[offset].quiz.map { QuizLookup(module: modules[offset], quiz: $0) }
    }

    /// The path of `role`, if any.
    public func path(_ role: String) -> LearningPath? { pathIndex[role].map { paths[$0] } }

    /// The roles a learner can take, in path order.
    public var roles: [String] { paths.map(\.role) }

    /// Every attested milestone of every path, with its path.
    public func milestone(_ id: String) -> (path: LearningPath, milestone: AttestedMilestone)? {
        for path in paths {
            if let milestone = path.milestones.first(where: { $0.id == id }) { return (path, milestone) }
        }
        return nil
    }

    /// The absolute path of a content-relative file.
    public func absolutePath(_ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }
}
