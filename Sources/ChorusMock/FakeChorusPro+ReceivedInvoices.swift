import ChorusSDK
import Foundation

/// The public body's and the validator's operations (`rechercher|consulter/recipiendaire`, `traiter/recue`,
/// `rechercher|consulter/valideur`, `traiter/factureAValider`, `recuperer/statutsFactureVisibles/valideur`,
/// `recuperer/etats/traitement`), and the supplier's answers to them (`traiterRejet`, `corriger/valideur/facture`).
/// Each role is a technical account of its structure (``FakeSeed/recipientLogin``, ``FakeSeed/validatorLogin``).
extension FakeChorusPro {
    // MARK: Recipient

    /// An invoice addressed to one of the caller's structures and past its validators.
    func receivedInvoice(_ id: Int?, _ caller: Caller) throws -> FakeInvoice {
        guard let id, let invoice = invoices[id], attachedStructureIDs(caller).contains(invoice.recipientID),
            !Self.validatorStages.contains(invoice.status)
        else {
            throw FakeRefusal.invoiceNotFound
        }
        return invoice
    }

    func rechercherRecipiendaire(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let attached = Set(attachedStructureIDs(caller))
        let statuses = Set(body["statutCourant"].list.compactMap(\.string))
        let types = Set(body["listeTypeFacture"].list.compactMap(\.string))
        let suppliers = Set(body["listeFournisseurs"].list.compactMap { $0["idFournisseur"].int })
        let found = invoices.values.filter { invoice in
            guard attached.contains(invoice.recipientID), !Self.validatorStages.contains(invoice.status) else {
                return false
            }
            return matches(
                invoice, body, statuses: statuses, types: types, suppliers: suppliers,
                commitmentKey: "numeroBonCommande")
                && (body["factureTelechargeeParDestinataire"].bool.map { $0 == invoice.downloadedByRecipient } ?? true)
        }.sorted { $0.id > $1.id }
        let (page, info) = paginate(found, body["paramRecherche"])
        // The recipient's search answers "no result" with 20000 (S5, §7.2) and pages at the top level (§3.2 style B).
        if found.isEmpty { throw FakeRefusal.noResult }
        var answer: JSONValue = ["listeFactures": .array(page.map { receivedSummaryJSON($0) })]
        for key in ["nbResultatsParPage", "pageCourante", "pages", "total"] { answer[key] = info[key] }
        return answer
    }

    /// The filters the recipient's and validator's searches share.
    func matches(
        _ invoice: FakeInvoice, _ body: JSONValue, statuses: Set<String>, types: Set<String>, suppliers: Set<Int>,
        commitmentKey: String
    ) -> Bool {
        if let number = body["numeroFacture"].lenientString, number != invoice.number { return false }
        if !statuses.isEmpty, !statuses.contains(invoice.status) { return false }
        if !types.isEmpty, !types.contains(invoice.invoiceType) { return false }
        if !suppliers.isEmpty, !suppliers.contains(invoice.supplierID) { return false }
        if let framework = body["cadreFacturation"].string, framework != invoice.framework { return false }
        if let order = body[commitmentKey].lenientString, order != invoice.purchaseOrder { return false }
        if let contract = body["numeroMarche"].lenientString, contract != invoice.contractNumber { return false }
        let deposit = day(invoice.depositDate)
        if let from = body["periodeDateDepotDu"].string, deposit < from { return false }
        if let to = body["periodeDateDepotAu"].string, deposit > to { return false }
        if let from = body["periodeDateFactureDu"].string, (invoice.issueDate ?? "") < from { return false }
        if let to = body["periodeDateFactureAu"].string, (invoice.issueDate ?? "") > to { return false }
        return true
    }

    /// A search item as the recipient's and validator's searches give it: `idFacture` instead of `identifiantFactureCPP`.
    func receivedSummaryJSON(_ invoice: FakeInvoice) -> JSONValue {
        var item = summaryJSON(invoice)
        item["identifiantFactureCPP"] = .null
        item["idFacture"] = .int(invoice.id)
        item["idFournisseur"] = .int(invoice.supplierID)
        item["factureTelechargeeParDestinataire"] = .bool(invoice.downloadedByRecipient)
        if let validator = invoice.validatorID.flatMap({ structures[$0] }) {
            item["identifiantValideur"] = .string(validator.identifier)
            item["designationValideur"] = .string(validator.name)
        }
        return item
    }

