import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

@Suite("ChorusMock: directory and invoices")
struct FakePlatformTests {
    static let supplierID = 26_262_001

    static func saisie(recipient: String = FakeSeed.noRequirementSIRET, service: String? = nil, commitment: String? = nil,
                       ht: String = "932.00", tva: String = "109.07", ttc: String = "1041.07") -> JSONValue {
        [
            "modeDepot": "SAISIE_API", "idUtilisateurCourant": 0,
            "destinataire": ["codeDestinataire": .string(recipient), "codeServiceExecutant": .text(service)],
            "fournisseur": ["idFournisseur": .int(supplierID), "codeCoordonneesBancairesFournisseur": 144_050],
            "cadreDeFacturation": ["codeCadreFacturation": "A1_FACTURE_FOURNISSEUR"],
            "references": ["deviseFacture": "EUR", "typeFacture": "FACTURE", "typeTva": "TVA_SUR_DEBIT",
                           "modePaiement": "VIREMENT", "numeroBonCommande": .text(commitment)],
            "lignePoste": [
                ["lignePosteNumero": 1, "lignePosteReference": "R1", "lignePosteDenomination": "D1", "lignePosteQuantite": 10,
                 "lignePosteUnite": "lot", "lignePosteMontantUnitaireHT": 50, "lignePosteTauxTva": "TVA5"],
                ["lignePosteNumero": 2, "lignePosteReference": "R2", "lignePosteDenomination": "D2", "lignePosteQuantite": 12,
                 "lignePosteUnite": "Kg", "lignePosteMontantUnitaireHT": 36, "lignePosteTauxTvaManuel": .number(Decimal(string: "2.1")!)],
            ],
            "ligneTva": [
                ["ligneTvaTaux": "TVA5", "ligneTvaMontantBaseHtParTaux": 500, "ligneTvaMontantTvaParTaux": 100],
                ["ligneTvaTauxManuel": .number(Decimal(string: "2.1")!), "ligneTvaMontantBaseHtParTaux": 432,
                 "ligneTvaMontantTvaParTaux": .number(Decimal(string: "9.07")!)],
            ],
            "montantTotal": ["montantHtTotal": .number(Decimal(string: ht)!), "montantTVA": .number(Decimal(string: tva)!),
                             "montantTtcTotal": .number(Decimal(string: ttc)!), "montantRemiseGlobaleTTC": 0,
                             "montantAPayer": .number(Decimal(string: ttc)!)],
        ]
    }

    @Test("structure search, details and services cover every requirement combination")
    func directory() async throws {
        let raw = RawFake()
        let search = try await raw.call("/cpro/structures/v1/rechercher",
                                        ["structure": ["identifiantStructure": .string(FakeSeed.operaSIRET), "typeIdentifiantStructure": "SIRET"]])
        #expect(search["listeStructures"].list.count == 1)
        #expect(search["listeStructures"][0]["statut"] == "ACTIVE")
        #expect(search["parametresRetour"]["total"] == 1)

        let expected: [(String, Bool, Bool, Bool)] = [
            (FakeSeed.noRequirementSIRET, false, false, false), (FakeSeed.serviceRequiredSIRET, true, false, false),
            (FakeSeed.commitmentRequiredSIRET, false, true, false), (FakeSeed.bothRequiredSIRET, true, true, false),
            (FakeSeed.eitherRequiredSIRET, false, false, true),
        ]
        for (siret, service, commitment, either) in expected {
            let found = try await raw.call("/cpro/structures/v1/rechercher", ["structure": ["identifiantStructure": .string(siret)]])
            let id = try #require(found["listeStructures"][0]["idStructureCPP"].int)
            let detail = try await raw.call("/cpro/structures/v1/consulter", ["idStructureCPP": .int(id), "codeLangue": "FR"])
            #expect(detail["parametres"]["codeServiceDoitEtreRenseigne"].bool == service)
            #expect(detail["parametres"]["numeroEJDoitEtreRenseigne"].bool == commitment)
            #expect(detail["parametres"]["gestionNumeroEJOuCodeService"].bool == either)
            #expect(detail["informationGenerales"]["identifiantStructure"].string == siret)
        }

        let services = try await raw.call("/cpro/structures/v1/rechercher/services",
                                          ["idStructure": 26_300_001, "parametresRechercherServicesStructure": ["nbResultatsParPage": 2, "pageResultatDemandee": 2]])
        #expect(services["listeServices"].list.map { $0["codeService"].string } == ["ATELIERS_DECORS", "PRODUCTION"])
        #expect(services["listeServices"][0]["estActif"] == false)
        #expect(services["parametresRetour"]["pages"] == 2)
        let service = try await raw.call("/cpro/structures/v1/consulter/service", ["idStructure": 26_300_001, "idService": 10_657_004])
        #expect(service["parametres"]["numeroEngagement"] == true)

        let none = try await raw.call("/cpro/structures/v1/rechercher", ["structure": ["identifiantStructure": "00000000000000"]])
        #expect(none["codeRetour"] == 0 && none["listeStructures"] == [])
    }

