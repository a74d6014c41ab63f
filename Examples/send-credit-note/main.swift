// Send a credit note (AVOIR) that cancels part of an invoice: it names the original invoice, carries positive
// amounts (the type carries the sign) and no payment mode.
// Runs against the built-in fake: swift run send-credit-note
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

let example = try ExampleFake()
let (supplier, bank) = try await example.supplier()
let original = try await example.client.invoices.submit(InvoiceSubmission(
    mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: supplier.id, bankAccountID: bank.id,
    lines: [InvoiceLine(designation: "Maintenance annuelle", quantity: 1, unitPrice: "1500.00", vatRate: .percentage(20))]))
print("original invoice \(original.number)")

let note = try await example.client.invoices.submit(InvoiceSubmission(
    mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: supplier.id, type: .creditNote,
    originalInvoiceNumber: original.number, paymentMode: nil,
    lines: [InvoiceLine(designation: "Remise commerciale sur maintenance", quantity: 1, unitPrice: "150.00", vatRate: .percentage(20))]))
print("credit note \(note.number) for invoice \(original.number): status \(note.status?.rawValue ?? "not given")")
