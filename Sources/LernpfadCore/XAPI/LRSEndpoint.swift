import Foundation

/// An LRS's xAPI base URL, checked before anything is sent: http or https, and no user name or password in it.
///
/// Credentials go only to this URL's origin (scheme, host and port). A URL with `user:password@` is refused
/// rather than cleaned: it would otherwise be printed in messages, handed to the HTTP helper on its command
/// line and stored as a sync-ledger key in the shared data folder.
public struct LRSEndpoint: Sendable, Equatable {
    /// Why a URL cannot be an LRS endpoint. The description never repeats a URL that holds credentials.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        /// Not an absolute http(s) URL with a host.
        case notHTTP(String)
        /// The URL holds a user name or password.
        case holdsCredentials

        /// One line that says what is wrong.
        public var description: String {
            switch self {
            case .notHTTP(let text):
                return "'\(text.sanitizedForMessage)' is not an http(s) URL"
            case .holdsCredentials:
                return "the URL holds a user name or password, which lernpfad never prints, passes on or stores; "
                    + "give the URL without them and set LERNPFAD_LRS_USER and LERNPFAD_LRS_PASSWORD"
            }
        }
    }

    /// Why a `more` link of a statement result is not followed.
    public enum MoreRefusal: Error, Equatable, CustomStringConvertible {
        /// Not a URL reference lernpfad can resolve to http(s).
        case notAURL(String)
        /// It leads to another scheme, host or port, which would receive the credentials.
        case foreignOrigin(String)
        /// It holds a user name or password.
        case holdsCredentials

        /// One line that says what is wrong.
        public var description: String {
            switch self {
            case .notAURL(let text): return "its more link '\(text.sanitizedForMessage)' is not a URL"
            case .foreignOrigin(let url):
                return "its more link leads to another origin (\(url.sanitizedForMessage)), which would receive "
                    + "the credentials; lernpfad follows more links only on the LRS's own origin"
            case .holdsCredentials: return "its more link holds a user name or password"
            }
        }
    }

    /// The base URL, ending in `/`.
    public let base: URL

    /// Checks `text`; a missing final `/` is added.
    public init(_ text: String) throws(Refusal) {
        // Checked on the raw text first: a URL that fails to parse must not be echoed with its password either.
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@"),
            !text[scheme.upperBound..<at].contains("/")
        {
            throw .holdsCredentials
        }
        guard let url = URL(string: text.hasSuffix("/") ? text : text + "/"), Self.isHTTP(url) else {
            throw .notHTTP(text)
        }
        guard url.user == nil, url.password == nil else { throw .holdsCredentials }
        base = url
    }

    /// `URL + "statements"`, the statements resource.
    public var statements: URL { base.appendingPathComponent("statements") }

    /// The statements resource with `statementId=id`: where one statement is read back.
    public func statement(_ id: String) -> URL {
        var components = URLComponents(url: statements, resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "statementId", value: id)]
        return components.url!
    }

    /// Whether `url` has the base's scheme, host and port (a missing port counts as the scheme's default).
    public func isSameOrigin(_ url: URL) -> Bool {
        Self.origin(url) == Self.origin(base)
    }

    /// The page a `more` link of the page at `page` leads to, resolved as a URL reference; only on this origin.
    public func resolveMore(_ more: String, from page: URL) throws(MoreRefusal) -> URL {
        guard let url = URL(string: more, relativeTo: page)?.absoluteURL, Self.isHTTP(url) else {
            throw .notAURL(more)
        }
        guard url.user == nil, url.password == nil else { throw .holdsCredentials }
        guard isSameOrigin(url) else { throw .foreignOrigin(url.absoluteString) }
        return url
    }

    private static func isHTTP(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return !(url.host ?? "").isEmpty
    }

    private static func origin(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\((url.host ?? "").lowercased()):\(port)"
    }
}
