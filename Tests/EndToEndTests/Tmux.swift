import Foundation
import Glibc

/// A real terminal for end-to-end tests: tmux runs the binary at a fixed size; tests type and read the screen.
final class Tmux {
    let name: String
    private let socket: String

    /// Starts `arguments` of the lernpfad binary in a new tmux session of `width`x`height`.
    ///
    /// With `outputLog`, every byte the pane receives (what the program writes to its terminal, then the
    /// `EXITED:` line) is appended to that file. With `ignoringHangUp`, the program starts with `SIGHUP` ignored,
    /// as a parent that ignores it would leave it, while the shell around it does not.
    init(
        _ arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:],
        outputLog: String? = nil, ignoringHangUp: Bool = false
    ) throws {
        name = "lp" + UUID().uuidString.prefix(8)
        socket = NSTemporaryDirectory() + "tmux-" + name
        var env = ["LANG": "C.UTF-8", "TERM": "tmux-256color"]
        for (key, value) in environment { env[key] = value }
        let exports = env.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let program = ([Binary.path] + arguments).map(Self.quote).joined(separator: " ")
        let start = "env \(exports) \(program)"
        var command = (ignoringHangUp ? "(trap '' HUP; exec \(start))" : start) + "; echo EXITED:$?; sleep 30"
        let channel = name + "-piped"
        if outputLog != nil {
            // The program's first frame would race the pipe; so the pane waits until the pipe is in place.
            command = "tmux -S \(Self.quote(socket)) wait-for \(channel); " + command
        }
        // The tmux server started here inherits stdout; a pipe would never see its end, so discard it.
        try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command], capture: false)
        if let outputLog {
            try run(["pipe-pane", "-o", "-t", name, "cat >> " + Self.quote(outputLog)])
            try run(["wait-for", "-S", channel])
        }
    }

    deinit {
        _ = try? run(["kill-server"], capture: false)
        try? FileManager.default.removeItem(atPath: socket)
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs tmux with `arguments` and returns what it printed.
    ///
    /// Spawned and reaped by hand: Foundation's `Process` never notices the exit of a tmux client whose
    /// daemonised server inherited its descriptors, so the test would hang.
    @discardableResult
    func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let output = NSTemporaryDirectory() + "tmux-out-" + UUID().uuidString
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, capture ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-S", socket] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        // The test runner blocks signals on its threads; a child would inherit that mask, and the
        // program in the pane would then never see SIGWINCH or SIGTERM. Start it with none blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArguments, environ)
        guard spawned == 0 else { throw TmuxTimeout(expected: "tmux to start (errno \(spawned))", screen: "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return capture ? ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "") : ""
    }

    /// Sends keys as tmux names them (`Enter`, `Escape`, `PageDown`, `C-c`) or literal text with `literal`.
    func send(_ keys: String...) throws { try run(["send-keys", "-t", name] + keys) }

    func type(_ text: String) throws { try run(["send-keys", "-t", name, "-l", text]) }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", name]) }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `text` shows, or fails after `seconds` with the last screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        try waitUntil("'\(text)'", seconds: seconds) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds for it, or fails after `seconds` naming `what` and the last screen.
    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        throw TmuxTimeout(expected: what, screen: last)
    }

    /// The status the program exited with, from the `EXITED:` line the pane prints after it.
    func exitStatus(seconds: Double = 10) throws -> Int? {
        let screen = try waitFor("EXITED:", seconds: seconds)
        let after = screen.components(separatedBy: "EXITED:")[1]
        return Int(after.prefix { $0.isNumber })
    }

    /// A tmux format variable of the pane, e.g. `alternate_on` or `cursor_flag`.
    func paneState(_ variable: String) throws -> String {
        try run(["display-message", "-p", "-t", name, "#{\(variable)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The process id of the program in the pane.
    func panePID() throws -> Int32 {
        Int32(
            try run(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(
                in: .whitespacesAndNewlines)) ?? 0
    }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    var expected: String
    var screen: String
    var description: String { "timed out waiting for \(expected); screen was:\n\(screen)" }
}

extension Tmux {
    /// Direct children of `pid` (the shell tmux started runs lernpfad as its child).
    static func childPIDs(of pid: Int32) throws -> [Int32] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0) }
    }
}
