import LernpfadCore

/// Something the runner must make durable or act on after an update; the UI itself never writes files.
public enum Effect: Hashable, Sendable {
    /// Append these events to the current learner's file.
    case append([LearnerEvent])
    /// Remember where the learner is reading.
    case savePosition(ReadingPosition)
    /// Store these review cards (only the keys given change).
    case saveReviewCards([String: ReviewCard])
    /// Store the learner's chosen language.
    case saveLanguage(LanguageCode)
    /// Enrol a new learner (first start).
    case createLearner(LearnerProfile)
    /// Load another learner's record (picker); the runner answers with `AppState.learnerLoaded`.
    case openLearner(String)
    /// Leave the program.
    case quit
}
