import Foundation

/// The public body's side of Chorus Pro: the invoices it received (`rechercher/recipiendaire`,
/// `consulter/recipiendaire`, `telecharger/groupe`) and the statuses it moves them to (`traiter/recue`, §5.15).
///
/// Reach it with ``ChorusClient/receivedInvoices`` on a client whose technical account belongs to the public
/// structure (on ChorusMock: `FakeRole.recipient`, whose credentials `chorus-mock-server` prints).
public protocol ReceivedInvoiceService: Sendable {
    /// One page of received invoices. The platform's "no result" (`codeRetour` 20000, §7.2) is an empty page.
    func search(_ query: ReceivedInvoiceQuery, page: PageRequest) async throws -> Page<InvoiceSummary>

    /// Every received invoice matching `query`, page after page.
    func searchAll(_ query: ReceivedInvoiceQuery, pageSize: Int) -> PageSequence<InvoiceSummary>

    /// A received invoice, whole (`consulter/recipiendaire`).
    func details(invoiceID: Int) async throws -> InvoiceDetails

    /// The invoices' files (`telecharger/groupe`), with their further attachments when `includeAttachments`.
    func download(invoiceIDs: [Int], format: DownloadFormat, includeAttachments: Bool) async throws -> Data

    /// Moves a received invoice to `status` (`traiter/recue`). `reason` is required for ``InvoiceStatus/rejected``
    /// and ``InvoiceStatus/suspended``; `mandateNumber` goes with ``InvoiceStatus/mandated``. Checked before sending:
    /// a target outside ``InvoiceStatus/processableStatuses`` or a missing reason is an `invalidInput` naming `nouveauStatut` or
    /// `motif`. Not retried after an ambiguous failure (it is a write): read the history to know whether it happened.
    func process(invoiceID: Int, to status: InvoiceStatus, reason: String?, mandateNumber: String?) async throws -> ProcessedInvoice

    /// The statuses an invoice in `status` can be moved to, as the platform says (`recuperer/etats/traitement`).
    func possibleStatuses(from status: InvoiceStatus) async throws -> [InvoiceStatus]

    /// The public structures this account receives invoices for (`recuperer/structures/actives/destinataire`).
    func activeStructures() async throws -> [SupplierStructure]
}

extension ReceivedInvoiceService {
    /// The first page (100 invoices) of received invoices matching `query`.
    public func search(_ query: ReceivedInvoiceQuery = ReceivedInvoiceQuery()) async throws -> Page<InvoiceSummary> {
        try await search(query, page: PageRequest())
    }

    /// Every received invoice matching `query`, 100 per page.
    public func searchAll(_ query: ReceivedInvoiceQuery = ReceivedInvoiceQuery()) -> PageSequence<InvoiceSummary> {
        searchAll(query, pageSize: 100)
    }

    /// Moves a received invoice to `status`, with a reason when one is needed.
    public func process(invoiceID: Int, to status: InvoiceStatus, reason: String? = nil) async throws -> ProcessedInvoice {
        try await process(invoiceID: invoiceID, to: status, reason: reason, mandateNumber: nil)
    }

    /// The invoices' files, without their further attachments.
    public func download(invoiceIDs: [Int], format: DownloadFormat) async throws -> Data {
        try await download(invoiceIDs: invoiceIDs, format: format, includeAttachments: false)
    }
}

extension InvoiceStatus {
    /// The statuses a public body may move a received invoice to with `traiter/recue` (S5's list, §5.15).
    public static let processableStatuses: Set<InvoiceStatus> = [
        .madeAvailable, .suspended, .toRecycle, .rejected, .serviceDone, .mandated, .madeAvailableForAccounting, .booked,
        .paymentInitiated,
    ]

    /// Whether moving an invoice to this status needs a reason (`REJETEE`, `SUSPENDUE`).
    public var needsReason: Bool { self == .rejected || self == .suspended }
}
