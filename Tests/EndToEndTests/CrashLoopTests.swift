import Foundation
import Testing

@Suite("Crash loop")
struct CrashLoopTests {
    /// SplitMix64, so that a failing run can be replayed with the same kill moments.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// The ids of the events in a learner file, in file order; nil when it is not a learner file's JSON.
    private static func storedIDs(_ data: Data?) -> [String]? {
        guard let data, let record = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let events = record["events"] as? [[String: Any]]
        else { return nil }
        return events.compactMap { ($0["id"] as? String)?.lowercased() }
    }

    /// Issue 7: writers killed with SIGKILL at random moments until 1,000 saves were acknowledged in
    /// total; after every kill each learner file must decode and hold every event acknowledged so far.
    ///
    /// A writer prints an event's id only once its save is durable, so a printed id is an
    /// acknowledgement. Delays run from 0 ms (the kill lands during start-up) to 300 ms (a dozen or so
    /// saves), and the writers take turns on four files, so kills land before, during and between saves.
    @Test func sigkillAtRandomMomentsDuringAThousandSavesLosesNoAcknowledgedEvent() throws {
        let scratch = Scratch()
        let learners = ["anna", "ben", "cem", "dora"]
        for learner in learners {
            let add = try Binary.run([
                "learner", "add", learner, "--name", learner, "--roles", "staff", "--data", scratch.path,
            ])
            try #require(add.status == 0, "\(add.stderr)")
        }
        var random = SplitMix(state: 20_261_121)
        var acknowledged: [String: Set<String>] = [:]
        var saves = 0
        var kills = 0
        var killsMidSave = 0
        var runs = 0
        let started = Date()
        // The bound only stops a writer that never saves from looping forever; 1,000 saves need about 100 runs.
        while saves < 1_000 && runs < 2_000 {
            let learner = learners[Int(random.next() % UInt64(learners.count))]
            let (process, pipe) = try Binary.start(
                [
                    "dev", "append-events", "--learner", learner, "--count", "100000", "--tag", "run-\(runs)",
                    "--data", scratch.path,
                ])
            usleep(useconds_t(random.next() % 300_000))
            kill(process.processIdentifier, SIGKILL)
            let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            runs += 1
            if process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL { kills += 1 }
            // A line cut off by the kill is not an acknowledgement; only whole lines count.
            let lines = printed.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            saves += lines.count
            acknowledged[learner, default: []].formUnion(lines.map { $0.lowercased() })

            let folder = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/learners")
            if folder.contains(where: { $0.hasPrefix(".\(learner).json.tmp-") }) { killsMidSave += 1 }
            let status = try Binary.run(["status", "--learner", learner, "--format", "json", "--data", scratch.path])
            try #require(status.status == 0, "run \(runs): \(learner).json no longer decodes: \(status.stderr)")
            let stored = try #require(
                Self.storedIDs(scratch.read("learners/\(learner).json")), "run \(runs): \(learner).json is not JSON")
            let lost = acknowledged[learner, default: []].subtracting(stored)
            try #require(lost.isEmpty, "run \(runs): \(lost.count) acknowledged event(s) of \(learner) lost")
            try #require(Set(stored).count == stored.count, "run \(runs): \(learner).json holds an event twice")
        }
        let seconds = Date().timeIntervalSince(started)
        print("crash loop: \(runs) runs, \(kills) kills (\(killsMidSave) mid-save), \(saves) saves, \(seconds) s")
        #expect(saves >= 1_000)
        #expect(kills == runs, "a writer ended before its kill, so that run tested nothing")
        #expect(killsMidSave > 0, "no kill landed between a temp file's creation and its rename")

        for learner in learners {
            let stored = Set(Self.storedIDs(scratch.read("learners/\(learner).json")) ?? [])
            #expect(acknowledged[learner, default: []].isSubset(of: stored))
            // Each killed writer can have made at most one save durable without printing its id.
            #expect(stored.subtracting(acknowledged[learner, default: []]).count <= kills)
        }
        // The next session clears what the killed writers left behind.
        for learner in learners { _ = try Binary.run(["snapshot", "--learner", learner, "--data", scratch.path]) }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/learners")
        #expect(leftovers.sorted() == learners.flatMap { ["\($0).json", "\($0).json.lock"] }.sorted())
    }
}
