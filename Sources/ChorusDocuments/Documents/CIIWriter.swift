import ChorusCore
import Foundation

/// Writes an ``InvoiceDocument`` as UN/CEFACT CII D16B (`rsm:CrossIndustryInvoice`), elements in XSD order,
/// UTF-8, the same bytes for the same document. Totals come from ``DocumentTotals/compute(_:)``.
public enum CIIWriter {
    /// The terms of `document` that `profile` cannot carry and the writer leaves out (Factur-X BASIC has no
    /// supporting documents, project, tender, invoiced object or receiving advice references, no line references,
    /// item descriptions, seller or buyer item ids, attributes, classifications or origin, no contacts, account
    /// name or BIC — from the Factur-X BASIC XSD — and no percentage or base on a line allowance or charge, which
    /// its Schematron marks "not used"). Check them before writing BASIC: nothing is dropped silently.
    public static func droppedTerms(in document: InvoiceDocument, profile: CIIProfile) -> [ValidationProblem] {
        guard profile == .facturXBasic else { return [] }
        var terms: [(String, Bool)] = [
            ("BG-24", !document.supportingDocuments.isEmpty), ("BT-11", document.projectReference != nil),
            ("BT-15", document.receivingAdviceReference != nil), ("BT-17", document.tenderOrLotReference != nil),
            ("BT-18", document.invoicedObject != nil), ("BG-6", document.seller.contact != nil), ("BG-9", document.buyer.contact != nil),
            ("BT-85", document.paymentMeans?.accountName != nil), ("BT-86", document.paymentMeans?.bic != nil),
        ]
        for (index, line) in document.lines.enumerated() {
            terms += [("BG-25[\(index)]/BT-128", line.objectIdentifier != nil), ("BG-25[\(index)]/BT-132", line.orderLineReference != nil),
                      ("BG-25[\(index)]/BT-133", line.buyerAccountingReference != nil), ("BG-25[\(index)]/BT-154", line.itemDescription != nil),
                      ("BG-25[\(index)]/BT-155", line.sellerItemID != nil), ("BG-25[\(index)]/BT-156", line.buyerItemID != nil),
                      ("BG-25[\(index)]/BT-158", !line.classifications.isEmpty), ("BG-25[\(index)]/BT-159", line.originCountry != nil),
                      ("BG-25[\(index)]/BG-32", !line.attributes.isEmpty),
                      ("BG-25[\(index)]/BG-27", line.allowances.contains { $0.percentage != nil || $0.baseAmount != nil }),
                      ("BG-25[\(index)]/BG-28", line.charges.contains { $0.percentage != nil || $0.baseAmount != nil })]
        }
        return terms.filter(\.1).map {
            ValidationProblem(field: $0.0, rule: "SDK-FACTURX-BASIC-TERM", message: "Factur-X BASIC cannot carry this term; write EN 16931 or leave it out")
        }
    }

    /// The CII XML of `document`.
    public static func write(_ document: InvoiceDocument, profile: CIIProfile = .en16931) -> Data {
        Data(xml(document, profile: profile).utf8)
    }

