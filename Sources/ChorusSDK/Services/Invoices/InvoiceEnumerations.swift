/// How an invoice is submitted (`modeDepot`). Open: searches return portal and EDI values too.
public struct DepositMode: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a mode.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `SAISIE_API`: all data as JSON; the platform numbers the invoice and makes its PDF.
    public static let structured = DepositMode(rawValue: "SAISIE_API")
    /// `DEPOT_PDF_API`: data plus the supplier's PDF as main attachment.
    public static let pdf = DepositMode(rawValue: "DEPOT_PDF_API")
    /// `DEPOT_PDF_SIGNE_API`: the same with a signed PDF.
    public static let signedPDF = DepositMode(rawValue: "DEPOT_PDF_SIGNE_API")

    /// Whether the invoice carries its own number and a main PDF.
    public var carriesPDF: Bool { self == .pdf || self == .signedPDF }
}

/// Invoice or credit note (`typeFacture`).
public struct InvoiceType: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a type.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `FACTURE`.
    public static let invoice = InvoiceType(rawValue: "FACTURE")
    /// `AVOIR`: a credit note (amounts stay positive; the type carries the sign).
    public static let creditNote = InvoiceType(rawValue: "AVOIR")
}

/// The VAT regime (`typeTva`).
public struct VATRegime: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a regime.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `TVA_SUR_DEBIT`: VAT on debits.
    public static let onDebits = VATRegime(rawValue: "TVA_SUR_DEBIT")
    /// `TVA_SUR_ENCAISSEMENT`: VAT on collections (payments received).
    public static let onCollections = VATRegime(rawValue: "TVA_SUR_ENCAISSEMENT")
    /// `EXONERATION`: exempt, with a reason.
    public static let exempt = VATRegime(rawValue: "EXONERATION")
    /// `SANS_TVA`: without VAT.
    public static let withoutVAT = VATRegime(rawValue: "SANS_TVA")
}

/// An invoice's status (`statut`, `statutFacture`, `statutCourantCode`, `histoStatutCode`, §6.3). Open.
public struct InvoiceStatus: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a status.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `DEPOSEE`: accepted by Chorus Pro.
    public static let deposited = InvoiceStatus(rawValue: "DEPOSEE")
    /// `EN_COURS_ACHEMINEMENT`: being routed.
    public static let routing = InvoiceStatus(rawValue: "EN_COURS_ACHEMINEMENT")
    /// `MISE_A_DISPOSITION`: available to the recipient.
    public static let madeAvailable = InvoiceStatus(rawValue: "MISE_A_DISPOSITION")
    /// `PRISE_EN_COMPTE_DESTINATAIRE`: acknowledged.
    public static let acknowledged = InvoiceStatus(rawValue: "PRISE_EN_COMPTE_DESTINATAIRE")
    /// `SUSPENDUE`: the recipient needs information; answer with `complete`.
    public static let suspended = InvoiceStatus(rawValue: "SUSPENDUE")
    /// `COMPLETEE`: the supplier answered a suspension.
    public static let completed = InvoiceStatus(rawValue: "COMPLETEE")
    /// `A_RECYCLER`: routing data wrong; fix it with `recycle`.
    public static let toRecycle = InvoiceStatus(rawValue: "A_RECYCLER")
    /// `REJETEE`: refused (final).
    public static let rejected = InvoiceStatus(rawValue: "REJETEE")
    /// `SERVICE_FAIT`: service confirmed.
    public static let serviceDone = InvoiceStatus(rawValue: "SERVICE_FAIT")
    /// `MANDATEE`: payment order issued.
    public static let mandated = InvoiceStatus(rawValue: "MANDATEE")
    /// `MISE_EN_PAIEMENT`: payment initiated (final for the supplier).
    public static let paymentInitiated = InvoiceStatus(rawValue: "MISE_EN_PAIEMENT")
    /// `COMPTABILISEE`: booked.
    public static let booked = InvoiceStatus(rawValue: "COMPTABILISEE")
    /// `INTERPRETEE_OCR`: read from a PDF, not yet submitted.
    public static let readFromPDF = InvoiceStatus(rawValue: "INTERPRETEE_OCR")
    /// `MISE_A_DISPOSITION_COMPTABLE`: handed to accounting.
    public static let madeAvailableForAccounting = InvoiceStatus(rawValue: "MISE_A_DISPOSITION_COMPTABLE")
    /// `A_VALIDER_1`: waiting for the first validator (A9 subcontractor, A12 co-contractor invoices).
    public static let awaitingFirstValidation = InvoiceStatus(rawValue: "A_VALIDER_1")
    /// `VALIDEE_1`: validated by the first validator.
    public static let firstValidated = InvoiceStatus(rawValue: "VALIDEE_1")
    /// `REFUSEE_1`: refused by the first validator.
    public static let firstRefused = InvoiceStatus(rawValue: "REFUSEE_1")
    /// `A_VALIDER_2`: waiting for the second validator.
    public static let awaitingSecondValidation = InvoiceStatus(rawValue: "A_VALIDER_2")
    /// `VALIDEE_2`: validated by the second validator.
    public static let secondValidated = InvoiceStatus(rawValue: "VALIDEE_2")
    /// `REFUSEE_2`: refused by the second validator.
    public static let secondRefused = InvoiceStatus(rawValue: "REFUSEE_2")
    /// `ERREUR_FOURNISSEUR_SUR_VALIDEUR`: the supplier named the wrong validator; fix it with
    /// ``InvoiceService/correctValidator(invoiceID:validatorIdentifier:identifierType:validatorStructureID:)``.
    public static let wrongValidator = InvoiceStatus(rawValue: "ERREUR_FOURNISSEUR_SUR_VALIDEUR")
    /// `A_VALIDER_MOE`: a works invoice waiting for the project manager.
    public static let awaitingProjectManager = InvoiceStatus(rawValue: "A_VALIDER_MOE")
    /// `PRISE_EN_COMPTE_MOE`: taken up by the project manager.
    public static let takenUpByProjectManager = InvoiceStatus(rawValue: "PRISE_EN_COMPTE_MOE")
    /// `MISE_A_DISPOSITION_MOA`: a works invoice handed to the owner.
    public static let madeAvailableToOwner = InvoiceStatus(rawValue: "MISE_A_DISPOSITION_MOA")
    /// `PRISE_EN_COMPTE_MOA`: taken up by the owner.
    public static let takenUpByOwner = InvoiceStatus(rawValue: "PRISE_EN_COMPTE_MOA")
    /// `REFUSEE_MOE`: refused by the project manager.
    public static let refusedByProjectManager = InvoiceStatus(rawValue: "REFUSEE_MOE")
    /// `REFUSEE_MOA`: refused by the owner.
    public static let refusedByOwner = InvoiceStatus(rawValue: "REFUSEE_MOA")

    /// Whether nothing more will happen for the supplier (`REJETEE`, `MISE_EN_PAIEMENT`, or a validator's refusal).
    public var isFinal: Bool { [.rejected, .paymentInitiated, .firstRefused, .secondRefused, .refusedByProjectManager, .refusedByOwner].contains(self) }
    /// Whether the supplier must act (`SUSPENDUE`, `A_RECYCLER`).
    public var needsSupplierAction: Bool { self == .suspended || self == .toRecycle }
}

