import Foundation

/// The role a works-invoice search is made in (`roleUtilisateur` of `facturesTravaux/v1/rechercher`). `MOA` is seen in
/// a client's test; `MOE` and `FOURNISSEUR` follow the platform's vocabulary for works contracts (inferred, not
/// observed). Open: another code is sent as given.
public struct WorksRole: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a role.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `MOA`: the project owner (maître d'ouvrage).
    public static let owner = WorksRole(rawValue: "MOA")
    /// `MOE`: the project manager (maître d'œuvre).
    public static let projectManager = WorksRole(rawValue: "MOE")
    /// `FOURNISSEUR`: the contractor who invoices.
    public static let supplier = WorksRole(rawValue: "FOURNISSEUR")
}

/// One works invoice of `facturesTravaux/v1/rechercher` (`listeFacturesTravaux[]`). Only `idFactureTravaux` is seen in
/// the sources; the other fields are read under the names the invoice searches use, and every field is kept in
/// ``otherFields`` as text, so nothing the platform sends is dropped.
public struct WorksInvoiceSummary: Sendable, Hashable, Decodable {
    /// `idFactureTravaux`.
    public var id: Int
    /// `numeroFactureTravaux` or `numeroFacture`.
    public var number: String?
    /// `statut` or `statutFacture`.
    public var status: InvoiceStatus?
    /// `typeFactureTravaux`.
    public var worksType: String?
    /// `cadreFacturation` / `codeCadreFacturation`.
    public var framework: InvoicingFramework?
    /// `montantHT`.
    public var totalExcludingTax: Amount?
    /// `montantTTC`.
    public var totalIncludingTax: Amount?
    /// `montantAPayer`.
    public var amountToPay: Amount?
    /// Every scalar field of the item, as text.
    public var otherFields: [String: String]

    /// Creates a value (for stubs and tests).
    public init(id: Int, number: String? = nil, status: InvoiceStatus? = nil, worksType: String? = nil, framework: InvoicingFramework? = nil,
                totalExcludingTax: Amount? = nil, totalIncludingTax: Amount? = nil, amountToPay: Amount? = nil,
                otherFields: [String: String] = [:]) {
        self.id = id
        self.number = number
        self.status = status
        self.worksType = worksType
        self.framework = framework
        self.totalExcludingTax = totalExcludingTax
        self.totalIncludingTax = totalIncludingTax
        self.amountToPay = amountToPay
        self.otherFields = otherFields
    }

    private static let named: Set<String> = ["idFactureTravaux", "numeroFactureTravaux", "numeroFacture", "statut", "statutFacture",
                                             "typeFactureTravaux", "cadreFacturation", "codeCadreFacturation", "montantHT", "montantTTC",
                                             "montantAPayer"]

    /// Decodes one item.
    public init(from decoder: any Decoder) throws {
        let item = try AnswerObject(decoder)
        guard let id = try item.int("idFactureTravaux") else { throw item.failure("idFactureTravaux", "a works invoice without idFactureTravaux") }
        self.id = id
        number = try item.text("numeroFactureTravaux") ?? item.text("numeroFacture")
        status = try item.value(InvoiceStatus.self, "statut") ?? item.value(InvoiceStatus.self, "statutFacture")
        worksType = try item.text("typeFactureTravaux")
        framework = try item.value(InvoicingFramework.self, "cadreFacturation") ?? item.value(InvoicingFramework.self, "codeCadreFacturation")
        totalExcludingTax = try item.amount("montantHT")
        totalIncludingTax = try item.amount("montantTTC")
        amountToPay = try item.amount("montantAPayer")
        otherFields = try item.otherFields(excluding: Self.named)
    }
}

/// Works invoices (factures de travaux): the part of Chorus Pro that stays Chorus-only after the 2026–2027 reform.
///
/// What the sources document, and so what the SDK offers: the search (`facturesTravaux/v1/rechercher`, "no result" =
/// `codeRetour` 20007), the works types (`recuperer/typefacturetravaux`), the structures the account may issue works
/// invoices for (`recuperer/structures/actives/facturetravaux`) and the works frameworks
/// (``ReferenceService/invoicingFrameworks(for:)`` with ``PaymentRequestType/worksInvoice``). The PISTE paths of the
/// other works operations (consulting a billing file, recycling, refusing, the MOE's and MOA's processing) are
/// unknown (§4.1 lists only their legacy paths), and works invoices are deposited as E4/E5 flux whose syntax codes no
/// source gives: they are left out rather than guessed. ChorusMock plays the MOE and MOA steps
/// (`FakeChorusPro`'s works controls) so that searches show each stage.
public protocol WorksInvoiceService: Sendable {
    /// One page of works invoices seen in `role`. "No result" (20007) is an empty page.
    func search(role: WorksRole, page: PageRequest) async throws -> Page<WorksInvoiceSummary>

    /// Every works invoice seen in `role`.
    func searchAll(role: WorksRole, pageSize: Int) -> PageSequence<WorksInvoiceSummary>

    /// The works invoice types (`listeTypeFactureTravaux[].typeFactureTravaux`).
    func worksTypes() async throws -> [String]

    /// The structures this account may issue works invoices for.
    func activeStructures() async throws -> [SupplierStructure]
}

extension WorksInvoiceService {
    /// The first page (100) of works invoices seen in `role`.
    public func search(role: WorksRole) async throws -> Page<WorksInvoiceSummary> { try await search(role: role, page: PageRequest()) }
}

/// ``WorksInvoiceService`` over the request pipeline.
struct WorksInvoiceServiceClient: WorksInvoiceService {
    let pipeline: RequestPipeline

    func search(role: WorksRole, page: PageRequest) async throws -> Page<WorksInvoiceSummary> {
        let body: WireObject = ["roleUtilisateur": .string(role.rawValue), "rechercheFactureTravaux": .page(page)]
        return try await pipeline.callPage(.rechercherFactureTravaux, body)
    }

    func searchAll(role: WorksRole, pageSize: Int) -> PageSequence<WorksInvoiceSummary> {
        PageSequence(operation: .rechercherFactureTravaux, pageSize: pageSize) { number in
            try await search(role: role, page: PageRequest(pageSize: pageSize, page: number))
        }
    }

    func worksTypes() async throws -> [String] {
        let answer: KeyedList<WorksType> = try await pipeline.callList(.recupererTypeFactureTravaux, [:] as WireObject)
        return answer.items.map(\.code)
    }

    func activeStructures() async throws -> [SupplierStructure] {
        try await pipeline.activeStructures(.recupererStructuresActivesPourFactureTravaux)
    }
}

/// One item of `listeTypeFactureTravaux`.
private struct WorksType: Decodable, Sendable {
    let code: String

    init(from decoder: any Decoder) throws {
        let item = try AnswerObject(decoder)
        guard let code = try item.text("typeFactureTravaux") else { throw item.failure("typeFactureTravaux", "an item without typeFactureTravaux") }
        self.code = code
    }
}
