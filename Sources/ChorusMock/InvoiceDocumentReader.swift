import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What the fake needs from an invoice document: the business terms that drive its rules.
struct InvoiceDocument {
    var number: String?
    var issueDate: String?
    var typeCode: String?
    var currency: String?
    var buyerReference: String?
    var purchaseOrder: String?
    var contract: String?
    var precedingInvoice: String?
    var supplierID: String?
    var buyerID: String?
    var buyerScheme: String?
    var taxExclusive: Decimal?
    var taxTotal: Decimal?
    var taxInclusive: Decimal?
    var payable: Decimal?
    var prepaid: Decimal?
    var paymentMeansCode: String?
    /// A line gives a gross price (BT-148) without its price discount (BT-147).
    var grossPriceWithoutDiscount = false
    /// What the platform's intake refuses before any business rule: structure, decimals, code lists, a
    /// Factur-X level contradicting its XML (``DocumentIntake``). Each names the element.
    var intakeProblems: [String] = []
    /// Every business term read back (``DocumentTermReader``).
    var terms: [String: [String]] = [:]
}

/// Reads UBL 2.1 (`Invoice`, `CreditNote`), CII D16B (`CrossIndustryInvoice`) and Factur-X PDFs (the
/// CII embedded in the PDF) with Foundation's XML parser. Element names are matched without their
/// namespace prefix, by the end of their path.
enum InvoiceDocumentReader {
    static func read(_ data: Data) -> InvoiceDocument? {
        if data.starts(with: Data("%PDF".utf8)) {
            guard let xml = PDFInvoiceReader.embeddedXML(data), var document = read(xml) else { return nil }
            if let problem = DocumentIntake.levelProblem(xmpLevel: PDFInvoiceReader.xmpConformanceLevel(data), xml: xml) {
                document.intakeProblems.append(problem)
            }
            return document
        }
        let collector = ElementCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse(), let root = collector.root else { return nil }
        var document: InvoiceDocument
        switch root {
        case "CrossIndustryInvoice": document = cii(collector)
        case "Invoice", "CreditNote": document = ubl(collector, root: root)
        default: return nil
        }
        document.intakeProblems = DocumentIntake.problems(collector.elements, root: root)
        document.terms = DocumentTermReader.terms(collector.elements, root: root)
        return document
    }

    private static func ubl(_ xml: ElementCollector, root: String) -> InvoiceDocument {
        // The SIRET goes in PartyIdentification (scheme 0009); older routes put it in PartyLegalEntity/CompanyID.
        let buyer = xml.first("AccountingCustomerParty/Party/PartyIdentification/ID")
            ?? xml.first("AccountingCustomerParty/Party/PartyLegalEntity/CompanyID")
        return InvoiceDocument(
            number: xml.text("\(root)/ID"), issueDate: xml.text("\(root)/IssueDate"),
            typeCode: xml.text("\(root)/InvoiceTypeCode") ?? xml.text("\(root)/CreditNoteTypeCode"),
            currency: xml.text("\(root)/DocumentCurrencyCode"), buyerReference: xml.text("\(root)/BuyerReference"),
            purchaseOrder: xml.text("OrderReference/ID"), contract: xml.text("ContractDocumentReference/ID"),
            precedingInvoice: xml.text("BillingReference/InvoiceDocumentReference/ID"),
            supplierID: xml.text("AccountingSupplierParty/Party/PartyIdentification/ID")
                ?? xml.text("AccountingSupplierParty/Party/PartyLegalEntity/CompanyID"),
            buyerID: buyer?.text, buyerScheme: buyer?.attributes["schemeID"],
            taxExclusive: xml.amount("LegalMonetaryTotal/TaxExclusiveAmount"), taxTotal: xml.amount("\(root)/TaxTotal/TaxAmount"),
            taxInclusive: xml.amount("LegalMonetaryTotal/TaxInclusiveAmount"), payable: xml.amount("LegalMonetaryTotal/PayableAmount"),
            prepaid: xml.amount("LegalMonetaryTotal/PrepaidAmount"), paymentMeansCode: xml.text("PaymentMeans/PaymentMeansCode"))
    }

