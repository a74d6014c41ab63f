/// Where and how one operation is called, and whether it may be sent twice: an ``OperationID`` with its route.
/// Routes are declared with the operation (`Services/*/…Operations.swift`); paths come from §4 of
/// `Documentation/PlatformReference.md`.
package struct Endpoint: Sendable {
    /// The PISTE API an operation belongs to.
    package enum API: String, Sendable {
        case factures, structures, transverses, utilisateurs, engagementsJuridiques
        /// Works invoices (`/cpro/facturesTravaux/v1/`).
        case facturesTravaux
        /// Not PISTE: the portal steps, served only by ChorusMock (`/portail/v1/`).
        case portail

        var displayName: String {
            switch self {
            case .factures: "Factures"
            case .structures: "Structures"
            case .transverses: "Transverses"
            case .utilisateurs: "Utilisateurs"
            case .engagementsJuridiques: "Engagements juridiques"
            case .facturesTravaux: "Factures travaux"
            case .portail: "Chorus Pro portal"
            }
        }
    }

    /// The declared facts of an operation's call.
    package struct Route: Sendable {
        package let api: API
        package let method: HTTPMethod
        /// The path under `/cpro/<api>/v1/`.
        package let path: String
        /// Reads may be sent again after any failure; writes only when nothing left this machine.
        package let isIdempotent: Bool
        /// Return codes that mean "no result" for this operation: an empty answer, not an error.
        package let emptyResultCodes: Set<Int>
        /// The key of the list the answer carries (`listeFactures`, `listeStructures`…), for list operations.
        package let listKey: String?
        /// For a write: what the caller can check when its answer was lost (the advice of a `connectionLost` or
        /// `timedOut` error), declared with the operation.
        package let afterLostAnswer: String?
    }

    package let id: OperationID
    package let route: Route

    package var api: API { route.api }
    package var method: HTTPMethod { route.method }
    package var operationPath: String { route.path }
    package var isIdempotent: Bool { route.isIdempotent }
    package var emptyResultCodes: Set<Int> { route.emptyResultCodes }

    /// `/cpro/<api>/v1/<operation>` (`/portail/v1/<operation>` for the portal steps).
    package var path: String {
        api == .portail ? "/portail/v1/\(operationPath)" : "/cpro/\(api.rawValue)/v1/\(operationPath)"
    }
}

extension Set<Int> {
    /// 20000 `TRA_MSG_00.015`, the platform's "the search returned no result" (§7.2): searches treat it as an empty
    /// list, since §12 leaves open whether "not found" is an empty list or that code.
    package static let searchFoundNothing: Set<Int> = [20000]
    /// 20007 `GFT_MSG_01.075`, the works invoice search's "no result" (§7.2).
    package static let worksSearchFoundNothing: Set<Int> = [20007]
}
