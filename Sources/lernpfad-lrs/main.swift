// lernpfad-lrs: the one program that speaks HTTP for lernpfad.
//
// It is separate so that libcurl (and the TLS libraries with it) is loaded only when lernpfad talks to a
// Learning Record Store, not at every start of the TUI; start-up time and peak memory are benchmark targets.
//
// Usage: lernpfad-lrs [--deadline SECONDS] [--max-bytes N] [--parent PID] METHOD URL < body
// Credentials come from LERNPFAD_LRS_USER and LERNPFAD_LRS_PASSWORD, never from the command line.
//
// It makes exactly one request and never follows a redirect: a 3xx is handed back with the URL it points
// to, for lernpfad to report. The whole request (connecting, sending, every byte of the answer) must finish
// within the deadline, and an answer larger than --max-bytes is refused, announced or not, as soon as it
// is known. With --parent it dies with that process (PR_SET_PDEATHSIG), so a killed lernpfad leaves no
// helper behind.
//
// It calls libcurl directly rather than through URLSession: FoundationNetworking hands every 16 KiB of an
// answer to the delegate queue without back-pressure, so a streamed 1 GiB answer grew the helper to
// 240-700 MB before the delegate could refuse it, and past the deadline. libcurl's write callback runs on
// the transfer itself: returning 0 stops it at once.
//
// Output on success (exit 0, whatever the HTTP status): "status CODE", then "location URL" when the
// answer redirects, an empty line, and the body. Exit 1 with one line on stderr when no complete answer
// arrived; exit 2 for a usage mistake.

import CCurl
import CProcessControl
import Foundation

/// What the command line asked for.
struct Invocation {
    var method = ""
    var url = ""
    var deadline = 60.0
    var maxBytes = 16 << 20
    var parent: Int32?

    /// Parses `arguments` (without the program name); `nil` for a usage mistake.
    init?(_ arguments: [String]) {
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("--") {
            rest = rest.dropFirst()
            guard let value = rest.popFirst() else { return nil }
            switch first {
            case "--deadline":
                guard let seconds = Double(value), seconds > 0, seconds < 1e6 else { return nil }
                deadline = seconds
            case "--max-bytes":
                guard let bytes = Int(value), bytes > 0 else { return nil }
                maxBytes = bytes
            case "--parent":
                guard let pid = Int32(value) else { return nil }
                parent = pid
            default: return nil
            }
        }
        guard rest.count == 2 else { return nil }
        method = rest[rest.startIndex]
        url = rest[rest.startIndex + 1]
    }
}

/// The body as it arrives, refused once it would exceed the cap.
final class Received {
    let maxBytes: Int
    var body = Data()
    var tooLarge = false

    init(maxBytes: Int) { self.maxBytes = maxBytes }
}

/// `value` without a fraction when it has none: "60", "0.5".
func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}

func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

/// Options a request cannot do without: a helper that cannot set them must not send anything.
struct Options {
    var failed = false

    mutating func check(_ code: CURLcode) { if code != CURLE_OK { failed = true } }
}

