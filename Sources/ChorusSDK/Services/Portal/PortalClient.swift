import Foundation

/// Calls the portal steps that PISTE does not expose (DESIGN.md, "Portal-only steps").
///
/// Only a custom environment (ChorusMock) serves them, under `/portail/v1/`. Against the sandbox or
/// production every call throws ``ChorusError/Code/portalOnly`` before anything is sent, naming the portal
/// page where a person does the step. Portal calls carry no PISTE credentials and are never retried.
package struct PortalClient: Sendable {
    let environment: ChorusEnvironment
    let transport: DeadlineTransport
    let classifier: ResponseClassifier

    /// Where each step is done on the real portal.
    static func portalPage(for operation: OperationID, environment: ChorusEnvironment) -> String {
        let portal = environment.kind == .sandbox ? "https://chorus-pro.gouv.fr/qualif" : "https://chorus-pro.gouv.fr"
        let page: String = switch operation {
        case .creerCompteGestionnaire: "« Créer un compte » on the home page"
        case .activerCompteGestionnaire: "the activation link of the e-mail Chorus Pro sent"
        case .connexionPortail: "« Se connecter » on the home page"
        case .demanderRattachementStructure: "« Mon compte » → « Mes structures » → « Demander un rattachement »"
        case .listerRattachementsPortail, .traiterDemandeRattachement: "« Gérer mes structures » → « Demandes de rattachement »"
        case .creerCompteTechnique: "« Gérer mes structures » → « Raccordement EDI/API » (technical account and API connection)"
        default: "the portal"
        }
        return "\(page) at \(portal)"
    }

    package func call<Response: Decodable>(_ operation: OperationID, _ body: WireObject,
                                           session: PortalSession? = nil) async throws -> Response {
        guard environment.servesPortalSteps else {
            throw ChorusError(.portalOnly, operation: operation,
                              message: "PISTE exposes no API for this step; do it in the Chorus Pro portal: "
                                  + Self.portalPage(for: operation, environment: environment) + ".")
        }
        guard let endpoint = operation.endpoint else {
            throw ChorusError(.configuration, operation: operation, message: "unknown portal step")
        }
        var headers: HTTPHeaders = ["Content-Type": "application/json;charset=utf-8", "Accept": "application/json"]
        if let session { headers["portail-session"] = session.token }
        let data: Data
        do { data = try RequestPipeline.encoder.encode(body) } catch {
            throw ChorusError(.invalidInput, operation: operation, message: "the request could not be encoded")
        }
        let request = HTTPRequest(method: .post, url: environment.url(forPath: endpoint.path), headers: headers, body: data,
                                  isIdempotent: endpoint.isIdempotent)
        let response = try classifier.classify(try await transport.send(request, operation: operation), endpoint: endpoint)
        do {
            return try JSONDecoder().decode(Response.self, from: response.body)
        } catch {
            throw ChorusError(.decodingFailed, operation: operation, message: "the portal's answer could not be read.",
                              httpStatus: response.status, responseBody: classifier.scrubber.excerpt(of: response.body),
                              underlyingError: DecodingFailure(error, scrub: classifier.scrubber.scrub))
        }
    }
}

/// A signed-in manager's portal session. Its description never shows the session token.
public struct PortalSession: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package let token: String
    /// The manager account's id on the portal.
    public let accountID: Int?

    /// Creates a session (for stubs and tests; the SDK makes real ones when signing in). The token is never printed.
    public init(token: String, accountID: Int?) {
        self.token = token
        self.accountID = accountID
    }

    /// A mirror without the session token.
    public var customMirror: Mirror { Mirror(self, children: ["accountID": accountID as Any, "token": "<redacted>"], displayStyle: .struct) }
    /// `PortalSession(<redacted>)`.
    public var description: String { "PortalSession(account: \(accountID.map(String.init) ?? "?"), token: <redacted>)" }
    /// Same as ``description``.
    public var debugDescription: String { description }
}
