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