    /// The CII XML of `document`, as text.
    public static func xml(_ document: InvoiceDocument, profile: CIIProfile = .en16931) -> String {
        let totals = DocumentTotals.compute(document)
        let basic = profile == .facturXBasic
        var xml = XMLBuilder()
        xml.open("rsm:CrossIndustryInvoice", [
            ("xmlns:rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"),
            ("xmlns:qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"),
            ("xmlns:ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"),
            ("xmlns:udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"),
        ])
        xml.open("rsm:ExchangedDocumentContext")
        if let process = document.businessProcess {
            xml.group("ram:BusinessProcessSpecifiedDocumentContextParameter") { $0.element("ram:ID", process) }
        }
        xml.group("ram:GuidelineSpecifiedDocumentContextParameter") { $0.element("ram:ID", profile.guideline) }
        xml.close("rsm:ExchangedDocumentContext")

        xml.open("rsm:ExchangedDocument")
        xml.element("ram:ID", document.number)
        xml.element("ram:TypeCode", document.typeCode.rawValue)
        xml.group("ram:IssueDateTime") { $0.element("udt:DateTimeString", document.issueDate.compact, [("format", "102")]) }
        for note in document.notes {
            xml.group("ram:IncludedNote") { group in
                group.element("ram:Content", note.text)
                group.optional("ram:SubjectCode", note.subjectCode)
            }
        }
        xml.close("rsm:ExchangedDocument")

        xml.open("rsm:SupplyChainTradeTransaction")
        for (line, net) in zip(document.lines, totals.lineNets) { writeLine(line, net: net, basic: basic, into: &xml) }

        xml.open("ram:ApplicableHeaderTradeAgreement")
        xml.optional("ram:BuyerReference", document.buyerReference)
        writeParty("ram:SellerTradeParty", document.seller, profile: profile, into: &xml)
        writeParty("ram:BuyerTradeParty", document.buyer, profile: profile, into: &xml)
        if let representative = document.taxRepresentative {
            xml.group("ram:SellerTaxRepresentativeTradeParty") { party in
                party.element("ram:Name", representative.name)
                writeAddress(representative.address, into: &party)
                party.group("ram:SpecifiedTaxRegistration") { $0.element("ram:ID", representative.vatNumber, [("schemeID", "VA")]) }
            }
        }
        if let order = document.purchaseOrderReference, !order.isEmpty {
            xml.group("ram:BuyerOrderReferencedDocument") { $0.element("ram:IssuerAssignedID", order) }
        }
        if let contract = document.contractReference, !contract.isEmpty {
            xml.group("ram:ContractReferencedDocument") { $0.element("ram:IssuerAssignedID", contract) }
        }
        for supporting in document.supportingDocuments where !basic {  // BG-24: TypeCode 916
            xml.group("ram:AdditionalReferencedDocument") { reference in
                reference.element("ram:IssuerAssignedID", supporting.id)
                reference.optional("ram:URIID", supporting.uri)
                reference.element("ram:TypeCode", "916")
                reference.optional("ram:Name", supporting.description)
                if let attachment = supporting.attachment {
                    reference.element("ram:AttachmentBinaryObject", attachment.base64EncodedString(),
                                      [("mimeCode", supporting.mimeCode ?? "application/pdf"), ("filename", supporting.fileName ?? supporting.id)])
                }
            }
        }
        if !basic, let tender = document.tenderOrLotReference {  // BT-17: TypeCode 50
            xml.group("ram:AdditionalReferencedDocument") { reference in
                reference.element("ram:IssuerAssignedID", tender)
                reference.element("ram:TypeCode", "50")
            }
        }
        if !basic, let object = document.invoicedObject {  // BT-18: TypeCode 130, scheme in ReferenceTypeCode
            xml.group("ram:AdditionalReferencedDocument") { reference in
                reference.element("ram:IssuerAssignedID", object.value)
                reference.element("ram:TypeCode", "130")
                reference.optional("ram:ReferenceTypeCode", object.scheme)
            }
        }
        if !basic, let project = document.projectReference {  // BT-11; CII requires a name, the reference is repeated
            xml.group("ram:SpecifiedProcuringProject") { group in
                group.element("ram:ID", project)
                group.element("ram:Name", "Project reference")
            }
        }
        xml.close("ram:ApplicableHeaderTradeAgreement")
        if document.deliverTo == nil && document.actualDeliveryDate == nil && document.despatchAdviceReference == nil
            && document.receivingAdviceReference == nil {
            xml.empty("ram:ApplicableHeaderTradeDelivery")
        } else {
            xml.open("ram:ApplicableHeaderTradeDelivery")
            if let delivery = document.deliverTo {
                xml.group("ram:ShipToTradeParty") { party in
                    if let location = delivery.locationID { writeIdentifier(location, into: &party) }
                    party.optional("ram:Name", delivery.name)
                    if let address = delivery.address { writeAddress(address, into: &party) }
                }
            }
            if let date = document.actualDeliveryDate {
                xml.group("ram:ActualDeliverySupplyChainEvent") { event in
                    event.group("ram:OccurrenceDateTime") { $0.element("udt:DateTimeString", date.compact, [("format", "102")]) }
                }
            }
            if let despatch = document.despatchAdviceReference {
                xml.group("ram:DespatchAdviceReferencedDocument") { $0.element("ram:IssuerAssignedID", despatch) }
            }
            if !basic, let receiving = document.receivingAdviceReference {
                xml.group("ram:ReceivingAdviceReferencedDocument") { $0.element("ram:IssuerAssignedID", receiving) }
            }
            xml.close("ram:ApplicableHeaderTradeDelivery")
        }
        writeSettlement(document, totals: totals, profile: profile, into: &xml)
        xml.close("rsm:SupplyChainTradeTransaction")
        xml.close("rsm:CrossIndustryInvoice")
        return xml.text
    }

