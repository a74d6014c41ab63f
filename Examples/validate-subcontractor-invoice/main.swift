// A subcontractor's invoice (A9) goes to the main contractor, its validator, before the public body: the validator
// lists what waits for it, reads it, and validates or refuses (a refusal needs a reason).
// Runs against the built-in fake: swift run validate-subcontractor-invoice
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

let example = try ExampleFake()
let (supplier, bank) = try await example.supplier()
let invoice = try await example.client.invoices.submit(InvoiceSubmission(
    mode: .structured, recipientSIRET: FakeSeed.operaSIRET, serviceCode: "DIRECTION_ACHATS", supplierID: supplier.id, bankAccountID: bank.id,
    framework: .subcontractorInvoice, validatorSIRET: FakeSeed.validatorSIRET,
    lines: [InvoiceLine(designation: "Pose d'échafaudages (sous-traitance)", quantity: 1, unitPrice: "4800.00", vatRate: .percentage(20))]))
print("submitted \(invoice.number): \(invoice.status?.rawValue ?? "?")")

let validator = try example.fake.client(as: .validator)
print("the validator sees invoices in: \(try await validator.validations.visibleStatuses().map(\.rawValue).joined(separator: ", "))")
for waiting in try await validator.validations.search(ReceivedInvoiceQuery(statuses: [.awaitingFirstValidation])).items {
    let details = try await validator.validations.details(invoiceID: waiting.id)
    print("\(waiting.number): \(details.totals?.includingTax?.formatted() ?? "?") EUR TTC for \(details.recipientName ?? "?")")
    let done = try await validator.validations.validate(invoiceID: waiting.id)
    print("  validated → \(done.status?.rawValue ?? "?")")
}
let history = try await example.client.invoices.history(invoiceID: invoice.id)
print("the supplier sees: " + history.entries.reversed().map(\.status.rawValue).joined(separator: " → "))
