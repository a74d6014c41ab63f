import Foundation

/// Submitting invoices (PDF, structured, or as files), checking them before they leave, and following
/// them until they are paid. Available as `client.invoices`.
///
/// The requirements are the platform's operations, one request each. The SDK's workflows — ``validate(_:checkRecipient:)``,
/// exactly-once ``submit(_:)``, ``searchAll(_:pageSize:)``, ``waitForFlux(_:timeout:)``,
/// ``waitForStatus(invoiceID:in:timeout:)``, ``depositDocument(_:syntax:requirement:)`` and
/// ``depositFacturX(_:font:requirement:)`` — are built on them in extensions, so a stub that implements only the
/// operations keeps them, running with its ``workflow`` settings.
public protocol InvoiceService: Sendable {
    /// The clock, retry policy, journal and sibling services the workflows use; by default
    /// ``InvoiceWorkflowSettings/init(clock:retryPolicy:submissionJournal:structures:references:checkDigit:logger:)``'s
    /// defaults (a stub's waits then sleep on the system clock; give it a clock to make them instant).
    var workflow: InvoiceWorkflowSettings { get }
    /// Uploads a PDF invoice (`deposer/pdf`) and returns what Chorus Pro read from it, for checking.
    func uploadPDF(_ pdf: Data, fileName: String, format: PDFDepositFormat) async throws -> PDFUpload
    /// Uploads an extra attachment (`ajouter/fichier`); returns a reference for a submission.
    func addAttachment(_ data: Data, fileName: String, mimeType: MIMEType) async throws -> AttachmentReference
    /// Sends one `soumettre` for an invoice already checked and computed: no validation, no look-up after a lost
    /// answer, no journal — ``submit(_:)`` adds those. A lost answer throws an error whose ``ChorusError/outcome`` is
    /// ``RequestOutcome/unknown``.
    func sendSubmission(_ prepared: PreparedSubmission) async throws -> SubmittedInvoice
    /// Deposits a UBL, CII or Factur-X file, or a `.tar.gz` of several (`deposer/flux`).
    func depositFile(_ data: Data, fileName: String, syntax: FluxSyntax) async throws -> FluxDeposit
    /// A flux's report (`consulterCRDetaille`, falling back to `consulterCR`).
    func fluxReport(_ fluxNumber: String) async throws -> FluxReport
    /// One page of the supplier's invoices (`rechercher/fournisseur`).
    func search(_ query: InvoiceQuery, page: PageRequest) async throws -> Page<InvoiceSummary>
    /// An invoice's details (`consulter/fournisseur`).
    func details(invoiceID: Int) async throws -> InvoiceDetails
    /// An invoice's status history (`consulter/historique`).
    func history(invoiceID: Int) async throws -> InvoiceHistory
    /// The invoices' files (`telecharger/groupe`, at most 120 MB in all, else HTTP 413), in `format`, with their
    /// further attachments when `includeAttachments` (`avecPiecesJointesComplementaires`).
    func download(invoiceIDs: [Int], format: DownloadFormat, includeAttachments: Bool) async throws -> Data
    /// Answers a suspension (`completer`): comment and attachments; only from `SUSPENDUE`. Returns the platform's answer.
    @discardableResult
    func complete(invoiceID: Int, comment: String?, attachments: [AttachmentReference]) async throws -> CompletionResult
    /// Fixes the routing of an invoice sent back (`recycler`); only from `A_RECYCLER`. Returns the platform's answer,
    /// whose status is `nil` when the platform leaves it out.
    ///
    /// Recycling is being retired (DGFiP Chorus Pro specification v1.1, §2.4.2, no date given): public bodies now
    /// reject instead, and the supplier cancels the invoice with a credit note and issues a new one under a new number.
    /// Until the platform removes the feature, an invoice already in `A_RECYCLER` may still be resent this way under
    /// its number. Not marked deprecated while the platform still offers it (`POST /v1/recycler` is in the Swagger).
    @discardableResult
    func recycle(
        invoiceID: Int, recipientSIRET: String, serviceCode: String?, commitmentNumber: String?,
        comment: String?
    ) async throws -> RecycleResult
    /// Acknowledges rejected invoices (`traiterRejet`, the API side of the portal's "rejet traité"). The Swagger's
    /// request has the list of invoices alone; `reason` and `details`, when given, are also sent as `motifRejet` and
    /// `cpltInfos`, as go-choruspro sends them (pass `nil` for the official shape).
    func acknowledgeRejections(invoiceIDs: [Int], reason: String?, details: String?) async throws
    /// Names the right validator of an invoice refused for a wrong one (`corriger/valideur/facture`, status
    /// ``InvoiceStatus/wrongValidator``): the validating structure's identifier (a SIRET by default, checked first)
    /// and, when known, its technical id.
    func correctValidator(
        invoiceID: Int, validatorIdentifier: String, identifierType: StructureIdentifierType,
        validatorStructureID: Int?) async throws
    /// Payment requests in the platform's live and archive bases (`rechercher/demandePaiement`; the platform does not
    /// serve it on qualification).
    func searchPaymentRequests(_ query: PaymentRequestQuery) async throws -> [PaymentRequest]
}

extension InvoiceService {
    /// The default workflow settings: system clock, default retry policy, no journal, no recipient look-ups.
    public var workflow: InvoiceWorkflowSettings { InvoiceWorkflowSettings() }

    /// Uploads an unsigned PDF.
    public func uploadPDF(_ pdf: Data, fileName: String) async throws -> PDFUpload {
        try await uploadPDF(pdf, fileName: fileName, format: .unsigned)
    }
    /// Validates against local rules and the recipient's rules.
    public func validate(_ submission: InvoiceSubmission) async throws -> [ValidationProblem] {
        try await validate(submission, checkRecipient: true)
    }
    /// Deposits a document as CII, looking the recipient's requirement up.
    public func depositDocument(_ document: InvoiceDocument, syntax: FluxSyntax = .cii) async throws -> FluxDeposit {
        try await depositDocument(document, syntax: syntax, requirement: nil)
    }
    /// Every invoice matching the query, 100 per request.
    public func searchAll(_ query: InvoiceQuery) -> PageSequence<InvoiceSummary> { searchAll(query, pageSize: 100) }
    /// The first page (100) of issued invoices matching `query`.
    public func search(_ query: InvoiceQuery) async throws -> Page<InvoiceSummary> {
        try await search(query, page: PageRequest())
    }
    /// The invoices' files, without their further attachments.
    public func download(invoiceIDs: [Int], format: DownloadFormat) async throws -> Data {
        try await download(invoiceIDs: invoiceIDs, format: format, includeAttachments: false)
    }
    /// Names the right validator by SIRET.
    public func correctValidator(invoiceID: Int, validatorSIRET: String) async throws {
        try await correctValidator(
            invoiceID: invoiceID, validatorIdentifier: validatorSIRET, identifierType: .siret, validatorStructureID: nil
        )
    }
}
