import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

/// ChorusMock's flux intake refuses what Chorus Pro refuses — one or more broken documents per rule family, each
/// rejected with a reason naming the element — and integrates the good samples.
@Suite("ChorusMock: the flux intake rejects like Chorus Pro")
struct FakeIntakeTests {
    /// Deposits `data` on a fresh fake and waits for the flux's outcome.
    static func deposit(_ data: Data, name: String, syntax: FluxSyntax) async throws -> FluxOutcome {
        let fake = FakeChorusPro()
        let clock = ChorusClock(now: { Date() }, sleep: { duration in await fake.advance(by: duration.timeInterval) })
        let client = try mockClient(fake) { $0.clock = clock }
        let deposit = try await client.invoices.depositFile(data, fileName: name, syntax: syntax)
        return try await client.invoices.waitForFlux(deposit.number, timeout: .seconds(60))
    }

    static var goodSamples: [(String, Data, FluxSyntax)] {
        [("cii-two-rates.xml", CIIWriter.write(SampleDocuments.twoRatesInvoice()), .cii),
         ("ubl-two-rates.xml", UBLWriter.write(SampleDocuments.twoRatesInvoice()), .ubl),
         ("cii-credit-note.xml", CIIWriter.write(SampleDocuments.creditNote()), .cii),
         ("ubl-credit-note.xml", UBLWriter.write(SampleDocuments.creditNote()), .ubl),
         ("cii-opera.xml", CIIWriter.write(SampleDocuments.operaInvoice()), .cii),
         ("cii-basic.xml", CIIWriter.write(SampleDocuments.twoRatesInvoice(), profile: .facturXBasic), .cii)]
    }

    @Test("every good sample is integrated", arguments: goodSamples.map(\.0))
    func goodIntegrated(_ name: String) async throws {
        let (_, data, syntax) = try #require(Self.goodSamples.first { $0.0 == name })
        let outcome = try await Self.deposit(data, name: name, syntax: syntax)
        #expect(outcome.report.state == .integrated, "\(name): \(outcome.report.rejections)")
    }

    @Test("every broken sample is rejected with a reason naming the element",
          arguments: SampleDocuments.brokenSamples().map(\.name))
    func brokenRejected(_ name: String) async throws {
        let sample = try #require(SampleDocuments.brokenSamples().first { $0.name == name })
        let outcome = try await Self.deposit(sample.data, name: name, syntax: name.hasPrefix("ubl") ? .ubl : .cii)
        let reason = outcome.rejected.first?.reason ?? outcome.report.rejections.first?.reason ?? ""
        print("\(sample.family) | \(name) | \(outcome.report.state) | \(reason)")
        #expect(outcome.report.state == .rejected, "\(name) was integrated")
        #expect(reason.contains("element") || reason.contains("balise") || reason.contains("BT-"), "\(name): \(reason)")
    }

    @Test("one broken sample per rule family at least")
    func families() {
        let families = Set(SampleDocuments.brokenSamples().map(\.family))
        #expect(families.isSuperset(of: ["totals", "decimals", "code list", "structure", "VAT category", "Chorus"]))
    }

    @Test("a Factur-X whose XMP level contradicts its XML is rejected; a consistent one is integrated")
    func facturXLevel() async throws {
        let font = try TrueTypeFont.systemDefault()
        let invoice = SampleDocuments.operaInvoice()
        let good = try FacturXWriter.write(invoice, font: font)
        #expect(try await Self.deposit(good, name: "fx.pdf", syntax: .facturX).report.state == .integrated)
        let contradicting = FacturXWriter.pdf(invoice, font: font, xml: CIIWriter.write(invoice), xmpLevel: "BASIC", part: 3, created: Date())
        let outcome = try await Self.deposit(contradicting, name: "fx-bad.pdf", syntax: .facturX)
        #expect(outcome.report.state == .rejected)
        #expect(outcome.report.rejections.first?.reason?.contains("BT-24") == true, "\(outcome.report.rejections)")
    }
}

