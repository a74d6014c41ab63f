import Foundation

/// The business terms of a deposited document, as the fake reads them back (BT/BG id → the values found, in
/// document order), so tests can check that every term a supplier sets reaches the platform. The fake's own
/// table of where each term lives in CII D16B and UBL 2.1 (element paths by local name, matched at their end).
enum DocumentTermReader {
    /// (term, CII path suffix, UBL path suffix); the typed document references (BT-17 and BT-18 in CII, BT-18 in
    /// UBL, BT-122 in both) are told apart by their type code in ``typedReferences``.
    private static let table: [(String, String, String)] = [
        ("BT-11", "SpecifiedProcuringProject/ID", "ProjectReference/ID"),
        ("BT-12", "ContractReferencedDocument/IssuerAssignedID", "ContractDocumentReference/ID"),
        ("BT-13", "ApplicableHeaderTradeAgreement/BuyerOrderReferencedDocument/IssuerAssignedID", "OrderReference/ID"),
        ("BT-15", "ReceivingAdviceReferencedDocument/IssuerAssignedID", "ReceiptDocumentReference/ID"),
        ("BT-16", "DespatchAdviceReferencedDocument/IssuerAssignedID", "DespatchDocumentReference/ID"),
        ("BT-17", "(typed, below)", "OriginatorDocumentReference/ID"),
        ("BT-19", "ApplicableHeaderTradeSettlement/ReceivableSpecifiedTradeAccountingAccount/ID", "Invoice/AccountingCost"),
        ("BT-25", "InvoiceReferencedDocument/IssuerAssignedID", "BillingReference/InvoiceDocumentReference/ID"),
        ("BT-41", "SellerTradeParty/DefinedTradeContact/PersonName", "AccountingSupplierParty/Party/Contact/Name"),
        ("BT-56", "BuyerTradeParty/DefinedTradeContact/PersonName", "AccountingCustomerParty/Party/Contact/Name"),
        ("BT-59", "PayeeTradeParty/Name", "PayeeParty/PartyName/Name"),
        ("BT-62", "SellerTaxRepresentativeTradeParty/Name", "TaxRepresentativeParty/PartyName/Name"),
        ("BT-63", "SellerTaxRepresentativeTradeParty/SpecifiedTaxRegistration/ID", "TaxRepresentativeParty/PartyTaxScheme/CompanyID"),
        ("BT-70", "ShipToTradeParty/Name", "DeliveryParty/PartyName/Name"),
        ("BT-72", "ActualDeliverySupplyChainEvent/OccurrenceDateTime/DateTimeString", "Delivery/ActualDeliveryDate"),
        ("BT-73", "ApplicableHeaderTradeSettlement/BillingSpecifiedPeriod/StartDateTime/DateTimeString", "Invoice/InvoicePeriod/StartDate"),
        ("BT-80", "ShipToTradeParty/PostalTradeAddress/CountryID", "DeliveryLocation/Address/Country/IdentificationCode"),
        ("BT-121", "ApplicableHeaderTradeSettlement/ApplicableTradeTax/ExemptionReasonCode", "TaxSubtotal/TaxCategory/TaxExemptionReasonCode"),
        ("BT-127", "AssociatedDocumentLineDocument/IncludedNote/Content", "InvoiceLine/Note"),
        ("BT-132", "SpecifiedLineTradeAgreement/BuyerOrderReferencedDocument/LineID", "OrderLineReference/LineID"),
        ("BT-134", "SpecifiedLineTradeSettlement/BillingSpecifiedPeriod/StartDateTime/DateTimeString", "InvoiceLine/InvoicePeriod/StartDate"),
        ("BT-138", "SpecifiedLineTradeSettlement/SpecifiedTradeAllowanceCharge/CalculationPercent", "InvoiceLine/AllowanceCharge/MultiplierFactorNumeric"),
        ("BT-155", "SpecifiedTradeProduct/SellerAssignedID", "SellersItemIdentification/ID"),
        ("BT-156", "SpecifiedTradeProduct/BuyerAssignedID", "BuyersItemIdentification/ID"),
        ("BT-157", "SpecifiedTradeProduct/GlobalID", "StandardItemIdentification/ID"),
        ("BT-158", "DesignatedProductClassification/ClassCode", "CommodityClassification/ItemClassificationCode"),
        ("BT-159", "OriginTradeCountry/ID", "OriginCountry/IdentificationCode"),
        ("BT-160", "ApplicableProductCharacteristic/Description", "AdditionalItemProperty/Name"),
        ("BT-161", "ApplicableProductCharacteristic/Value", "AdditionalItemProperty/Value"),
    ]

    static func terms(_ elements: [ElementCollector.Element], root: String) -> [String: [String]] {
        let cii = root == "CrossIndustryInvoice"
        var terms: [String: [String]] = [:]
        for (term, ciiPath, ublPath) in table {
            let suffix = cii ? ciiPath : ublPath.replacingOccurrences(of: "Invoice/", with: root == "CreditNote" ? "CreditNote/" : "Invoice/")
                .replacingOccurrences(of: "InvoiceLine/", with: root == "CreditNote" ? "CreditNoteLine/" : "InvoiceLine/")
            let values = elements.filter { $0.path == suffix || $0.path.hasSuffix("/" + suffix) }
                .map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
            if !values.isEmpty { terms[term] = values }
        }
        for (id, type) in typedReferences(elements, cii: cii) {
            // CII: 50 tender or lot, 130 invoiced object, 916 supporting document. UBL: 130 invoiced object, 50 the
            // project of a credit note (read above as BT-11 in an invoice), none a supporting document.
            let term = switch type {
            case "130": "BT-18"
            case "50": cii ? "BT-17" : "BT-11"
            default: "BT-122"
            }
            terms[term, default: []].append(id)
        }
        return terms
    }

    /// The header's additional document references as (identifier, type code), in document order.
    private static func typedReferences(_ elements: [ElementCollector.Element], cii: Bool) -> [(String, String?)] {
        let group = cii ? "ApplicableHeaderTradeAgreement/AdditionalReferencedDocument" : "AdditionalDocumentReference"
        let (idName, typeName) = cii ? ("IssuerAssignedID", "TypeCode") : ("ID", "DocumentTypeCode")
        var references: [(String, String?)] = []
        var current: (id: String?, type: String?) = (nil, nil)
        for element in elements where element.path.contains(group) {
            let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if element.path.hasSuffix("\(group)/\(idName)") { current.id = text }
            if element.path.hasSuffix("\(group)/\(typeName)") { current.type = text }
            if element.path.hasSuffix(group) {  // the group ends after its children
                if let id = current.id, !id.isEmpty { references.append((id, current.type)) }
                current = (nil, nil)
            }
        }
        return references
    }
}
