import Foundation
import LernpfadCore
import LernpfadUI

/// Which learner the TUI opens, and with which first screen.
enum SessionStart {
    /// The model to start from: the learner's home, enrolment for a new learner, or the picker.
    static func initialModel(
        catalog: Catalog, store: LearnerStore, learner flag: String?, environment: [String: String], width: Int,
        height: Int, now: Date
    ) throws -> AppModel {
        let requested = flag ?? environment["LERNPFAD_LEARNER"].flatMap { $0.isEmpty ? nil : $0 }
        let preferredLanguage = languageFromLocale(environment)
        func home(_ id: String) throws -> AppModel {
            AppModel(catalog: catalog, record: try store.read(id), width: width, height: height, now: now)
        }
        func enrol(_ id: String) -> AppModel {
            AppModel(
                catalog: catalog, newLearnerID: id, language: preferredLanguage, width: width, height: height,
                now: now)
        }
        if let requested {
            guard Identifier.isValidLearnerID(requested) else {
                throw UsageFailure(StoreError.invalidLearnerID(requested).description)
            }
            return store.exists(requested) ? try home(requested) : enrol(requested)
        }
        let ids = store.learnerIDs()
        let userID = learnerID(fromUser: environment["USER"] ?? environment["LOGNAME"] ?? "")
        if ids.count == 1 { return try home(ids[0]) }
        if ids.contains(userID) { return try home(userID) }
        if ids.isEmpty { return enrol(userID) }
        let (records, _) = store.readAll()
        return AppModel(
            catalog: catalog, learners: records.map(\.learner), width: width, height: height, now: now)
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
