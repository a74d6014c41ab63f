// The platform operations StructureService calls, each declared once: its name (the raw value, equal to the Swift
// name, so a log line greps back here), its PISTE API and path (Documentation/PlatformReference.md §4), whether it may
// be sent twice, and the return codes that mean "no result". The pipeline, the logs and the errors read them from here.
extension OperationID {
    /// `structures/v1/rechercher`.
    public static let rechercherStructure = OperationID("rechercherStructure", .structures, "rechercher", emptyResultCodes: .searchFoundNothing, listKey: "listeStructures")

    /// `structures/v1/consulter`.
    public static let consulterStructure = OperationID("consulterStructure", .structures, "consulter")

    /// `structures/v1/rechercher/services`.
    public static let rechercherServicesStructure = OperationID("rechercherServicesStructure", .structures, "rechercher/services", emptyResultCodes: .searchFoundNothing, listKey: "listeServices")

    /// `structures/v1/consulter/service`.
    public static let consulterServiceStructure = OperationID("consulterServiceStructure", .structures, "consulter/service")

    /// `engagementsJuridiques/v1/rechercher`.
    public static let rechercherEngagementJuridique = OperationID("rechercherEngagementJuridique", .engagementsJuridiques, "rechercher", emptyResultCodes: .searchFoundNothing, listKey: "listeEngagementJuridique")

    /// `telecharger/annuaire/destinataire`.
    public static let telechargerAnnuaireDestinataire = OperationID("telechargerAnnuaireDestinataire", .transverses, "telecharger/annuaire/destinataire")

    /// `consulter/information/siret` (not served on qualification).
    public static let consulterInformationsSIRET = OperationID("consulterInformationsSIRET", .transverses, "consulter/information/siret")
}