/// Makes the one request and prints its answer; never returns.
func run(_ invocation: Invocation) -> Never {
    guard curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK, let handle = curl_easy_init() else {
        fail("LRS not reachable (libcurl does not start)")
    }
    var options = Options()
    options.check(lernpfad_curl_set_pointer(handle, CURLOPT_URL, invocation.url))
    options.check(lernpfad_curl_allow_http_only(handle))
    options.check(lernpfad_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0))
    options.check(lernpfad_curl_set_long(handle, CURLOPT_NOSIGNAL, 1))
    let milliseconds = max(1, Int(invocation.deadline * 1000))
    options.check(lernpfad_curl_set_long(handle, CURLOPT_TIMEOUT_MS, milliseconds))
    options.check(lernpfad_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds))
    options.check(lernpfad_curl_set_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(invocation.maxBytes)))

    var headers: UnsafeMutablePointer<curl_slist>?
    headers = curl_slist_append(headers, "X-Experience-API-Version: 1.0.3")
    let environment = ProcessInfo.processInfo.environment
    if let user = environment["LERNPFAD_LRS_USER"], let password = environment["LERNPFAD_LRS_PASSWORD"] {
        let token = Data("\(user):\(password)".utf8).base64EncodedString()
        headers = curl_slist_append(headers, "Authorization: Basic " + token)
    }
    // One byte more than the body, so that an empty body still has an address: with a null pointer libcurl
    // would read the body from stdin.
    var requestBody = [UInt8]()
    if invocation.method != "GET" {
        requestBody = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        headers = curl_slist_append(headers, "Content-Type: application/json")
        // libcurl would otherwise ask "Expect: 100-continue" for any body over 1 KiB and wait for the
        // server's go-ahead, which some servers (Ralph's uvicorn among them) never send: a stall on every batch.
        headers = curl_slist_append(headers, "Expect:")
        if invocation.method != "POST" {
            options.check(lernpfad_curl_set_pointer(handle, CURLOPT_CUSTOMREQUEST, invocation.method))
        }
        options.check(lernpfad_curl_set_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(requestBody.count)))
    }
    requestBody.append(0)
    options.check(lernpfad_curl_set_pointer(handle, CURLOPT_HTTPHEADER, headers))

    let received = Received(maxBytes: invocation.maxBytes)
    options.check(lernpfad_curl_set_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(received).toOpaque()))
    options.check(
        lernpfad_curl_set_write_function(handle) { bytes, size, count, context in
            let received = Unmanaged<Received>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            guard received.body.count + length <= received.maxBytes else {
                received.tooLarge = true
                return 0  // stops the transfer with CURLE_WRITE_ERROR
            }
            if let bytes {
                received.body.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: length)
            }
            return length
        })
    var errorText = [UInt8](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    let code = requestBody.withUnsafeBufferPointer { body in
        errorText.withUnsafeMutableBufferPointer { buffer in
            if invocation.method != "GET" {
                options.check(lernpfad_curl_set_pointer(handle, CURLOPT_POSTFIELDS, body.baseAddress))
            }
            options.check(lernpfad_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress))
            return options.failed ? CURLE_FAILED_INIT : curl_easy_perform(handle)
        }
    }
    switch code {
    case CURLE_OK: break
    case CURLE_OPERATION_TIMEDOUT:
        fail("no complete answer within \(seconds(invocation.deadline)) s")
    case CURLE_FILESIZE_EXCEEDED:
        fail("the LRS announces an answer of more than \(invocation.maxBytes) bytes")
    case CURLE_WRITE_ERROR where received.tooLarge:
        fail("the LRS answers with more than \(invocation.maxBytes) bytes")
    default:
        let detail = String(decoding: errorText.prefix { $0 != 0 }, as: UTF8.self)
        let reason = detail.isEmpty ? String(validatingCString: curl_easy_strerror(code)) ?? "error \(code)" : detail
        fail("LRS not reachable (\(reason))")
    }
    var status = 0
    _ = lernpfad_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
    var head = "status \(status)\n"
    var redirect: UnsafeMutablePointer<CChar>?
    if (300...399).contains(status), lernpfad_curl_get_string(handle, CURLINFO_REDIRECT_URL, &redirect) == CURLE_OK,
        let redirect, let target = String(validatingCString: redirect)
    {
        head += "location \(target.filter { !$0.isNewline })\n"
    }
    FileHandle.standardOutput.write(Data((head + "\n").utf8))
    FileHandle.standardOutput.write(received.body)
    exit(0)
}

guard let invocation = Invocation(Array(CommandLine.arguments.dropFirst())) else {
    fail("usage: lernpfad-lrs [--deadline SECONDS] [--max-bytes N] [--parent PID] METHOD URL < body", status: 2)
}
if let parent = invocation.parent {
    // Dies with lernpfad; if lernpfad is already gone, this process was handed to another parent.
    _ = lernpfad_die_with_parent(SIGKILL)
    if getppid() != parent { exit(1) }
}
guard let parsed = URLComponents(string: invocation.url), parsed.scheme == "http" || parsed.scheme == "https" else {
    fail("not an http(s) URL", status: 2)
}
guard parsed.user == nil, parsed.password == nil else {
    fail("the LRS URL must not hold a user name or password", status: 2)
}
run(invocation)
