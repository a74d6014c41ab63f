import ChorusMock
import Foundation
import Testing
@testable import ChorusDocuments
@testable import ChorusSDK

/// Documents written by the toolkit, turned into submissions and back, and deposited through the network SDK over the fake.
@Suite("Documents and the platform")
struct DocumentDepositTests {
    @Test("the structured submission and the document are the same invoice, both ways")
    func conversion() throws {
        let document = SampleDocuments.operaInvoice()
        let submission = try InvoiceSubmission(document: document, supplierID: 26_262_001, bankAccountID: 144_050)
        #expect(submission.recipientSIRET == "78439607900054" && submission.serviceCode == "DIRECTION_ACHATS")
        #expect(submission.commitmentNumber == "EJ0000048295" && submission.contractNumber == "MARCHE-2026-014")
        #expect(submission.paymentMode == .transfer && submission.vatRegime == .onCollections)
        let computed = InvoiceCalculator.totals(of: InvoiceCalculator.vatBreakdown(of: submission.lines))
        let documentTotals = DocumentTotals.compute(document)
        #expect(computed.excludingTax == documentTotals.taxBasisTotal && computed.vat == documentTotals.taxTotal)

        let back = try InvoiceDocument(submission: submission, number: document.number, seller: document.seller, buyer: document.buyer,
                                       iban: "FR7630006000011234567890189")
        #expect(back.lines.map(\.netPrice) == document.lines.map(\.netPrice))
        #expect(back.lines.map(\.unitCode) == ["C62", "MTR"])
        #expect(back.buyerReference == document.buyerReference && back.purchaseOrderReference == document.purchaseOrderReference)
        #expect(DocumentTotals.compute(back).grandTotal == documentTotals.grandTotal)
        #expect(back.vatPointDateCode == "72" && back.paymentMeans?.code == "30")

        // A structured invoice with a line discount and several rates, the other way round (0.99 over 3 units
        // becomes a price discount of 0.33; a discount that does not divide is refused, not rounded).
        var structured = InvoiceFixtures.structured()
        structured.lines[2].discount = "0.99"
        let asDocument = try InvoiceDocument(submission: structured, number: "2026000001", seller: SampleDocuments.seller,
                                             buyer: SampleDocuments.commune, iban: "FR7630006000011234567890189", vatPercentages: ["TVA5": 20])
        #expect(DocumentTotals.compute(asDocument).grandTotal == "1103.29")
        #expect(DocumentValidator.problems(in: asDocument).isEmpty)
        let again = try InvoiceSubmission(document: asDocument, supplierID: 26_262_001)
        #expect(InvoiceCalculator.totals(of: InvoiceCalculator.vatBreakdown(of: again.lines)).includingTax == "1103.29")
        structured.lines[2].discount = "1.00"
        let indivisible = #expect(throws: ChorusError.self) {
            try InvoiceDocument(submission: structured, number: "X", seller: SampleDocuments.seller, buyer: SampleDocuments.commune,
                                vatPercentages: ["TVA5": 20])
        }
        #expect(indivisible?.rule == "SDK-CONVERSION-DISCOUNT")

        let error = #expect(throws: ChorusError.self) { try InvoiceSubmission(document: SampleDocuments.twoRatesInvoice(), supplierID: 1) }
        #expect(error?.rule == "SDK-CONVERSION-ALLOWANCES")
    }

    @Test("a Factur-X goes to Chorus Pro as IN_DP_E2_CII_FACTURX and is integrated by the fake")
    func facturXDeposit() async throws {
        let font = try #require(try? TrueTypeFont.systemDefault())
        let fake = FakeChorusPro()
        let clock = ChorusClock(now: { Date() }, sleep: { duration in await fake.advance(by: duration.timeInterval) })
        let client = try mockClient(fake) { $0.clock = clock }
        var document = SampleDocuments.operaInvoice()
        document.seller.identifier = .siret(FakeSeed.supplierSIRET)
        let deposit = try await client.invoices.depositFacturX(document, font: font, requirement: nil)
        #expect(deposit.syntax == .facturX)
        let outcome = try await client.invoices.waitForFlux(deposit.number, timeout: .seconds(60))
        #expect(outcome.integrated.map(\.number) == ["F2026-0042"], "\(outcome.report.rejections)")
        let sent = try #require(await fake.journal.first { $0.path == "/cpro/factures/v1/deposer/flux" }?.requestJSON)
        #expect(sent["syntaxeFlux"] == "IN_DP_E2_CII_FACTURX")
        #expect(sent["nomFichier"] == "F2026-0042.pdf")
    }

    @Test("deposited documents: valid ones are integrated; offenders are refused locally or by the fake like Chorus Pro")
    func documentDeposits() async throws {
        let fake = FakeChorusPro()
        let clock = ChorusClock(now: { Date() }, sleep: { duration in await fake.advance(by: duration.timeInterval) })
        let client = try mockClient(fake) { $0.clock = clock }
        let opera = SampleDocuments.operaInvoice()
        var seller = opera.seller
        seller.identifier = .siret(FakeSeed.supplierSIRET)
        var document = opera
        document.seller = seller
        let deposit = try await client.invoices.depositDocument(document, syntax: .cii)
        let outcome = try await client.invoices.waitForFlux(deposit.number, timeout: .seconds(60))
        #expect(outcome.report.state == .integrated, "\(outcome.report.rejections)")
        #expect(outcome.integrated.map(\.number) == ["F2026-0042"])

        var ubl = document
        ubl.number = "F2026-0043"
        let ublDeposit = try await client.invoices.depositDocument(ubl, syntax: .ubl, requirement: .serviceCode)
        #expect(try await client.invoices.waitForFlux(ublDeposit.number, timeout: .seconds(60)).integrated.count == 1)

        var missingService = document
        missingService.buyerReference = nil
        let local = try await #require(throws: ChorusError.self) { try await client.invoices.depositDocument(missingService, syntax: .cii) }
        #expect(local.rule == "CHORUS-SERVICE-REQUIRED")

        // Bypassing the validator, a transfer coded 58 reaches the fake, which rejects it as Chorus Pro does.
        var code58 = document
        code58.number = "F2026-0058"
        code58.paymentMeans?.code = "58"
        let raw = try await client.invoices.depositFile(CIIWriter.write(code58), fileName: "f58.xml", syntax: .cii)
        let rejected = try await client.invoices.waitForFlux(raw.number, timeout: .seconds(60))
        #expect(rejected.report.state == .rejected)
        #expect(rejected.rejected.first?.reason?.contains("30") == true)
    }
}