    @Test("a structured invoice (SAISIE_API) is accepted with a generated number")
    func saisieAccepted() async throws {
        let fake = FakeChorusPro()
        let raw = RawFake(fake)
        let answer = try await raw.call("/cpro/factures/v1/soumettre", Self.saisie())
        #expect(answer["codeRetour"] == 0)
        #expect(answer["libelle"] == "GCU_MSG_01_000")
        #expect(answer["statutFacture"] == "DEPOSEE")
        #expect(answer["numeroFacture"].string?.count == 20)
        #expect(answer["identifiantStructure"].string == FakeSeed.supplierSIRET)
        #expect(answer["empreinteCertificatDepot"].string?.count == 44)
        let id = try #require(answer["identifiantFactureCPP"].int)
        #expect(await fake.invoice(id)?.totalIncludingTax == Decimal(string: "1041.07"))
    }

    @Test("soumettre applies the platform's rules", arguments: [
        ("FACTURES_PUBLIQUES refused", "fp"), ("inactive service", "inactive"), ("service code required", "service"),
        ("commitment required", "commitment"), ("either required", "either"), ("totals incoherent", "totals"),
        ("VAT line off by more than a cent", "vat"), ("inactive structure", "inactiveStructure"), ("unknown recipient", "unknown"),
        ("State commitment unknown", "state"),
    ])
    func soumettreRules(_ label: String, _ kind: String) async throws {
        let raw = RawFake()
        let body: JSONValue = switch kind {
        case "fp": Self.saisie(recipient: FakeSeed.operaSIRET, service: "FACTURES_PUBLIQUES")
        case "inactive": Self.saisie(recipient: FakeSeed.operaSIRET, service: "ATELIERS_DECORS")
        case "service": Self.saisie(recipient: FakeSeed.serviceRequiredSIRET)
        case "commitment": Self.saisie(recipient: FakeSeed.commitmentRequiredSIRET, service: "SERVICE_ACHATS")
        case "either": Self.saisie(recipient: FakeSeed.eitherRequiredSIRET)
        case "totals": Self.saisie(ttc: "1041.08")
        case "vat": Self.saisie(tva: "109.09", ttc: "1041.09")
        case "inactiveStructure": Self.saisie(recipient: FakeSeed.inactiveStructureSIRET)
        case "unknown": Self.saisie(recipient: "12345678900001")
        default: Self.saisie(recipient: FakeSeed.stateBodySIRET, commitment: "EJ_INCONNU")
        }
        let answer = try await raw.api("/cpro/factures/v1/soumettre", body)
        #expect(answer.status == 200)
        #expect(answer.json["codeRetour"].int ?? 0 != 0, "\(label) was accepted")
        #expect(answer.json["libelle"].string?.isEmpty == false)
    }

    @Test("the requirement combinations that are met are accepted")
    func requirementsMet() async throws {
        let raw = RawFake()
        for body in [Self.saisie(recipient: FakeSeed.serviceRequiredSIRET, service: "SERVICE_ACHATS"),
                     Self.saisie(recipient: FakeSeed.commitmentRequiredSIRET, commitment: FakeSeed.commitmentNumber),
                     Self.saisie(recipient: FakeSeed.bothRequiredSIRET, service: "SERVICE_ACHATS", commitment: "EJ1"),
                     Self.saisie(recipient: FakeSeed.eitherRequiredSIRET, commitment: "EJ2"),
                     Self.saisie(recipient: FakeSeed.operaSIRET, service: "PRODUCTION", commitment: "EJ3"),
                     Self.saisie(recipient: FakeSeed.stateBodySIRET, commitment: "EJ0000050001")] {
            let answer = try await raw.call("/cpro/factures/v1/soumettre", body)
            #expect(answer["codeRetour"] == 0, "\(answer)")
        }
    }

