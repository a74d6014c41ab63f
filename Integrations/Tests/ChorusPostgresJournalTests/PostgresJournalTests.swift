import ChorusMock
import ChorusPostgresJournal
import ChorusSDK
import Foundation
import PostgresNIO
import Testing

/// The server `scripts/test.sh` started (`CHORUS_TEST_POSTGRES`), if any.
enum PostgresTestServer {
    static let address: (host: String, port: Int)? = {
        let parts = ProcessInfo.processInfo.environment["CHORUS_TEST_POSTGRES"]?.split(separator: ":") ?? []
        guard parts.count == 2, let port = Int(parts[1]) else { return nil }
        return (String(parts[0]), port)
    }()
}

/// Stops a mock server from a `defer` in async code (its blocking stop is unavailable there by design).
func stopBlocking(_ server: MockServer) { server.shutdownBlocking() }

/// The PostgreSQL journal against a real server: `scripts/postgres-test-cluster.sh` starts one and `scripts/test.sh`
/// passes its address in `CHORUS_TEST_POSTGRES` (`host:port`, user `chorus`, database `chorus_test`).
@Suite("PostgreSQL journal", .enabled(if: PostgresTestServer.address != nil), .timeLimit(.minutes(10)))
struct PostgresJournalTests {
    static var address: (host: String, port: Int)? { PostgresTestServer.address }

    static func configuration(port: Int? = nil) -> PostgresClient.Configuration {
        .init(host: address?.host ?? "127.0.0.1", port: port ?? address?.port ?? 5432, username: "chorus", password: nil,
              database: "chorus_test", tls: .disable)
    }

    /// Runs `body` with a running client.
    static func withPostgres<Value: Sendable>(port: Int? = nil, _ body: (PostgresClient) async throws -> Value) async throws -> Value {
        let client = PostgresClient(configuration: configuration(port: port))
        let running = Task { await client.run() }
        defer { running.cancel() }
        return try await body(client)
    }

    /// Tables of their own for each test: tests run in parallel.
    static func prefix() -> String { "t_" + UUID().uuidString.prefix(8).lowercased().filter { $0.isLetter || $0.isNumber } }

    static func structured(_ cents: Int) -> InvoiceSubmission {
        InvoiceSubmission(
            mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: 26_262_001, bankAccountID: 144_050,
            lines: [InvoiceLine(designation: "PostgreSQL", quantity: 1, unitPrice: Amount(minorUnits: cents), vatRate: .percentage(20))])
    }

    @Test("records: the newest per key is read back, with every field and a stage this SDK does not know")
    func records() async throws {
        try await Self.withPostgres { client in
            let journal = PostgresSubmissionJournal(client: client, tablePrefix: Self.prefix())
            #expect(try await journal.lastRecord(for: "k") == nil)
            let date = Date(timeIntervalSince1970: 1_800_000_000)
            try await journal.append(SubmissionRecord(key: "k", stage: .intent, date: date, existingInvoiceIDs: [3, 1], contentDigest: "d"))
            let submitted = SubmissionRecord(key: "k", stage: .submitted, date: date, invoiceID: 42, invoiceNumber: "F-42", contentDigest: "d")
            try await journal.append(submitted)
            try await journal.append(SubmissionRecord(key: "other", stage: .init(rawValue: "reviewed"), date: date))
            #expect(try await journal.lastRecord(for: "k") == submitted)
            #expect(try await journal.lastRecord(for: "other")?.stage.rawValue == "reviewed")
        }
    }

    @Test("claims: one holder at a time, given back on release, taken over only once a lease ran out")
    func claims() async throws {
        try await Self.withPostgres { client in
            let prefix = Self.prefix()
            let first = PostgresSubmissionJournal(client: client, tablePrefix: prefix, lease: .seconds(1))
            let second = PostgresSubmissionJournal(client: client, tablePrefix: prefix, lease: .seconds(1))
            let held = try #require(try await first.claim("k"))
            #expect(held.owner == first.owner)
            #expect(try await second.claim("k") == nil)
            // The holder renews its lease while it works: still held after three leases.
            try await Task.sleep(for: .seconds(3))
            #expect(try await second.claim("k") == nil)
            await first.release(held)
            let taken = try #require(try await second.claim("k"))
            #expect(taken.owner == second.owner)
            // A holder that dies stops renewing: its claim lapses. (A row written as a dead worker leaves it.)
            try await client.query("INSERT INTO \(unescaped: prefix)_claims VALUES ('dead', 'gone:1:x', now() - interval '1 second')")
            #expect(try await first.claim("dead") != nil)
        }
    }

    @Test("four clients on one database submitting the same invoice at once: one send, the others told from the journal")
    func concurrentClients() async throws {
        try await Self.withPostgres { client in
            let fake = FakeChorusPro()
            let prefix = Self.prefix()
            let clients = try (0..<4).map { _ in
                try fake.client(configure: { $0.submissionJournal = PostgresSubmissionJournal(client: client, tablePrefix: prefix) })
            }
            let results = try await withThrowingTaskGroup(of: SubmittedInvoice.self) { group in
                for chorus in clients { group.addTask { try await chorus.invoices.submit(Self.structured(91_000)) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(results.map(\.id)).count == 1)
            #expect(results.filter(\.alreadySubmitted).count == 3)
            #expect(await fake.journal.filter { $0.path == "/cpro/factures/v1/soumettre" }.count == 1)
        }
    }

    @Test("a database that cannot be reached: a ChorusError naming the step, and nothing sent")
    func databaseLost() async throws {
        try await Self.withPostgres(port: 1) { client in
            let fake = FakeChorusPro()
            let chorus = try fake.client(configure: { $0.submissionJournal = PostgresSubmissionJournal(client: client) })
            let error = await #expect(throws: ChorusError.self) {
                try await withThrowingTaskGroup(of: SubmittedInvoice.self) { group in
                    group.addTask { try await chorus.invoices.submit(Self.structured(91_001)) }
                    group.addTask {
                        try await Task.sleep(for: .seconds(120))
                        throw CancellationError()
                    }
                    defer { group.cancelAll() }
                    return try await group.next()!
                }
            }
            #expect(error?.code == .configuration, "\(String(describing: error))")
            #expect(error?.message.contains("PostgreSQL submission journal could not") == true, "\(String(describing: error))")
            #expect(await fake.storedInvoices.isEmpty)
        }
    }
}
