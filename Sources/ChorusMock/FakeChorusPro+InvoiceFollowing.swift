import ChorusSDK
import Foundation

/// `factures/v1/*` (except flux) and `transverses/v1/ajouter/fichier`: attachments, submission in three
/// modes, search, detail, history, download, and the supplier's answers (`completer`, `recycler`).
// The supplier following its invoices: searches, details, history, downloads, and the follow-up writes.
extension FakeChorusPro {
    // MARK: Following

    func rechercherFournisseur(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let attached = Set(attachedStructureIDs(caller))
        let statuses = Set(body["statutCourant"].list.compactMap(\.string))
        let recipients = Set(body["listeDestinataire"].list.compactMap { $0["idDestinataire"].int })
        // Every criterion read once, not once per stored invoice (a big store made each search slow).
        let depositedFrom = body["periodeDateDepotDu"].string.map { dayStart($0) ?? .distantPast }
        let depositedTo = body["periodeDateDepotAu"].string.map { dayStart($0, plusDays: 1) ?? .distantFuture }
        let supplierID = body["idFournisseur"].int
        let flux = body["numeroFluxDepot"].string
        let number = body["numeroFacture"].lenientString
        let type = body["typeFacture"].string
        let framework = body["cadreFacturation"].string
        let mode = body["modeDepot"].string
        let order = body["numeroBonCommande"].lenientString
        let minimum = body["montantTTCMin"].decimal
        let maximum = body["montantTTCMax"].decimal
        let issuedFrom = body["periodeDateFactureDu"].string
        let issuedTo = body["periodeDateFactureAu"].string
        let found = invoices.compactMap { id, invoice -> Int? in
            if !recipients.isEmpty, !recipients.contains(invoice.recipientID) { return nil }
            guard attached.contains(invoice.supplierID) else { return nil }
            if let supplierID, supplierID != invoice.supplierID { return nil }
            if let flux, flux != invoice.fluxNumber { return nil }
            if let number, number != invoice.number { return nil }
            if let type, type != invoice.invoiceType { return nil }
            if let framework, framework != invoice.framework { return nil }
            if let mode, mode != invoice.depositMode { return nil }
            if let order, order != invoice.purchaseOrder { return nil }
            if !statuses.isEmpty, !statuses.contains(invoice.status) { return nil }
            if let minimum, invoice.totalIncludingTax < minimum { return nil }
            if let maximum, invoice.totalIncludingTax > maximum { return nil }
            if let depositedFrom, invoice.depositDate < depositedFrom { return nil }
            if let depositedTo, invoice.depositDate >= depositedTo { return nil }
            if let issuedFrom, (invoice.issueDate ?? "") < issuedFrom { return nil }
            if let issuedTo, (invoice.issueDate ?? "") > issuedTo { return nil }
            return id
        }.sorted(by: >)  // ids, not invoices: sorting big values made big stores slow
        let (page, info) = paginate(found, body["rechercheFactureParFournisseur"])
        if found.isEmpty { return try noResult(listKey: "listeFactures", info) }
        return ["listeFactures": .array(page.compactMap { invoices[$0] }.map(summaryJSON)), "parametresRetour": info]
    }

    func summaryJSON(_ invoice: FakeInvoice) -> JSONValue {
        let supplier = structures[invoice.supplierID]
        let recipient = structures[invoice.recipientID]
        return [
            "identifiantFactureCPP": .int(invoice.id), "numeroFacture": .string(invoice.number),
            "statut": .string(invoice.status),
            "numeroFluxDepot": .text(invoice.fluxNumber), "typeFacture": .string(invoice.invoiceType),
            "typeDemandePaiement": "FACTURE", "dateFacture": .text(invoice.issueDate),
            "dateDepot": .string(day(invoice.depositDate)),
            "dateHeureEtatCourant": .string(timestamp(invoice.history.last?.date ?? invoice.depositDate)),
            "montantHT": .number(invoice.totalExcludingTax), "montantTTC": .number(invoice.totalIncludingTax),
            "montantAPayer": .number(invoice.amountToPay), "devise": .string(invoice.currency),
            "modeDepot": .string(invoice.depositMode),
            "codeFournisseur": .text(supplier?.identifier),
            "typeIdentifiantFournisseur": .text(supplier?.identifierType),
            "designationFournisseur": .text(supplier?.name), "idDestinataire": .int(invoice.recipientID),
            "codeDestinataire": .text(recipient?.identifier), "designationDestinataire": .text(recipient?.name),
            "codeServiceExecutant": .text(invoice.serviceCode), "numeroBonCommande": .text(invoice.purchaseOrder),
            "numeroMarche": .text(invoice.contractNumber), "numeroFactureOrigine": .text(invoice.originalInvoiceNumber),
            "commentaireEtatCourant": .text(invoice.history.last?.comment),
            "cadreFacturation": .string(invoice.framework),
        ]
    }

