// A sample test: how a user tests their own invoicing code against ChorusMock, offline.
// swift test --filter UserTests
import ChorusMock
import ChorusSDK
import Foundation
import Testing

/// The user's own code under test: bills a public body for a number of days of work.
struct DailyRateBilling {
    let client: ChorusClient
    let supplierID: Int
    let bankAccountID: Int

    func bill(days: Int, rate: Amount, to siret: String, serviceCode: String?) async throws -> SubmittedInvoice {
        try await client.invoices.submit(InvoiceSubmission(
            mode: .structured, recipientSIRET: siret, serviceCode: serviceCode, supplierID: supplierID, bankAccountID: bankAccountID,
            lines: [InvoiceLine(designation: "Journée de conseil", quantity: Amount(days), unit: "jour", unitPrice: rate,
                                vatRate: .percentage(20))]))
    }
}

@Suite("My invoicing code, tested with MockTransport")
struct MyInvoicingTests {
    let fake = FakeChorusPro()
    var billing: DailyRateBilling {
        get throws {
            let client = try ChorusClient(environment: MockTransport.environment, credentials: MockTransport.credentials,
                                          transport: MockTransport(fake: fake))
            return DailyRateBilling(client: client, supplierID: 26_262_001, bankAccountID: 144_050)
        }
    }

    @Test("three days at 850 € are billed 3,060 € including VAT, and the wire says so")
    func billsDays() async throws {
        let invoice = try await billing.bill(days: 3, rate: "850.00", to: FakeSeed.noRequirementSIRET, serviceCode: nil)
        #expect(invoice.status == .deposited)
        let sent = try #require(await fake.journal.last { $0.path == "/cpro/factures/v1/soumettre" }?.requestJSON)
        #expect(sent["montantTotal"]["montantTtcTotal"] == 3060)
        #expect(await fake.invoice(invoice.id)?.totalExcludingTax == 2550)
    }

    @Test("a recipient that requires a service code is caught before anything is sent")
    func missingServiceCode() async throws {
        let error = await #expect(throws: ChorusError.self) {
            try await billing.bill(days: 1, rate: "500", to: FakeSeed.serviceRequiredSIRET, serviceCode: nil)
        }
        #expect(error?.field == "destinataire.codeServiceExecutant")
        #expect(await fake.storedInvoices.isEmpty)
    }

    @Test("a platform outage surfaces as a typed error, and nothing is duplicated")
    func outage() async throws {
        await fake.inject(.status(503), .status(503), .status(503), on: "/cpro/factures/v1/soumettre")
        let error = await #expect(throws: ChorusError.self) {
            try await billing.bill(days: 1, rate: "500", to: FakeSeed.noRequirementSIRET, serviceCode: nil)
        }
        #expect(error?.code == .serverError)
        #expect(await fake.storedInvoices.isEmpty)
    }
}

/// The same code tested with `fake.client()`: the waits move the fake's clock instead of sleeping.
@Suite("My invoicing code, with waits that never wait")
struct MyWaitingTests {
    @Test("waitForFlux with a 600-second timeout and waitForStatus after the public body acts return at once")
    func waits() async throws {
        let fake = FakeChorusPro()
        let client = try fake.client()
        let opera = try fake.client(as: .recipient)
        let started = ContinuousClock.now

        var document = SampleDocuments.twoRatesInvoice()
        document.seller.identifier = .siret(FakeSeed.supplierSIRET)
        document.buyer.identifier = .siret(FakeSeed.noRequirementSIRET)
        let deposit = try await client.invoices.depositDocument(document)
        let outcome = try await client.invoices.waitForFlux(deposit.number, timeout: .seconds(600))
        #expect(outcome.report.state.isFinal)

        let invoice = try await client.invoices.submit(InvoiceSubmission(
            mode: .structured, recipientSIRET: FakeSeed.operaSIRET, serviceCode: "DIRECTION_ACHATS", supplierID: 26_262_001,
            bankAccountID: 144_050, lines: [InvoiceLine(designation: "Conseil", quantity: 1, unitPrice: "500.00", vatRate: .percentage(20))]))
        let waiting = Task { try await client.invoices.waitForStatus(invoiceID: invoice.id, in: [.madeAvailable], timeout: .seconds(3600)) }
        _ = try await opera.receivedInvoices.process(invoiceID: invoice.id, to: .madeAvailable)
        #expect(try await waiting.value.currentStatus == .madeAvailable)

        let never = await #expect(throws: ChorusError.self) {
            try await client.invoices.waitForStatus(invoiceID: invoice.id, in: [.paymentInitiated], timeout: .seconds(86_400))
        }
        #expect(never?.code == .waitTimedOut)
        let wall = ContinuousClock.now - started
        print("three waits of 600 s, 1 h and 1 day took \(wall) of wall time")
        #expect(wall < .seconds(60))  // generous for a busy machine: the waits themselves cost milliseconds
    }
}