    @Test("a PDF invoice: deposer/pdf reads its fields, soumettre DEPOT_PDF_API uses it, a duplicate is refused")
    func pdfInvoice() async throws {
        let fake = FakeChorusPro()
        let raw = RawFake(fake)
        let pdf = TestDocuments.pdf(lines: ["FACTURE", "Facture n: F2026-0042", "Date : 2026-11-02",
                                            "SIRET destinataire : \(FakeSeed.operaSIRET)", "Code service : DIRECTION_ACHATS",
                                            "Total HT : 1000,00", "Total TVA : 200,00", "Total TTC : 1200,00", "Net a payer : 1200,00"])
        let read = try await raw.call("/cpro/factures/v1/deposer/pdf",
                                      ["fichierFacture": .string(pdf.base64EncodedString()), "nomFichier": "F2026-0042.pdf",
                                       "formatDepot": "PDF_NON_SIGNE"])
        #expect(read["numeroFacture"] == "F2026-0042")
        #expect(read["dateFacture"] == "2026-11-02")
        #expect(read["codeDestinataire"] == .string(FakeSeed.operaSIRET))
        #expect(read["codeServiceExecutant"] == "DIRECTION_ACHATS")
        #expect(read["montantHtTotal"] == .number(1000))
        #expect(read["montantAPayer"] == .number(1200))
        #expect(read["typeTva"] == .null)
        let attachment = try #require(read["pieceJointeId"].int)

        var body = Self.saisie(recipient: FakeSeed.operaSIRET, service: "DIRECTION_ACHATS", ht: "1000.00", tva: "200.00", ttc: "1200.00")
        body["modeDepot"] = "DEPOT_PDF_API"
        body["numeroFactureSaisi"] = "F2026-0042"
        body["dateFacture"] = "2026-11-02"
        body["lignePoste"] = .null
        body["ligneTva"] = [["ligneTvaTauxManuel": 20, "ligneTvaMontantBaseHtParTaux": 1000, "ligneTvaMontantTvaParTaux": 200]]
        body["pieceJointePrincipale"] = [["pieceJointePrincipaleDesignation": "Facture", "pieceJointePrincipaleId": .int(attachment)]]
        let submitted = try await raw.call("/cpro/factures/v1/soumettre", body)
        #expect(submitted["codeRetour"] == 0, "\(submitted)")
        #expect(submitted["numeroFacture"] == "F2026-0042")
        let again = try await raw.call("/cpro/factures/v1/soumettre", body)
        #expect(again["codeRetour"] == 20105)

        var missingAttachment = body
        missingAttachment["numeroFactureSaisi"] = "F2026-0043"
        missingAttachment["pieceJointePrincipale"] = [["pieceJointePrincipaleId": 1]]
        #expect(try await raw.call("/cpro/factures/v1/soumettre", missingAttachment)["codeRetour"] == 20106)
        var future = body
        future["numeroFactureSaisi"] = "F2026-0044"
        future["dateFacture"] = "2999-01-01"
        #expect(try await raw.call("/cpro/factures/v1/soumettre", future)["codeRetour"] == 20101)
    }

