import ChorusCore

/// Which convention a CII document follows (BT-24 and party identifiers).
public enum CIIProfile: Sendable, Hashable {
    /// EN 16931 (`urn:cen.eu:en16931:2017`), also valid as Factur-X EN16931 — the default.
    case en16931
    /// Factur-X BASIC (`urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic`).
    case facturXBasic
    /// Chorus Pro's legacy "CII 16B" E1 convention: the invoicing framework in BT-24 and SIRETs as
    /// `schemeID="1"`. Not EN 16931 (it fails BR-CL-11); only on explicit request.
    case chorusLegacyE1(framework: InvoicingFramework)

    /// The specification identifier — BT-24.
    public var guideline: String {
        switch self {
        case .en16931: "urn:cen.eu:en16931:2017"
        case .facturXBasic: "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic"
        case .chorusLegacyE1(let framework): String(framework.rawValue.prefix { $0 != "_" })
        }
    }

    /// The Factur-X conformance level matching this profile (`EN 16931`, `BASIC`), for the XMP metadata.
    public var facturXLevel: String? {
        switch self {
        case .en16931: "EN 16931"
        case .facturXBasic: "BASIC"
        case .chorusLegacyE1: nil
        }
    }
}
