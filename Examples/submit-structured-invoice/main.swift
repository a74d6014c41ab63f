// Submit a structured invoice (SAISIE_API) with several VAT rates: the SDK computes the VAT breakdown and the
// totals from the lines (exact decimals, each line rounded to the cent, each rate's VAT rounded once).
// Runs against the built-in fake: swift run submit-structured-invoice
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

let example = try ExampleFake()
let (supplier, bank) = try await example.supplier()
let lines = [
    InvoiceLine(reference: "AUD-1", designation: "Audit énergétique", quantity: 3, unit: "jour", unitPrice: "850.00",
                vatRate: .percentage(20)),
    InvoiceLine(reference: "LIV-7", designation: "Ouvrages techniques", quantity: 12, unit: "unité", unitPrice: "24.90",
                discount: "5.00", vatRate: .percentage("5.5")),
    InvoiceLine(reference: "MED-2", designation: "Médicaments", quantity: 4, unit: "boîte", unitPrice: "7.35", vatRate: .percentage("2.1")),
]
for line in InvoiceCalculator.vatBreakdown(of: lines) {
    print("VAT \(line.rate): base \(line.base.formatted()), VAT \(line.vat.formatted())")
}
let totals = InvoiceCalculator.totals(of: InvoiceCalculator.vatBreakdown(of: lines))
print("HT \(totals.excludingTax.formatted()) + TVA \(totals.vat.formatted()) = TTC \(totals.includingTax.formatted())")

let invoice = try await example.client.invoices.submit(InvoiceSubmission(
    mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: supplier.id, bankAccountID: bank.id,
    vatRegime: .onDebits, paymentMode: .transfer, lines: lines, comment: "Marché 2026-014"))
print("sent: the platform numbered it \(invoice.number) (id \(invoice.id))")
