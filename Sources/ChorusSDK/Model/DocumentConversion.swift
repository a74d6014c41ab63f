import Foundation

/// The structured `soumettre` invoice and the EN 16931 document are the same invoice seen twice.
///
/// What has no place on the other side is refused with a `ChorusError` rather than dropped: document-level
/// allowances and charges (BG-20/21) have no field in `soumettre`'s structured mode (its global discount is
/// including tax), so such a document is deposited as a file instead.
extension InvoiceSubmission {
    /// The structured submission (`SAISIE_API`) of `document`, sent from `supplierID`.
    public init(document: InvoiceDocument, supplierID: Int, bankAccountID: Int? = nil) throws {
        var problems: [ValidationProblem] = []
        if !document.allowances.isEmpty || !document.charges.isEmpty {
            problems.append(ValidationProblem(field: "BG-20", rule: "SDK-CONVERSION-ALLOWANCES",
                                              message: "document allowances and charges have no field in soumettre; deposit the document as a file"))
        }
        guard let buyer = document.buyer.identifier?.value else {
            throw ChorusError.invalid(.soumettreFacture, problems + [ValidationProblem(field: "BT-46", rule: "SDK-CONVERSION-BUYER",
                                                                                     message: "the buyer's SIRET is needed")])
        }
        if !problems.isEmpty { throw ChorusError.invalid(.soumettreFacture, problems) }
        let categories = Set(document.lines.map(\.vatCategory))
        let regime: VATRegime = categories.isSubset(of: [.exempt, .outsideScope]) ? .exempt
            : document.vatPointDateCode == "72" ? .onCollections : .onDebits
        self.init(
            mode: .structured, invoiceDate: document.issueDate, recipientSIRET: buyer, serviceCode: document.buyerReference,
            supplierID: supplierID, bankAccountID: bankAccountID, currency: document.currency,
            type: document.isCreditNote ? .creditNote : .invoice, originalInvoiceNumber: document.precedingInvoice?.number,
            vatRegime: regime, vatExemptionReason: regime == .exempt ? "EXONERATION" : nil,
            contractNumber: document.contractReference, commitmentNumber: document.purchaseOrderReference,
            paymentMode: document.paymentMeans.map { Self.paymentMode(forMeansCode: $0.code) },
            lines: document.lines.map { line in
                let base = line.baseQuantity.map { $0.value == 0 ? Decimal(1) : $0.value } ?? 1
                let gross = line.grossPrice.map { Amount($0.value / base) }
                let discount = line.priceDiscount.map { (Amount($0.value / base) * line.quantity).rounded() }
                return InvoiceLine(reference: line.sellerItemID, designation: line.name, quantity: line.quantity,
                                   unit: line.unitCode, unitPrice: gross ?? Amount(line.netPrice.value / base),
                                   discount: gross == nil ? nil : discount, vatRate: .percentage(line.vatRate ?? .zero))
            },
            amountAlreadyPaid: document.prepaidAmount, comment: document.notes.first?.text)
    }

    /// The platform's payment mode for an UNTDID 4461 code.
    static func paymentMode(forMeansCode code: String) -> PaymentMode {
        switch code {
        case "30", "58", "42": .transfer
        case "49", "59": .directDebit
        case "20": .cheque
        case "10": .cash
        default: .other
        }
    }
}

extension InvoiceDocument {
    /// The EN 16931 document of a structured submission: `number` is the one the platform gave it, `seller`
    /// and `buyer` come from the directory (the submission names them by id and SIRET only). Rate codes are
    /// resolved with `vatPercentages` (from `client.references.vatRates()`).
    public init(submission: InvoiceSubmission, number: String, seller: DocumentParty, buyer: DocumentParty,
                iban: String? = nil, vatPercentages: [String: Amount] = [:]) throws {
        var problems: [ValidationProblem] = []
        let lines = submission.lines.enumerated().compactMap { index, line -> DocumentLine? in
            guard let rate = InvoiceCalculator.percentage(of: line.vatRate, vatPercentages) else {
                problems.append(ValidationProblem(field: "lignePoste[\(index)]", rule: "SDK-CONVERSION-RATE",
                                                  message: "the rate \(line.vatRate) is not in the VAT table given"))
                return nil
            }
            // A line discount becomes a price discount per unit; it must divide exactly.
            var grossPrice: Amount?
            var priceDiscount: Amount?
            var netPrice = line.unitPrice
            if let discount = line.discount, discount != .zero {
                let perUnit = Amount(discount.value / line.quantity.value)
                guard perUnit.decimalPlaces <= 4, perUnit * line.quantity == discount else {
                    problems.append(ValidationProblem(field: "lignePoste[\(index)].lignePosteMontantRemiseHT", rule: "SDK-CONVERSION-DISCOUNT",
                                                      message: "the discount does not divide into a per-unit price discount"))
                    return nil
                }
                grossPrice = line.unitPrice
                priceDiscount = perUnit
                netPrice = line.unitPrice - perUnit
            }
            return DocumentLine(id: String(index + 1), name: line.designation, sellerItemID: line.reference, quantity: line.quantity,
                                unitCode: Self.unitCode(line.unit), netPrice: netPrice, grossPrice: grossPrice, priceDiscount: priceDiscount,
                                vatCategory: rate == .zero ? .zeroRated : .standard, vatRate: rate)
        }
        if !problems.isEmpty { throw ChorusError.invalid(.validationLocale, problems) }
        self.init(
            typeCode: submission.type == .creditNote ? .creditNote : .invoice, number: number,
            issueDate: submission.invoiceDate ?? CalendarDate(Date()), currency: submission.currency,
            businessProcess: String(submission.framework.rawValue.prefix { $0 != "_" }), buyerReference: submission.serviceCode,
            purchaseOrderReference: submission.commitmentNumber, contractReference: submission.contractNumber,
            notes: submission.comment.map { [DocumentNote(text: $0)] } ?? [],
            precedingInvoice: submission.originalInvoiceNumber.map { PrecedingInvoice(number: $0) },
            seller: seller, buyer: buyer, lines: lines,
            paymentMeans: submission.paymentMode.map { mode in
                DocumentPaymentMeans(code: Self.meansCode(mode), iban: mode == .transfer ? iban : nil)
            },
            vatPointDateCode: submission.vatRegime == .onCollections ? "72" : "5", prepaidAmount: submission.amountAlreadyPaid)
    }

    /// UN/ECE Rec 20 for the free-text units suppliers type (`heure`, `jour`, `kg`…); `C62` otherwise.
    static func unitCode(_ unit: String?) -> String {
        guard let unit = unit?.lowercased(), !unit.isEmpty else { return "C62" }
        if unit.count == 3, unit.uppercased().allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
           ["C62", "HUR", "DAY", "KGM", "MTR", "LTR", "H87", "E48", "MON", "ANN", "TNE", "MTK"].contains(unit.uppercased()) {
            return unit.uppercased()
        }
        return ["heure": "HUR", "heures": "HUR", "h": "HUR", "jour": "DAY", "jours": "DAY", "kg": "KGM", "m": "MTR", "l": "LTR",
                "litre": "LTR", "mois": "MON", "an": "ANN", "t": "TNE", "m2": "MTK"][unit] ?? "C62"
    }

    /// UNTDID 4461 for a platform payment mode (`30` for a transfer, the only transfer code Chorus Pro accepts).
    static func meansCode(_ mode: PaymentMode) -> String {
        switch mode {
        case .transfer: "30"
        case .directDebit: "49"
        case .cheque: "20"
        case .cash: "10"
        default: "ZZZ"
        }
    }
}
