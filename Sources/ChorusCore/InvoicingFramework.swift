/// The invoicing framework (`codeCadreFacturation`). Open: unknown codes decode.
public struct InvoicingFramework: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a framework from its code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `A1_FACTURE_FOURNISSEUR`: an ordinary supplier invoice.
    public static let supplierInvoice = InvoicingFramework(rawValue: "A1_FACTURE_FOURNISSEUR")
    /// `A2_FACTURE_FOURNISSEUR_DEJA_PAYEE`: a supplier invoice already paid.
    public static let alreadyPaidSupplierInvoice = InvoicingFramework(rawValue: "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE")
    /// `A9_FACTURE_SOUSTRAITANT`: a subcontractor's invoice (needs a validator).
    public static let subcontractorInvoice = InvoicingFramework(rawValue: "A9_FACTURE_SOUSTRAITANT")
    /// `A12_FACTURE_COTRAITANT`: a co-contractor's invoice (needs a validator).
    public static let coContractorInvoice = InvoicingFramework(rawValue: "A12_FACTURE_COTRAITANT")

    /// Whether the framework requires a validator structure (A9, A12).
    public var requiresValidator: Bool { self == .subcontractorInvoice || self == .coContractorInvoice }
}
