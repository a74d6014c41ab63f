import ChorusSDK
import Foundation

/// `factures/v1/*` (except flux) and `transverses/v1/ajouter/fichier`: attachments, submission in three
/// modes, search, detail, history, download, and the supplier's answers (`completer`, `recycler`).
extension FakeChorusPro {
    // MARK: Attachments

    func ajouterFichier(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        guard let base64 = body["pieceJointeFichier"].string else { throw FakeRefusal.missing("pieceJointeFichier") }
        guard let data = Data(base64Encoded: base64) else { throw FakeRefusal.invalid("pieceJointeFichier", "Base64 attendu") }
        guard let name = body["pieceJointeNom"].string, !name.isEmpty else { throw FakeRefusal.missing("pieceJointeNom") }
        guard name.count <= 50 else { throw FakeRefusal.invalid("pieceJointeNom", "50 caractères au plus") }
        let fileExtension = (body["pieceJointeExtension"].string ?? (name as NSString).pathExtension).uppercased()
        guard FakeRules.allowedExtensions.contains(fileExtension) else {
            throw FakeRefusal.invalid("pieceJointeExtension", "extension \(fileExtension) non autorisée")
        }
        guard data.count <= FakeRules.maximumFileSize else { throw FakeRefusal.fileTooLarge }
        let id = store(data, name: name, mime: body["pieceJointeTypeMime"].string ?? "application/octet-stream",
                       fileExtension: fileExtension, owner: caller.structureID)
        return ["libelle": "GCU_MSG_01_000", "pieceJointeId": .int(id)]
    }

    func store(_ data: Data, name: String, mime: String, fileExtension: String, owner: Int) -> Int {
        let id = counter.next(\.attachment)
        attachments[id] = FakeAttachment(id: id, name: name, mimeType: mime, fileExtension: fileExtension, data: data,
                                         ownerStructureID: owner)
        return id
    }

    func deposerPdf(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        guard let base64 = body["fichierFacture"].string else { throw FakeRefusal.missing("fichierFacture") }
        guard let data = Data(base64Encoded: base64) else { throw FakeRefusal.invalid("fichierFacture", "Base64 attendu") }
        guard data.count <= FakeRules.maximumFileSize else { throw FakeRefusal.fileTooLarge }
        guard data.starts(with: Data("%PDF".utf8)) else { throw FakeRefusal.invalid("fichierFacture", "le fichier n'est pas un PDF") }
        let format = body["formatDepot"].string ?? "PDF_NON_SIGNE"
        guard ["PDF_NON_SIGNE", "PDF_SIGNE_PADES", "PDF_SIGNE_XADES"].contains(format) else {
            throw FakeRefusal.invalid("formatDepot", format)
        }
        let name = body["nomFichier"].string ?? "facture.pdf"
        let id = store(data, name: name, mime: "application/pdf", fileExtension: "PDF", owner: caller.structureID)
        let read = PDFInvoiceReader.read(data)
        return ["pieceJointeId": .int(id), "numeroFacture": .text(read.number), "dateFacture": .text(read.date),
                "codeDestinataire": .text(read.recipientSIRET), "codeServiceExecutant": .text(read.serviceCode),
                "codeFournisseur": .text(read.supplierSIRET), "codeDeviseFacture": .text(read.currency),
                "typeFacture": .text(read.invoiceType), "typeTva": .null, "numeroBonCommande": .text(read.purchaseOrder),
                "montantTtcAvantRemiseGlobalTTC": .decimal(read.totalIncludingTax), "montantAPayer": .decimal(read.amountToPay),
                "montantHtTotal": .decimal(read.totalExcludingTax), "montantTVA": .decimal(read.totalVAT)]
    }

    // MARK: Submission

