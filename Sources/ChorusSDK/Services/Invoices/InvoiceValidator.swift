import Foundation

/// Checks a submission against the platform's rules before anything is sent, and reports every problem
/// at once, each naming the wire field and the rule.
public struct InvoiceValidator: Sendable {
    /// Today in Paris, for "the invoice date is not in the future".
    public var today: CalendarDate
    /// Platform VAT codes → percentages (from `recuperer/tauxtva`), to resolve rate codes.
    public var vatPercentages: [String: Amount]
    /// The recipient's profile, when known: its requirement and services are checked too.
    public var recipient: RecipientProfile?
    /// How SIRET check digits are treated.
    public var checkDigit: StructureIdentifier.CheckDigitPolicy
    /// Whether ``vatPercentages`` holds the platform's table. When `false` (the offline first pass, before
    /// any request), checks that need a rate code's percentage are skipped.
    public var vatCodesKnown: Bool = true

    /// Creates a validator.
    public init(
        today: CalendarDate, vatPercentages: [String: Amount] = [:], recipient: RecipientProfile? = nil,
        checkDigit: StructureIdentifier.CheckDigitPolicy = .enforce
    ) {
        self.today = today
        self.vatPercentages = vatPercentages
        self.recipient = recipient
        self.checkDigit = checkDigit
    }

    /// Largest file: 10 MB each (`20003` / HTTP 413 above).
    public static let maximumFileSize = 10 * 1024 * 1024
    /// Largest invoice with all its attachments: 120 MB.
    public static let maximumTotalSize = 120 * 1024 * 1024
    /// Largest flux deposited through the API (`deposer/flux`): 30 MB (DGFiP Chorus Pro specification §5.4.1,
    /// `Documentation/OfficialSources.md` §2).
    public static let maximumFluxSize = 30 * 1024 * 1024

    /// Every problem of `submission`; empty when it may be sent.
    public func problems(in submission: InvoiceSubmission) -> [ValidationProblem] {
        // Abusive values first (lengths, characters, digits, counts): the other rules would only add noise.
        let bounds = Self.boundsProblems(in: submission)
        if !bounds.isEmpty { return bounds }
        var problems: [ValidationProblem] = []
        func add(_ field: String, _ rule: String, _ message: String) {
            problems.append(ValidationProblem(field: field, rule: rule, message: message))
        }
        checkIdentity(submission, add)
        checkReferences(submission, add)
        checkLines(submission, add)
        if vatCodesKnown || !Self.usesRateCodes(submission) { checkAmounts(submission, add) }
        if let recipient {
            problems += recipient.problems(
                serviceCode: submission.serviceCode, commitmentNumber: submission.commitmentNumber)
        }
        return problems
    }

    private typealias Add = (String, String, String) -> Void

