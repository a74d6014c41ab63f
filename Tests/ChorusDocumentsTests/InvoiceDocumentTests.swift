import ChorusDocumentSamples
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
import ChorusCore
@testable import ChorusDocuments

/// Evaluates a path of prefixed element names (`rsm:ExchangedDocument/ram:ID`, `@attr` last) by local names.
func xpathValues(_ xml: Data, _ path: String) throws -> [String] {
    let document = try XMLDocument(data: xml)
    let steps = path.split(separator: "/").map { step -> String in
        if step.hasPrefix("@") { return "@\(step.dropFirst())" }
        let local = step.split(separator: ":").last.map(String.init) ?? String(step)
        return "*[local-name()='\(local)']"
    }
    let nodes = try document.nodes(forXPath: "/" + steps.joined(separator: "/"))
    return nodes.compactMap(\.stringValue)
}

@Suite("Invoice documents")
struct InvoiceDocumentTests {
    static let invoice = SampleDocuments.twoRatesInvoice()

    @Test("every business term sits at its XPath in CII", arguments: [
        ("BT-1", "rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID", "F2026-0101"),
        ("BT-2", "rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString", "20261102"),
        ("BT-3", "rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode", "380"),
        ("BT-23", "rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID", "A1"),
        ("BT-24", "rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID", "urn:cen.eu:en16931:2017"),
        ("BT-5", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceCurrencyCode", "EUR"),
        ("BT-27", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:Name", "ATELIER DUPONT SARL"),
        ("BT-29", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:GlobalID", "81200456700010"),
        ("BT-31", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID", "FR32812004567"),
        ("BT-46 scheme", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:GlobalID/@schemeID", "0009"),
        ("BT-47", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID", "217500010"),
        ("BT-81", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode", "30"),
        ("BT-84", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount/ram:IBANID", "FR7630006000011234567890189"),
        ("BT-92", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeAllowanceCharge/ram:ActualAmount", "10.00"),
        ("BT-106", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:LineTotalAmount", "514.10"),
        ("BT-107", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:AllowanceTotalAmount", "10.00"),
        ("BT-109", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxBasisTotalAmount", "504.10"),
        ("BT-110", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxTotalAmount", "97.78"),
        ("BT-112", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount", "601.88"),
        ("BT-115", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:DuePayableAmount", "601.88"),
        ("BT-117", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CalculatedAmount", "96.63|1.15"),
        ("BT-131", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount", "342.00|20.93|151.17"),
        ("BT-147", "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ActualAmount", "8.83"),
    ])
    func ciiTerms(_ term: String, _ path: String, _ expected: String) throws {
        let values = try xpathValues(CIIWriter.write(Self.invoice), path)
        #expect(values.joined(separator: "|") == expected, "\(term)")
    }

    @Test("every business term sits at its XPath in UBL", arguments: [
        ("BT-1", "Invoice/cbc:ID", "F2026-0101"), ("BT-2", "Invoice/cbc:IssueDate", "2026-11-02"),
        ("BT-3", "Invoice/cbc:InvoiceTypeCode", "380"), ("BT-9", "Invoice/cbc:DueDate", "2026-12-02"),
        ("BT-24", "Invoice/cbc:CustomizationID", "urn:cen.eu:en16931:2017"),
        ("BT-46", "Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID", "21750001000012"),
        ("BT-46 scheme", "Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID/@schemeID", "0009"),
        ("BT-81", "Invoice/cac:PaymentMeans/cbc:PaymentMeansCode", "30"),
        ("BT-110", "Invoice/cac:TaxTotal/cbc:TaxAmount", "97.78"),
        ("BT-116", "Invoice/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount", "483.17|20.93"),
        ("BT-112", "Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount", "601.88"),
        ("BT-129", "Invoice/cac:InvoiceLine/cbc:InvoicedQuantity", "4|2|1"),
        ("BT-146", "Invoice/cac:InvoiceLine/cac:Price/cbc:PriceAmount", "85.5|10.465|151.17"),
    ])
    func ublTerms(_ term: String, _ path: String, _ expected: String) throws {
        let values = try xpathValues(UBLWriter.write(Self.invoice), path)
        #expect(values.joined(separator: "|") == expected, "\(term)")
    }

    @Test("a credit note: 381, positive amounts, its preceding invoice, in both syntaxes")
    func creditNote() throws {
        let note = SampleDocuments.creditNote()
        let cii = CIIWriter.write(note)
        #expect(try xpathValues(cii, "rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode") == ["381"])
        #expect(try xpathValues(cii, "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument/ram:IssuerAssignedID") == ["F2026-0101"])
        let ubl = UBLWriter.write(note)
        #expect(try xpathValues(ubl, "CreditNote/cbc:CreditNoteTypeCode") == ["381"])
        #expect(try xpathValues(ubl, "CreditNote/cac:CreditNoteLine/cbc:CreditedQuantity") == ["1"])
        #expect(try xpathValues(ubl, "CreditNote/cac:LegalMonetaryTotal/cbc:PayableAmount") == ["102.60"])
    }

    @Test("the writers are deterministic and match the golden files checked by the official rules")
    func golden() throws {
        let directory = try #require(Bundle.module.url(forResource: "Golden", withExtension: nil))
        let cii = try String(contentsOf: directory.appendingPathComponent("cii-invoice-two-rates.xml"), encoding: .utf8)
        let ubl = try String(contentsOf: directory.appendingPathComponent("ubl-credit-note.xml"), encoding: .utf8)
        #expect(CIIWriter.xml(Self.invoice) == cii)
        #expect(UBLWriter.xml(SampleDocuments.creditNote()) == ubl)
        #expect(CIIWriter.write(Self.invoice) == CIIWriter.write(Self.invoice))
    }

    @Test("the legacy Chorus E1 convention only on request")
    func legacyE1() throws {
        let xml = CIIWriter.write(Self.invoice, profile: .chorusLegacyE1(framework: .supplierInvoice))
        #expect(try xpathValues(xml, "rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID") == ["A1"])
        #expect(try xpathValues(xml, "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID/@schemeID") == ["1"])
        #expect(try xpathValues(xml, "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:GlobalID").isEmpty)
    }

    @Test("totals: the EN 16931 identities BR-CO-10…17 hold exactly for random documents")
    func totalsProperties() {
        var generator = SplitMix64(seed: 7)
        func random(_ range: Int) -> Int { Int(generator.next() % UInt64(range)) }
        let rates: [Amount] = [20, 10, "5.5", "2.1"]
        for _ in 0..<500 {
            let lines = (0..<(1 + random(8))).map { index in
                DocumentLine(id: String(index + 1), name: "L", quantity: Amount(minorUnits: 1 + random(5000), scale: 2),
                             netPrice: Amount(minorUnits: random(1_000_000), scale: 4), baseQuantity: random(4) == 0 ? 2 : nil,
                             vatCategory: .standard, vatRate: rates[random(rates.count)])
            }
            let allowances = (0..<random(3)).map { _ in
                DocumentAllowanceCharge(amount: Amount(minorUnits: random(2000)), vatCategory: .standard, vatRate: rates[random(rates.count)])
            }
            let charges = (0..<random(2)).map { _ in
                DocumentAllowanceCharge(amount: Amount(minorUnits: random(2000)), vatCategory: .standard, vatRate: rates[random(rates.count)])
            }
            let document = InvoiceDocument(number: "P", issueDate: SampleDocuments.sampleDate, seller: SampleDocuments.seller,
                                           buyer: SampleDocuments.commune, lines: lines, allowances: allowances, charges: charges,
                                           prepaidAmount: Amount(minorUnits: random(100)))
            let totals = DocumentTotals.compute(document)
            #expect(totals.lineTotal == totals.lineNets.reduce(.zero, +))                                       // BR-CO-10
            #expect(totals.allowanceTotal == allowances.reduce(.zero) { $0 + $1.amount })                       // BR-CO-11
            #expect(totals.chargeTotal == charges.reduce(.zero) { $0 + $1.amount })                              // BR-CO-12
            #expect(totals.taxBasisTotal == totals.lineTotal - totals.allowanceTotal + totals.chargeTotal)       // BR-CO-13
            #expect(totals.taxTotal == totals.vatGroups.reduce(.zero) { $0 + $1.tax })                            // BR-CO-14
            #expect(totals.grandTotal == totals.taxBasisTotal + totals.taxTotal)                                 // BR-CO-15
            #expect(totals.duePayable == totals.grandTotal - totals.prepaid)                                     // BR-CO-16
            #expect(totals.vatGroups.reduce(.zero) { $0 + $1.basis } == totals.taxBasisTotal)                    // BR-S-08 summed
            for group in totals.vatGroups {                                                                        // BR-CO-17
                #expect(group.tax == (group.basis * (group.rate ?? .zero) * "0.01").rounded())
            }
            for value in [totals.lineTotal, totals.taxBasisTotal, totals.taxTotal, totals.grandTotal] { #expect(value.decimalPlaces <= 2) }
        }
    }

    @Test("each validator rule fails on its own case", arguments: [
        ("BR-02", "number"), ("BR-CL-04", "currency"), ("BR-16", "lines"), ("BR-27", "price"), ("BR-S-05", "rate"),
        ("BR-61", "iban"), ("BR-CO-15", "given"), ("SDK-SIRET", "siret"), ("BR-CL-10", "scheme"), ("CHORUS-BUYER-SIRET", "buyerScheme"),
        ("CHORUS-NUMBER-LENGTH", "long"), ("CHORUS-SERVICE-REQUIRED", "service"), ("CHORUS-COMMITMENT-REQUIRED", "commitment"),
        ("CHORUS-COMMITMENT-LENGTH", "commitmentLength"), ("CHORUS-PAYMENT-MEANS", "means"), ("CHORUS-TRANSFER-CODE", "58"),
        ("SDK-NET-PRICE", "gross"), ("SDK-CREDIT-NOTE-PRECEDING", "credit"), ("BR-S-02", "vat"), ("CHORUS-PUBLIC-INVOICES", "fp"),
        ("BR-CL-01", "type"), ("BR-CL-16", "meansCode"), ("BR-CL-18", "category"), ("BR-CL-23", "unit"),
        ("CHORUS-CPRO-20", "twoPreceding"), ("CHORUS-CPRO-43", "longSeller"), ("CHORUS-CPRO-03", "sellerScheme"),
    ])
    func validatorRules(_ rule: String, _ kind: String) {
        var document = SampleDocuments.operaInvoice()
        var requirement = InvoicingRequirement.serviceCode
        switch kind {
        case "number": document.number = " "
        case "currency": document.currency = "eur"
        case "lines": document.lines = []
        case "price": document.lines[0].netPrice = "-1"
        case "rate": document.lines[0].vatRate = 0
        case "iban": document.paymentMeans?.iban = nil
        case "given":
            var totals = DocumentTotals.compute(document)
            totals.grandTotal = totals.grandTotal + "0.01"
            document.givenTotals = totals
        case "siret": document.buyer.identifier = .siret("78439607900055")
        case "scheme": document.buyer.identifier = SchemedIdentifier("78439607900054", scheme: "1")
        case "buyerScheme": document.buyer.identifier = SchemedIdentifier("78439607900054", scheme: "0088")
        case "long": document.number = String(repeating: "9", count: 21)
        case "service": document.buyerReference = nil
        case "commitment": requirement = .commitmentNumber; document.purchaseOrderReference = nil
        case "commitmentLength": document.purchaseOrderReference = String(repeating: "E", count: 51)
        case "means": document.paymentMeans = nil
        case "58": document.paymentMeans?.code = "58"
        case "gross": document.lines[0].grossPrice = "300"
        case "credit": document.typeCode = .creditNote
        case "vat": document.seller.vatNumber = nil; document.seller.identifier = .siret("81200456700010")
        case "type": document.typeCode = DocumentTypeCode(rawValue: "999")
        case "meansCode": document.paymentMeans?.code = "31X"
        case "category": document.lines[0].vatCategory = VATCategory(rawValue: "X")
        case "unit": document.lines[0].unitCode = "pièce"
        case "twoPreceding": document.precedingInvoices = [PrecedingInvoice(number: "F1"), PrecedingInvoice(number: "F2")]
        case "longSeller": document.seller.name = String(repeating: "S", count: 100); document.paymentMeans = nil
        case "sellerScheme": document.seller.identifier = SchemedIdentifier("812004567", scheme: "0002")
        default: document.buyerReference = "FACTURES_PUBLIQUES"
        }
        let problems = DocumentValidator.problems(in: document, profile: .chorusPro(requirement))
        #expect(problems.contains { $0.rule == rule }, "\(kind): \(problems)")
        #expect(problems.allSatisfy { !$0.field.isEmpty })
    }

    @Test("the samples pass the validator with Chorus Pro's rules")
    func samplesAreValid() {
        #expect(DocumentValidator.problems(in: SampleDocuments.operaInvoice(), profile: .chorusPro(.serviceCodeAndCommitmentNumber)).isEmpty)
        #expect(DocumentValidator.problems(in: SampleDocuments.twoRatesInvoice(), profile: .chorusPro(.nothing)).isEmpty)
        #expect(DocumentValidator.problems(in: SampleDocuments.creditNote(), profile: .chorusPro(.nothing)).isEmpty)
    }

    @Test("an unknown requirement is not \"nothing required\": a document with neither service code nor commitment is not confirmed")
    func unknownRequirement() {
        var document = SampleDocuments.twoRatesInvoice()
        document.buyerReference = nil
        document.purchaseOrderReference = nil
        #expect(DocumentValidator.problems(in: document, profile: .chorusPro(.unknown)).map(\.rule) == ["SDK-RECIPIENT-REQUIREMENT-UNKNOWN"])
        document.purchaseOrderReference = "EJ-1"
        #expect(DocumentValidator.problems(in: document, profile: .chorusPro(.unknown)).isEmpty)
    }
}

@Suite("Invoice documents: every term written, nothing dropped")
struct DocumentTermsTests {
    /// An intra-community invoice with every new term set.
    static func fullDocument() -> InvoiceDocument {
        var document = SampleDocuments.twoRatesInvoice()
        document.buyer = DocumentParty(name: "Müller & Söhne GmbH", vatNumber: "DE123456789",
                                       address: DocumentAddress(line1: "Hauptstraße 1", city: "Berlin", postalCode: "10115", countryCode: "DE"))
        document.lines = document.lines.map { line in
            var copy = line
            copy.vatCategory = .intraCommunity
            copy.vatRate = 0
            return copy
        }
        document.allowances = []
        document.charges = [DocumentAllowanceCharge(amount: "12.50", reason: "Transport", reasonCode: "FC", vatCategory: .intraCommunity,
                                                    vatRate: 0, percentage: "2.5", baseAmount: 500)]
        document.lines[0].allowances = [DocumentAllowanceCharge(amount: 5, reason: "Remise", reasonCode: "95")]
        document.lines[0].period = DocumentPeriod(start: CalendarDate("2026-10-01"), end: CalendarDate("2026-10-31"))
        document.actualDeliveryDate = CalendarDate("2026-10-15")
        document.deliverTo = DocumentDelivery(name: "Lager Berlin", address: document.buyer.address)
        document.vatExemptions[.intraCommunity] = VATExemption(reason: "Livraison intracommunautaire", code: "VATEX-EU-IC")
        document.payee = DocumentPayee(name: "Factor SA", identifier: .siret("81200456700010"), legalRegistration: .siren("812004567"))
        document.lines[1].grossPrice = document.lines[1].netPrice
        document.lines[1].priceDiscount = nil
        return document
    }

    @Test("the new terms are written by both writers where the bindings say")
    func termsWritten() {
        let document = Self.fullDocument()
        #expect(DocumentValidator.problems(in: document, syntax: .cii).isEmpty)
        func compact(_ xml: String) -> String { xml.replacingOccurrences(of: ">\\s+<", with: "><", options: .regularExpression) }
        let cii = compact(CIIWriter.xml(document))
        for fragment in ["<ram:PayeeTradeParty><ram:GlobalID schemeID=\"0009\">81200456700010</ram:GlobalID><ram:Name>Factor SA</ram:Name>",
                         "<ram:ShipToTradeParty><ram:Name>Lager Berlin</ram:Name>", "<ram:ActualDeliverySupplyChainEvent>",
                         "<ram:ExemptionReasonCode>VATEX-EU-IC</ram:ExemptionReasonCode>", "<ram:CalculationPercent>2.5</ram:CalculationPercent>",
                         "<ram:BasisAmount>500.00</ram:BasisAmount>", "<ram:BillingSpecifiedPeriod>", "<ram:ReasonCode>95</ram:ReasonCode>",
                         "<ram:ActualAmount>0</ram:ActualAmount>"] {
            #expect(cii.contains(fragment), "CII lacks \(fragment)")
        }
        // The payee carries no address, contact or tax registration (Factur-X: "not used").
        let payee = cii.components(separatedBy: "<ram:PayeeTradeParty>")[1].components(separatedBy: "</ram:PayeeTradeParty>")[0]
        #expect(!payee.contains("PostalTradeAddress") && !payee.contains("SpecifiedTaxRegistration"))
        let ubl = compact(UBLWriter.xml(document))
        for fragment in ["<cac:PayeeParty>", "<cbc:ActualDeliveryDate>2026-10-15</cbc:ActualDeliveryDate>", "<cac:DeliveryLocation>",
                         "<cbc:TaxExemptionReasonCode>VATEX-EU-IC</cbc:TaxExemptionReasonCode>",
                         "<cbc:MultiplierFactorNumeric>2.5</cbc:MultiplierFactorNumeric>", "<cac:InvoicePeriod><cbc:StartDate>2026-10-01</cbc:StartDate>",
                         "<cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>", "<cac:PartyLegalEntity><cbc:CompanyID schemeID=\"0002\">812004567"] {
            #expect(ubl.contains(fragment), "UBL lacks \(fragment)")
        }
    }

    @Test("line allowances and charges count in the line net and the totals")
    func lineAllowances() {
        let document = Self.fullDocument()
        let totals = DocumentTotals.compute(document)
        let line = document.lines[0]
        let priced = Amount(line.quantity.value * line.netPrice.value).rounded()
        #expect(totals.lineNets[0] == priced - 5)
        #expect(totals.lineTotal == totals.lineNets.reduce(.zero, +))
    }

    @Test("what a syntax cannot carry, and data the writers used to drop, are problems, not silent losses")
    func nothingDropped() {
        var credit = SampleDocuments.creditNote()
        credit.dueDate = CalendarDate("2026-12-31")
        credit.paymentMeans = nil
        #expect(DocumentValidator.problems(in: credit, syntax: .ubl).contains { $0.rule == "SDK-UBL-CREDIT-NOTE-DUE-DATE" })
        #expect(!DocumentValidator.problems(in: credit, syntax: .cii).contains { $0.rule == "SDK-UBL-CREDIT-NOTE-DUE-DATE" })
        var noIBAN = SampleDocuments.twoRatesInvoice()
        noIBAN.paymentMeans = DocumentPaymentMeans(code: "42", accountName: "Atelier", bic: "AGRIFRPPXXX")
        #expect(DocumentValidator.problems(in: noIBAN).contains { $0.rule == "BR-50" })
    }

    @Test("official rule ids mean what the standard says")
    func officialIDs() {
        var document = SampleDocuments.twoRatesInvoice()
        document.lines[1].id = document.lines[0].id
        let problems = DocumentValidator.problems(in: document)
        #expect(problems.contains { $0.rule == "SDK-LINE-ID-UNIQUE" })
        #expect(!problems.contains { $0.rule == "BR-21" })
        var decimals = SampleDocuments.twoRatesInvoice()
        var stated = DocumentTotals.compute(decimals)
        stated.lineTotal = stated.lineTotal + "0.001"
        decimals.givenTotals = stated
        let rules = DocumentValidator.problems(in: decimals).map(\.rule)
        #expect(rules.contains("BR-DEC-09") && !rules.contains("BR-DEC-106"))
    }
}

@Suite("Invoice documents: Factur-X BASIC leaves out what it cannot carry, and says so")
struct BasicProfileTests {
    @Test("terms BASIC cannot carry are listed and not written")
    func droppedTerms() {
        var document = DocumentTermsTests.fullDocument()
        document.projectReference = "PROJ-1"
        document.lines[0].attributes = [ItemAttribute(name: "Couleur", value: "Rouge")]
        document.lines[0].allowances = [DocumentAllowanceCharge(amount: 5, reason: "Remise", percentage: 10, baseAmount: 50)]
        let dropped = Set(CIIWriter.droppedTerms(in: document, profile: .facturXBasic).map(\.field))
        #expect(dropped.isSuperset(of: ["BT-11", "BG-25[0]/BG-32", "BG-25[0]/BG-27", "BT-85"]))
        #expect(CIIWriter.droppedTerms(in: document, profile: .en16931).isEmpty)
        let basic = CIIWriter.xml(document, profile: .facturXBasic)
        for absent in ["SpecifiedProcuringProject", "ApplicableProductCharacteristic", "<ram:AccountName>", "<ram:CalculationPercent>10<"] {
            #expect(!basic.contains(absent), "BASIC holds \(absent)")
        }
        #expect(CIIWriter.xml(document).contains("SpecifiedProcuringProject"))
    }
}