    func soumettre(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let mode = body["modeDepot"].string ?? ""
        guard ["SAISIE_API", "DEPOT_PDF_API", "DEPOT_PDF_SIGNE_API"].contains(mode) else {
            throw mode.isEmpty ? FakeRefusal.missing("modeDepot") : FakeRefusal.invalid("modeDepot", mode)
        }
        guard let supplierID = body["fournisseur"]["idFournisseur"].int else { throw FakeRefusal.missing("fournisseur.idFournisseur") }
        let supplier = try requireAttached(caller, supplierID)
        if let bankID = body["fournisseur"]["codeCoordonneesBancairesFournisseur"].int,
           !supplier.bankAccounts.contains(where: { $0.id == bankID && $0.isValid }) {
            throw FakeRefusal.invalid("fournisseur.codeCoordonneesBancairesFournisseur", "coordonnées bancaires inconnues ou non valides")
        }
        let references = body["references"]
        let framework = body["cadreDeFacturation"]["codeCadreFacturation"].string ?? ""
        guard Self.frameworks.contains(framework) else {
            throw framework.isEmpty ? FakeRefusal.missing("cadreDeFacturation.codeCadreFacturation")
                : FakeRefusal.invalid("cadreDeFacturation.codeCadreFacturation", framework)
        }
        // A9 (subcontractor) and A12 (co-contractor) invoices name their validator, who sees them first.
        var validatorID: Int?
        if ["A9_FACTURE_SOUSTRAITANT", "A12_FACTURE_COTRAITANT"].contains(framework) {
            guard let code = body["cadreDeFacturation"]["codeStructureValideur"].lenientString, !code.isEmpty else {
                throw FakeRefusal.missing("cadreDeFacturation.codeStructureValideur")
            }
            guard let validator = structures.values.first(where: { $0.identifier == code }) else { throw FakeRefusal.unknownStructure(code) }
            validatorID = validator.id
        }
        let (recipient, serviceCode) = try checkRecipient(body["destinataire"]["codeDestinataire"].lenientString,
                                                          serviceCode: body["destinataire"]["codeServiceExecutant"].string,
                                                          commitment: references["numeroBonCommande"].lenientString)
        guard let currency = references["deviseFacture"].string, currencies[currency] != nil else {
            throw FakeRefusal.invalid("references.deviseFacture", references["deviseFacture"].lenientString ?? "absente")
        }
        let invoiceType = references["typeFacture"].string ?? "FACTURE"
        guard ["FACTURE", "AVOIR"].contains(invoiceType) else { throw FakeRefusal.invalid("references.typeFacture", invoiceType) }
        if invoiceType == "AVOIR", references["numeroFactureOrigine"].lenientString?.isEmpty ?? true {
            throw FakeRefusal.missing("references.numeroFactureOrigine")
        }
        if let regime = references["typeTva"].string, !Self.vatRegimes.contains(regime) {
            throw FakeRefusal.invalid("references.typeTva", regime)
        }
        if let paymentMode = references["modePaiement"].string, !Self.paymentModes.contains(paymentMode) {
            throw FakeRefusal.invalid("references.modePaiement", paymentMode)
        }
        if references["typeTva"].string == "EXONERATION", references["motifExonerationTva"].lenientString?.isEmpty ?? true {
            throw FakeRefusal.missing("references.motifExonerationTva")
        }
        let totals = try checkTotals(body, mode: mode, framework: framework)

        var number: String
        var mainAttachment: Int?
        if mode == "SAISIE_API" {
            counter.generatedNumber += 1
            let year = Self.calendar.component(.year, from: now)
            number = String(year) + String(format: "%016d", counter.generatedNumber)
        } else {
            guard let given = body["numeroFactureSaisi"].lenientString, !given.isEmpty else {
                throw FakeRefusal.missing("numeroFactureSaisi")
            }
            guard FakeRules.isValidInvoiceNumber(given) else {
                throw FakeRefusal.invalid("numeroFactureSaisi", "20 caractères au plus parmi lettres, chiffres et - _ / +")
            }
            number = given
            guard let date = body["dateFacture"].string else { throw FakeRefusal.missing("dateFacture") }
            guard date.count == 10, date <= day(now) else {
                throw FakeRefusal.invalid("dateFacture", "la date de facture ne peut pas être postérieure à la date de dépôt")
            }
            let main = body["pieceJointePrincipale"].list
            guard let first = main.first, let id = first["pieceJointePrincipaleId"].int else {
                throw FakeRefusal.missing("pieceJointePrincipale")
            }
            guard attachments[id]?.ownerStructureID == caller.structureID else { throw FakeRefusal.unknownAttachment(id) }
            mainAttachment = id
        }
        let extras = try body["pieceJointeComplementaire"].list.map { item -> Int in
            guard let id = item["pieceJointeComplementaireId"].int, attachments[id] != nil else {
                throw FakeRefusal.unknownAttachment(item["pieceJointeComplementaireId"].int ?? 0)
            }
            return id
        }
        if invoices.values.contains(where: { $0.supplierID == supplierID && $0.number == number && $0.status != "REJETEE" }) {
            throw FakeRefusal.duplicate(number)
        }
        let id = counter.next(\.invoice)
        var invoice = FakeInvoice(
            id: id, number: number, supplierID: supplierID, recipientID: recipient.id, serviceCode: serviceCode,
            depositMode: mode, invoiceType: invoiceType, framework: framework, currency: currency,
            issueDate: body["dateFacture"].string ?? day(now), depositDate: now,
            purchaseOrder: references["numeroBonCommande"].lenientString, contractNumber: references["numeroMarche"].lenientString,
            originalInvoiceNumber: references["numeroFactureOrigine"].lenientString, vatRegime: references["typeTva"].string,
            paymentMode: references["modePaiement"].string, totalExcludingTax: totals.ht, totalVAT: totals.tva,
            totalIncludingTax: totals.ttc, amountToPay: totals.toPay, fluxNumber: nil, mainAttachmentID: mainAttachment,
            extraAttachmentIDs: extras, comment: body["commentaire"].string, submitted: body,
            history: [FakeStatusChange(id: counter.next(\.status), status: "DEPOSEE", date: now, comment: nil)])
        invoice.validatorID = validatorID
        if validatorID != nil {
            invoice.history.append(FakeStatusChange(id: counter.next(\.status), status: "A_VALIDER_1", date: now, comment: nil))
        }
        invoices[id] = invoice
        return ["identifiantFactureCPP": .int(id), "numeroFacture": .string(number), "statutFacture": .string(invoice.status),
                "dateDepot": .string(day(now)), "identifiantStructure": .string(supplier.identifier),
                "empreinteCertificatDepot": .string(SHA256.digest(Data("\(id)|\(number)|\(supplier.identifier)|\(timestamp(now))".utf8)).base64EncodedString())]
    }

