import Foundation
import LernpfadCore

/// A minimal xAPI client that trusts the LRS with nothing it has not confirmed.
///
/// - It never follows a redirect: a 3xx is a failure that names both URLs, so credentials never travel to a
///   URL the user did not give and nothing is counted as stored that only reached a redirect.
/// - It follows `more` links only on the endpoint's own origin, never twice to the same page, and at most
///   `maxPages` pages.
/// - A 409 is confirmed by reading that statement back and comparing it; a 400 (or 413, 422) for a batch is
///   narrowed down by halving it, so one refused statement keeps only itself pending.
/// - Every request has an overall deadline and a cap on the answer's size, enforced by `lernpfad-lrs`; LRS
///   error bodies are shown escaped and shortened.
struct LRSClient {
    /// Why a request failed: what and which URL. The text is escaped: nothing the LRS sent reaches a terminal raw.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// What happened to a set of statements.
    struct Delivery {
        /// Ids the LRS stored, or confirmed it holds unchanged.
        var stored: [String] = []
        /// Ids the LRS refused, with its reason; they stay pending.
        var refused: [(id: String, reason: String)] = []
    }

    /// One HTTP answer, as `lernpfad-lrs` hands it over.
    struct Answer {
        var status: Int
        var location: String?
        var body: Data
    }

    /// The largest answer accepted; a page of 100 statements is a few hundred kilobytes.
    static let maxAnswerBytes = 16 << 20

    let endpoint: LRSEndpoint
    let user: String
    let password: String
    /// Seconds one request may take from start to last byte.
    var deadline: Double = 60
    /// The most pages `fetchAll` reads.
    var maxPages = 10_000

    var base: URL { endpoint.base }

    /// The client for `--lrs` (else `lrs_url` from config.yaml) with credentials from the environment or the
    /// private config file, never from the command line or the URL.
    static func configured(endpoint: String?, settings: Settings, environment: [String: String]) throws -> LRSClient {
        let configFile = SettingsFile.path(environment: environment)
        guard let text = endpoint ?? settings.lrsURL else {
            throw UsageFailure("no LRS: pass --lrs URL or set lrs_url in \(configFile)")
        }
        let checked: LRSEndpoint
        do {
            checked = try LRSEndpoint(text)
        } catch {
            throw UsageFailure((endpoint != nil ? "--lrs: " : "lrs_url in \(configFile): ") + error.description)
        }
        guard let user = environment["LERNPFAD_LRS_USER"] ?? settings.lrsUser,
            let password = environment["LERNPFAD_LRS_PASSWORD"] ?? settings.lrsPassword
        else {
            throw UsageFailure(
                "no LRS credentials: set LERNPFAD_LRS_USER and LERNPFAD_LRS_PASSWORD (never on the command line)")
        }
        return LRSClient(endpoint: checked, user: user, password: password)
    }

    // MARK: Writing

    /// Posts `statements`; what the LRS refuses is narrowed down to single statements and reported in the
    /// delivery, anything else that is not a success throws.
    func deliver(_ statements: [XAPIStatement]) throws -> Delivery {
        var delivery = Delivery()
        try deliver(statements[...], into: &delivery)
        return delivery
    }

    private func deliver(_ batch: ArraySlice<XAPIStatement>, into delivery: inout Delivery) throws {
        guard let first = batch.first else { return }
        let url = endpoint.statements
        let answer = try send(url: url, method: "POST", body: XAPIStatement.jsonData(Array(batch), compact: true))
        switch answer.status {
        case 200, 204:
            delivery.stored += batch.map(\.id)
        case let status where [400, 409, 413, 422].contains(status) && batch.count > 1:
            // An LRS refuses a whole batch for one statement: halve until the refused ones are alone.
            let middle = batch.startIndex + batch.count / 2
            try deliver(batch[..<middle], into: &delivery)
            try deliver(batch[middle...], into: &delivery)
        case 409:
            try confirm(first, into: &delivery)
        case 400, 413, 422:
            delivery.refused.append((first.id, "HTTP \(answer.status): \(Self.excerpt(answer.body))"))
        default:
            throw failure(url, answer)
        }
    }

    /// A 409 says "this id exists": acknowledged only when the LRS's copy is this very statement.
    private func confirm(_ statement: XAPIStatement, into delivery: inout Delivery) throws {
        let url = endpoint.statement(statement.id)
        let answer = try send(url: url, method: "GET", body: nil)
        switch answer.status {
        case 200:
            guard let held = XAPIStatement.readBack(from: answer.body) else {
                delivery.refused.append((statement.id, "HTTP 409, and the LRS returns no statement with this id"))
                return
            }
            if held.hasSameContent(as: statement) {
                delivery.stored.append(statement.id)
            } else {
                delivery.refused.append((statement.id, "HTTP 409: the LRS holds a different statement with this id"))
            }
        case 404:
            delivery.refused.append((statement.id, "HTTP 409, and the LRS returns no statement with this id"))
        default:
            throw failure(url, answer)
        }
    }

