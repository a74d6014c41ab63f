// The platform operations InvoiceService calls, each declared once: its name (the raw value, equal to the Swift
// name, so a log line greps back here), its PISTE API and path (Documentation/PlatformReference.md §4), whether it may
// be sent twice, and the return codes that mean "no result". The pipeline, the logs and the errors read them from here.
extension OperationID {
    /// `transverses/v1/ajouter/fichier`.
    public static let ajouterFichierDansSysteme = OperationID(
        "ajouterFichierDansSysteme", .transverses, "ajouter/fichier", idempotent: false,
        afterLostAnswer: "an attachment uploaded twice is harmless: it joins an invoice only when a submission or "
            + "completion names its pieceJointeId, so add it again (invoices.addAttachment) and use the "
            + "new id")

    /// `transverses/v1/consulterCR`.
    public static let consulterCR = OperationID("consulterCR", .transverses, "consulterCR")

    /// `transverses/v1/consulterCRDetaille`.
    public static let consulterCRDetaille = OperationID("consulterCRDetaille", .transverses, "consulterCRDetaille")

    /// `factures/v1/deposer/flux`.
    public static let deposerFluxFacture = OperationID(
        "deposerFluxFacture", .factures, "deposer/flux", idempotent: false,
        afterLostAnswer: "the flux number was lost with the answer, so the flux cannot be looked up; once the "
            + "platform has integrated it (minutes, up to hours), search your invoices by their numbers "
            + "(invoices.search with InvoiceQuery(invoiceNumber:)) before depositing it again (numbers "
            + "are unique per supplier, so a number found means that invoice arrived)")

    /// `factures/v1/deposer/pdf`.
    public static let deposerPdfFacture = OperationID(
        "deposerPdfFacture", .factures, "deposer/pdf", idempotent: false,
        afterLostAnswer: "a PDF uploaded twice is harmless: it becomes an invoice only when a submission names its "
            + "pieceJointeId, so upload it again (invoices.uploadPDF) and submit with the new id")

    /// `factures/v1/soumettre`.
    public static let soumettreFacture = OperationID("soumettreFacture", .factures, "soumettre", idempotent: false)

    /// `factures/v1/completer`.
    public static let completerFacture = OperationID(
        "completerFacture", .factures, "completer", idempotent: false,
        afterLostAnswer: "read the invoice (invoices.details(invoiceID:)) to see whether the comment and attachments "
            + "were added before completing it again")

    /// `factures/v1/recycler`.
    public static let recyclerFacture = OperationID(
        "recyclerFacture", .factures, "recycler", idempotent: false,
        afterLostAnswer: "read the invoice's history and details (invoices.history(invoiceID:), "
            + "invoices.details(invoiceID:)) to see whether it was sent to the new recipient before "
            + "recycling it again")

    /// `factures/v1/rechercher/fournisseur`.
    public static let rechercherFactureParFournisseur = OperationID(
        "rechercherFactureParFournisseur", .factures, "rechercher/fournisseur", emptyResultCodes: .searchFoundNothing,
        listKey: "listeFactures")

    /// `factures/v1/consulter/fournisseur`.
    public static let consulterFactureParFournisseur = OperationID(
        "consulterFactureParFournisseur", .factures, "consulter/fournisseur")

    /// `factures/v1/consulter/historique`.
    public static let consulterHistoriqueFacture = OperationID(
        "consulterHistoriqueFacture", .factures, "consulter/historique")

    /// `traiterRejet`: the supplier acknowledges rejections.
    public static let traiterFacturesRejetees = OperationID(
        "traiterFacturesRejetees", .factures, "traiterRejet", idempotent: false,
        afterLostAnswer: "read each invoice's history (invoices.history(invoiceID:)) to see whether the rejection "
            + "was acknowledged before acknowledging it again")

    /// `corriger/valideur/facture`: the supplier names the right validator.
    public static let corrigerValideurFacture = OperationID(
        "corrigerValideurFacture", .factures, "corriger/valideur/facture", idempotent: false,
        afterLostAnswer: "read the invoice's history (invoices.history(invoiceID:)) to see whether the validator was "
            + "corrected before sending the correction again")

    /// `rechercher/demandePaiement` (not served on qualification).
    public static let rechercherDemandePaiement = OperationID(
        "rechercherDemandePaiement", .factures, "rechercher/demandePaiement", emptyResultCodes: .searchFoundNothing,
        listKey: "listeDemandePaiement")
}
