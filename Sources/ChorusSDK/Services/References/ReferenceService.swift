/// The platform's reference tables (the *transverses* look-ups of §4.3 / §5.16) and its health check.
///
/// Available as `client.references`. Results are cached for the client's lifetime unless
/// ``ChorusConfiguration/cachesReferenceData`` is `false`; the health check is never cached.
public protocol ReferenceService: Sendable {
    /// Currencies (`recuperer/devises`).
    func currencies(language: Language) async throws -> [Currency]
    /// VAT rates and their codes (`recuperer/tauxtva`).
    func vatRates(language: Language) async throws -> [VATRate]
    /// Invoicing frameworks allowed for a payment-request type (`recuperer/cadrefacturation`).
    func invoicingFrameworks(for type: PaymentRequestType) async throws -> [InvoicingFramework]
    /// Payment modes (`recuperer/modereglements`).
    func paymentModes() async throws -> [PaymentMode]
    /// Reasons for VAT exemption (`recuperer/motifs/exonerationtva`).
    func vatExemptionReasons(language: Language) async throws -> [VATExemptionReason]
    /// Countries (`recuperer/pays`).
    func countries(language: Language) async throws -> [Country]
    /// Structure identifier types (`recuperer/typeidentifiant/structure`).
    func structureIdentifierTypes() async throws -> [StructureIdentifierType]
    /// Whether the platform is up (`GET /cpro/transverses/v1/health-check`).
    func healthCheck() async throws -> HealthStatus
}

extension ReferenceService {
    /// Currencies with French labels.
    public func currencies() async throws -> [Currency] { try await currencies(language: .french) }
    /// VAT rates with French labels.
    public func vatRates() async throws -> [VATRate] { try await vatRates(language: .french) }
    /// Frameworks for ordinary invoices (`FACTURE`): A1, A2, A9, A12 on the real platform.
    public func invoicingFrameworks() async throws -> [InvoicingFramework] {
        try await invoicingFrameworks(for: .invoice)
    }
    /// Exemption reasons with French labels.
    public func vatExemptionReasons() async throws -> [VATExemptionReason] {
        try await vatExemptionReasons(language: .french)
    }
    /// Countries with French labels.
    public func countries() async throws -> [Country] { try await countries(language: .french) }
}
