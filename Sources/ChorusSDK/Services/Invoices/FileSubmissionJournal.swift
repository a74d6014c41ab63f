import Foundation

/// A ``SubmissionJournal`` in a directory the caller chooses: one append-only file of JSON lines
/// (`submissions.jsonl`), each record written with one `write(2)` on an `O_APPEND` descriptor and
/// `fsync`ed before ``append(_:)`` returns. Several processes may share the directory: appends do not
/// interleave, and each reader picks up what others appended since it last looked. A torn last line (a
/// crash mid-write) is skipped.
///
/// The file grows by about 200 bytes per step of a submission; ``compact(droppingClosedBefore:)`` rewrites it with the
/// last record of each key, leaving out closed keys (created or not created) older than a date you choose, which
/// bounds both the file and the in-memory index. Open keys (an intent) are always kept.
///
/// Claims (``claim(_:)``) are `flock(2)` locks on one file per key in `claims/`, held on an open descriptor until
/// ``release(_:)``: the kernel gives a lock back when its process dies however it dies, so a live worker's intent
/// is never reconciled by another process and a dead one's is. Locks of one process exclude each other too (two
/// clients are two workers). Released claims delete their file, so `claims/` holds only the keys in flight.
///
/// Its file I/O (`open`, `write`, `fsync`, reading the tail) runs on a serial dispatch queue of its own, never on
/// the cooperative thread pool: an `fsync` on a slow disk does not starve other tasks.
///
/// `@unchecked Sendable` invariant: `latest`, `readOffset`, `readFile` and `held` are only read or written on `queue`.
public final class FileSubmissionJournal: SubmissionJournal, @unchecked Sendable {
    /// The journal file.
    public let fileURL: URL
    let queue = DispatchQueue(label: "ChorusSDK.FileSubmissionJournal")
    var latest: [String: SubmissionRecord] = [:]
    var readOffset: UInt64 = 0
    /// The file `readOffset` points into: device, inode and the first line, which a compaction makes unique (an inode
    /// number may be reused by a later file).
    var readFile: JournalFileIdentity?
    /// Appends hold it shared and a compaction exclusively, so no record goes to a file being replaced.
    let rewriteLockURL: URL
    /// The descriptors holding this object's claims, by key.
    private var held: [String: Int32] = [:]
    private let claimsDirectory: URL
    private let owner = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8))"

    /// Opens (creating when needed) the journal in `directory`.
    ///
    /// - Throws: ``ChorusError/Code/configuration`` when the directory cannot be created or written.
    public init(directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ChorusError(
                .configuration, operation: .soumettreFacture,
                message: "cannot create the submission journal directory \(directory.path): \(error)")
        }
        fileURL = directory.appendingPathComponent("submissions.jsonl")
        claimsDirectory = directory.appendingPathComponent("claims")
        rewriteLockURL = directory.appendingPathComponent("submissions.lock")
        do {
            try FileManager.default.createDirectory(at: claimsDirectory, withIntermediateDirectories: true)
        } catch {
            throw ChorusError(
                .configuration, operation: .soumettreFacture, message: "cannot create \(claimsDirectory.path): \(error)"
            )
        }
        let descriptor = open(fileURL.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else {
            throw ChorusError(
                .configuration, operation: .soumettreFacture,
                message: "cannot open \(fileURL.path) for appending (errno \(errno))")
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

    public func claim(_ key: String) async throws -> SubmissionClaim? {
        try await onQueue { () throws -> SubmissionClaim? in
            guard self.held[key] == nil else { return nil }  // this object holds it for another call
            guard let descriptor = try self.lock(self.claimFile(for: key)) else { return nil }
            self.held[key] = descriptor
            return SubmissionClaim(key: key, owner: self.owner)
        }
    }

    public func release(_ claim: SubmissionClaim) async {
        _ = try? await onQueue {
            guard let descriptor = self.held.removeValue(forKey: claim.key) else { return }
            // Unlinked while still locked: a worker that opened the old file finds it is no longer the claim's file.
            unlink(self.claimFile(for: claim.key).path)
            close(descriptor)
        }
    }

    /// `claims/<SHA-256 of the key>.lock`.
    private func claimFile(for key: String) -> URL {
        claimsDirectory.appendingPathComponent(
            SHA256.digest(Data(key.utf8)).map { String(format: "%02x", $0) }.joined() + ".lock")
    }

    /// An exclusive lock on `file` without waiting, or `nil` when another descriptor holds it. A file unlinked by its
    /// releasing holder between our `open` and our `flock` is not the claim any more: open the new one.
    private func lock(_ file: URL) throws -> Int32? {
        while true {
            let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw journalError("cannot open the claim file \(file.lastPathComponent) (errno \(errno))")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let failure = errno
                close(descriptor)
                if failure == EWOULDBLOCK { return nil }
                throw journalError("cannot lock the claim file \(file.lastPathComponent) (errno \(failure))")
            }
            var locked = stat()
            var current = stat()
            if fstat(descriptor, &locked) == 0, stat(file.path, &current) == 0,
                locked.st_ino == current.st_ino, locked.st_dev == current.st_dev
            {
                return descriptor
            }
            close(descriptor)
        }
    }

    /// Runs `work` on the journal's queue and resumes the caller with its result.
    func onQueue<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Appends one record durably (on `queue`).
    private func appendDurably(_ record: SubmissionRecord) throws {
        var line = try SubmissionRecord.encodedJSON(record)
        line.append(0x0A)
        let rewriteLock = try lockRewrites(LOCK_SH)
        defer { close(rewriteLock) }
        let descriptor = open(fileURL.path, O_RDWR | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { throw journalError("cannot open the journal (errno \(errno))") }
        defer { close(descriptor) }
        // A crash mid-write may have left a torn line: end it, so this record starts a line of its own.
        let size = lseek(descriptor, 0, SEEK_END)
        var last: UInt8 = 0x0A
        if size > 0, pread(descriptor, &last, 1, size - 1) == 1, last != 0x0A { line.insert(0x0A, at: 0) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw journalError("the record could not be written (errno \(errno))") }
        guard fsync(descriptor) == 0 else {
            throw journalError("the record could not be made durable (errno \(errno))")
        }
        try catchUp()
    }

    /// Reads the records appended (by anyone) since the last read; after a compaction (a new file), the whole file.
    func catchUp() throws {
        guard let handle = try? FileHandle(forReadingFrom: fileURL) else {
            throw journalError("cannot read the journal")
        }
        defer { try? handle.close() }
        if let file = JournalFileIdentity(descriptor: handle.fileDescriptor) {
            if let readFile, readFile != file {
                latest = [:]
                readOffset = 0
            }
            readFile = file
        }
        try handle.seek(toOffset: readOffset)
        guard let data = try handle.readToEnd(), !data.isEmpty else { return }
        // Only complete lines: a line being written by another process is read next time.
        guard let lastNewline = data.lastIndex(of: 0x0A) else { return }
        for line in data[data.startIndex...lastNewline].split(separator: 0x0A) {
            // A line that does not decode is a torn one (a crash mid-write): skipped.
            guard let record = try? SubmissionRecord.decodedJSON(Data(line)) else { continue }
            latest[record.key] = record
        }
        readOffset += UInt64(lastNewline - data.startIndex + 1)
    }

    func journalError(_ message: String) -> ChorusError {
        ChorusError(
            .configuration, operation: .soumettreFacture, message: "submission journal \(fileURL.path): \(message)")
    }
}
