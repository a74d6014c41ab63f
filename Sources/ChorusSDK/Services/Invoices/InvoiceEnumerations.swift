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
    /// `SAISIE_WEB` (seen in searches; only the three API modes are submitted).
    public static let webEntry = DepositMode(rawValue: "SAISIE_WEB")
    /// `PORTAIL_PDF` (seen in searches; only the three API modes are submitted).
    public static let portalPDF = DepositMode(rawValue: "PORTAIL_PDF")
    /// `EDI_XML_STRUCT` (seen in searches; only the three API modes are submitted).
    public static let ediStructured = DepositMode(rawValue: "EDI_XML_STRUCT")
    /// `EDI_MIXTE` (seen in searches; only the three API modes are submitted).
    public static let ediMixed = DepositMode(rawValue: "EDI_MIXTE")
    /// `EDI_PDF_ARCHIVE` (seen in searches; only the three API modes are submitted).
    public static let ediPDFArchive = DepositMode(rawValue: "EDI_PDF_ARCHIVE")
    /// `SAISIE_PORTAIL` (seen in searches; only the three API modes are submitted).
    public static let portalEntry = DepositMode(rawValue: "SAISIE_PORTAIL")
    /// `DEPOT_PDF_PORTAIL` (seen in searches; only the three API modes are submitted).
    public static let portalPDFUpload = DepositMode(rawValue: "DEPOT_PDF_PORTAIL")
    /// `DEPOT_PDF_SIGNE_PORTAIL` (seen in searches; only the three API modes are submitted).
    public static let portalSignedPDFUpload = DepositMode(rawValue: "DEPOT_PDF_SIGNE_PORTAIL")
    /// `EDI` (seen in searches; only the three API modes are submitted).
    public static let edi = DepositMode(rawValue: "EDI")
    /// `UPLOAD_PORTAIL` (seen in searches; only the three API modes are submitted).
    public static let portalUpload = DepositMode(rawValue: "UPLOAD_PORTAIL")
    /// `UPLOAD_API` (seen in searches; only the three API modes are submitted).
    public static let apiUpload = DepositMode(rawValue: "UPLOAD_API")
    /// `EDI_NUMERISATION` (seen in searches; only the three API modes are submitted).
    public static let ediScanning = DepositMode(rawValue: "EDI_NUMERISATION")

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
    /// `ACOMPTE`: a down-payment invoice (in searches; `soumettre` takes `FACTURE` or `AVOIR` only).
    public static let downPayment = InvoiceType(rawValue: "ACOMPTE")
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
    /// `A_RECYCLER`: routing data wrong. Being retired (DGFiP specification §2.4.2): towards the reform's lifecycle it
    /// is a refusal (210, ``reformStatus(on:framework:)``); cancel with a credit note and re-issue under a new number,
    /// or, while the platform still allows it, resend with ``InvoiceService/recycle(invoiceID:recipientSIRET:serviceCode:commitmentNumber:comment:)``.
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
    // The rest of the Swagger's 56 statuses (Documentation/OfficialSources.md, A.2 E3): seen in searches and histories.
    /// `BROUILLON`: a draft, not deposited.
    public static let draft = InvoiceStatus(rawValue: "BROUILLON")
    /// `ABSENCE_VALIDATION_1_HORS_DELAI`: the first validator did not answer in time.
    public static let firstValidationOverdue = InvoiceStatus(rawValue: "ABSENCE_VALIDATION_1_HORS_DELAI")
    /// `ERREUR_COTRAITANT_SUR_VALIDEUR`: the co-contractor named the wrong second validator.
    public static let coContractorWrongValidator = InvoiceStatus(rawValue: "ERREUR_COTRAITANT_SUR_VALIDEUR")
    /// `ABSENCE_VALIDATION_2_HORS_DELAI`: the second validator did not answer in time.
    public static let secondValidationOverdue = InvoiceStatus(rawValue: "ABSENCE_VALIDATION_2_HORS_DELAI")
    /// `ERREUR_FOURNISSEUR_SUR_MOE`: a works invoice named the wrong project manager (MOE).
    public static let supplierWrongProjectManager = InvoiceStatus(rawValue: "ERREUR_FOURNISSEUR_SUR_MOE")
    /// `ABANDONNEE`: abandoned.
    public static let abandoned = InvoiceStatus(rawValue: "ABANDONNEE")
    /// `SUPPRIMEE`: deleted.
    public static let deleted = InvoiceStatus(rawValue: "SUPPRIMEE")
    /// `ASSOCIEE`: associated with a works invoice.
    public static let associated = InvoiceStatus(rawValue: "ASSOCIEE")
    /// `EN_COURS_TRAITEMENT_PIVOT_S`: being processed by the State's accounting system.
    public static let pivotProcessing = InvoiceStatus(rawValue: "EN_COURS_TRAITEMENT_PIVOT_S")
    /// `EN_ATTENTE_RECYCLAGE_FOURNISSEUR`: waiting for the supplier to recycle it (recycling is being retired, §2.4.2 of the DGFiP specification).
    public static let awaitingSupplierRecycling = InvoiceStatus(rawValue: "EN_ATTENTE_RECYCLAGE_FOURNISSEUR")
    /// `ERREUR_MOE_SUR_FOURNISSEUR`: the project manager (MOE) reports an error on the supplier.
    public static let projectManagerErrorOnSupplier = InvoiceStatus(rawValue: "ERREUR_MOE_SUR_FOURNISSEUR")
    /// `ERREUR_MOA_SUR_FOURNISSEUR`: the owner (MOA) reports an error on the supplier.
    public static let ownerErrorOnSupplier = InvoiceStatus(rawValue: "ERREUR_MOA_SUR_FOURNISSEUR")
    /// `ERREUR_FOURNISSEUR_SUR_MOA`: a works invoice named the wrong owner (MOA).
    public static let supplierWrongOwner = InvoiceStatus(rawValue: "ERREUR_FOURNISSEUR_SUR_MOA")
    /// `ERREUR_MOE_SUR_MOA`: the project manager named the wrong owner.
    public static let projectManagerWrongOwner = InvoiceStatus(rawValue: "ERREUR_MOE_SUR_MOA")
    /// `ERREUR_DESTINATAIRE_PD`: a recipient error (PD).
    public static let recipientErrorPD = InvoiceStatus(rawValue: "ERREUR_DESTINATAIRE_PD")
    /// `ERREUR_DESTINATAIRE_EA`: a recipient error (EA).
    public static let recipientErrorEA = InvoiceStatus(rawValue: "ERREUR_DESTINATAIRE_EA")
    /// `NON_CONFORME`: not compliant.
    public static let nonCompliant = InvoiceStatus(rawValue: "NON_CONFORME")
    /// `A_ASSOCIER_MOE`: a works invoice to be associated by the project manager.
    public static let projectManagerToAssociate = InvoiceStatus(rawValue: "A_ASSOCIER_MOE")
    /// `ERREUR_DE_MOE`: a project manager error.
    public static let projectManagerError = InvoiceStatus(rawValue: "ERREUR_DE_MOE")
    /// `MISE_A_DISPOSITION_MOE`: a works invoice made available to the project manager.
    public static let madeAvailableToProjectManager = InvoiceStatus(rawValue: "MISE_A_DISPOSITION_MOE")
    /// `A_ASSOCIER_MOA`: a works invoice to be associated by the owner.
    public static let ownerToAssociate = InvoiceStatus(rawValue: "A_ASSOCIER_MOA")
    /// `ERREUR_DE_MOA`: an owner error.
    public static let ownerError = InvoiceStatus(rawValue: "ERREUR_DE_MOA")
    /// `A_ASSOCIER_FOURNISSEUR`: to be associated by the supplier.
    public static let supplierToAssociate = InvoiceStatus(rawValue: "A_ASSOCIER_FOURNISSEUR")
    /// `REFUSEE_FOURNISSEUR`: refused by the supplier.
    public static let refusedBySupplier = InvoiceStatus(rawValue: "REFUSEE_FOURNISSEUR")
    /// `A_COMPLETER`: to be completed.
    public static let toComplete = InvoiceStatus(rawValue: "A_COMPLETER")
    /// `TRANSMISE_MOA`: a works invoice sent on to the owner.
    public static let sentToOwner = InvoiceStatus(rawValue: "TRANSMISE_MOA")
    /// `REMPLACEE_PAR_A22`: replaced by an A22 tacit general statement.
    public static let replacedByA22 = InvoiceStatus(rawValue: "REMPLACEE_PAR_A22")
    /// `DUPLIQUE_APRES_REFUS`: duplicated after a refusal.
    public static let duplicatedAfterRefusal = InvoiceStatus(rawValue: "DUPLIQUE_APRES_REFUS")
    /// `TECHNIQUE_INCONNU`: a technical status the platform itself calls unknown.
    public static let unknownTechnical = InvoiceStatus(rawValue: "TECHNIQUE_INCONNU")

    /// Whether nothing more will happen for the supplier (`REJETEE`, `MISE_EN_PAIEMENT`, or a validator's refusal).
    public var isFinal: Bool {
        [.rejected, .paymentInitiated, .firstRefused, .secondRefused, .refusedByProjectManager, .refusedByOwner]
            .contains(self)
    }
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
