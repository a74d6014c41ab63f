import Foundation

/// `factures/v1/deposer/flux` and the flux reports (`consulterCR`, `consulterCRDetaille`): files are read
/// (UBL 2.1, CII D16B, Factur-X PDF, `.tar.gz` of them), each invoice checked against the platform's
/// rules, and the flux moves `IN_RECU` → `IN_EN_ATTENTE_TRAITEMENT_CPP` → `IN_EN_COURS_TRAITEMENT_CPP` →
/// `IN_INTEGRE` / `IN_INTEGRE_PARTIEL` / `IN_REJETE` as the fake's clock advances
/// (``Options/fluxStepSeconds`` per step).
extension FakeChorusPro {
    static let supportedSyntaxes: Set<String> = [
        "IN_DP_E1_UBL_INVOICE", "IN_DP_E1_CII_16B", "IN_DP_E2_CII_FACTURX", "IN_DP_E2_UBL_INVOICE_MIN",
        "IN_DP_E2_CII_MIN_16B", "IN_DP_E2_CPP_FACTURE_MIN", "IN_DP_E1_CII",
    ]

    func deposerFlux(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        guard let base64 = body["fichierFlux"].string else { throw FakeRefusal.missing("fichierFlux") }
        guard let data = Data(base64Encoded: base64) else { throw FakeRefusal.invalid("fichierFlux", "Base64 attendu") }
        guard let name = body["nomFichier"].string, !name.isEmpty else { throw FakeRefusal.missing("nomFichier") }
        guard name.count <= 200 else { throw FakeRefusal.invalid("nomFichier", "200 caractères au plus") }
        guard let syntax = body["syntaxeFlux"].string else { throw FakeRefusal.missing("syntaxeFlux") }
        guard Self.supportedSyntaxes.contains(syntax) else { throw FakeRefusal.invalid("syntaxeFlux", syntax) }
        let number = "CPP0011110" + String(format: "%015d", counter.next(\.flux))
        var flux = FakeFlux(number: number, syntax: syntax, fileName: name, depositorStructureID: caller.structureID,
                            depositedAt: now, outcomes: [], technicalErrors: [])
        let files: [(name: String, data: Data)]
        if name.lowercased().hasSuffix(".tar.gz") || name.lowercased().hasSuffix(".tgz") || data.starts(with: [0x1F, 0x8B]) {
            if let archive = Gzip.decompress(data).flatMap(Tar.files) { files = archive } else {
                flux.technicalErrors.append("L'archive \(name) est illisible.")
                files = []
            }
        } else {
            files = [(name, data)]
        }
        for file in files {
            guard let document = InvoiceDocumentReader.read(file.data) else {
                flux.technicalErrors.append("Le fichier \(file.name) n'est pas une facture lisible dans la syntaxe \(syntax).")
                continue
            }
            flux.outcomes.append(check(document, flux: number, depositorID: caller.structureID, syntax: syntax))
        }
        fluxes[number] = flux
        return ["numeroFluxDepot": .string(number), "dateDepot": .string(day(now)), "syntaxeFlux": .string(syntax)]
    }

    private func check(_ document: InvoiceDocument, flux: String, depositorID: Int, syntax: String) -> FakeFlux.Outcome {
        var outcome = FakeFlux.Outcome(invoiceNumber: document.number ?? "", supplierIdentifier: document.supplierID ?? "",
                                       recipientIdentifier: document.buyerID ?? "", error: nil, invoice: nil)
        func reject(_ text: String) -> FakeFlux.Outcome {
            outcome.error = text
            return outcome
        }
        if let problem = document.intakeProblems.first { return reject(problem) }
        guard let number = document.number, FakeRules.isValidInvoiceNumber(number) else {
            return reject("Le numéro de la demande de paiement (balise : BT-1) est absent ou invalide.")
        }
        guard let supplier = structures.values.first(where: { $0.identifier == document.supplierID }),
              supplier.id == depositorID
        else {
            return reject("L'identifiant fournisseur de la demande de paiement (balise : BT-29/BT-30) n'est pas reference dans notre systeme.")
        }
        if document.buyerScheme != nil && document.buyerScheme != "0009" {
            return reject("Le schéma de l'identifiant du destinataire (balise : BT-47-1) doit être 0009 (SIRET).")
        }
        let recipient: FakeStructure
        let serviceCode: String?
        do {
            (recipient, serviceCode) = try checkRecipient(document.buyerID, serviceCode: document.buyerReference,
                                                          commitment: document.purchaseOrder)
        } catch let refusal as FakeRefusal {
            return reject(refusal.libelle)
        } catch {
            return reject("Destinataire invalide.")
        }
        guard let ht = document.taxExclusive, let tva = document.taxTotal, let ttc = document.taxInclusive else {
            return reject("Les montants totaux (balises : BT-109, BT-110, BT-112) sont obligatoires.")
        }
        guard [ht, tva, ttc, document.payable ?? 0].allSatisfy({ $0.decimalPlaces <= 2 }) else {
            return reject("Les montants doivent comporter au plus 2 décimales.")
        }
        guard ht + tva == ttc else { return reject("Montants incohérents (balises : BT-109, BT-110, BT-112) : HT \(ht) + TVA \(tva) ≠ TTC \(ttc).") }
        if let payable = document.payable, payable != ttc - (document.prepaid ?? 0) {
            return reject("Montant à payer (balise : BT-115) \(payable) incohérent avec le TTC \(ttc).")
        }
        if document.paymentMeansCode == nil {
            return reject("L'element FichierXml.SupplyChainTradeTransaction.ApplicableHeaderTradeSettlement."
                          + "SpecifiedTradeSettlementPaymentMeans.TypeCode.value est obligatoire.")
        }
        if document.paymentMeansCode == "58" {
            return reject("Le moyen de paiement 58 (balise : BT-81) n'est pas accepte : un virement est declare avec le code 30.")
        }
        if document.grossPriceWithoutDiscount {
            return reject("L'element (AppliedTradeAllowanceCharge.ActualAmount.value) est obligatoire si l'element "
                          + "(SpecifiedLineTradeAgreement.GrossPriceProductTradePrice) est renseigne.")
        }
        if document.typeCode == "381", [ht, tva, ttc].contains(where: { $0 < 0 }) {
            return reject("Un avoir (381) porte des montants positifs.")
        }
        if invoices.values.contains(where: { $0.supplierID == supplier.id && $0.number == number && $0.status != "REJETEE" })
            || fluxes.values.contains(where: { $0.outcomes.contains { $0.invoiceNumber == number && $0.error == nil } }) {
            return reject("La facture \(number) a déjà été déposée par ce fournisseur.")
        }
        outcome.invoice = FakeInvoice(
            id: 0, number: number, supplierID: supplier.id, recipientID: recipient.id, serviceCode: serviceCode,
            depositMode: "EDI", invoiceType: document.typeCode == "381" ? "AVOIR" : "FACTURE", framework: "A1_FACTURE_FOURNISSEUR",
            currency: document.currency ?? "EUR", issueDate: document.issueDate, depositDate: now,
            purchaseOrder: document.purchaseOrder, contractNumber: document.contract, originalInvoiceNumber: document.precedingInvoice,
            vatRegime: nil, paymentMode: document.paymentMeansCode == "30" ? "VIREMENT" : nil, totalExcludingTax: ht,
            totalVAT: tva, totalIncludingTax: ttc, amountToPay: document.payable ?? ttc, fluxNumber: flux, mainAttachmentID: nil,
            extraAttachmentIDs: [], comment: nil, submitted: ["syntaxeFlux": .string(syntax)], history: [])
        outcome.invoice?.documentTerms = document.terms
        return outcome
    }

