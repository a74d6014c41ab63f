import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

/// The README's quick start, line for line, on the fake (only the client's construction differs).
@Suite("README quick start")
struct ReadmeQuickStartTests {
    @Test("the quick start runs as written")
    func quickStart() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        print(await client.accounts.verifyConnection().summary)

        let supplier = try await client.accounts.activeSupplierStructures()[0]
        let bank = try await client.accounts.bankAccounts(structureID: supplier.id)[0]
        let opera = try await client.structures.recipient(siret: "78439607900054", serviceCode: "DIRECTION_ACHATS")
        print(opera.summary)

        let invoice = try await client.invoices.submit(InvoiceSubmission(
            mode: .structured, recipientSIRET: "78439607900054", serviceCode: "DIRECTION_ACHATS",
            supplierID: supplier.id, bankAccountID: bank.id, vatRegime: .onCollections, paymentMode: .transfer,
            lines: [InvoiceLine(designation: "Restauration de fauteuils", quantity: 4, unit: "pièce",
                                unitPrice: "210.00", vatRate: .percentage(20))]))
        try await fake.makeAvailable(invoice.id)
        let history = try await client.invoices.waitForStatus(invoiceID: invoice.id, in: [.madeAvailable],
                                                              timeout: .seconds(3600))
        #expect(history.currentStatus == .madeAvailable)
        #expect(await fake.invoice(invoice.id)?.totalIncludingTax == 1008)
    }
}
