import Foundation
import Yams

/// Settings from `$XDG_CONFIG_HOME/lernpfad/config.yaml`: the xAPI home page, the LRS and its credentials, the
/// default team and who the user is (`identity`, the attester for `lernpfad attest`).
public struct Settings: Sendable, Equatable {
    /// The organisation's lernpfad home page: xAPI accounts and activity IRIs live under it.
    public var homePage: String
    /// The Learning Record Store's xAPI endpoint.
    public var lrsURL: String?
    /// The LRS user, if the file holds it (the file must then be private, mode 0600).
    public var lrsUser: String?
    /// The LRS password, if the file holds it.
    public var lrsPassword: String?
    /// The default team for `lernpfad team`.
    public var team: String?
    /// Who the person using this installation is, e.g. `ben`: `lernpfad attest` records it as the attester.
    public var identity: String?

    /// The home page used until an organisation sets its own (`.invalid` is reserved and never resolves).
    public static let defaultHomePage = "https://lernpfad.invalid"

    /// Defaults: the placeholder home page and no LRS.
    public init(homePage: String = Settings.defaultHomePage, lrsURL: String? = nil, team: String? = nil) {
        self.homePage = homePage
        self.lrsURL = lrsURL
        self.team = team
    }

    /// Parses config.yaml; `file` is only for messages. Unknown keys are errors, as in content files.
    public static func parse(_ text: String, file: String) -> Result<Settings, Diagnostic> {
        let sink = DiagnosticSink()
        var settings = Settings()
        guard !text.allSatisfy(\.isWhitespace) else { return .success(settings) }
        guard let node = YAMLDocument.parse(text, file: file, sink: sink),
            let reader = MappingReader(node, file: file, what: "config.yaml", languages: [], sink: sink)
        else { return .failure(sink.diagnostics.first ?? Diagnostic(.error, file, "cannot read")) }
        if let homePage = reader.string("home_page", required: false) {
            if homePage.hasPrefix("https://") || homePage.hasPrefix("http://") {
                settings.homePage = homePage
            } else {
                sink.error(file, reader.node("home_page")?.sourceMark, "home_page must be an http(s) URL")
            }
        }
        settings.lrsURL = reader.string("lrs_url", required: false)
        settings.lrsUser = reader.string("lrs_user", required: false)
        settings.lrsPassword = reader.string("lrs_password", required: false)
        settings.team = reader.string("team", required: false)
        if let identity = reader.string("identity", required: false) {
            let trimmed = identity.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                sink.error(file, reader.node("identity")?.sourceMark, "identity must not be empty")
            } else {
                settings.identity = trimmed
            }
        }
        reader.finish(what: "config.yaml")
        if let first = sink.diagnostics.first(where: { $0.severity == .error }) { return .failure(first) }
        return .success(settings)
    }
}
