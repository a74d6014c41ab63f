import ChorusSDK
import Foundation

/// Works invoices (`facturesTravaux/v1/rechercher`, `recuperer/typefacturetravaux`,
/// `recuperer/structures/actives/facturetravaux`) and the test controls that play their course: the contractor
/// deposits, the project manager (MOE) takes it up and passes it on, the owner (MOA) takes it up. Their PISTE
/// paths being unknown, the MOE's and MOA's steps are test controls here, not API operations.
extension FakeChorusPro {
    /// Works invoice types (`typeFactureTravaux`) the fake knows.
    static let worksTypes = ["PROJET_DECOMPTE_MENSUEL", "DECOMPTE_MENSUEL", "PROJET_DECOMPTE_FINAL", "DECOMPTE_FINAL",
                             "DECOMPTE_GENERAL_DEFINITIF"]

    /// Works frameworks (`recuperer/cadrefacturation` for `FACTURE_TRAVAUX`, §6.2).
    static let worksFrameworks = ["A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR", "A5_ETAT_ACOMPTE_VALIDE_FOURNISSEUR",
                                  "A6_PROJET_DECOMPTE_FINAL_FOURNISSEUR", "A7_ETAT_SOLDE_VALIDE_FOURNISSEUR",
                                  "A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR"]

    /// One step of a works invoice's course.
    public enum WorksStep: Sendable {
        /// The project manager (MOE) takes the invoice up and passes it to the owner.
        case projectManagerApproves
        /// The project manager refuses it.
        case projectManagerRefuses(reason: String)
        /// The owner (MOA) takes it up.
        case ownerTakesUp
        /// The owner refuses it.
        case ownerRefuses(reason: String)
    }

    /// Deposits a works invoice from `supplierID`, waiting for the project manager (`A_VALIDER_MOE`); returns its id.
    @discardableResult
    public func depositWorksInvoice(number: String, worksType: String = "PROJET_DECOMPTE_MENSUEL",
                                    framework: String = "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR", supplierID: Int = 26_262_001,
                                    projectManagerID: Int = 26_262_004, ownerID: Int = 26_300_001,
                                    totalExcludingTax: Decimal = 10_000) -> Int {
        let id = counter.next(\.worksInvoice)
        worksInvoices[id] = FakeWorksInvoice(
            id: id, number: number, worksType: worksType, framework: framework, supplierID: supplierID, projectManagerID: projectManagerID,
            ownerID: ownerID, totalExcludingTax: totalExcludingTax, totalIncludingTax: totalExcludingTax * 12 / 10,
            history: [FakeStatusChange(id: counter.next(\.status), status: "A_VALIDER_MOE", date: now, comment: nil)])
        return id
    }

    /// Plays one step of a works invoice's course.
    public func advanceWorksInvoice(_ id: Int, _ step: WorksStep) throws {
        guard var invoice = worksInvoices[id] else { throw RecipientActionError.unknownInvoice(id) }
        let (from, to, comment): (Set<String>, [String], String?) = switch step {
        case .projectManagerApproves: (["A_VALIDER_MOE"], ["PRISE_EN_COMPTE_MOE", "MISE_A_DISPOSITION_MOA"], nil)
        case .projectManagerRefuses(let reason): (["A_VALIDER_MOE", "PRISE_EN_COMPTE_MOE"], ["REFUSEE_MOE"], reason)
        case .ownerTakesUp: (["MISE_A_DISPOSITION_MOA"], ["PRISE_EN_COMPTE_MOA"], nil)
        case .ownerRefuses(let reason): (["MISE_A_DISPOSITION_MOA", "PRISE_EN_COMPTE_MOA"], ["REFUSEE_MOA"], reason)
        }
        guard from.contains(invoice.status) else { throw RecipientActionError.notAllowed(from: invoice.status, to: to[0]) }
        for status in to {
            now.addTimeInterval(60)
            invoice.history.append(FakeStatusChange(id: counter.next(\.status), status: status, date: now, comment: comment))
        }
        worksInvoices[id] = invoice
    }

    /// One stored works invoice.
    public func worksInvoice(_ id: Int) -> FakeWorksInvoice? { worksInvoices[id] }

    func rechercherFacturesTravaux(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let attached = Set(attachedStructureIDs(caller))
        guard let role = body["roleUtilisateur"].string, !role.isEmpty else { throw FakeRefusal.missing("roleUtilisateur") }
        let party: (FakeWorksInvoice) -> Int
        switch role {
        case "MOA": party = \.ownerID
        case "MOE": party = \.projectManagerID
        case "FOURNISSEUR": party = \.supplierID
        default: throw FakeRefusal.invalid("roleUtilisateur", role)
        }
        let found = worksInvoices.values.filter { attached.contains(party($0)) && ($0.status != "A_VALIDER_MOE" || role != "MOA") }
            .sorted { $0.id > $1.id }
        let (page, info) = paginate(found, body["rechercheFactureTravaux"])
        // The works search's "no result" is its own code (20007, S5, §7.2).
        if found.isEmpty { throw FakeRefusal(code: 20007, libelle: "GFT_MSG_01.075 Aucun résultat.") }
        return ["listeFacturesTravaux": .array(page.map { invoice in
            ["idFactureTravaux": .int(invoice.id), "numeroFactureTravaux": .string(invoice.number), "statut": .string(invoice.status),
             "typeFactureTravaux": .string(invoice.worksType), "cadreFacturation": .string(invoice.framework),
             "montantHT": .number(invoice.totalExcludingTax), "montantTTC": .number(invoice.totalIncludingTax),
             "identifiantFournisseur": .text(structures[invoice.supplierID]?.identifier),
             "identifiantMoe": .text(structures[invoice.projectManagerID]?.identifier),
             "identifiantMoa": .text(structures[invoice.ownerID]?.identifier),
             "commentaireEtatCourant": .text(invoice.history.last?.comment)]
        }), "parametresRetour": info]
    }

    func recupererTypesFactureTravaux(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        ["libelle": "GCU_MSG_01_000", "listeTypeFactureTravaux": .array(Self.worksTypes.map { ["typeFactureTravaux": .string($0)] })]
    }

    /// `recuperer/structures/actives/facturetravaux` and `…/destinataire`: the caller's structures that may issue works
    /// invoices (private ones) or receive invoices (public ones).
    func structuresActives(publicOnes: Bool, _ caller: Caller) throws -> JSONValue {
        let found = attachedStructureIDs(caller).compactMap { structures[$0] }.filter { $0.isPublic == publicOnes && $0.isActive }
        if found.isEmpty { return try noResult(listKey: "listeStructures", .null) }
        return ["listeStructures": .array(found.map { ["idStructureCPP": .int($0.id), "identifiant": .string($0.identifier),
                                                        "designationStructure": .string($0.name)] })]
    }
}
