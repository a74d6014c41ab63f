/// A deposited file's syntax (`syntaxeFlux`, §6.1). Open: unknown codes are sent as given.
public struct FluxSyntax: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a syntax.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `IN_DP_E1_UBL_INVOICE`: UBL 2.1 invoice XML.
    public static let ubl = FluxSyntax(rawValue: "IN_DP_E1_UBL_INVOICE")
    /// `IN_DP_E1_CII_16B`: UN/CEFACT CII D16B XML.
    public static let cii = FluxSyntax(rawValue: "IN_DP_E1_CII_16B")
    /// `IN_DP_E2_CII_FACTURX`: Factur-X PDF/A-3.
    public static let facturX = FluxSyntax(rawValue: "IN_DP_E2_CII_FACTURX")
    /// `IN_DP_E2_UBL_INVOICE_MIN`: minimal UBL with a PDF.
    public static let ublMinimal = FluxSyntax(rawValue: "IN_DP_E2_UBL_INVOICE_MIN")
    /// `IN_DP_E2_CII_MIN_16B`: minimal CII D16B with a PDF.
    public static let ciiMinimal = FluxSyntax(rawValue: "IN_DP_E2_CII_MIN_16B")
    /// `IN_DP_E2_CPP_FACTURE_MIN`: Chorus Pro's minimal XML.
    public static let chorusMinimal = FluxSyntax(rawValue: "IN_DP_E2_CPP_FACTURE_MIN")
    // The rest of the Swagger's 13 syntaxes (Documentation/OfficialSources.md, A.2 E1).
    /// `IN_DP_E1_CII`: CII without the D16B version.
    public static let ciiUnversioned = FluxSyntax(rawValue: "IN_DP_E1_CII")
    /// `IN_DP_E1_PES_FACTURE`: PES invoice (public-sector XML).
    public static let pesInvoice = FluxSyntax(rawValue: "IN_DP_E1_PES_FACTURE")
    /// `IN_DP_E1_XCBL`: xCBL invoice.
    public static let xcbl = FluxSyntax(rawValue: "IN_DP_E1_XCBL")
    /// `IN_DP_E2_PES_FACTURE_MIN`: minimal PES with a PDF.
    public static let pesMinimal = FluxSyntax(rawValue: "IN_DP_E2_PES_FACTURE_MIN")
    /// `IN_DP_E2_CII_MIN`: minimal CII without the D16B version, with a PDF.
    public static let ciiMinimalUnversioned = FluxSyntax(rawValue: "IN_DP_E2_CII_MIN")
    /// `IN_DP_PDFARCHIVE_UBL_INVOICE_MUG`: UBL in a PDF archive (MUG).
    public static let pdfArchiveUBL = FluxSyntax(rawValue: "IN_DP_PDFARCHIVE_UBL_INVOICE_MUG")
    /// `IN_DP_PDFARCHIVE_CII_MUG`: CII in a PDF archive (MUG).
    public static let pdfArchiveCII = FluxSyntax(rawValue: "IN_DP_PDFARCHIVE_CII_MUG")
}
