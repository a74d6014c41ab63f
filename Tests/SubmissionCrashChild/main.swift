// A process that submits one structured invoice with a FileSubmissionJournal, so that the reliability tests
// can kill it at the worst moment (after the platform committed, before the answer) and run it again.
//
//   submission-crash-child <server base URL> <journal directory> <cents>
//
// Prints `submitted <id> recovered=<true|false>` or `error <code>`.
import ChorusMock
import ChorusSDK
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 4, let base = URL(string: arguments[1]), let cents = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: submission-crash-child <base URL> <journal dir> <cents>\n".utf8))
    exit(2)
}
do {
    let configuration = ChorusConfiguration(
        environment: .custom(apiBaseURL: base, oauthURL: base.appendingPathComponent("api/oauth/token")),
        credentials: MockTransport.credentials, attemptTimeout: .seconds(120),
        submissionJournal: try FileSubmissionJournal(directory: URL(fileURLWithPath: arguments[2])))
    let client = try ChorusClient(configuration: configuration)
    let submission = InvoiceSubmission(
        mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: 26_262_001, bankAccountID: 144_050,
        lines: [InvoiceLine(designation: "Crash test", quantity: 1, unitPrice: Amount(minorUnits: cents), vatRate: .percentage(20))])
    print("sending")
    let invoice = try await client.invoices.submit(submission)
    print("submitted \(invoice.id) recovered=\(invoice.recoveredAfterLostAnswer)")
} catch let error as ChorusError {
    print("error \(error.code)")
}
