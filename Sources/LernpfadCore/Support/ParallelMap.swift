import Dispatch
import Foundation

/// `transform` of every index in `0..<count`, computed on all cores, in index order.
///
/// Each index is written by exactly one worker and read only after all have finished; the lock makes that
/// hand-over visible to the reading thread.
func parallelMap<Value: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
    let slots = Slots<Value>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, transform(index)) }
    return slots.values.map { $0! }
}

private final class Slots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
