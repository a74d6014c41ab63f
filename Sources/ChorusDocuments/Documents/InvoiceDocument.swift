import ChorusCore

/// An EN 16931 invoice or credit note, named after its business terms (BT/BG), written as CII or UBL by
/// ``CIIWriter`` and ``UBLWriter`` and checked by ``DocumentValidator``.
///
/// Totals are not stored: ``DocumentTotals/compute(_:)`` derives BT-106…BT-115 and the VAT breakdown (BG-23)
/// from the lines, allowances and charges. ``givenTotals`` lets a caller state what they expect; the validator
/// compares them, never replaces them.
public struct InvoiceDocument: Sendable, Hashable {
    /// Invoice (`380`) or credit note (`381`) — BT-3.
    public var typeCode: DocumentTypeCode
    /// Invoice number — BT-1 (≤ 20 characters for Chorus Pro).
    public var number: String
    /// Issue date — BT-2.
    public var issueDate: CalendarDate
    /// Payment due date — BT-9.
    public var dueDate: CalendarDate?
    /// Currency, ISO 4217 — BT-5.
    public var currency: String
    /// Business process — BT-23 (Chorus Pro reads the invoicing framework here for Factur-X: `A1`…).
    public var businessProcess: String?
    /// Buyer reference — BT-10: the recipient's service code for Chorus Pro.
    public var buyerReference: String?
    /// Purchase order reference — BT-13: the commitment number (engagement juridique) for Chorus Pro.
    public var purchaseOrderReference: String?
    /// Contract reference — BT-12.
    public var contractReference: String?
    /// Notes — BG-1 (BT-22), with an optional subject code (BT-21: `PMT`, `PMD`, `AAB`…).
    public var notes: [DocumentNote]
    /// The invoices this one refers to — BG-3 (BT-25, BT-26), several allowed.
    public var precedingInvoices: [PrecedingInvoice]
    /// The first preceding invoice — the one a credit note corrects (BG-3); setting it replaces the first.
    public var precedingInvoice: PrecedingInvoice? {
        get { precedingInvoices.first }
        set {
            if !precedingInvoices.isEmpty { precedingInvoices.removeFirst() }
            if let newValue { precedingInvoices.insert(newValue, at: 0) }
        }
    }
    /// Seller — BG-4.
    public var seller: DocumentParty
    /// Buyer — BG-7.
    public var buyer: DocumentParty
    /// Payee, when not the seller — BG-10 (name, identifier and legal registration only, as EN 16931 has it).
    public var payee: DocumentPayee?
    /// Lines — BG-25 (at least one).
    public var lines: [DocumentLine]
    /// Document-level allowances — BG-20.
    public var allowances: [DocumentAllowanceCharge]
    /// Document-level charges — BG-21.
    public var charges: [DocumentAllowanceCharge]
    /// Payment instructions — BG-16.
    public var paymentMeans: DocumentPaymentMeans?
    /// Payment terms — BT-20.
    public var paymentTerms: String?
    /// VAT point date code — BT-8: `5` invoice date (VAT on debits), `72` payment date (VAT on collections).
    public var vatPointDateCode: String?
    /// Amount already paid — BT-113.
    public var prepaidAmount: Amount
    /// Totals the caller expects, compared with the computed ones by ``DocumentValidator``.
    public var givenTotals: DocumentTotals?
    /// Actual delivery date — BT-72 (an intra-community supply, category K, needs it or an invoicing period).
    public var actualDeliveryDate: CalendarDate?
    /// Invoicing period — BG-14 (BT-73, BT-74).
    public var invoicingPeriod: DocumentPeriod?
    /// Where the goods or services go — BG-13 (BT-70 name, BG-15 address; K needs its country, BT-80).
    public var deliverTo: DocumentDelivery?
    /// The VAT exemption reason text (BT-120) and code (BT-121, VATEX) per category, for E, AE, K, G and O. A
    /// category without an entry gets a default French text.
    public var vatExemptions: [VATCategory: VATExemption]
    /// Project reference — BT-11.
    public var projectReference: String?
    /// Receiving advice reference — BT-15.
    public var receivingAdviceReference: String?
    /// Despatch advice reference — BT-16.
    public var despatchAdviceReference: String?
    /// Tender or lot reference — BT-17.
    public var tenderOrLotReference: String?
    /// Invoiced object identifier — BT-18, with its scheme (BT-18-1, UNTDID 1153).
    public var invoicedObject: SchemedIdentifier?
    /// Buyer accounting reference — BT-19.
    public var buyerAccountingReference: String?
    /// Additional supporting documents — BG-24.
    public var supportingDocuments: [SupportingDocument] = []
    /// Seller tax representative — BG-11.
    public var taxRepresentative: TaxRepresentative?