    func consulterRecipiendaire(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        detailsJSON(try receivedInvoice(body["identifiantFactureCPP"].int, caller))
    }

    func traiterRecue(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let invoice = try receivedInvoice(body["idFacture"].int, caller)
        guard let target = body["nouveauStatut"].string, !target.isEmpty else {
            throw FakeRefusal.missing("nouveauStatut")
        }
        guard let sources = Self.recipientTransitions[target], target != "EN_COURS_ACHEMINEMENT" else {
            throw FakeRefusal.invalid("nouveauStatut", "\(target) n'est pas un statut de traitement")
        }
        let reason = body["motif"].string?.trimmingCharacters(in: .whitespacesAndNewlines)
        if ["REJETEE", "SUSPENDUE"].contains(target), reason?.isEmpty ?? true { throw FakeRefusal.missing("motif") }
        guard sources.contains(invoice.status) else {
            throw FakeRefusal(
                code: 20005,
                libelle: "GDP_MSG_11.020 La facture au statut \(invoice.status) ne peut pas passer au statut \(target)."
            )
        }
        try move(invoice.id, to: target, comment: reason)
        if let mandate = body["numeroDPMandat"].lenientString, !mandate.isEmpty {
            invoices[invoice.id]?.mandateNumber = mandate
        }
        return [
            "idFacture": .int(invoice.id), "numeroFacture": .string(invoice.number), "nouveauStatut": .string(target),
            "dateTraitement": .string(minuteStamp(now)),
        ]
    }

    func etatsTraitement(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        guard let current = body["statutCourant"].string else { throw FakeRefusal.missing("statutCourant") }
        let targets = Self.recipientTransitions.filter {
            $0.key != "EN_COURS_ACHEMINEMENT" && $0.value.contains(current)
        }.keys.sorted()
        return [
            "listeStatutsPossiblesPourTraitement": .array(targets.map { ["statutPossiblePourTraitement": .string($0)] })
        ]
    }

    // MARK: Validator

    /// Statuses a validator sees invoices in.
    static let validatorVisibleStatuses = [
        "A_VALIDER_1", "VALIDEE_1", "REFUSEE_1", "A_VALIDER_2", "VALIDEE_2", "REFUSEE_2",
    ]

    func invoiceToValidate(_ id: Int?, _ caller: Caller) throws -> FakeInvoice {
        guard let id, let invoice = invoices[id], let validator = invoice.validatorID,
            attachedStructureIDs(caller).contains(validator)
        else {
            throw FakeRefusal.invoiceNotFound
        }
        return invoice
    }

    func rechercherValideur(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let attached = Set(attachedStructureIDs(caller))
        let statuses = Set(body["statutCourant"].list.compactMap(\.string))
        let types = Set(body["listeTypeFacture"].list.compactMap(\.string))
        let suppliers: Set<Int> = body["idFournisseur"].int.map { [$0] } ?? []
        let found = invoices.values.filter { invoice in
            guard let validator = invoice.validatorID, attached.contains(validator) else { return false }
            return matches(
                invoice, body, statuses: statuses, types: types, suppliers: suppliers, commitmentKey: "numeroEngagement"
            )
        }.sorted { $0.id > $1.id }
        let (page, info) = paginate(found, body["pagination"])
        if found.isEmpty { return try noResult(listKey: "listeFactures", info) }
        return ["listeFactures": .array(page.map { receivedSummaryJSON($0) }), "parametresRetour": info]
    }

    func consulterValideur(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        detailsJSON(try invoiceToValidate(body["identifiantFactureCPP"].int, caller))
    }

