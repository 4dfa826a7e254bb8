import Foundation

/// Where a module's quiz comes from: none, already read, or read on first use.
public enum QuizSource: Hashable, Sendable, Codable {
    /// The module has no knowledge check.
    case none
    /// The quiz was read with the module.
    case loaded(Quiz)
    /// The quiz file exists and is read when first asked for.
    case deferred(DeferredQuiz)

    /// The quiz, reading a deferred one now; nil when there is none or it is broken.
    public var quiz: Quiz? {
        switch self {
        case .none: return nil
        case .loaded(let quiz): return quiz
        case .deferred(let deferred): return deferred.quiz
        }
    }

    /// Encodes as the quiz itself, so the choice of loading never shows in data.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(quiz)
    }

    /// Decodes a quiz or null.
    public init(from decoder: any Decoder) throws {
        let quiz = try decoder.singleValueContainer().decode(Quiz?.self)
        self = quiz.map(QuizSource.loaded) ?? .none
    }
}

/// A quiz file read on first use, once, from any thread.
///
/// The TUI reads quizzes this way: parsing every quiz.yaml was a third of the work before the first frame,
/// and a learner opens one quiz per sitting. `lernpfad validate` and the reports read quizzes eagerly.
public final class DeferredQuiz: Hashable, @unchecked Sendable {
    /// The quiz file relative to the content folder, e.g. `modules/ai-basics/quiz.yaml`.
    public let file: String
    private let read: @Sendable () -> (Quiz?, [Diagnostic])
    private let lock = NSLock()
    // Guarded by `lock`.
    private var outcome: (quiz: Quiz?, diagnostics: [Diagnostic])?

    /// Makes a deferred quiz that `read` produces with its findings.
    public init(file: String, read: @escaping @Sendable () -> (Quiz?, [Diagnostic])) {
        self.file = file
        self.read = read
    }

    /// The quiz, or nil when the file turned out broken (see `diagnostics`).
    public var quiz: Quiz? { resolved().quiz }

    /// What reading the file found; empty for a clean quiz.
    public var diagnostics: [Diagnostic] { resolved().diagnostics }

    private func resolved() -> (quiz: Quiz?, diagnostics: [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        if let outcome { return outcome }
        let (quiz, diagnostics) = read()
        let result = (quiz: diagnostics.contains { $0.severity == .error } ? nil : quiz, diagnostics: diagnostics)
        outcome = result
        return result
    }

    /// Two deferred quizzes are the same when they read the same file.
    public static func == (lhs: DeferredQuiz, rhs: DeferredQuiz) -> Bool { lhs.file == rhs.file }

    /// Hashes the file.
    public func hash(into hasher: inout Hasher) { hasher.combine(file) }
}
