import ChorusMock
import Foundation
import Testing

@testable import ChorusSDK

/// Every write besides `submit` whose answer is lost after the platform committed it: sent once, never again by the
/// SDK, and the error says what the caller can check (the `afterLostAnswer` declared with the operation).
@Suite("Reliability: other writes after a lost answer")
struct OtherWritesAfterLostAnswerTests {
    typealias Write = @Sendable (ChorusClient, Int) async throws -> Void

    static let writes: [(OperationID, Write)] = [
        (
            .deposerPdfFacture,
            { client, _ in _ = try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "f.pdf") }
        ),
        (
            .ajouterFichierDansSysteme,
            { client, _ in
                _ = try await client.invoices.addAttachment(
                    Data("a note".utf8), fileName: "note.txt", mimeType: .plainText)
            }
        ),
        (
            .deposerFluxFacture,
            { client, _ in
                _ = try await client.invoices.depositFile(
                    TestDocuments.ubl(number: "LOST-1"), fileName: "lost.xml", syntax: .ubl)
            }
        ),
        (
            .completerFacture,
            { client, id in try await client.invoices.complete(invoiceID: id, comment: "again?", attachments: []) }
        ),
        (
            .recyclerFacture,
            { client, id in
                _ = try await client.invoices.recycle(
                    invoiceID: id, recipientSIRET: FakeSeed.laPosteSIRET, serviceCode: nil,
                    commitmentNumber: nil, comment: nil)
            }
        ),
        (
            .traiterFacturesRejetees,
            { client, id in try await client.invoices.acknowledgeRejections(invoiceIDs: [id], reason: nil, details: nil)
            }
        ),
        (
            .corrigerValideurFacture,
            { client, id in
                try await client.invoices.correctValidator(
                    invoiceID: id, validatorIdentifier: FakeSeed.noRequirementSIRET,
                    identifierType: .siret, validatorStructureID: nil)
            }
        ),
    ]

    @Test(
        "each write is sent once on every transport (default retry policy), fails with an unknown outcome, and its advice names what to check",
        arguments: TransportKind.allCases, 0..<writes.count)
    func lostAnswer(kind: TransportKind, index: Int) async throws {
        let (operation, write) = Self.writes[index]
        let harness = try kind.harness()
        defer { harness.finish() }
        let fake = harness.fake
        let client = try harness.client(retry: .default)
        let invoice = try await client.invoices.submit(InvoiceFixtures.structured())
        let path = try #require(operation.endpoint?.path)
        await fake.inject(.dropAfterCommit, on: path)
        let error = try await #require(throws: ChorusError.self) { try await write(client, invoice.id) }
        let sent = await fake.journal.filter { $0.path == path }.count
        print("\(kind) \(operation): \(error.code), sent \(sent) time(s); advice: \(error.advice)")
        #expect(error.outcome == .unknown, "\(error)")
        #expect([.connectionLost, .timedOut].contains(error.code), "\(error)")
        #expect(sent == 1)
        let check = try #require(operation.endpoint?.route.afterLostAnswer, "\(operation) declares what to check")
        #expect(error.advice == "Its outcome is unknown: \(check).")
        #expect(error.description.contains(check), "the message a person reads carries the check")
        #expect(check.contains("invoices."), "the check names an SDK call: \(check)")
    }

    @Test("every declared write says what to check after a lost answer; reads say they can be sent again")
    func everyWriteDeclaresItsCheck() {
        let writes: [OperationID] = [
            .ajouterFichierDansSysteme, .deposerFluxFacture, .deposerPdfFacture, .completerFacture,
            .recyclerFacture, .traiterFacturesRejetees, .corrigerValideurFacture, .traiterFactureRecue,
            .traiterFactureAValider,
        ]
        for operation in writes {
            #expect(
                operation.endpoint?.isIdempotent == false && operation.endpoint?.route.afterLostAnswer != nil,
                "\(operation)")
        }
        let read = ChorusError(.timedOut, operation: .consulterHistoriqueFacture, message: "no answer within 60 s")
        #expect(read.advice == "It was a read: it can simply be sent again.")
    }
}