    // MARK: Reading

    /// Every statement the LRS holds, following `more` links page by page on the endpoint's origin.
    func fetchAll() throws -> [XAPIStatement] {
        struct Page: Decodable {
            var statements: [XAPIStatement]
            var more: String?
        }
        var statements: [XAPIStatement] = []
        var visited = Set<String>()
        var next: URL? = endpoint.statements
        while let url = next {
            guard visited.insert(url.absoluteString).inserted else {
                throw Failure(
                    description: "\(Self.show(url)): the LRS's more link leads back to a page already read "
                        + "(after \(visited.count) page(s)); stopped")
            }
            guard visited.count <= maxPages else {
                throw Failure(
                    description: "\(Self.show(url)): the LRS has more than \(maxPages) pages of statements; stopped")
            }
            let answer = try send(url: url, method: "GET", body: nil)
            guard answer.status == 200 else { throw failure(url, answer) }
            let page: Page
            do {
                page = try JSONDecoder().decode(Page.self, from: answer.body)
            } catch {
                throw Failure(
                    description: "\(Self.show(url)): not a statement result: \(Self.excerpt(answer.body, limit: 80))")
            }
            statements += page.statements
            guard let more = page.more, !more.isEmpty else { break }
            do {
                next = try endpoint.resolveMore(more, from: url)
            } catch {
                throw Failure(description: "\(Self.show(url)): \(error.description)")
            }
        }
        return statements
    }

    // MARK: Transport

    /// The failure for an answer that is neither success nor something the caller handles.
    private func failure(_ url: URL, _ answer: Answer) -> Failure {
        if (300...399).contains(answer.status) {
            let target = answer.location.map { Self.show($0) } ?? "no Location"
            return Failure(
                description: "\(Self.show(url)): the LRS redirects (HTTP \(answer.status)) to \(target); lernpfad "
                    + "follows no redirects, so nothing was sent there: give the URL that answers itself")
        }
        return Failure(description: "\(Self.show(url)): HTTP \(answer.status): \(Self.excerpt(answer.body))")
    }

    /// The start of an LRS's body, escaped: at most `limit` characters on one line.
    static func excerpt(_ body: Data, limit: Int = 200) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        let line = text.isEmpty ? "(empty body)" : text
        return line.escapedForMessage(limit: limit)
    }

    /// A URL for a message, escaped (a Location or more link is the LRS's text).
    static func show(_ url: URL) -> String { show(url.absoluteString) }

    static func show(_ text: String) -> String { text.escapedForMessage(limit: 300) }

    /// Sends one request through `lernpfad-lrs`, which sits next to this binary.
    ///
    /// HTTP lives in that separate program so that libcurl is loaded only for LRS work, not at every start.
    /// Credentials travel in its environment, never on its command line. It dies with this process, and is
    /// killed should it outlive its own deadline.
    private func send(url: URL, method: String, body: Data?) throws -> Answer {
        let helper = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("lernpfad-lrs")
        let process = Process()
        process.executableURL = helper
        process.arguments = [
            "--deadline", String(deadline), "--max-bytes", String(Self.maxAnswerBytes), "--parent",
            String(getpid()), method, url.absoluteString,
        ]
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
        let watchdog = DispatchWorkItem { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline + 5, execute: watchdog)
        defer { watchdog.cancel() }
        input.fileHandleForWriting.write(body ?? Data())
        try? input.fileHandleForWriting.close()
        let response = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let answer = Self.parse(response) else {
            let reason = problem.split(separator: "\n").first.map(String.init) ?? "the LRS client stopped"
            throw Failure(description: "\(Self.show(url)): \(reason.escapedForMessage(limit: 300))")
        }
        return answer
    }

    /// Reads `status CODE`, an optional `location URL` and an empty line, then the body.
    static func parse(_ output: Data) -> Answer? {
        guard let end = output.firstRange(of: Data("\n\n".utf8)) else { return nil }
        var answer = Answer(status: 0, location: nil, body: output[end.upperBound...])
        for line in String(decoding: output[..<end.lowerBound], as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("status "), let status = Int(line.dropFirst(7)) { answer.status = status }
            if line.hasPrefix("location ") { answer.location = String(line.dropFirst(9)) }
        }
        return answer.status == 0 ? nil : answer
    }
}