    /// Every value against ``InputLimits``: text lengths and characters, amounts' digits, the line count.
    static func boundsProblems(in submission: InvoiceSubmission) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func text(
            _ value: String?, _ field: String, _ key: String? = nil, multiline: Bool = false, checksLength: Bool = true
        ) {
            guard let value else { return }
            problems += InputLimits.textProblems(
                value, field: field, limitKey: key, multiline: multiline, checksLength: checksLength)
        }
        func amount(_ value: Amount?, _ field: String) {
            guard let value else { return }
            problems += InputLimits.amountProblems(value, field: field)
        }
        if submission.lines.count > InputLimits.maximumLines {
            problems.append(
                ValidationProblem(
                    field: "lignePoste", rule: "lines.count",
                    message:
                        "at most \(InputLimits.maximumLines) lines (\(submission.lines.count) given); deposit larger invoices as a flux"
                ))
            return problems
        }
        // The invoice number, the SIRETs and the currency have format rules of their own (ASCII only).
        text(submission.serviceCode, "destinataire.codeServiceExecutant")
        text(submission.validatorServiceCode, "cadreDeFacturation.codeServiceValideur")
        text(submission.originalInvoiceNumber, "references.numeroFactureOrigine")
        text(submission.vatExemptionReason, "references.motifExonerationTva")
        text(submission.contractNumber, "references.numeroMarche")
        text(submission.commitmentNumber, "references.numeroBonCommande", checksLength: false)  // commitment.length below
        text(submission.globalDiscountReason, "montantTotal.motifRemiseGlobaleTTC")
        text(submission.comment, "commentaire", multiline: true)
        for (index, attachment) in ([submission.mainAttachment].compactMap { $0 } + submission.extraAttachments)
            .enumerated()
        {
            let field =
                index == 0 && submission.mainAttachment != nil ? "pieceJointePrincipale" : "pieceJointeComplementaire"
            text(attachment.designation, field, checksLength: false)  // attachment.designationLength below
        }
        for (index, line) in submission.lines.enumerated() {
            let field = "lignePoste[\(index)]"
            text(line.designation, "\(field).lignePosteDenomination", "lignePosteDenomination")
            text(line.reference, "\(field).lignePosteReference", "lignePosteReference")
            text(line.unit, "\(field).lignePosteUnite", "lignePosteUnite")
            amount(line.quantity, "\(field).lignePosteQuantite")
            amount(line.unitPrice, "\(field).lignePosteMontantUnitaireHT")
            amount(line.discount, "\(field).lignePosteMontantRemiseHT")
            if case .code(let code) = line.vatRate { text(code, "\(field).lignePosteTauxTva", "lignePosteTauxTva") }
            if case .percentage(let rate) = line.vatRate { amount(rate, "\(field).lignePosteTauxTvaManuel") }
        }
        for (index, line) in (submission.vatBreakdown ?? []).enumerated() {
            amount(line.base, "ligneTva[\(index)].ligneTvaMontantBaseHtParTaux")
            amount(line.vat, "ligneTva[\(index)].ligneTvaMontantTvaParTaux")
            if case .percentage(let rate) = line.rate { amount(rate, "ligneTva[\(index)].ligneTvaTauxManuel") }
        }
        if let totals = submission.totals {
            for (name, value) in [
                ("montantHtTotal", totals.excludingTax), ("montantTVA", totals.vat),
                ("montantTtcTotal", totals.includingTax),
                ("montantRemiseGlobaleTTC", totals.globalDiscount), ("montantAPayer", totals.amountToPay),
            ] {
                amount(value, "montantTotal.\(name)")
            }
        }
        amount(submission.globalDiscount, "montantTotal.montantRemiseGlobaleTTC")
        amount(submission.amountAlreadyPaid, "montantTotal.montantDejaPaye")
        return problems
    }

    private func checkIdentity(_ submission: InvoiceSubmission, _ add: Add) {
        do {
            _ = try StructureIdentifier.siret(submission.recipientSIRET, checkDigit: checkDigit)
        } catch let error as ChorusError {
            add("destinataire.codeDestinataire", error.rule ?? "siret", error.message)
        } catch {}
        if submission.supplierID <= 0 {
            add("fournisseur.idFournisseur", "required", "the supplier's idStructureCPP is required")
        }
        if submission.mode.carriesPDF {
            if let number = submission.invoiceNumber, !number.isEmpty {
                if !Self.isValidInvoiceNumber(number) {
                    add(
                        "numeroFactureSaisi", "invoiceNumber.format",
                        "at most 20 letters, digits, '-', '_', '/' or '+' (\"\(number.prefix(40))\")")
                }
            } else {
                add("numeroFactureSaisi", "required.pdfMode", "the invoice number is required when sending a PDF")
            }
            if submission.invoiceDate == nil {
                add("dateFacture", "required.pdfMode", "the invoice date is required when sending a PDF")
            }
            if submission.mainAttachment == nil {
                add(
                    "pieceJointePrincipale", "required.pdfMode",
                    "the PDF (uploaded with uploadPDF) is the main attachment")
            }
        } else if submission.mode == .structured {
            if submission.lines.isEmpty {
                add("lignePoste", "required.structuredMode", "a structured invoice needs at least one line")
            }
        } else {
            add("modeDepot", "mode.supported", "soumettre takes SAISIE_API, DEPOT_PDF_API or DEPOT_PDF_SIGNE_API")
        }
        if let date = submission.invoiceDate, date > today {
            add("dateFacture", "invoiceDate.notFuture", "the invoice date \(date) is after today (\(today))")
        }
        if submission.framework.requiresValidator {
            if let validator = submission.validatorSIRET, !validator.isEmpty {
                if (try? StructureIdentifier.siret(validator, checkDigit: checkDigit)) == nil {
                    add("cadreDeFacturation.codeStructureValideur", "siret", "the validator's SIRET is not valid")
                }
            } else {
                add(
                    "cadreDeFacturation.codeStructureValideur", "framework.validatorRequired",
                    "\(submission.framework) needs the validator structure")
            }
        }
        for (index, attachment) in ([submission.mainAttachment].compactMap { $0 } + submission.extraAttachments)
            .enumerated()
        where attachment.designation.count > 100 {
            add(
                index == 0 && submission.mainAttachment != nil ? "pieceJointePrincipale" : "pieceJointeComplementaire",
                "attachment.designationLength", "an attachment's designation has at most 100 characters")
        }
    }

    private func checkReferences(_ submission: InvoiceSubmission, _ add: Add) {
        let currency = submission.currency
        if currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            add("references.deviseFacture", "currency.iso4217", "\"\(currency)\" is not an ISO 4217 code")
        }
        if submission.type == .creditNote, submission.originalInvoiceNumber?.isEmpty ?? true {
            add(
                "references.numeroFactureOrigine", "creditNote.originalRequired",
                "a credit note names the invoice it corrects")
        }
        if submission.type != .creditNote, submission.paymentMode == .transfer, submission.bankAccountID == nil {
            add(
                "fournisseur.codeCoordonneesBancairesFournisseur", "payment.transferNeedsBankAccount",
                "a transfer needs the supplier's bank account (accounts.bankAccounts)")
        }
        if submission.vatRegime == .exempt, submission.vatExemptionReason?.isEmpty ?? true {
            add("references.motifExonerationTva", "vat.exemptionReason", "an exempt invoice gives its exemption reason")
        }
        if let commitment = submission.commitmentNumber, commitment.count > 50 {
            add("references.numeroBonCommande", "commitment.length", "a commitment number has at most 50 characters")
        }
    }

    private func checkLines(_ submission: InvoiceSubmission, _ add: Add) {
        for (index, line) in submission.lines.enumerated() {
            let field = "lignePoste[\(index)]"
            if line.designation.trimmingCharacters(in: .whitespaces).isEmpty {
                add("\(field).lignePosteDenomination", "required", "each line has a designation")
            }
            if line.quantity.value <= 0 {
                add("\(field).lignePosteQuantite", "line.quantityPositive", "the quantity must be above 0")
            }
            if line.quantity.decimalPlaces > 6 {
                add("\(field).lignePosteQuantite", "amount.decimals6", "at most 6 decimals")
            }
            if line.unitPrice.isNegative {
                add("\(field).lignePosteMontantUnitaireHT", "amount.nonNegative", "a unit price cannot be negative")
            }
            if line.unitPrice.decimalPlaces > 6 {
                add("\(field).lignePosteMontantUnitaireHT", "amount.decimals6", "at most 6 decimals")
            }
            if let discount = line.discount {
                if discount.isNegative {
                    add("\(field).lignePosteMontantRemiseHT", "amount.nonNegative", "a discount cannot be negative")
                }
                if discount > line.quantity * line.unitPrice {
                    add(
                        "\(field).lignePosteMontantRemiseHT", "line.discountAtMostAmount",
                        "the discount exceeds the line's amount")
                }
            }
            switch line.vatRate {
            case .code(let code) where vatCodesKnown && vatPercentages[code] == nil:
                add("\(field).lignePosteTauxTva", "vat.knownRate", "\(code) is not one of the platform's VAT codes")
            case .percentage(let value) where value.isNegative || value > 100:
                add("\(field).lignePosteTauxTvaManuel", "vat.percentRange", "a VAT rate is between 0 and 100 %")
            default: break
            }
        }
    }

    private func checkAmounts(_ submission: InvoiceSubmission, _ add: Add) {
        let computedBreakdown = InvoiceCalculator.vatBreakdown(of: submission.lines, percentages: vatPercentages)
        let breakdown = submission.vatBreakdown ?? (submission.mode == .structured ? computedBreakdown : [])
        guard
            let totals = submission.totals
                ?? (submission.mode == .structured
                    ? InvoiceCalculator.totals(
                        of: breakdown, globalDiscount: submission.globalDiscount, alreadyPaid: alreadyPaid(submission))
                    : nil)
        else {
            add("montantTotal", "required.pdfMode", "the totals are required when sending a PDF")
            return
        }
        let named: [(String, Amount)] = [
            ("montantHtTotal", totals.excludingTax), ("montantTVA", totals.vat),
            ("montantTtcTotal", totals.includingTax), ("montantRemiseGlobaleTTC", totals.globalDiscount),
            ("montantAPayer", totals.amountToPay),
        ]
        for (name, value) in named {
            if value.isNegative { add("montantTotal.\(name)", "amount.nonNegative", "\(value) is negative") }
            if value.decimalPlaces > 2 {
                add("montantTotal.\(name)", "amount.decimals2", "\(value) has more than 2 decimals")
            }
        }
        if totals.excludingTax + totals.vat != totals.includingTax {
            add(
                "montantTotal.montantTtcTotal", "totals.htPlusVatEqualsTtc",
                "HT \(totals.excludingTax) + TVA \(totals.vat) ≠ TTC \(totals.includingTax)")
        }
        let expectedToPay = totals.includingTax - totals.globalDiscount - alreadyPaid(submission)
        if totals.amountToPay != expectedToPay {
            add(
                "montantTotal.montantAPayer", "totals.amountToPay",
                "the amount to pay \(totals.amountToPay) should be TTC − discount\(submission.framework == .alreadyPaidSupplierInvoice ? " − already paid" : "") = \(expectedToPay)"
            )
        }
        if submission.vatRegime == .withoutVAT, totals.vat != .zero {
            add("montantTotal.montantTVA", "vat.withoutVatIsZero", "an invoice without VAT has a VAT total of 0")
        }
        for (index, line) in breakdown.enumerated() {
            if line.base.decimalPlaces > 2 || line.vat.decimalPlaces > 2 {
                add("ligneTva[\(index)]", "amount.decimals2", "VAT breakdown amounts have at most 2 decimals")
            }
        }
        if !breakdown.isEmpty {
            let bases = breakdown.reduce(Amount.zero) { $0 + $1.base }
            let vat = breakdown.reduce(Amount.zero) { $0 + $1.vat }
            if bases != totals.excludingTax {
                add(
                    "ligneTva", "vatBreakdown.basesEqualHt",
                    "the VAT bases add up to \(bases), not HT \(totals.excludingTax)")
            }
            if vat != totals.vat {
                add("ligneTva", "vatBreakdown.vatEqualsTotal", "the VAT lines add up to \(vat), not \(totals.vat)")
            }
        }
        guard submission.mode == .structured, !submission.lines.isEmpty else { return }
        if let given = submission.vatBreakdown {
            let expected = Dictionary(
                computedBreakdown.map { (key(of: $0.rate), $0) }, uniquingKeysWith: { first, _ in first })
            for (index, line) in given.enumerated() {
                guard let computed = expected[key(of: line.rate)] else {
                    add("ligneTva[\(index)]", "vatBreakdown.matchesLines", "no line uses the rate \(line.rate)")
                    continue
                }
                if line.base != computed.base || line.vat != computed.vat {
                    add(
                        "ligneTva[\(index)]", "vatBreakdown.matchesLines",
                        "rate \(line.rate): base \(line.base) and VAT \(line.vat), but the lines give \(computed.base) and \(computed.vat)"
                    )
                }
            }
        }
        if submission.totals != nil {
            let computed = InvoiceCalculator.totals(
                of: computedBreakdown, globalDiscount: totals.globalDiscount,
                alreadyPaid: alreadyPaid(submission))
            if computed.excludingTax != totals.excludingTax || computed.vat != totals.vat {
                add(
                    "montantTotal", "totals.matchLines",
                    "the lines give HT \(computed.excludingTax) and TVA \(computed.vat), not \(totals.excludingTax) and \(totals.vat)"
                )
            }
        }
    }

    private func alreadyPaid(_ submission: InvoiceSubmission) -> Amount {
        submission.framework == .alreadyPaidSupplierInvoice ? submission.amountAlreadyPaid : .zero
    }

    /// Codes and percentages compared by their value.
    private func key(of rate: VATRateValue) -> String {
        InvoiceCalculator.percentage(of: rate, vatPercentages).map { $0.value.description } ?? rate.description
    }

    /// Whether a line or the breakdown names a rate by its platform code.
    public static func usesRateCodes(_ submission: InvoiceSubmission) -> Bool {
        submission.lines.contains { if case .code = $0.vatRate { true } else { false } }
            || (submission.vatBreakdown ?? []).contains { if case .code = $0.rate { true } else { false } }
    }

    /// ≤ 20 characters: letters, digits, `-`, `_`, `/`, `+` (§8.5).
    public static func isValidInvoiceNumber(_ number: String) -> Bool {
        (1...20).contains(number.count)
            && number.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_/+".contains($0) }
    }

    /// Problems of a file before it is uploaded: name ≤ `maximumNameLength` with an allowed extension,
    /// size ≤ `maximumSize` (10 MB for one file; a flux deposit may carry a whole invoice, up to 120 MB).
    public static func fileProblems(
        name: String, size: Int, field: String, maximumNameLength: Int = 50,
        maximumSize: Int = maximumFileSize,
        allowedExtensions: Set<String> = allowedExtensions
    ) -> [ValidationProblem] {
        var problems = InputLimits.fileNameProblems(name, field: field)
        if name.isEmpty || name.count > maximumNameLength {
            problems.append(
                ValidationProblem(
                    field: field, rule: "file.nameLength",
                    message: "a file name has 1 to \(maximumNameLength) characters"))
        }
        let fileExtension = (name as NSString).pathExtension.uppercased()
        if !allowedExtensions.contains(fileExtension) {
            problems.append(
                ValidationProblem(
                    field: field, rule: "file.extension",
                    message: "\".\(fileExtension.lowercased())\" is not an extension Chorus Pro accepts"))
        }
        if size > maximumSize {
            problems.append(
                ValidationProblem(
                    field: field, rule: "file.size",
                    message: "\(size) bytes is over the \(maximumSize / (1024 * 1024)) MB limit"))
        }
        if size == 0 {
            problems.append(ValidationProblem(field: field, rule: "file.empty", message: "the file is empty"))
        }
        return problems
    }

    /// Extensions Chorus Pro accepts for attachments (§8.4).
    public static let allowedExtensions: Set<String> = [
        "BMP", "BZ2", "CSV", "DOC", "DOCX", "FAX", "GIF", "GZ", "GZIP", "HTM", "HTML", "JPEG", "JPG", "ODP", "ODS",
        "ODT", "P7S",
        "PDF", "PNG", "PPS", "PPT", "PPTX", "RTF", "SVG", "TGZ", "TIF", "TIFF", "TXT", "XHTML", "XLC", "XLM", "XLS",
        "XLSX",
        "XML", "ZIP", "XSD", "XSL",
    ]
}
