/// The stable name of a Chorus Pro operation (`soumettreFacture`, `rechercherStructure`…), as the platform's
/// specification names it. Logs, errors, retry rules and the fake server use it.
///
/// Each operation the SDK calls is declared once, next to the service that calls it (`Services/*/…Operations.swift`):
/// its name — the raw value, always equal to the Swift name — and where and how it is sent (its route). Two
/// ids are equal when their names are; an id made from a name alone (``init(rawValue:)``, a string literal) names an
/// operation for logs and errors but cannot be sent.
public struct OperationID: RawRepresentable, Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The operation name.
    public let rawValue: String
    /// Where and how the operation is sent; `nil` for ids that only name something (local checks, the token).
    package let route: Endpoint.Route?

    /// Creates an operation id that names an operation (for logs, errors and tests).
    public init(rawValue: String) {
        self.rawValue = rawValue
        route = nil
    }

    /// Creates an operation id from a literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// Declares a platform operation: its name, its API and path under `/cpro/<api>/v1/`, whether it may be sent twice
    /// (reads may; writes are sent again only when nothing left this machine), and the return codes that mean "no
    /// result" (an empty answer, not an error). Idempotency is declared, never inferred from the method: Chorus Pro
    /// sends reads as POST. `listKey` names the list an answer carries (`listeFactures`…) for operations that answer
    /// one. `afterLostAnswer`, for a write, tells the caller what to check before sending it again when its answer
    /// was lost (it becomes the advice of the `connectionLost` / `timedOut` error).
    package init(
        _ name: String, _ api: Endpoint.API, _ path: String, method: HTTPMethod = .post, idempotent: Bool = true,
        emptyResultCodes: Set<Int> = [], listKey: String? = nil, afterLostAnswer: String? = nil
    ) {
        rawValue = name
        route = Endpoint.Route(
            api: api, method: method, path: path, isIdempotent: idempotent, emptyResultCodes: emptyResultCodes,
            listKey: listKey, afterLostAnswer: afterLostAnswer)
    }

    /// The operation name.
    public var description: String { rawValue }

    /// Where and how to send it, when it is a declared platform operation.
    package var endpoint: Endpoint? { route.map { Endpoint(id: self, route: $0) } }

    /// The PISTE API this operation belongs to (Factures, Structures, Transverses, Utilisateurs,
    /// Engagements juridiques), used in advice about subscriptions.
    public var apiName: String { route?.api.displayName ?? "Chorus Pro" }

    /// Equal names, equal operations.
    public static func == (lhs: OperationID, rhs: OperationID) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Not an API call: a check made by the SDK before anything is sent.
    public static let validationLocale: OperationID = "validationLocale"
    /// The PISTE OAuth token request (its URL is the environment's, not a `/cpro/` path).
    public static let obtenirJetonOAuth: OperationID = "obtenirJetonOAuth"
}

// The names used before each Swift name became its operation's name.
extension OperationID {
    /// Renamed ``validationLocale``.
    @available(*, deprecated, renamed: "validationLocale")
    public static var localValidation: OperationID { .validationLocale }
    /// Renamed ``obtenirJetonOAuth``.
    @available(*, deprecated, renamed: "obtenirJetonOAuth")
    public static var token: OperationID { .obtenirJetonOAuth }
    /// Renamed ``recupererRattachementsMonCompteUtilisateur``.
    @available(*, deprecated, renamed: "recupererRattachementsMonCompteUtilisateur")
    public static var recupererRattachementsMonCompte: OperationID { .recupererRattachementsMonCompteUtilisateur }
    /// Renamed ``creerCompteGestionnaire``.
    @available(*, deprecated, renamed: "creerCompteGestionnaire")
    public static var creerCompte: OperationID { .creerCompteGestionnaire }
    /// Renamed ``activerCompteGestionnaire``.
    @available(*, deprecated, renamed: "activerCompteGestionnaire")
    public static var activerCompte: OperationID { .activerCompteGestionnaire }
    /// Renamed ``demanderRattachementStructure``.
    @available(*, deprecated, renamed: "demanderRattachementStructure")
    public static var demanderRattachement: OperationID { .demanderRattachementStructure }
    /// Renamed ``traiterDemandeRattachement``.
    @available(*, deprecated, renamed: "traiterDemandeRattachement")
    public static var traiterRattachement: OperationID { .traiterDemandeRattachement }
}
