import Foundation

/// A VAT rate as the platform takes it: one of its codes (`TVA5`, from `recuperer/tauxtva`) or a percentage.
public enum VATRateValue: Sendable, Hashable, CustomStringConvertible {
    /// A platform code (`lignePosteTauxTva`, `ligneTvaTaux`).
    case code(String)
    /// A percentage such as `20` or `5.5` (`lignePosteTauxTvaManuel`, `ligneTvaTauxManuel`).
    case percentage(Amount)

    /// `TVA5` or `20 %`.
    public var description: String {
        switch self {
        case .code(let code): code
        case .percentage(let value): "\(value) %"
        }
    }
}

/// One line of a structured invoice (`lignePoste[]`).
public struct InvoiceLine: Sendable, Hashable {
    /// Reference (`lignePosteReference`).
    public var reference: String?
    /// Designation (`lignePosteDenomination`).
    public var designation: String
    /// Quantity (`lignePosteQuantite`), > 0, up to 6 decimals.
    public var quantity: Amount
    /// Unit (`lignePosteUnite`), free text such as `lot`, `heure`, `Kg`.
    public var unit: String?
    /// Unit price excluding tax (`lignePosteMontantUnitaireHT`), ≥ 0, up to 6 decimals.
    public var unitPrice: Amount
    /// Discount on the line, excluding tax (`lignePosteMontantRemiseHT`).
    public var discount: Amount?
    /// VAT rate (`lignePosteTauxTva` or `lignePosteTauxTvaManuel`).
    public var vatRate: VATRateValue

    /// Creates a line.
    public init(reference: String? = nil, designation: String, quantity: Amount, unit: String? = nil, unitPrice: Amount,
                discount: Amount? = nil, vatRate: VATRateValue) {
        self.reference = reference
        self.designation = designation
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.discount = discount
        self.vatRate = vatRate
    }
}

/// One line of the VAT breakdown (`ligneTva[]`): a rate, its base and its VAT.
public struct VATBreakdownLine: Sendable, Hashable {
    /// The rate.
    public var rate: VATRateValue
    /// Taxable base (`ligneTvaMontantBaseHtParTaux`).
    public var base: Amount
    /// VAT at this rate (`ligneTvaMontantTvaParTaux`).
    public var vat: Amount

    /// Creates a breakdown line.
    public init(rate: VATRateValue, base: Amount, vat: Amount) {
        self.rate = rate
        self.base = base
        self.vat = vat
    }
}

/// The invoice totals (`montantTotal`).
public struct InvoiceTotals: Sendable, Hashable {
    /// Total excluding tax (`montantHtTotal`).
    public var excludingTax: Amount
    /// Total VAT (`montantTVA`).
    public var vat: Amount
    /// Total including tax (`montantTtcTotal`).
    public var includingTax: Amount
    /// Global discount including tax (`montantRemiseGlobaleTTC`).
    public var globalDiscount: Amount
    /// Amount to pay (`montantAPayer`).
    public var amountToPay: Amount

    /// Creates totals.
    public init(excludingTax: Amount, vat: Amount, includingTax: Amount, globalDiscount: Amount = .zero, amountToPay: Amount) {
        self.excludingTax = excludingTax
        self.vat = vat
        self.includingTax = includingTax
        self.globalDiscount = globalDiscount
        self.amountToPay = amountToPay
    }
}

/// An attachment already on the platform (`pieceJointeComplementaire[]`), from ``InvoiceService/addAttachment(_:fileName:mimeType:)``.
public struct AttachmentReference: Sendable, Hashable {
    /// Id (`pieceJointeComplementaireId` / `pieceJointePrincipaleId`).
    public var id: Int
    /// Designation shown to the recipient (≤ 100 characters).
    public var designation: String
    /// Type code (`pieceJointeComplementaireType`), from `recuperer/typespj`, when needed.
    public var type: String?

    /// Creates a reference.
    public init(id: Int, designation: String, type: String? = nil) {
        self.id = id
        self.designation = designation
        self.type = type
    }
}

