import Foundation

/// A fresh folder under the system's temp dir, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "lernpfad-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) {
        let full = path + "/" + relative
        try! FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) {
        let full = path + "/" + relative
        try! Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    func remove(_ relative: String) {
        try? FileManager.default.removeItem(atPath: path + "/" + relative)
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }
}
