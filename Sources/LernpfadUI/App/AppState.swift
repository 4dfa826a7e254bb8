import Foundation
import LernpfadCore

/// The whole interface state: catalog, learner, navigation stack, overlays and window size.
public struct AppState: Sendable {
    /// The content.
    public var catalog: Catalog
    /// The current learner; nil until enrolment or the picker is done.
    public var record: LearnerRecord?
    /// The interface and content language.
    public var language: LanguageCode
    /// The navigation stack; the last screen is shown.
    public var stack: [Screen]
    /// An overlay above the screen.
    public var overlay: Overlay?
    /// A one-line notice shown above the status line until the next key.
    public var notice: String?
    /// A notice that stays (e.g. broken modules skipped at start).
    public var banner: String?
    /// Terminal columns.
    public var width: Int
    /// Terminal rows.
    public var height: Int
    /// Set once the learner asked to quit.
    public var isFinished = false

    /// Smallest window the screens are laid out for.
    public static let minimumSize = (width: 40, height: 12)

    /// State for a known learner, starting at home.
    public init(catalog: Catalog, record: LearnerRecord, width: Int, height: Int) {
        self.catalog = catalog
        self.record = record
        language = record.learner.language ?? catalog.course.defaultLanguage
        stack = [.home(ListState())]
        self.width = width
        self.height = height
    }

    /// State for a first start: the enrolment questions for `learnerID`.
    public init(catalog: Catalog, newLearnerID: String, language: LanguageCode?, width: Int, height: Int) {
        self.catalog = catalog
        record = nil
        let chosen = language.flatMap { catalog.course.languages.contains($0) ? $0 : nil }
        self.language = chosen ?? catalog.course.defaultLanguage
        stack = [.onboarding(OnboardingState(learnerID: newLearnerID, language: self.language))]
        self.width = width
        self.height = height
    }

    /// State for choosing among several learners.
    public init(catalog: Catalog, learners: [LearnerProfile], width: Int, height: Int) {
        self.catalog = catalog
        record = nil
        language = catalog.course.defaultLanguage
        stack = [.picker(PickerState(learners: learners))]
        self.width = width
        self.height = height
    }

    /// The screen on top.
    public var screen: Screen {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    /// Text in the current language.
    public var text: Localizer { Localizer(language) }

    /// Rows between the title bar and the status line.
    public var bodyHeight: Int { max(1, height - 2) }

    /// True when the window is too small to lay out screens.
    public var isTooSmall: Bool { width < Self.minimumSize.width || height < Self.minimumSize.height }

    /// The runner calls this once it has loaded the learner chosen in the picker.
    public mutating func learnerLoaded(_ record: LearnerRecord) {
        self.record = record
        language = record.learner.language ?? catalog.course.defaultLanguage
        stack = [.home(ListState())]
    }

    /// The runner calls this when a write failed; the message stays visible.
    public mutating func persistenceFailed(_ message: String) {
        banner = message
    }

    /// The learner's events in time order.
    var events: [LearnerEvent] { record?.chronologicalEvents ?? [] }
}

/// What can lie above a screen.
public enum Overlay: Hashable, Sendable {
    /// The keys of the current screen.
    case help
    /// A search across titles and lesson text.
    case search(SearchState)
}

/// A search in progress.
public struct SearchState: Hashable, Sendable {
    /// One search result.
    public struct Hit: Hashable, Sendable {
        /// The module.
        public var module: String
        /// The lesson, or nil for a module title hit.
        public var lesson: String?
        /// The laid-out line the hit is on, for lesson text hits.
        public var line: Int?
        /// What is shown in the result list.
        public var label: String
    }

    /// The query typed so far.
    public var query: String = ""
    /// The results for `query`.
    public var hits: [Hit] = []
    /// The cursor in the results.
    public var list: ListState = ListState()

    /// An empty search.
    public init() {}
}
