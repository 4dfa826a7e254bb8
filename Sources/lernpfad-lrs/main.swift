// lernpfad-lrs: the one program that speaks HTTP for lernpfad.
//
// It is separate so that FoundationNetworking (libcurl and some thirty libraries with it) is loaded only
// when lernpfad talks to a Learning Record Store, not at every start of the TUI; start-up time and peak
// memory are benchmark targets. Usage: lernpfad-lrs METHOD URL < body; credentials from
// LERNPFAD_LRS_USER and LERNPFAD_LRS_PASSWORD. Prints the HTTP status on the first line, then the body.
// Exit 0 when a response arrived (whatever its status), 1 when the LRS could not be reached.

import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Carries the response from URLSession's callback thread to the main thread.
final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Data?, Int?, String?) = (nil, nil, nil)

    func set(_ data: Data?, _ status: Int?, _ error: String?) {
        lock.lock()
        value = (data, status, error)
        lock.unlock()
    }

    func get() -> (Data?, Int?, String?) {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 3, let url = URL(string: arguments[2]) else {
    FileHandle.standardError.write(Data("usage: lernpfad-lrs METHOD URL < body\n".utf8))
    exit(2)
}
let environment = ProcessInfo.processInfo.environment
var request = URLRequest(url: url, timeoutInterval: 60)
request.httpMethod = arguments[1]
if arguments[1] != "GET" {
    request.httpBody = FileHandle.standardInput.readDataToEndOfFile()
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    // libcurl would otherwise ask "Expect: 100-continue" for any body over 1 KiB and wait for the server's
    // go-ahead, which some servers (Ralph's uvicorn among them) never send: a stall on every batch.
    request.setValue("", forHTTPHeaderField: "Expect")
}
request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
if let user = environment["LERNPFAD_LRS_USER"], let password = environment["LERNPFAD_LRS_PASSWORD"] {
    let token = Data("\(user):\(password)".utf8).base64EncodedString()
    request.setValue("Basic \(token)", forHTTPHeaderField: "Authorization")
}
let box = ResponseBox()
let done = DispatchSemaphore(value: 0)
URLSession.shared.dataTask(with: request) { data, response, error in
    box.set(data, (response as? HTTPURLResponse)?.statusCode, error?.localizedDescription)
    done.signal()
}.resume()
done.wait()
let (data, status, error) = box.get()
if let error {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
FileHandle.standardOutput.write(Data("\(status ?? 0)\n".utf8))
FileHandle.standardOutput.write(data ?? Data())
exit(0)
