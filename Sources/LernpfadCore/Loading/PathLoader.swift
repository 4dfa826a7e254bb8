/// Where a path's references are written, for checks across files.
struct PathMarks {
    var file: String
    var milestoneMarks: [String: SourceMark?]
}

/// Reads one `paths/<role>.yaml`.
struct PathLoader {
    let file: String
    let expectedRole: String
    let languages: [LanguageCode]
    let knownModules: Set<String>
    let sink: DiagnosticSink

    func load(_ root: YAMLNode) -> (LearningPath, PathMarks)? {
        guard let reader = MappingReader(root, file: file, what: "a path", languages: languages, sink: sink) else {
            return nil
        }
        let role = reader.identifier("role")
        if let role, role != expectedRole {
            sink.error(
                file, reader.node("role")?.sourceMark, "role '\(role)' must match the file name '\(expectedRole).yaml'")
        }
        let title = reader.localized("title")
        let summary = reader.localized("summary", required: false)
        let validity = reader.duration("validity")
        let dueSoon = reader.duration("due_soon", required: false) ?? LearningPath.defaultDueSoon
        let dueWithin = reader.duration("due_within", required: false)

        var modules: [String] = []
        if let entries = reader.strings("modules") {
            if entries.isEmpty { sink.error(file, reader.markOf("modules"), "'modules' must list at least one module") }
            for (id, mark) in entries {
                guard reader.checkedIdentifier(id, at: mark, key: "module") != nil else { continue }
                if modules.contains(id) {
                    sink.error(file, mark, "module '\(id)' is listed twice")
                } else if !knownModules.contains(id) {
                    sink.error(file, mark, "unknown module '\(id)'")
                } else {
                    modules.append(id)
                }
            }
        }

        var milestones: [AttestedMilestone] = []
        var milestoneMarks: [String: SourceMark?] = [:]
        for item in reader.sequence("milestones", required: false) ?? [] {
            guard let entry = MappingReader(item, file: file, what: "a milestone", languages: languages, sink: sink)
            else { continue }
            let id = entry.identifier("id")
            let title = entry.localized("title")
            let description = entry.localized("description", required: false)
            entry.finish(what: "a milestone")
            guard let id, let title else { continue }
            if milestoneMarks[id] != nil {
                sink.error(file, item.sourceMark, "milestone '\(id)' is listed twice")
                continue
            }
            milestoneMarks[id] = item.sourceMark
            milestones.append(AttestedMilestone(id: id, title: title, description: description))
        }
        reader.finish(what: "a path")
        guard let role, let title, let validity else { return nil }
        let path = LearningPath(
            role: role, title: title, summary: summary, modules: modules, validity: validity, dueSoon: dueSoon,
            milestones: milestones, dueWithin: dueWithin)
        return (path, PathMarks(file: file, milestoneMarks: milestoneMarks))
    }
}
