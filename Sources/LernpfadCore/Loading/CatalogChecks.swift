/// Checks that span several files: prerequisites, their cycles, milestone ids.
enum CatalogChecks {
    static func prerequisites(
        modules: [Module], marks: [String: ModuleMarks], allFolders: Set<String>, sink: DiagnosticSink
    ) {
        let byID = Dictionary(modules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for module in modules {
            for prerequisite in module.prerequisites where !allFolders.contains(prerequisite) {
                let location = marks[module.id]
                sink.error(
                    location?.file ?? "modules/\(module.id)/module.yaml",
                    location?.prerequisiteMarks[prerequisite] ?? nil,
                    "prerequisite '\(prerequisite)' is not a module")
            }
        }
        // Depth-first search; a back edge closes a cycle, reported once per cycle.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        var reported = Set<Set<String>>()
        func visit(_ id: String) {
            state[id] = 1
            stack.append(id)
            for next in byID[id]?.prerequisites ?? [] where byID[next] != nil {
                if state[next] == 1, let start = stack.firstIndex(of: next) {
                    let cycle = Array(stack[start...]) + [next]
                    if reported.insert(Set(cycle)).inserted {
                        let location = marks[id]
                        sink.error(
                            location?.file ?? "modules/\(id)/module.yaml",
                            location?.prerequisiteMarks[next] ?? nil,
                            "prerequisites form a cycle: \(cycle.joined(separator: " -> "))")
                    }
                } else if state[next] == nil {
                    visit(next)
                }
            }
            stack.removeLast()
            state[id] = 2
        }
        for module in modules where state[module.id] == nil { visit(module.id) }
    }

    static func milestones(paths: [LearningPath], marks: [PathMarks], sink: DiagnosticSink) {
        var owner: [String: String] = [:]
        for (path, location) in zip(paths, marks) {
            for milestone in path.milestones {
                if let first = owner[milestone.id] {
                    sink.error(
                        location.file, location.milestoneMarks[milestone.id] ?? nil,
                        "milestone '\(milestone.id)' is already defined in \(first)")
                } else {
                    owner[milestone.id] = location.file
                }
            }
        }
    }
}
