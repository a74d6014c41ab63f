// Writes an EN 16931 invoice as CII, UBL and Factur-X with the document toolkit only, checks it with the SDK's
// validator, reads the Factur-X's XML back, and writes the PDF where CI's official chain can check it.
import ChorusDocuments
import Foundation

let seller = DocumentParty(name: "ATELIER DUPONT SARL", identifier: .siret("81200456700010"), legalRegistration: .siren("812004567"),
                           vatNumber: "FR32812004567", address: DocumentAddress(line1: "12 rue des Artisans", city: "Lyon", postalCode: "69002"))
let buyer = DocumentParty(name: "COMMUNE DE TESTVILLE", identifier: .siret("21750001000012"), legalRegistration: .siren("217500010"),
                          address: DocumentAddress(line1: "Place de la Mairie", city: "Testville", postalCode: "75001"))
guard let issueDate = CalendarDate(year: 2026, month: 12, day: 1) else { fatalError("not a date") }
let document = InvoiceDocument(
    number: "F2026-0500", issueDate: issueDate, businessProcess: "A1", seller: seller, buyer: buyer,
    lines: [DocumentLine(id: "1", name: "Chaise de bureau", quantity: 4, unitCode: "C62", netPrice: "85.50", vatCategory: .standard,
                         vatRate: 20)],
    paymentMeans: .transfer(iban: "FR7630006000011234567890189"), vatPointDateCode: "5")

let problems = DocumentValidator.problems(in: document, profile: .chorusPro(.nothing))
guard problems.isEmpty else { fatalError("the validator refused the document: \(problems)") }
let font = try TrueTypeFont.systemDefault()
let pdf = try FacturXWriter.write(document, font: font)
let xml = try FacturXReader.embeddedXML(pdf)
guard xml == CIIWriter.write(document) else { fatalError("the Factur-X does not carry the CII the writer wrote") }
let output = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "documents-consumer-facturx.pdf")
try pdf.write(to: output)
print("ChorusDocuments alone: \(document.number) validated, Factur-X of \(pdf.count) bytes written to \(output.path), "
    + "UBL \(UBLWriter.write(document).count) bytes, totals \(DocumentTotals.compute(document).grandTotal)")
