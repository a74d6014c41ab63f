/// A reason code for refusing or suspending an invoice, as Chorus Pro sets and sends them, with the AFNOR code it
/// becomes towards a supplier's accredited platform (DGFiP Chorus Pro specification v1.1, §3.4.2.1 tables 3 and 4;
/// `Documentation/OfficialSources.md`). Open: a code the SDK does not know yet round-trips.
public struct ReasonCode: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a code.
    public init(rawValue: String) { self.rawValue = rawValue }

    // Table 3: Chorus Pro's own codes, which platforms must accept as they are.
    /// `AUTRE`: another reason.
    public static let other = ReasonCode(rawValue: "AUTRE")
    /// `CONTACT_ACHTR`: other reasons, contact your buyer.
    public static let contactBuyer = ReasonCode(rawValue: "CONTACT_ACHTR")
    /// `COORD_BANC_ERR`: wrong bank details.
    public static let wrongBankDetails = ReasonCode(rawValue: "COORD_BANC_ERR")
    /// `LIVR_INCOMP`: delivery incomplete or not made.
    public static let incompleteDelivery = ReasonCode(rawValue: "LIVR_INCOMP")
    /// `RETRAIT_MAN_SERV`: handled manually by the services.
    public static let manualHandling = ReasonCode(rawValue: "RETRAIT_MAN_SERV")
    /// `ST_CT_NON_DECLAR`: subcontractor or co-contractor not declared.
    public static let undeclaredSubcontractor = ReasonCode(rawValue: "ST_CT_NON_DECLAR")
    /// `SUPPR_COMP_AVOIR`: deleted to offset credit notes.
    public static let offsetByCreditNotes = ReasonCode(rawValue: "SUPPR_COMP_AVOIR")
    /// `TRANSF_PMNT_REGIE`: transferred for payment by an imprest account (régie).
    public static let transferredToImprest = ReasonCode(rawValue: "TRANSF_PMNT_REGIE")

    // Table 4: codes a public body sets, transcoded for platforms.
    /// `AUT_MOTIF_ERR_VALIDEUR`: another reason than a wrong validator.
    public static let otherThanWrongValidator = ReasonCode(rawValue: "AUT_MOTIF_ERR_VALIDEUR")
    /// `SUPPR_MASSE`: bulk deletion.
    public static let bulkDeletion = ReasonCode(rawValue: "SUPPR_MASSE")
    /// `CREANCIER_ERR`: creditor unknown or not the commitment's.
    public static let wrongCreditor = ReasonCode(rawValue: "CREANCIER_ERR")
    /// `DOUBLE_FACT`: invoiced twice.
    public static let duplicateInvoice = ReasonCode(rawValue: "DOUBLE_FACT")
    /// `ERREUR_DONNEE_EJ`: wrong data in the commitment.
    public static let wrongCommitmentData = ReasonCode(rawValue: "ERREUR_DONNEE_EJ")
    /// `EJ_ERR`: commitment wrong or missing.
    public static let wrongCommitment = ReasonCode(rawValue: "EJ_ERR")
    /// `ERR_VALIDEUR`: wrong validator.
    public static let wrongValidator = ReasonCode(rawValue: "ERR_VALIDEUR")
    /// `FACT_NON_CONFORME`: the invoice does not match the order.
    public static let notMatchingOrder = ReasonCode(rawValue: "FACT_NON_CONFORME")
    /// `HONORER_LA_COMMANDE`: the order cannot be fulfilled.
    public static let orderCannotBeFulfilled = ReasonCode(rawValue: "HONORER_LA_COMMANDE")
    /// `MARCHE_TERM`: the contract has ended.
    public static let contractEnded = ReasonCode(rawValue: "MARCHE_TERM")
    /// `MONTANT_ERR`: wrong invoice amount.
    public static let wrongAmount = ReasonCode(rawValue: "MONTANT_ERR")
    /// `SE_ERR`: wrong service code.
    public static let wrongService = ReasonCode(rawValue: "SE_ERR")
    /// `TX_TVA_ERR`: wrong VAT rate.
    public static let wrongVATRate = ReasonCode(rawValue: "TX_TVA_ERR")

    /// Every code of tables 3 and 4.
    public static let chorusCodes: [ReasonCode] = Array(transcoding.keys).sorted { $0.rawValue < $1.rawValue }

    /// Table 4 (and table 3, whose codes go out unchanged): the code Chorus Pro sends an accredited platform.
    private static let transcoding: [ReasonCode: String] = [
        .otherThanWrongValidator: "DEST_ERR", .manualHandling: "AUTRE", .bulkDeletion: "AUTRE", .other: "AUTRE",
        .contactBuyer: "CONTACT_ACHTR", .wrongBankDetails: "COORD_BANC_ERR", .wrongCreditor: "DEST_ERR",
        .duplicateInvoice: "DOUBLE_FACT", .wrongCommitmentData: "CMD_ERR", .wrongCommitment: "CMD_ERR",
        .wrongValidator: "DEST_ERR", .notMatchingOrder: "FACT_NON_CONFORME", .orderCannotBeFulfilled: "LIVR_INCOMP",
        .incompleteDelivery: "LIVR_INCOMP", .contractEnded: "CONTRAT_TERM", .wrongAmount: "MONTANTTOTAL_ERR",
        .wrongService: "DEST_ERR", .undeclaredSubcontractor: "ST_CT_NON_DECLAR",
        .offsetByCreditNotes: "SUPPR_COMP_AVOIR", .transferredToImprest: "TRANSF_PMNT_REGIE",
        .wrongVATRate: "TX_TVA_ERR",
    ]

    /// The AFNOR code this Chorus Pro code becomes towards an accredited platform (`EJ_ERR` → `CMD_ERR`, `MARCHE_TERM`
    /// → `CONTRAT_TERM`…); `nil` for a code outside tables 3 and 4 (unknown, never guessed).
    public var afnorCode: String? { Self.transcoding[self] }
}
