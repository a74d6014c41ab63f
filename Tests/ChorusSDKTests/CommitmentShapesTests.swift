import Foundation
import Testing

@testable import ChorusSDK

/// Commitments as the answers carry them: the amounts and creation instant of the shape with totals are typed, the
/// shape with `montantEngagementJuridique` still reads, and neither lands in `otherFields`.
@Suite("Commitments: both known answer shapes, typed")
struct CommitmentShapesTests {
    private func read(_ json: String) throws -> [Commitment] {
        var configuration = ChorusConfiguration(
            environment: .sandbox,
            credentials: ChorusCredentials(
                clientID: "c", clientSecret: "s", technicalLogin: "l", technicalPassword: "p"))
        configuration.answerReading = .strict
        let pipeline = RequestPipeline(configuration: configuration)
        let list: KeyedList<Commitment> = try pipeline.decode(
            KeyedList<Commitment>.self, from: HTTPResponse(status: 200, body: Data(json.utf8)),
            operation: OperationID.rechercherEngagementJuridique,
            userInfo: [KeyedList<Commitment>.listKey: "listeEngagementJuridique"])
        return list.items
    }

    @Test("totals before and with VAT and the creation instant are typed; the older shape keeps its amount")
    func bothShapes() throws {
        let withTotals = try read(
            #"{"codeRetour":0,"libelle":"OK","listeEngagementJuridique":[{"numeroEJ":"EJ1","montantTotalHt":"1000.50","#
                + #""montantTotalTtc":1200.6,"dateCreationEJ":"2026-03-02T09:15:00.000+01:00","fournisseur":"X"}]}"#)
        let commitment = try #require(withTotals.first)
        #expect(commitment.totalExcludingTax == Amount("1000.50") && commitment.totalIncludingTax == Amount("1200.6"))
        #expect(commitment.createdAt == Date(timeIntervalSince1970: 1_772_439_300))
        #expect(commitment.date == CalendarDate("2026-03-02"))
        #expect(commitment.otherFields == ["fournisseur": "X"])
        let older = try read(
            #"{"codeRetour":0,"libelle":"OK","listeEngagementJuridique":[{"numeroEngagementJuridique":"EJ2","#
                + #""montantEngagementJuridique":1500.5,"dateCreationEJ":"2026-03-02"}]}"#)
        #expect(older.first?.amount == Amount("1500.5") && older.first?.totalExcludingTax == nil)
        #expect(older.first?.createdAt != nil && older.first?.date == CalendarDate("2026-03-02"))
    }
}
