/// The invoicing framework (`codeCadreFacturation`). Open: unknown codes decode.
public struct InvoicingFramework: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a framework from its code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `A1_FACTURE_FOURNISSEUR`: an ordinary supplier invoice.
    public static let supplierInvoice = InvoicingFramework(rawValue: "A1_FACTURE_FOURNISSEUR")
    /// `A2_FACTURE_FOURNISSEUR_DEJA_PAYEE`: a supplier invoice already paid.
    public static let alreadyPaidSupplierInvoice = InvoicingFramework(rawValue: "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE")
    /// `A9_FACTURE_SOUSTRAITANT`: a subcontractor's invoice (needs a validator).
    public static let subcontractorInvoice = InvoicingFramework(rawValue: "A9_FACTURE_SOUSTRAITANT")
    /// `A12_FACTURE_COTRAITANT`: a co-contractor's invoice (needs a validator).
    public static let coContractorInvoice = InvoicingFramework(rawValue: "A12_FACTURE_COTRAITANT")
    // The rest of the Swagger's frames A1–A25 (Documentation/OfficialSources.md, A.2 E5–E6).
    /// `A3_MEMOIRE_JUSTICE`: a statement of court fees (mémoire de justice).
    public static let courtFeesStatement = InvoicingFramework(rawValue: "A3_MEMOIRE_JUSTICE")
    /// `A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR`: works: the supplier's draft monthly statement.
    public static let supplierMonthlyStatementDraft = InvoicingFramework(
        rawValue: "A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR")
    /// `A5_ETAT_ACOMPTE_FOURNISSEUR`: works: the supplier's progress statement.
    public static let supplierProgressStatement = InvoicingFramework(rawValue: "A5_ETAT_ACOMPTE_FOURNISSEUR")
    /// `A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR`: works: the supplier's validated progress statement.
    public static let supplierValidatedProgressStatement = InvoicingFramework(
        rawValue: "A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR")
    /// `A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR`: works: the supplier's draft final statement.
    public static let supplierFinalStatementDraft = InvoicingFramework(rawValue: "A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR")
    /// `A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR`: works: the supplier's definitive general statement.
    public static let supplierDefinitiveGeneralStatement = InvoicingFramework(
        rawValue: "A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR")
    /// `A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT`: works: a subcontractor's draft monthly statement.
    public static let subcontractorMonthlyStatementDraft = InvoicingFramework(
        rawValue: "A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT")
    /// `A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT`: works: a subcontractor's draft final statement.
    public static let subcontractorFinalStatementDraft = InvoicingFramework(
        rawValue: "A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT")
    /// `A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT`: works: a co-contractor's draft monthly statement.
    public static let coContractorMonthlyStatementDraft = InvoicingFramework(
        rawValue: "A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT")
    /// `A14_PROJET_DECOMPTE_FINAL_COTRAITANT`: works: a co-contractor's draft final statement.
    public static let coContractorFinalStatementDraft = InvoicingFramework(
        rawValue: "A14_PROJET_DECOMPTE_FINAL_COTRAITANT")
    /// `A15_ETAT_ACOMPTE_MOE`: works: the project manager's progress statement.
    public static let projectManagerProgressStatement = InvoicingFramework(rawValue: "A15_ETAT_ACOMPTE_MOE")
    /// `A16_ETAT_ACOMPTE_VALIDE_MOE`: works: the project manager's validated progress statement.
    public static let projectManagerValidatedProgressStatement = InvoicingFramework(
        rawValue: "A16_ETAT_ACOMPTE_VALIDE_MOE")
    /// `A17_PROJET_DECOMPTE_GENERAL_MOE`: works: the project manager's draft general statement.
    public static let projectManagerGeneralStatementDraft = InvoicingFramework(
        rawValue: "A17_PROJET_DECOMPTE_GENERAL_MOE")
    /// `A18_DECOMPTE_GENERAL_MOE`: works: the project manager's general statement.
    public static let projectManagerGeneralStatement = InvoicingFramework(rawValue: "A18_DECOMPTE_GENERAL_MOE")
    /// `A19_ETAT_ACOMPTE_VALIDE_MOA`: works: the owner's validated progress statement.
    public static let ownerValidatedProgressStatement = InvoicingFramework(rawValue: "A19_ETAT_ACOMPTE_VALIDE_MOA")
    /// `A20_DECOMPTE_GENERAL_MOA`: works: the owner's general statement.
    public static let ownerGeneralStatement = InvoicingFramework(rawValue: "A20_DECOMPTE_GENERAL_MOA")
    /// `A21_DEMANDE_REMBOURSEMENT_TIC`: a refund request for the domestic energy consumption tax (TIC).
    public static let energyTaxRefundRequest = InvoicingFramework(rawValue: "A21_DEMANDE_REMBOURSEMENT_TIC")
    /// `A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE`: works: the supplier's draft general statement, tacit procedure.
    public static let supplierTacitGeneralStatementDraft = InvoicingFramework(
        rawValue: "A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE")
    /// `A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR`: works: the supplier's tacit definitive general statement.
    public static let supplierTacitDefinitiveGeneralStatement = InvoicingFramework(
        rawValue: "A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR")
    /// `A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE`: works: the project manager's tacit definitive general statement.
    public static let projectManagerTacitDefinitiveGeneralStatement = InvoicingFramework(
        rawValue: "A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE")
    /// `A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE`: works: the project manager's definitive general statement, tacit procedure.
    public static let projectManagerDefinitiveGeneralStatementTacitProcedure = InvoicingFramework(
        rawValue: "A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE")
    /// `SANS_CADRE_DE_FACTURATION`: no framework (in answers).
    public static let noFramework = InvoicingFramework(rawValue: "SANS_CADRE_DE_FACTURATION")

    /// Whether the framework requires a validator structure (A9, A12).
    public var requiresValidator: Bool { self == .subcontractorInvoice || self == .coContractorInvoice }
}