    /// Creates a document.
    public init(typeCode: DocumentTypeCode = .invoice, number: String, issueDate: CalendarDate, dueDate: CalendarDate? = nil,
                currency: String = "EUR", businessProcess: String? = nil, buyerReference: String? = nil,
                purchaseOrderReference: String? = nil, contractReference: String? = nil, notes: [DocumentNote] = [],
                precedingInvoice: PrecedingInvoice? = nil, seller: DocumentParty, buyer: DocumentParty, payee: DocumentPayee? = nil,
                lines: [DocumentLine], allowances: [DocumentAllowanceCharge] = [], charges: [DocumentAllowanceCharge] = [],
                paymentMeans: DocumentPaymentMeans? = nil, paymentTerms: String? = nil, vatPointDateCode: String? = nil,
                prepaidAmount: Amount = .zero, givenTotals: DocumentTotals? = nil, actualDeliveryDate: CalendarDate? = nil,
                invoicingPeriod: DocumentPeriod? = nil, deliverTo: DocumentDelivery? = nil,
                vatExemptions: [VATCategory: VATExemption] = [:]) {
        self.actualDeliveryDate = actualDeliveryDate
        self.invoicingPeriod = invoicingPeriod
        self.deliverTo = deliverTo
        self.vatExemptions = vatExemptions
        self.typeCode = typeCode
        self.number = number
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.currency = currency
        self.businessProcess = businessProcess
        self.buyerReference = buyerReference
        self.purchaseOrderReference = purchaseOrderReference
        self.contractReference = contractReference
        self.notes = notes
        self.precedingInvoices = precedingInvoice.map { [$0] } ?? []
        self.seller = seller
        self.buyer = buyer
        self.payee = payee
        self.lines = lines
        self.allowances = allowances
        self.charges = charges
        self.paymentMeans = paymentMeans
        self.paymentTerms = paymentTerms
        self.vatPointDateCode = vatPointDateCode
        self.prepaidAmount = prepaidAmount
        self.givenTotals = givenTotals
    }

    /// Whether this is a credit note.
    public var isCreditNote: Bool { typeCode == .creditNote }
}

/// The document type — BT-3 (UNTDID 1001). Open.
public struct DocumentTypeCode: OpenEnumeration {
    /// The code.
    public let rawValue: String
    /// Creates a code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `380` commercial invoice.
    public static let invoice = DocumentTypeCode(rawValue: "380")
    /// `381` credit note (positive amounts; Chorus Pro requires this form).
    public static let creditNote = DocumentTypeCode(rawValue: "381")
    /// `384` corrected invoice.
    public static let correctedInvoice = DocumentTypeCode(rawValue: "384")
}

/// A VAT category — BT-118 / BT-151 (UNCL5305). Open.
public struct VATCategory: OpenEnumeration {
    /// The code.
    public let rawValue: String
    /// Creates a category.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `S` standard rate.
    public static let standard = VATCategory(rawValue: "S")
    /// `Z` zero rated.
    public static let zeroRated = VATCategory(rawValue: "Z")
    /// `E` exempt (needs an exemption reason).
    public static let exempt = VATCategory(rawValue: "E")
    /// `AE` reverse charge (needs an exemption reason).
    public static let reverseCharge = VATCategory(rawValue: "AE")
    /// `K` intra-community supply.
    public static let intraCommunity = VATCategory(rawValue: "K")
    /// `G` export outside the EU.
    public static let export = VATCategory(rawValue: "G")
    /// `O` outside the scope of VAT.
    public static let outsideScope = VATCategory(rawValue: "O")

    /// Whether the category needs an exemption reason text or code (BT-120 / BT-121).
    public var needsExemptionReason: Bool { [.exempt, .reverseCharge, .intraCommunity, .export, .outsideScope].contains(self) }
}

/// A note — BG-1.
public struct DocumentNote: Sendable, Hashable {
    /// Subject code — BT-21.
    public var subjectCode: String?
    /// Text — BT-22.
    public var text: String
    /// Creates a note.
    public init(subjectCode: String? = nil, text: String) {
        self.subjectCode = subjectCode
        self.text = text
    }
}

/// The invoice a credit note corrects — BG-3.
public struct PrecedingInvoice: Sendable, Hashable {
    /// Its number — BT-25.
    public var number: String
    /// Its date — BT-26.
    public var issueDate: CalendarDate?
    /// Creates a reference.
    public init(number: String, issueDate: CalendarDate? = nil) {
        self.number = number
        self.issueDate = issueDate
    }
}

