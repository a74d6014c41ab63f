// The platform operations ReferenceService calls, each declared once: its name (the raw value, equal to the Swift
// name, so a log line greps back here), its PISTE API and path (Documentation/PlatformReference.md §4), whether it may
// be sent twice, and the return codes that mean "no result". The pipeline, the logs and the errors read them from here.
extension OperationID {
    /// `GET /cpro/transverses/v1/health-check`.
    public static let healthCheck = OperationID("healthCheck", .transverses, "health-check", method: .get)

    /// `transverses/v1/recuperer/devises`.
    public static let recupererDevises = OperationID("recupererDevises", .transverses, "recuperer/devises", listKey: "listeDevises")

    /// `transverses/v1/recuperer/tauxtva`.
    public static let recupererTauxTva = OperationID("recupererTauxTva", .transverses, "recuperer/tauxtva", listKey: "listeTauxTva")

    /// `transverses/v1/recuperer/cadrefacturation`.
    public static let recupererCadreFacturation = OperationID("recupererCadreFacturation", .transverses, "recuperer/cadrefacturation", listKey: "listeCadreFacturation")

    /// `transverses/v1/recuperer/modereglements`.
    public static let recupererModeReglements = OperationID("recupererModeReglements", .transverses, "recuperer/modereglements", listKey: "listeModePaiement")

    /// `transverses/v1/recuperer/motifs/exonerationtva`.
    public static let recupererMotifsExonerationTva = OperationID("recupererMotifsExonerationTva", .transverses, "recuperer/motifs/exonerationtva", listKey: "listeMotifsExonerationTva")

    /// `transverses/v1/recuperer/pays`.
    public static let recupererPays = OperationID("recupererPays", .transverses, "recuperer/pays", listKey: "listePays")

    /// `transverses/v1/recuperer/typeidentifiant/structure`.
    public static let recupererTypeIdentifiantStructure = OperationID("recupererTypeIdentifiantStructure", .transverses, "recuperer/typeidentifiant/structure", listKey: "listeTypeIdentifiant")
}
