import Foundation

/// Which platform the client talks to: the PISTE sandbox ("qualification"), production, or a custom
/// pair of URLs (ChorusMock's fake server, a proxy).
///
/// Hosts from §2.1 of the reference: OAuth at `https://sandbox-oauth.piste.gouv.fr/api/oauth/token`
/// and `https://oauth.piste.gouv.fr/api/oauth/token`; API at `https://sandbox-api.piste.gouv.fr` and
/// `https://api.piste.gouv.fr`.
public struct ChorusEnvironment: Sendable, Hashable, CustomStringConvertible {
    /// What kind of environment this is.
    public enum Kind: String, Sendable, Hashable {
        /// The PISTE sandbox (Chorus Pro "qualification"), with fictitious data.
        case sandbox
        /// Production.
        case production
        /// Custom URLs, typically a fake server.
        case custom
    }

    /// What kind of environment this is.
    public let kind: Kind
    /// The API base URL; paths `/cpro/<api>/v1/…` are appended to it.
    public let apiBaseURL: URL
    /// The full OAuth token endpoint URL.
    public let oauthURL: URL

    private init(kind: Kind, apiBaseURL: URL, oauthURL: URL) {
        self.kind = kind
        self.apiBaseURL = apiBaseURL
        self.oauthURL = oauthURL
    }

    /// The PISTE sandbox.
    public static let sandbox = ChorusEnvironment(
        kind: .sandbox, apiBaseURL: constantURL("https://sandbox-api.piste.gouv.fr"),
        oauthURL: constantURL("https://sandbox-oauth.piste.gouv.fr/api/oauth/token"))

    /// Production.
    public static let production = ChorusEnvironment(
        kind: .production, apiBaseURL: constantURL("https://api.piste.gouv.fr"),
        oauthURL: constantURL("https://oauth.piste.gouv.fr/api/oauth/token"))

    /// Custom URLs, for ChorusMock's server or a proxy. Plain `http://` is accepted only for loopback
    /// hosts (`127.0.0.0/8`, `::1`, `localhost`); ``validate()`` (run by `ChorusClient.init`) refuses the rest.
    public static func custom(apiBaseURL: URL, oauthURL: URL) -> ChorusEnvironment {
        ChorusEnvironment(kind: .custom, apiBaseURL: apiBaseURL, oauthURL: oauthURL)
    }

    /// A custom environment served from one base URL, with the token endpoint where PISTE and ChorusMock have it
    /// (`<base>/api/oauth/token`): `.custom(baseURL: URL(string: "http://127.0.0.1:8787")!)` for `chorus-mock-server`.
    public static func custom(baseURL: URL) -> ChorusEnvironment {
        custom(apiBaseURL: baseURL, oauthURL: baseURL.appendingPathComponent("api/oauth/token"))
    }

    /// The environment the process's variables name: `CHORUS_API_URL` (and optionally `CHORUS_OAUTH_URL`, else derived
    /// as in ``custom(baseURL:)``) give a custom environment; without them, `fallback` (the sandbox by default).
    ///
    /// - Throws: ``ChorusError/Code/configuration`` when a URL does not parse, or `CHORUS_OAUTH_URL` comes without
    ///   `CHORUS_API_URL`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                                       prefix: String = "CHORUS_", fallback: ChorusEnvironment = .sandbox) throws -> ChorusEnvironment {
        func url(_ name: String) throws -> URL? {
            guard let text = environment[prefix + name], !text.isEmpty else { return nil }
            guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
                throw ChorusError(.configuration, operation: .obtenirJetonOAuth, message: "\(prefix + name) is not an absolute URL: \(text)",
                                  field: prefix + name, rule: "url")
            }
            return url
        }
        let api = try url("API_URL"), oauth = try url("OAUTH_URL")
        switch (api, oauth) {
        case (let api?, let oauth?): return .custom(apiBaseURL: api, oauthURL: oauth)
        case (let api?, nil): return .custom(baseURL: api)
        case (nil, _?):
            throw ChorusError(.configuration, operation: .obtenirJetonOAuth, message: "\(prefix)OAUTH_URL is set without \(prefix)API_URL",
                              field: prefix + "API_URL", rule: "required")
        case (nil, nil): return fallback
        }
    }

    /// Whether the portal-only steps (account creation, affiliation) can be called here: only a
    /// custom environment (ChorusMock) implements them.
    public var servesPortalSteps: Bool { kind == .custom }

    /// Checks both URLs: `https`, or `http` to a loopback host.
    public func validate() throws {
        for (name, url) in [("apiBaseURL", apiBaseURL), ("oauthURL", oauthURL)] {
            let scheme = url.scheme?.lowercased()
            guard scheme == "https" || (scheme == "http" && Self.isLoopback(url.host)) else {
                throw ChorusError(.configuration, operation: .obtenirJetonOAuth,
                                  message: "\(name) \(url.absoluteString) must use https (plain http is allowed only for loopback hosts).",
                                  field: name, rule: "https, or http to a loopback host")
            }
        }
    }

    /// `127.0.0.0/8`, `::1` and `localhost`.
    package static func isLoopback(_ host: String?) -> Bool {
        guard let host = host?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")) else { return false }
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// The URL of an API path.
    package func url(forPath path: String) -> URL {
        apiBaseURL.appendingPathComponent(String(path.drop { $0 == "/" }))
    }

    /// `sandbox`, `production` or `custom(<api base>)`.
    public var description: String {
        kind == .custom ? "custom(\(apiBaseURL.absoluteString))" : kind.rawValue
    }
}

/// A URL from a literal known to be valid.
private func constantURL(_ literal: String) -> URL {
    guard let url = URL(string: literal) else { preconditionFailure("invalid URL literal \(literal)") }
    return url
}
