import LernpfadCore

/// How long the course takes, from the content: the sum of the `minutes` each module's module.yaml states
/// (reading and knowledge check). A module on several of a learner's paths counts once.
enum CourseTime {
    /// The modules of `roles`' paths that the catalog holds, each once, in path order.
    static func modules(of roles: [String], in catalog: Catalog) -> [Module] {
        var seen: Set<String> = []
        var result: [Module] = []
        for role in roles {
            for id in catalog.path(role)?.modules ?? [] where !seen.contains(id) {
                seen.insert(id)
                if let module = catalog.module(id) { result.append(module) }
            }
        }
        return result
    }

    /// Minutes of the modules of `roles`' paths.
    static func minutes(of roles: [String], in catalog: Catalog) -> Int {
        modules(of: roles, in: catalog).reduce(0) { $0 + max(0, $1.minutes) }
    }

    /// The shortest and the longest single path, in minutes; nil when the course has no path.
    static func range(in catalog: Catalog) -> ClosedRange<Int>? {
        let each = catalog.roles.map { minutes(of: [$0], in: catalog) }
        guard let low = each.min(), let high = each.max() else { return nil }
        return low...high
    }

    /// "1 Std. 40 Min." / "1 h 40 min"; whole hours without minutes, under an hour minutes only. Rounded to five
    /// minutes (at least five): the minutes are estimates, and the screens say "etwa".
    static func format(_ minutes: Int, _ text: Localizer) -> String {
        let rounded = max(5, Int((Double(minutes) / 5).rounded()) * 5)
        let hours = rounded / 60
        let rest = rounded % 60
        if hours == 0 { return text(.durationMinutes, "\(rest)") }
        if rest == 0 { return text(.durationHours, "\(hours)") }
        return text(.durationHoursMinutes, "\(hours)", "\(rest)")
    }

    /// The first two sentences a new learner reads: what the course is (its summary, else its title) and how long
    /// it takes (the range over the roles' paths).
    static func introduction(_ catalog: Catalog, _ text: Localizer) -> [String] {
        let course = catalog.course
        let what =
            course.summary?.text(in: text.language)
            ?? text(.courseIsFallback, course.title.text(in: text.language))
        guard let range = range(in: catalog) else { return [what] }
        let howLong =
            range.lowerBound == range.upperBound
            ? text(.courseTakesAbout, format(range.lowerBound, text))
            : text(.courseTakesBetween, format(range.lowerBound, text), format(range.upperBound, text))
        return [what, howLong]
    }
}
