import ChorusSDK
import Foundation
import Testing

/// The reason-code catalogue against tables 3 and 4 of the DGFiP Chorus Pro specification (§3.4.2.1).
@Suite("Official sources: reason codes and their AFNOR transcoding")
struct ReasonCodeTests {
    @Test("table 4, row by row, and table 3's codes unchanged")
    func transcoding() {
        let table4: [(String, String)] = [
            ("AUT_MOTIF_ERR_VALIDEUR", "DEST_ERR"), ("RETRAIT_MAN_SERV", "AUTRE"), ("SUPPR_MASSE", "AUTRE"),
            ("AUTRE", "AUTRE"), ("CONTACT_ACHTR", "CONTACT_ACHTR"), ("COORD_BANC_ERR", "COORD_BANC_ERR"),
            ("CREANCIER_ERR", "DEST_ERR"), ("DOUBLE_FACT", "DOUBLE_FACT"), ("ERREUR_DONNEE_EJ", "CMD_ERR"),
            ("EJ_ERR", "CMD_ERR"), ("ERR_VALIDEUR", "DEST_ERR"), ("FACT_NON_CONFORME", "FACT_NON_CONFORME"),
            ("HONORER_LA_COMMANDE", "LIVR_INCOMP"), ("LIVR_INCOMP", "LIVR_INCOMP"), ("MARCHE_TERM", "CONTRAT_TERM"),
            ("MONTANT_ERR", "MONTANTTOTAL_ERR"), ("SE_ERR", "DEST_ERR"), ("ST_CT_NON_DECLAR", "ST_CT_NON_DECLAR"),
            ("SUPPR_COMP_AVOIR", "SUPPR_COMP_AVOIR"), ("TRANSF_PMNT_REGIE", "TRANSF_PMNT_REGIE"),
            ("TX_TVA_ERR", "TX_TVA_ERR"),
        ]
        for (chorus, afnor) in table4 { #expect(ReasonCode(rawValue: chorus).afnorCode == afnor, "\(chorus)") }
        let table3 = [
            "AUTRE", "CONTACT_ACHTR", "COORD_BANC_ERR", "LIVR_INCOMP", "RETRAIT_MAN_SERV", "ST_CT_NON_DECLAR",
            "SUPPR_COMP_AVOIR", "TRANSF_PMNT_REGIE",
        ]
        #expect(Set(ReasonCode.chorusCodes.map(\.rawValue)) == Set(table4.map(\.0) + table3))
        #expect(ReasonCode(rawValue: "UNKNOWN_CODE").afnorCode == nil)
    }

    @Test("a code round-trips through JSON, known or not")
    func roundTrip() throws {
        for code in ReasonCode.chorusCodes + [ReasonCode(rawValue: "NOUVEAU_MOTIF")] {
            let data = try JSONEncoder().encode(code)
            #expect(try JSONDecoder().decode(ReasonCode.self, from: data) == code)
        }
    }
}
