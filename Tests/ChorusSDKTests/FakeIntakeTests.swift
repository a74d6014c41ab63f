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
