import ChorusMock
import Foundation
import Testing

@testable import ChorusSDK

/// The edges an independent review found in the reading policy and the exactly-once look-up, each checked through the
/// public API over the fake (answers injected in the platform's shape).
@Suite("Answer reading: the edges")
struct AnswerReadingEdgeTests {
    static let json = ["Content-Type": "application/json"]
    static let searchPath = "/cpro/factures/v1/rechercher/fournisseur"
    static let submitPath = "/cpro/factures/v1/soumettre"

    static func page(_ items: String, total: Int) -> String {
        #"{"codeRetour":0,"libelle":"GCU_MSG_01_000","listeFactures":[\#(items)],"#
            + #""parametresRetour":{"nbResultatsParPage":100,"pageCourante":1,"pages":1,"total":\#(total)}}"#
    }

    static let olderLookAlike = #"{"identifiantFactureCPP":999001,"numeroFacture":"OLD-1","statut":"DEPOSEE","montantTTC":12,"montantHT":10}"#
    static let unreadable = #"{"identifiantFactureCPP":{"x":1},"numeroFacture":"?","statut":"DEPOSEE","montantTTC":12}"#

    static let submission = InvoiceSubmission(
        mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: 26_262_001, bankAccountID: 144_050,
        lines: [InvoiceLine(designation: "Edge", quantity: 1, unitPrice: Amount(minorUnits: 1000), vatRate: .percentage(20))])

    @Test("A lost answer with an older look-alike and an unreadable new item is ambiguous, never a second send")
    func skippedItemBesideAnOlderLookAlike() async throws {
        let fake = FakeChorusPro()
        let client = try fake.client { $0.answerReading = .tolerant }
        // Before sending: one older look-alike. After the lost answer: that one and an item that cannot be read (ours?).
        await fake.inject(
            .status(200, body: Self.page(Self.olderLookAlike, total: 1), headers: Self.json),
            .status(200, body: Self.page(Self.olderLookAlike + "," + Self.unreadable, total: 2), headers: Self.json),
            on: Self.searchPath)
        await fake.inject(.dropAfterCommit, on: Self.submitPath)
        let error = await #expect(throws: ChorusError.self) { try await client.invoices.submit(Self.submission) }
        #expect(error?.code == .ambiguousOutcome)
        #expect(error?.message.contains("could not read") == true, "\(error?.message ?? "")")
        let stored = await fake.storedInvoices.filter { $0.totalExcludingTax == 10 }
        #expect(stored.count == 1)
        #expect(await fake.journal.filter { $0.path == Self.submitPath }.count == 1)
    }