    /// The recipient's rules (§5.2, §8.3): exists, public, active; service code and/or commitment as its
    /// settings require; the service exists, is active and is not `FACTURES_PUBLIQUES`.
    func checkRecipient(_ siret: String?, serviceCode: String?, commitment: String?) throws -> (FakeStructure, String?) {
        guard let siret, !siret.isEmpty else { throw FakeRefusal.missing("destinataire.codeDestinataire") }
        guard let recipient = structures.values.first(where: { $0.identifier == siret }) else {
            throw FakeRefusal.unknownStructure(siret)
        }
        guard recipient.isPublic else { throw FakeRefusal.recipientRule("Le destinataire \(siret) n'est pas une structure publique.") }
        guard recipient.isActive else { throw FakeRefusal.recipientRule("Le destinataire \(siret) n'est pas actif.") }
        let code = serviceCode?.isEmpty == false ? serviceCode : nil
        let hasCommitment = commitment?.isEmpty == false
        var service: FakeService?
        if let code {
            guard code != "FACTURES_PUBLIQUES" else {
                throw FakeRefusal.recipientRule("Le service FACTURES_PUBLIQUES est réservé aux factures entre entités publiques.")
            }
            guard let found = recipient.services.first(where: { $0.code == code }) else {
                throw FakeRefusal.recipientRule("Le code service \(code) n'existe pas pour le destinataire \(siret).")
            }
            guard found.isActive else { throw FakeRefusal.recipientRule("Le service \(code) du destinataire est inactif.") }
            service = found
        }
        if recipient.requiresServiceCodeOrCommitment {
            if code == nil && !hasCommitment {
                throw FakeRefusal.recipientRule("Le destinataire exige un code service ou un numéro d'engagement.")
            }
        } else {
            if recipient.requiresServiceCode && code == nil {
                throw FakeRefusal.recipientRule("Le destinataire exige un code service.")
            }
            if recipient.requiresCommitment && !hasCommitment {
                throw FakeRefusal.recipientRule("Le destinataire exige un numéro d'engagement.")
            }
        }
        if service?.requiresCommitment == true && !hasCommitment {
            throw FakeRefusal.recipientRule("Le service \(code ?? "") exige un numéro d'engagement.")
        }
        if let commitment, commitment.count > 50 {
            throw FakeRefusal.invalid("references.numeroBonCommande", "50 caractères au plus")
        }
        if recipient.isState, let commitment, hasCommitment,
           !commitments.contains(where: { $0.number == commitment && $0.recipientID == recipient.id }) {
            throw FakeRefusal.recipientRule("L'engagement juridique \(commitment) n'existe pas pour ce destinataire de l'État.")
        }
        return (recipient, code)
    }

