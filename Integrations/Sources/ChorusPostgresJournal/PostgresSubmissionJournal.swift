import ChorusSDK
import Foundation
import PostgresNIO

/// A ``ChorusSDK/SubmissionJournal`` on PostgreSQL, for workers on several machines that share a database: exactly once
/// holds across processes, machines and crashes as long as they all use the same tables.
///
/// ```swift
/// let postgres = PostgresClient(configuration: .init(host: "db", port: 5432, username: "app", password: "…",
///                                                    database: "app", tls: .disable))
/// Task { await postgres.run() }  // the client's own run loop, as PostgresNIO requires
/// var configuration = ChorusConfiguration(environment: .production, credentials: try .fromEnvironment())
/// configuration.submissionJournal = PostgresSubmissionJournal(client: postgres)
/// ```
///
/// - Records go to `<prefix>_records` (one row per step, the ``ChorusSDK/SubmissionRecord`` as JSON text): an
///   `INSERT` in autocommit, durable when it returns (the server's `synchronous_commit`, on by default, decides).
/// - Claims are rows of `<prefix>_claims`: an `INSERT … ON CONFLICT DO UPDATE … WHERE expires_at < now()`, so a key is
///   granted to one worker at a time, and taken over only once its lease ran out. The holder renews its lease every
///   third of it while it works; a holder that died stops renewing, and its claim lapses within one lease. Times are
///   the database's (`now()`), never the workers' clocks.
/// - The tables are created on first use (`CREATE TABLE IF NOT EXISTS`, under an advisory lock so that workers starting
///   together do not race).
/// - A failure of the database is a ``ChorusSDK/ChorusError`` with code ``ChorusSDK/ChorusError/Code/configuration``
///   naming the step; before sending, nothing is sent, and after, the outcome stays unrecorded, which makes the next
///   submit of that invoice look it up first.
public final class PostgresSubmissionJournal: SubmissionJournal, Sendable {
    private let client: PostgresClient
    private let records: String
    private let claims: String
    private let lease: Duration
    /// How long one database step may take before the journal gives up with an error (10 s by default).
    public let operationTimeout: Duration
    /// This journal's name for itself in the claims table: host, process and a random part.
    public let owner: String
    private let state = JournalState()

