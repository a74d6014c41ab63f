import ChorusCore
import Foundation

/// Checks an ``InvoiceDocument`` before it is written or deposited, reporting every problem at once, each with
/// its rule id (`BR-…` from EN 16931, `CHORUS-…` for Chorus Pro's own rules, `SDK-…` for ours) and the business
/// term it concerns as its field (`BT-13`, `BG-16`…). Makes no network request.
public enum DocumentValidator {
    /// Which rules to apply.
    public enum Profile: Sendable, Hashable {
        /// EN 16931 only.
        case en16931
        /// EN 16931 plus Chorus Pro's rules, with the recipient's requirement (from `StructureService`).
        case chorusPro(InvoicingRequirement)
    }

    /// Every problem of `document` under `profile`; with `syntax`, also what that syntax cannot carry (so that
    /// nothing the caller set is dropped silently by a writer).
    public static func problems(in document: InvoiceDocument, profile: Profile = .en16931, syntax: FluxSyntax? = nil) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func add(_ rule: String, _ term: String, _ message: String) {
            problems.append(ValidationProblem(field: term, rule: rule, message: message))
        }
        let totals = DocumentTotals.compute(document)
        checkMandatory(document, add)
        checkAmounts(document, totals, add)
        checkIdentifiers(document, add)
        checkCodeLists(document, add)
        checkVATCategories(document, totals, add)
        checkAllowancesAndCharges(document, add)
        checkReferences(document, add)
        if let syntax { checkSyntax(document, syntax, add) }
        if case .chorusPro(let requirement) = profile { checkChorus(document, totals, requirement, add) }
        return problems
    }

    private typealias Add = (String, String, String) -> Void

    private static func checkMandatory(_ document: InvoiceDocument, _ add: Add) {
        if document.number.trimmingCharacters(in: .whitespaces).isEmpty { add("BR-02", "BT-1", "the invoice number is required") }
        if document.currency.count != 3 || !document.currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            add("BR-CL-04", "BT-5", "\"\(document.currency)\" is not an ISO 4217 code")
        }
        if document.seller.name.trimmingCharacters(in: .whitespaces).isEmpty { add("BR-06", "BT-27", "the seller's name is required") }
        if document.buyer.name.trimmingCharacters(in: .whitespaces).isEmpty { add("BR-07", "BT-44", "the buyer's name is required") }
        if document.seller.address.countryCode.count != 2 { add("BR-09", "BT-40", "the seller's country code (ISO 3166) is required") }
        if document.buyer.address.countryCode.count != 2 { add("BR-11", "BT-55", "the buyer's country code (ISO 3166) is required") }
        if document.lines.isEmpty { add("BR-16", "BG-25", "an invoice has at least one line") }
        if document.seller.identifier == nil && document.seller.legalRegistration == nil && document.seller.vatNumber == nil {
            add("BR-CO-26", "BT-29", "the seller needs an identifier, a legal registration or a VAT number")
        }
        if let means = document.paymentMeans {
            if means.code.isEmpty { add("BR-49", "BT-81", "payment means need a code") }
            if ["30", "58"].contains(means.code), means.iban?.isEmpty ?? true {
                add("BR-61", "BT-84", "a credit transfer needs the payee's account (IBAN)")
            }
            if means.iban?.isEmpty ?? true, means.accountName != nil || means.bic != nil {
                add("BR-50", "BT-84", "an account name (BT-85) or BIC (BT-86) goes with the account identifier (BT-84)")
            }
        }
        var ids = Set<String>()
        for (index, line) in document.lines.enumerated() {
            let term = "BG-25[\(index)]"
            if line.id.isEmpty {
                add("BR-21", "\(term)/BT-126", "each line has an identifier")
            } else if !ids.insert(line.id).inserted {
                add("SDK-LINE-ID-UNIQUE", "\(term)/BT-126", "line identifiers are unique within the invoice")
            }
            if line.name.trimmingCharacters(in: .whitespaces).isEmpty { add("BR-25", "\(term)/BT-153", "each line has an item name") }
            if line.netPrice.isNegative { add("BR-27", "\(term)/BT-146", "the item net price cannot be negative") }
            if line.unitCode.isEmpty { add("BR-23", "\(term)/BT-130", "each line has a unit of measure") }
            if line.vatCategory == .standard, line.vatRate.map({ $0.value <= 0 }) ?? true {
                add("BR-S-05", "\(term)/BT-152", "a standard-rated line has a VAT rate above zero")
            }
            if let gross = line.grossPrice, gross - (line.priceDiscount ?? .zero) != line.netPrice {
                add("SDK-NET-PRICE", "\(term)/BT-146", "the net price must be the gross price (BT-148) minus the discount (BT-147)")
            }
        }

        if document.isCreditNote, document.precedingInvoice == nil {
            add("SDK-CREDIT-NOTE-PRECEDING", "BT-25", "a credit note names the invoice it corrects")
        }
    }

    private static func checkAmounts(_ document: InvoiceDocument, _ totals: DocumentTotals, _ add: Add) {
        for (index, charge) in (document.allowances + document.charges).enumerated() where charge.amount.decimalPlaces > 2 {
            add("BR-DEC-01", "BG-20[\(index)]/BT-92", "an allowance or charge amount has at most 2 decimals")
        }
        if document.prepaidAmount.decimalPlaces > 2 { add("BR-DEC-16", "BT-113", "the paid amount has at most 2 decimals") }
        for (index, line) in document.lines.enumerated() where line.quantity.decimalPlaces > 4 || line.netPrice.decimalPlaces > 4 {
            add("SDK-PRECISION", "BG-25[\(index)]", "quantities and prices have at most 4 decimals (Factur-X, Chorus Pro)")
        }
        guard let given = document.givenTotals else { return }
        let pairs: [(String, String, Amount, Amount)] = [
            ("BR-CO-10", "BT-106", given.lineTotal, totals.lineTotal), ("BR-CO-11", "BT-107", given.allowanceTotal, totals.allowanceTotal),
            ("BR-CO-12", "BT-108", given.chargeTotal, totals.chargeTotal), ("BR-CO-13", "BT-109", given.taxBasisTotal, totals.taxBasisTotal),
            ("BR-CO-14", "BT-110", given.taxTotal, totals.taxTotal), ("BR-CO-15", "BT-112", given.grandTotal, totals.grandTotal),
            ("BR-CO-16", "BT-115", given.duePayable, totals.duePayable),
        ]
        let decimalRules = ["BT-106": "BR-DEC-09", "BT-107": "BR-DEC-10", "BT-108": "BR-DEC-11", "BT-109": "BR-DEC-12",
                            "BT-110": "BR-DEC-13", "BT-112": "BR-DEC-14", "BT-115": "BR-DEC-18"]
        for (rule, term, stated, computed) in pairs {
            if stated.decimalPlaces > 2 { add(decimalRules[term] ?? "BR-DEC", term, "\(stated) has more than 2 decimals") }
            if stated != computed { add(rule, term, "stated \(stated), but the lines give \(computed)") }
        }
    }

    /// The official code list of a `BR-CL` rule (``OfficialCodeLists``).
    private static func codes(_ rule: String) -> Set<String> { OfficialCodeLists.codes[rule] ?? [] }

    private static func checkCodeLists(_ document: InvoiceDocument, _ add: Add) {
        func check(_ rule: String, _ value: String?, _ term: String, _ what: String) {
            guard let value, !value.isEmpty, !codes(rule).contains(value) else { return }
            add(rule, term, "\"\(value)\" is not \(what)")
        }
        check("BR-CL-01", document.typeCode.rawValue, "BT-3", "an UNTDID 1001 invoice type code")
        check("BR-CL-04", document.currency, "BT-5", "an ISO 4217 currency code")
        check("BR-CL-06", document.vatPointDateCode.flatMap { ["5": "3", "29": "35", "72": "432"][$0] ?? $0 }, "BT-8",
              "a VAT point date code (UNTDID 2005: 5, 29, 72)")
        for (index, note) in document.notes.enumerated() { check("BR-CL-08", note.subjectCode, "BG-1[\(index)]/BT-21", "an UNTDID 4451 subject code") }
        check("BR-CL-16", document.paymentMeans?.code, "BT-81", "an UNTDID 4461 payment means code")
        for (party, prefix) in [(document.seller, "BG-4"), (document.buyer, "BG-7")] {
            check("BR-CL-14", party.address.countryCode, "\(prefix)/country", "an ISO 3166-1 alpha-2 country code")
            check("BR-CL-10", party.identifier?.scheme, "\(prefix)/identifier", "an ISO 6523 ICD scheme")
            check("BR-CL-11", party.legalRegistration?.scheme, "\(prefix)/legal registration", "an ISO 6523 ICD scheme")
        }
        if let payee = document.payee {
            check("BR-CL-10", payee.identifier?.scheme, "BT-60", "an ISO 6523 ICD scheme")
            check("BR-CL-11", payee.legalRegistration?.scheme, "BT-61", "an ISO 6523 ICD scheme")
        }
        check("BR-CL-14", document.deliverTo?.address?.countryCode, "BT-80", "an ISO 3166-1 alpha-2 country code")
        check("BR-CL-14", document.taxRepresentative?.address.countryCode, "BT-69", "an ISO 3166-1 alpha-2 country code")
        check("BR-CL-07", document.invoicedObject?.scheme, "BT-18-1", "an UNTDID 1153 reference scheme")
        for (index, supporting) in document.supportingDocuments.enumerated() where supporting.attachment != nil {
            if !Self.attachmentMIMECodes.contains(supporting.mimeCode ?? "application/pdf") {
                add("BR-CL-24", "BG-24[\(index)]/BT-125-1", "\"\(supporting.mimeCode ?? "")\" is not an accepted attachment MIME code")
            }
        }
        for (category, exemption) in document.vatExemptions {
            check("BR-CL-22", exemption.code, "BT-121[\(category)]", "a CEF VATEX code")
        }
        for (index, line) in document.lines.enumerated() {
            check("BR-CL-18", line.vatCategory.rawValue, "BG-25[\(index)]/BT-151", "an UNCL5305 VAT category")
            check("BR-CL-23", line.unitCode, "BG-25[\(index)]/BT-130", "a UN/ECE Rec 20 or 21 unit code")
            check("BR-CL-15", line.originCountry, "BG-25[\(index)]/BT-159", "an ISO 3166-1 alpha-2 country code")
            check("BR-CL-07", line.objectIdentifier?.scheme, "BG-25[\(index)]/BT-128-1", "an UNTDID 1153 reference scheme")
            check("BR-CL-21", line.standardItemID?.scheme, "BG-25[\(index)]/BT-157-1", "an ISO 6523 ICD scheme")
            for classification in line.classifications {
                check("BR-CL-13", classification.scheme, "BG-25[\(index)]/BT-158-1", "an UNTDID 7143 classification list")
            }
            for (number, allowance) in line.allowances.enumerated() {
                check("BR-CL-19", allowance.reasonCode, "BG-25[\(index)]/BG-27[\(number)]/BT-140", "an UNTDID 5189 allowance reason code")
            }
            for (number, charge) in line.charges.enumerated() {
                check("BR-CL-20", charge.reasonCode, "BG-25[\(index)]/BG-28[\(number)]/BT-145", "an UNTDID 7161 charge reason code")
            }
        }
        for (index, allowance) in document.allowances.enumerated() {
            check("BR-CL-18", allowance.vatCategory.rawValue, "BG-20[\(index)]/BT-95", "an UNCL5305 VAT category")
            check("BR-CL-19", allowance.reasonCode, "BG-20[\(index)]/BT-98", "an UNTDID 5189 allowance reason code")
        }
        for (index, charge) in document.charges.enumerated() {
            check("BR-CL-18", charge.vatCategory.rawValue, "BG-21[\(index)]/BT-102", "an UNCL5305 VAT category")
            check("BR-CL-20", charge.reasonCode, "BG-21[\(index)]/BT-105", "an UNTDID 7161 charge reason code")
        }
    }

    /// The VAT category rules (BR-S, BR-Z, BR-E, BR-AE, BR-K/IC, BR-G, BR-O) and BR-CO-09, under their official ids.
    private static func checkVATCategories(_ document: InvoiceDocument, _ totals: DocumentTotals, _ add: Add) {
        let seller = document.seller
        let sellerVAT = seller.vatNumber.flatMap { $0.isEmpty ? nil : $0 }
        let buyerVAT = document.buyer.vatNumber.flatMap { $0.isEmpty ? nil : $0 }
        for (vat, term) in [(sellerVAT, "BT-31"), (buyerVAT, "BT-48"), (document.taxRepresentative?.vatNumber, "BT-63")] {
            guard let vat else { continue }
            let prefix = String(vat.prefix(2))
            if !(codes("BR-CL-14").contains(prefix) || prefix == "EL") || vat.count < 3 {
                add("BR-CO-09", term, "a VAT identifier starts with its ISO 3166-1 country prefix (EL for Greece)")
            }
        }
        struct Item { let category: VATCategory; let rate: Amount?; let term: String; let rateTerm: String; let kind: String }
        var items: [Item] = []
        for (index, line) in document.lines.enumerated() {
            items.append(Item(category: line.vatCategory, rate: line.vatRate, term: "BG-25[\(index)]", rateTerm: "BT-152", kind: "line"))
        }
        for (index, allowance) in document.allowances.enumerated() {
            items.append(Item(category: allowance.vatCategory, rate: allowance.vatRate, term: "BG-20[\(index)]", rateTerm: "BT-96", kind: "allowance"))
        }
        for (index, charge) in document.charges.enumerated() {
            items.append(Item(category: charge.vatCategory, rate: charge.vatRate, term: "BG-21[\(index)]", rateTerm: "BT-103", kind: "charge"))
        }
        let categories = Set(items.map(\.category))
        // Seller VAT identifier requirements: BR-S-02/03/04, BR-Z-02…, BR-E-02…, BR-AE-02…, BR-IC-02…, BR-G-02….
        let needsSellerVAT: [(VATCategory, String)] = [(.standard, "BR-S-02"), (.zeroRated, "BR-Z-02"), (.exempt, "BR-E-02"),
                                                        (.reverseCharge, "BR-AE-02"), (.intraCommunity, "BR-IC-02"), (.export, "BR-G-02")]
        for (category, rule) in needsSellerVAT where categories.contains(category) && sellerVAT == nil {
            add(rule, "BT-31", "with VAT category \(category.rawValue), the seller's VAT identifier is required")
        }
        if categories.contains(.reverseCharge), buyerVAT == nil, document.buyer.legalRegistration == nil {
            add("BR-AE-02", "BT-48", "with reverse charge (AE), the buyer's VAT identifier or legal registration is required")
        }
        if categories.contains(.intraCommunity), buyerVAT == nil {
            add("BR-IC-02", "BT-48", "an intra-community supply (K) needs the buyer's VAT identifier")
        }
        if categories.contains(.intraCommunity) {
            if document.actualDeliveryDate == nil && document.invoicingPeriod == nil {
                add("BR-IC-11", "BT-72", "an intra-community supply (K) needs the actual delivery date (BT-72) or the invoicing period (BG-14)")
            }
            if document.deliverTo?.address?.countryCode.isEmpty ?? true {
                add("BR-IC-12", "BT-80", "an intra-community supply (K) needs the deliver-to country (BT-80)")
            }
        }
        if categories.contains(.outsideScope) {
            if sellerVAT != nil || buyerVAT != nil {
                add("BR-O-02", "BT-31", "outside the scope of VAT (O), neither the seller's nor the buyer's VAT identifier is given")
            }
            let others: [(String, String)] = [("BR-O-12", "line"), ("BR-O-13", "allowance"), ("BR-O-14", "charge")]
            for (rule, kind) in others where items.contains(where: { $0.kind == kind && $0.category != .outsideScope }) {
                add(rule, "BT-118", "an invoice with category O has no \(kind) in another VAT category")
            }
            if Set(totals.vatGroups.map(\.category)).count > 1 {
                add("BR-O-11", "BG-23", "an invoice with category O has no other VAT breakdown group")
            }
        }
        // Rates: zero for Z, E, AE, K, G; none for O; above zero for S.
        let zeroRate: [VATCategory: String] = [.zeroRated: "BR-Z-05", .exempt: "BR-E-05", .reverseCharge: "BR-AE-05",
                                              .intraCommunity: "BR-IC-05", .export: "BR-G-05"]
        for item in items {
            let rule = item.kind == "line" ? "05" : item.kind == "allowance" ? "06" : "07"
            if let base = zeroRate[item.category], item.rate.map({ $0.value != 0 }) ?? true {
                add(String(base.dropLast(2)) + rule, "\(item.term)/\(item.rateTerm)", "VAT category \(item.category.rawValue) has a rate of 0")
            }
            if item.category == .outsideScope, item.rate != nil {
                add("BR-O-" + rule, "\(item.term)/\(item.rateTerm)", "outside the scope of VAT (O) has no rate")
            }
            if item.category == .standard, item.rate.map({ $0.value <= 0 }) ?? true {
                add("BR-S-" + rule, "\(item.term)/\(item.rateTerm)", "a standard-rated \(item.kind) has a VAT rate above zero")
            }
        }
    }

    /// BR-33/BR-38 (document), BR-42/BR-44 (line): an allowance or charge gives its reason or reason code.
    private static func checkAllowancesAndCharges(_ document: InvoiceDocument, _ add: Add) {
        func noReason(_ entry: DocumentAllowanceCharge) -> Bool {
            (entry.reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true) && (entry.reasonCode?.isEmpty ?? true)
        }
        for (index, allowance) in document.allowances.enumerated() where noReason(allowance) {
            add("BR-33", "BG-20[\(index)]/BT-97", "a document allowance gives its reason (BT-97) or reason code (BT-98)")
        }
        for (index, charge) in document.charges.enumerated() where noReason(charge) {
            add("BR-38", "BG-21[\(index)]/BT-104", "a document charge gives its reason (BT-104) or reason code (BT-105)")
        }
        for (lineIndex, line) in document.lines.enumerated() {
            for (index, allowance) in line.allowances.enumerated() where noReason(allowance) {
                add("BR-42", "BG-25[\(lineIndex)]/BG-27[\(index)]/BT-139", "a line allowance gives its reason (BT-139) or reason code (BT-140)")
            }
            for (index, charge) in line.charges.enumerated() where noReason(charge) {
                add("BR-44", "BG-25[\(lineIndex)]/BG-28[\(index)]/BT-144", "a line charge gives its reason (BT-144) or reason code (BT-145)")
            }
        }
    }

    /// BT-125-1: the MIME codes EN 16931 accepts for an attached supporting document (BR-CL-24).
    static let attachmentMIMECodes: Set<String> = [
        "application/pdf", "image/png", "image/jpeg", "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.oasis.opendocument.spreadsheet",
    ]

    /// The rules of the references and groups that carry them: BR-18/19/20/56 (tax representative), BR-52
    /// (supporting documents), BR-54 (item attributes), BR-55 (preceding invoices), BR-64/65 (item identifiers).
    private static func checkReferences(_ document: InvoiceDocument, _ add: Add) {
        func blank(_ text: String?) -> Bool { text?.trimmingCharacters(in: .whitespaces).isEmpty ?? true }
        if let representative = document.taxRepresentative {
            if blank(representative.name) { add("BR-18", "BT-62", "the tax representative has a name") }
            if representative.address.countryCode.isEmpty { add("BR-20", "BT-69", "the tax representative's address has a country") }
            if blank(representative.vatNumber) { add("BR-56", "BT-63", "the tax representative has a VAT identifier") }
        }
        for (index, supporting) in document.supportingDocuments.enumerated() where blank(supporting.id) {
            add("BR-52", "BG-24[\(index)]/BT-122", "each supporting document has a reference")
        }
        for (index, preceding) in document.precedingInvoices.enumerated() where blank(preceding.number) {
            add("BR-55", "BG-3[\(index)]/BT-25", "each preceding invoice reference has a number")
        }
        for (index, line) in document.lines.enumerated() {
            for attribute in line.attributes where blank(attribute.name) || blank(attribute.value) {
                add("BR-54", "BG-25[\(index)]/BG-32", "each item attribute has a name and a value")
            }
            if let standard = line.standardItemID, blank(standard.scheme) {
                add("BR-64", "BG-25[\(index)]/BT-157-1", "a standard item identifier has its scheme")
            }
            for classification in line.classifications where blank(classification.scheme) {
                add("BR-65", "BG-25[\(index)]/BT-158-1", "an item classification has its list identifier")
            }
        }
    }

    /// The French B2G rules Chorus Pro applies server-side (BR-FR-CPRO, XP Z12-012 Annexe A V1.3, sheet
    /// "BR-France-CTC-CPRO"; no Schematron is published — rejections surface as REJ_CONT_B2G). Their statically
    /// checkable subset, as encoded by invopop's gobl.fr.ctc `addon/flow2/b2g.go`, under `CHORUS-CPRO-nn`.
    private static func checkFrenchB2G(_ document: InvoiceDocument, _ add: Add) {
        func tooLong(_ text: String?, _ limit: Int) -> Bool { (text?.count ?? 0) > limit }
        let sellerSchemes: Set<String> = ["0009", "0223", "0226", "0227", "0228", "0229"]
        if let scheme = document.seller.identifier?.scheme, !sellerSchemes.contains(scheme) {
            add("CHORUS-CPRO-03", "BT-29-1", "the seller's identifier scheme is 0009 (SIRET), 0223, 0226, 0227, 0228 or 0229")
        }
        if document.seller.legalRegistration?.scheme == "0002", document.seller.identifier?.scheme != "0009" {
            add("CHORUS-CPRO-09", "BT-29", "a seller identified by its SIREN also gives its SIRET (scheme 0009)")
        }
        if let payee = document.payee, payee.legalRegistration?.scheme == "0002", payee.identifier?.scheme != "0009" {
            add("CHORUS-CPRO-17", "BT-60", "a payee identified by its SIREN also gives its SIRET (scheme 0009)")
        }
        if document.precedingInvoices.count > 1 { add("CHORUS-CPRO-20", "BG-3", "Chorus Pro takes one preceding invoice reference") }
        if tooLong(document.contractReference, 50) { add("CHORUS-CPRO-14", "BT-12", "a contract reference has at most 50 characters") }
        for (index, supporting) in document.supportingDocuments.enumerated() {
            if tooLong(supporting.id, 50) { add("CHORUS-CPRO-30", "BG-24[\(index)]/BT-122", "a supporting document reference has at most 50 characters") }
            if tooLong(supporting.fileName, 50) { add("CHORUS-CPRO-41", "BG-24[\(index)]/BT-125-2", "an attachment name has at most 50 characters") }
        }
        for (index, line) in document.lines.enumerated() where tooLong(line.itemDescription, 1024) {
            add("CHORUS-CPRO-31", "BG-25[\(index)]/BT-154", "an item description has at most 1,024 characters")
        }
        if tooLong(document.seller.address.line1, 400) || tooLong(document.seller.address.line2, 400) {
            add("CHORUS-CPRO-32", "BT-35", "the seller's street address has at most 400 characters")
        }
        if tooLong(document.seller.address.city, 400) { add("CHORUS-CPRO-33", "BT-37", "the seller's city has at most 400 characters") }
        if tooLong(document.paymentTerms, 1024) { add("CHORUS-CPRO-35", "BT-20", "payment terms have at most 1,024 characters") }
        if document.notes.contains(where: { tooLong($0.text, 1024) }) { add("CHORUS-CPRO-42", "BT-22", "a note has at most 1,024 characters") }
        if tooLong(document.payee?.name, 99) { add("CHORUS-CPRO-37", "BT-59", "the payee's name has at most 99 characters") }
        if tooLong(document.seller.name, 99) { add("CHORUS-CPRO-43", "BT-27", "the seller's name has at most 99 characters") }
        if tooLong(document.buyer.name, 99) { add("CHORUS-CPRO-44", "BT-44", "the buyer's name has at most 99 characters") }
        if tooLong(document.deliverTo?.locationID?.value, 20) { add("CHORUS-CPRO-38", "BT-71", "a delivery location identifier has at most 20 characters") }
    }

    /// What a syntax cannot carry, so that a writer never drops it without a word.
    private static func checkSyntax(_ document: InvoiceDocument, _ syntax: FluxSyntax, _ add: Add) {
        if syntax == .ubl, document.isCreditNote, document.dueDate != nil, document.paymentMeans == nil {
            add("SDK-UBL-CREDIT-NOTE-DUE-DATE", "BT-9", "a UBL credit note carries its due date in the payment means (BG-16): give them")
        }
    }

    private static func checkIdentifiers(_ document: InvoiceDocument, _ add: Add) {
        for (party, term) in [(document.seller, "BT-29"), (document.buyer, "BT-46")] {
            guard let identifier = party.identifier else { continue }
            switch identifier.scheme {
            case "0009":
                if !FrenchCompanyNumbers.isValidSIRET(identifier.value.filter { $0 != " " }) {
                    add("SDK-SIRET", term, "\(identifier.value) is not a valid SIRET (14 digits, check digit)")
                }
            case "0002":
                if !FrenchCompanyNumbers.isValidSIREN(identifier.value.filter { $0 != " " }) {
                    add("SDK-SIREN", term, "\(identifier.value) is not a valid SIREN (9 digits, check digit)")
                }
            default: break
            }
        }
    }

    private static func checkChorus(_ document: InvoiceDocument, _ totals: DocumentTotals, _ requirement: InvoicingRequirement, _ add: Add) {
        checkFrenchB2G(document, add)  // first: the payment-means check below may end early
        if document.buyer.identifier?.scheme != "0009" {
            add("CHORUS-BUYER-SIRET", "BT-46", "the buyer is named by its SIRET with scheme 0009")
        }
        if document.number.count > 20 { add("CHORUS-NUMBER-LENGTH", "BT-1", "an invoice number has at most 20 characters") }
        if let preceding = document.precedingInvoice, preceding.number.count > 20 {
            add("CHORUS-NUMBER-LENGTH", "BT-25", "a preceding invoice number has at most 20 characters")
        }
        let service = document.buyerReference.flatMap { $0.isEmpty ? nil : $0 }
        let commitment = document.purchaseOrderReference.flatMap { $0.isEmpty ? nil : $0 }
        if let service, service.count > 100 { add("CHORUS-SERVICE-LENGTH", "BT-10", "a service code has at most 100 characters") }
        if service == ServiceCodes.publicInvoices {
            add("CHORUS-PUBLIC-INVOICES", "BT-10", "FACTURES_PUBLIQUES is reserved for invoices between public bodies")
        }
        if let commitment, commitment.count > 50 { add("CHORUS-COMMITMENT-LENGTH", "BT-13", "a commitment number has at most 50 characters") }
        switch requirement {
        case .serviceCode where service == nil, .serviceCodeAndCommitmentNumber where service == nil:
            add("CHORUS-SERVICE-REQUIRED", "BT-10", "this recipient requires its service code in BT-10")
        case .serviceCodeOrCommitmentNumber where service == nil && commitment == nil:
            add("CHORUS-SERVICE-OR-COMMITMENT", "BT-10", "this recipient requires a service code (BT-10) or a commitment number (BT-13)")
        case .unknown where service == nil && commitment == nil:
            // The platform's answer did not say what this recipient requires: not confirmed, never "nothing".
            add("SDK-RECIPIENT-REQUIREMENT-UNKNOWN", "BT-10",
                "the platform's answer does not say whether this recipient requires a service code (BT-10) or a commitment number (BT-13)")
        default: break
        }
        if (requirement == .commitmentNumber || requirement == .serviceCodeAndCommitmentNumber) && commitment == nil {
            add("CHORUS-COMMITMENT-REQUIRED", "BT-13", "this recipient requires a commitment number in BT-13")
        }
        guard let means = document.paymentMeans, !means.code.isEmpty else {
            add("CHORUS-PAYMENT-MEANS", "BT-81", "Chorus Pro requires the payment means code (BT-81)")
            return
        }
        if means.code == "58" { add("CHORUS-TRANSFER-CODE", "BT-81", "Chorus Pro accepts only 30 for a credit transfer, not 58") }
        if let iban = means.iban, iban.count > 27 { add("CHORUS-IBAN-LENGTH", "BT-84", "an account identifier has at most 27 characters") }
        if document.currency != "EUR" { add("CHORUS-CURRENCY", "BT-5", "Chorus Pro invoices are in EUR") }
        if document.isCreditNote, [totals.grandTotal, totals.duePayable].contains(where: \.isNegative) {
            add("CHORUS-CREDIT-NOTE-POSITIVE", "BT-112", "a credit note (381) carries positive amounts")
        }
        if document.typeCode != .invoice && document.typeCode != .creditNote {
            add("CHORUS-TYPE-CODE", "BT-3", "Chorus Pro takes invoices (380) and credit notes (381)")
        }
    }
}
