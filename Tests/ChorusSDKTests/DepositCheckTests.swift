import ChorusMock
import ChorusSDK
import Foundation
import Testing

/// Chorus Pro's deposit checks that the SDK makes before sending (DGFiP specification §5.4.1).
@Suite("Official sources: deposit checks before sending")
struct DepositCheckTests {
    @Test("a flux over 30 MB is refused before sending, naming the field and the rule; 30 MB is sent")
    func fluxSize() async throws {
        let fake = FakeChorusPro()
        let client = try fake.client()
        let over = Data(count: InvoiceValidator.maximumFluxSize + 1)
        let error = await #expect(throws: ChorusError.self) {
            try await client.invoices.depositFile(over, fileName: "lot.zip", syntax: .ubl)
        }
        #expect(error?.code == .invalidInput)
        #expect(error?.problems.contains { $0.field == "fichierFlux" && $0.rule == "file.size" } == true)
        #expect(await fake.journal.contains { $0.path.hasSuffix("deposer/flux") } == false)
        let atLimit = Data(count: InvoiceValidator.maximumFluxSize)
        _ = try? await client.invoices.depositFile(atLimit, fileName: "lot.zip", syntax: .ubl)
        #expect(await fake.journal.contains { $0.path.hasSuffix("deposer/flux") })
    }
}