    /// A journal on `client`, in the tables `<tablePrefix>_records` and `<tablePrefix>_claims`.
    ///
    /// - Parameters:
    ///   - tablePrefix: letters, digits and `_` only (it is part of the SQL text): `chorus_submission` by default.
    ///   - lease: how long a claim lasts without renewal, 60 s by default. Keep it below
    ///     ``ChorusSDK/ChorusConfiguration/submissionClaimWait`` so that a dead worker's claim lapses before the others
    ///     stop waiting for it.
    ///   - operationTimeout: how long one step (a read, a record, a claim) may wait for the database.
    public init(client: PostgresClient, tablePrefix: String = "chorus_submission", lease: Duration = .seconds(60),
                operationTimeout: Duration = .seconds(10)) {
        self.operationTimeout = operationTimeout
        self.client = client
        let safe = tablePrefix.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        let prefix = safe.isEmpty ? "chorus_submission" : safe
        records = prefix + "_records"
        claims = prefix + "_claims"
        self.lease = lease
        owner = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8))"
    }

    public func lastRecord(for key: String) async throws -> SubmissionRecord? {
        try await prepared("read the record of a submission")
        let text = try await failing("read the record of a submission") { [self] () -> String? in
            let rows = try await client.query(
                "SELECT record FROM \(unescaped: records) WHERE key = \(key) ORDER BY seq DESC LIMIT 1", logger: Self.logger)
            for try await record in rows.decode(String.self) { return record }
            return nil
        }
        guard let text else { return nil }
        do {
            return try SubmissionRecord.decodedJSON(Data(text.utf8))
        } catch {
            throw ChorusError(.configuration, operation: .soumettreFacture,
                              message: "the PostgreSQL submission journal holds a record for this key that cannot be read (\(error)).")
        }
    }

    public func append(_ record: SubmissionRecord) async throws {
        try await prepared("record a submission step")
        let text = String(decoding: try SubmissionRecord.encodedJSON(record), as: UTF8.self)
        try await failing("record a submission step") { [self] () -> Void in
            try await client.query("INSERT INTO \(unescaped: records) (key, record) VALUES (\(record.key), \(text))", logger: Self.logger)
        }
    }

    public func claim(_ key: String) async throws -> SubmissionClaim? {
        try await prepared("claim a submission")
        let granted = try await failing("claim a submission") { [self] () -> Bool in
            let rows = try await client.query("""
                INSERT INTO \(unescaped: claims) (key, owner, expires_at) VALUES (\(key), \(owner), now() + make_interval(secs => \(seconds(lease))))
                ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
                WHERE \(unescaped: claims).expires_at < now()
                RETURNING owner
                """, logger: Self.logger)
            for try await _ in rows.decode(String.self) { return true }
            return false
        }
        guard granted else { return nil }
        let claim = SubmissionClaim(key: key, owner: owner)
        await state.hold(claim, renewal: Task { [self] in await renew(claim) })
        return claim
    }

    public func release(_ claim: SubmissionClaim) async {
        await state.drop(claim)?.cancel()
        // A claim that cannot be deleted now lapses with its lease.
        _ = try? await client.query(
            "DELETE FROM \(unescaped: claims) WHERE key = \(claim.key) AND owner = \(claim.owner)", logger: Self.logger)
    }

    /// Extends the lease every third of it while the claim is held.
    private func renew(_ claim: SubmissionClaim) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: lease / 3) } catch { return }
            _ = try? await client.query("""
                UPDATE \(unescaped: claims) SET expires_at = now() + make_interval(secs => \(seconds(lease)))
                WHERE key = \(claim.key) AND owner = \(claim.owner)
                """, logger: Self.logger)
        }
    }

    /// Creates the tables once per journal object (and waits for another worker creating them).
    private func prepared(_ step: String) async throws {
        guard await !state.isPrepared else { return }
        try await failing(step) { [self] () -> Void in
            try await client.withConnection { connection in
                try await connection.query("SELECT pg_advisory_lock(727272)", logger: Self.logger)
                do {
                    try await connection.query("""
                        CREATE TABLE IF NOT EXISTS \(unescaped: records) (
                            seq bigserial PRIMARY KEY, key text NOT NULL, record text NOT NULL,
                            recorded_at timestamptz NOT NULL DEFAULT now())
                        """, logger: Self.logger)
                    try await connection.query("""
                        CREATE INDEX IF NOT EXISTS \(unescaped: records)_key ON \(unescaped: records) (key, seq DESC)
                        """, logger: Self.logger)
                    try await connection.query("""
                        CREATE TABLE IF NOT EXISTS \(unescaped: claims) (
                            key text PRIMARY KEY, owner text NOT NULL, expires_at timestamptz NOT NULL)
                        """, logger: Self.logger)
                } catch {
                    _ = try? await connection.query("SELECT pg_advisory_unlock(727272)", logger: Self.logger)
                    throw error
                }
                try await connection.query("SELECT pg_advisory_unlock(727272)", logger: Self.logger)
            }
        }
        await state.markPrepared()
    }

    /// Runs `work` within ``operationTimeout``, turning a database failure into a ``ChorusSDK/ChorusError`` that names
    /// `step`. (A pool that cannot connect keeps a query waiting for a connection forever: the timeout ends that wait.)
    private func failing<Value: Sendable>(_ step: String, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let timeout = self.operationTimeout
        do {
            return try await withThrowingTaskGroup(of: Value.self) { group in
                group.addTask { try await work() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw JournalDatabaseFailure(description: "no answer from the database within \(timeout.components.seconds) s")
                }
                defer { group.cancelAll() }
                guard let value = try await group.next() else { throw CancellationError() }
                return value
            }
        } catch let error as ChorusError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw ChorusError(.configuration, operation: .soumettreFacture,
                              message: "the PostgreSQL submission journal could not \(step) (\(Self.describe(error))).",
                              underlyingError: JournalDatabaseFailure(description: Self.describe(error)))
        }
    }

    /// A `PSQLError`'s server message when there is one (its own description hides it), else the error's type.
    private static func describe(_ error: any Error) -> String {
        if let failure = error as? JournalDatabaseFailure { return failure.description }
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return "\(psql.code): \(message)" }
            return "\(psql.code)"
        }
        return "\(type(of: error))"
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static let logger = Logger(label: "ChorusPostgresJournal")
}

/// Why the database refused or failed a journal step (the server's message, never a password).
public struct JournalDatabaseFailure: Error, Sendable, CustomStringConvertible {
    /// The server's code and message, or the error's type.
    public let description: String
}

/// The journal's mutable part: whether its tables exist, and the renewal task of each claim it holds.
private actor JournalState {
    private(set) var isPrepared = false
    private var renewals: [SubmissionClaim: Task<Void, Never>] = [:]

    func markPrepared() { isPrepared = true }
    func hold(_ claim: SubmissionClaim, renewal: Task<Void, Never>) { renewals[claim] = renewal }
    func drop(_ claim: SubmissionClaim) -> Task<Void, Never>? { renewals.removeValue(forKey: claim) }
}
