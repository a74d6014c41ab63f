import ChorusCore
import Foundation

/// Writes an ``InvoiceDocument`` as UBL 2.1 (`Invoice`, or `CreditNote` for a credit note) with
/// `CustomizationID` `urn:cen.eu:en16931:2017`, elements in XSD order, UTF-8, deterministic bytes.
public enum UBLWriter {
    /// The UBL XML of `document`.
    public static func write(_ document: InvoiceDocument) -> Data { Data(xml(document).utf8) }

    /// The UBL XML of `document`, as text.
    public static func xml(_ document: InvoiceDocument) -> String {
        let totals = DocumentTotals.compute(document)
        let credit = document.isCreditNote
        let root = credit ? "CreditNote" : "Invoice"
        let money = { (amount: Amount) in [("currencyID", document.currency)] as [(String, String)] }
        var xml = XMLBuilder()
        xml.open(root, [("xmlns", "urn:oasis:names:specification:ubl:schema:xsd:\(root)-2"),
                        ("xmlns:cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"),
                        ("xmlns:cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2")])
        xml.element("cbc:CustomizationID", "urn:cen.eu:en16931:2017")
        xml.optional("cbc:ProfileID", document.businessProcess)
        xml.element("cbc:ID", document.number)
        xml.element("cbc:IssueDate", document.issueDate.description)
        if !credit { xml.optional("cbc:DueDate", document.dueDate?.description) }
        xml.element(credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode", document.typeCode.rawValue)
        for note in document.notes { xml.element("cbc:Note", note.subjectCode.map { "#\($0)#" + note.text } ?? note.text) }
        xml.element("cbc:DocumentCurrencyCode", document.currency)
        xml.optional("cbc:AccountingCost", document.buyerAccountingReference)
        xml.optional("cbc:BuyerReference", document.buyerReference)
        let periodCode = document.vatPointDateCode.flatMap(Self.periodCode)
        if document.invoicingPeriod != nil || periodCode != nil {
            xml.group("cac:InvoicePeriod") { period in
                period.optional("cbc:StartDate", document.invoicingPeriod?.start?.description)
                period.optional("cbc:EndDate", document.invoicingPeriod?.end?.description)
                period.optional("cbc:DescriptionCode", periodCode)
            }
        }
        if let order = document.purchaseOrderReference, !order.isEmpty { xml.group("cac:OrderReference") { $0.element("cbc:ID", order) } }
        for preceding in document.precedingInvoices {
            xml.group("cac:BillingReference") { billing in
                billing.group("cac:InvoiceDocumentReference") { reference in
                    reference.optional("cbc:ID", preceding.number)  // an empty one is left out: BR-55 then sees it missing
                    reference.optional("cbc:IssueDate", preceding.issueDate?.description)
                }
            }
        }
        if let despatch = document.despatchAdviceReference { xml.group("cac:DespatchDocumentReference") { $0.element("cbc:ID", despatch) } }
        if let receiving = document.receivingAdviceReference { xml.group("cac:ReceiptDocumentReference") { $0.element("cbc:ID", receiving) } }
        // The tender or lot reference (BT-17): before the contract in an Invoice, after the additional documents in
        // a CreditNote (the two schemas order OriginatorDocumentReference differently).
        if !credit, let tender = document.tenderOrLotReference {
            xml.group("cac:OriginatorDocumentReference") { $0.element("cbc:ID", tender) }
        }
        if let contract = document.contractReference, !contract.isEmpty {
            xml.group("cac:ContractDocumentReference") { $0.element("cbc:ID", contract) }
        }
        if let object = document.invoicedObject {  // BT-18
            xml.group("cac:AdditionalDocumentReference") { reference in
                reference.element("cbc:ID", object.value, object.scheme.map { [("schemeID", $0)] } ?? [])
                reference.element("cbc:DocumentTypeCode", "130")
            }
        }
        for supporting in document.supportingDocuments {  // BG-24
            xml.group("cac:AdditionalDocumentReference") { reference in
                reference.element("cbc:ID", supporting.id)
                reference.optional("cbc:DocumentDescription", supporting.description)
                if supporting.attachment != nil || supporting.uri != nil {
                    reference.group("cac:Attachment") { attachment in
                        if let data = supporting.attachment {
                            attachment.element("cbc:EmbeddedDocumentBinaryObject", data.base64EncodedString(),
                                               [("mimeCode", supporting.mimeCode ?? "application/pdf"), ("filename", supporting.fileName ?? supporting.id)])
                        }
                        if let uri = supporting.uri { attachment.group("cac:ExternalReference") { $0.element("cbc:URI", uri) } }
                    }
                }
            }
        }
        if credit, let project = document.projectReference {  // BT-11 in a CreditNote (no ProjectReference there)
            xml.group("cac:AdditionalDocumentReference") { reference in
                reference.element("cbc:ID", project)
                reference.element("cbc:DocumentTypeCode", "50")
            }
        }
        if credit, let tender = document.tenderOrLotReference {
            xml.group("cac:OriginatorDocumentReference") { $0.element("cbc:ID", tender) }
        }
        if !credit, let project = document.projectReference { xml.group("cac:ProjectReference") { $0.element("cbc:ID", project) } }
        xml.group("cac:AccountingSupplierParty") { writeParty(document.seller, into: &$0) }
        xml.group("cac:AccountingCustomerParty") { writeParty(document.buyer, into: &$0) }
        if let payee = document.payee {
            xml.group("cac:PayeeParty") { group in
                if let identifier = payee.identifier {
                    group.group("cac:PartyIdentification") { $0.element("cbc:ID", identifier.value, identifier.scheme.map { [("schemeID", $0)] } ?? []) }
                }
                group.group("cac:PartyName") { $0.element("cbc:Name", payee.name) }
                if let legal = payee.legalRegistration {
                    group.group("cac:PartyLegalEntity") { $0.element("cbc:CompanyID", legal.value, legal.scheme.map { [("schemeID", $0)] } ?? []) }
                }
            }
        }
        if let representative = document.taxRepresentative {
            xml.group("cac:TaxRepresentativeParty") { party in
                party.group("cac:PartyName") { $0.element("cbc:Name", representative.name) }
                writeAddress("cac:PostalAddress", representative.address, into: &party)
                party.group("cac:PartyTaxScheme") { scheme in
                    scheme.optional("cbc:CompanyID", representative.vatNumber)  // an empty one is left out (BR-56)
                    scheme.group("cac:TaxScheme") { $0.element("cbc:ID", "VAT") }
                }
            }
        }
        if document.deliverTo != nil || document.actualDeliveryDate != nil {
            xml.group("cac:Delivery") { delivery in
                delivery.optional("cbc:ActualDeliveryDate", document.actualDeliveryDate?.description)
                if let target = document.deliverTo, target.locationID != nil || target.address != nil {
                    delivery.group("cac:DeliveryLocation") { location in
                        if let id = target.locationID { location.element("cbc:ID", id.value, id.scheme.map { [("schemeID", $0)] } ?? []) }
                        if let address = target.address { writeAddress("cac:Address", address, into: &location) }
                    }
                }
                if let name = document.deliverTo?.name {
                    delivery.group("cac:DeliveryParty") { party in party.group("cac:PartyName") { $0.element("cbc:Name", name) } }
                }
            }
        }
        if let means = document.paymentMeans {
            xml.group("cac:PaymentMeans") { group in
                group.element("cbc:PaymentMeansCode", means.code)
                if credit { group.optional("cbc:PaymentDueDate", document.dueDate?.description) }
                group.optional("cbc:PaymentID", means.remittanceInformation)
                if let iban = means.iban {
                    group.group("cac:PayeeFinancialAccount") { account in
                        account.element("cbc:ID", iban)
                        account.optional("cbc:Name", means.accountName)
                        if let bic = means.bic { account.group("cac:FinancialInstitutionBranch") { $0.element("cbc:ID", bic) } }
                    }
                }
            }
        }
        if let terms = document.paymentTerms { xml.group("cac:PaymentTerms") { $0.element("cbc:Note", terms) } }
        for (charge, isCharge) in document.allowances.map({ ($0, false) }) + document.charges.map({ ($0, true) }) {
            writeAllowanceCharge(charge, isCharge: isCharge, withTax: true, currency: document.currency, into: &xml)
        }
        xml.group("cac:TaxTotal") { total in
            total.element("cbc:TaxAmount", totals.taxTotal.money, money(totals.taxTotal))
            for group in totals.vatGroups {
                total.group("cac:TaxSubtotal") { subtotal in
                    subtotal.element("cbc:TaxableAmount", group.basis.money, money(group.basis))
                    subtotal.element("cbc:TaxAmount", group.tax.money, money(group.tax))
                    writeTaxCategory("cac:TaxCategory", group.category, group.rate,
                                     exemption: CIIWriter.exemption(for: group.category, in: document), into: &subtotal)
                }
            }
        }
        xml.group("cac:LegalMonetaryTotal") { sums in
            sums.element("cbc:LineExtensionAmount", totals.lineTotal.money, money(totals.lineTotal))
            sums.element("cbc:TaxExclusiveAmount", totals.taxBasisTotal.money, money(totals.taxBasisTotal))
            sums.element("cbc:TaxInclusiveAmount", totals.grandTotal.money, money(totals.grandTotal))
            if !document.allowances.isEmpty { sums.element("cbc:AllowanceTotalAmount", totals.allowanceTotal.money, money(totals.allowanceTotal)) }
            if !document.charges.isEmpty { sums.element("cbc:ChargeTotalAmount", totals.chargeTotal.money, money(totals.chargeTotal)) }
            if totals.prepaid != .zero { sums.element("cbc:PrepaidAmount", totals.prepaid.money, money(totals.prepaid)) }
            sums.element("cbc:PayableAmount", totals.duePayable.money, money(totals.duePayable))
        }
        for (line, net) in zip(document.lines, totals.lineNets) {
            xml.group(credit ? "cac:CreditNoteLine" : "cac:InvoiceLine") { group in
                group.element("cbc:ID", line.id)
                group.optional("cbc:Note", line.note)
                group.element(credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", line.quantity.plain, [("unitCode", line.unitCode)])
                group.element("cbc:LineExtensionAmount", net.money, money(net))
                group.optional("cbc:AccountingCost", line.buyerAccountingReference)
                if let period = line.period {
                    group.group("cac:InvoicePeriod") { span in
                        span.optional("cbc:StartDate", period.start?.description)
                        span.optional("cbc:EndDate", period.end?.description)
                    }
                }
                if let orderLine = line.orderLineReference { group.group("cac:OrderLineReference") { $0.element("cbc:LineID", orderLine) } }
                if let object = line.objectIdentifier {  // BT-128
                    group.group("cac:DocumentReference") { reference in
                        reference.element("cbc:ID", object.value, object.scheme.map { [("schemeID", $0)] } ?? [])
                        reference.element("cbc:DocumentTypeCode", "130")
                    }
                }
                for (charge, isCharge) in line.allowances.map({ ($0, false) }) + line.charges.map({ ($0, true) }) {
                    writeAllowanceCharge(charge, isCharge: isCharge, withTax: false, currency: document.currency, into: &group)
                }
                group.group("cac:Item") { item in
                    item.optional("cbc:Description", line.itemDescription)
                    item.element("cbc:Name", line.name)
                    if let id = line.buyerItemID { item.group("cac:BuyersItemIdentification") { $0.element("cbc:ID", id) } }
                    if let id = line.sellerItemID { item.group("cac:SellersItemIdentification") { $0.element("cbc:ID", id) } }
                    if let standard = line.standardItemID {
                        item.group("cac:StandardItemIdentification") {
                            $0.element("cbc:ID", standard.value, standard.scheme.map { [("schemeID", $0)] } ?? [])
                        }
                    }
                    if let origin = line.originCountry { item.group("cac:OriginCountry") { $0.element("cbc:IdentificationCode", origin) } }
                    for classification in line.classifications {
                        item.group("cac:CommodityClassification") {
                            $0.element("cbc:ItemClassificationCode", classification.value, classification.scheme.map { [("listID", $0)] } ?? [])
                        }
                    }
                    writeTaxCategory("cac:ClassifiedTaxCategory", line.vatCategory, line.vatRate, into: &item)
                    for attribute in line.attributes {
                        item.group("cac:AdditionalItemProperty") { property in
                            property.optional("cbc:Name", attribute.name)  // an empty one is left out: BR-54 then sees it missing
                            property.optional("cbc:Value", attribute.value)
                        }
                    }
                }
                group.group("cac:Price") { price in
                    price.element("cbc:PriceAmount", line.netPrice.plain, money(line.netPrice))
                    if let base = line.baseQuantity { price.element("cbc:BaseQuantity", base.plain, [("unitCode", line.unitCode)]) }
                    if let gross = line.grossPrice {  // with its discount, 0 when none was given (cbc:Amount is required)
                        let discount = line.priceDiscount ?? .zero
                        price.group("cac:AllowanceCharge") { charge in
                            charge.element("cbc:ChargeIndicator", "false")
                            charge.element("cbc:Amount", discount.plain, money(discount))
                            charge.element("cbc:BaseAmount", gross.plain, money(gross))
                        }
                    }
                }
            }
        }
        xml.close(root)
        return xml.text
    }

    private static func writeParty(_ party: DocumentParty, into xml: inout XMLBuilder) {
        xml.group("cac:Party") { group in
            if let identifier = party.identifier {
                group.group("cac:PartyIdentification") { $0.element("cbc:ID", identifier.value, identifier.scheme.map { [("schemeID", $0)] } ?? []) }
            }
            writeAddress("cac:PostalAddress", party.address, into: &group)
            if let vat = party.vatNumber {
                group.group("cac:PartyTaxScheme") { scheme in
                    scheme.element("cbc:CompanyID", vat)
                    scheme.group("cac:TaxScheme") { $0.element("cbc:ID", "VAT") }
                }
            }
            group.group("cac:PartyLegalEntity") { entity in
                entity.element("cbc:RegistrationName", party.name)
                if let legal = party.legalRegistration {
                    entity.element("cbc:CompanyID", legal.value, legal.scheme.map { [("schemeID", $0)] } ?? [])
                }
            }
            if let contact = party.contact {
                group.group("cac:Contact") { person in
                    person.optional("cbc:Name", contact.name)
                    person.optional("cbc:Telephone", contact.phone)
                    person.optional("cbc:ElectronicMail", contact.email)
                }
            }
        }
    }

    /// An allowance or charge (BG-20/21 with `withTax`; BG-27/28 without: a line's takes the line's VAT).
    private static func writeAllowanceCharge(_ charge: DocumentAllowanceCharge, isCharge: Bool, withTax: Bool, currency: String,
                                             into xml: inout XMLBuilder) {
        xml.group("cac:AllowanceCharge") { group in
            group.element("cbc:ChargeIndicator", isCharge ? "true" : "false")
            group.optional("cbc:AllowanceChargeReasonCode", charge.reasonCode)
            group.optional("cbc:AllowanceChargeReason", charge.reason)
            group.optional("cbc:MultiplierFactorNumeric", charge.percentage?.plain)
            group.element("cbc:Amount", charge.amount.money, [("currencyID", currency)])
            if let base = charge.baseAmount { group.element("cbc:BaseAmount", base.money, [("currencyID", currency)]) }
            if withTax { writeTaxCategory("cac:TaxCategory", charge.vatCategory, charge.vatRate, into: &group) }
        }
    }

    private static func writeAddress(_ name: String, _ address: DocumentAddress, into xml: inout XMLBuilder) {
        xml.group(name) { group in
            group.optional("cbc:StreetName", address.line1)
            group.optional("cbc:AdditionalStreetName", address.line2)
            group.optional("cbc:CityName", address.city)
            group.optional("cbc:PostalZone", address.postalCode)
            group.group("cac:Country") { $0.element("cbc:IdentificationCode", address.countryCode) }
        }
    }

    private static func writeTaxCategory(_ name: String, _ category: VATCategory, _ rate: Amount?, exemption: VATExemption? = nil,
                                         into xml: inout XMLBuilder) {
        xml.group(name) { tax in
            tax.element("cbc:ID", category.rawValue)
            tax.optional("cbc:Percent", rate?.plain)
            tax.optional("cbc:TaxExemptionReasonCode", exemption?.code)
            tax.optional("cbc:TaxExemptionReason", exemption?.reason)
            tax.group("cac:TaxScheme") { $0.element("cbc:ID", "VAT") }
        }
    }

    /// BT-8 in UBL: invoice date `3`, delivery `35`, payment `432`.
    private static func periodCode(_ cii: String) -> String? {
        ["5": "3", "29": "35", "72": "432"][cii]
    }
}
