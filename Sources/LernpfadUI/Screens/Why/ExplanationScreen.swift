import Foundation
import LernpfadCore

/// "Warum?": why a learner's paths, modules and milestones stand where they do, and what each needs by when.
///
/// Opened from the path screen for the learner's own record (`w` on a module), and from the team view for a
/// colleague, whose file the runner reads anew each time. The same `Explanation` as `lernpfad explain`.
public struct ExplanationScreen: ScreenModel {
    /// The colleague shown, or nil for the learner at the keyboard.
    public let learner: String?
    /// The path, module or milestone asked about; nil for all paths.
    public let subject: String?
    /// The first visible line.
    public private(set) var scroll = 0

    /// The explanation of `learner` (nil: the own record), narrowed to `subject` if given.
    public init(learner: String? = nil, subject: String? = nil) {
        self.learner = learner
        self.subject = subject
    }

    /// What the keys do.
    public enum Action: Hashable, Sendable {
        /// Scroll by lines; ±1000 is a page.
        case scroll(Int)
        /// Attest one of the colleague's milestones.
        case attest
    }

    /// The screen's key table: a colleague's milestones can be attested from here.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Action>] {
        let scrolling: [KeyBinding<Action>] = [
            .keys([.up, .down, .character("j"), .character("k")], help: .helpLine, status: .verbScroll, statusKeys: 4) {
                key in .scroll(key == .up || key == .character("k") ? -1 : 1)
            },
            .keys([.pageDown, .pageUp, .character(" ")], help: .helpPage) { key in
                .scroll(key == .pageUp ? -1000 : 1000)
            },
            .pattern(.keyWheel, help: .helpScroll) { key in
                key == .wheelUp ? .scroll(-1) : key == .wheelDown ? .scroll(1) : nil
            },
        ]
        guard learner != nil else { return scrolling }
        return scrolling + [.keys([.character("a")], help: .helpAttest, status: .verbAttest, .attest)]
    }

    /// What the runner must load for this screen: the colleague's record, then the quizzes of their paths
    /// (the explanation names each quiz's pass mark, and update and render never read a quiz file).
    public func needs(_ context: ScreenContext) -> [ResourceRequest] {
        guard let record = record(context) else {
            return learner.map { context.resources.learners[$0] == nil ? [.learner(id: $0)] : [] } ?? []
        }
        let modules = record.learner.roles.flatMap { context.catalog.path($0)?.modules ?? [] }
        return context.quizRequests(modules)
    }

    /// The record explained, once it is there.
    private func record(_ context: ScreenContext) -> LearnerRecord? {
        guard let learner else { return context.record }
        if case .success(let record)? = context.resources.learners[learner] { return record }
        return nil
    }

    /// The lines at `width`: made when drawn, from the record as it is now.
    func lines(_ context: ScreenContext, width: Int) -> [StyledLine] {
        let record: LearnerRecord
        var heading: [StyledLine] = []
        if let learner {
            switch context.resources.learners[learner] {
            case nil: return [StyledLine(context.text(.loading), style: Theme.muted)]
            case .failure(let error)?:
                return [StyledLine(TerminalSafeText.sanitize(error.description), style: Theme.danger)]
            case .success(let loaded)?:
                record = loaded
                var title = "\(TerminalSafeText.sanitize(loaded.learner.name)) (\(TerminalSafeText.sanitize(learner)))"
                if let team = loaded.learner.team { title += " · \(TerminalSafeText.sanitize(team))" }
                heading = [StyledLine(title, style: Theme.title), .empty]
            }
        } else if let own = context.record {
            record = own
        } else {
            return [StyledLine(context.text(.loading), style: Theme.muted)]
        }
        // Titles in the language of the person reading, not of the learner the record belongs to.
        var shown = record
        shown.learner.language = context.language
        guard needs(context).isEmpty else { return heading + [StyledLine(context.text(.loading), style: Theme.muted)] }
        do {
            let explanation = try Explanation(
                record: shown, catalog: context.catalogOfLoadedQuizzes, now: context.now, subject: subject)
            return heading + ExplanationLines.lines(explanation, text: context.text, width: width)
        } catch {
            return heading + [StyledLine(TerminalSafeText.sanitize(error.description), style: Theme.muted)]
        }
    }

    /// Carries out one action.
    public mutating func perform(_ action: Action, context: ScreenContext, area: Rect) -> [Transition] {
        guard case .scroll(let action) = action else {
            guard let learner, let record = record(context) else { return [] }
            return [.push(AttestScreen(learner: learner, name: record.learner.name, roles: record.learner.roles))]
        }
        let count = lines(context, width: area.width - 4).count
        let step = abs(action) == 1000 ? (action > 0 ? 1 : -1) * max(1, area.height - 2) : action
        scroll = min(max(0, scroll + step), max(0, count - area.height))
        return []
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        let body = area.inset(horizontal: 2)
        for (offset, line) in lines(context, width: body.width).dropFirst(scroll).prefix(body.height).enumerated() {
            _ = canvas.draw(
                line.truncated(to: body.width), row: body.row + offset, column: body.column, width: body.width)
        }
        let who = learner.map { "\(context.text(.team)) › \(TerminalSafeText.sanitize($0)) › " } ?? ""
        return who + context.text(.why)
    }
}
