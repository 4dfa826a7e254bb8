/// Values by string key, as a rule only a few: found by comparing keys in order, which for a handful of keys
/// costs less than hashing each one, and through a hash index once there are more than `listLimit`, so that an
/// edited learner file naming ten thousand modules or lessons stays linear rather than quadratic.
struct ShortMap<Value> {
    /// The keys with their values, in the order first added.
    private(set) var entries: [(key: String, value: Value)] = []
    private var index: [String: Int]?

    /// Past this many keys, lookups go through a dictionary.
    static var listLimit: Int { 16 }

    /// The place of `key` in `entries`, if it is there.
    func position(of key: String) -> Int? {
        if let index { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    /// The value of `key`, if any.
    subscript(key: String) -> Value? {
        position(of: key).map { entries[$0].value }
    }

    /// Changes the value of `key` in place, adding `initial` first when the key is new; returns its place.
    @discardableResult
    mutating func update(
        _ key: String, at known: Int? = nil, initial: @autoclosure () -> Value, _ change: (inout Value) -> Void
    )
        -> Int
    {
        let place: Int
        if let known, entries.indices.contains(known), entries[known].key == key {
            place = known
        } else if let found = position(of: key) {
            place = found
        } else {
            entries.append((key, initial()))
            place = entries.count - 1
            if index != nil {
                index?[key] = place
            } else if entries.count > Self.listLimit {
                index = Dictionary(
                    entries.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { a, _ in a })
            }
        }
        change(&entries[place].value)
        return place
    }
}
