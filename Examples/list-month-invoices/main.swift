// List this month's invoices and their statuses, across every page of results.
// Runs against the built-in fake (a few invoices are sent first): swift run list-month-invoices
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

let example = try ExampleFake()
let (supplier, bank) = try await example.supplier()
for amount in ["120.00", "75.50", "980.00"] {
    _ = try await example.client.invoices.submit(InvoiceSubmission(
        mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: supplier.id, bankAccountID: bank.id,
        lines: [InvoiceLine(designation: "Prestation", quantity: 1, unitPrice: Amount(amount) ?? 0, vatRate: .percentage(20))]))
}
let today = CalendarDate(Date())
let firstOfMonth = CalendarDate(year: today.year, month: today.month, day: 1) ?? today
var count = 0
for try await invoice in example.client.invoices.searchAll(InvoiceQuery(depositedFrom: firstOfMonth, depositedUntil: today)).items {
    count += 1
    print("\(invoice.number)  \(invoice.depositDate?.description ?? "")  \(invoice.totalIncludingTax?.formatted() ?? "-") EUR  \(invoice.status)")
}
print("\(count) invoice(s) since \(firstOfMonth)")
