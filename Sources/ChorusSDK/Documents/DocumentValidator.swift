import Foundation

/// Checks an ``InvoiceDocument`` before it is written or deposited, reporting every problem at once, each with
/// its rule id (`BR-…` from EN 16931, `CHORUS-…` for Chorus Pro's own rules, `SDK-…` for ours) and the business
/// term it concerns as its field (`BT-13`, `BG-16`…). Makes no network request.
public enum DocumentValidator {
    /// Which rules to apply.
    public enum Profile: Sendable, Hashable {
        /// EN 16931 only.
        case en16931
        /// EN 16931 plus Chorus Pro's rules, with the recipient's requirement (from ``StructureService``).
        case chorusPro(InvoicingRequirement)
    }

    /// Every problem of `document` under `profile`.
    public static func problems(in document: InvoiceDocument, profile: Profile = .en16931) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func add(_ rule: String, _ term: String, _ message: String) {
            problems.append(ValidationProblem(field: term, rule: rule, message: message))
        }
        let totals = DocumentTotals.compute(document)
        checkMandatory(document, add)
        checkAmounts(document, totals, add)
        checkIdentifiers(document, add)
        checkCodeLists(document, add)
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
        }
        var ids = Set<String>()
        for (index, line) in document.lines.enumerated() {
            let term = "BG-25[\(index)]"
            if line.id.isEmpty || !ids.insert(line.id).inserted { add("BR-21", "\(term)/BT-126", "each line has a unique id") }
            if line.name.trimmingCharacters(in: .whitespaces).isEmpty { add("BR-25", "\(term)/BT-153", "each line has an item name") }
            if line.netPrice.isNegative { add("BR-27", "\(term)/BT-146", "the item net price cannot be negative") }
            if line.unitCode.isEmpty { add("BR-23", "\(term)/BT-130", "each line has a unit of measure") }
            if line.vatCategory == .standard, line.vatRate.map({ $0.value <= 0 }) ?? true {
                add("BR-S-05", "\(term)/BT-152", "a standard-rated line has a VAT rate above zero")
            }
            if line.grossPrice != nil, line.priceDiscount == nil {
                add("CHORUS-GROSS-PRICE", "\(term)/BT-147", "a gross price (BT-148) goes with its price discount (BT-147)")
            }
            if let gross = line.grossPrice, let discount = line.priceDiscount, gross - discount != line.netPrice {
                add("BR-26", "\(term)/BT-146", "the net price must be the gross price minus the discount")
            }
        }
        let categories = Set(document.lines.map(\.vatCategory) + document.allowances.map(\.vatCategory) + document.charges.map(\.vatCategory))
        if categories.contains(.standard) || categories.contains(.reverseCharge) || categories.contains(.intraCommunity),
           document.seller.vatNumber == nil {
            add("BR-S-02", "BT-31", "the seller's VAT number is required with standard-rated, reverse-charge or intra-EU lines")
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
        for (rule, term, stated, computed) in pairs {
            if stated.decimalPlaces > 2 { add("BR-DEC-\(term.dropFirst(3))", term, "\(stated) has more than 2 decimals") }
            if stated != computed { add(rule, term, "stated \(stated), but the lines give \(computed)") }
        }
    }

    /// UNTDID 1001 (document types), UNTDID 4461 (payment means), UNCL5305 (VAT categories) and the shape of
    /// UN/ECE Rec 20 unit codes — the subsets of §2.3.
    static let documentTypes: Set<String> = ["380", "381", "384", "386", "389", "261", "326", "383", "751"]
    static let paymentMeansCodes: Set<String> = ["1", "10", "20", "30", "31", "42", "48", "49", "57", "58", "59", "68", "97", "ZZZ"]
    static let vatCategories: Set<String> = ["S", "Z", "E", "AE", "K", "G", "O", "L", "M"]

    private static func checkCodeLists(_ document: InvoiceDocument, _ add: Add) {
        if !documentTypes.contains(document.typeCode.rawValue) { add("BR-CL-01", "BT-3", "\(document.typeCode) is not an UNTDID 1001 invoice type") }
        if let means = document.paymentMeans, !means.code.isEmpty, !paymentMeansCodes.contains(means.code) {
            add("BR-CL-16", "BT-81", "\(means.code) is not an UNTDID 4461 payment means code")
        }
        for (index, line) in document.lines.enumerated() {
            if !vatCategories.contains(line.vatCategory.rawValue) {
                add("BR-CL-18", "BG-25[\(index)]/BT-151", "\(line.vatCategory) is not an UNCL5305 VAT category")
            }
            if !(2...3).contains(line.unitCode.count) || !line.unitCode.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
                add("BR-CL-23", "BG-25[\(index)]/BT-130", "\(line.unitCode) is not a UN/ECE Rec 20 unit code")
            }
        }
        for (index, charge) in (document.allowances + document.charges).enumerated() where !vatCategories.contains(charge.vatCategory.rawValue) {
            add("BR-CL-18", "BG-20[\(index)]/BT-95", "\(charge.vatCategory) is not an UNCL5305 VAT category")
        }
    }

    private static func checkIdentifiers(_ document: InvoiceDocument, _ add: Add) {
        for (party, term) in [(document.seller, "BT-29"), (document.buyer, "BT-46")] {
            guard let identifier = party.identifier else { continue }
            switch identifier.scheme {
            case "0009":
                if (try? StructureIdentifier.siret(identifier.value)) == nil {
                    add("SDK-SIRET", term, "\(identifier.value) is not a valid SIRET (14 digits, check digit)")
                }
            case "0002":
                if (try? StructureIdentifier.siren(identifier.value)) == nil {
                    add("SDK-SIREN", term, "\(identifier.value) is not a valid SIREN (9 digits, check digit)")
                }
            case let scheme?:
                if scheme.count != 4 || !scheme.allSatisfy(\.isASCIIDigitCharacter) {
                    add("BR-CL-10", term, "\"\(scheme)\" is not an ISO 6523 scheme identifier")
                }
            case nil: break
            }
        }
    }

    private static func checkChorus(_ document: InvoiceDocument, _ totals: DocumentTotals, _ requirement: InvoicingRequirement, _ add: Add) {
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
        if service == ServiceInfo.publicInvoicesCode {
            add("CHORUS-PUBLIC-INVOICES", "BT-10", "FACTURES_PUBLIQUES is reserved for invoices between public bodies")
        }
        if let commitment, commitment.count > 50 { add("CHORUS-COMMITMENT-LENGTH", "BT-13", "a commitment number has at most 50 characters") }
        switch requirement {
        case .serviceCode where service == nil, .serviceCodeAndCommitmentNumber where service == nil:
            add("CHORUS-SERVICE-REQUIRED", "BT-10", "this recipient requires its service code in BT-10")
        case .serviceCodeOrCommitmentNumber where service == nil && commitment == nil:
            add("CHORUS-SERVICE-OR-COMMITMENT", "BT-10", "this recipient requires a service code (BT-10) or a commitment number (BT-13)")
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
