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
        xml.optional("cbc:BuyerReference", document.buyerReference)
        if let code = document.vatPointDateCode.flatMap(Self.periodCode) {
            xml.group("cac:InvoicePeriod") { $0.element("cbc:DescriptionCode", code) }
        }
        if let order = document.purchaseOrderReference, !order.isEmpty { xml.group("cac:OrderReference") { $0.element("cbc:ID", order) } }
        if let preceding = document.precedingInvoice {
            xml.group("cac:BillingReference") { billing in
                billing.group("cac:InvoiceDocumentReference") { reference in
                    reference.element("cbc:ID", preceding.number)
                    reference.optional("cbc:IssueDate", preceding.issueDate?.description)
                }
            }
        }
        if let contract = document.contractReference, !contract.isEmpty {
            xml.group("cac:ContractDocumentReference") { $0.element("cbc:ID", contract) }
        }
        xml.group("cac:AccountingSupplierParty") { writeParty(document.seller, into: &$0) }
        xml.group("cac:AccountingCustomerParty") { writeParty(document.buyer, into: &$0) }
        if let payee = document.payee {
            xml.group("cac:PayeeParty") { group in
                if let identifier = payee.identifier {
                    group.group("cac:PartyIdentification") { $0.element("cbc:ID", identifier.value, identifier.scheme.map { [("schemeID", $0)] } ?? []) }
                }
                group.group("cac:PartyName") { $0.element("cbc:Name", payee.name) }
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
            xml.group("cac:AllowanceCharge") { group in
                group.element("cbc:ChargeIndicator", isCharge ? "true" : "false")
                group.optional("cbc:AllowanceChargeReasonCode", charge.reasonCode)
                group.optional("cbc:AllowanceChargeReason", charge.reason)
                group.element("cbc:Amount", charge.amount.money, money(charge.amount))
                writeTaxCategory("cac:TaxCategory", charge.vatCategory, charge.vatRate, into: &group)
            }
        }
        xml.group("cac:TaxTotal") { total in
            total.element("cbc:TaxAmount", totals.taxTotal.money, money(totals.taxTotal))
            for group in totals.vatGroups {
                total.group("cac:TaxSubtotal") { subtotal in
                    subtotal.element("cbc:TaxableAmount", group.basis.money, money(group.basis))
                    subtotal.element("cbc:TaxAmount", group.tax.money, money(group.tax))
                    writeTaxCategory("cac:TaxCategory", group.category, group.rate, exemption: true, into: &subtotal)
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
                group.element(credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", line.quantity.plain, [("unitCode", line.unitCode)])
                group.element("cbc:LineExtensionAmount", net.money, money(net))
                group.group("cac:Item") { item in
                    item.optional("cbc:Description", line.itemDescription)
                    item.element("cbc:Name", line.name)
                    if let id = line.sellerItemID { item.group("cac:SellersItemIdentification") { $0.element("cbc:ID", id) } }
                    writeTaxCategory("cac:ClassifiedTaxCategory", line.vatCategory, line.vatRate, into: &item)
                }
                group.group("cac:Price") { price in
                    price.element("cbc:PriceAmount", line.netPrice.plain, money(line.netPrice))
                    if let base = line.baseQuantity { price.element("cbc:BaseQuantity", base.plain, [("unitCode", line.unitCode)]) }
                    if let gross = line.grossPrice, let discount = line.priceDiscount {
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
            group.group("cac:PostalAddress") { address in
                address.optional("cbc:StreetName", party.address.line1)
                address.optional("cbc:AdditionalStreetName", party.address.line2)
                address.optional("cbc:CityName", party.address.city)
                address.optional("cbc:PostalZone", party.address.postalCode)
                address.group("cac:Country") { $0.element("cbc:IdentificationCode", party.address.countryCode) }
            }
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

    private static func writeTaxCategory(_ name: String, _ category: VATCategory, _ rate: Amount?, exemption: Bool = false,
                                         into xml: inout XMLBuilder) {
        xml.group(name) { tax in
            tax.element("cbc:ID", category.rawValue)
            tax.optional("cbc:Percent", rate?.plain)
            if exemption, category.needsExemptionReason { tax.element("cbc:TaxExemptionReason", CIIWriter.exemptionText(category)) }
            tax.group("cac:TaxScheme") { $0.element("cbc:ID", "VAT") }
        }
    }

    /// BT-8 in UBL: invoice date `3`, delivery `35`, payment `432`.
    private static func periodCode(_ cii: String) -> String? {
        ["5": "3", "29": "35", "72": "432"][cii]
    }
}
