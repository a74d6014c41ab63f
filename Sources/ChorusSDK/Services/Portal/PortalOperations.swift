// The platform operations the portal steps (PortalClient) calls, each declared once: its name (the raw value, equal to the Swift
// name, so a log line greps back here), its PISTE API and path (Documentation/PlatformReference.md §4), whether it may
// be sent twice, and the return codes that mean "no result". The pipeline, the logs and the errors read them from here.
extension OperationID {
    /// Portal: create a manager account.
    public static let creerCompteGestionnaire = OperationID("creerCompteGestionnaire", .portail, "comptes/creer", idempotent: false)

    /// Portal: activate it with the e-mailed token and a password.
    public static let activerCompteGestionnaire = OperationID("activerCompteGestionnaire", .portail, "comptes/activer", idempotent: false)

    /// Portal: sign in.
    public static let connexionPortail = OperationID("connexionPortail", .portail, "connexion", idempotent: false)

    /// Portal: ask to be attached to a structure.
    public static let demanderRattachementStructure = OperationID("demanderRattachementStructure", .portail, "rattachements/demander", idempotent: false)

    /// Portal: list my affiliations and the requests I must decide.
    public static let listerRattachementsPortail = OperationID("listerRattachementsPortail", .portail, "rattachements/lister")

    /// Portal: approve or refuse a request.
    public static let traiterDemandeRattachement = OperationID("traiterDemandeRattachement", .portail, "rattachements/traiter", idempotent: false)

    /// Portal: create the technical account and API connection of a structure.
    public static let creerCompteTechnique = OperationID("creerCompteTechnique", .portail, "comptesTechniques/creer", idempotent: false)
}
