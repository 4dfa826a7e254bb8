import ArgumentParser
import Foundation
import LernpfadCore

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

    /// For the benchmark's curl baseline: write each request body to this folder instead of sending it.
    @Option(help: .hidden)
    var writeBatches: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = try SettingsFile.load(environment: environment)
        let client = try LRSClient.configured(endpoint: lrs, settings: settings, environment: environment)
        let base = client.base
        guard (1...5000).contains(batch) else { throw ValidationError("--batch must be 1...5000") }
        let store = common.store
        if all { try store.requireFolder() }
        let ids = all ? store.learnerIDs() : [try DefaultLearner.resolve(learner, store: store)]
        let catalog = try common.loadCatalog(now: Date())
        let exporter = XAPIExporter(homePage: settings.homePage, catalog: catalog)
        let data = common.locations.data
        // Batches fill across learners, so a folder of many small records goes in few requests.
        var queued: [(learner: String, statement: XAPIStatement)] = []
        var ledgers: [String: SyncLedger] = [:]
        var sent = 0
        func flush() throws {
            guard !queued.isEmpty else { return }
            if let folder = writeBatches {
                let file = folder + "/" + String(format: "%06d.json", sent / batch)
                try XAPIStatement.jsonData(queued.map(\.statement), compact: true).write(to: URL(fileURLWithPath: file))
                sent += queued.count
                queued.removeAll(keepingCapacity: true)
                return
            }
            do {
                try client.post(queued.map(\.statement))
            } catch let failure as LRSClient.Failure {
                throw CommandFailure(
                    "\(failure.description) (\(sent) statement(s) sent before; the rest stay pending)")
            }
            // Saved after every batch: an interrupted sync resumes where it stopped.
            for (learner, entries) in Dictionary(grouping: queued, by: \.learner) {
                ledgers[learner]?.acknowledged[base.absoluteString, default: []].formUnion(
                    entries.map(\.statement.id))
                try ledgers[learner]?.save(dataFolder: data, learner: learner)
            }
            sent += queued.count
            queued.removeAll(keepingCapacity: true)
            if sent > batch { Output.error("\(sent) statement(s) sent") }
        }
        for id in ids {
            let record = try store.read(id)
            let ledger = try SyncLedger.load(dataFolder: data, learner: id).includingLegacyIDs(
                of: record, exporter: exporter)
            let done = ledger.acknowledged[base.absoluteString] ?? []
            ledgers[id] = ledger
            for statement in exporter.statements(for: record) where !done.contains(statement.id) {
                queued.append((id, statement))
                if queued.count == batch { try flush() }
            }
            // A learner with nothing queued any more needs no ledger in memory.
            if !queued.contains(where: { $0.learner == id }) { ledgers[id] = nil }
        }
        try flush()
        if let folder = writeBatches {
            Output.line("wrote \(sent) statement(s) to \(folder), nothing sent")
        } else {
            Output.line("sent \(sent) statement(s) to \(base.absoluteString)")
        }
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

    /// The client for `--lrs` (else `lrs_url` from config.yaml) with credentials from the environment or the
    /// private config file, never from the command line.
    static func configured(endpoint: String?, settings: Settings, environment: [String: String]) throws -> LRSClient {
        guard let endpoint = endpoint ?? settings.lrsURL else {
            throw UsageFailure(
                "no LRS: pass --lrs URL or set lrs_url in \(SettingsFile.path(environment: environment))")
        }
        guard let base = URL(string: endpoint.hasSuffix("/") ? endpoint : endpoint + "/"),
            base.scheme == "http" || base.scheme == "https"
        else { throw UsageFailure("--lrs '\(endpoint)' is not an http(s) URL") }
        guard let user = environment["LERNPFAD_LRS_USER"] ?? settings.lrsUser,
            let password = environment["LERNPFAD_LRS_PASSWORD"] ?? settings.lrsPassword
        else {
            throw UsageFailure(
                "no LRS credentials: set LERNPFAD_LRS_USER and LERNPFAD_LRS_PASSWORD (never on the command line)")
        }
        return LRSClient(base: base, user: user, password: password)
    }

    func post(_ statements: [XAPIStatement]) throws {
        let url = base.appendingPathComponent("statements")
        let body = XAPIStatement.jsonData(statements, compact: true)
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

    /// Sends one request through `lernpfad-lrs`, which sits next to this binary.
    ///
    /// HTTP lives in that separate program so that libcurl is loaded only for LRS work, not at every start.
    private func send(url: URL, method: String, body: Data?) throws -> (Int, String) {
        let helper = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("lernpfad-lrs")
        let process = Process()
        process.executableURL = helper
        process.arguments = [method, url.absoluteString]
        var environment = ProcessInfo.processInfo.environment
        environment["LERNPFAD_LRS_USER"] = user
        environment["LERNPFAD_LRS_PASSWORD"] = password
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "\(helper.path): cannot start the LRS client (\(error.localizedDescription))")
        }
        input.fileHandleForWriting.write(body ?? Data())
        try? input.fileHandleForWriting.close()
        let response = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = problem.split(separator: "\n").first.map(String.init) ?? "no answer"
            throw Failure(description: "\(url.absoluteString): LRS not reachable (\(reason))")
        }
        let text = String(decoding: response, as: UTF8.self)
        let firstLine = text.prefix { $0 != "\n" }
        let rest = text.dropFirst(firstLine.count + 1)
        return (Int(firstLine) ?? 0, String(rest))
    }
}
