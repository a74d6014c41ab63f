import Foundation

// The fields of `InvoiceDetails` and of its blocks are generated from Sources/ChorusSDK/Models/InvoiceDetails.models
// (InvoiceDetails+Fields.swift, InvoiceParties+Fields.swift, InvoiceLines+Fields.swift); what follows is read from them.

extension InvoiceDetails {
    /// The number of lines: the block's total when given, else the lines read.
    public var lineCount: Int { linePaging.total ?? lines.count }
    /// The recipient's SIRET (`destinataire.codeDestinataire`).
    public var recipientSIRET: String? { recipient?.code }
    /// The recipient's name.
    public var recipientName: String? { recipient?.name }
    /// The recipient's service code.
    public var serviceCode: String? { recipient?.serviceCode }
    /// Whether the recipient is a State body (`destinataireEtat`).
    public var recipientIsState: Bool? { recipient?.isState }
    /// The currency (`references.codeDeviseFacture`).
    public var currency: String? { references?.currency }
    /// `references.typeFacture`.
    public var type: InvoiceType? { references?.type }
    /// `references.typeTva`.
    public var vatRegime: VATRegime? { references?.vatRegime }
    /// `references.modePaiement`.
    public var paymentMode: PaymentMode? { references?.paymentMode }
    /// `references.numeroBonCommande`.
    public var commitmentNumber: String? { references?.commitmentNumber }
    /// `references.dateFacture`.
    public var invoiceDate: CalendarDate? { references?.invoiceDate }
}
