import ChorusCore
import ChorusDocuments
import Foundation

/// Ready-made documents: the samples `chorus-sample-documents` writes, the examples and the tests use.
public enum SampleDocuments {
    /// Atelier Dupont SARL, the supplier of the examples.
    public static let seller = DocumentParty(
        name: "ATELIER DUPONT SARL", identifier: .siret("81200456700010"), legalRegistration: .siren("812004567"),
        vatNumber: "FR32812004567", address: DocumentAddress(line1: "12 rue des Artisans", city: "Lyon", postalCode: "69002"),
        contact: DocumentContact(name: "Anne Dupont", phone: "+33 4 72 00 00 00", email: "anne.dupont@atelier-dupont.example"))

    /// A municipality with no invoicing requirement.
    public static let commune = DocumentParty(
        name: "COMMUNE DE TESTVILLE", identifier: .siret("21750001000012"), legalRegistration: .siren("217500010"),
        address: DocumentAddress(line1: "Place de la Mairie", city: "Testville", postalCode: "75001"))

    /// The Opéra national de Paris.
    public static let opera = DocumentParty(
        name: "OPERA NATIONAL DE PARIS", identifier: .siret("78439607900054"), legalRegistration: .siren("784396079"),
        address: DocumentAddress(line1: "120 rue de Lyon", city: "Paris", postalCode: "75012"))

    /// An invoice with three lines at 20 % and 5.5 % and a 10.00 document allowance at 20 %
    /// (BT-106 514.10, BT-109 504.10, BT-110 97.78, BT-112 601.88 — the fixture check of Documentation/InvoiceDocumentRules.md).
    public static func twoRatesInvoice(number: String = "F2026-0101", date: CalendarDate = sampleDate) -> InvoiceDocument {
        InvoiceDocument(
            number: number, issueDate: date, dueDate: date.adding(days: 30), businessProcess: "A1",
            notes: [DocumentNote(subjectCode: "PMT", text: "Indemnité forfaitaire pour frais de recouvrement : 40 €"),
                    DocumentNote(subjectCode: "PMD", text: "Pénalités de retard : trois fois le taux d'intérêt légal"),
                    DocumentNote(subjectCode: "AAB", text: "Pas d'escompte pour paiement anticipé")],
            seller: seller, buyer: commune,
            lines: [
                DocumentLine(id: "1", name: "Chaise de bureau", sellerItemID: "CH-01", quantity: 4, unitCode: "C62", netPrice: "85.50",
                             vatCategory: .standard, vatRate: 20),
                DocumentLine(id: "2", name: "Livre technique", quantity: 2, unitCode: "C62", netPrice: "10.465",
                             vatCategory: .standard, vatRate: "5.5"),
                DocumentLine(id: "3", name: "Lampe de bureau", quantity: 1, unitCode: "C62", netPrice: "151.17",
                             grossPrice: "160.00", priceDiscount: "8.83", vatCategory: .standard, vatRate: 20),
            ],
            allowances: [DocumentAllowanceCharge(amount: "10.00", reason: "Remise commerciale", reasonCode: "95",
                                                 vatCategory: .standard, vatRate: 20)],
            paymentMeans: .transfer(iban: "FR7630006000011234567890189", bic: "AGRIFRPPXXX", accountName: "ATELIER DUPONT SARL"),
            paymentTerms: "Virement à 30 jours", vatPointDateCode: "5")
    }

    /// A credit note for part of ``twoRatesInvoice(number:date:)``: type `381`, positive amounts.
    public static func creditNote(number: String = "A2026-0007", date: CalendarDate = sampleDate) -> InvoiceDocument {
        InvoiceDocument(
            typeCode: .creditNote, number: number, issueDate: date, businessProcess: "A1",
            precedingInvoice: PrecedingInvoice(number: "F2026-0101", issueDate: date),
            seller: seller, buyer: commune,
            lines: [DocumentLine(id: "1", name: "Chaise de bureau (retour)", quantity: 1, netPrice: "85.50", vatCategory: .standard, vatRate: 20)],
            paymentMeans: .transfer(iban: "FR7630006000011234567890189"), vatPointDateCode: "5")
    }

    /// An invoice to the Opéra national de Paris with its service code (BT-10) and a commitment number (BT-13).
    public static func operaInvoice(number: String = "F2026-0042", date: CalendarDate = sampleDate) -> InvoiceDocument {
        InvoiceDocument(
            number: number, issueDate: date, dueDate: date.adding(days: 30), businessProcess: "A1",
            buyerReference: "DIRECTION_ACHATS", purchaseOrderReference: "EJ0000048295", contractReference: "MARCHE-2026-014",
            seller: seller, buyer: opera,
            lines: [DocumentLine(id: "1", name: "Restauration de fauteuils de loge", quantity: 4, unitCode: "C62", netPrice: "210.00",
                                 vatCategory: .standard, vatRate: 20),
                    DocumentLine(id: "2", name: "Tissu velours rouge", quantity: 8, unitCode: "MTR", netPrice: "20.00",
                                 vatCategory: .standard, vatRate: 20)],
            paymentMeans: .transfer(iban: "FR7630006000011234567890189", bic: "AGRIFRPPXXX"),
            paymentTerms: "Virement à 30 jours", vatPointDateCode: "72")
    }

    /// The date of the samples (fixed, so the files are the same on every run).
    public static let sampleDate = CalendarDate(year: 2026, month: 11, day: 2) ?? CalendarDate(Date(timeIntervalSince1970: 0))
}