/// A flux's processing state (`etatCourantDepotFlux`, `etatCourantFlux`, §6.4). Open.
public struct FluxState: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a state.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `IN_RECU`.
    public static let received = FluxState(rawValue: "IN_RECU")
    /// `IN_EN_ATTENTE_TRAITEMENT_CPP`.
    public static let queued = FluxState(rawValue: "IN_EN_ATTENTE_TRAITEMENT_CPP")
    /// `IN_EN_COURS_TRAITEMENT_CPP`.
    public static let processing = FluxState(rawValue: "IN_EN_COURS_TRAITEMENT_CPP")
    /// `IN_INTEGRE`: every invoice integrated.
    public static let integrated = FluxState(rawValue: "IN_INTEGRE")
    /// `IN_INTEGRE_PARTIEL`: some invoices rejected.
    public static let partlyIntegrated = FluxState(rawValue: "IN_INTEGRE_PARTIEL")
    /// `IN_REJETE`: everything rejected.
    public static let rejected = FluxState(rawValue: "IN_REJETE")
    /// `IN_INCIDENTE`: not processed; the whole flux must be sent again.
    public static let incident = FluxState(rawValue: "IN_INCIDENTE")

    /// Whether the flux will not change any more.
    public var isFinal: Bool { [.integrated, .partlyIntegrated, .rejected, .incident].contains(self) }
}

/// The format of a signed or unsigned PDF upload (`formatDepot`).
public struct PDFDepositFormat: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a format.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `PDF_NON_SIGNE`.
    public static let unsigned = PDFDepositFormat(rawValue: "PDF_NON_SIGNE")
    /// `PDF_SIGNE_PADES`.
    public static let signedPAdES = PDFDepositFormat(rawValue: "PDF_SIGNE_PADES")
    /// `PDF_SIGNE_XADES`.
    public static let signedXAdES = PDFDepositFormat(rawValue: "PDF_SIGNE_XADES")
}
