// Submit a PDF invoice: upload the PDF, check what Chorus Pro read from it, complete the form, send.
// Runs against the built-in fake: swift run submit-pdf-invoice
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

let example = try ExampleFake()
let client = example.client
let (supplier, bank) = try await example.supplier()
let today = CalendarDate(Date())

let pdf = InvoicePDF.make(lines: InvoicePDF.operaInvoiceLines(number: "F2026-0100", date: today.description,
                                                              supplierSIRET: supplier.identifier ?? ""))
let upload = try await client.invoices.uploadPDF(pdf, fileName: "F2026-0100.pdf")
print("read from the PDF: number \(upload.invoiceNumber ?? "?"), to pay \(upload.amountToPay?.description ?? "?")")

let invoice = try await client.invoices.submit(InvoiceSubmission(
    mode: .pdf, invoiceNumber: upload.invoiceNumber, invoiceDate: upload.invoiceDate ?? today,
    recipientSIRET: "78439607900054", serviceCode: "DIRECTION_ACHATS", supplierID: supplier.id, bankAccountID: bank.id,
    vatRegime: .onCollections, paymentMode: .transfer,
    vatBreakdown: [VATBreakdownLine(rate: .percentage(20), base: "1000.00", vat: "200.00")],
    totals: InvoiceTotals(excludingTax: "1000.00", vat: "200.00", includingTax: "1200.00", amountToPay: "1200.00"),
    mainAttachment: AttachmentReference(id: upload.attachmentID, designation: "Facture F2026-0100")))
print("sent: invoice \(invoice.number), id \(invoice.id), status \(invoice.status?.rawValue ?? "not given")")
