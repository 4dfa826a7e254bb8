import ArgumentParser
import Foundation
import LernpfadCore

/// `lernpfad waive`: records an exception (prior learning, long absence) for one module or a whole path of a
/// learner, as a `waived` event: who grants it, why, and until when it counts.
///
/// The waived modules count as covered, with the reason, in every view (docs/status.md). Every mistake in the
/// arguments is a usage error (exit 2), checked before anything is written.
struct Waive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record an exception for a module or a whole path (prior learning, long absence).",
        discussion: """
            Who grants it comes from --by, else from 'identity' in config.yaml; one of them is required. A waiver \
            with --until counts through that day (UTC); after it the module is due again. Waiving a path waives \
            each of its modules.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: "The learner.")
    var learner: String

    @Option(help: "The module to waive.")
    var module: String?

    @Option(help: "The path to waive, named by its role: waives each of its modules.")
    var path: String?

    @Option(help: "Why, e.g. 'prior learning: certified course 2026' or 'parental leave'.")
    var reason: String

    @Option(help: "Who grants the waiver (default: 'identity' in config.yaml).")
    var by: String?

    @Option(help: "The last day the waiver counts, YYYY-MM-DD (default: no end).")
    var until: String?

    func run() throws {
        let now = Date()
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else {
            throw UsageFailure("--reason must not be empty: say why (prior learning, long absence)")
        }
        guard (module == nil) != (path == nil) else {
            throw UsageFailure("say what to waive: --module ID or --path ROLE, one of them")
        }
        let grantor = try Identity.resolve(by, who: "who grants the waiver")
        let end = try endDate(now: now)
        try KnownLearners.require([learner], in: common.store)
        let catalog = try common.loadCatalog(now: now)
        let record = try common.store.read(learner)
        let roles = record.learner.roles.filter { catalog.path($0) != nil }
        if let path, !roles.contains(path) {
            throw UsageFailure(
                "\(learner) has no path '\(path.escapedForMessage())'; their paths are: "
                    + (roles.isEmpty ? "none" : roles.joined(separator: ", ")) + "; nothing was recorded")
        }
        if let module {
            var modules: [String] = []
            for role in roles {
                for id in catalog.path(role)?.modules ?? [] where !modules.contains(id) { modules.append(id) }
            }
            guard modules.contains(module) else {
                throw UsageFailure(
                    "'\(module.escapedForMessage())' is none of \(learner)'s modules; there are: "
                        + (modules.isEmpty ? "none" : modules.joined(separator: ", ")) + "; nothing was recorded")
            }
        }
        let event = LearnerEvent(
            at: now, kind: .waived, module: module, by: grantor, role: path, reason: why, until: end)
        try common.store.append([event], to: learner)
        let what = module.map { "module \($0)" } ?? "path \(path ?? "")"
        let through = end.map { ", until \(CalendarDay($0))" } ?? ""
        Output.line(
            "waived \(what) for \(learner) by \(grantor.escapedForMessage()) on \(CalendarDay(now))\(through): "
                + why.escapedForMessage(limit: 300))
    }

    /// The end of `--until` (UTC): the waiver counts through that day. A usage error for a bad or past day.
    private func endDate(now: Date) throws -> Date? {
        guard let until else { return nil }
        guard let day = CalendarDay(until), let end = Timestamp.parseAsOf(until) else {
            throw UsageFailure("--until '\(until.escapedForMessage())' is not a day YYYY-MM-DD")
        }
        let today = CalendarDay(now)
        guard day >= today else {
            throw UsageFailure("--until \(day) is in the past (today is \(today)); a waiver counts from now on")
        }
        return end
    }
}