    @Test("the recipient moves an invoice; search, detail and history follow; completer and recycler answer")
    func lifecycle() async throws {
        let fake = FakeChorusPro()
        let raw = RawFake(fake)
        let id = try #require(try await raw.call("/cpro/factures/v1/soumettre", Self.saisie())["identifiantFactureCPP"].int)

        #expect(try await raw.call("/cpro/factures/v1/completer", ["identifiantFactureCPP": .int(id), "commentaire": "x"])["codeRetour"] == 20002)
        try await fake.makeAvailable(id)
        try await fake.suspend(id, reason: "Bon de livraison manquant")
        let search = try await raw.call("/cpro/factures/v1/rechercher/fournisseur", ["statutCourant": ["SUSPENDUE"]])
        #expect(search["listeFactures"][0]["identifiantFactureCPP"].int == id)
        #expect(search["listeFactures"][0]["commentaireEtatCourant"] == "Bon de livraison manquant")
        let completed = try await raw.call("/cpro/factures/v1/completer", ["identifiantFactureCPP": .int(id), "commentaire": "Voici le BL"])
        #expect(completed["codeRetour"] == 0)

        try await fake.makeAvailable(id)
        try await fake.sendBackForRecycling(id, reason: "Mauvais service")
        let recycled = try await raw.call("/cpro/factures/v1/recycler",
                                          ["identifiantFactureCPP": .int(id), "destinataire": ["codeDestinataire": .string(FakeSeed.noRequirementSIRET), "codeServiceExecutant": "SERVICE_ACHATS"]])
        #expect(recycled["statutFacture"] == "DEPOSEE")
        try await fake.markPaid(id)

        let history = try await raw.call("/cpro/factures/v1/consulter/historique", ["idFacture": .int(id)])
        #expect(history["statutCourantCode"] == "MISE_EN_PAIEMENT")
        let codes = history["historiquesDesStatuts"]["histoStatut"].list.compactMap { $0["histoStatutCode"].string }
        #expect(codes == ["MISE_EN_PAIEMENT", "MANDATEE", "MISE_A_DISPOSITION", "EN_COURS_ACHEMINEMENT", "DEPOSEE", "A_RECYCLER",
                          "MISE_A_DISPOSITION", "EN_COURS_ACHEMINEMENT", "COMPLETEE", "SUSPENDUE", "MISE_A_DISPOSITION",
                          "EN_COURS_ACHEMINEMENT", "DEPOSEE"])
        let stamp = history["historiquesDesStatuts"]["histoStatut"][0]["histoStatutDatePassage"].string ?? ""
        #expect(stamp.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"#, options: .regularExpression) != nil)

        let detail = try await raw.call("/cpro/factures/v1/consulter/fournisseur", ["identifiantFactureCPP": .int(id)])
        #expect(detail["facture"]["montantTotal"]["montantTtcTotal"] == .number(Decimal(string: "1041.07")!))
        #expect(detail["facture"]["lignesDePoste"]["lignePoste"].list.count == 2)
        let download = try await raw.call("/cpro/factures/v1/telecharger/groupe", ["listeFacture": [["idFacture": .int(id)]], "format": "PIVOT"])
        #expect(download["fichierResultat"].string.flatMap { Data(base64Encoded: $0) }?.isEmpty == false)
        await #expect(throws: FakeChorusPro.RecipientActionError.self) { try await fake.suspend(id, reason: "") }
    }

    @Test("search pages past 10 results with parametresRetour")
    func pagination() async throws {
        let raw = RawFake()
        for _ in 0..<13 { _ = try await raw.call("/cpro/factures/v1/soumettre", Self.saisie()) }
        let first = try await raw.call("/cpro/factures/v1/rechercher/fournisseur", [:])
        #expect(first["listeFactures"].list.count == 10)
        #expect(first["parametresRetour"] == ["nbResultatsParPage": 10, "pageCourante": 1, "pages": 2, "total": 13])
        let second = try await raw.call("/cpro/factures/v1/rechercher/fournisseur", ["rechercheFactureParFournisseur": ["nbResultatsParPage": 10, "pageResultatDemandee": 2]])
        #expect(second["listeFactures"].list.count == 3)
    }

    @Test("drop after commit: the invoice exists although the caller heard nothing")
    func dropAfterCommit() async throws {
        let fake = FakeChorusPro()
        let raw = RawFake(fake)
        let token = try await raw.bearer()
        await fake.inject(.dropAfterCommit, on: "/cpro/factures/v1/soumettre")
        await #expect(throws: TransportError.self) {
            try await raw.send(.post, "/cpro/factures/v1/soumettre",
                               headers: ["Authorization": "Bearer \(token)", "cpro-account": RawFake.account(), "Content-Type": "application/json"],
                               body: Self.saisie().data)
        }
        #expect(await fake.storedInvoices.count == 1)
        await fake.inject(.dropBeforeCommit, on: "/cpro/factures/v1/soumettre")
        _ = try? await raw.api("/cpro/factures/v1/soumettre", Self.saisie())
        #expect(await fake.storedInvoices.count == 1)
    }

    @Test("attachments: ajouter/fichier checks name, extension and size")
    func attachments() async throws {
        let raw = RawFake()
        let ok = try await raw.call("/cpro/transverses/v1/ajouter/fichier",
                                    ["pieceJointeFichier": .string(Data("hello".utf8).base64EncodedString()), "pieceJointeNom": "bon.pdf",
                                     "pieceJointeTypeMime": "application/pdf", "pieceJointeExtension": "PDF"])
        #expect(ok["pieceJointeId"].int != nil)
        let badExtension = try await raw.call("/cpro/transverses/v1/ajouter/fichier",
                                              ["pieceJointeFichier": "aGVsbG8=", "pieceJointeNom": "virus.exe", "pieceJointeExtension": "EXE"])
        #expect(badExtension["codeRetour"] == 20101)
        let big = Data(count: 10 * 1024 * 1024 + 1).base64EncodedString()
        let tooBig = try await raw.call("/cpro/transverses/v1/ajouter/fichier", ["pieceJointeFichier": .string(big), "pieceJointeNom": "gros.pdf"])
        #expect(tooBig["codeRetour"] == 20003)
    }
}

