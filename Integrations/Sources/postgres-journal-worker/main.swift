// A worker process for the PostgreSQL journal's tests: it shares nothing with the other workers but the database.
//
//   postgres-journal-worker <server base URL> <postgres host:port> <cents>[,<cents>…] [urlsession|curl]
//
// Submits one structured invoice per amount to the fake behind the server, with a PostgresSubmissionJournal (user
// `chorus`, database `chorus_test`, tables named by $CHORUS_JOURNAL_PREFIX). Prints `sending`, then per invoice `submitted <id> recovered=… already=…` or
// `error <code>`.
import ChorusMock
import ChorusPostgresJournal
import ChorusSDK
import ChorusSDKCurl
import Foundation
import PostgresNIO

let arguments = CommandLine.arguments
let amounts = arguments.count >= 4 ? arguments[3].split(separator: ",").compactMap { Int($0) } : []
let address = arguments.count >= 3 ? arguments[2].split(separator: ":") : []
guard (4...5).contains(arguments.count), let base = URL(string: arguments[1]), !amounts.isEmpty, address.count == 2,
      let port = Int(address[1]) else {
    FileHandle.standardError.write(Data("usage: postgres-journal-worker <base URL> <host:port> <cents>[,<cents>…] [urlsession|curl]\n".utf8))
    exit(2)
}
// Output is read once the worker exits; a killed worker's lines are not needed (the fake counts).
let postgres = PostgresClient(configuration: .init(host: String(address[0]), port: port, username: "chorus", password: nil,
                                                   database: "chorus_test", tls: .disable))
let running = Task { await postgres.run() }
let transport: any Transport = arguments.count == 5 && arguments[4] == "curl" ? CurlTransport() : URLSessionTransport()
do {
    var configuration = ChorusConfiguration(
        environment: .custom(apiBaseURL: base, oauthURL: base.appendingPathComponent("api/oauth/token")),
        credentials: MockTransport.credentials, transport: transport, attemptTimeout: .seconds(120),
        submissionJournal: PostgresSubmissionJournal(
            client: postgres, tablePrefix: ProcessInfo.processInfo.environment["CHORUS_JOURNAL_PREFIX"] ?? "chorus_submission",
            lease: .seconds(3)))
    // The fake commits within milliseconds of receiving a request: a second lets a killed worker's request land.
    configuration.submissionSettleTime = .seconds(1)
    let client = try ChorusClient(configuration: configuration)
    print("sending")
    for cents in amounts {
        let submission = InvoiceSubmission(
            mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: 26_262_001, bankAccountID: 144_050,
            lines: [InvoiceLine(designation: "Worker", quantity: 1, unitPrice: Amount(minorUnits: cents), vatRate: .percentage(20))])
        do {
            let invoice = try await client.invoices.submit(submission)
            print("submitted \(invoice.id) recovered=\(invoice.recoveredAfterLostAnswer) already=\(invoice.alreadySubmitted)")
        } catch let error as ChorusError {
            print("error \(error.code): \(error.message)")
        }
    }
} catch {
    print("error \(error)")
}
running.cancel()
