// Feeds arbitrary bytes to the learner-file decoder, and every file it accepts to what lernpfad does next
// with a learner file: save it again, show `lernpfad status`, answer the due reviews and save.
import CLibFuzzer
import Foundation
import LernpfadCore

/// The shipped course (or `$LERNPFAD_CONTENT`), so that events in the corpus name modules that exist.
let catalog: Catalog = {
    let root =
        ProcessInfo.processInfo.environment["LERNPFAD_CONTENT"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content").path
    let result = ContentLoader(root: root, today: CalendarDay(year: 2026, month: 11, day: 21)).load()
    if result.catalog.modules.isEmpty {
        // Without modules the progress engine has nothing to chew on and the run would look fine for no reason.
        fatalError("no modules loaded from \(root): set LERNPFAD_CONTENT")
    }
    return result.catalog
}()

/// A fixed clock: the same input must take the same path on every run.
let now = Timestamp.parse("2026-11-21T12:00:00.000Z")!

/// libFuzzer's per-input callback.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    // The hand-written reader must read exactly what JSONDecoder reads, wherever it does not decline.
    if let fast = LearnerFileCodec.fastRecord(from: data) {
        guard let foundation = LearnerFileCodec.foundationRecord(from: data) else {
            fatalError("the fast reader accepts a file JSONDecoder refuses")
        }
        if fast != foundation { fatalError("the fast reader and JSONDecoder read different records") }
    }
    guard let record = try? LearnerFileCodec.decode(data, path: "fuzz.json") else { return 0 }

    // The chain: judging any file never traps, and the same events chained afresh (as a schema-1 file's next
    // save chains them) always verify.
    _ = try? LearnerChain.check(record)
    var fresh = record
    fresh.head = nil
    for index in fresh.events.indices {
        fresh.events[index].previous = nil
        fresh.events[index].sequence = nil
    }
    if let linked = try? LearnerChain.linked(fresh), let found = try? LearnerChain.check(linked) {
        fatalError("a freshly chained record is broken: \(found)")
    }

    // A file that was read must survive a save unchanged: the store rewrites it on every new event, and a file
    // that no longer decodes afterwards is refused (and its history frozen) from then on.
    let saved: Data
    do {
        saved = try LearnerFileCodec.encode(record)
    } catch {
        fatalError("a decoded record does not encode: \(error)")
    }
    let reread: LearnerRecord
    do {
        reread = try LearnerFileCodec.decode(saved, path: "fuzz-saved.json")
    } catch {
        fatalError("a saved record does not decode: \(error)\n\(String(decoding: saved, as: UTF8.self))")
    }
    if reread != record {
        fatalError("a saved record decodes to something else:\n\(String(decoding: saved, as: UTF8.self))")
    }

    // `lernpfad status`, as text and as JSON.
    let report = StatusReport(record: record, catalog: catalog, now: now)
    _ = report.text
    _ = try? JSONCoding.encoder().encode(report)

    // The quiz screen's review: each card answered (alternately right and wrong), then saved.
    var answered = record
    for (index, key) in record.review.keys.sorted().prefix(16).enumerated() {
        answered.review[key] = record.review[key]?.reviewed(correct: index.isMultiple(of: 2), at: now)
    }
    _ = ProgressEngine.dueReviews(answered, catalog: catalog, now: now)
    do {
        _ = try LearnerFileCodec.encode(answered)
    } catch {
        fatalError("a reviewed record does not encode: \(error)")
    }
    return 0
}

/// The program's entry point.
///
/// SwiftPM links every executable with `--defsym main=<Module>_main`, so libFuzzer's own `main` never gets
/// linked; this function, under that name, hands over to libFuzzer's driver instead.
@_cdecl("FuzzLearnerFile_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzz(data, size)
    }
}
