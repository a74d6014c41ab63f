import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

enum InvoiceFixtures {
    static let supplierID = 26_262_001
    static let bankAccountID = 144_050

    static var today: CalendarDate { CalendarDate(Date()) }

    /// The structured example of §5.10 plus a third line: hand-computed below.
    static func structured(recipient: String = FakeSeed.noRequirementSIRET, service: String? = nil) -> InvoiceSubmission {
        InvoiceSubmission(
            mode: .structured, recipientSIRET: recipient, serviceCode: service, supplierID: supplierID, bankAccountID: bankAccountID,
            vatRegime: .onDebits, paymentMode: .transfer,
            lines: [
                InvoiceLine(reference: "R1", designation: "D1", quantity: 10, unit: "lot", unitPrice: 50, vatRate: .code("TVA5")),
                InvoiceLine(reference: "R2", designation: "D2", quantity: 12, unit: "Kg", unitPrice: 36, vatRate: .percentage("2.1")),
                InvoiceLine(reference: "R3", designation: "Ramettes", quantity: 3, unit: "carton", unitPrice: "19.99",
                            discount: "1.00", vatRate: .percentage("5.5")),
            ])
    }

    static let operaPDF = TestDocuments.pdf(lines: [
        "ATELIER DUPONT SARL - SIRET fournisseur : \(FakeSeed.supplierSIRET)", "FACTURE", "Facture n: F2026-0042",
        "Date : \(CalendarDate(Date()).description)", "Destinataire : OPERA NATIONAL DE PARIS",
        "SIRET destinataire : 78439607900054", "Code service : DIRECTION_ACHATS", "Devise : EUR",
        "Total HT : 1000,00", "Total TVA : 200,00", "Total TTC : 1200,00", "Net a payer : 1200,00",
    ])

    static func pdfSubmission(attachment: Int, number: String = "F2026-0042", type: InvoiceType = .invoice,
                              original: String? = nil) -> InvoiceSubmission {
        InvoiceSubmission(
            mode: .pdf, invoiceNumber: number, invoiceDate: today, recipientSIRET: "78439607900054", serviceCode: "DIRECTION_ACHATS",
            supplierID: supplierID, bankAccountID: bankAccountID, framework: .supplierInvoice, currency: "EUR", type: type,
            originalInvoiceNumber: original, vatRegime: .onCollections, paymentMode: type == .creditNote ? nil : .transfer,
            vatBreakdown: [VATBreakdownLine(rate: .percentage(20), base: 1000, vat: 200)],
            totals: InvoiceTotals(excludingTax: 1000, vat: 200, includingTax: 1200, amountToPay: 1200),
            mainAttachment: AttachmentReference(id: attachment, designation: "Facture \(number)"))
    }
}

