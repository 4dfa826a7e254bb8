import Foundation
import LernpfadCore

/// What a screen may read while it handles a key or draws: everything it needs, nothing it can change.
public struct ScreenContext: Sendable {
    /// The content.
    public let catalog: Catalog
    /// The learner, once known.
    public let record: LearnerRecord?
    /// The learner's events in time order.
    public let events: [LearnerEvent]
    /// The interface language.
    public let language: LanguageCode
    /// The time of the event being handled.
    public let now: Date
    /// Random bits that came with the event.
    public let seed: UInt64
    /// What the runner has loaded.
    public let resources: Resources

    /// Text in the interface language.
    public var text: Localizer { Localizer(language) }

    /// The module's quiz as far as it is loaded; a quiz read with the catalog is ready at once.
    public func quiz(_ module: String) -> QuizAvailability {
        guard let content = catalog.module(module) else { return .none }
        switch content.quizSource {
        case .none: return .none
        case .loaded(let quiz): return .ready(quiz)
        case .deferred: return resources.quizzes[module] ?? .loading
        }
    }

    /// The catalog with every quiz the runner has loaded in place, for Core code that reads quizzes from a
    /// catalog (the team report, the explanation): handed this, it can never read a quiz file itself.
    ///
    /// A module whose quiz is broken or not yet loaded keeps a quiz that reads as absent, so it still counts as
    /// having one: its completion still needs a passed quiz.
    public var catalogOfLoadedQuizzes: Catalog {
        let modules = catalog.modules.map { module -> Module in
            var module = module
            switch quiz(module.id) {
            case .ready(let quiz): module.quizSource = .loaded(quiz)
            case .none: module.quizSource = .none
            case .loading, .broken:
                var file = "modules/\(module.id)/quiz.yaml"
                if case .deferred(let deferred) = module.quizSource { file = deferred.file }
                module.quizSource = .deferred(DeferredQuiz(file: file) { (nil, []) })
            }
            return module
        }
        return Catalog(course: catalog.course, paths: catalog.paths, modules: modules, root: catalog.root)
    }

    /// The question, if its quiz is loaded.
    public func question(module: String, id: String) -> Question? {
        if case .ready(let quiz) = quiz(module) { return quiz.question(id) }
        return nil
    }

    /// The requests for the quizzes of `modules` that are neither loaded nor read with the catalog.
    func quizRequests(_ modules: some Sequence<String>) -> [ResourceRequest] {
        modules.compactMap { module in
            if case .loading = quiz(module) { return .quiz(module: module) }
            return nil
        }
    }

    /// Review keys due now whose question is loaded, most overdue first.
    func dueReviews(at moment: Date? = nil) -> [String] {
        guard let record else { return [] }
        return ProgressEngine.dueReviews(record, now: moment ?? now) { question(module: $0, id: $1) != nil }
    }

    /// Modules the learner has review cards for.
    var reviewModules: Set<String> {
        Set((record?.review.keys).map { $0.compactMap { ReviewKey.split($0)?.0 } } ?? [])
    }
}
