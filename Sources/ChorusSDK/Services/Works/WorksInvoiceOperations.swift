// The platform operations WorksInvoiceService calls, each declared once: its name (the raw value, equal to the Swift
// name, so a log line greps back here), its PISTE API and path (Documentation/PlatformReference.md §4), whether it may
// be sent twice, and the return codes that mean "no result". The pipeline, the logs and the errors read them from here.
extension OperationID {
    /// `facturesTravaux/v1/rechercher`.
    public static let rechercherFactureTravaux = OperationID("rechercherFactureTravaux", .facturesTravaux, "rechercher", emptyResultCodes: .worksSearchFoundNothing, listKey: "listeFacturesTravaux")

    /// `recuperer/typefacturetravaux`.
    public static let recupererTypeFactureTravaux = OperationID("recupererTypeFactureTravaux", .transverses, "recuperer/typefacturetravaux", listKey: "listeTypeFactureTravaux")

    /// `recuperer/structures/actives/facturetravaux`.
    public static let recupererStructuresActivesPourFactureTravaux = OperationID("recupererStructuresActivesPourFactureTravaux", .transverses, "recuperer/structures/actives/facturetravaux", emptyResultCodes: .searchFoundNothing, listKey: "listeStructures")
}