@Suite("Invoices: submitting")
struct InvoiceSubmissionTests {
    @Test("the per-mode factories build the same submissions as the full initialiser, and they go through")
    func factories() async throws {
        let fake = FakeChorusPro()
        let client = try fake.client()
        let structured = InvoiceSubmission.structured(recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: InvoiceFixtures.supplierID,
                                                      bankAccountID: InvoiceFixtures.bankAccountID, lines: InvoiceFixtures.structured().lines,
                                                      paymentMode: .transfer)
        #expect(structured.mode == .structured && structured.lines.count == 3)
        #expect(try await client.invoices.submit(structured).status == .deposited)
        let upload = try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "F2026-0042.pdf")
        let reference = AttachmentReference(id: upload.attachmentID, designation: "Facture F2026-0042")
        let pdf = InvoiceSubmission.pdf(reference, invoiceNumber: "F2026-0042", invoiceDate: InvoiceFixtures.today,
                                        recipientSIRET: FakeSeed.operaSIRET, serviceCode: "DIRECTION_ACHATS",
                                        supplierID: InvoiceFixtures.supplierID, bankAccountID: InvoiceFixtures.bankAccountID,
                                        vatBreakdown: [VATBreakdownLine(rate: .percentage(20), base: 1000, vat: 200)],
                                        totals: InvoiceTotals(excludingTax: 1000, vat: 200, includingTax: 1200, amountToPay: 1200),
                                        vatRegime: .onCollections)
        #expect(pdf == InvoiceFixtures.pdfSubmission(attachment: upload.attachmentID))
        #expect(try await client.invoices.submit(pdf).number == "F2026-0042")
    }

    @Test("the seed's journey: PDF uploaded and read, sent to the Opéra, made available, paid, history")
    func seedJourney() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        let upload = try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "F2026-0042.pdf")
        #expect(upload.invoiceNumber == "F2026-0042")
        #expect(upload.invoiceDate == InvoiceFixtures.today)
        #expect(upload.recipientSIRET == "78439607900054")
        #expect(upload.serviceCode == "DIRECTION_ACHATS")
        #expect(upload.currency == "EUR")
        #expect(upload.totalExcludingTax == 1000 && upload.totalVAT == 200 && upload.amountToPay == 1200)
        #expect(upload.vatRegime == nil)  // not read: the supplier completes it

        let submitted = try await client.invoices.submit(InvoiceFixtures.pdfSubmission(attachment: upload.attachmentID))
        #expect(submitted.status == .deposited)
        #expect(submitted.number == "F2026-0042")
        #expect(submitted.certificateFingerprint?.count == 44)
        #expect(!submitted.recoveredAfterLostAnswer)

        let wire = try #require(await fake.journal.last { $0.path == "/cpro/factures/v1/soumettre" }?.requestJSON)
        #expect(wire["modeDepot"] == "DEPOT_PDF_API")
        #expect(wire["numeroFactureSaisi"] == "F2026-0042")
        #expect(wire["destinataire"] == ["codeDestinataire": "78439607900054", "codeServiceExecutant": "DIRECTION_ACHATS"])
        #expect(wire["cadreDeFacturation"]["codeCadreFacturation"] == "A1_FACTURE_FOURNISSEUR")
        #expect(wire["references"]["typeTva"] == "TVA_SUR_ENCAISSEMENT")
        #expect(wire["references"]["modePaiement"] == "VIREMENT")
        #expect(wire["references"]["deviseFacture"] == "EUR")
        #expect(wire["fournisseur"]["codeCoordonneesBancairesFournisseur"] == 144_050)
        #expect(wire["montantTotal"]["montantTtcTotal"] == 1200)
        #expect(wire["ligneTva"] == [["ligneTvaTauxManuel": 20, "ligneTvaMontantBaseHtParTaux": 1000, "ligneTvaMontantTvaParTaux": 200]])
        #expect(wire["pieceJointePrincipale"][0]["pieceJointePrincipaleId"].int == upload.attachmentID)

        try await fake.makeAvailable(submitted.id)
        try await fake.markPaid(submitted.id)
        let history = try await client.invoices.waitForStatus(invoiceID: submitted.id, in: [.paymentInitiated], timeout: .seconds(5))
        #expect(history.currentStatus == .paymentInitiated)
        #expect(history.entries.map(\.status) == [.paymentInitiated, .mandated, .madeAvailable, .routing, .deposited])
        #expect(history.entries.allSatisfy { $0.date != nil })
        let details = try await client.invoices.details(invoiceID: submitted.id)
        #expect(details.totals?.amountToPay == 1200 && details.recipientSIRET == "78439607900054" && details.vatRegime == .onCollections)
        // miseEnPaiementDestinataire (Swagger DestinataireFactureEmise).
        #expect(details.recipient?.reportsPayment == true)
        let pdf = try await client.invoices.download(invoiceIDs: [submitted.id], format: "PDF")
        #expect(pdf == InvoiceFixtures.operaPDF)
    }

    @Test("a structured invoice with several VAT rates: totals computed to the cent, as by hand")
    func structuredTotals() async throws {
        // Hand-computed: 10 × 50 = 500.00 at 20 % → 100.00; 12 × 36 = 432.00 at 2.1 % → 9.072 → 9.07;
        // 3 × 19.99 − 1.00 = 58.97 at 5.5 % → 3.24335 → 3.24. HT 990.97, TVA 112.31, TTC 1103.28.
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        let submitted = try await client.invoices.submit(InvoiceFixtures.structured())
        #expect(submitted.number.count == 20)
        let wire = try #require(await fake.journal.last { $0.path == "/cpro/factures/v1/soumettre" }?.requestJSON)
        #expect(wire["ligneTva"] == [
            ["ligneTvaTaux": "TVA5", "ligneTvaMontantBaseHtParTaux": 500, "ligneTvaMontantTvaParTaux": 100],
            ["ligneTvaTauxManuel": .number(Decimal(string: "2.1")!), "ligneTvaMontantBaseHtParTaux": 432,
             "ligneTvaMontantTvaParTaux": .number(Decimal(string: "9.07")!)],
            ["ligneTvaTauxManuel": .number(Decimal(string: "5.5")!), "ligneTvaMontantBaseHtParTaux": .number(Decimal(string: "58.97")!),
             "ligneTvaMontantTvaParTaux": .number(Decimal(string: "3.24")!)],
        ])
        #expect(wire["montantTotal"]["montantHtTotal"] == .number(Decimal(string: "990.97")!))
        #expect(wire["montantTotal"]["montantTVA"] == .number(Decimal(string: "112.31")!))
        #expect(wire["montantTotal"]["montantTtcTotal"] == .number(Decimal(string: "1103.28")!))
        #expect(wire["montantTotal"]["montantAPayer"] == .number(Decimal(string: "1103.28")!))
        #expect(wire["lignePoste"][2]["lignePosteMontantRemiseHT"] == 1)
        #expect(wire["lignePoste"][1]["lignePosteNumero"] == 2)
        #expect(wire["numeroFactureSaisi"] == .null)
        #expect(await fake.invoice(submitted.id)?.totalIncludingTax == Decimal(string: "1103.28"))
    }

    @Test("caller-given totals are checked, never silently replaced")
    func givenTotalsChecked() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        var submission = InvoiceFixtures.structured()
        submission.totals = InvoiceTotals(excludingTax: "990.97", vat: "112.32", includingTax: "1103.29", amountToPay: "1103.29")
        let error = try await #require(throws: ChorusError.self) { try await client.invoices.submit(submission) }
        #expect(error.problems.map(\.rule).contains("totals.matchLines"))
        submission.totals = InvoiceTotals(excludingTax: "990.97", vat: "112.31", includingTax: "1103.28", amountToPay: "1103.28")
        _ = try await client.invoices.submit(submission)
    }

    @Test("a credit note names the invoice it corrects")
    func creditNote() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        let upload = try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "A2026-0001.pdf")
        let missing = InvoiceFixtures.pdfSubmission(attachment: upload.attachmentID, number: "A2026-0001", type: .creditNote)
        let error = try await #require(throws: ChorusError.self) { try await client.invoices.submit(missing) }
        #expect(error.field == "references.numeroFactureOrigine")
        let note = InvoiceFixtures.pdfSubmission(attachment: upload.attachmentID, number: "A2026-0001", type: .creditNote, original: "F2026-0042")
        let submitted = try await client.invoices.submit(note)
        let wire = try #require(await fake.journal.last { $0.path == "/cpro/factures/v1/soumettre" }?.requestJSON)
        #expect(wire["references"]["typeFacture"] == "AVOIR" && wire["references"]["numeroFactureOrigine"] == "F2026-0042")
        #expect(wire["references"]["modePaiement"] == .null)
        #expect(await fake.invoice(submitted.id)?.invoiceType == "AVOIR")
    }

    @Test("an already-paid invoice (A2) pays TTC − already paid; A9 needs its validator")
    func frameworks() async throws {
        let client = try mockClient()
        var paid = InvoiceFixtures.structured()
        paid.framework = .alreadyPaidSupplierInvoice
        paid.amountAlreadyPaid = "1103.28"
        _ = try await client.invoices.submit(paid)
        var subcontractor = InvoiceFixtures.structured()
        subcontractor.framework = .subcontractorInvoice
        let error = try await #require(throws: ChorusError.self) { try await client.invoices.submit(subcontractor) }
        #expect(error.field == "cadreDeFacturation.codeStructureValideur")
        subcontractor.validatorSIRET = FakeSeed.otherSupplierSIRET
        _ = try await client.invoices.submit(subcontractor)
    }

    @Test("exactly once: a dropped answer after the commit is found, not sent again", arguments: ["structured", "pdf"])
    func exactlyOnceAfterCommit(_ mode: String) async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        let submission = mode == "pdf"
            ? InvoiceFixtures.pdfSubmission(attachment: try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "f.pdf").attachmentID)
            : InvoiceFixtures.structured()
        _ = try await client.invoices.submit(mode == "pdf" ? InvoiceFixtures.pdfSubmission(
            attachment: try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "g.pdf").attachmentID, number: "OTHER-1")
            : InvoiceFixtures.structured())  // a look-alike already there must not be mistaken for ours
        await fake.inject(.dropAfterCommit, on: "/cpro/factures/v1/soumettre")
        let submitted = try await client.invoices.submit(submission)
        #expect(submitted.recoveredAfterLostAnswer)
        #expect(await fake.storedInvoices.count == 2)
        let soumettreCalls = await fake.journal.filter { $0.path == "/cpro/factures/v1/soumettre" }.count
        #expect(soumettreCalls == 2)
        #expect(await fake.invoice(submitted.id) != nil)
    }

    @Test("exactly once: a drop before the commit is sent again, once")
    func exactlyOnceBeforeCommit() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        await fake.inject(.dropBeforeCommit, on: "/cpro/factures/v1/soumettre")
        let submitted = try await client.invoices.submit(InvoiceFixtures.structured())
        #expect(!submitted.recoveredAfterLostAnswer)
        #expect(await fake.storedInvoices.map(\.id) == [submitted.id])
        await fake.inject(.status(503), .status(503), .status(503), on: "/cpro/factures/v1/soumettre")
        let error = try await #require(throws: ChorusError.self) { try await client.invoices.submit(InvoiceFixtures.structured()) }
        #expect(error.code == .serverError)
        #expect(await fake.storedInvoices.count == 1)
    }

    @Test("each validation rule fails on its own case, and nothing is submitted", arguments: ValidationCase.all)
    func validationRules(_ example: ValidationCase) async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        let error = try await #require(throws: ChorusError.self) { try await client.invoices.submit(example.submission) }
        #expect(error.code == .invalidInput)
        #expect(error.problems.contains { $0.field == example.field && $0.rule == example.rule },
                "\(example.name): got \(error.problems)")
        #expect(await fake.journal.filter { $0.path.hasPrefix("/cpro/factures") }.isEmpty)
        if example.offline { #expect(await fake.journal.isEmpty, "\(example.name) sent requests") }
    }

    @Test("files are checked before upload: name, extension, size")
    func fileChecks() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        let long = String(repeating: "a", count: 51) + ".pdf"
        for (data, name, rule) in [(Data("x".utf8), long, "file.nameLength"), (Data("x".utf8), "virus.exe", "file.extension"),
                                   (Data(count: 10 * 1024 * 1024 + 1), "big.pdf", "file.size"), (Data(), "empty.pdf", "file.empty")] {
            let error = try await #require(throws: ChorusError.self) { try await client.invoices.addAttachment(data, fileName: name, mimeType: "application/pdf") }
            #expect(error.problems.map(\.rule).contains(rule))
        }
        let notPDF = try await #require(throws: ChorusError.self) { try await client.invoices.uploadPDF(Data("hello".utf8), fileName: "x.pdf") }
        #expect(notPDF.rule == "file.pdf")
        #expect(await fake.journal.isEmpty)
        let attachment = try await client.invoices.addAttachment(Data("BL".utf8), fileName: "bon-livraison.pdf", mimeType: "application/pdf")
        #expect(attachment.id > 0 && attachment.designation == "bon-livraison.pdf")
    }
}