    /// Totals coherent to the cent: HT + TVA = TTC, to pay = TTC − discount, VAT lines add up, and in
    /// `SAISIE_API` the lines give the bases and each rate's VAT.
    func checkTotals(_ body: JSONValue, mode: String, framework: String) throws
        -> (ht: Decimal, tva: Decimal, ttc: Decimal, toPay: Decimal)
    {
        let totals = body["montantTotal"]
        func amount(_ key: String, required: Bool = true) throws -> Decimal {
            guard let value = totals[key].decimal else {
                if required { throw FakeRefusal.missing("montantTotal.\(key)") }
                return 0
            }
            guard value >= 0 else { throw FakeRefusal.invalid("montantTotal.\(key)", "montant négatif") }
            guard value.decimalPlaces <= 2 else { throw FakeRefusal.invalid("montantTotal.\(key)", "2 décimales au plus") }
            return value
        }
        let ht = try amount("montantHtTotal")
        let tva = try amount("montantTVA")
        let ttc = try amount("montantTtcTotal")
        let discount = try amount("montantRemiseGlobaleTTC", required: false)
        let toPay = try amount("montantAPayer")
        guard ht + tva == ttc else { throw FakeRefusal.totals("HT \(ht) + TVA \(tva) ≠ TTC \(ttc)") }
        if framework != "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE", toPay != ttc - discount {
            throw FakeRefusal.totals("montant à payer \(toPay) ≠ TTC \(ttc) − remise \(discount)")
        }
        let vatLines = body["ligneTva"].list
        if !vatLines.isEmpty {
            let bases = vatLines.compactMap { $0["ligneTvaMontantBaseHtParTaux"].decimal }.reduce(0, +)
            let vat = vatLines.compactMap { $0["ligneTvaMontantTvaParTaux"].decimal }.reduce(0, +)
            guard FakeRules.sameCents(bases, ht) else { throw FakeRefusal.totals("somme des bases TVA \(bases) ≠ HT \(ht)") }
            guard FakeRules.sameCents(vat, tva) else { throw FakeRefusal.totals("somme des lignes de TVA \(vat) ≠ TVA \(tva)") }
        }
        guard mode == "SAISIE_API" else { return (ht, tva, ttc, toPay) }
        let lines = body["lignePoste"].list
        guard !lines.isEmpty else { throw FakeRefusal.missing("lignePoste") }
        var basesByRate: [String: Decimal] = [:]
        var rateValue: [String: Decimal] = [:]
        for (index, line) in lines.enumerated() {
            guard let quantity = line["lignePosteQuantite"].decimal, quantity > 0 else {
                throw FakeRefusal.invalid("lignePoste[\(index)].lignePosteQuantite", "quantité positive attendue")
            }
            guard let price = line["lignePosteMontantUnitaireHT"].decimal, price >= 0 else {
                throw FakeRefusal.invalid("lignePoste[\(index)].lignePosteMontantUnitaireHT", "prix unitaire attendu")
            }
            let lineDiscount = line["lignePosteMontantRemiseHT"].decimal ?? 0
            let (key, rate) = try rateOf(code: line["lignePosteTauxTva"].string, manual: line["lignePosteTauxTvaManuel"].decimal,
                                         field: "lignePoste[\(index)]")
            basesByRate[key, default: 0] += (quantity * price - lineDiscount).rounded(2)
            rateValue[key] = rate
        }
        let linesTotal = basesByRate.values.reduce(0, +)
        guard FakeRules.sameCents(linesTotal, ht) else { throw FakeRefusal.totals("somme des lignes \(linesTotal) ≠ HT \(ht)") }
        for line in vatLines {
            let (key, _) = try rateOf(code: line["ligneTvaTaux"].string, manual: line["ligneTvaTauxManuel"].decimal, field: "ligneTva")
            guard let base = basesByRate[key], let rate = rateValue[key] else {
                throw FakeRefusal.totals("taux de TVA \(key) sans ligne de poste")
            }
            let expected = (base * rate / 100).rounded(2)
            let given = line["ligneTvaMontantTvaParTaux"].decimal ?? 0
            guard (given - expected).magnitude <= Decimal(string: "0.01") ?? 0 else {
                throw FakeRefusal.totals("TVA au taux \(rate) % : \(given) au lieu de \(expected)")
            }
        }
        return (ht, tva, ttc, toPay)
    }

