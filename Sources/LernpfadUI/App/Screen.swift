import LernpfadCore

/// One screen on the navigation stack, with its own state.
public enum Screen: Hashable, Sendable {
    /// First start: enrolment questions.
    case onboarding(OnboardingState)
    /// Several learners, no default: who is learning?
    case picker(PickerState)
    /// The learner's roles, paths, continue and review.
    case home(ListState)
    /// One role's modules.
    case path(role: String, list: ListState)
    /// One module's lessons, quiz and sources.
    case module(id: String, list: ListState)
    /// A lesson.
    case reader(ReaderState)
    /// A module's quiz.
    case quiz(QuizState)
    /// The review queue.
    case review(QuizState)
    /// The ambassador's team view.
    case team(TeamScreenState)
    /// One learner's detail from the team view.
    case teamLearner(id: String, scroll: Int)
}

/// The team view: the report, sorting, a team filter and the cursor.
public struct TeamScreenState: Hashable, Sendable {
    /// How learners are ordered.
    public enum Sort: Int, Hashable, Sendable, CaseIterable {
        case urgency, name, progress, activity
    }

    /// Everyone in the data folder, loaded when the view opened.
    public var records: [LearnerRecord]
    /// Files left out.
    public var skipped: [SkippedFile]
    /// The order.
    public var sort: Sort = .urgency
    /// Only this team, if set.
    public var team: String?
    /// The cursor.
    public var list: ListState = ListState()

    /// A team view over `records`.
    public init(records: [LearnerRecord], skipped: [SkippedFile]) {
        self.records = records
        self.skipped = skipped
    }
}

/// A selectable list's cursor and scroll offset.
public struct ListState: Hashable, Sendable {
    /// The selected item.
    public var selected: Int
    /// The first visible item.
    public var top: Int

    /// A list at its first item.
    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }

    /// Moves the selection by `delta`, clamped to `count` items, keeping it visible in `visible` rows.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        guard count > 0 else { return }
        selected = min(max(0, selected + delta), count - 1)
        keepVisible(visible: visible)
    }

    /// Scrolls so the selection is inside a window of `visible` rows.
    public mutating func keepVisible(visible: Int) {
        let rows = max(1, visible)
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
        top = max(0, top)
    }
}

/// The first-start questions.
public struct OnboardingState: Hashable, Sendable {
    /// Which question is asked.
    public enum Step: Int, Hashable, Sendable {
        case name, team, roles, language
    }

    /// The learner id the file will get.
    public var learnerID: String
    /// The current question.
    public var step: Step = .name
    /// Typed name.
    public var name: String = ""
    /// Typed team.
    public var team: String = ""
    /// Roles ticked, in path order.
    public var roles: Set<String> = []
    /// The cursor in the role or language list.
    public var cursor: Int = 0
    /// The chosen language.
    public var language: LanguageCode
    /// A hint shown under the question.
    public var hint: Phrase?

    /// Starts enrolment for `learnerID`.
    public init(learnerID: String, language: LanguageCode) {
        self.learnerID = learnerID
        self.language = language
    }
}

/// The learner picker.
public struct PickerState: Hashable, Sendable {
    /// The learners to choose from.
    public var learners: [LearnerProfile]
    /// The cursor.
    public var list: ListState = ListState()

    /// A picker over `learners`.
    public init(learners: [LearnerProfile]) { self.learners = learners }
}

/// A lesson being read.
public struct ReaderState: Hashable, Sendable {
    /// The module.
    public var module: String
    /// The lesson.
    public var lesson: String
    /// The Markdown, once loaded.
    public var markdown: String?
    /// Why it could not be loaded.
    public var failure: String?
    /// The layout for the current width.
    public var layout: LaidOutLesson?
    /// The first visible line.
    public var top: Int
    /// Whether reaching the end has been recorded in this visit.
    public var completionRecorded: Bool = false
    /// The line a search hit points to, highlighted once.
    public var highlight: Int?

    /// Opens `lesson` of `module` at line `top`.
    public init(module: String, lesson: String, top: Int = 0) {
        self.module = module
        self.lesson = lesson
        self.top = top
    }
}
