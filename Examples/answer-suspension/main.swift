// Answer a suspended invoice: the recipient asks for a missing document; the supplier adds it and comments.
// Runs against the built-in fake, which plays the recipient: swift run answer-suspension
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

let example = try ExampleFake()
let (supplier, bank) = try await example.supplier()
let invoice = try await example.client.invoices.submit(InvoiceSubmission(
    mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: supplier.id, bankAccountID: bank.id,
    lines: [InvoiceLine(designation: "Livraison de mobilier", quantity: 1, unitPrice: "2400.00", vatRate: .percentage(20))]))
try await example.fake.makeAvailable(invoice.id)
try await example.fake.suspend(invoice.id, reason: "Merci de joindre le bon de livraison signé")

for try await suspended in example.client.invoices.searchAll(InvoiceQuery(statuses: [.suspended])).items {
    print("\(suspended.number) is suspended: \(suspended.statusComment ?? "")")
    let note = try await example.client.invoices.addAttachment(Data("bon de livraison signé".utf8), fileName: "bon-livraison.pdf",
                                                               mimeType: "application/pdf")
    try await example.client.invoices.complete(invoiceID: suspended.id, comment: "Bon de livraison joint", attachments: [note])
    print("answered: status \(try await example.client.invoices.history(invoiceID: suspended.id).currentStatus)")
}