    private static func cii(_ xml: ElementCollector) -> InvoiceDocument {
        var document = ciiTerms(xml)
        document.grossPriceWithoutDiscount = xml.count("GrossPriceProductTradePrice")
            > xml.count("GrossPriceProductTradePrice/AppliedTradeAllowanceCharge/ActualAmount")
        return document
    }

    private static func ciiTerms(_ xml: ElementCollector) -> InvoiceDocument {
        // EN 16931 convention: the SIRET in GlobalID (0009), the SIREN in SpecifiedLegalOrganization; the legacy
        // Chorus convention puts the SIRET in SpecifiedLegalOrganization with schemeID 1.
        let buyer = xml.first("BuyerTradeParty/GlobalID") ?? xml.first("BuyerTradeParty/ID")
            ?? xml.first("BuyerTradeParty/SpecifiedLegalOrganization/ID")
        var date = xml.text("ExchangedDocument/IssueDateTime/DateTimeString")
        if let raw = date, raw.count == 8 {  // format 102: yyyyMMdd
            date = "\(raw.prefix(4))-\(raw.dropFirst(4).prefix(2))-\(raw.suffix(2))"
        }
        return InvoiceDocument(
            number: xml.text("ExchangedDocument/ID"), issueDate: date, typeCode: xml.text("ExchangedDocument/TypeCode"),
            currency: xml.text("ApplicableHeaderTradeSettlement/InvoiceCurrencyCode"),
            buyerReference: xml.text("ApplicableHeaderTradeAgreement/BuyerReference"),
            purchaseOrder: xml.text("BuyerOrderReferencedDocument/IssuerAssignedID"),
            contract: xml.text("ContractReferencedDocument/IssuerAssignedID"),
            precedingInvoice: xml.text("InvoiceReferencedDocument/IssuerAssignedID"),
            supplierID: xml.text("SellerTradeParty/GlobalID") ?? xml.text("SellerTradeParty/ID")
                ?? xml.text("SellerTradeParty/SpecifiedLegalOrganization/ID"),
            buyerID: buyer?.text, buyerScheme: buyer?.attributes["schemeID"],
            taxExclusive: xml.amount("SpecifiedTradeSettlementHeaderMonetarySummation/TaxBasisTotalAmount"),
            taxTotal: xml.amount("SpecifiedTradeSettlementHeaderMonetarySummation/TaxTotalAmount"),
            taxInclusive: xml.amount("SpecifiedTradeSettlementHeaderMonetarySummation/GrandTotalAmount"),
            payable: xml.amount("SpecifiedTradeSettlementHeaderMonetarySummation/DuePayableAmount"),
            prepaid: xml.amount("SpecifiedTradeSettlementHeaderMonetarySummation/TotalPrepaidAmount"),
            paymentMeansCode: xml.text("SpecifiedTradeSettlementPaymentMeans/TypeCode"))
    }
}

/// Collects every element's text and attributes by its path of local names, in document order of their ends.
final class ElementCollector: NSObject, XMLParserDelegate {
    struct Element { var path: String; var text: String; var attributes: [String: String] }
    var root: String?
    private var stack: [String] = []
    private var open: [Element] = []
    private(set) var elements: [Element] = []

    func count(_ suffix: String) -> Int { elements.filter { $0.path.hasSuffix("/" + suffix) }.count }
    func first(_ suffix: String) -> Element? { elements.first { $0.path.hasSuffix("/" + suffix) || $0.path == suffix } }
    func text(_ suffix: String) -> String? {
        first(suffix).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }
    func amount(_ suffix: String) -> Decimal? {
        text(suffix).flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        if root == nil { root = local }
        stack.append(local)
        open.append(Element(path: stack.joined(separator: "/"), text: "", attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !open.isEmpty else { return }
        open[open.count - 1].text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if let element = open.popLast() { elements.append(element) }
        _ = stack.popLast()
    }
}