    @Test("A value quoted in an expectation is scrubbed and cut with an ellipsis")
    func expectationsAreScrubbed() async throws {
        let token = "eyJhbGciOiJIUzI1NiJ9." + String(repeating: "c2VjcmV0", count: 30)
        let item = #"{"identifiantFactureCPP":1,"numeroFacture":"A","statut":"DEPOSEE","dateHeureEtatCourant":"Bearer \#(token)"}"#
        let fake = FakeChorusPro()
        let client = try fake.client { $0.answerReading = .tolerant }
        await fake.inject(.status(200, body: Self.page(item, total: 1), headers: Self.json), on: Self.searchPath)
        let page = try await client.invoices.search(InvoiceQuery())
        let issue = try #require(page.issues.first)
        for text in [issue.expected, issue.excerpt, issue.description, String(reflecting: page)] {
            #expect(!text.contains("c2VjcmV0c2VjcmV0"), "\(text)")
        }
        // Strict: the same answer fails, and the failure names the field without the secret.
        let strict = try fake.client()
        await fake.inject(.status(200, body: Self.page(item, total: 1), headers: Self.json), on: Self.searchPath)
        let error = await #expect(throws: ChorusError.self) { try await strict.invoices.search(InvoiceQuery()) }
        let text = String(reflecting: try #require(error)) + "\(error?.underlyingError.map { "\($0)" } ?? "")"
        #expect(!text.contains("c2VjcmV0c2VjcmV0"), "\(text)")
        #expect(text.contains("listeFactures[0].dateHeureEtatCourant"), "\(text)")
    }

    @Test("A list whose items all fail fails the call, in tolerant mode too, instead of reading as empty")
    func wholeListUnreadable() async throws {
        let fake = FakeChorusPro()
        let client = try fake.client { $0.answerReading = .tolerant }
        let details = #"{"codeRetour":0,"libelle":"GCU_MSG_01_000","identifiantFactureCPP":77,"numeroFacture":"F-77","#
            + #""statutFacture":"DEPOSEE","lignePoste":[{"lignePosteNumero":1,"lignePosteMontantTva":"abc"},"#
            + #"{"lignePosteNumero":2,"lignePosteMontantTva":"def"}]}"#
        await fake.inject(.status(200, body: details, headers: Self.json), on: "/cpro/factures/v1/consulter/fournisseur")
        let error = await #expect(throws: ChorusError.self) { try await client.invoices.details(invoiceID: 77) }
        #expect(error?.code == .decodingFailed)
    }

    @Test("soumettre's answer: an id of 0 or a number given as a boolean fails; an absent status is unknown")
    func submitAnswerIdentity() async throws {
        let answers: [(String, Bool)] = [
            (#""identifiantFactureCPP":0,"numeroFacture":"F1","statutFacture":"DEPOSEE""#, false),
            (#""identifiantFactureCPP":-4,"numeroFacture":"F1","statutFacture":"DEPOSEE""#, false),
            (#""identifiantFactureCPP":4242,"numeroFacture":true,"statutFacture":"DEPOSEE""#, false),
            (#""identifiantFactureCPP":4242,"numeroFacture":"F1""#, true),
        ]
        for (fields, readable) in answers {
            let fake = FakeChorusPro()
            let client = try fake.client()
            await fake.inject(.status(200, body: #"{"codeRetour":0,"libelle":"GCU_MSG_01_000",\#(fields)}"#, headers: Self.json),
                              on: Self.submitPath)
            let (prepared, _) = try await client.invoices.prepare(Self.submission, checkRecipient: false)
            if readable {
                let submitted = try await client.invoices.sendSubmission(prepared)
                #expect(submitted.id == 4242 && submitted.number == "F1" && submitted.status == nil)
            } else {
                let error = await #expect(throws: ChorusError.self, "\(fields)") { try await client.invoices.sendSubmission(prepared) }
                #expect(error?.code == .decodingFailed && error?.outcome == .unknown, "\(fields)")
            }
        }
    }

    @Test("Decision words the SDK does not know read as unknown, never as active or public")
    func unknownDecisionWords() throws {
        func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
            let decoder = JSONDecoder()
            decoder.userInfo[.chorusAnswerReading] = AnswerReading(mode: .strict)
            return try decoder.decode(T.self, from: Data(json.utf8))
        }
        let cases: [(String, Bool?)] = [(#""ACTIVE""#, true), (#""INACTIVE""#, false), (#""EN_COURS_DE_VALIDATION""#, nil)]
        for (status, active) in cases {
            let summary = try decode(StructureSummary.self, #"{"idStructureCPP":1,"identifiantStructure":"X","statut":\#(status)}"#)
            #expect(summary.isActive == active, "statut \(status)")
        }
        let services: [(String, Bool?)] = [(#""ACTIF""#, true), (#""INACTIF""#, false), (#""ACTIVATION_EN_COURS""#, nil)]
        for (status, active) in services {
            let service = try decode(ServiceInfo.self, #"{"idService":1,"codeService":"S","statutService":\#(status)}"#)
            #expect(service.isActive == active, "statutService \(status)")
        }
        for flag in ["7", "-1", #""YES""#] {
            #expect(throws: DecodingError.self, "estActif \(flag)") {
                try decode(ServiceInfo.self, #"{"idService":1,"codeService":"S","estActif":\#(flag)}"#)
            }
        }
        #expect(throws: DecodingError.self) { try decode(StructureSummary.self, #"{"idStructureCPP":0,"identifiantStructure":"X"}"#) }
    }
}