struct ValidationCase: Sendable, CustomTestStringConvertible {
    let name: String
    let submission: InvoiceSubmission
    let field: String
    let rule: String
    let offline: Bool
    var testDescription: String { name }

    static var all: [ValidationCase] {
        func structured(_ change: (inout InvoiceSubmission) -> Void) -> InvoiceSubmission {
            var submission = InvoiceFixtures.structured()
            change(&submission)
            return submission
        }
        func pdf(_ change: (inout InvoiceSubmission) -> Void) -> InvoiceSubmission {
            var submission = InvoiceFixtures.pdfSubmission(attachment: 1)
            change(&submission)
            return submission
        }
        return [
            ValidationCase(name: "PDF without number", submission: pdf { $0.invoiceNumber = nil }, field: "numeroFactureSaisi", rule: "required.pdfMode", offline: true),
            ValidationCase(name: "number too long", submission: pdf { $0.invoiceNumber = String(repeating: "1", count: 21) }, field: "numeroFactureSaisi", rule: "invoiceNumber.format", offline: true),
            ValidationCase(name: "number with a space", submission: pdf { $0.invoiceNumber = "F 1" }, field: "numeroFactureSaisi", rule: "invoiceNumber.format", offline: true),
            ValidationCase(name: "PDF without date", submission: pdf { $0.invoiceDate = nil }, field: "dateFacture", rule: "required.pdfMode", offline: true),
            ValidationCase(name: "date in the future", submission: pdf { $0.invoiceDate = InvoiceFixtures.today.adding(days: 2) }, field: "dateFacture", rule: "invoiceDate.notFuture", offline: true),
            ValidationCase(name: "PDF without main attachment", submission: pdf { $0.mainAttachment = nil }, field: "pieceJointePrincipale", rule: "required.pdfMode", offline: true),
            ValidationCase(name: "PDF without totals", submission: pdf { $0.totals = nil }, field: "montantTotal", rule: "required.pdfMode", offline: true),
            ValidationCase(name: "structured without lines", submission: structured { $0.lines = [] }, field: "lignePoste", rule: "required.structuredMode", offline: true),
            ValidationCase(name: "negative total", submission: pdf { $0.totals = InvoiceTotals(excludingTax: "-1000", vat: 200, includingTax: "-800", amountToPay: "-800"); $0.vatBreakdown = nil }, field: "montantTotal.montantHtTotal", rule: "amount.nonNegative", offline: true),
            ValidationCase(name: "three decimals", submission: pdf { $0.totals = InvoiceTotals(excludingTax: "1000.001", vat: 200, includingTax: "1200.001", amountToPay: "1200.001"); $0.vatBreakdown = nil }, field: "montantTotal.montantHtTotal", rule: "amount.decimals2", offline: true),
            ValidationCase(name: "HT + TVA ≠ TTC", submission: pdf { $0.totals = InvoiceTotals(excludingTax: 1000, vat: 200, includingTax: "1200.01", amountToPay: "1200.01"); $0.vatBreakdown = nil }, field: "montantTotal.montantTtcTotal", rule: "totals.htPlusVatEqualsTtc", offline: true),
            ValidationCase(name: "to pay ≠ TTC − discount", submission: pdf { $0.totals = InvoiceTotals(excludingTax: 1000, vat: 200, includingTax: 1200, globalDiscount: 10, amountToPay: 1200) }, field: "montantTotal.montantAPayer", rule: "totals.amountToPay", offline: true),
            ValidationCase(name: "VAT breakdown ≠ totals", submission: pdf { $0.vatBreakdown = [VATBreakdownLine(rate: .percentage(20), base: 999, vat: 200)] }, field: "ligneTva", rule: "vatBreakdown.basesEqualHt", offline: true),
            ValidationCase(name: "VAT breakdown ≠ lines", submission: structured { $0.vatBreakdown = [VATBreakdownLine(rate: .percentage("2.1"), base: 432, vat: "9.08")] }, field: "ligneTva[0]", rule: "vatBreakdown.matchesLines", offline: false),
            ValidationCase(name: "quantity zero", submission: structured { $0.lines[0].quantity = 0 }, field: "lignePoste[0].lignePosteQuantite", rule: "line.quantityPositive", offline: true),
            ValidationCase(name: "negative unit price", submission: structured { $0.lines[1].unitPrice = "-1" }, field: "lignePoste[1].lignePosteMontantUnitaireHT", rule: "amount.nonNegative", offline: true),
            ValidationCase(name: "unknown VAT code", submission: structured { $0.lines[0].vatRate = .code("TVA99") }, field: "lignePoste[0].lignePosteTauxTva", rule: "vat.knownRate", offline: false),
            ValidationCase(name: "credit note without original", submission: pdf { $0.type = .creditNote }, field: "references.numeroFactureOrigine", rule: "creditNote.originalRequired", offline: true),
            ValidationCase(name: "transfer without bank account", submission: pdf { $0.bankAccountID = nil }, field: "fournisseur.codeCoordonneesBancairesFournisseur", rule: "payment.transferNeedsBankAccount", offline: true),
            ValidationCase(name: "exempt without reason", submission: pdf { $0.vatRegime = .exempt }, field: "references.motifExonerationTva", rule: "vat.exemptionReason", offline: true),
            ValidationCase(name: "bad currency", submission: pdf { $0.currency = "euro" }, field: "references.deviseFacture", rule: "currency.iso4217", offline: true),
            ValidationCase(name: "bad recipient SIRET", submission: pdf { $0.recipientSIRET = "78439607900055" }, field: "destinataire.codeDestinataire", rule: "siret.checkDigit", offline: true),
            ValidationCase(name: "FACTURES_PUBLIQUES", submission: pdf { $0.serviceCode = "FACTURES_PUBLIQUES" }, field: "destinataire.codeServiceExecutant", rule: "recipient.publicInvoicesService", offline: false),
            ValidationCase(name: "inactive service", submission: pdf { $0.serviceCode = "ATELIERS_DECORS" }, field: "destinataire.codeServiceExecutant", rule: "recipient.activeService", offline: false),
            ValidationCase(name: "service code required", submission: pdf { $0.serviceCode = nil }, field: "destinataire.codeServiceExecutant", rule: "recipient.serviceCodeRequired", offline: false),
            ValidationCase(name: "service needs a commitment", submission: pdf { $0.serviceCode = "PRODUCTION" }, field: "references.numeroBonCommande", rule: "service.commitmentRequired", offline: false),
            ValidationCase(name: "commitment required", submission: structured { $0.recipientSIRET = FakeSeed.commitmentRequiredSIRET }, field: "references.numeroBonCommande", rule: "recipient.commitmentRequired", offline: false),
            ValidationCase(name: "unknown recipient", submission: structured { $0.recipientSIRET = "12345678901245" }, field: "destinataire.codeDestinataire", rule: "recipient.exists", offline: false),
            ValidationCase(name: "State commitment unknown", submission: structured { $0.recipientSIRET = FakeSeed.stateBodySIRET; $0.recipientIsState = true; $0.commitmentNumber = "EJ-INCONNU" }, field: "references.numeroBonCommande", rule: "commitment.stateExists", offline: false),
            ValidationCase(name: "commitment too long", submission: structured { $0.commitmentNumber = String(repeating: "9", count: 51) }, field: "references.numeroBonCommande", rule: "commitment.length", offline: true),
            ValidationCase(name: "A12 without validator", submission: structured { $0.framework = .coContractorInvoice }, field: "cadreDeFacturation.codeStructureValideur", rule: "framework.validatorRequired", offline: true),
            ValidationCase(name: "without VAT but VAT", submission: structured { $0.vatRegime = .withoutVAT; $0.lines[0].vatRate = .percentage(20) }, field: "montantTotal.montantTVA", rule: "vat.withoutVatIsZero", offline: true),
        ]
    }
}

