// The public body's side: list the invoices received and not yet downloaded, read one, download it, and move it
// on — available, service done, paid. A rejection or a suspension needs a reason (checked before sending).
// Runs against the built-in fake, as the Opéra national de Paris: swift run process-received-invoices
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

let example = try ExampleFake()
let (supplier, bank) = try await example.supplier()
_ = try await example.client.invoices.submit(InvoiceSubmission(
    mode: .structured, recipientSIRET: FakeSeed.operaSIRET, serviceCode: "DIRECTION_ACHATS", supplierID: supplier.id, bankAccountID: bank.id,
    lines: [InvoiceLine(designation: "Toiles de décor", quantity: 3, unitPrice: "850.00", vatRate: .percentage(20))]))

let opera = try example.fake.client(as: .recipient)  // the Opéra's own technical account
for try await invoice in opera.receivedInvoices.searchAll(ReceivedInvoiceQuery(downloaded: false)).items {
    let details = try await opera.receivedInvoices.details(invoiceID: invoice.id)
    print("\(invoice.number) from \(invoice.supplierName ?? "?"): \(details.totals?.includingTax?.formatted() ?? "?") EUR TTC, "
          + "\(details.lines.count) line(s), status \(invoice.status)")
    let pdf = try await opera.receivedInvoices.download(invoiceIDs: [invoice.id], format: .pdf, includeAttachments: true)
    print("  downloaded \(pdf.count) bytes")
    do {
        _ = try await opera.receivedInvoices.process(invoiceID: invoice.id, to: .rejected)  // no reason: refused locally
    } catch let error as ChorusError {
        print("  not sent: \(error.message)")
    }
    for status in [InvoiceStatus.madeAvailable, .serviceDone, .mandated, .paymentInitiated] {
        let moved = try await opera.receivedInvoices.process(invoiceID: invoice.id, to: status)
        print("  → \(moved.status?.rawValue ?? "?")")
    }
}
