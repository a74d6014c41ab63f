import ChorusSDK
import Foundation

/// The checks Chorus Pro's flux intake makes before its business rules, each refusal naming the element as the
/// platform's reports do: the structure (an element the XSD does not allow where it stands — CII, against the
/// EN 16931 restriction of CII D16B in `CIIStructure`, generated from the Factur-X XSD), amounts with more than 2
/// decimals, codes outside their code lists (the SDK's official lists, proved against the CEN artefacts in CI),
/// and a Factur-X whose XMP level contradicts its XML.
///
/// The structure check is the fake's own (it walks the XSD's types), not the SDK's validator.
enum DocumentIntake {
    static func problems(_ elements: [ElementCollector.Element], root: String) -> [String] {
        var problems: [String] = []
        if root == "CrossIndustryInvoice", let misplaced = misplacedElement(elements) {
            problems.append("L'element (\(misplaced)) n'est pas autorise par le schema a cet endroit.")
        }
        for element in elements where isTotalAmount(element, root: root) {
            let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let point = text.firstIndex(of: "."), text[text.index(after: point)...].count > 2 {
                problems.append("L'element (\(dotted(element.path))) comporte plus de 2 decimales : \(text).")
            }
        }
        problems += vatCategoryProblems(elements)
        for (suffix, attribute, rule, what) in codeListChecks(root) {
            for element in elements where element.path.hasSuffix(suffix) {
                let value = (attribute.map { element.attributes[$0] ?? "" } ?? element.text).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !value.isEmpty, let codes = OfficialCodeLists.codes[rule], !codes.contains(value) else { continue }
                problems.append("La valeur \(value) de l'element (\(dotted(element.path))\(attribute.map { "@" + $0 } ?? "")) n'appartient pas a la liste \(what).")
            }
        }
        return problems
    }

