import ChorusMock
import Foundation
import Testing
import ChorusSDK

/// A user's stub of `InvoiceService`'s platform operations only (public API, no `@testable`): the SDK's workflows —
/// paging, waits and exactly-once submission — come with it.
@Suite("Workflows over a stub that implements only the platform operations")
struct StubWorkflowTests {
    /// The stub's platform: what was stored and how often each operation was called.
    actor Platform {
        var stored: [InvoiceSummary] = []
        var sends = 0, searches = 0, historyReads = 0, reportReads = 0
        var loseNextAnswer = false

        func store(_ prepared: PreparedSubmission) throws -> SubmittedInvoice {
            sends += 1
            let invoice = InvoiceSummary(id: 1000 + stored.count, number: "CPP-\(stored.count + 1)", status: .deposited,
                                         totalIncludingTax: prepared.totals.includingTax)
            stored.append(invoice)
            if loseNextAnswer {
                loseNextAnswer = false
                throw ChorusError(.connectionLost, operation: .soumettreFacture, message: "the answer was lost")
            }
            return SubmittedInvoice(id: invoice.id, number: invoice.number, status: .deposited)
        }
        func page(_ page: PageRequest) -> Page<InvoiceSummary> {
            searches += 1
            let slice = stored.dropFirst((page.page - 1) * page.pageSize).prefix(page.pageSize)
            let pages = (stored.count + page.pageSize - 1) / page.pageSize
            return Page(items: Array(slice), info: PageInfo(pageSize: page.pageSize, currentPage: page.page, pageCount: pages, total: stored.count))
        }
        func readHistory(_ id: Int) -> InvoiceHistory {
            historyReads += 1
            let status: InvoiceStatus = historyReads >= 3 ? .madeAvailable : .deposited
            return InvoiceHistory(invoiceID: id, number: "CPP", currentStatus: status, entries: [InvoiceHistory.Entry(status: status)])
        }
        func readReport() -> FluxReport {
            reportReads += 1
            return FluxReport(state: reportReads >= 2 ? .integrated : .processing)
        }
        func fill(_ count: Int) {
            stored = (0..<count).map { InvoiceSummary(id: $0, number: "F-\($0)", status: .deposited, totalIncludingTax: "1.00") }
        }
        func setLoseNextAnswer() { loseNextAnswer = true }
    }

    struct OperationsOnly: InvoiceService {
        let platform = Platform()
        /// Waits cost nothing: the stub's clock moves forward instead of sleeping.
        let now = LockedNow()
        var workflow: InvoiceWorkflowSettings {
            let now = self.now
            return InvoiceWorkflowSettings(clock: ChorusClock(now: { now.read() }, sleep: { now.advance($0) }))
        }

        func sendSubmission(_ prepared: PreparedSubmission) async throws -> SubmittedInvoice { try await platform.store(prepared) }
        func search(_ query: InvoiceQuery, page: PageRequest) async throws -> Page<InvoiceSummary> { await platform.page(page) }
        func history(invoiceID: Int) async throws -> InvoiceHistory { await platform.readHistory(invoiceID) }
        func fluxReport(_ fluxNumber: String) async throws -> FluxReport { await platform.readReport() }

        // Operations this test does not call.
        static let unused = ChorusError(.configuration, operation: "stub", message: "not used by this test")
        func uploadPDF(_ pdf: Data, fileName: String, format: PDFDepositFormat) async throws -> PDFUpload { throw Self.unused }
        func addAttachment(_ data: Data, fileName: String, mimeType: MIMEType) async throws -> AttachmentReference { throw Self.unused }
        func depositFile(_ data: Data, fileName: String, syntax: FluxSyntax) async throws -> FluxDeposit { throw Self.unused }
        func details(invoiceID: Int) async throws -> InvoiceDetails { throw Self.unused }
        func download(invoiceIDs: [Int], format: DownloadFormat, includeAttachments: Bool) async throws -> Data { throw Self.unused }
        func complete(invoiceID: Int, comment: String?, attachments: [AttachmentReference]) async throws -> CompletionResult { throw Self.unused }
        func recycle(invoiceID: Int, recipientSIRET: String, serviceCode: String?, commitmentNumber: String?,
                     comment: String?) async throws -> RecycleResult { throw Self.unused }
        func acknowledgeRejections(invoiceIDs: [Int], reason: String?, details: String?) async throws { throw Self.unused }
        func correctValidator(invoiceID: Int, validatorIdentifier: String, identifierType: StructureIdentifierType,
                              validatorStructureID: Int?) async throws { throw Self.unused }
        func searchPaymentRequests(_ query: PaymentRequestQuery) async throws -> [PaymentRequest] { throw Self.unused }
    }

    /// A clock's time, moved by its sleeps.
    final class LockedNow: @unchecked Sendable {  // `offset` is only touched under `lock`
        private let lock = NSLock()
        private var offset = 0.0
        func read() -> Date { lock.withLock { Date(timeIntervalSince1970: 1_800_000_000 + offset) } }
        func advance(_ duration: Duration) { lock.withLock { offset += Double(duration.components.seconds) } }
    }

    static let invoice = InvoiceSubmission.structured(
        recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: 26_262_001, bankAccountID: 144_050,
        lines: [InvoiceLine(designation: "Décors", quantity: 2, unitPrice: 50, vatRate: .percentage(20))])

    @Test("searchAll pages through the stub's search: 250 invoices, 100 a page, 3 requests")
    func paging() async throws {
        let stub = OperationsOnly()
        await stub.platform.fill(250)
        let all = try await stub.searchAll(InvoiceQuery(), pageSize: 100).collect()
        #expect(all.count == 250 && Set(all.map(\.id)).count == 250)
        #expect(await stub.platform.searches == 3)
    }

    @Test("the waits poll the stub's history and flux report until the awaited state")
    func waits() async throws {
        let stub = OperationsOnly()
        let history = try await stub.waitForStatus(invoiceID: 7, in: [.madeAvailable], timeout: .seconds(3600))
        #expect(history.currentStatus == .madeAvailable)
        #expect(await stub.platform.historyReads == 3)
        let flux = try await stub.waitForFlux("CPP-FLUX", timeout: .seconds(600))
        #expect(flux.report.state == .integrated && flux.integrated.isEmpty)
        #expect(await stub.platform.reportReads == 2)
    }

    @Test("submit is exactly once over the stub: a lost answer is looked up, not sent again")
    func exactlyOnce() async throws {
        let stub = OperationsOnly()
        let first = try await stub.submit(Self.invoice)
        #expect(!first.recoveredAfterLostAnswer)
        await stub.platform.setLoseNextAnswer()
        var second = Self.invoice
        second.lines[0].quantity = 3
        let recovered = try await stub.submit(second)
        #expect(recovered.recoveredAfterLostAnswer)
        #expect(await stub.platform.sends == 2, "one soumettre per invoice, none sent twice")
        #expect(await stub.platform.stored.count == 2)
        #expect(recovered.id == (await stub.platform.stored.last?.id))
    }

    @Test("the stub's invalid invoice is refused by the SDK's checks before its operation is called")
    func validation() async throws {
        let stub = OperationsOnly()
        var broken = Self.invoice
        broken.lines = []
        let error = await #expect(throws: ChorusError.self) { _ = try await stub.submit(broken) }
        #expect(error?.code == .invalidInput)
        #expect(await stub.platform.sends == 0)
    }
}