    /// The state a flux has reached on the fake's clock.
    func fluxState(_ flux: FakeFlux) -> (code: String, isFinal: Bool) {
        let steps = Int(now.timeIntervalSince(flux.depositedAt) / max(options.fluxStepSeconds, 0.001))
        switch steps {
        case 0: return ("IN_RECU", false)
        case 1: return ("IN_EN_ATTENTE_TRAITEMENT_CPP", false)
        case 2: return ("IN_EN_COURS_TRAITEMENT_CPP", false)
        default:
            let accepted = flux.outcomes.filter { $0.error == nil }.count
            if accepted == 0 { return ("IN_REJETE", true) }
            return (accepted == flux.outcomes.count && flux.technicalErrors.isEmpty ? "IN_INTEGRE" : "IN_INTEGRE_PARTIEL", true)
        }
    }

    func integrate(_ number: String) {
        guard var flux = fluxes[number] else { return }
        flux.integrated = true
        let integrationDate = flux.depositedAt.addingTimeInterval(3 * options.fluxStepSeconds)
        for outcome in flux.outcomes {
            guard var invoice = outcome.invoice else { continue }
            invoice.id = counter.next(\.invoice)
            invoice.depositDate = integrationDate
            invoice.history = [FakeStatusChange(id: counter.next(\.status), status: "DEPOSEE", date: integrationDate, comment: nil)]
            invoices[invoice.id] = invoice
        }
        fluxes[number] = flux
    }

    private func flux(_ body: JSONValue, _ caller: Caller) throws -> FakeFlux {
        guard let number = body["numeroFluxDepot"].string else { throw FakeRefusal.missing("numeroFluxDepot") }
        guard let flux = fluxes[number], flux.depositorStructureID == caller.structureID else { throw FakeRefusal.fluxNotFound }
        return flux
    }

    func consulterCRDetaille(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let flux = try flux(body, caller)
        let state = fluxState(flux)
        let changed = flux.depositedAt.addingTimeInterval(Double(min(Int(now.timeIntervalSince(flux.depositedAt) / max(options.fluxStepSeconds, 0.001)), 3)) * options.fluxStepSeconds)
        let errors = state.isFinal ? flux.outcomes.filter { $0.error != nil } : []
        return ["codeInterfaceDepotFlux": "FSO1110A", "dateDepotFlux": .string(timestamp(flux.depositedAt)),
                "dateHeureEtatCourantFlux": .string(timestamp(changed)), "etatCourantDepotFlux": .string(state.code),
                "nomFichier": .string("FSO1110A_CPP001_\(flux.number)"),
                "listeErreurDP": .array(errors.map { outcome in
                    ["identifiantFournisseur": .string(outcome.supplierIdentifier),
                     "identifiantDestinataire": .string(outcome.recipientIdentifier),
                     "numeroDP": .string(outcome.invoiceNumber), "libelleErreurDP": .text(outcome.error)]
                }),
                "listeErreurTechnique": .array((state.isFinal ? flux.technicalErrors : []).map { text in
                    ["codeErreur": "ERR_TECH", "libelleErreur": .string(text), "natureErreur": "FICHIER"]
                })]
    }

    func consulterCR(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let flux = try flux(body, caller)
        return ["numeroFluxDepot": .string(flux.number), "nomFichierFlux": .string(flux.fileName),
                "dateDepotFlux": .string(timestamp(flux.depositedAt)), "dateHeureEtatCourantFlux": .string(timestamp(now)),
                "etatCourantFlux": .string(fluxState(flux).code), "codeInterfaceFlux": "FSO1110A",
                "codeAppliPartenaire": "CPP", "designationPartenaire": "Chorus Pro",
                "fichierCR": .string(Data("Compte rendu du flux \(flux.number)".utf8).base64EncodedString())]
    }
}