@Suite("ChorusMock: flux")
struct FakeFluxTests {
    @Test("a .tar.gz with one good and one bad invoice is partly integrated, step by step on the clock")
    func partialFlux() async throws {
        let fake = FakeChorusPro()
        let raw = RawFake(fake)
        let archive = TestArchive.tarGz([("F-OK-1.xml", TestDocuments.ubl(number: "F-OK-1")),
                                         ("F-BAD-1.xml", TestDocuments.cii(number: "F-BAD-1", ttc: "120.01"))])
        let deposit = try await raw.call("/cpro/factures/v1/deposer/flux",
                                         ["fichierFlux": .string(archive.base64EncodedString()), "nomFichier": "lot.tar.gz",
                                          "syntaxeFlux": "IN_DP_E1_UBL_INVOICE", "avecSignature": false])
        let number = try #require(deposit["numeroFluxDepot"].string)
        #expect(number.count == 25 && number.hasPrefix("CPP"))
        var states: [String] = []
        for _ in 0..<4 {
            let report = try await raw.call("/cpro/transverses/v1/consulterCRDetaille", ["numeroFluxDepot": .string(number)])
            states.append(report["etatCourantDepotFlux"].string ?? "?")
            await fake.advance(by: 5)
        }
        #expect(states == ["IN_RECU", "IN_EN_ATTENTE_TRAITEMENT_CPP", "IN_EN_COURS_TRAITEMENT_CPP", "IN_INTEGRE_PARTIEL"])
        let report = try await raw.call("/cpro/transverses/v1/consulterCRDetaille", ["numeroFluxDepot": .string(number)])
        #expect(report["listeErreurDP"].list.map { $0["numeroDP"].string } == ["F-BAD-1"])
        #expect(report["listeErreurDP"][0]["libelleErreurDP"].string?.contains("incohérents") == true)
        let invoices = try await raw.call("/cpro/factures/v1/rechercher/fournisseur", ["numeroFluxDepot": .string(number)])
        #expect(invoices["listeFactures"].list.map { $0["numeroFacture"].string } == ["F-OK-1"])
        let summary = try await raw.call("/cpro/transverses/v1/consulterCR", ["numeroFluxDepot": .string(number)])
        #expect(summary["etatCourantFlux"] == "IN_INTEGRE_PARTIEL")
    }

