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
}