    /// Each VAT category with a rate it cannot have: S above 0; Z, E, AE, K, G at 0; O without a rate. Read from
    /// every tax element (CII `ApplicableTradeTax`, `CategoryTradeTax`; UBL `TaxCategory`, `ClassifiedTaxCategory`).
    static func vatCategoryProblems(_ elements: [ElementCollector.Element]) -> [String] {
        let groups = ["ApplicableTradeTax", "CategoryTradeTax", "TaxCategory", "ClassifiedTaxCategory"]
        var problems: [String] = []
        var category: String?
        var rate: Decimal?
        for element in elements {
            let names = element.path.split(separator: "/")
            guard let last = names.last else { continue }
            let parent = names.dropLast().last.map(String.init) ?? ""
            if groups.contains(parent) {
                let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if last == "CategoryCode" || (last == "ID" && parent.hasSuffix("TaxCategory")) { category = text }
                if last == "RateApplicablePercent" || last == "Percent" { rate = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) }
            } else if groups.contains(String(last)) {
                let place = "\(element.path.replacingOccurrences(of: "/", with: "."))"
                switch category {
                case "S"? where (rate ?? 0) <= 0:
                    problems.append("Categorie de TVA S avec un taux nul ou absent (element \(place)).")
                case let code? where ["Z", "E", "AE", "K", "G"].contains(code) && (rate ?? 0) != 0:
                    problems.append("Categorie de TVA \(code) avec un taux non nul (element \(place)).")
                case "O"? where rate != nil:
                    problems.append("Categorie de TVA O avec un taux (element \(place)).")
                default: break
                }
                category = nil
                rate = nil
            }
        }
        return problems
    }

    /// The first element path the CII structure does not allow.
    static func misplacedElement(_ elements: [ElementCollector.Element]) -> String? {
        // Only documents declaring an EN 16931 (or BASIC) guideline are held to the EN 16931 structure.
        let guideline = elements.first { $0.path.hasSuffix("GuidelineSpecifiedDocumentContextParameter/ID") }?.text ?? ""
        guard guideline.hasPrefix("urn:cen.eu:en16931:2017"), !guideline.contains("extended") else { return nil }
        for element in elements {
            let names = element.path.split(separator: "/").map(String.init)
            guard names.first == "CrossIndustryInvoice" else { return dotted(element.path) }
            var type = CIIStructure.rootType
            for name in names.dropFirst() {
                guard let next = CIIStructure.children[type]?[name] else { return dotted(element.path) }
                type = next
            }
        }
        return nil
    }

    /// Monetary amounts held to 2 decimals: every amount but prices (which may carry more).
    private static func isTotalAmount(_ element: ElementCollector.Element, root: String) -> Bool {
        let name = element.path.split(separator: "/").last.map(String.init) ?? ""
        if root == "CrossIndustryInvoice" {
            return name.hasSuffix("Amount") && !element.path.contains("PriceProductTradePrice")
        }
        return element.attributes["currencyID"] != nil && !element.path.contains("/Price/")
    }

    private static func codeListChecks(_ root: String) -> [(String, String?, String, String)] {
        if root == "CrossIndustryInvoice" {
            return [("SpecifiedTradeSettlementPaymentMeans/TypeCode", nil, "BR-CL-16", "UNTDID 4461"),
                    ("InvoiceCurrencyCode", nil, "BR-CL-04", "ISO 4217"), ("ExchangedDocument/TypeCode", nil, "BR-CL-01", "UNTDID 1001"),
                    ("BilledQuantity", "unitCode", "BR-CL-23", "UN/ECE Rec 20/21"), ("CountryID", nil, "BR-CL-14", "ISO 3166-1"),
                    ("CategoryCode", nil, "BR-CL-18", "UNCL5305")]
        }
        return [("PaymentMeans/PaymentMeansCode", nil, "BR-CL-16", "UNTDID 4461"), ("DocumentCurrencyCode", nil, "BR-CL-04", "ISO 4217"),
                ("InvoiceTypeCode", nil, "BR-CL-01", "UNTDID 1001"), ("CreditNoteTypeCode", nil, "BR-CL-01", "UNTDID 1001"),
                ("InvoicedQuantity", "unitCode", "BR-CL-23", "UN/ECE Rec 20/21"), ("CreditedQuantity", "unitCode", "BR-CL-23", "UN/ECE Rec 20/21"),
                ("Country/IdentificationCode", nil, "BR-CL-14", "ISO 3166-1"), ("TaxCategory/ID", nil, "BR-CL-18", "UNCL5305"),
                ("ClassifiedTaxCategory/ID", nil, "BR-CL-18", "UNCL5305")]
    }

    /// A Factur-X whose XMP `fx:ConformanceLevel` is not the level its XML's guideline (BT-24) names.
    static func levelProblem(xmpLevel: String?, xml: Data) -> String? {
        let text = String(decoding: xml, as: UTF8.self)
        guard let start = text.range(of: "GuidelineSpecifiedDocumentContextParameter") else { return nil }
        let rest = text[start.upperBound...]
        guard let open = rest.range(of: "ID>"), let close = rest[open.upperBound...].range(of: "<") else { return nil }
        let guideline = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        let expected: String = switch guideline {
        case "urn:cen.eu:en16931:2017": "EN 16931"
        case _ where guideline.hasSuffix("urn:factur-x.eu:1p0:basicwl"): "BASIC WL"
        case _ where guideline.hasSuffix("urn:factur-x.eu:1p0:basic"): "BASIC"
        case _ where guideline.hasSuffix("urn:factur-x.eu:1p0:extended"): "EXTENDED"
        case "urn:factur-x.eu:1p0:minimum": "MINIMUM"
        default: guideline
        }
        guard let xmpLevel else { return "Le niveau Factur-X (fx:ConformanceLevel) est absent des metadonnees XMP." }
        guard xmpLevel.uppercased() == expected.uppercased() else {
            return "Le niveau Factur-X des metadonnees XMP (\(xmpLevel)) contredit celui du XML (\(expected), balise BT-24)."
        }
        return nil
    }

    private static func dotted(_ path: String) -> String { path.replacingOccurrences(of: "/", with: ".") }
}