    /// A rate given as a platform code (`TVA5`) or a manual percentage, as one comparable key.
    func rateOf(code: String?, manual: Decimal?, field: String) throws -> (key: String, rate: Decimal) {
        if let code, !code.isEmpty {
            guard let rate = vatRates[code] else { throw FakeRefusal.invalid("\(field).tauxTva", "code \(code) inconnu") }
            return (rate.description, rate)
        }
        guard let manual, manual >= 0 else { throw FakeRefusal.missing("\(field).tauxTva") }
        return (manual.description, manual)
    }

    // MARK: Following

    func rechercherFournisseur(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let attached = Set(attachedStructureIDs(caller))
        let statuses = Set(body["statutCourant"].list.compactMap(\.string))
        let found = invoices.values.filter { invoice in
            guard attached.contains(invoice.supplierID) else { return false }
            if let id = body["idFournisseur"].int, id != invoice.supplierID { return false }
            if let flux = body["numeroFluxDepot"].string, flux != invoice.fluxNumber { return false }
            if let number = body["numeroFacture"].lenientString, number != invoice.number { return false }
            if let type = body["typeFacture"].string, type != invoice.invoiceType { return false }
            if let framework = body["cadreFacturation"].string, framework != invoice.framework { return false }
            if let mode = body["modeDepot"].string, mode != invoice.depositMode { return false }
            if let order = body["numeroBonCommande"].lenientString, order != invoice.purchaseOrder { return false }
            if !statuses.isEmpty, !statuses.contains(invoice.status) { return false }
            if let minimum = body["montantTTCMin"].decimal, invoice.totalIncludingTax < minimum { return false }
            if let maximum = body["montantTTCMax"].decimal, invoice.totalIncludingTax > maximum { return false }
            let deposit = day(invoice.depositDate)
            if let from = body["periodeDateDepotDu"].string, deposit < from { return false }
            if let to = body["periodeDateDepotAu"].string, deposit > to { return false }
            if let from = body["periodeDateFactureDu"].string, (invoice.issueDate ?? "") < from { return false }
            if let to = body["periodeDateFactureAu"].string, (invoice.issueDate ?? "") > to { return false }
            return true
        }.sorted { $0.id > $1.id }  // filter first: sorting the whole store on every search made big stores slow
        let (page, info) = paginate(found, body["rechercheFactureParFournisseur"])
        if found.isEmpty { return try noResult(listKey: "listeFactures", info) }
        return ["listeFactures": .array(page.map(summaryJSON)), "parametresRetour": info]
    }

