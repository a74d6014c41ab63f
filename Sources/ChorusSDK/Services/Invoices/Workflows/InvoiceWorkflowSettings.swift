import Foundation

/// What the SDK's invoice workflows — local checks, exactly-once submission, paging, waits, document deposits — need
/// beyond ``InvoiceService``'s platform operations. They run over any conforming service, so a stub that implements
/// only the operations still gets them; `client.invoices` hands them the client's own clock, retry policy, journal
/// and sibling services.
public struct InvoiceWorkflowSettings: Sendable {
    /// The clock waits and look-ups sleep on (ChorusMock's clients advance the fake's clock instead of sleeping).
    public var clock: ChorusClock
    /// When a submission whose outcome is unknown may be sent again after its look-up found nothing.
    public var retryPolicy: RetryPolicy
    /// Where ``InvoiceService/submit(_:)`` records intents and outcomes, so a crash between sending and hearing the
    /// answer is reconciled by the next run; `nil` keeps no record.
    public var submissionJournal: (any SubmissionJournal)?
    /// How long a submit waits for another worker holding the journal's claim on the same invoice (real time, not
    /// ``clock``: the other worker does not run on this client's clock) before ``ChorusError/Code/submissionInProgress``.
    public var claimWait: Duration = .seconds(120)
    /// How old a dead worker's intent must be before its invoice is looked up (see
    /// ``ChorusConfiguration/submissionSettleTime``); waited on ``clock``.
    public var settleTime: Duration = .seconds(30)
    /// Looks recipients up for the checks against their rules; `nil` leaves those checks out (offline rules only).
    public var structures: (any StructureService)?
    /// The platform's VAT rate table, for submissions that give rate codes; `nil`: rate codes cannot be resolved.
    public var references: (any ReferenceService)?
    /// Whether SIRET check digits are enforced (the sandbox's test SIRETs fail them).
    public var checkDigit: StructureIdentifier.CheckDigitPolicy
    /// Receives the workflows' warnings (a journal that could not record an outcome).
    public var logger: (@Sendable (ChorusLogEvent) -> Void)?
    /// Recipient profiles checked in the last few minutes, shared by the calls of one service.
    package let recipients: RecipientProfileCache
    /// The submissions in flight through one service (`client.invoices`): concurrent submits of one invoice share a
    /// send. A stub whose `workflow` builds new settings on each access gets a new one each time.
    package let submissionsInFlight = SubmissionCoalescer()

    /// Creates settings; the defaults suit a stub: the system clock, the default retry policy, no journal, no recipient
    /// look-ups.
    public init(clock: ChorusClock = .system, retryPolicy: RetryPolicy = .default, submissionJournal: (any SubmissionJournal)? = nil,
                structures: (any StructureService)? = nil, references: (any ReferenceService)? = nil,
                checkDigit: StructureIdentifier.CheckDigitPolicy = .enforce, logger: (@Sendable (ChorusLogEvent) -> Void)? = nil) {
        self.init(clock: clock, retryPolicy: retryPolicy, submissionJournal: submissionJournal, structures: structures,
                  references: references, checkDigit: checkDigit, logger: logger, recipients: RecipientProfileCache())
    }

    package init(clock: ChorusClock, retryPolicy: RetryPolicy, submissionJournal: (any SubmissionJournal)?,
                 structures: (any StructureService)?, references: (any ReferenceService)?,
                 checkDigit: StructureIdentifier.CheckDigitPolicy, logger: (@Sendable (ChorusLogEvent) -> Void)?,
                 recipients: RecipientProfileCache) {
        self.clock = clock
        self.retryPolicy = retryPolicy
        self.submissionJournal = submissionJournal
        self.structures = structures
        self.references = references
        self.checkDigit = checkDigit
        self.logger = logger
        self.recipients = recipients
    }

    /// Reports a warning to the logger.
    func warn(_ message: String, operation: OperationID) {
        logger?(ChorusLogEvent(kind: .warning, operation: operation, attempt: nil, message: message))
    }
}

/// A submission ready for `soumettre`: the caller's invoice with the VAT breakdown and totals the checks computed.
public struct PreparedSubmission: Sendable, Hashable {
    /// The invoice as the caller gave it.
    public var submission: InvoiceSubmission
    /// The VAT breakdown sent (the caller's, or computed from the lines).
    public var breakdown: [VATBreakdownLine]
    /// The totals sent (the caller's, or computed).
    public var totals: InvoiceTotals
    /// The recipient's structure id, when the checks looked the recipient up: it narrows the exactly-once look-ups
    /// to invoices to this recipient (`listeDestinataire`).
    public var recipientID: Int? = nil

    /// Creates a prepared submission.
    public init(submission: InvoiceSubmission, breakdown: [VATBreakdownLine], totals: InvoiceTotals) {
        self.submission = submission
        self.breakdown = breakdown
        self.totals = totals
    }

    /// What identifies this invoice whatever the run: the SHA-256 (hex) of the `soumettre` body with the attachments'
    /// ids set to 0 — an id changes when the same PDF is uploaded again after a restart, the invoice does not.
    package func contentDigest() throws -> String {
        var stable = self
        stable.submission.mainAttachment?.id = 0
        for index in stable.submission.extraAttachments.indices { stable.submission.extraAttachments[index].id = 0 }
        return SHA256.digest(try stable.body()).map { String(format: "%02x", $0) }.joined()
    }

    /// The key the submission journal knows this submission by: `caller:` and the caller's
    /// ``InvoiceSubmission/idempotencyKey`` when given, else ``contentDigest()``.
    package func journalKey() throws -> String {
        if let key = submission.idempotencyKey { return "caller:" + key }
        return try contentDigest()
    }

    /// The `soumettre` body, as JSON bytes (sorted keys: the same invoice always gives the same bytes).
    package func body() throws -> Data {
        do {
            return try RequestPipeline.encoder.encode(InvoiceWire.body(submission, breakdown: breakdown, totals: totals))
        } catch {
            throw ChorusError(.invalidInput, operation: .soumettreFacture, message: "the request could not be encoded: \(error)")
        }
    }
}