@Suite("ChorusMock: every business term set is read back")
struct FakeReadBackTests {
    /// The sample invoice with every reference, group and item term of the model set.
    static func everyTerm() -> InvoiceDocument {
        var document = SampleDocuments.twoRatesInvoice()
        document.projectReference = "PROJ-7"
        document.contractReference = "MARCHE-9"
        document.purchaseOrderReference = "EJ123456"
        document.receivingAdviceReference = "REC-1"
        document.despatchAdviceReference = "BL-2"
        document.tenderOrLotReference = "LOT-3"
        document.invoicedObject = SchemedIdentifier("OBJ-4", scheme: "AAA")
        document.buyerAccountingReference = "6064"
        document.precedingInvoices = [PrecedingInvoice(number: "F-OLD-1"), PrecedingInvoice(number: "F-OLD-2")]
        document.buyer.contact = DocumentContact(name: "Jean Achat")
        document.payee = DocumentPayee(name: "Factor SA")
        document.taxRepresentative = TaxRepresentative(name: "Rep Fiscal", vatNumber: "FR32812004567", address: DocumentAddress(city: "Paris"))
        document.deliverTo = DocumentDelivery(name: "Entrepot", address: DocumentAddress(city: "Lille", countryCode: "FR"))
        document.actualDeliveryDate = CalendarDate("2026-10-20")
        document.invoicingPeriod = DocumentPeriod(start: CalendarDate("2026-10-01"), end: CalendarDate("2026-10-31"))
        document.supportingDocuments = [SupportingDocument(id: "PJ-5", description: "Bon", attachment: Data("%PDF".utf8), mimeCode: "application/pdf", fileName: "pj.pdf")]
        document.lines[0].note = "Note de ligne"
        document.lines[0].orderLineReference = "3"
        document.lines[0].period = DocumentPeriod(start: CalendarDate("2026-10-01"), end: CalendarDate("2026-10-15"))
        document.lines[0].allowances = [DocumentAllowanceCharge(amount: "1.50", reason: "Remise", percentage: "2.5", baseAmount: 60)]
        document.lines[0].sellerItemID = "REF-S"
        document.lines[0].buyerItemID = "REF-B"
        document.lines[0].standardItemID = SchemedIdentifier("03456789012345", scheme: "0160")
        document.lines[0].classifications = [SchemedIdentifier("44111503", scheme: "STI")]
        document.lines[0].originCountry = "IT"
        document.lines[0].attributes = [ItemAttribute(name: "Couleur", value: "Rouge")]
        return document
    }

    static let expected: [String: String] = [
        "BT-11": "PROJ-7", "BT-12": "MARCHE-9", "BT-13": "EJ123456", "BT-15": "REC-1", "BT-16": "BL-2", "BT-17": "LOT-3", "BT-18": "OBJ-4",
        "BT-19": "6064", "BT-25": "F-OLD-2", "BT-41": "Anne Dupont", "BT-56": "Jean Achat", "BT-59": "Factor SA", "BT-62": "Rep Fiscal",
        "BT-63": "FR32812004567", "BT-70": "Entrepot", "BT-80": "FR", "BT-122": "PJ-5", "BT-127": "Note de ligne", "BT-132": "3",
        "BT-138": "2.5", "BT-155": "REF-S", "BT-156": "REF-B", "BT-157": "03456789012345", "BT-158": "44111503", "BT-159": "IT",
        "BT-160": "Couleur", "BT-161": "Rouge",
    ]

    @Test("every term set reaches the fake, in CII and in UBL", arguments: [FluxSyntax.cii, .ubl])
    func readBack(_ syntax: FluxSyntax) async throws {
        let document = Self.everyTerm()
        #expect(DocumentValidator.problems(in: document, syntax: syntax).isEmpty)
        let data = syntax == .cii ? CIIWriter.write(document) : UBLWriter.write(document)
        let fake = FakeChorusPro()
        let clock = ChorusClock(now: { Date() }, sleep: { duration in await fake.advance(by: duration.timeInterval) })
        let client = try mockClient(fake) { $0.clock = clock }
        let deposit = try await client.invoices.depositFile(data, fileName: "all.xml", syntax: syntax)
        let outcome = try await client.invoices.waitForFlux(deposit.number, timeout: .seconds(60))
        #expect(outcome.report.state == .integrated, "\(outcome.report.rejections)")
        let terms = try #require(await fake.storedInvoices.first?.documentTerms)
        var missing: [String] = []
        for (term, value) in Self.expected.sorted(by: { $0.key < $1.key }) where !(terms[term] ?? []).contains(value) {
            missing.append("\(term)=\(value) (read: \(terms[term] ?? []))")
        }
        #expect(missing.isEmpty, "\(syntax): \(missing.joined(separator: "; "))")
    }
}
