import LernpfadCore

/// Several learners share the data folder: choose who is learning, or start onboarding for a new learner (the
/// last entry), as in a training room where each participant enrols at the same terminal.
public struct PickerScreen: ScreenModel {
    /// The learners to choose from.
    public let learners: [LearnerProfile]
    /// The id a new learner is offered first (from the login name); empty when it is taken or unknown.
    public let newLearnerID: String
    /// The cursor.
    public var list = ListState()

    /// A picker over `learners`; "new learner" offers `newLearnerID` unless a learner has it already.
    public init(learners: [LearnerProfile], newLearnerID: String = "") {
        self.learners = learners
        self.newLearnerID = learners.contains { $0.id == newLearnerID } ? "" : newLearnerID
    }

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<ListAction>] { ListKeys.bindings }

    /// Carries out one action.
    public mutating func perform(_ action: ListAction, context: ScreenContext, area: Rect) -> [Transition] {
        guard let chosen = content(context).perform(action, on: &list, bodyHeight: area.height) else { return [] }
        if learners.indices.contains(chosen) { return [.openLearner(learners[chosen].id)] }
        guard chosen == learners.count else { return [] }
        // Onboarding starts in the picker's language: the locale's, as on a first start.
        return [
            .push(
                OnboardingScreen(
                    learnerID: newLearnerID, language: context.language, takenIDs: Set(learners.map(\.id)),
                    returnsToPicker: true))
        ]
    }

    func content(_ context: ScreenContext) -> ListContent {
        var items = learners.map { learner in
            StyledLine([
                (TerminalSafeText.sanitize(learner.name), Theme.plain),
                ("  \(learner.id) · \(learner.team.map { TerminalSafeText.sanitize($0) } ?? "")", Theme.muted),
            ])
        }
        items.append(StyledLine(context.text(.newLearner), style: Theme.accent))
        return ListContent(
            header: [StyledLine(context.text(.chooseLearner), style: Theme.title), .empty], items: items)
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        content(context).draw(into: &canvas, list: list, area: area.inset(horizontal: 2))
        return context.text(.chooseLearner)
    }
}
