/// One change to a learner's record, as the TUI makes it.
///
/// The same `apply` runs twice for every change: in memory, so the screen shows it at once, and on disk under
/// the file's lock, on the freshly read file. Because both go through this one function, the record in memory
/// and the record on disk cannot drift apart; the runner then hands the saved record back to the UI.
public enum RecordChange: Hashable, Sendable {
    /// Append events to the history.
    case append([LearnerEvent])
    /// Remember where the learner is reading.
    case position(ReadingPosition)
    /// Store review cards; only the keys given change.
    case reviewCards([String: ReviewCard])
    /// Store the learner's chosen language.
    case language(LanguageCode)
}

extension LearnerRecord {
    /// Applies `change` to this record.
    public mutating func apply(_ change: RecordChange) {
        switch change {
        case .append(let new):
            guard !new.isEmpty else { return }
            // An event already in the file (a save retried after it half failed) is not added twice.
            let known = Set(events.map(\.id))
            events.append(contentsOf: new.filter { !known.contains($0.id) })
        case .position(let position): self.position = position
        case .reviewCards(let cards):
            for (key, card) in cards { review[key] = card }
        case .language(let language): learner.language = language
        }
    }

    /// Applies every change in order.
    public mutating func apply(_ changes: [RecordChange]) {
        for change in changes { apply(change) }
    }
}