    func ownInvoice(_ id: Int?, _ caller: Caller) throws -> FakeInvoice {
        guard let id, let invoice = invoices[id], attachedStructureIDs(caller).contains(invoice.supplierID) else {
            throw FakeRefusal.invoiceNotFound
        }
        return invoice
    }

    func consulterFournisseur(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        detailsJSON(try ownInvoice(body["identifiantFactureCPP"].int, caller))
    }

    /// `consulter/fournisseur|recipiendaire|valideur`'s answer: the same `facture` block for every role.
    func detailsJSON(_ invoice: FakeInvoice) -> JSONValue {
        let submitted = invoice.submitted
        let recipient = structures[invoice.recipientID]
        let supplier = structures[invoice.supplierID]
        let lines = submitted["lignePoste"].list
        let vatLines = submitted["ligneTva"].list
        let attachmentsList = ([invoice.mainAttachmentID].compactMap { $0 } + invoice.extraAttachmentIDs).compactMap {
            attachments[$0]
        }
        return [
            "facture": [
                "identifiantFactureCPP": .int(invoice.id), "numeroFacture": .string(invoice.number),
                "statutFacture": .string(invoice.status), "modeDepot": .string(invoice.depositMode),
                "commentaire": .text(invoice.comment),
                "cadreDeFacturation": frameworkJSON(invoice),
                "destinataire": [
                    "codeDestinataire": .text(recipient?.identifier), "idDestinataire": .int(invoice.recipientID),
                    "libelleDestinataire": .text(recipient?.name), "codeServiceExecutant": .text(invoice.serviceCode),
                    "destinataireEtat": recipient?.isState == true ? "OUI" : "NON",
                    // The fake's recipients all report payments.
                    "miseEnPaiementDestinataire": true,
                ],
                "fournisseur": supplierJSON(invoice, supplier),
                "references": [
                    "codeDeviseFacture": .string(invoice.currency), "typeFacture": .string(invoice.invoiceType),
                    "typeTva": .text(invoice.vatRegime), "modePaiement": .text(invoice.paymentMode),
                    "motifExonerationTva": submitted["references"]["motifExonerationTva"],
                    "numeroMarche": .text(invoice.contractNumber), "numeroBonCommande": .text(invoice.purchaseOrder),
                    "numeroFactureOrigine": .text(invoice.originalInvoiceNumber),
                    "dateFacture": .text(invoice.issueDate),
                    "dateDepot": .string(day(invoice.depositDate)), "numeroDpMandat": .text(invoice.mandateNumber),
                    "libelleDeviseFacture": .text(currencies[invoice.currency]),
                ],
                "lignesDePoste": [
                    "lignePoste": .array(lines), "nbResultatsParPageLignesPoste": .int(max(lines.count, 1)),
                    "pageCouranteLignesPoste": 1, "pagesLignesPoste": 1, "totalLignesPoste": .int(lines.count),
                ],
                "recapitulatifDeTva": [
                    "ligneTva": .array(
                        vatLines.map { line in
                            [
                                "ligneTvaMontantBaseHtParTaux": line["ligneTvaMontantBaseHtParTaux"],
                                "ligneTvaMontantTvaParTaux": line["ligneTvaMontantTvaParTaux"],
                                "ligneTvaTauxManuel": line["ligneTvaTauxManuel"],
                                "ligneTvaTauxRefCode": line["ligneTvaTaux"],
                                "ligneTvaTauxRefValeur": line["ligneTvaTaux"].string.flatMap { vatRates[$0] }.map(
                                    JSONValue.number) ?? .null,
                            ]
                        }), "totalLignesRecapitulativesTVA": .int(vatLines.count),
                ],
                "montantTotal": [
                    "montantHtTotal": .number(invoice.totalExcludingTax), "montantTVA": .number(invoice.totalVAT),
                    "montantTtcAvantRemiseGlobalTTC": .number(invoice.totalIncludingTax),
                    "montantRemiseGlobaleTTC": submitted["montantTotal"]["montantRemiseGlobaleTTC"],
                    "montantTtcTotal": .number(invoice.totalIncludingTax),
                    "montantAPayer": .number(invoice.amountToPay),
                ],
                "pieceJointePrincipale": [
                    "idPieceJointePrincipale": .decimal(invoice.mainAttachmentID.map { Decimal($0) })
                ],
                "listeDesPiecesJointes": [
                    "pieceJointe": .array(
                        attachmentsList.map { attachment in
                            [
                                "pieceJointeId": .int(attachment.id),
                                "pieceJointeDesignation": .string(attachment.name),
                                "pieceJointeExtension": .string(attachment.fileExtension),
                            ]
                        }), "totalListePiecesJointe": .int(attachmentsList.count),
                ],
            ]
        ]
    }

