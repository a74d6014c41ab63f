/// The stable name of a Chorus Pro operation (`soumettreFacture`, `rechercherStructure`…), as the
/// platform's specification names it. Logs, errors, retry rules and the fake server use it.
public struct OperationID: RawRepresentable, Sendable, Hashable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The operation name.
    public let rawValue: String
    /// Creates an operation id.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates an operation id from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The operation name.
    public var description: String { rawValue }

    /// The PISTE API this operation belongs to (Factures, Structures, Transverses, Utilisateurs,
    /// Engagements juridiques), used in advice about subscriptions.
    public var apiName: String { Endpoint.catalogue[self]?.api.displayName ?? "Chorus Pro" }

    /// Not an API call: a check made by the SDK before anything is sent.
    public static let localValidation: OperationID = "validationLocale"
    /// The PISTE OAuth token request.
    public static let token: OperationID = "obtenirJetonOAuth"
    /// `GET /cpro/transverses/v1/health-check`.
    public static let healthCheck: OperationID = "healthCheck"
    /// `transverses/v1/recuperer/devises`.
    public static let recupererDevises: OperationID = "recupererDevises"
    /// `transverses/v1/recuperer/tauxtva`.
    public static let recupererTauxTva: OperationID = "recupererTauxTva"
    /// `transverses/v1/recuperer/cadrefacturation`.
    public static let recupererCadreFacturation: OperationID = "recupererCadreFacturation"
    /// `transverses/v1/recuperer/modereglements`.
    public static let recupererModeReglements: OperationID = "recupererModeReglements"
    /// `transverses/v1/recuperer/motifs/exonerationtva`.
    public static let recupererMotifsExonerationTva: OperationID = "recupererMotifsExonerationTva"
    /// `transverses/v1/recuperer/pays`.
    public static let recupererPays: OperationID = "recupererPays"
    /// `transverses/v1/recuperer/typeidentifiant/structure`.
    public static let recupererTypeIdentifiantStructure: OperationID = "recupererTypeIdentifiantStructure"
    /// `transverses/v1/recuperer/coordbanc/valides`.
    public static let recupererCoordonneesBancairesValides: OperationID = "recupererCoordonneesBancairesValides"
    /// `transverses/v1/recuperer/structures/actives/fournisseur`.
    public static let recupererStructuresActivesPourFournisseur: OperationID =
        "recupererStructuresActivesPourFournisseur"
    /// `transverses/v1/ajouter/fichier`.
    public static let ajouterFichierDansSysteme: OperationID = "ajouterFichierDansSysteme"
    /// `transverses/v1/consulterCR`.
    public static let consulterCR: OperationID = "consulterCR"
    /// `transverses/v1/consulterCRDetaille`.
    public static let consulterCRDetaille: OperationID = "consulterCRDetaille"
    /// `structures/v1/rechercher`.
    public static let rechercherStructure: OperationID = "rechercherStructure"
    /// `structures/v1/consulter`.
    public static let consulterStructure: OperationID = "consulterStructure"
    /// `structures/v1/rechercher/services`.
    public static let rechercherServicesStructure: OperationID = "rechercherServicesStructure"
    /// `structures/v1/consulter/service`.
    public static let consulterServiceStructure: OperationID = "consulterServiceStructure"
    /// `utilisateurs/v1/monCompte/recuperer/rattachements`.
    public static let recupererRattachementsMonCompte: OperationID =
        "recupererRattachementsMonCompteUtilisateur"
    /// `engagementsJuridiques/v1/rechercher`.
    public static let rechercherEngagementJuridique: OperationID = "rechercherEngagementJuridique"
    /// `factures/v1/deposer/flux`.
    public static let deposerFluxFacture: OperationID = "deposerFluxFacture"
    /// `factures/v1/deposer/pdf`.
    public static let deposerPdfFacture: OperationID = "deposerPdfFacture"
    /// `factures/v1/soumettre`.
    public static let soumettreFacture: OperationID = "soumettreFacture"
    /// `factures/v1/completer`.
    public static let completerFacture: OperationID = "completerFacture"
    /// `factures/v1/recycler`.
    public static let recyclerFacture: OperationID = "recyclerFacture"
    /// `factures/v1/rechercher/fournisseur`.
    public static let rechercherFactureParFournisseur: OperationID = "rechercherFactureParFournisseur"
    /// `factures/v1/consulter/fournisseur`.
    public static let consulterFactureParFournisseur: OperationID = "consulterFactureParFournisseur"
    /// `factures/v1/consulter/historique`.
    public static let consulterHistoriqueFacture: OperationID = "consulterHistoriqueFacture"
    /// `factures/v1/telecharger/groupe`.
    public static let telechargerGroupeFacture: OperationID = "telechargerGroupeFacture"
    /// `rechercher/recipiendaire`: the public body's received invoices.
    public static let rechercherFactureParRecipiendaire: OperationID = "rechercherFactureParRecipiendaire"
    /// `consulter/recipiendaire`.
    public static let consulterFactureParRecipiendaire: OperationID = "consulterFactureParRecipiendaire"
    /// `traiter/recue`: the public body moves a received invoice on.
    public static let traiterFactureRecue: OperationID = "traiterFactureRecue"
    /// `rechercher/valideur`.
    public static let rechercherFactureParValideur: OperationID = "rechercherFactureParValideur"
    /// `consulter/valideur`.
    public static let consulterFactureParValideur: OperationID = "consulterFactureParValideur"
    /// `traiter/factureAValider`: a validator validates or refuses.
    public static let traiterFactureAValider: OperationID = "traiterFactureAValider"
    /// `recuperer/statutsFactureVisibles/valideur`.
    public static let recupererStatutsFactureVisiblesParValideur: OperationID = "recupererStatutsFactureVisiblesParValideur"
    /// `traiterRejet`: the supplier acknowledges rejections.
    public static let traiterFacturesRejetees: OperationID = "traiterFacturesRejetees"
    /// `corriger/valideur/facture`: the supplier names the right validator.
    public static let corrigerValideurFacture: OperationID = "corrigerValideurFacture"
    /// `rechercher/demandePaiement` (not served on qualification).
    public static let rechercherDemandePaiement: OperationID = "rechercherDemandePaiement"
    /// `facturesTravaux/v1/rechercher`.
    public static let rechercherFactureTravaux: OperationID = "rechercherFactureTravaux"
    /// `recuperer/typefacturetravaux`.
    public static let recupererTypeFactureTravaux: OperationID = "recupererTypeFactureTravaux"
    /// `recuperer/structures/actives/facturetravaux`.
    public static let recupererStructuresActivesPourFactureTravaux: OperationID = "recupererStructuresActivesPourFactureTravaux"
    /// `recuperer/structures/actives/destinataire`.
    public static let recupererStructuresActivesPourDestinataire: OperationID = "recupererStructuresActivesPourDestinataire"
    /// `recuperer/etats/traitement`: the statuses a received invoice can be moved to.
    public static let recupererEtatsPossiblesPourTraitement: OperationID = "recupererEtatsPossiblesPourTraitement"
    /// `telecharger/annuaire/destinataire`.
    public static let telechargerAnnuaireDestinataire: OperationID = "telechargerAnnuaireDestinataire"
    /// `consulter/information/siret` (not served on qualification).
    public static let consulterInformationsSIRET: OperationID = "consulterInformationsSIRET"

    /// Portal: create a manager account.
    public static let creerCompte: OperationID = "creerCompteGestionnaire"
    /// Portal: activate it with the e-mailed token and a password.
    public static let activerCompte: OperationID = "activerCompteGestionnaire"
    /// Portal: sign in.
    public static let connexionPortail: OperationID = "connexionPortail"
    /// Portal: ask to be attached to a structure.
    public static let demanderRattachement: OperationID = "demanderRattachementStructure"
    /// Portal: list my affiliations and the requests I must decide.
    public static let listerRattachementsPortail: OperationID = "listerRattachementsPortail"
    /// Portal: approve or refuse a request.
    public static let traiterRattachement: OperationID = "traiterDemandeRattachement"
    /// Portal: create the technical account and API connection of a structure.
    public static let creerCompteTechnique: OperationID = "creerCompteTechnique"
}
