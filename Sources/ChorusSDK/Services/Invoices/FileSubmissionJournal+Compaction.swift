import Foundation

/// What ``FileSubmissionJournal/compact(droppingClosedBefore:)`` did.
public struct JournalCompaction: Sendable, Equatable {
    /// Records in the file before (complete lines that decode).
    public let recordsBefore: Int
    /// Records kept: the last one of each key still in the journal.
    public let recordsKept: Int
    /// Keys left out: closed (created or not created) with a last record older than the cutoff.
    public let keysDropped: Int

    /// Creates a report (for tests and stubs).
    public init(recordsBefore: Int, recordsKept: Int, keysDropped: Int) {
        self.recordsBefore = recordsBefore
        self.recordsKept = recordsKept
        self.keysDropped = keysDropped
    }
}

extension FileSubmissionJournal {
    /// Rewrites the journal with only the last record of each key, leaving out the keys that are closed — their last
    /// record says the invoice was created (``SubmissionRecord/Stage/submitted``) or not
    /// (``SubmissionRecord/Stage/notCreated``) — and older than `cutoff` (`nil`: keep every key). Open keys (an
    /// intent, or a stage this SDK does not know) are always kept, so a crashed submission is still reconciled.
    ///
    /// Choose the cutoff for as long as a caller may submit the same invoice again: a dropped key's invoice is no
    /// longer answered from the journal, so submitting it once more sends it (the look-up before sending a structured
    /// invoice covers only the day before). Monthly compaction with a cutoff of a year is a reasonable default.
    ///
    /// Safe while other processes use the directory: appends wait for the rewrite (an exclusive `flock` on
    /// `submissions.lock`, which appends hold shared), the new file replaces the old one with `rename(2)` after an
    /// `fsync`, and every journal object notices the new file at its next read and reloads it.
    @discardableResult
    public func compact(droppingClosedBefore cutoff: Date? = nil) async throws -> JournalCompaction {
        try await onQueue { try self.rewrite(droppingClosedBefore: cutoff) }
    }

    /// An exclusive or shared (`operation`) lock on `submissions.lock`, waiting for it; the caller closes the descriptor.
    func lockRewrites(_ operation: Int32) throws -> Int32 {
        let descriptor = open(rewriteLockURL.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw journalError("cannot open \(rewriteLockURL.lastPathComponent) (errno \(errno))")
        }
        while flock(descriptor, operation) != 0 {
            guard errno == EINTR else {
                let failure = errno
                close(descriptor)
                throw journalError("cannot lock \(rewriteLockURL.lastPathComponent) (errno \(failure))")
            }
        }
        return descriptor
    }

    /// The compaction itself (on `queue`).
    private func rewrite(droppingClosedBefore cutoff: Date?) throws -> JournalCompaction {
        let lock = try lockRewrites(LOCK_EX)
        defer { close(lock) }
        guard let data = FileManager.default.contents(atPath: fileURL.path) else {
            throw journalError("cannot read the journal")
        }
        var last: [String: SubmissionRecord] = [:]
        var order: [String] = []
        var before = 0
        for line in data.split(separator: 0x0A) {
            guard let record = try? SubmissionRecord.decodedJSON(Data(line)) else { continue }  // a torn line
            before += 1
            if last.updateValue(record, forKey: record.key) == nil { order.append(record.key) }
        }
        var kept: [SubmissionRecord] = []
        for key in order {
            guard let record = last[key] else { continue }
            let closed = record.stage == .submitted || record.stage == .notCreated
            if let cutoff, closed, record.date < cutoff { continue }
            kept.append(record)
        }
        // A first line of its own makes this file distinguishable from any earlier one (readers skip it: no record).
        var text = Data(#"{"compaction":"\#(UUID().uuidString)"}"#.utf8)
        text.append(0x0A)
        for record in kept {
            text.append(try SubmissionRecord.encodedJSON(record))
            text.append(0x0A)
        }
        let temporary = fileURL.appendingPathExtension("compacting")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw journalError("cannot create \(temporary.lastPathComponent) (errno \(errno))")
        }
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == text.count, synced else {
            unlink(temporary.path)
            throw journalError(
                "the compacted journal could not be written durably (errno \(errno)); the journal is unchanged")
        }
        guard rename(temporary.path, fileURL.path) == 0 else {
            unlink(temporary.path)
            throw journalError(
                "the compacted journal could not replace the old one (errno \(errno)); the journal is unchanged")
        }
        // The rename itself made durable: the directory's entry.
        let directory = open(fileURL.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
        try catchUp()
        return JournalCompaction(recordsBefore: before, recordsKept: kept.count, keysDropped: order.count - kept.count)
    }
}

/// Which journal file a reader is in: device, inode and the file's first bytes (a compaction's unique first line).
struct JournalFileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64
    let head: Data

    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        // A compacted file starts with its unique line; a file that never was has records, which do not change.
        head = count > 0 ? Data(bytes[0..<count]) : Data()
    }
}
