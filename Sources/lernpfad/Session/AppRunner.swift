import Foundation
import LernpfadCore
import LernpfadUI

/// Drives the pure UI: feeds keys to `AppModel.update` and makes its effects durable in the store.
///
/// All effects of one key are applied in a single locked read-modify-write, so every key costs at most one save.
struct AppRunner {
    var state: AppState
    let store: LearnerStore
    let environment: AppEnvironment
    /// When false (snapshot --no-save), effects change only the in-memory state.
    let saves: Bool

    mutating func handle(_ key: Key, now: Date) {
        let effects = AppModel.update(&state, key, now: now, environment: environment)
        perform(effects)
    }

    func render(now: Date) -> Canvas { AppModel.render(state, now: now) }

    /// Opens the team view on top of home (`--team`).
    mutating func openTeam() {
        AppModel.openTeam(&state, environment: environment)
    }

    private mutating func perform(_ effects: [Effect]) {
        var changes: [(inout LearnerRecord) -> Void] = []
        for effect in effects {
            switch effect {
            case .append(let events): changes.append { $0.events.append(contentsOf: events) }
            case .savePosition(let position): changes.append { $0.position = position }
            case .saveReviewCards(let cards):
                changes.append { record in
                    for (key, card) in cards { record.review[key] = card }
                }
            case .saveLanguage(let language): changes.append { $0.learner.language = language }
            case .createLearner(let profile):
                guard saves else { continue }
                do {
                    try store.create(LearnerRecord(learner: profile))
                } catch {
                    state.persistenceFailed(String(describing: error))
                }
            case .openLearner(let id):
                do {
                    state.learnerLoaded(try store.read(id))
                } catch {
                    state.persistenceFailed(String(describing: error))
                }
            case .quit: break
            }
        }
        guard saves, !changes.isEmpty, let id = state.record?.learner.id else { return }
        do {
            try store.update(id) { record in
                for change in changes { change(&record) }
            }
        } catch {
            state.persistenceFailed("not saved: \(error)")
        }
    }
}

/// Which learner the TUI opens, and with which first screen.
enum SessionStart {
    /// The state to start from: the learner's home, enrolment for a new learner, or the picker.
    static func initialState(
        catalog: Catalog, store: LearnerStore, learner flag: String?, environment: [String: String], width: Int,
        height: Int
    ) throws -> AppState {
        let requested = flag ?? environment["LERNPFAD_LEARNER"].flatMap { $0.isEmpty ? nil : $0 }
        let preferredLanguage = languageFromLocale(environment)
        if let requested {
            guard Identifier.isValidLearnerID(requested) else {
                throw UsageFailure(StoreError.invalidLearnerID(requested).description)
            }
            if store.exists(requested) {
                return AppState(catalog: catalog, record: try store.read(requested), width: width, height: height)
            }
            return AppState(
                catalog: catalog, newLearnerID: requested, language: preferredLanguage, width: width, height: height)
        }
        let ids = store.learnerIDs()
        let userID = learnerID(fromUser: environment["USER"] ?? environment["LOGNAME"] ?? "")
        if ids.count == 1 {
            return AppState(catalog: catalog, record: try store.read(ids[0]), width: width, height: height)
        }
        if ids.contains(userID) {
            return AppState(catalog: catalog, record: try store.read(userID), width: width, height: height)
        }
        if ids.isEmpty {
            return AppState(
                catalog: catalog, newLearnerID: userID, language: preferredLanguage, width: width, height: height)
        }
        let (records, _) = store.readAll()
        return AppState(catalog: catalog, learners: records.map(\.learner), width: width, height: height)
    }

    /// A learner id from a login name: lower-cased, other characters dropped; "learner" if nothing is left.
    static func learnerID(fromUser user: String) -> String {
        let cleaned = String(
            user.lowercased().unicodeScalars.filter { scalar in
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_"
                    || scalar == "-"
            }.prefix(64).map(Character.init))
        return Identifier.isValidLearnerID(cleaned) ? cleaned : "learner"
    }

    /// `de` when the locale says German, else nil (the course default then applies).
    static func languageFromLocale(_ environment: [String: String]) -> LanguageCode? {
        let locale = environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"] ?? ""
        if locale.hasPrefix("de") { return .german }
        if locale.hasPrefix("en") { return .english }
        return nil
    }
}
