import Foundation

/// `scripts/fake-lrs.py` on two loopback ports, scripted by its options; stopped when this object goes away.
///
/// The server stops by itself too: when its standard input closes, after an idle time, or after a number of
/// requests. Its log holds one JSON object per request (`server`, `method`, `path`, `host`, `auth`) and an
/// `event: closed` entry when it saw a client go away during a slow answer.
final class FakeLRS {
    let port: Int
    let otherPort: Int
    private let process = Process()
    private let input = Pipe()
    private let log: String

    init(_ options: [String] = []) throws {
        log = NSTemporaryDirectory() + "fake-lrs-" + UUID().uuidString + ".jsonl"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", Binary.repository.appendingPathComponent("scripts/fake-lrs.py").path, "--log", log] + options
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let ports = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard ports.count == 2 else { throw FakeLRSDidNotStart() }
        port = ports[0]
        otherPort = ports[1]
    }

    deinit {
        // Its standard input alone is not enough: lernpfad processes started meanwhile may hold the pipe open.
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: log)
    }

    /// The xAPI endpoint on the main port.
    var url: String { "http://127.0.0.1:\(port)/xAPI/" }

    /// Every log entry so far.
    var entries: [[String: Any]] {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// The requests so far.
    var requests: [[String: Any]] { entries.filter { $0["event"] == nil } }

    /// Waits until `condition` holds for the log, polling it; false after `seconds`.
    func wait(seconds: Double, until condition: ([[String: Any]]) -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition(entries) { return true }
            usleep(20_000)
        }
        return condition(entries)
    }
}

/// The fake LRS did not print its ports.
struct FakeLRSDidNotStart: Error {}
