import Foundation

/// Where ``InvoiceService/submit(_:)`` writes down what it is about to send and what came of it, so that
/// exactly-once holds across a crash: a process that dies after sending an invoice but before hearing the
/// answer, then submits the same invoice again after a restart, first looks for it on the platform (the
/// same look-up as after a lost answer) instead of sending it again.
///
/// Set one with ``ChorusConfiguration/submissionJournal``. ``FileSubmissionJournal`` is the default
/// implementation (a directory, append-only, `fsync`ed, claims held with `flock`: safe for several processes on one
/// machine); a deployment with several machines implements this protocol on the database it already runs.
/// Implementations must make ``append(_:)`` durable before returning, ``lastRecord(for:)`` must see what any worker
/// appended, and ``claim(_:)`` must grant a key to one live worker at a time.
public protocol SubmissionJournal: Sendable {
    /// The newest record for `key`, or `nil` when the key was never journaled.
    func lastRecord(for key: String) async throws -> SubmissionRecord?
    /// Adds a record, durably: when this returns, the record survives a crash of the process or the machine.
    func append(_ record: SubmissionRecord) async throws
    /// Claims `key` for this worker, if no other live worker holds it (insert-if-absent): ``InvoiceService/submit(_:)``
    /// reads the key's record, sends and records the outcome only while it holds the claim, so two workers never both
    /// send one invoice. `nil`: another live worker holds it now; the SDK tries again a little later (see
    /// ``InvoiceWorkflowSettings/claimWait``). A claim whose holder died must become claimable again (a lock the
    /// operating system releases with the process, or a lease that expires): the next holder then finds the dead
    /// one's intent and looks the invoice up.
    ///
    /// The default implementation grants every claim: a journal that does not implement claims coordinates nothing
    /// between workers (the calls of one client still share one send).
    func claim(_ key: String) async throws -> SubmissionClaim?
    /// Gives a claim back once the outcome is recorded (or nothing was sent).
    func release(_ claim: SubmissionClaim) async
}

extension SubmissionJournal {
    /// Grants every claim: no coordination between workers (see ``SubmissionJournal/claim(_:)``).
    public func claim(_ key: String) async throws -> SubmissionClaim? {
        SubmissionClaim(key: key, owner: "uncoordinated")
    }
    /// Nothing to give back.
    public func release(_ claim: SubmissionClaim) async {}
}

/// A key claimed in a ``SubmissionJournal``: while it is held, no other worker submits that invoice.
public struct SubmissionClaim: Sendable, Hashable {
    /// The submission's key (``SubmissionRecord/key``).
    public var key: String
    /// Who holds it, as the journal names its workers (`host:pid:…`), for logs and database rows.
    public var owner: String

    /// Creates a claim (for journals implemented outside the SDK).
    public init(key: String, owner: String) {
        self.key = key
        self.owner = owner
    }
}

/// One step of one submission in a ``SubmissionJournal``.
public struct SubmissionRecord: Sendable, Hashable, Codable {
    /// What the step says.
    /// A step of a submission. Open, because journals are persisted: a record a newer SDK wrote with a stage this
    /// one does not know is read, never skipped as a torn line, and ``InvoiceService/submit(_:)`` treats it like an
    /// open intent: it looks the invoice up before sending anything.
    public struct Stage: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The name, as stored.
        public let rawValue: String
        /// A value by its name; names this SDK does not know are kept as they are.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The name.
        public var description: String { rawValue }

        /// About to send: from here on the invoice may exist until an outcome is recorded.
        public static let intent = Stage(rawValue: "intent")
        /// The platform created the invoice (``SubmissionRecord/invoiceID``).
        public static let submitted = Stage(rawValue: "submitted")
        /// The invoice was certainly not created (refused locally or by the platform, or never sent).
        public static let notCreated = Stage(rawValue: "notCreated")
    }

    /// The submission's key: `caller:` and the caller's ``InvoiceSubmission/idempotencyKey``, or the SHA-256 (hex) of
    /// the `soumettre` body with the attachments' ids left out.
    public var key: String
    /// The step.
    public var stage: Stage
    /// When the step was recorded.
    public var date: Date
    /// For an intent: the matching invoices that already existed before sending (a structured invoice is
    /// numbered by the platform, so these tell a new one from older ones after a restart).
    public var existingInvoiceIDs: [Int]
    /// For an intent: whether ``existingInvoiceIDs`` lists every look-alike that existed (`false` when the look-up held
    /// more than one page or an item it could not read); `nil` in records of earlier SDKs, then taken as complete when
    /// it lists fewer than a page.
    public var existingInvoicesComplete: Bool?
    /// For `submitted`: the platform's id (`identifiantFactureCPP`).
    public var invoiceID: Int?
    /// For `submitted`: the invoice's number (`numeroFacture`), so a later submit of the same key answers without a call.
    public var invoiceNumber: String?
    /// The digest of the invoice's content (the body without attachment ids), to refuse a caller's key reused for a
    /// different invoice; `nil` in records of earlier SDKs.
    public var contentDigest: String?

    /// Creates a record.
    public init(
        key: String, stage: Stage, date: Date, existingInvoiceIDs: [Int] = [], existingInvoicesComplete: Bool? = nil,
        invoiceID: Int? = nil, invoiceNumber: String? = nil, contentDigest: String? = nil
    ) {
        self.key = key
        self.existingInvoicesComplete = existingInvoicesComplete
        self.stage = stage
        self.date = date
        self.existingInvoiceIDs = existingInvoiceIDs
        self.invoiceID = invoiceID
        self.invoiceNumber = invoiceNumber
        self.contentDigest = contentDigest
    }
}

extension SubmissionRecord {
    /// The JSON form journals store a record in (ISO 8601 dates, sorted keys), so that every journal writes and reads
    /// records the same way.
    public static func encodedJSON(_ record: SubmissionRecord) throws -> Data { try encoder.encode(record) }

    /// A record from its stored JSON form (``encodedJSON(_:)``).
    public static func decodedJSON(_ data: Data) throws -> SubmissionRecord {
        try decoder.decode(SubmissionRecord.self, from: data)
    }

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}
