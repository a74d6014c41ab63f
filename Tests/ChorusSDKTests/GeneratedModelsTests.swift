import Foundation
import Testing

@testable import ChorusSDK

/// The answer models generated from Sources/ChorusSDK/Models/*.models: the committed Swift is what the tables give,
/// and the readings that are more than one key (fallbacks, variants, `nil` when empty, hand-written `call(...)`s) keep
/// their meaning.
@Suite("Models: generated from their field tables")
struct GeneratedModelsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(json.utf8))
    }

    /// The description of the failure of decoding `json` as `type`, `nil` when it decodes.
    static func failure<Value: Decodable>(_ type: Value.Type, _ json: String) -> String? {
        do {
            _ = try decode(type, json)
            return nil
        } catch { return DecodingFailure(error).description }
    }

    @Test("the generated Swift matches the tables (scripts/generate-models.py --check)")
    func generatedFilesAreCurrent() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            Issue.record("python3 is not installed")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.root.appendingPathComponent("scripts/generate-models.py").path, "--check"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }

    @Test("fallback keys, required fields and blocks read as nil when empty")
    func fallbacksAndEmptyBlocks() throws {
        let summary = try Self.decode(
            InvoiceSummary.self,
            #"{"idFacture":"12","numeroFacture":"F1","statutFacture":"DEPOSEE","identifiantDestinataire":"111"}"#)
        #expect(summary.id == 12 && summary.status == .deposited && summary.recipientSIRET == "111")
        #expect(summary.bankAccount == nil, "no coordBancaires… key: no bank account")
        let withBranch = try Self.decode(
            InvoiceSummary.self,
            #"{"identifiantFactureCPP":1,"numeroFacture":"F1","statut":"DEPOSEE","coordBancairesCodeGuichet":"00012"}"#)
        #expect(withBranch.bankAccount == InvoiceBankAccount(branchCode: "00012"))
        let missing = Self.failure(InvoiceSummary.self, #"{"identifiantFactureCPP":1,"statut":"DEPOSEE"}"#)
        #expect(missing?.contains("numeroFacture") == true, "\(missing ?? "decoded")")
        let noBlock = Self.failure(InvoiceDetails.self, #"{"codeRetour":0}"#)
        #expect(noBlock?.contains("facture") == true, "\(noBlock ?? "decoded")")
    }

    @Test("an invoice's parties: validators, MOE, MOA and factor each read from their own keys")
    func parties() throws {
        let details = try Self.decode(
            InvoiceDetails.self,
            """
            {"facture":{"identifiantFactureCPP":7,"numeroFacture":"F7","statutFacture":"DEPOSEE",
              "cadreDeFacturation":{"codeCadreFacturation":"A9_FACTURE_SOUSTRAITANT","identifiantValideur1":"V1","prenomValideur1":"Anne",
                "nomValideur1":"Martin","designationMoe":"MOE SA","idServiceMoe":4,"dateValidation2":"2024-03-01"},
              "fournisseur":{"idFournisseur":3,"raisonSocialeFournisseur":"ACME","adresseFournisseurVille":"LYON",
                "affactureur":{"affactureurCode":"F","affactureurRaisonSociale":"FACTOR SA"}},
              "lignesDePoste":{"lignePoste":{"lignePosteNumero":1},"totalLignesPoste":1}}}
            """)
        let parties = details.frameworkParties
        #expect(parties.firstValidator == FrameworkParty(identifier: "V1", personName: "Anne Martin"))
        #expect(
            parties.secondValidator == nil && parties.owner == nil
                && parties.secondValidationDate == CalendarDate("2024-03-01"))
        #expect(parties.projectManager == FrameworkParty(name: "MOE SA", serviceID: 4))
        #expect(details.supplier?.name == "ACME" && details.supplier?.address == InvoiceAddress(city: "LYON"))
        #expect(
            details.supplier?.factor == FrameworkParty(identifier: "F", name: "FACTOR SA")
                && details.supplier?.bankAccount == nil)
        #expect(
            details.lines.map(\.number) == [1] && details.linePaging == PageInfo(total: 1)
                && details.attachmentPaging == PageInfo())
    }

    @Test("structures and services: an absent setting or activity is unknown (nil), activity from a flag or a status")
    func structuresAndServices() throws {
        let details = try Self.decode(
            StructureDetails.self,
            #"{"informationGenerales":{"idStructureCPP":5,"identifiantStructure":"S","structurePriveePublique":"publique"}}"#
        )
        #expect(
            details.isPublic == true && details.serviceCodeRequired == nil && details.paymentStatusNotReported == nil)
        #expect(details.requirement == .unknown, "absent flags never mean \"nothing required\"")
        #expect(Self.failure(StructureDetails.self, #"{"parametres":{}}"#)?.contains("informationGenerales") == true)
        #expect(
            try Self.decode(ServiceInfo.self, #"{"idService":1,"codeService":"A","statutService":"ACTIF"}"#).isActive
                == true)
        #expect(
            try Self.decode(
                ServiceInfo.self, #"{"idService":1,"codeService":"A","estActif":false,"statutService":"ACTIF"}"#
            ).isActive == false)
        #expect(try Self.decode(ServiceInfo.self, #"{"idService":1,"codeService":"A"}"#).isActive == nil)
        #expect(
            try Self.decode(
                StructureSummary.self, #"{"idStructureCPP":1,"identifiantStructure":"S","statut":"INACTIF"}"#
            ).isActive == false)
        #expect(
            try Self.decode(StructureSummary.self, #"{"idStructureCPP":1,"identifiantStructure":"S"}"#).isActive == nil)
        let commitment = try Self.decode(
            Commitment.self, #"{"numeroEJ":"EJ1","etatCourantEJ":"COMMANDE","montantEJ":"10","autre":1}"#)
        #expect(
            commitment.number == "EJ1" && commitment.state == "COMMANDE" && commitment.otherFields == ["autre": "1"])
    }

    @Test("account answers: every credential is required")
    func accounts() throws {
        let json =
            #"{"idStructureCPP":9,"clientId":"id","clientSecret":"secret","loginTechnique":"TECH","motDePasseTechnique":"pw"}"#
        let credentials = try Self.decode(TechnicalAccountCredentials.self, json)
        #expect(credentials.structureID == 9 && credentials.credentials.technicalLogin == "TECH")
        let missing = Self.failure(
            TechnicalAccountCredentials.self, json.replacingOccurrences(of: #","motDePasseTechnique":"pw""#, with: ""))
        #expect(missing?.contains("motDePasseTechnique") == true, "\(missing ?? "decoded")")
        let overview = try Self.decode(
            AffiliationOverview.self,
            #"{"listeRattachements":{"idRattachement":1,"idStructureCPP":2,"statut":"VALIDEE"}}"#)
        #expect(overview.mine.map(\.status) == [.approved] && overview.toDecide.isEmpty)
    }
}
