import Foundation

// PDFUpload, SubmittedInvoice, InvoiceSummary, FluxDeposit, FluxRejection, FluxTechnicalError and FluxReport are
// generated from Sources/ChorusSDK/Models/InvoiceResults.models (InvoiceResults+Fields.swift, InvoiceSummary+Fields.swift).

/// A flux's final outcome: its report, the invoices it created and those it rejected.
public struct FluxOutcome: Sendable, Hashable {
    /// The final report.
    public var report: FluxReport
    /// Invoices integrated, found by flux number (all pages).
    public var integrated: [InvoiceSummary]
    /// Invoices rejected, with their reasons.
    public var rejected: [FluxRejection]

    /// Creates a value (for stubs and tests).
    public init(report: FluxReport, integrated: [InvoiceSummary] = [], rejected: [FluxRejection] = []) {
        self.report = report
        self.integrated = integrated
        self.rejected = rejected
    }
}

/// Filters for the supplier's invoices (`rechercher/fournisseur`, §5.11). Every field is optional.
public struct InvoiceQuery: Sendable, Hashable {
    /// `numeroFluxDepot`.
    public var fluxNumber: String?
    /// `numeroFacture`.
    public var invoiceNumber: String?
    /// `idFournisseur`.
    public var supplierID: Int?
    /// `statutCourant`.
    public var statuses: [InvoiceStatus]
    /// `typeFacture`.
    public var type: InvoiceType?
    /// `cadreFacturation` (a plain string).
    public var framework: InvoicingFramework?
    /// `modeDepot`.
    public var mode: DepositMode?
    /// `numeroBonCommande`.
    public var commitmentNumber: String?
    /// `periodeDateDepotDu` / `periodeDateDepotAu`.
    public var depositedFrom: CalendarDate?
    /// Upper bound of the deposit date.
    public var depositedUntil: CalendarDate?
    /// `periodeDateFactureDu` / `periodeDateFactureAu`.
    public var invoicedFrom: CalendarDate?
    /// Upper bound of the invoice date.
    public var invoicedUntil: CalendarDate?
    /// `montantTTCMin` / `montantTTCMax`.
    public var minimumIncludingTax: Amount?
    /// Upper bound of the total including tax.
    public var maximumIncludingTax: Amount?
    /// The recipients' structure ids (`listeDestinataire[].idDestinataire`, §5.11): only invoices to one of them.
    public var recipientIDs: [Int] = []

    /// Creates a query.
    public init(fluxNumber: String? = nil, invoiceNumber: String? = nil, supplierID: Int? = nil, statuses: [InvoiceStatus] = [],
                type: InvoiceType? = nil, framework: InvoicingFramework? = nil, mode: DepositMode? = nil,
                commitmentNumber: String? = nil, depositedFrom: CalendarDate? = nil, depositedUntil: CalendarDate? = nil,
                invoicedFrom: CalendarDate? = nil, invoicedUntil: CalendarDate? = nil, minimumIncludingTax: Amount? = nil,
                maximumIncludingTax: Amount? = nil) {
        self.fluxNumber = fluxNumber
        self.invoiceNumber = invoiceNumber
        self.supplierID = supplierID
        self.statuses = statuses
        self.type = type
        self.framework = framework
        self.mode = mode
        self.commitmentNumber = commitmentNumber
        self.depositedFrom = depositedFrom
        self.depositedUntil = depositedUntil
        self.invoicedFrom = invoicedFrom
        self.invoicedUntil = invoicedUntil
        self.minimumIncludingTax = minimumIncludingTax
        self.maximumIncludingTax = maximumIncludingTax
    }

    func wireBody(page: PageRequest) -> WireObject {
        var body: WireObject = ["rechercheFactureParFournisseur": .page(page)]
        let texts: [(String, String?)] = [
            ("numeroFluxDepot", fluxNumber), ("numeroFacture", invoiceNumber), ("typeFacture", type?.rawValue),
            ("cadreFacturation", framework?.rawValue), ("modeDepot", mode?.rawValue), ("numeroBonCommande", commitmentNumber),
            ("periodeDateDepotDu", depositedFrom?.description), ("periodeDateDepotAu", depositedUntil?.description),
            ("periodeDateFactureDu", invoicedFrom?.description), ("periodeDateFactureAu", invoicedUntil?.description),
        ]
        for (key, value) in texts { if let value { body[key] = .string(value) } }
        if let supplierID { body["idFournisseur"] = .int(supplierID) }
        if !statuses.isEmpty { body["statutCourant"] = .array(statuses.map { .string($0.rawValue) }) }
        if let minimumIncludingTax { body["montantTTCMin"] = .amount(minimumIncludingTax) }
        if let maximumIncludingTax { body["montantTTCMax"] = .amount(maximumIncludingTax) }
        if !recipientIDs.isEmpty { body["listeDestinataire"] = .array(recipientIDs.map { .object(["idDestinataire": .int($0)]) }) }
        return body
    }
}