    private static func writeLine(_ line: DocumentLine, net: Amount, basic: Bool, into xml: inout XMLBuilder) {
        xml.open("ram:IncludedSupplyChainTradeLineItem")
        xml.group("ram:AssociatedDocumentLineDocument") { document in
            document.element("ram:LineID", line.id)
            if let note = line.note { document.group("ram:IncludedNote") { $0.element("ram:Content", note) } }
        }
        xml.group("ram:SpecifiedTradeProduct") { product in
            if let standard = line.standardItemID {
                product.element("ram:GlobalID", standard.value, standard.scheme.map { [("schemeID", $0)] } ?? [])
            }
            if !basic { product.optional("ram:SellerAssignedID", line.sellerItemID) }
            if !basic { product.optional("ram:BuyerAssignedID", line.buyerItemID) }
            product.element("ram:Name", line.name)
            if !basic { product.optional("ram:Description", line.itemDescription) }
            guard !basic else { return }  // BASIC has no characteristics, classifications or origin
            for attribute in line.attributes {
                product.group("ram:ApplicableProductCharacteristic") { group in
                    group.optional("ram:Description", attribute.name)  // an empty one is left out: BR-54 then sees it missing
                    group.optional("ram:Value", attribute.value)
                }
            }
            for classification in line.classifications {
                product.group("ram:DesignatedProductClassification") {
                    $0.element("ram:ClassCode", classification.value, classification.scheme.map { [("listID", $0)] } ?? [])
                }
            }
            if let origin = line.originCountry { product.group("ram:OriginTradeCountry") { $0.element("ram:ID", origin) } }
        }
        xml.open("ram:SpecifiedLineTradeAgreement")
        if !basic, let orderLine = line.orderLineReference {
            xml.group("ram:BuyerOrderReferencedDocument") { $0.element("ram:LineID", orderLine) }
        }
        if let gross = line.grossPrice {
            // The discount is always written with the gross price, 0 when none was given: Chorus Pro requires
            // ActualAmount whenever GrossPriceProductTradePrice is present (Documentation/InvoiceDocumentRules.md §2.6, rule 9).
            xml.group("ram:GrossPriceProductTradePrice") { price in
                price.element("ram:ChargeAmount", gross.plain)
                price.group("ram:AppliedTradeAllowanceCharge") { charge in
                    charge.group("ram:ChargeIndicator") { $0.element("udt:Indicator", "false") }
                    charge.element("ram:ActualAmount", (line.priceDiscount ?? .zero).plain)
                }
            }
        }
        xml.group("ram:NetPriceProductTradePrice") { price in
            price.element("ram:ChargeAmount", line.netPrice.plain)
            if let base = line.baseQuantity { price.element("ram:BasisQuantity", base.plain, [("unitCode", line.unitCode)]) }
        }
        xml.close("ram:SpecifiedLineTradeAgreement")
        xml.group("ram:SpecifiedLineTradeDelivery") {
            $0.element("ram:BilledQuantity", line.quantity.plain, [("unitCode", line.unitCode)])
        }
        xml.open("ram:SpecifiedLineTradeSettlement")
        xml.group("ram:ApplicableTradeTax") { tax in
            tax.element("ram:TypeCode", "VAT")
            tax.element("ram:CategoryCode", line.vatCategory.rawValue)
            tax.optional("ram:RateApplicablePercent", line.vatRate?.plain)
        }
        if let period = line.period { writePeriod(period, into: &xml) }
        for (charge, isCharge) in line.allowances.map({ ($0, false) }) + line.charges.map({ ($0, true) }) {
            // BASIC marks a line allowance's percentage and base "not used": the amount alone is written.
            writeAllowanceCharge(charge, isCharge: isCharge, withTax: false, withCalculation: !basic, into: &xml)
        }
        xml.group("ram:SpecifiedTradeSettlementLineMonetarySummation") { $0.element("ram:LineTotalAmount", net.money) }
        if !basic, let object = line.objectIdentifier {  // BT-128: TypeCode 130
            xml.group("ram:AdditionalReferencedDocument") { reference in
                reference.element("ram:IssuerAssignedID", object.value)
                reference.element("ram:TypeCode", "130")
                reference.optional("ram:ReferenceTypeCode", object.scheme)
            }
        }
        if !basic, let accounting = line.buyerAccountingReference {
            xml.group("ram:ReceivableSpecifiedTradeAccountingAccount") { $0.element("ram:ID", accounting) }
        }
        xml.close("ram:SpecifiedLineTradeSettlement")
        xml.close("ram:IncludedSupplyChainTradeLineItem")
    }

