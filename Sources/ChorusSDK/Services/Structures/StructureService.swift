/// Finding structures, their invoicing rules and services; checking commitments; asking to be attached
/// to a structure (portal step). Available as `client.structures`.
public protocol StructureService: Sendable {
    /// One page of structures (`structures/v1/rechercher`). "No result" is an empty page, not an error.
    func search(_ query: StructureQuery, page: PageRequest) async throws -> Page<StructureSummary>
    /// All pages of a search, fetched as they are iterated.
    func searchAll(_ query: StructureQuery, pageSize: Int) -> PageSequence<StructureSummary>
    /// A structure's details and invoicing settings (`structures/v1/consulter`).
    func details(structureID: Int) async throws -> StructureDetails
    /// A structure's services, every page (`structures/v1/rechercher/services`); inactive ones only when asked.
    func services(structureID: Int, includeInactive: Bool) async throws -> [ServiceInfo]
    /// A service's details, with its own commitment-number flag (`structures/v1/consulter/service`).
    func serviceDetails(structureID: Int, serviceID: Int) async throws -> ServiceDetails
    /// Finds a public recipient by SIRET and says what an invoice to it must carry; with a service code,
    /// also checks that service and its own commitment rule.
    func recipient(siret: String, serviceCode: String?) async throws -> RecipientProfile
    /// Commitments (`engagementsJuridiques/v1/rechercher`) with that number issued to the supplier.
    /// Only State commitments are searchable on the platform: an empty answer does not prove the number wrong.
    func commitments(number: String, supplierID: Int) async throws -> [Commitment]
    /// The whole directory of public recipients (`telecharger/annuaire/destinataire`), unpacked: every file of the
    /// ZIP and the structures its CSV files list (see ``RecipientDirectory`` for what is known of the layout).
    func recipientDirectory() async throws -> RecipientDirectory
    /// What INSEE's register says of a SIRET (`consulter/information/siret`; not served on qualification). The SIRET
    /// is checked (14 digits, check digit per the client's policy) before anything is sent.
    func siretInformation(siret: String) async throws -> SIRETInformation
    /// Asks for the signed-in manager to be attached to a structure (portal step; ChorusMock only).
    func requestAffiliation(_ request: AffiliationRequest, session: PortalSession) async throws -> Affiliation
}

extension StructureService {
    /// All pages of a search, 100 structures per request.
    public func searchAll(_ query: StructureQuery) -> PageSequence<StructureSummary> { searchAll(query, pageSize: 100) }
    /// The first page (100 structures) of a search.
    public func search(_ query: StructureQuery) async throws -> Page<StructureSummary> {
        try await search(query, page: PageRequest())
    }
    /// Active services only.
    public func services(structureID: Int) async throws -> [ServiceInfo] {
        try await services(structureID: structureID, includeInactive: false)
    }
    /// The recipient's profile without choosing a service.
    public func recipient(siret: String) async throws -> RecipientProfile { try await recipient(siret: siret, serviceCode: nil) }
}
