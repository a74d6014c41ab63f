/// The `soumettre` body (§5.10) of a submission whose breakdown and totals are resolved.
enum InvoiceWire {
    static func body(_ submission: InvoiceSubmission, breakdown: [VATBreakdownLine], totals: InvoiceTotals) -> WireObject {
        var body: WireObject = [
            "modeDepot": .string(submission.mode.rawValue),
            "idUtilisateurCourant": .int(0),
            "destinataire": .object(["codeDestinataire": .string(submission.recipientSIRET.filter { $0 != " " }),
                                     "codeServiceExecutant": .text(submission.serviceCode)]),
            "fournisseur": .object(["idFournisseur": .int(submission.supplierID),
                                    "idServiceFournisseur": submission.supplierServiceID.map(WireValue.int) ?? .null,
                                    "codeCoordonneesBancairesFournisseur": submission.bankAccountID.map(WireValue.int) ?? .null]),
            "cadreDeFacturation": .object(["codeCadreFacturation": .string(submission.framework.rawValue),
                                           "codeStructureValideur": .text(submission.validatorSIRET),
                                           "codeServiceValideur": .text(submission.validatorServiceCode)]),
            "references": .object([
                "deviseFacture": .string(submission.currency), "typeFacture": .string(submission.type.rawValue),
                "typeTva": .string(submission.vatRegime.rawValue), "motifExonerationTva": .text(submission.vatExemptionReason),
                "numeroMarche": .text(submission.contractNumber), "numeroBonCommande": .text(submission.commitmentNumber),
                "numeroFactureOrigine": .text(submission.type == .creditNote ? submission.originalInvoiceNumber : nil),
                "modePaiement": .text(submission.paymentMode?.rawValue),
            ]),
            "montantTotal": .object([
                "montantHtTotal": .amount(totals.excludingTax), "montantTVA": .amount(totals.vat),
                "montantTtcTotal": .amount(totals.includingTax), "montantRemiseGlobaleTTC": .amount(totals.globalDiscount),
                "motifRemiseGlobaleTTC": .text(submission.globalDiscountReason), "montantAPayer": .amount(totals.amountToPay),
            ]),
            "ligneTva": .array(breakdown.map(vatLine)),
            "commentaire": .text(submission.comment),
        ]
        if submission.mode.carriesPDF {
            body["numeroFactureSaisi"] = .text(submission.invoiceNumber)
        }
        if let date = submission.invoiceDate { body["dateFacture"] = .string(date.description) }
        if !submission.lines.isEmpty { body["lignePoste"] = .array(submission.lines.enumerated().map(line)) }
        if let main = submission.mainAttachment {
            body["pieceJointePrincipale"] = .array([.object(["pieceJointePrincipaleDesignation": .string(main.designation),
                                                             "pieceJointePrincipaleId": .int(main.id)])])
        }
        if !submission.extraAttachments.isEmpty {
            body["pieceJointeComplementaire"] = .array(submission.extraAttachments.map(extra))
        }
        return body
    }

    private static func line(_ index: Int, _ line: InvoiceLine) -> WireValue {
        var fields: WireObject = [
            "lignePosteNumero": .int(index + 1), "lignePosteReference": .text(line.reference),
            "lignePosteDenomination": .string(line.designation), "lignePosteQuantite": .amount(line.quantity),
            "lignePosteUnite": .text(line.unit), "lignePosteMontantUnitaireHT": .amount(line.unitPrice),
            "lignePosteMontantRemiseHT": line.discount.map(WireValue.amount) ?? .null,
        ]
        switch line.vatRate {
        case .code(let code): fields["lignePosteTauxTva"] = .string(code)
        case .percentage(let value): fields["lignePosteTauxTvaManuel"] = .amount(value)
        }
        return .object(fields)
    }

    private static func vatLine(_ line: VATBreakdownLine) -> WireValue {
        var fields: WireObject = ["ligneTvaMontantBaseHtParTaux": .amount(line.base), "ligneTvaMontantTvaParTaux": .amount(line.vat)]
        switch line.rate {
        case .code(let code): fields["ligneTvaTaux"] = .string(code)
        case .percentage(let value): fields["ligneTvaTauxManuel"] = .amount(value)
        }
        return .object(fields)
    }

    static func extra(_ attachment: AttachmentReference) -> WireValue {
        .object(["pieceJointeComplementaireDesignation": .string(attachment.designation),
                 "pieceJointeComplementaireType": .text(attachment.type),
                 "pieceJointeComplementaireId": .int(attachment.id)])
    }
}