    private static func writeParty(_ name: String, _ party: DocumentParty, profile: CIIProfile, into xml: inout XMLBuilder) {
        xml.open(name)
        let legacy: Bool = if case .chorusLegacyE1 = profile { true } else { false }
        if let identifier = party.identifier, !legacy { writeIdentifier(identifier, into: &xml) }
        xml.element("ram:Name", party.name)
        if legacy, let siret = party.identifier?.value {
            xml.group("ram:SpecifiedLegalOrganization") { $0.element("ram:ID", siret, [("schemeID", "1")]) }
        } else if let legal = party.legalRegistration {
            xml.group("ram:SpecifiedLegalOrganization") { $0.element("ram:ID", legal.value, legal.scheme.map { [("schemeID", $0)] } ?? []) }
        }
        if let contact = party.contact, profile != .facturXBasic {
            xml.group("ram:DefinedTradeContact") { group in
                group.optional("ram:PersonName", contact.name)
                if let phone = contact.phone { group.group("ram:TelephoneUniversalCommunication") { $0.element("ram:CompleteNumber", phone) } }
                if let email = contact.email { group.group("ram:EmailURIUniversalCommunication") { $0.element("ram:URIID", email) } }
            }
        }
        writeAddress(party.address, into: &xml)
        if let vat = party.vatNumber {
            xml.group("ram:SpecifiedTaxRegistration") { $0.element("ram:ID", vat, [("schemeID", "VA")]) }
        }
        xml.close(name)
    }

    /// A party identifier: `GlobalID` with its scheme, or `ID` without one.
    private static func writeIdentifier(_ identifier: SchemedIdentifier, into xml: inout XMLBuilder) {
        if let scheme = identifier.scheme {
            xml.element("ram:GlobalID", identifier.value, [("schemeID", scheme)])
        } else {
            xml.element("ram:ID", identifier.value)
        }
    }

    private static func writeAddress(_ address: DocumentAddress, into xml: inout XMLBuilder) {
        xml.group("ram:PostalTradeAddress") { group in
            group.optional("ram:PostcodeCode", address.postalCode)
            group.optional("ram:LineOne", address.line1)
            group.optional("ram:LineTwo", address.line2)
            group.optional("ram:CityName", address.city)
            group.element("ram:CountryID", address.countryCode)
        }
    }

    private static func writePeriod(_ period: DocumentPeriod, into xml: inout XMLBuilder) {
        xml.group("ram:BillingSpecifiedPeriod") { group in
            if let start = period.start {
                group.group("ram:StartDateTime") { $0.element("udt:DateTimeString", start.compact, [("format", "102")]) }
            }
            if let end = period.end {
                group.group("ram:EndDateTime") { $0.element("udt:DateTimeString", end.compact, [("format", "102")]) }
            }
        }
    }

    /// An allowance or charge (BG-20/21 with `withTax`, BG-27/28 without: a line's takes the line's VAT).
    private static func writeAllowanceCharge(_ charge: DocumentAllowanceCharge, isCharge: Bool, withTax: Bool, withCalculation: Bool = true,
                                             into xml: inout XMLBuilder) {
        xml.group("ram:SpecifiedTradeAllowanceCharge") { group in
            group.group("ram:ChargeIndicator") { $0.element("udt:Indicator", isCharge ? "true" : "false") }
            if withCalculation {
                group.optional("ram:CalculationPercent", charge.percentage?.plain)
                group.optional("ram:BasisAmount", charge.baseAmount?.money)
            }
            group.element("ram:ActualAmount", charge.amount.money)
            group.optional("ram:ReasonCode", charge.reasonCode)
            group.optional("ram:Reason", charge.reason)
            if withTax {
                group.group("ram:CategoryTradeTax") { tax in
                    tax.element("ram:TypeCode", "VAT")
                    tax.element("ram:CategoryCode", charge.vatCategory.rawValue)
                    tax.optional("ram:RateApplicablePercent", charge.vatRate?.plain)
                }
            }
        }
    }

