/// Where and how one operation is called, and whether it may be sent twice.
///
/// Paths come from §4 of `Documentation/PlatformReference.md`. Idempotency is declared here, per operation, never
/// inferred from the method: Chorus Pro sends reads as POST, and re-sending a write after an ambiguous
/// failure can create a duplicate invoice.
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

    package let id: OperationID
    package let api: API
    package let method: HTTPMethod
    /// The path under `/cpro/<api>/v1/`.
    package let operationPath: String
    /// Reads may be sent again after any failure; writes only when nothing left this machine.
    package let isIdempotent: Bool
    /// Return codes that mean "no result" for this operation: an empty answer, not an error.
    package let emptyResultCodes: Set<Int>

    package init(_ id: OperationID, _ api: API, _ operationPath: String, method: HTTPMethod = .post,
                 idempotent: Bool = true, emptyResultCodes: Set<Int> = []) {
        self.id = id
        self.api = api
        self.method = method
        self.operationPath = operationPath
        self.isIdempotent = idempotent
        self.emptyResultCodes = emptyResultCodes
    }

    /// `/cpro/<api>/v1/<operation>` (`/portail/v1/<operation>` for the portal steps).
    package var path: String {
        api == .portail ? "/portail/v1/\(operationPath)" : "/cpro/\(api.rawValue)/v1/\(operationPath)"
    }

    package static func named(_ id: OperationID) -> Endpoint? { catalogue[id] }

    // 20000 `TRA_MSG_00.015` is the platform's "the search returned no result" (§7.2); searches treat it
    // as an empty list, since §12 leaves open whether "not found" is an empty list or that code.
    private static let noResult: Set<Int> = [20000]
    // 20007 `GFT_MSG_01.075` is the works invoice search's "no result" (§7.2).
    private static let noWorksResult: Set<Int> = [20007]

    package static let catalogue: [OperationID: Endpoint] = Dictionary(uniqueKeysWithValues: [
        Endpoint(.healthCheck, .transverses, "health-check", method: .get),
        Endpoint(.recupererDevises, .transverses, "recuperer/devises"),
        Endpoint(.recupererTauxTva, .transverses, "recuperer/tauxtva"),
        Endpoint(.recupererCadreFacturation, .transverses, "recuperer/cadrefacturation"),
        Endpoint(.recupererModeReglements, .transverses, "recuperer/modereglements"),
        Endpoint(.recupererMotifsExonerationTva, .transverses, "recuperer/motifs/exonerationtva"),
        Endpoint(.recupererPays, .transverses, "recuperer/pays"),
        Endpoint(.recupererTypeIdentifiantStructure, .transverses, "recuperer/typeidentifiant/structure"),
        Endpoint(.recupererCoordonneesBancairesValides, .transverses, "recuperer/coordbanc/valides",
                 emptyResultCodes: noResult),
        Endpoint(.recupererStructuresActivesPourFournisseur, .transverses,
                 "recuperer/structures/actives/fournisseur", emptyResultCodes: noResult),
        Endpoint(.ajouterFichierDansSysteme, .transverses, "ajouter/fichier", idempotent: false),
        Endpoint(.consulterCR, .transverses, "consulterCR"),
        Endpoint(.consulterCRDetaille, .transverses, "consulterCRDetaille"),
        Endpoint(.rechercherStructure, .structures, "rechercher", emptyResultCodes: noResult),
        Endpoint(.consulterStructure, .structures, "consulter"),
        Endpoint(.rechercherServicesStructure, .structures, "rechercher/services", emptyResultCodes: noResult),
        Endpoint(.consulterServiceStructure, .structures, "consulter/service"),
        Endpoint(.recupererRattachementsMonCompte, .utilisateurs, "monCompte/recuperer/rattachements",
                 emptyResultCodes: noResult),
        Endpoint(.rechercherEngagementJuridique, .engagementsJuridiques, "rechercher",
                 emptyResultCodes: noResult),
        Endpoint(.deposerFluxFacture, .factures, "deposer/flux", idempotent: false),
        Endpoint(.deposerPdfFacture, .factures, "deposer/pdf", idempotent: false),
        Endpoint(.soumettreFacture, .factures, "soumettre", idempotent: false),
        Endpoint(.completerFacture, .factures, "completer", idempotent: false),
        Endpoint(.recyclerFacture, .factures, "recycler", idempotent: false),
        Endpoint(.rechercherFactureParFournisseur, .factures, "rechercher/fournisseur",
                 emptyResultCodes: noResult),
        Endpoint(.consulterFactureParFournisseur, .factures, "consulter/fournisseur"),
        Endpoint(.consulterHistoriqueFacture, .factures, "consulter/historique"),
        Endpoint(.telechargerGroupeFacture, .factures, "telecharger/groupe"),
        Endpoint(.rechercherFactureParRecipiendaire, .factures, "rechercher/recipiendaire", emptyResultCodes: noResult),
        Endpoint(.consulterFactureParRecipiendaire, .factures, "consulter/recipiendaire"),
        Endpoint(.traiterFactureRecue, .factures, "traiter/recue", idempotent: false),
        Endpoint(.rechercherFactureParValideur, .factures, "rechercher/valideur", emptyResultCodes: noResult),
        Endpoint(.consulterFactureParValideur, .factures, "consulter/valideur"),
        Endpoint(.traiterFactureAValider, .factures, "traiter/factureAValider", idempotent: false),
        Endpoint(.recupererStatutsFactureVisiblesParValideur, .factures, "recuperer/statutsFactureVisibles/valideur"),
        Endpoint(.traiterFacturesRejetees, .factures, "traiterRejet", idempotent: false),
        Endpoint(.corrigerValideurFacture, .factures, "corriger/valideur/facture", idempotent: false),
        Endpoint(.rechercherDemandePaiement, .factures, "rechercher/demandePaiement", emptyResultCodes: noResult),
        Endpoint(.rechercherFactureTravaux, .facturesTravaux, "rechercher", emptyResultCodes: noWorksResult),
        Endpoint(.recupererTypeFactureTravaux, .transverses, "recuperer/typefacturetravaux"),
        Endpoint(.recupererStructuresActivesPourFactureTravaux, .transverses, "recuperer/structures/actives/facturetravaux",
                 emptyResultCodes: noResult),
        Endpoint(.recupererStructuresActivesPourDestinataire, .transverses, "recuperer/structures/actives/destinataire",
                 emptyResultCodes: noResult),
        Endpoint(.recupererEtatsPossiblesPourTraitement, .transverses, "recuperer/etats/traitement"),
        Endpoint(.telechargerAnnuaireDestinataire, .transverses, "telecharger/annuaire/destinataire"),
        Endpoint(.consulterInformationsSIRET, .transverses, "consulter/information/siret"),
        Endpoint(.creerCompte, .portail, "comptes/creer", idempotent: false),
        Endpoint(.activerCompte, .portail, "comptes/activer", idempotent: false),
        Endpoint(.connexionPortail, .portail, "connexion", idempotent: false),
        Endpoint(.demanderRattachement, .portail, "rattachements/demander", idempotent: false),
        Endpoint(.listerRattachementsPortail, .portail, "rattachements/lister"),
        Endpoint(.traiterRattachement, .portail, "rattachements/traiter", idempotent: false),
        Endpoint(.creerCompteTechnique, .portail, "comptesTechniques/creer", idempotent: false),
    ].map { ($0.id, $0) })
}
