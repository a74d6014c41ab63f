// The platform operations ValidatorService calls, each declared once: its name (the raw value, equal to the Swift
// name, so a log line greps back here), its PISTE API and path (Documentation/PlatformReference.md §4), whether it may
// be sent twice, and the return codes that mean "no result". The pipeline, the logs and the errors read them from here.
extension OperationID {
    /// `rechercher/valideur`.
    public static let rechercherFactureParValideur = OperationID(
        "rechercherFactureParValideur", .factures, "rechercher/valideur", emptyResultCodes: .searchFoundNothing,
        listKey: "listeFactures")

    /// `consulter/valideur`.
    public static let consulterFactureParValideur = OperationID(
        "consulterFactureParValideur", .factures, "consulter/valideur")

    /// `traiter/factureAValider`: a validator validates or refuses.
    public static let traiterFactureAValider = OperationID(
        "traiterFactureAValider", .factures, "traiter/factureAValider", idempotent: false,
        afterLostAnswer: "read the invoice (validations.details(invoiceID:)) to see whether it reached the new "
            + "status before processing it again")

    /// `recuperer/statutsFactureVisibles/valideur`.
    public static let recupererStatutsFactureVisiblesParValideur = OperationID(
        "recupererStatutsFactureVisiblesParValideur", .factures, "recuperer/statutsFactureVisibles/valideur",
        listKey: "listeStatutFacture")
}