    func traiterFactureAValider(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let invoice = try invoiceToValidate(body["idFacture"].int, caller)
        guard let action = body["action"].string else { throw FakeRefusal.missing("action") }
        guard ["A_VALIDER_1", "A_VALIDER_2"].contains(invoice.status) else {
            throw FakeRefusal(
                code: 20005, libelle: "GDP_MSG_11.020 La facture au statut \(invoice.status) n'est pas à valider.")
        }
        let level = invoice.status.hasSuffix("2") ? "2" : "1"
        switch action {
        case "VALIDATION":
            try move(invoice.id, to: "VALIDEE_" + level, from: .only(["A_VALIDER_" + level]))
            // Validated, the invoice goes on to its recipient.
            try move(invoice.id, to: "MISE_A_DISPOSITION")
        case "REFUS":
            guard let reason = body["motifRefus"].string, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw FakeRefusal.missing("motifRefus")
            }
            try move(invoice.id, to: "REFUSEE_" + level, from: .only(["A_VALIDER_" + level]), comment: reason)
        default:
            throw FakeRefusal.invalid("action", action)
        }
        let updated = invoices[invoice.id] ?? invoice
        return [
            "idFacture": .int(invoice.id), "numeroFacture": .string(invoice.number),
            "statutFacture": .string(updated.status),
            "dateTraitement": .string(day(now)),
        ]
    }

    func statutsVisiblesValideur(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        ["listeStatutFacture": .array(Self.validatorVisibleStatuses.map { ["codeStatutFacture": .string($0)] })]
    }

    // MARK: The supplier's answers

    func traiterRejet(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let ids = body["listeDemandePaiement"].list.compactMap { $0["idDemandePaiement"].int }
        guard !ids.isEmpty else { throw FakeRefusal.missing("listeDemandePaiement") }
        let found = try ids.map { try ownInvoice($0, caller) }
        for invoice in found where !["REJETEE", "REFUSEE_1", "REFUSEE_2"].contains(invoice.status) {
            throw FakeRefusal(
                code: 20002, libelle: "GDP_MSG_11.034 La demande de paiement \(invoice.number) n'est pas rejetée.")
        }
        for invoice in found {
            invoices[invoice.id]?.rejectionHandled = true
            recordAction("TRAITEMENT_REJET", on: invoice.id, by: caller)
        }
        return ["libelle": "GCU_MSG_01_000"]
    }

    func corrigerValideur(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let invoice = try ownInvoice(body["idFacture"].int, caller)
        guard ["ERREUR_FOURNISSEUR_SUR_VALIDEUR", "REFUSEE_1"].contains(invoice.status) else {
            throw FakeRefusal(
                code: 20002,
                libelle: "GDP_MSG_11.035 Le valideur de la facture \(invoice.number) ne peut pas être corrigé.")
        }
        guard let identifier = body["identifiantStructure"].lenientString, !identifier.isEmpty else {
            throw FakeRefusal.missing("identifiantStructure")
        }
        guard
            let validator = structures.values.first(where: { $0.identifier == identifier })
                ?? body["idStructure"].int.flatMap({ structures[$0] })
        else { throw FakeRefusal.unknownStructure(identifier) }
        invoices[invoice.id]?.validatorID = validator.id
        try move(invoice.id, to: "A_VALIDER_1", from: .anywhere)
        return ["idFacture": .int(invoice.id)]
    }

    /// Records a user action (`histoAction`) on an invoice.
    func recordAction(_ code: String, on id: Int, by caller: Caller) {
        invoices[id]?.userActions.append(
            FakeUserAction(id: counter.next(\.userAction), code: code, date: now, structureID: caller.structureID))
    }

    func rechercherDemandePaiement(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let attached = Set(attachedStructureIDs(caller))
        let found = invoices.values.filter { invoice in
            guard attached.contains(invoice.supplierID) || attached.contains(invoice.recipientID) else { return false }
            if let number = body["numeroFacture"].lenientString, number != invoice.number { return false }
            // The Swagger's shape is a list (any of); a single string, as some clients send, is read too.
            let statuses: [String]? =
                switch body["statutCourant"] {
                case .array(let items): items.compactMap(\.string)
                case .string(let status): [status]
                default: nil
                }
            if let statuses, !statuses.contains(invoice.status) { return false }
            if let type = body["typeDemandePaiement"].string, type != "FACTURE" { return false }
            return true
        }.sorted { $0.id > $1.id }
        if found.isEmpty { return try noResult(listKey: "listeDemandePaiement", .null) }
        return [
            "listeDemandePaiement": .array(
                found.map { invoice in
                    [
                        "idDemandePaiement": .int(invoice.id), "numeroDemandePaiement": .string(invoice.number),
                        "etatCourant": .string(invoice.status),
                        "typeDemandePaiement": "FACTURE", "typeFacture": .string(invoice.invoiceType),
                        "dateDepot": .string(day(invoice.depositDate)),
                        "montantHT": .number(invoice.totalExcludingTax),
                        "montantTTC": .number(invoice.totalIncludingTax),
                        "montantAPayer": .number(invoice.amountToPay), "dpOuDpArchive": "DEMANDE_PAIEMENT",
                        "identifiantStructureFournisseur": .text(structures[invoice.supplierID]?.identifier),
                        "identifiantStructureDestinataire": .text(structures[invoice.recipientID]?.identifier),
                    ]
                })
        ]
    }
}
