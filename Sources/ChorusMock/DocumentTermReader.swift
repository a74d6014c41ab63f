import Foundation

/// The business terms of a deposited document, as the fake reads them back (BT/BG id → the values found, in
/// document order), so tests can check that every term a supplier sets reaches the platform. The fake's own
/// table of where each term lives in CII D16B and UBL 2.1 (element paths by local name, matched at their end).
enum DocumentTermReader {
    /// (term, CII path suffix, UBL path suffix); BT-17, BT-18 and BT-122 in CII are told apart below.
    private static let table: [(String, String, String)] = [
        ("BT-11", "SpecifiedProcuringProject/ID", "ProjectReference/ID"),
        ("BT-12", "ContractReferencedDocument/IssuerAssignedID", "ContractDocumentReference/ID"),
        ("BT-13", "ApplicableHeaderTradeAgreement/BuyerOrderReferencedDocument/IssuerAssignedID", "OrderReference/ID"),
        ("BT-15", "ReceivingAdviceReferencedDocument/IssuerAssignedID", "ReceiptDocumentReference/ID"),
        ("BT-16", "DespatchAdviceReferencedDocument/IssuerAssignedID", "DespatchDocumentReference/ID"),
        ("BT-17", "(typed AdditionalReferencedDocument)", "OriginatorDocumentReference/ID"),
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
        ("BT-122", "ApplicableHeaderTradeAgreement/AdditionalReferencedDocument/IssuerAssignedID", "AdditionalDocumentReference/ID"),
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
        // CII keeps the tender or lot (BT-17), the invoiced object (BT-18) and supporting documents (BT-122) in
        // AdditionalReferencedDocument, told apart by TypeCode 50, 130 and 916.
        if cii {
            var current: (id: String?, type: String?) = (nil, nil)
            for element in elements where element.path.contains("ApplicableHeaderTradeAgreement/AdditionalReferencedDocument") {
                let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if element.path.hasSuffix("/IssuerAssignedID") { current.id = text }
                if element.path.hasSuffix("/TypeCode") { current.type = text }
                if element.path.hasSuffix("ApplicableHeaderTradeAgreement/AdditionalReferencedDocument"), let id = current.id {
                    let term = ["50": "BT-17", "130": "BT-18", "916": "BT-122"][current.type ?? ""] ?? "BT-122"
                    if term != "BT-122" { terms[term, default: []].append(id) }
                    current = (nil, nil)
                }
            }
            terms["BT-122"] = terms["BT-122"]?.filter { !(terms["BT-17"] ?? []).contains($0) && !(terms["BT-18"] ?? []).contains($0) }
            if terms["BT-122"]?.isEmpty == true { terms["BT-122"] = nil }
        } else {
            let objects = elements.filter { $0.path.hasSuffix("AdditionalDocumentReference/DocumentTypeCode") }
            if !objects.isEmpty {
                // In UBL the invoiced object is the AdditionalDocumentReference whose DocumentTypeCode is 130.
                var ids: [String] = []
                var pendingID: String?
                for element in elements where element.path.contains("AdditionalDocumentReference") {
                    if element.path.hasSuffix("AdditionalDocumentReference/ID") { pendingID = element.text }
                    if element.path.hasSuffix("AdditionalDocumentReference/DocumentTypeCode"), element.text == "130", let id = pendingID { ids.append(id) }
                }
                if !ids.isEmpty { terms["BT-18"] = ids }
            }
        }
        return terms
    }
}
