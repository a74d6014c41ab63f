// What a submit costs with the PostgreSQL journal, beside no journal, per transport, against a ChorusMock server in
// this process (chorus-bench's "journal" section prints the bare soumettre and the file journal).
//
//   CHORUS_TEST_POSTGRES=127.0.0.1:54329 swift run -c release --package-path Integrations postgres-journal-bench [count]
//
// The database: user `chorus`, database `chorus_test` (scripts/postgres-test-cluster.sh start prints the address).
// Prints figures; asserts nothing.
import ChorusMock
import ChorusPostgresJournal
import ChorusSDK
import ChorusSDKCurl
import Foundation
import PostgresNIO

let address = ProcessInfo.processInfo.environment["CHORUS_TEST_POSTGRES"]?.split(separator: ":") ?? []
guard address.count == 2, let port = Int(address[1]) else {
    FileHandle.standardError.write(Data("postgres-journal-bench: set CHORUS_TEST_POSTGRES=host:port\n".utf8))
    exit(2)
}
let count = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 200
let postgres = PostgresClient(
    configuration: .init(
        host: String(address[0]), port: port, username: "chorus", password: nil,
        database: "chorus_test", tls: .disable))
let running = Task { await postgres.run() }
let server = MockServer()
_ = try server.start()
let prefix = "bench_\(UInt32.random(in: 0...UInt32.max))"
var cents = 0
print(
    "postgres-journal-bench — \(count) sequential submits per row, distinct totals, each client warmed by one submit; "
        + "server in this process, PostgreSQL at \(address.joined(separator: ":")) (tables \(prefix)_*)")
for name in ["urlsession", "curl"] {
    let transport: any Transport = name == "curl" ? CurlTransport() : URLSessionTransport()
    var cells: [String] = []
    for (label, journal) in [
        ("no journal", nil), ("PostgreSQL journal", PostgresSubmissionJournal(client: postgres, tablePrefix: prefix)),
    ]
        as [(String, (any SubmissionJournal)?)]
    {
        let client = try ChorusClient(
            configuration: ChorusConfiguration(
                environment: server.environment, credentials: MockTransport.credentials, transport: transport,
                cachesReferenceData: false, submissionJournal: journal))
        func submit() async throws {
            cents += 1
            _ = try await client.invoices.submit(
                InvoiceSubmission(
                    mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: 26_262_001,
                    bankAccountID: 144_050,
                    lines: [
                        InvoiceLine(
                            designation: "Bench", quantity: 1, unitPrice: Amount(minorUnits: 10_000 + cents),
                            vatRate: .percentage(20))
                    ]))
        }
        try await submit()
        let served = server.requestsServed
        let started = ContinuousClock.now
        for _ in 0..<count { try await submit() }
        let elapsed = ContinuousClock.now - started
        let milliseconds =
            (Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15) / Double(count)
        cells.append(
            String(
                format: "%@ %.2f ms, %.1f requests", label, milliseconds,
                Double(server.requestsServed - served) / Double(count)))
    }
    print(
        "journal     | \(name.padding(toLength: 10, withPad: " ", startingAt: 0)) | " + cells.joined(separator: " | "))
}
_ = try? await postgres.query(PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS \(prefix)_records, \(prefix)_claims"))
running.cancel()
await server.shutdown()
