import Testing

@testable import LernpfadCore

/// The short map gives what a dictionary gives, below its list limit and past it, and keeps first-added order.
@Suite("Short map")
struct ShortMapTests {
    @Test(arguments: [3, ShortMap<Int>.listLimit, ShortMap<Int>.listLimit + 1, 500])
    func agreesWithADictionary(keys: Int) {
        var map = ShortMap<Int>()
        var reference: [String: Int] = [:]
        var order: [String] = []
        var state: UInt64 = 7
        var last: Int?
        for _ in 0..<(keys * 4) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = "key-\((state >> 33) % UInt64(keys))"
            if reference[key] == nil { order.append(key) }
            reference[key, default: 0] += 1
            // A stale or wrong hint must not matter.
            last = map.update(key, at: last, initial: 0) { $0 += 1 }
        }
        #expect(map.entries.map(\.key) == order)
        for (key, count) in reference { #expect(map[key] == count) }
        #expect(map["absent"] == nil)
        #expect(map.position(of: "absent") == nil)
    }

    /// An edited file may name thousands of modules and lessons: every one is still counted where it belongs.
    @Test func thousandsOfModulesAndLessonsInOneFileAreEachGrouped() {
        let base = date("2026-01-01T00:00:00.000Z")
        let events = (0..<6000).map { index in
            LearnerEvent(
                at: base.addingTimeInterval(Double(index)), kind: .lessonCompleted,
                module: index % 2 == 0 ? "module-\(index)" : "one", lesson: "lesson-\(index)")
        }
        let grouped = ProgressEngine.eventsByModule(events)
        #expect(grouped["one"].count == 3000)
        #expect(grouped["module-5998"].map(\.lesson) == ["lesson-5998"])
        #expect(grouped["module-1"].isEmpty)
    }
}