    func summaryJSON(_ invoice: FakeInvoice) -> JSONValue {
        let supplier = structures[invoice.supplierID]
        let recipient = structures[invoice.recipientID]
        return [
            "identifiantFactureCPP": .int(invoice.id), "numeroFacture": .string(invoice.number), "statut": .string(invoice.status),
            "numeroFluxDepot": .text(invoice.fluxNumber), "typeFacture": .string(invoice.invoiceType),
            "typeDemandePaiement": "FACTURE", "dateFacture": .text(invoice.issueDate), "dateDepot": .string(day(invoice.depositDate)),
            "dateHeureEtatCourant": .string(timestamp(invoice.history.last?.date ?? invoice.depositDate)),
            "montantHT": .number(invoice.totalExcludingTax), "montantTTC": .number(invoice.totalIncludingTax),
            "montantAPayer": .number(invoice.amountToPay), "devise": .string(invoice.currency), "modeDepot": .string(invoice.depositMode),
            "codeFournisseur": .text(supplier?.identifier), "typeIdentifiantFournisseur": .text(supplier?.identifierType),
            "designationFournisseur": .text(supplier?.name), "idDestinataire": .int(invoice.recipientID),
            "codeDestinataire": .text(recipient?.identifier), "designationDestinataire": .text(recipient?.name),
            "codeServiceExecutant": .text(invoice.serviceCode), "numeroBonCommande": .text(invoice.purchaseOrder),
            "numeroMarche": .text(invoice.contractNumber), "numeroFactureOrigine": .text(invoice.originalInvoiceNumber),
            "commentaireEtatCourant": .text(invoice.history.last?.comment), "cadreFacturation": .string(invoice.framework),
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
        let attachmentsList = ([invoice.mainAttachmentID].compactMap { $0 } + invoice.extraAttachmentIDs).compactMap { attachments[$0] }
        return ["facture": [
            "identifiantFactureCPP": .int(invoice.id), "numeroFacture": .string(invoice.number),
            "statutFacture": .string(invoice.status), "modeDepot": .string(invoice.depositMode), "commentaire": .text(invoice.comment),
            "cadreDeFacturation": frameworkJSON(invoice),
            "destinataire": ["codeDestinataire": .text(recipient?.identifier), "idDestinataire": .int(invoice.recipientID),
                             "libelleDestinataire": .text(recipient?.name), "codeServiceExecutant": .text(invoice.serviceCode),
                             "destinataireEtat": recipient?.isState == true ? "OUI" : "NON"],
            "fournisseur": supplierJSON(invoice, supplier),
            "references": ["codeDeviseFacture": .string(invoice.currency), "typeFacture": .string(invoice.invoiceType),
                           "typeTva": .text(invoice.vatRegime), "modePaiement": .text(invoice.paymentMode),
                           "motifExonerationTva": submitted["references"]["motifExonerationTva"],
                           "numeroMarche": .text(invoice.contractNumber), "numeroBonCommande": .text(invoice.purchaseOrder),
                           "numeroFactureOrigine": .text(invoice.originalInvoiceNumber), "dateFacture": .text(invoice.issueDate),
                           "dateDepot": .string(day(invoice.depositDate)), "numeroDpMandat": .text(invoice.mandateNumber),
                           "libelleDeviseFacture": .text(currencies[invoice.currency])],
            "lignesDePoste": ["lignePoste": .array(lines), "nbResultatsParPageLignesPoste": .int(max(lines.count, 1)),
                              "pageCouranteLignesPoste": 1, "pagesLignesPoste": 1, "totalLignesPoste": .int(lines.count)],
            "recapitulatifDeTva": ["ligneTva": .array(vatLines.map { line in
                ["ligneTvaMontantBaseHtParTaux": line["ligneTvaMontantBaseHtParTaux"],
                 "ligneTvaMontantTvaParTaux": line["ligneTvaMontantTvaParTaux"],
                 "ligneTvaTauxManuel": line["ligneTvaTauxManuel"], "ligneTvaTauxRefCode": line["ligneTvaTaux"],
                 "ligneTvaTauxRefValeur": line["ligneTvaTaux"].string.flatMap { vatRates[$0] }.map(JSONValue.number) ?? .null]
            }), "totalLignesRecapitulativesTVA": .int(vatLines.count)],
            "montantTotal": ["montantHtTotal": .number(invoice.totalExcludingTax), "montantTVA": .number(invoice.totalVAT),
                             "montantTtcAvantRemiseGlobalTTC": .number(invoice.totalIncludingTax),
                             "montantRemiseGlobaleTTC": submitted["montantTotal"]["montantRemiseGlobaleTTC"],
                             "montantTtcTotal": .number(invoice.totalIncludingTax), "montantAPayer": .number(invoice.amountToPay)],
            "pieceJointePrincipale": ["idPieceJointePrincipale": .decimal(invoice.mainAttachmentID.map { Decimal($0) })],
            "listeDesPiecesJointes": ["pieceJointe": .array(attachmentsList.map { attachment in
                ["pieceJointeId": .int(attachment.id), "pieceJointeDesignation": .string(attachment.name),
                 "pieceJointeExtension": .string(attachment.fileExtension)]
            }), "totalListePiecesJointe": .int(attachmentsList.count)],
        ]]
    }

    /// The `cadreDeFacturation` block: the framework and, for A9/A12, the validator.
    func frameworkJSON(_ invoice: FakeInvoice) -> JSONValue {
        var block: JSONValue = ["codeCadreFacturation": .string(invoice.framework)]
        if let validator = invoice.validatorID.flatMap({ structures[$0] }) {
            block["idValideur1"] = .int(validator.id)
            block["codeValideur1"] = .string(validator.identifier)
            block["raisonSocialeValideur1"] = .string(validator.name)
            block["typeIdentifiantValideur1"] = .string(validator.identifierType)
            if let validated = invoice.history.last(where: { $0.status == "VALIDEE_1" }) { block["dateValidation1"] = .string(day(validated.date)) }
        }
        return block
    }

    /// The `fournisseur` block with its address and the bank account the invoice names.
    func supplierJSON(_ invoice: FakeInvoice, _ supplier: FakeStructure?) -> JSONValue {
        var block: JSONValue = ["idFournisseur": .int(invoice.supplierID), "codeFournisseur": .text(supplier?.identifier),
                                "typeIdentifiantFournisseur": .text(supplier?.identifierType),
                                "raisonSocialeFournisseur": .text(supplier?.name),
                                "adresseFournisseurCodePostal": .text(supplier?.postalCode), "adresseFournisseurVille": .text(supplier?.city),
                                "adresseFournisseurCodePays": "FR"]
        if let bankID = invoice.submitted["fournisseur"]["codeCoordonneesBancairesFournisseur"].int,
           let account = supplier?.bankAccounts.first(where: { $0.id == bankID }) {
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
            ["histoStatutId": .int(change.id), "histoStatutCode": .string(change.status),
             "histoStatutDatePassage": .string(minuteStamp(change.date)), "histoStatutCommentaire": .text(change.comment),
             "histoStatutUtilisateurNom": .null, "histoStatutUtilisateurPrenom": .null] as JSONValue
        }
        return ["idFacture": .int(invoice.id), "numeroFacture": .string(invoice.number), "modeDepot": .string(invoice.depositMode),
                "statutCourantCode": .string(invoice.status),
                "historiquesDesStatuts": ["histoStatut": .array(history), "nbResultatsParPageHistoStatut": .int(history.count),
                                          "pageCouranteHistoStatut": 1, "pagesHistoStatut": 1, "totalHistoStatut": .int(history.count)],
                "derniereAction": invoice.userActions.last.map { ["derniereActionId": .int($0.id), "derniereActionCode": .string($0.code)] } ?? .null,
                "historiquesDesActionsUtilisateurs": [
                    "histoAction": .array(invoice.userActions.reversed().map { action in
                        ["histoActionId": .int(action.id), "histoActionCode": .string(action.code),
                         "histoActionDateHeure": .string(minuteStamp(action.date)),
                         "histoActionUtilisateurNom": .text(structures[action.structureID]?.name)] as JSONValue
                    }),
                    "nbResultatsParPageHistoAction": .int(max(invoice.userActions.count, 1)), "pageCouranteHistoAction": 1,
                    "pagesHistoAction": 1, "totalHistoAction": .int(invoice.userActions.count)],
                "historiquesDesEvenementsComplementaires": ["evenement": [], "totalEvenement": 0]]
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
        invoice.history.append(FakeStatusChange(id: counter.next(\.status), status: "COMPLETEE", date: now, comment: comment))
        invoices[invoice.id] = invoice
        return ["identifiantFactureCPP": .int(invoice.id), "numeroFacture": .string(invoice.number),
                "dateTraitement": .string(minuteStamp(now))]
    }

    func recycler(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        var invoice = try ownInvoice(body["identifiantFactureCPP"].int, caller)
        guard invoice.status == "A_RECYCLER" else { throw FakeRefusal.notToRecycle }
        let destination = body["destinataire"]
        let siret = destination["codeDestinataire"].lenientString ?? structures[invoice.recipientID]?.identifier
        let commitment = body["reference"]["numeroBonCommande"].lenientString ?? body["references"]["numeroBonCommande"].lenientString
            ?? invoice.purchaseOrder
        let (recipient, code) = try checkRecipient(siret, serviceCode: destination["codeServiceExecutant"].string ?? invoice.serviceCode,
                                                   commitment: commitment)
        invoice.recipientID = recipient.id
        invoice.serviceCode = code
        invoice.purchaseOrder = commitment
        invoice.history.append(FakeStatusChange(id: counter.next(\.status), status: "DEPOSEE", date: now,
                                                comment: body["commentaire"].string))
        invoices[invoice.id] = invoice
        return ["identifiantFactureCPP": .int(invoice.id), "numeroFacture": .string(invoice.number),
                "dateDepot": .string(day(now)), "statutFacture": "DEPOSEE"]
    }
}
