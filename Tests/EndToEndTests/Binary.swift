import Foundation

/// Runs the built `lernpfad` binary the way a user does.
struct Binary {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `$LERNPFAD_BINARY`, else the `lernpfad` built beside the running tests, else the debug build in this checkout.
    ///
    /// Looking beside the tests first means `swift test --build-path X` runs the binary of build X, not whatever
    /// an older build left in `.build`.
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["LERNPFAD_BINARY"], !explicit.isEmpty { return explicit }
        return builtBesideTests ?? repository.appendingPathComponent(".build/debug/lernpfad").path
    }()

    /// The `lernpfad` executable in the folder of the test executable (Linux) or test bundle (macOS), if any.
    private static var builtBesideTests: String? {
        var folders: [URL] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return folders.map { $0.appendingPathComponent("lernpfad").path }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static var shippedContent: String { repository.appendingPathComponent("Content").path }

    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LERNPFAD_DATA"] = nil
        env["LERNPFAD_CONTENT"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts the binary without waiting.
    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, out)
    }
}

/// A fresh folder, removed afterwards.
final class Scratch {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "lernpfad-e2e-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func read(_ relative: String) -> Data? { FileManager.default.contents(atPath: path + "/" + relative) }

    func write(_ relative: String, _ text: String) {
        let full = path + "/" + relative
        try! FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    /// A copy of the shipped content to break.
    func copyOfShippedContent() -> String {
        let target = path + "/content"
        try! FileManager.default.copyItem(atPath: Binary.shippedContent, toPath: target)
        return target
    }
}