@Suite("Invoices: files and following")
struct InvoiceFollowingTests {
    @Test("a flux with one good and one bad invoice: partial integration with the bad one's reason")
    func fluxPartial() async throws {
        let fake = FakeChorusPro()
        let clock = ChorusClock(now: { Date() }, sleep: { duration in await fake.advance(by: duration.timeInterval) })
        let client = try mockClient(fake) { $0.clock = clock }
        let archive = TestArchive.tarGz([("F-OK-1.xml", TestDocuments.ubl(number: "F-OK-1")),
                                         ("F-BAD-1.xml", TestDocuments.ubl(number: "F-BAD-1", ttc: "120.50"))])
        let deposit = try await client.invoices.depositFile(archive, fileName: "lot.tar.gz", syntax: .ubl)
        #expect(deposit.syntax == .ubl)
        #expect(try await client.invoices.fluxReport(deposit.number).state == .received)
        let outcome = try await client.invoices.waitForFlux(deposit.number, timeout: .seconds(120))
        #expect(outcome.report.state == .partlyIntegrated)
        #expect(outcome.integrated.map(\.number) == ["F-OK-1"])
        #expect(outcome.rejected.map(\.invoiceNumber) == ["F-BAD-1"])
        #expect(outcome.rejected.first?.reason?.contains("incohérents") == true)
    }

