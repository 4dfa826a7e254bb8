/// Which texts contain each n-gram of bytes, so a search reads only the texts that can hold its query.
///
/// A text holds a query only if it holds every n-gram of the query; intersecting the n-grams' lists gives the
/// candidates, and memmem confirms them. Bigrams are kept exactly (65,536 keys); longer n-grams are hashed into
/// 2^18 buckets, where a collision only adds a candidate that the confirmation then drops. The lists are in
/// text order, so results keep the catalog's order.
struct NGramIndex: Sendable {
    /// The n-gram length: 2 or 3.
    let length: Int
    /// Where each bucket's list starts in `texts`; one more element than there are buckets.
    private let starts: [Int32]
    /// The text numbers, bucket after bucket, ascending within each bucket.
    private let texts: [Int32]

    private var bucketBits: Int { length == 2 ? 16 : 18 }

    /// Indexes the n-grams of each range of `bytes`; text number `i` is `ranges[i]`.
    init(length: Int, bytes: [UInt8], ranges: [Range<Int>]) {
        precondition(length == 2 || length == 3)
        self.length = length
        let bits = length == 2 ? 16 : 18
        let bucketCount = 1 << bits
        var counts = [Int32](repeating: 0, count: bucketCount + 1)
        // The last text that was counted in each bucket, so a text counts once per bucket.
        var lastText = [Int32](repeating: -1, count: bucketCount)
        bytes.withUnsafeBufferPointer { bytes in
            for (text, range) in ranges.enumerated() {
                Self.forEachBucket(bytes, range, length: length, bits: bits) { bucket in
                    if lastText[bucket] != Int32(text) {
                        lastText[bucket] = Int32(text)
                        counts[bucket + 1] += 1
                    }
                }
            }
        }
        for bucket in 0..<bucketCount { counts[bucket + 1] += counts[bucket] }
        var next = counts
        var texts = [Int32](repeating: 0, count: Int(counts[bucketCount]))
        for bucket in 0..<bucketCount { lastText[bucket] = -1 }
        bytes.withUnsafeBufferPointer { bytes in
            for (text, range) in ranges.enumerated() {
                Self.forEachBucket(bytes, range, length: length, bits: bits) { bucket in
                    if lastText[bucket] != Int32(text) {
                        lastText[bucket] = Int32(text)
                        texts[Int(next[bucket])] = Int32(text)
                        next[bucket] += 1
                    }
                }
            }
        }
        self.starts = counts
        self.texts = texts
    }

    /// The texts that may contain `needle` (at least `length` bytes long), ascending.
    func candidates(for needle: [UInt8]) -> [Int32] {
        var buckets: Set<Int> = []
        needle.withUnsafeBufferPointer { needle in
            Self.forEachBucket(needle, 0..<needle.count, length: length, bits: bucketBits) { buckets.insert($0) }
        }
        let lists = buckets.map { Int(starts[$0])..<Int(starts[$0 + 1]) }.sorted { $0.count < $1.count }
        guard let shortest = lists.first else { return [] }
        var result = Array(texts[shortest])
        for list in lists.dropFirst() {
            if result.isEmpty { break }
            result = Self.intersection(result, texts[list])
        }
        return result
    }

    /// The elements of two ascending lists that are in both.
    private static func intersection(_ small: [Int32], _ large: ArraySlice<Int32>) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(small.count)
        var position = large.startIndex
        for value in small {
            while position < large.endIndex && large[position] < value { position += 1 }
            if position == large.endIndex { break }
            if large[position] == value { result.append(value) }
        }
        return result
    }

    /// Calls `body` with the bucket of each n-gram that starts in `range`.
    @inline(__always)
    private static func forEachBucket(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, length: Int, bits: Int, _ body: (Int) -> Void
    ) {
        guard range.count >= length else { return }
        if length == 2 {
            for position in range.lowerBound..<(range.upperBound - 1) {
                body(Int(bytes[position]) << 8 | Int(bytes[position + 1]))
            }
        } else {
            for position in range.lowerBound..<(range.upperBound - 2) {
                let key = UInt32(bytes[position]) << 16 | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2])
                // Fibonacci hashing spreads the 24-bit keys over the buckets.
                body(Int((key &* 2_654_435_769) >> UInt32(32 - bits)))
            }
        }
    }
}
