import Foundation

/// Where ``InvoiceService/submit(_:)`` writes down what it is about to send and what came of it, so that
/// exactly-once holds across a crash: a process that dies after sending an invoice but before hearing the
/// answer, then submits the same invoice again after a restart, first looks for it on the platform (the
/// same look-up as after a lost answer) instead of sending it again.
///
/// Set one with ``ChorusConfiguration/submissionJournal``. ``FileSubmissionJournal`` is the default
/// implementation (a directory, append-only, `fsync`ed); a deployment with several workers or machines
/// implements this protocol on the database it already runs. Implementations must make ``append(_:)``
/// durable before returning, and ``lastRecord(for:)`` must see what any worker appended.
public protocol SubmissionJournal: Sendable {
    /// The newest record for `key`, or `nil` when the key was never journaled.
    func lastRecord(for key: String) async throws -> SubmissionRecord?
    /// Adds a record, durably: when this returns, the record survives a crash of the process or the machine.
    func append(_ record: SubmissionRecord) async throws
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
    /// For `submitted`: the platform's id (`identifiantFactureCPP`).
    public var invoiceID: Int?
    /// For `submitted`: the invoice's number (`numeroFacture`), so a later submit of the same key answers without a call.
    public var invoiceNumber: String?
    /// The digest of the invoice's content (the body without attachment ids), to refuse a caller's key reused for a
    /// different invoice; `nil` in records of earlier SDKs.
    public var contentDigest: String?

    /// Creates a record.
    public init(key: String, stage: Stage, date: Date, existingInvoiceIDs: [Int] = [], invoiceID: Int? = nil,
                invoiceNumber: String? = nil, contentDigest: String? = nil) {
        self.key = key
        self.stage = stage
        self.date = date
        self.existingInvoiceIDs = existingInvoiceIDs
        self.invoiceID = invoiceID
        self.invoiceNumber = invoiceNumber
        self.contentDigest = contentDigest
    }
}

/// A ``SubmissionJournal`` in a directory the caller chooses: one append-only file of JSON lines
/// (`submissions.jsonl`), each record written with one `write(2)` on an `O_APPEND` descriptor and
/// `fsync`ed before ``append(_:)`` returns. Several processes may share the directory: appends do not
/// interleave, and each reader picks up what others appended since it last looked. A torn last line (a
/// crash mid-write) is skipped.
///
/// The file only grows (about 200 bytes per submission); archive it when convenient — an intent older than
/// the archive is no longer reconciled.
///
/// Its file I/O (`open`, `write`, `fsync`, reading the tail) runs on a serial dispatch queue of its own, never on
/// the cooperative thread pool: an `fsync` on a slow disk does not starve other tasks.
///
/// `@unchecked Sendable` invariant: `latest` and `readOffset` are only read or written on `queue`.
public final class FileSubmissionJournal: SubmissionJournal, @unchecked Sendable {
    /// The journal file.
    public let fileURL: URL
    private let queue = DispatchQueue(label: "ChorusSDK.FileSubmissionJournal")
    private var latest: [String: SubmissionRecord] = [:]
    private var readOffset: UInt64 = 0

    /// Opens (creating when needed) the journal in `directory`.
    ///
    /// - Throws: ``ChorusError/Code/configuration`` when the directory cannot be created or written.
    public init(directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ChorusError(.configuration, operation: .soumettreFacture, message: "cannot create the submission journal directory \(directory.path): \(error)")
        }
        fileURL = directory.appendingPathComponent("submissions.jsonl")
        let descriptor = open(fileURL.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else {
            throw ChorusError(.configuration, operation: .soumettreFacture, message: "cannot open \(fileURL.path) for appending (errno \(errno))")
        }
        close(descriptor)
    }

    public func lastRecord(for key: String) async throws -> SubmissionRecord? {
        try await onQueue {
            try self.catchUp()
            return self.latest[key]
        }
    }

    public func append(_ record: SubmissionRecord) async throws {
        try await onQueue { try self.appendDurably(record) }
    }

    /// Runs `work` on the journal's queue and resumes the caller with its result.
    private func onQueue<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Appends one record durably (on `queue`).
    private func appendDurably(_ record: SubmissionRecord) throws {
        var line = try Self.encoder.encode(record)
        line.append(0x0A)
        let descriptor = open(fileURL.path, O_RDWR | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { throw journalError("cannot open the journal (errno \(errno))") }
        defer { close(descriptor) }
        // A crash mid-write may have left a torn line: end it, so this record starts a line of its own.
        let size = lseek(descriptor, 0, SEEK_END)
        var last: UInt8 = 0x0A
        if size > 0, pread(descriptor, &last, 1, size - 1) == 1, last != 0x0A { line.insert(0x0A, at: 0) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw journalError("the record could not be written (errno \(errno))") }
        guard fsync(descriptor) == 0 else { throw journalError("the record could not be made durable (errno \(errno))") }
        try catchUp()
    }

    /// Reads the records appended (by anyone) since the last read.
    private func catchUp() throws {
        guard let handle = try? FileHandle(forReadingFrom: fileURL) else { throw journalError("cannot read the journal") }
        defer { try? handle.close() }
        try handle.seek(toOffset: readOffset)
        guard let data = try handle.readToEnd(), !data.isEmpty else { return }
        // Only complete lines: a line being written by another process is read next time.
        guard let lastNewline = data.lastIndex(of: 0x0A) else { return }
        for line in data[data.startIndex...lastNewline].split(separator: 0x0A) {
            guard let record = try? Self.decoder.decode(SubmissionRecord.self, from: Data(line)) else { continue }  // torn line
            latest[record.key] = record
        }
        readOffset += UInt64(lastNewline - data.startIndex + 1)
    }

    private func journalError(_ message: String) -> ChorusError {
        ChorusError(.configuration, operation: .soumettreFacture, message: "submission journal \(fileURL.path): \(message)")
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
