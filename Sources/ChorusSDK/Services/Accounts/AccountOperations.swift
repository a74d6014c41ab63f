// The platform operations AccountService calls, each declared once: its name (the raw value, equal to the Swift
// name, so a log line greps back here), its PISTE API and path (Documentation/PlatformReference.md §4), whether it may
// be sent twice, and the return codes that mean "no result". The pipeline, the logs and the errors read them from here.
extension OperationID {
    /// `transverses/v1/recuperer/coordbanc/valides`.
    public static let recupererCoordonneesBancairesValides = OperationID("recupererCoordonneesBancairesValides", .transverses, "recuperer/coordbanc/valides", emptyResultCodes: .searchFoundNothing, listKey: "listeCoordonneeBancaire")

    /// `transverses/v1/recuperer/structures/actives/fournisseur`.
    public static let recupererStructuresActivesPourFournisseur = OperationID("recupererStructuresActivesPourFournisseur", .transverses, "recuperer/structures/actives/fournisseur", emptyResultCodes: .searchFoundNothing, listKey: "listeStructures")

    /// `utilisateurs/v1/monCompte/recuperer/rattachements`.
    public static let recupererRattachementsMonCompteUtilisateur = OperationID("recupererRattachementsMonCompteUtilisateur", .utilisateurs, "monCompte/recuperer/rattachements", emptyResultCodes: .searchFoundNothing, listKey: "listeStructureRattachement")
}
