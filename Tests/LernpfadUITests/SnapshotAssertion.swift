import Foundation
import Testing

/// Compares rendered lines with a golden file in Tests/LernpfadUITests/Snapshots.
///
/// A missing golden file is written and the test fails, so a new snapshot is always looked at once.
/// `LERNPFAD_RECORD_SNAPSHOTS=1` rewrites all of them after an intended change.
func assertSnapshot(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".txt")
    let actual = lines.joined(separator: "\n") + "\n"
    let record = ProcessInfo.processInfo.environment["LERNPFAD_RECORD_SNAPSHOTS"] == "1"
    if record || !FileManager.default.fileExists(atPath: file.path) {
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        if !record {
            Issue.record("recorded new snapshot \(name); check it and run again", sourceLocation: sourceLocation)
        }
        return
    }
    let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
}
