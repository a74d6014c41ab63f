import Foundation

/// Filters of `rechercher/demandePaiement` (request fields from go-choruspro's `RechercherDemandePaiementOptions`).
/// Every field is optional.
public struct PaymentRequestQuery: Sendable, Hashable {
    /// `numeroFacture`.
    public var invoiceNumber: String?
    /// `statutCourant`, sent as a list of one, as the Swagger's `RechercherDemandePaiementParam` has it (`array` of
    /// statuses).
    public var status: InvoiceStatus?
    /// `typeDemandePaiement` (`FACTURE`, `FACTURE_TRAVAUX`…).
    public var type: PaymentRequestType?
    /// `dpOuDpArchive`: `DEMANDE_PAIEMENT` (live) or `DP_ARCHIVE` (archive); both when `nil`.
    public var base: String?
    /// `periodeDateDepotDu` / `…Au`.
    public var depositedFrom: CalendarDate?
    /// End of the deposit period.
    public var depositedUntil: CalendarDate?

    /// Creates a query.
    public init(
        invoiceNumber: String? = nil, status: InvoiceStatus? = nil, type: PaymentRequestType? = nil,
        base: String? = nil,
        depositedFrom: CalendarDate? = nil, depositedUntil: CalendarDate? = nil
    ) {
        self.invoiceNumber = invoiceNumber
        self.status = status
        self.type = type
        self.base = base
        self.depositedFrom = depositedFrom
        self.depositedUntil = depositedUntil
    }

    var wireBody: WireObject {
        var body: WireObject = [:]
        let texts: [(String, String?)] = [
            ("numeroFacture", invoiceNumber), ("typeDemandePaiement", type?.rawValue),
            ("dpOuDpArchive", base), ("periodeDateDepotDu", depositedFrom?.description),
            ("periodeDateDepotAu", depositedUntil?.description),
        ]
        for (key, value) in texts { if let value { body[key] = .string(value) } }
        if let status { body["statutCourant"] = .array([.string(status.rawValue)]) }
        return body
    }
}

/// One payment request of `rechercher/demandePaiement` (`listeDemandePaiement[]`). The fields read by name are typed;
/// every other scalar field is kept in ``otherFields``.
public struct PaymentRequest: Sendable, Hashable, Decodable {
    /// `idDemandePaiement`.
    public var id: Int
    /// `numeroDemandePaiement`.
    public var number: String?
    /// `etatCourant`.
    public var status: InvoiceStatus?
    /// `typeDemandePaiement`.
    public var type: PaymentRequestType?
    /// `typeFacture`.
    public var invoiceType: InvoiceType?
    /// `dateDepot`.
    public var depositDate: CalendarDate?
    /// `montantHT`.
    public var totalExcludingTax: Amount?
    /// `montantTTC`.
    public var totalIncludingTax: Amount?
    /// `montantAPayer`.
    public var amountToPay: Amount?
    /// `identifiantStructureFournisseur`.
    public var supplierIdentifier: String?
    /// `identifiantStructureDestinataire`.
    public var recipientIdentifier: String?
    /// Every other scalar field, as text.
    public var otherFields: [String: String]

    /// Creates a value (for stubs and tests).
    public init(
        id: Int, number: String? = nil, status: InvoiceStatus? = nil, type: PaymentRequestType? = nil,
        invoiceType: InvoiceType? = nil,
        depositDate: CalendarDate? = nil, totalExcludingTax: Amount? = nil, totalIncludingTax: Amount? = nil,
        amountToPay: Amount? = nil,
        supplierIdentifier: String? = nil, recipientIdentifier: String? = nil, otherFields: [String: String] = [:]
    ) {
        self.id = id
        self.number = number
        self.status = status
        self.type = type
        self.invoiceType = invoiceType
        self.depositDate = depositDate
        self.totalExcludingTax = totalExcludingTax
        self.totalIncludingTax = totalIncludingTax
        self.amountToPay = amountToPay
        self.supplierIdentifier = supplierIdentifier
        self.recipientIdentifier = recipientIdentifier
        self.otherFields = otherFields
    }

    private static let named: Set<String> = [
        "idDemandePaiement", "numeroDemandePaiement", "etatCourant", "typeDemandePaiement", "typeFacture",
        "dateDepot", "montantHT", "montantTTC", "montantAPayer", "identifiantStructureFournisseur",
        "identifiantStructureDestinataire",
    ]

    /// Decodes one item.
    public init(from decoder: any Decoder) throws {
        let item = try AnswerObject(decoder)
        guard let id = try item.int("idDemandePaiement") else {
            throw item.failure("idDemandePaiement", "a payment request without idDemandePaiement")
        }
        self.id = id
        number = try item.text("numeroDemandePaiement")
        status = try item.value(InvoiceStatus.self, "etatCourant")
        type = try item.value(PaymentRequestType.self, "typeDemandePaiement")
        invoiceType = try item.value(InvoiceType.self, "typeFacture")
        depositDate = try item.date("dateDepot")
        totalExcludingTax = try item.amount("montantHT")
        totalIncludingTax = try item.amount("montantTTC")
        amountToPay = try item.amount("montantAPayer")
        supplierIdentifier = try item.text("identifiantStructureFournisseur")
        recipientIdentifier = try item.text("identifiantStructureDestinataire")
        otherFields = try item.otherFields(excluding: Self.named)
    }
}
