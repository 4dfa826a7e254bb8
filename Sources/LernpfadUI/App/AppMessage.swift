import Foundation
import LernpfadCore

/// What reaches the model: a key, or an answer from the runner.
public enum AppMessage: Sendable {
    /// The learner pressed a key (or resized the window, clicked, turned the wheel).
    case key(Key)
    /// A resource the model asked for.
    case loaded(LoadedResource)
    /// The runner saved the record; this is the file as written, which may hold events of other writers.
    case recordSaved(LearnerRecord)
    /// A save failed; the changes stay queued and are retried with the next key.
    case saveFailed(reason: String, unsaved: Int)
    /// A learner file was created or opened (onboarding, picker).
    case learnerOpened(LearnerRecord)
    /// A learner file could not be created or opened.
    case learnerFailed(String)
    /// Show the team view on top of home (`lernpfad --team`), if the learner's roles allow it.
    case openTeamView
    /// An attestation was written to a colleague's file.
    case attested(learner: String, milestone: String)
    /// An attestation could not be written; nothing was.
    case attestationFailed(String)
}

/// One input with what comes with it from outside: the time and fresh randomness, so the model reads neither.
public struct AppEvent: Sendable {
    /// The message.
    public var message: AppMessage
    /// When it happened.
    public var now: Date
    /// Random bits for anything that shuffles (a quiz attempt's choice order).
    public var seed: UInt64

    /// Makes an event.
    public init(_ message: AppMessage, now: Date, seed: UInt64) {
        self.message = message
        self.now = now
        self.seed = seed
    }
}

/// What the model asks the runner to do; the model itself never touches files.
public enum AppCommand: Hashable, Sendable {
    /// Apply these changes to the learner's file under its lock, then answer `recordSaved` or `saveFailed`.
    case save([RecordChange])
    /// Create the learner's file, then answer `learnerOpened` or `learnerFailed`.
    case createLearner(LearnerProfile)
    /// Read this learner's file, then answer `learnerOpened` or `learnerFailed`.
    case openLearner(String)
    /// Load a resource, then answer `loaded`.
    case load(ResourceRequest)
    /// Append this attestation to the learner's file under its lock, then answer `attested` or
    /// `attestationFailed`.
    case attest(learner: String, LearnerEvent)
    /// Leave the program.
    case quit
}