/// Everything the submission form holds (`soumettre`, §5.10), in English names; each property's doc
/// names its wire field.
///
/// - Structured (`SAISIE_API`): give ``lines``; the platform numbers the invoice. The VAT breakdown and
///   totals are computed by the SDK from the lines unless you give them, in which case they are checked.
/// - PDF (`DEPOT_PDF_API`, `DEPOT_PDF_SIGNE_API`): give ``invoiceNumber``, ``invoiceDate``,
///   ``mainAttachment`` (from ``InvoiceService/uploadPDF(_:fileName:format:)``) and ``totals``
///   (the VAT breakdown is optional).
public struct InvoiceSubmission: Sendable, Hashable {
    /// How it is submitted (`modeDepot`).
    public var mode: DepositMode
    /// The invoice number (`numeroFactureSaisi`), required for PDF modes: ≤ 20 letters, digits, `- _ / +`.
    public var invoiceNumber: String?
    /// The invoice date (`dateFacture`), not in the future.
    public var invoiceDate: CalendarDate?
    /// Recipient SIRET (`destinataire.codeDestinataire`).
    public var recipientSIRET: String
    /// Recipient service code (`destinataire.codeServiceExecutant`).
    public var serviceCode: String?
    /// Whether the recipient is the French State; then a commitment number is checked against the State's
    /// commitments (only those are searchable). A routing hint; not sent.
    public var recipientIsState: Bool
    /// Supplier structure id (`fournisseur.idFournisseur`, its `idStructureCPP`).
    public var supplierID: Int
    /// Supplier service id (`fournisseur.idServiceFournisseur`).
    public var supplierServiceID: Int?
    /// Bank account id (`fournisseur.codeCoordonneesBancairesFournisseur`), required for a transfer.
    public var bankAccountID: Int?
    /// Invoicing framework (`cadreDeFacturation.codeCadreFacturation`).
    public var framework: InvoicingFramework
    /// Validator structure SIRET (`cadreDeFacturation.codeStructureValideur`), required for A9 and A12.
    public var validatorSIRET: String?
    /// Validator service (`cadreDeFacturation.codeServiceValideur`).
    public var validatorServiceCode: String?
    /// Currency, ISO 4217 (`references.deviseFacture`).
    public var currency: String
    /// Invoice or credit note (`references.typeFacture`).
    public var type: InvoiceType
    /// The invoice a credit note corrects (`references.numeroFactureOrigine`), required for a credit note.
    public var originalInvoiceNumber: String?
    /// VAT regime (`references.typeTva`).
    public var vatRegime: VATRegime
    /// Exemption reason code (`references.motifExonerationTva`), required when exempt.
    public var vatExemptionReason: String?
    /// Contract number (`references.numeroMarche`).
    public var contractNumber: String?
    /// Purchase order / commitment number (`references.numeroBonCommande`), ≤ 50 characters.
    public var commitmentNumber: String?
    /// Payment mode (`references.modePaiement`).
    public var paymentMode: PaymentMode?
    /// Lines (`lignePoste`), at least one in `SAISIE_API`.
    public var lines: [InvoiceLine]
    /// VAT breakdown (`ligneTva`); computed from the lines when `nil`.
    public var vatBreakdown: [VATBreakdownLine]?
    /// Totals (`montantTotal`); computed from the lines when `nil` (structured mode only).
    public var totals: InvoiceTotals?
    /// Global discount including tax, used when the SDK computes the totals (`montantRemiseGlobaleTTC`).
    public var globalDiscount: Amount
    /// Reason of the global discount (`montantTotal.motifRemiseGlobaleTTC`).
    public var globalDiscountReason: String?
    /// Amount already paid, for `A2_FACTURE_FOURNISSEUR_DEJA_PAYEE`: the amount to pay is reduced by it.
    public var amountAlreadyPaid: Amount
    /// Main attachment (`pieceJointePrincipale[0]`), the PDF in PDF modes.
    public var mainAttachment: AttachmentReference?
    /// Extra attachments (`pieceJointeComplementaire`).
    public var extraAttachments: [AttachmentReference]
    /// Comment (`commentaire`).
    public var comment: String?
    /// The caller's own key for this invoice (a business id such as `"2026-11/fee/26300001"`), which the submission
    /// journal knows it by: a second ``InvoiceService/submit(_:)`` with the same key returns the first one's invoice
    /// instead of sending, even when the content changed — and the journal then refuses it with `invalidInput` (field
    /// `idempotencyKey`). Not sent to the platform. `nil` (the default): the key is the SHA-256 of the `soumettre` body
    /// with the attachments' ids left out, so uploading the same PDF again after a restart keeps the key.
    public var idempotencyKey: String? = nil

    /// Creates a submission; see the type's documentation for what each mode needs.
    public init(mode: DepositMode, invoiceNumber: String? = nil, invoiceDate: CalendarDate? = nil, recipientSIRET: String,
                serviceCode: String? = nil, recipientIsState: Bool = false, supplierID: Int, supplierServiceID: Int? = nil,
                bankAccountID: Int? = nil, framework: InvoicingFramework = .supplierInvoice, validatorSIRET: String? = nil,
                validatorServiceCode: String? = nil, currency: String = "EUR", type: InvoiceType = .invoice,
                originalInvoiceNumber: String? = nil, vatRegime: VATRegime = .onDebits, vatExemptionReason: String? = nil,
                contractNumber: String? = nil, commitmentNumber: String? = nil, paymentMode: PaymentMode? = .transfer,
                lines: [InvoiceLine] = [], vatBreakdown: [VATBreakdownLine]? = nil, totals: InvoiceTotals? = nil,
                globalDiscount: Amount = .zero, globalDiscountReason: String? = nil, amountAlreadyPaid: Amount = .zero,
                mainAttachment: AttachmentReference? = nil, extraAttachments: [AttachmentReference] = [], comment: String? = nil) {
        self.mode = mode
        self.invoiceNumber = invoiceNumber
        self.invoiceDate = invoiceDate
        self.recipientSIRET = recipientSIRET
        self.serviceCode = serviceCode
        self.recipientIsState = recipientIsState
        self.supplierID = supplierID
        self.supplierServiceID = supplierServiceID
        self.bankAccountID = bankAccountID
        self.framework = framework
        self.validatorSIRET = validatorSIRET
        self.validatorServiceCode = validatorServiceCode
        self.currency = currency
        self.type = type
        self.originalInvoiceNumber = originalInvoiceNumber
        self.vatRegime = vatRegime
        self.vatExemptionReason = vatExemptionReason
        self.contractNumber = contractNumber
        self.commitmentNumber = commitmentNumber
        self.paymentMode = paymentMode
        self.lines = lines
        self.vatBreakdown = vatBreakdown
        self.totals = totals
        self.globalDiscount = globalDiscount
        self.globalDiscountReason = globalDiscountReason
        self.amountAlreadyPaid = amountAlreadyPaid
        self.mainAttachment = mainAttachment
        self.extraAttachments = extraAttachments
        self.comment = comment
    }
}