    private static func writeSettlement(_ document: InvoiceDocument, totals: DocumentTotals, profile: CIIProfile,
                                        into xml: inout XMLBuilder) {
        xml.open("ram:ApplicableHeaderTradeSettlement")
        xml.optional("ram:PaymentReference", document.paymentMeans?.remittanceInformation)
        xml.element("ram:InvoiceCurrencyCode", document.currency)
        if let payee = document.payee {
            // BG-10 in CII: identifier, name and legal organisation only (Factur-X marks anything else "not used").
            xml.group("ram:PayeeTradeParty") { party in
                if let identifier = payee.identifier { writeIdentifier(identifier, into: &party) }
                party.element("ram:Name", payee.name)
                if let legal = payee.legalRegistration {
                    party.group("ram:SpecifiedLegalOrganization") { $0.element("ram:ID", legal.value, legal.scheme.map { [("schemeID", $0)] } ?? []) }
                }
            }
        }
        if let means = document.paymentMeans {
            xml.group("ram:SpecifiedTradeSettlementPaymentMeans") { group in
                group.element("ram:TypeCode", means.code)
                if means.iban != nil || means.accountName != nil {
                    group.group("ram:PayeePartyCreditorFinancialAccount") { account in
                        account.optional("ram:IBANID", means.iban)
                        if profile != .facturXBasic { account.optional("ram:AccountName", means.accountName) }
                    }
                }
                if let bic = means.bic, profile != .facturXBasic {
                    group.group("ram:PayeeSpecifiedCreditorFinancialInstitution") { $0.element("ram:BICID", bic) }
                }
            }
        }
        for group in totals.vatGroups {
            let exemption = exemption(for: group.category, in: document)
            xml.group("ram:ApplicableTradeTax") { tax in
                tax.element("ram:CalculatedAmount", group.tax.money)
                tax.element("ram:TypeCode", "VAT")
                tax.optional("ram:ExemptionReason", exemption?.reason)
                tax.element("ram:BasisAmount", group.basis.money)
                tax.element("ram:CategoryCode", group.category.rawValue)
                tax.optional("ram:ExemptionReasonCode", exemption?.code)
                tax.optional("ram:DueDateTypeCode", group.category == .standard ? document.vatPointDateCode : nil)
                tax.optional("ram:RateApplicablePercent", group.rate?.plain)
            }
        }
        if let period = document.invoicingPeriod { writePeriod(period, into: &xml) }
        for (charge, isCharge) in document.allowances.map({ ($0, false) }) + document.charges.map({ ($0, true) }) {
            writeAllowanceCharge(charge, isCharge: isCharge, withTax: true, into: &xml)
        }
        if document.paymentTerms != nil || document.dueDate != nil {
            xml.group("ram:SpecifiedTradePaymentTerms") { terms in
                terms.optional("ram:Description", document.paymentTerms)
                if let due = document.dueDate {
                    terms.group("ram:DueDateDateTime") { $0.element("udt:DateTimeString", due.compact, [("format", "102")]) }
                }
            }
        }
        xml.group("ram:SpecifiedTradeSettlementHeaderMonetarySummation") { sums in
            sums.element("ram:LineTotalAmount", totals.lineTotal.money)
            if !document.charges.isEmpty { sums.element("ram:ChargeTotalAmount", totals.chargeTotal.money) }
            if !document.allowances.isEmpty { sums.element("ram:AllowanceTotalAmount", totals.allowanceTotal.money) }
            sums.element("ram:TaxBasisTotalAmount", totals.taxBasisTotal.money)
            sums.element("ram:TaxTotalAmount", totals.taxTotal.money, [("currencyID", document.currency)])
            sums.element("ram:GrandTotalAmount", totals.grandTotal.money)
            if totals.prepaid != .zero { sums.element("ram:TotalPrepaidAmount", totals.prepaid.money) }
            sums.element("ram:DuePayableAmount", totals.duePayable.money)
        }
        for preceding in document.precedingInvoices {
            xml.group("ram:InvoiceReferencedDocument") { reference in
                reference.element("ram:IssuerAssignedID", preceding.number)
                if let date = preceding.issueDate {
                    reference.group("ram:FormattedIssueDateTime") { $0.element("qdt:DateTimeString", date.compact, [("format", "102")]) }
                }
            }
        }
        if let accounting = document.buyerAccountingReference {
            xml.group("ram:ReceivableSpecifiedTradeAccountingAccount") { $0.element("ram:ID", accounting) }
        }
        xml.close("ram:ApplicableHeaderTradeSettlement")
    }

    /// The exemption reason (BT-120, BT-121) of a category: the caller's, else a default French text for the
    /// categories that need one; `nil` for S, Z and others.
    static func exemption(for category: VATCategory, in document: InvoiceDocument) -> VATExemption? {
        if let given = document.vatExemptions[category], given.reason != nil || given.code != nil { return given }
        return category.needsExemptionReason ? VATExemption(reason: exemptionText(category)) : nil
    }

    /// A default exemption text per category (BT-120).
    static func exemptionText(_ category: VATCategory) -> String {
        switch category {
        case .reverseCharge: "Autoliquidation"
        case .intraCommunity: "Livraison intracommunautaire exonérée"
        case .export: "Exportation hors UE exonérée"
        case .outsideScope: "Hors du champ de la TVA"
        default: "Exonération de TVA"
        }
    }
}
