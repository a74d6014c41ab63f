// A worker process that submits structured invoices with a FileSubmissionJournal, so that the reliability tests can
// kill it at the worst moment (after the platform committed, before the answer), run it again, or run several at once
// on one journal.
//
//   submission-crash-child <server base URL> <journal directory> <cents>[,<cents>…] [urlsession|curl]
//
// Prints `sending`, then one line per invoice, in order: `submitted <id> recovered=<true|false> already=<true|false>`
// or `error <code>`.
import ChorusMock
import ChorusSDK
import ChorusSDKCurl
import Foundation

let arguments = CommandLine.arguments
let amounts = arguments.count >= 4 ? arguments[3].split(separator: ",").compactMap { Int($0) } : []
guard (4...5).contains(arguments.count), let base = URL(string: arguments[1]), !amounts.isEmpty else {
    FileHandle.standardError.write(Data("usage: submission-crash-child <base URL> <journal dir> <cents>[,<cents>…] [urlsession|curl]\n".utf8))
    exit(2)
}
let transport: any Transport = arguments.count == 5 && arguments[4] == "curl" ? CurlTransport() : URLSessionTransport()
do {
    var configuration = ChorusConfiguration(
        environment: .custom(apiBaseURL: base, oauthURL: base.appendingPathComponent("api/oauth/token")),
        credentials: MockTransport.credentials, transport: transport, attemptTimeout: .seconds(120),
        submissionJournal: try FileSubmissionJournal(directory: URL(fileURLWithPath: arguments[2])))
    // The fake commits within milliseconds of receiving a request: a second lets a killed worker's request land.
    configuration.submissionSettleTime = .seconds(1)
    let client = try ChorusClient(configuration: configuration)
    print("sending")
    for cents in amounts {
        let submission = InvoiceSubmission(
            mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: 26_262_001, bankAccountID: 144_050,
            lines: [InvoiceLine(designation: "Crash test", quantity: 1, unitPrice: Amount(minorUnits: cents), vatRate: .percentage(20))])
        do {
            let invoice = try await client.invoices.submit(submission)
            print("submitted \(invoice.id) recovered=\(invoice.recoveredAfterLostAnswer) already=\(invoice.alreadySubmitted)")
        } catch let error as ChorusError {
            print("error \(error.code)")
        }
    }
} catch {
    print("error \(error)")
}
