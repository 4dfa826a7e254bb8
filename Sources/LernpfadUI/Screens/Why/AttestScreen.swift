import Foundation
import LernpfadCore

/// `a` in a colleague's detail: pick one of their paths' milestones, confirm, and it is attested in the name of
/// the learner at the keyboard, as `lernpfad attest` does.
public struct AttestScreen: ScreenModel {
    /// What the keys do.
    public enum Action: Hashable, Sendable {
        case list(ListAction)
        case confirm
        case cancel
    }

    /// The colleague.
    public let learner: String
    /// The colleague's name, for the question.
    public let name: String
    /// The cursor.
    public var list = ListState()
    /// The milestone waiting for ⏎ to confirm, if one was chosen.
    public private(set) var confirming: String?

    /// The colleague's roles, whose paths' milestones are offered.
    public let roles: [String]

    /// Attesting for `learner`, named `name`, one of the milestones of `roles`' paths.
    public init(learner: String, name: String, roles: [String]) {
        self.learner = learner
        self.name = name
        self.roles = roles
    }

    /// The milestones of the colleague's paths, each once.
    static func milestones(roles: [String], catalog: Catalog) -> [AttestedMilestone] {
        var seen = Set<String>()
        return roles.compactMap { catalog.path($0) }.flatMap(\.milestones).filter { seen.insert($0.id).inserted }
    }

    /// The screen's key table: while a choice waits, only ⏎ and Esc.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Action>] {
        if confirming != nil {
            return [
                .keys([.enter], help: .helpConfirm, status: .verbConfirm, .confirm),
                .keys([.escape, .backspace], help: .helpCancel, status: .verbBack, .cancel),
            ]
        }
        return ListKeys.bindings.map { $0.map(Action.list) }
    }

    /// Carries out one action.
    public mutating func perform(_ action: Action, context: ScreenContext, area: Rect) -> [Transition] {
        switch action {
        case .cancel:
            confirming = nil
        case .confirm:
            guard let milestone = confirming else { return [] }
            confirming = nil
            return [.attest(learner: learner, milestone: milestone), .pop]
        case .list(let listAction):
            let all = Self.milestones(roles: roles, catalog: context.catalog)
            guard
                let open = content(context, width: area.width).perform(listAction, on: &list, bodyHeight: area.height),
                all.indices.contains(open)
            else { return [] }
            confirming = all[open].id
        }
        return []
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        content(context, width: area.width).draw(into: &canvas, list: list, area: area.inset(horizontal: 2))
        return "\(context.text(.team)) › \(TerminalSafeText.sanitize(learner)) › \(context.text(.attest))"
    }

    func content(_ context: ScreenContext, width: Int) -> ListContent {
        let text = context.text
        let all = Self.milestones(roles: roles, catalog: context.catalog)
        var header = [StyledLine(text(.attest), style: Theme.title), .empty]
        if all.isEmpty { header.append(StyledLine(text(.noMilestones), style: Theme.muted)) }
        let items = all.map { StyledLine("\(text(.milestone)): \($0.title.text(in: context.language))") }
        var footer: [StyledLine] = []
        if let confirming, let milestone = all.first(where: { $0.id == confirming }) {
            footer = [
                .empty,
                StyledLine(
                    text(
                        .attestQuestion, text.quoted(milestone.title.text(in: context.language)),
                        TerminalSafeText.sanitize(name)),
                    style: Theme.warning),
            ]
        }
        return ListContent(header: header, items: items, footer: footer)
    }
}