    /// The `cadreDeFacturation` block: the framework and, for A9/A12, the validator.
    func frameworkJSON(_ invoice: FakeInvoice) -> JSONValue {
        var block: JSONValue = ["codeCadreFacturation": .string(invoice.framework)]
        if let validator = invoice.validatorID.flatMap({ structures[$0] }) {
            block["idValideur1"] = .int(validator.id)
            block["codeValideur1"] = .string(validator.identifier)
            block["raisonSocialeValideur1"] = .string(validator.name)
            block["typeIdentifiantValideur1"] = .string(validator.identifierType)
            if let validated = invoice.history.last(where: { $0.status == "VALIDEE_1" }) {
                block["dateValidation1"] = .string(day(validated.date))
            }
        }
        return block
    }

    /// The `fournisseur` block with its address and the bank account the invoice names.
    func supplierJSON(_ invoice: FakeInvoice, _ supplier: FakeStructure?) -> JSONValue {
        var block: JSONValue = [
            "idFournisseur": .int(invoice.supplierID), "codeFournisseur": .text(supplier?.identifier),
            "typeIdentifiantFournisseur": .text(supplier?.identifierType),
            "raisonSocialeFournisseur": .text(supplier?.name),
            "adresseFournisseurCodePostal": .text(supplier?.postalCode),
            "adresseFournisseurVille": .text(supplier?.city),
            "adresseFournisseurCodePays": "FR",
        ]
        if let bankID = invoice.submitted["fournisseur"]["codeCoordonneesBancairesFournisseur"].int,
            let account = supplier?.bankAccounts.first(where: { $0.id == bankID })
        {
            block["coordBancairesFournisseurId"] = .int(account.id)
            block["coordBancairesFournisseurLibelle"] = .string(account.name)
            block["coordBancairesFournisseurType"] = "IBAN"
            block["coordBancairesFournisseurCompteBancaire"] = .string(account.iban)
            block["coordBancairesFournisseurCodePays"] = .string(String(account.iban.prefix(2)))
        }
        return block
    }

    /// The invoice for its supplier, its recipient (once past its validators) or its validator.
    func visibleInvoice(_ id: Int?, _ caller: Caller) throws -> FakeInvoice {
        if let invoice = try? ownInvoice(id, caller) { return invoice }
        if let invoice = try? receivedInvoice(id, caller) { return invoice }
        return try invoiceToValidate(id, caller)
    }

    func consulterHistorique(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let invoice = try visibleInvoice(body["idFacture"].int, caller)
        let history = invoice.history.reversed().map { change in
            [
                "histoStatutId": .int(change.id), "histoStatutCode": .string(change.status),
                "histoStatutDatePassage": .string(minuteStamp(change.date)),
                "histoStatutCommentaire": .text(change.comment),
                "histoStatutUtilisateurNom": .null, "histoStatutUtilisateurPrenom": .null,
            ] as JSONValue
        }
        return [
            "idFacture": .int(invoice.id), "numeroFacture": .string(invoice.number),
            "modeDepot": .string(invoice.depositMode),
            "statutCourantCode": .string(invoice.status),
            "historiquesDesStatuts": [
                "histoStatut": .array(history), "nbResultatsParPageHistoStatut": .int(history.count),
                "pageCouranteHistoStatut": 1, "pagesHistoStatut": 1, "totalHistoStatut": .int(history.count),
            ],
            "derniereAction": invoice.userActions.last.map {
                ["derniereActionId": .int($0.id), "derniereActionCode": .string($0.code)]
            } ?? .null,
            "historiquesDesActionsUtilisateurs": [
                "histoAction": .array(
                    invoice.userActions.reversed().map { action in
                        [
                            "histoActionId": .int(action.id), "histoActionCode": .string(action.code),
                            "histoActionDateHeure": .string(minuteStamp(action.date)),
                            "histoActionUtilisateurNom": .text(structures[action.structureID]?.name),
                        ] as JSONValue
                    }),
                "nbResultatsParPageHistoAction": .int(max(invoice.userActions.count, 1)), "pageCouranteHistoAction": 1,
                "pagesHistoAction": 1, "totalHistoAction": .int(invoice.userActions.count),
            ],
            "historiquesDesEvenementsComplementaires": ["evenement": [], "totalEvenement": 0],
        ]
    }