    @Test("the flux report falls back to consulterCR when the detailed report is unavailable")
    func fluxFallback() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake, retry: .none)
        let deposit = try await client.invoices.depositFile(TestDocuments.cii(number: "C-1"), fileName: "c.xml", syntax: .cii)
        await fake.inject(.status(404), on: "/cpro/transverses/v1/consulterCRDetaille")
        #expect(try await client.invoices.fluxReport(deposit.number).state == .received)
        #expect(await fake.journal.last?.path == "/cpro/transverses/v1/consulterCR")
    }

    @Test("a suspension is answered with complete; a recycled invoice is fixed with recycle")
    func suspensionAndRecycling() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        let invoice = try await client.invoices.submit(InvoiceFixtures.structured())
        try await fake.makeAvailable(invoice.id)
        try await fake.suspend(invoice.id, reason: "Bon de livraison manquant")
        let suspended = try await client.invoices.search(InvoiceQuery(statuses: [.suspended]), page: PageRequest())
        #expect(suspended.items.first?.statusComment == "Bon de livraison manquant")
        let note = try await client.invoices.addAttachment(Data("BL".utf8), fileName: "bl.pdf", mimeType: "application/pdf")
        let completion = try await client.invoices.complete(invoiceID: invoice.id, comment: "Voici le bon de livraison", attachments: [note])
        #expect(completion.id == invoice.id && completion.number == invoice.number && completion.processedAt != nil)
        #expect(try await client.invoices.history(invoiceID: invoice.id).currentStatus == .completed)
        let error = try await #require(throws: ChorusError.self) {
            try await client.invoices.complete(invoiceID: invoice.id, comment: "encore", attachments: [])
        }
        #expect(error.code == .rejected && error.apiReturnCode == 20002)

        try await fake.makeAvailable(invoice.id)
        try await fake.sendBackForRecycling(invoice.id, reason: "Mauvais destinataire")
        let recycled = try await client.invoices.recycle(invoiceID: invoice.id, recipientSIRET: FakeSeed.serviceRequiredSIRET,
                                                         serviceCode: "SERVICE_ACHATS", commitmentNumber: nil, comment: "Corrigé")
        #expect(recycled.status == .deposited && recycled.id == invoice.id && recycled.depositDate != nil)
        #expect(try await client.invoices.details(invoiceID: invoice.id).recipientSIRET == FakeSeed.serviceRequiredSIRET)
    }

    @Test("searching pages past 10 results; waiting for a status times out cleanly")
    func searchPagination() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        for _ in 0..<13 { _ = try await client.invoices.submit(InvoiceFixtures.structured()) }
        await fake.clearJournal()
        var pages = 0
        var count = 0
        for try await page in client.invoices.searchAll(InvoiceQuery(supplierID: InvoiceFixtures.supplierID), pageSize: 10) {
            pages += 1
            count += page.items.count
        }
        #expect(pages == 2 && count == 13)
        #expect(await fake.journal.compactMap { $0.requestJSON?["rechercheFactureParFournisseur"]["pageResultatDemandee"].int } == [1, 2])

        let manual = ManualClock()
        let waiting = try mockClient(fake) { $0.clock = manual.chorusClock }
        let id = try #require(try await client.invoices.search(InvoiceQuery(), page: PageRequest(pageSize: 1)).items.first?.id)
        let error = try await #require(throws: ChorusError.self) {
            try await waiting.invoices.waitForStatus(invoiceID: id, in: [.paymentInitiated], timeout: .seconds(60))
        }
        #expect(error.code == .waitTimedOut && error.advice.contains("Only reads were sent"))
        #expect(manual.sleeps == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(29)])
    }
}
