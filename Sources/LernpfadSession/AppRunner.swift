import Foundation
import LernpfadCore
import LernpfadUI

/// Drives the pure model: feeds it events, carries out its commands, and hands the results back.
///
/// Every change the model makes to the learner is applied again here, by the same `LearnerRecord.apply`, on the
/// file as it is on disk, under its lock; the saved record then replaces the model's. A save that fails keeps
/// its changes queued and is retried with the next key and at the end.
public struct AppRunner: Sendable {
    /// The model.
    public private(set) var model: AppModel
    /// Where learners live.
    public let store: LearnerStore
    /// Loads lessons, quizzes, the team and the search index.
    public let loader: ResourceLoader
    /// When false (snapshot --no-save), changes stay in memory.
    public let saves: Bool
    /// Fresh random bits for each event.
    let makeSeed: @Sendable () -> UInt64
    /// Applies changes to a learner's file and returns the file as written; the store's locked update.
    let persist: @Sendable (_ id: String, _ changes: [RecordChange]) throws -> LearnerRecord
    /// Changes not yet on disk.
    public private(set) var unsaved: [RecordChange] = []
    /// The record as it would be on disk when nothing is saved.
    private var shadow: LearnerRecord?

    /// A runner over `model`; `persist` defaults to the store's locked read-modify-write.
    public init(
        model: AppModel, store: LearnerStore, loader: ResourceLoader, saves: Bool,
        makeSeed: @escaping @Sendable () -> UInt64 = { UInt64.random(in: 0...UInt64.max) },
        persist: (@Sendable (_ id: String, _ changes: [RecordChange]) throws -> LearnerRecord)? = nil
    ) {
        self.model = model
        self.store = store
        self.loader = loader
        self.saves = saves
        self.makeSeed = makeSeed
        self.persist = persist ?? { id, changes in try store.update(id) { record in record.apply(changes) } }
        shadow = model.record
    }

    /// Handles a key at `now`, with everything it sets off.
    public mutating func handle(_ key: Key, now: Date) {
        retrySaving(now: now)
        send(.key(key), now: now)
    }

    /// Saves what an earlier failure left queued, and tells the model how it went.
    private mutating func retrySaving(now: Date) {
        guard !unsaved.isEmpty, let answer = save([], now: now) else { return }
        send(answer, now: now)
    }

    /// Feeds `message` to the model and carries out the commands that follow, until there are none.
    public mutating func send(_ message: AppMessage, now: Date) {
        var queue: [AppMessage] = [message]
        // A bound, not a limit anyone should reach: every load is asked for once.
        var budget = 10_000
        while !queue.isEmpty && budget > 0 {
            budget -= 1
            let commands = model.update(AppEvent(queue.removeFirst(), now: now, seed: makeSeed()))
            for command in commands {
                if let answer = perform(command, now: now) { queue.append(answer) }
            }
        }
    }

    /// Draws the current state.
    public func render() -> Canvas { model.render() }

    /// Tries once more to save what is queued; returns how many changes are still not saved.
    @discardableResult
    public mutating func finish(now: Date) -> Int {
        retrySaving(now: now)
        return unsaved.count
    }

    private mutating func perform(_ command: AppCommand, now: Date) -> AppMessage? {
        switch command {
        case .save(let changes): return save(changes, now: now)
        case .createLearner(let profile):
            // The enrolment, as roleAdded events: a path's due_within counts from here.
            let record = LearnerRecord.enrolling(profile, at: now)
            guard saves else {
                shadow = record
                return .learnerOpened(record)
            }
            do {
                try store.create(record)
                return .learnerOpened(try store.read(profile.id))
            } catch {
                return .learnerFailed(String(describing: error))
            }
        case .openLearner(let id):
            do {
                let record = try store.read(id)
                shadow = record
                return .learnerOpened(record)
            } catch {
                return .learnerFailed(String(describing: error))
            }
        case .load(let request): return .loaded(loader.load(request, now: now))
        case .attest(let learner, let event):
            guard saves else { return .attested(learner: learner, milestone: event.milestone ?? "") }
            do {
                _ = try store.append([event], to: learner)
                return .attested(learner: learner, milestone: event.milestone ?? "")
            } catch {
                return .attestationFailed(String(describing: error))
            }
        case .quit: return nil
        }
    }

    @discardableResult
    private mutating func save(_ changes: [RecordChange], now: Date) -> AppMessage? {
        unsaved += changes
        guard let id = model.record?.learner.id, !unsaved.isEmpty else { return nil }
        let batch = unsaved
        guard saves else {
            shadow?.apply(batch)
            unsaved = []
            return shadow.map { .recordSaved($0) }
        }
        do {
            let saved = try persist(id, batch)
            unsaved = []
            return .recordSaved(saved)
        } catch {
            return .saveFailed(reason: String(describing: error), unsaved: unsaved.count)
        }
    }
}
