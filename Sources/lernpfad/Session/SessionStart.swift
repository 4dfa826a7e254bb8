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
        // A requested id is the learner's and cannot be changed in onboarding; one from the login name is only a
        // suggestion that onboarding shows and lets the learner change.
        func enrol(_ id: String, fixed: Bool) -> AppModel {
            AppModel(
                catalog: catalog, newLearnerID: id, learnerIDIsFixed: fixed, language: preferredLanguage,
                width: width, height: height, now: now)
        }
        if let requested {
            guard Identifier.isValidLearnerID(requested) else {
                throw UsageFailure(StoreError.invalidLearnerID(requested).description)
            }
            return store.exists(requested) ? try home(requested) : enrol(requested, fixed: true)
        }
        let ids = store.learnerIDs()
        let userID = learnerID(fromUser: environment["USER"] ?? environment["LOGNAME"] ?? "")
        if ids.count == 1 { return try home(ids[0]) }
        if ids.contains(userID) { return try home(userID) }
        if ids.isEmpty { return enrol(userID, fixed: false) }
        let (records, _) = store.readAll()
        return AppModel(
            catalog: catalog, learners: records.map(\.learner), newLearnerID: userID, language: preferredLanguage,
            width: width, height: height, now: now)
    }

    /// A learner id from a login name: lower-cased, other characters dropped; empty if nothing valid is left
    /// (onboarding then suggests one from the name).
    static func learnerID(fromUser user: String) -> String {
        let cleaned = String(
            user.lowercased().unicodeScalars.filter { scalar in
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_"
                    || scalar == "-"
            }.prefix(64).map(Character.init))
        return Identifier.isValidLearnerID(cleaned) ? cleaned : ""
    }

    /// The interface language the locale asks for: German when the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// that is set (POSIX order, empty counts as unset) starts with `de`, else English. Optional for callers
    /// that fall back to a learner's own language first (`read`); it is never nil.
    static func languageFromLocale(_ environment: [String: String]) -> LanguageCode? {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("de") ? .german : .english
    }
}