/// A line — BG-25.
public struct DocumentLine: Sendable, Hashable {
    /// Line id — BT-126.
    public var id: String
    /// Item name — BT-153.
    public var name: String
    /// Item description — BT-154.
    public var itemDescription: String?
    /// Seller's item id — BT-155.
    public var sellerItemID: String?
    /// Quantity — BT-129 (negative only in exceptional invoices).
    public var quantity: Amount
    /// Unit of measure, UN/ECE Rec 20 — BT-130 (`C62` unit, `HUR` hour, `DAY`, `KGM`…).
    public var unitCode: String
    /// Net price — BT-146 (≥ 0).
    public var netPrice: Amount
    /// Gross price — BT-148, only together with its discount ``priceDiscount``.
    public var grossPrice: Amount?
    /// Price discount — BT-147.
    public var priceDiscount: Amount?
    /// Base quantity of the price — BT-149.
    public var baseQuantity: Amount?
    /// VAT category — BT-151.
    public var vatCategory: VATCategory
    /// VAT rate in percent — BT-152.
    public var vatRate: Amount?
    /// Line allowances — BG-27 (their VAT is the line's: category and rate are ignored here).
    public var allowances: [DocumentAllowanceCharge]
    /// Line charges — BG-28 (their VAT is the line's).
    public var charges: [DocumentAllowanceCharge]
    /// Line invoicing period — BG-26.
    public var period: DocumentPeriod?
    /// Line note — BT-127.
    public var note: String?
    /// Line object identifier — BT-128, with its scheme.
    public var objectIdentifier: SchemedIdentifier?
    /// Referenced purchase order line — BT-132.
    public var orderLineReference: String?
    /// Buyer accounting reference of the line — BT-133.
    public var buyerAccountingReference: String?
    /// Buyer's item identifier — BT-156.
    public var buyerItemID: String?
    /// Standard item identifier — BT-157, with its scheme (ISO 6523 ICD, e.g. `0160` for a GTIN).
    public var standardItemID: SchemedIdentifier?
    /// Item classifications — BT-158, each with its list (UNTDID 7143, e.g. `STI`, `CV`).
    public var classifications: [SchemedIdentifier] = []
    /// Item country of origin — BT-159 (ISO 3166-1 alpha-2).
    public var originCountry: String?
    /// Item attributes — BG-32 (BT-160, BT-161).
    public var attributes: [ItemAttribute] = []
    /// Creates a line.
    public init(id: String, name: String, itemDescription: String? = nil, sellerItemID: String? = nil, quantity: Amount,
                unitCode: String = "C62", netPrice: Amount, grossPrice: Amount? = nil, priceDiscount: Amount? = nil,
                baseQuantity: Amount? = nil, vatCategory: VATCategory = .standard, vatRate: Amount? = nil,
                allowances: [DocumentAllowanceCharge] = [], charges: [DocumentAllowanceCharge] = [], period: DocumentPeriod? = nil) {
        self.allowances = allowances
        self.charges = charges
        self.period = period
        self.id = id
        self.name = name
        self.itemDescription = itemDescription
        self.sellerItemID = sellerItemID
        self.quantity = quantity
        self.unitCode = unitCode
        self.netPrice = netPrice
        self.grossPrice = grossPrice
        self.priceDiscount = priceDiscount
        self.baseQuantity = baseQuantity
        self.vatCategory = vatCategory
        self.vatRate = vatRate
    }
}

/// A document-level allowance or charge — BG-20 / BG-21.
public struct DocumentAllowanceCharge: Sendable, Hashable {
    /// Amount — BT-92 / BT-99.
    public var amount: Amount
    /// Reason — BT-97 / BT-104.
    public var reason: String?
    /// Reason code — BT-98 (UNTDID 5189) / BT-105 (UNTDID 7161).
    public var reasonCode: String?
    /// VAT category — BT-95 / BT-102.
    public var vatCategory: VATCategory
    /// VAT rate — BT-96 / BT-103.
    public var vatRate: Amount?
    /// Percentage — BT-94 / BT-101 (BT-138 / BT-143 on a line): `amount` is `baseAmount × percentage ÷ 100`.
    public var percentage: Amount?
    /// Base amount — BT-93 / BT-100 (BT-137 / BT-142 on a line).
    public var baseAmount: Amount?
    /// Creates an allowance or charge.
    public init(amount: Amount, reason: String? = nil, reasonCode: String? = nil, vatCategory: VATCategory = .standard,
                vatRate: Amount? = nil, percentage: Amount? = nil, baseAmount: Amount? = nil) {
        self.percentage = percentage
        self.baseAmount = baseAmount
        self.amount = amount
        self.reason = reason
        self.reasonCode = reasonCode
        self.vatCategory = vatCategory
        self.vatRate = vatRate
    }
}

/// Payment instructions — BG-16.
public struct DocumentPaymentMeans: Sendable, Hashable {
    /// Code, UNTDID 4461 — BT-81 (`30` transfer — the only transfer code Chorus Pro accepts —, `49` direct debit…).
    public var code: String
    /// Remittance information — BT-83.
    public var remittanceInformation: String?
    /// IBAN — BT-84.
    public var iban: String?
    /// Account name — BT-85.
    public var accountName: String?
    /// BIC — BT-86.
    public var bic: String?
    /// Creates payment means.
    public init(code: String, remittanceInformation: String? = nil, iban: String? = nil, accountName: String? = nil, bic: String? = nil) {
        self.code = code
        self.remittanceInformation = remittanceInformation
        self.iban = iban
        self.accountName = accountName
        self.bic = bic
    }
    /// A credit transfer (`30`) to an IBAN.
    public static func transfer(iban: String, bic: String? = nil, accountName: String? = nil) -> DocumentPaymentMeans {
        DocumentPaymentMeans(code: "30", iban: iban, accountName: accountName, bic: bic)
    }
}
