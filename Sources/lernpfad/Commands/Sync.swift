import ArgumentParser
import Foundation
import LernpfadCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `lernpfad sync`: sends pending xAPI statements to a Learning Record Store.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send pending xAPI statements to a Learning Record Store (credentials from the environment).")

    @OptionGroup var common: CommonOptions

    @Option(help: "The LRS xAPI endpoint, e.g. https://lrs.example.org/xAPI/ (default: lrs_url in config.yaml).")
    var lrs: String?

    @Option(help: "Only this learner.")
    var learner: String?

    @Flag(help: "Every learner in the data folder.")
    var all = false

    @Option(help: "Statements per request.")
    var batch: Int = 500

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = try SettingsFile.load(environment: environment)
        guard let endpoint = lrs ?? settings.lrsURL else {
            throw UsageFailure(
                "no LRS: pass --lrs URL or set lrs_url in \(SettingsFile.path(environment: environment))")
        }
        guard let base = URL(string: endpoint.hasSuffix("/") ? endpoint : endpoint + "/"),
            base.scheme?.hasPrefix("http") == true
        else { throw UsageFailure("--lrs '\(endpoint)' is not an http(s) URL") }
        guard let user = environment["LERNPFAD_LRS_USER"] ?? settings.lrsUser,
            let password = environment["LERNPFAD_LRS_PASSWORD"] ?? settings.lrsPassword
        else {
            throw UsageFailure(
                "no LRS credentials: set LERNPFAD_LRS_USER and LERNPFAD_LRS_PASSWORD (never on the command line)")
        }
        guard (1...5000).contains(batch) else { throw ValidationError("--batch must be 1...5000") }
        let ids = all ? common.store.learnerIDs() : [try DefaultLearner.resolve(learner, store: common.store)]
        let catalog = try common.loadCatalog(now: Date())
        let client = LRSClient(base: base, user: user, password: password)
        var sent = 0
        for id in ids {
            let record = try common.store.read(id)
            var ledger = try SyncLedger.load(dataFolder: common.locations.data, learner: id)
            let done = ledger.acknowledged[base.absoluteString] ?? []
            let pending = XAPIExporter(homePage: settings.homePage, catalog: catalog).statements(for: record)
                .filter { !done.contains($0.id) }
            var index = 0
            while index < pending.count {
                let chunk = Array(pending[index..<min(pending.count, index + batch)])
                do {
                    try client.post(chunk)
                } catch let failure as LRSClient.Failure {
                    try ledger.save(dataFolder: common.locations.data, learner: id)
                    throw CommandFailure(
                        "\(failure.description) (\(sent) statement(s) sent before; the rest stay pending)")
                }
                ledger.acknowledged[base.absoluteString, default: []].formUnion(chunk.map(\.id))
                // Saved after every batch: an interrupted sync resumes where it stopped.
                try ledger.save(dataFolder: common.locations.data, learner: id)
                index += chunk.count
                sent += chunk.count
                if pending.count > batch { Output.error("\(id): \(index)/\(pending.count) statement(s) sent") }
            }
        }
        Output.line("sent \(sent) statement(s) to \(base.absoluteString)")
    }
}

/// A minimal xAPI client: POST statements with basic auth and the version header.
struct LRSClient {
    /// Why a request failed: what and which URL.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let base: URL
    let user: String
    let password: String

    func post(_ statements: [XAPIStatement]) throws {
        let url = base.appendingPathComponent("statements")
        let body = try JSONEncoder().encode(statements)
        let (status, text) = try send(url: url, method: "POST", body: body)
        switch status {
        case 200, 204: return
        case 409:
            // Some ids exist already: an LRS refuses the whole batch, so send one by one with PUT, which is
            // accepted (204) for a statement it already holds unchanged.
            for statement in statements {
                var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
                components.queryItems = [URLQueryItem(name: "statementId", value: statement.id)]
                let (single, detail) = try send(
                    url: components.url!, method: "PUT", body: try JSONEncoder().encode(statement))
                guard single == 204 || single == 200 || single == 409 else {
                    throw Failure(
                        description: "\(url.absoluteString): HTTP \(single) for statement \(statement.id): \(detail)")
                }
            }
        default:
            throw Failure(description: "\(url.absoluteString): HTTP \(status): \(text.prefix(200))")
        }
    }

    /// Every statement the LRS holds, following `more` links page by page.
    func fetchAll() throws -> [XAPIStatement] {
        struct Page: Decodable {
            var statements: [XAPIStatement]
            var more: String?
        }
        var statements: [XAPIStatement] = []
        var next: URL? = base.appendingPathComponent("statements")
        while let url = next {
            let (status, text) = try send(url: url, method: "GET", body: nil)
            guard status == 200 else {
                throw Failure(description: "\(url.absoluteString): HTTP \(status): \(text.prefix(200))")
            }
            let page: Page
            do {
                page = try JSONDecoder().decode(Page.self, from: Data(text.utf8))
            } catch {
                throw Failure(description: "\(url.absoluteString): not a statement result: \(error)")
            }
            statements += page.statements
            next = page.more.flatMap { $0.isEmpty ? nil : URL(string: $0, relativeTo: base)?.absoluteURL }
        }
        return statements
    }

    private func send(url: URL, method: String, body: Data?) throws -> (Int, String) {
        var request = URLRequest(url: url, timeoutInterval: 60)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
        let token = Data("\(user):\(password)".utf8).base64EncodedString()
        request.setValue("Basic \(token)", forHTTPHeaderField: "Authorization")
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            box.set(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
            done.signal()
        }.resume()
        done.wait()
        let (data, status, error) = box.get()
        if let error {
            throw Failure(description: "\(url.absoluteString): LRS not reachable (\(error.localizedDescription))")
        }
        return (status ?? 0, String(decoding: data ?? Data(), as: UTF8.self))
    }
}

/// Carries a response from URLSession's callback thread back to the waiting caller.
private final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var status: Int?
    private var error: (any Error)?

    func set(data: Data?, status: Int?, error: (any Error)?) {
        lock.lock()
        (self.data, self.status, self.error) = (data, status, error)
        lock.unlock()
    }

    func get() -> (Data?, Int?, (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        return (data, status, error)
    }
}
