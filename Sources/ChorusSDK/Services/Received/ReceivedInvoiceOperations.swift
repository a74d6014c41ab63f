// The platform operations ReceivedInvoiceService calls, each declared once: its name (the raw value, equal to the Swift
// name, so a log line greps back here), its PISTE API and path (Documentation/PlatformReference.md §4), whether it may
// be sent twice, and the return codes that mean "no result". The pipeline, the logs and the errors read them from here.
extension OperationID {
    /// `factures/v1/telecharger/groupe`.
    public static let telechargerGroupeFacture = OperationID(
        "telechargerGroupeFacture", .factures, "telecharger/groupe")

    /// `rechercher/recipiendaire`: the public body's received invoices.
    public static let rechercherFactureParRecipiendaire = OperationID(
        "rechercherFactureParRecipiendaire", .factures, "rechercher/recipiendaire",
        emptyResultCodes: .searchFoundNothing, listKey: "listeFactures")

    /// `consulter/recipiendaire`.
    public static let consulterFactureParRecipiendaire = OperationID(
        "consulterFactureParRecipiendaire", .factures, "consulter/recipiendaire")

    /// `traiter/recue`: the public body moves a received invoice on.
    public static let traiterFactureRecue = OperationID(
        "traiterFactureRecue", .factures, "traiter/recue", idempotent: false,
        afterLostAnswer: "read the invoice (receivedInvoices.details(invoiceID:)) to see whether it reached the new "
            + "status before processing it again")

    /// `recuperer/structures/actives/destinataire`.
    public static let recupererStructuresActivesPourDestinataire = OperationID(
        "recupererStructuresActivesPourDestinataire", .transverses, "recuperer/structures/actives/destinataire",
        emptyResultCodes: .searchFoundNothing, listKey: "listeStructures")

    /// `recuperer/etats/traitement`: the statuses a received invoice can be moved to.
    public static let recupererEtatsPossiblesPourTraitement = OperationID(
        "recupererEtatsPossiblesPourTraitement", .transverses, "recuperer/etats/traitement",
        listKey: "listeStatutsPossiblesPourTraitement")
}