    @Test("a single CII file is integrated; a wrong buyer scheme and an unreadable file are rejected")
    func singleFiles() async throws {
        let fake = FakeChorusPro()
        let raw = RawFake(fake)
        func deposit(_ data: Data, _ name: String, _ syntax: String) async throws -> String {
            let answer = try await raw.call("/cpro/factures/v1/deposer/flux",
                                            ["fichierFlux": .string(data.base64EncodedString()), "nomFichier": .string(name), "syntaxeFlux": .string(syntax)])
            return answer["numeroFluxDepot"].string ?? ""
        }
        let good = try await deposit(TestDocuments.cii(number: "CII-1"), "cii.xml", "IN_DP_E1_CII_16B")
        let scheme = try await deposit(TestDocuments.ubl(number: "UBL-9", buyerScheme: "0002"), "ubl.xml", "IN_DP_E1_UBL_INVOICE")
        let junk = try await deposit(Data("not xml".utf8), "junk.xml", "IN_DP_E1_UBL_INVOICE")
        await fake.advance(by: 20)
        func state(_ number: String) async throws -> JSONValue {
            try await raw.call("/cpro/transverses/v1/consulterCRDetaille", ["numeroFluxDepot": .string(number)])
        }
        #expect(try await state(good)["etatCourantDepotFlux"] == "IN_INTEGRE")
        let schemeReport = try await state(scheme)
        #expect(schemeReport["etatCourantDepotFlux"] == "IN_REJETE")
        #expect(schemeReport["listeErreurDP"][0]["libelleErreurDP"].string?.contains("0009") == true)
        let junkReport = try await state(junk)
        #expect(junkReport["etatCourantDepotFlux"] == "IN_REJETE")
        #expect(junkReport["listeErreurTechnique"].list.count == 1)
        let bad = try await raw.call("/cpro/factures/v1/deposer/flux", ["fichierFlux": "eA==", "nomFichier": "x.xml", "syntaxeFlux": "IN_DP_E2_CII_FACTURX_MIN"])
        #expect(bad["codeRetour"] == 20101)
    }
}

@Suite("ChorusMock: Factur-X and seeds")
struct FakeFacturXAndSeedTests {
    /// zlib format with stored deflate blocks (what `FlateDecode` expects), built without a compressor.
    static func zlibStored(_ data: Data) -> Data {
        var out = Data([0x78, 0x01])
        let deflated = TestArchive.gzip(data).dropFirst(10).dropLast(8)  // the deflate blocks of our gzip writer
        out.append(deflated)
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        let adler = b << 16 | a
        out.append(contentsOf: [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)])
        return out
    }

    @Test("a Factur-X PDF's Flate-compressed embedded XML is read and integrated")
    func facturX() async throws {
        let fake = FakeChorusPro()
        let raw = RawFake(fake)
        let xml = Self.zlibStored(TestDocuments.cii(number: "FX-2026-1"))
        var pdf = Data("%PDF-1.7\n1 0 obj\n<< /Type /EmbeddedFile /Subtype /text#2Fxml /Filter /FlateDecode /Length \(xml.count) >>\nstream\n".utf8)
        pdf.append(xml)
        let xmp = #"<x:xmpmeta xmlns:x="adobe:ns:meta/"><fx:ConformanceLevel>EN 16931</fx:ConformanceLevel></x:xmpmeta>"#
        pdf.append(Data("\nendstream\nendobj\n2 0 obj\n<< /Type /Metadata /Subtype /XML /Length \(xmp.utf8.count) >>\nstream\n\(xmp)\nendstream\nendobj\n".utf8))
        pdf.append(Data("trailer\n<< >>\n%%EOF\n".utf8))
        let deposit = try await raw.call("/cpro/factures/v1/deposer/flux",
                                         ["fichierFlux": .string(pdf.base64EncodedString()), "nomFichier": "FX-2026-1.pdf",
                                          "syntaxeFlux": "IN_DP_E2_CII_FACTURX"])
        let number = try #require(deposit["numeroFluxDepot"].string)
        await fake.advance(by: 30)
        let report = try await raw.call("/cpro/transverses/v1/consulterCRDetaille", ["numeroFluxDepot": .string(number)])
        #expect(report["etatCourantDepotFlux"] == "IN_INTEGRE", "\(report)")
        #expect(await fake.storedInvoices.map(\.number) == ["FX-2026-1"])
    }

    @Test("a seed written as JSON loads back, and a test can add its own structures")
    func seeds() async throws {
        var seed = FakeSeed.standard
        seed.structures.append(FakeStructure(id: 99, identifier: "11111111111111", name: "MA STRUCTURE", isPublic: true))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID().uuidString).json")
        try JSONEncoder().encode(seed).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try FakeSeed.load(from: url)
        let fake = FakeChorusPro(seed: loaded)
        #expect(await fake.structure(identifier: "11111111111111")?.name == "MA STRUCTURE")
        await fake.addStructure(FakeStructure(id: 100, identifier: "22222222222222", name: "AJOUTEE", isPublic: true))
        let found = try await RawFake(fake).call("/cpro/structures/v1/rechercher", ["structure": ["identifiantStructure": "22222222222222"]])
        #expect(found["listeStructures"][0]["idStructureCPP"] == 100)
    }
}