    func telechargerGroupe(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let ids = body["listeFacture"].list.compactMap { $0["idFacture"].int }
        guard !ids.isEmpty else { throw FakeRefusal.missing("listeFacture") }
        let found = try ids.map { try visibleInvoice($0, caller) }
        let format = body["format"].string ?? "PDF"
        guard ["PDF", "PIVOT", "XML", "ZIP"].contains(format) else { throw FakeRefusal.invalid("format", format) }
        let withAttachments = body["avecPiecesJointesComplementaires"].string == "OUI"
        var file = Data()
        for invoice in found {
            if format == "PDF", let main = invoice.mainAttachmentID.flatMap({ attachments[$0] }) {
                file.append(main.data)
            } else {
                file.append(invoice.submitted.data)
            }
            if withAttachments {
                for extra in invoice.extraAttachmentIDs.compactMap({ attachments[$0] }) { file.append(extra.data) }
            }
            if attachedStructureIDs(caller).contains(invoice.recipientID) {
                invoices[invoice.id]?.downloadedByRecipient = true
                recordAction("TELECHARGEMENT_FACTURE", on: invoice.id, by: caller)
            }
        }
        return ["fichierResultat": .string(file.base64EncodedString()), "format": .string(format)]
    }

    func completer(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        var invoice = try ownInvoice(body["identifiantFactureCPP"].int, caller)
        guard invoice.status == "SUSPENDUE" else { throw FakeRefusal.notSuspended }
        let comment = body["commentaire"].string
        if let comment, comment.count > 2000 { throw FakeRefusal.invalid("commentaire", "2000 caractères au plus") }
        for item in body["pieceJointeComplementaire"].list {
            guard let id = item["pieceJointeComplementaireId"].int, attachments[id] != nil else {
                throw FakeRefusal.unknownAttachment(item["pieceJointeComplementaireId"].int ?? 0)
            }
            invoice.extraAttachmentIDs.append(id)
        }
        invoice.history.append(
            FakeStatusChange(id: counter.next(\.status), status: "COMPLETEE", date: now, comment: comment))
        invoices[invoice.id] = invoice
        return [
            "identifiantFactureCPP": .int(invoice.id), "numeroFacture": .string(invoice.number),
            "dateTraitement": .string(minuteStamp(now)),
        ]
    }

    func recycler(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        var invoice = try ownInvoice(body["identifiantFactureCPP"].int, caller)
        guard invoice.status == "A_RECYCLER" else { throw FakeRefusal.notToRecycle }
        let destination = body["destinataire"]
        let siret = destination["codeDestinataire"].lenientString ?? structures[invoice.recipientID]?.identifier
        let commitment =
            body["reference"]["numeroBonCommande"].lenientString ?? body["references"]["numeroBonCommande"]
            .lenientString
            ?? invoice.purchaseOrder
        let (recipient, code) = try checkRecipient(
            siret, serviceCode: destination["codeServiceExecutant"].string ?? invoice.serviceCode,
            commitment: commitment)
        invoice.recipientID = recipient.id
        invoice.serviceCode = code
        invoice.purchaseOrder = commitment
        invoice.history.append(
            FakeStatusChange(
                id: counter.next(\.status), status: "DEPOSEE", date: now,
                comment: body["commentaire"].string))
        invoices[invoice.id] = invoice
        return [
            "identifiantFactureCPP": .int(invoice.id), "numeroFacture": .string(invoice.number),
            "dateDepot": .string(day(now)), "statutFacture": "DEPOSEE",
        ]
    }
}
