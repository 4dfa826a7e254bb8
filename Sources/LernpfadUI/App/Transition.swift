import LernpfadCore

/// What a screen asks of the navigator after a key: screens never touch the stack or the record themselves.
public enum Transition: Sendable {
    /// Show a new screen on top.
    case push(any ScreenModel)
    /// Back to the screen below (never past the first).
    case pop
    /// Back to the first screen (home).
    case popToRoot
    /// Put a new screen in place of this one.
    case replace(any ScreenModel)
    /// A one-line notice until the next key.
    case notice(String)
    /// Change the learner's record: applied in memory now and saved by the runner.
    case change(RecordChange)
    /// Switch the interface and content language.
    case setLanguage(LanguageCode)
    /// Forget a loaded resource, so that it is read again when next needed.
    case reload(ResourceRequest)
    /// Create the learner (end of onboarding).
    case createLearner(LearnerProfile)
    /// Open another learner (picker).
    case openLearner(String)
    /// Attest a colleague's milestone (team view): the runner appends it to their file, in the name of the
    /// learner at the keyboard.
    case attest(learner: String, milestone: String)
    /// Open the help overlay.
    case showHelp
    /// Open the search overlay.
    case showSearch
    /// Close the overlay.
    case closeOverlay
    /// Leave the program.
    case quit
}
