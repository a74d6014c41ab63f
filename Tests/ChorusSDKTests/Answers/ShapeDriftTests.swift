import ChorusMock
import Foundation
import Testing

@testable import ChorusSDK

/// The fake's shape-drift fault (numbers as text, `""` for null, unknown members in every object, one odd item at the
/// end of every list) over the three transports: a tolerant client gets the same data as without the drift, and says
/// what it read past; a strict one refuses.
@Suite("Answers: shape drift over every transport", .timeLimit(.minutes(10)))
struct ShapeDriftTests {
    /// The values a caller relies on, without the issues (which differ by design).
    struct Seen: Equatable {
        var structureID: Int, requirement: InvoicingRequirement, services: [String]
        var invoiceIDs: [Int], details: InvoiceDetails, currentStatus: InvoiceStatus, entryStatuses: [InvoiceStatus]
        var currencies: [String]
    }

    static func seen(_ client: ChorusClient, invoiceID: Int) async throws -> Seen {
        let opera = try await client.structures.recipient(siret: FakeSeed.operaSIRET)
        let page = try await client.invoices.search(
            InvoiceQuery(supplierID: InvoiceFixtures.supplierID), page: PageRequest(pageSize: 50))
        var details = try await client.invoices.details(invoiceID: invoiceID)
        details.decodingIssues = []
        let history = try await client.invoices.history(invoiceID: invoiceID)
        return Seen(
            structureID: opera.structure.id, requirement: opera.requirement, services: opera.services.map(\.code),
            invoiceIDs: page.items.map(\.id).sorted(), details: details, currentStatus: history.currentStatus,
            entryStatuses: history.entries.map(\.status),
            currencies: try await client.references.currencies().map(\.code))
    }

    @Test(
        "a tolerant client reads drifted answers into the same values and reports what it read past",
        arguments: TransportKind.allCases)
    func tolerated(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        let events = LockedBox<[ChorusLogEvent]>([])
        let client = try ChorusClient(
            configuration: ChorusConfiguration(
                environment: harness.environment, credentials: FakeRole.supplier.credentials,
                transport: harness.transport,
                retryPolicy: .none, logger: { event in events.withLock { $0.append(event) } },
                cachesReferenceData: false))
        let submitted = try await client.invoices.submit(InvoiceFixtures.structured())
        let before = try await Self.seen(client, invoiceID: submitted.id)
        #expect(
            events.withLock { $0 }.allSatisfy { $0.kind != .answerTolerated }, "the documented shapes need no tolerance"
        )

        await harness.fake.setShapeDrift(ShapeDrift())
        let during = try await Self.seen(client, invoiceID: submitted.id)
        #expect(during == before)
        let page = try await client.invoices.search(
            InvoiceQuery(supplierID: InvoiceFixtures.supplierID), page: PageRequest(pageSize: 50))
        #expect(page.skippedItemCount == 1, "the odd item is skipped and said: \(page.issues)")
        let all = try await client.invoices.searchAll(
            InvoiceQuery(supplierID: InvoiceFixtures.supplierID), pageSize: 50
        ).collect()
        #expect(all.map(\.id) == [submitted.id])
        let reports = events.withLock { $0 }.filter { $0.kind == .answerTolerated }
        #expect(reports.count >= 5, "every drifted call is reported: \(reports.count)")
        #expect(
            reports.allSatisfy {
                $0.message?.contains("was skipped") == true || $0.message?.contains("was left out") == true
            })

        // Exactly once through drift: the answer of a committed submission is lost, the look-up reads past the odd
        // item and finds the one invoice.
        await harness.fake.inject(.dropAfterCommit, on: "/cpro/factures/v1/soumettre")
        var second = InvoiceFixtures.structured()
        second.lines[0].quantity = 11
        let recovered = try await client.invoices.submit(second)
        #expect(recovered.recoveredAfterLostAnswer)
        #expect(await harness.fake.storedInvoices.count == 2)
    }

    @Test("a strict client refuses a drifted answer with decodingFailed", arguments: TransportKind.allCases)
    func strictRefuses(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        var configuration = ChorusConfiguration(
            environment: harness.environment, credentials: FakeRole.supplier.credentials,
            transport: harness.transport, retryPolicy: .none, cachesReferenceData: false)
        configuration.answerReading = .strict
        let client = try ChorusClient(configuration: configuration)
        await harness.fake.setShapeDrift(
            ShapeDrift(numbersAsStrings: false, emptyStringsForNull: false, unknownMembers: false))
        let error = try await #require(throws: ChorusError.self) { try await client.references.currencies() }
        #expect(error.code == .decodingFailed)
        // Text for null, numbers as text and unknown members are the platform's known variety: read in strict mode too.
        await harness.fake.setShapeDrift(ShapeDrift(oddListItem: false))
        #expect(try await client.references.currencies().isEmpty == false)
    }

    @Test("an absent requirement flag is unknown, never \"nothing required\"")
    func absentFlagIsUnknown() async throws {
        let fake = FakeChorusPro()
        let client = try fake.client()
        let complete = try await client.structures.recipient(siret: FakeSeed.noRequirementSIRET)
        #expect(complete.requirement == .nothing)
        await fake.inject(
            .status(
                200,
                body:
                    #"{"codeRetour":0,"informationGenerales":{"idStructureCPP":\#(complete.structure.id),"identifiantStructure":"\#(FakeSeed.noRequirementSIRET)","structurePriveePublique":"PUBLIQUE"},"parametres":{"codeServiceDoitEtreRenseigne":false}}"#,
                headers: ["Content-Type": "application/json"]), on: "/cpro/structures/v1/consulter")
        let profile = try await client.structures.recipient(siret: FakeSeed.noRequirementSIRET)
        #expect(profile.requirement == .unknown)
        #expect(
            profile.problems(serviceCode: nil, commitmentNumber: nil).map(\.rule) == [
                "SDK-RECIPIENT-REQUIREMENT-UNKNOWN"
            ])
        #expect(profile.problems(serviceCode: nil, commitmentNumber: "EJ-1").isEmpty)
        #expect(profile.requirement.description.contains("unknown"))
    }
}
