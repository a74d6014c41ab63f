/// A currency (`listeDevises[]`): `codeDevise`, `libelleDevise`.
public struct Currency: Sendable, Hashable, Decodable {
    /// ISO 4217 code (`codeDevise`), e.g. `EUR`.
    public var code: String
    /// Label (`libelleDevise`).
    public var label: String?

    private enum CodingKeys: String, CodingKey { case code = "codeDevise", label = "libelleDevise" }

    /// Creates a currency.
    public init(code: String, label: String? = nil) {
        self.code = code
        self.label = label
    }
}

/// A VAT rate of the platform's table (`listeTauxTva[]`): `codeTauxTva`, `libelleTauxTva`, `valeurTauxTva`.
public struct VATRate: Sendable, Hashable, Decodable {
    /// The platform's code (`codeTauxTva`), e.g. `TVA1`.
    public var code: String
    /// Label (`libelleTauxTva`).
    public var label: String?
    /// The rate in percent (`valeurTauxTva`), e.g. `20`.
    public var percentage: Amount?

    private enum CodingKeys: String, CodingKey {
        case code = "codeTauxTva", label = "libelleTauxTva", percentage = "valeurTauxTva"
    }

    /// Creates a rate.
    public init(code: String, label: String? = nil, percentage: Amount? = nil) {
        self.code = code
        self.label = label
        self.percentage = percentage
    }
}

/// A reason for VAT exemption (`listeMotifsExonerationTva[]`).
public struct VATExemptionReason: Sendable, Hashable, Decodable {
    /// Code (`codeMotifExonerationTva`).
    public var code: String
    /// Label (`libelleMotifExonerationTva`).
    public var label: String?

    private enum CodingKeys: String, CodingKey {
        case code = "codeMotifExonerationTva", label = "libelleMotifExonerationTva"
    }

    /// Creates a reason.
    public init(code: String, label: String? = nil) {
        self.code = code
        self.label = label
    }
}

/// A country (`listePays[]`): `codePays` (ISO 3166), `libellePays`.
public struct Country: Sendable, Hashable, Decodable {
    /// ISO 3166 alpha-2 code (`codePays`).
    public var code: String
    /// Label (`libellePays`).
    public var label: String?

    private enum CodingKeys: String, CodingKey { case code = "codePays", label = "libellePays" }

    /// Creates a country.
    public init(code: String, label: String? = nil) {
        self.code = code
        self.label = label
    }
}

/// The kind of payment request (`typeDemandePaiement`). Open.
public struct PaymentRequestType: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a type from its code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `FACTURE`.
    public static let invoice = PaymentRequestType(rawValue: "FACTURE")
    /// `FACTURE_TRAVAUX`.
    public static let worksInvoice = PaymentRequestType(rawValue: "FACTURE_TRAVAUX")
}

/// How the invoice is paid (`modePaiement`). Open.
public struct PaymentMode: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a mode from its code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `VIREMENT`: bank transfer.
    public static let transfer = PaymentMode(rawValue: "VIREMENT")
    /// `CHEQUE`.
    public static let cheque = PaymentMode(rawValue: "CHEQUE")
    /// `PRELEVEMENT`: direct debit.
    public static let directDebit = PaymentMode(rawValue: "PRELEVEMENT")
    /// `ESPECE`: cash.
    public static let cash = PaymentMode(rawValue: "ESPECE")
    /// `AUTRE`: other.
    public static let other = PaymentMode(rawValue: "AUTRE")
    /// `REPORT`: carried over.
    public static let carriedOver = PaymentMode(rawValue: "REPORT")
}

/// The type of a structure identifier (`typeIdentifiantStructure`). Open.
public struct StructureIdentifierType: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a type from its code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `SIRET`: a French establishment.
    public static let siret = StructureIdentifierType(rawValue: "SIRET")
    /// `UE_HORS_FRANCE`: an EU VAT number outside France.
    public static let euOutsideFrance = StructureIdentifierType(rawValue: "UE_HORS_FRANCE")
    /// `HORS_UE`: a tax number outside the EU.
    public static let outsideEU = StructureIdentifierType(rawValue: "HORS_UE")
    /// `RIDET`: New Caledonia.
    public static let ridet = StructureIdentifierType(rawValue: "RIDET")
    /// `TAHITI`: French Polynesia.
    public static let tahiti = StructureIdentifierType(rawValue: "TAHITI")
    /// `AUTRE`: other.
    public static let other = StructureIdentifierType(rawValue: "AUTRE")
    /// `PARTICULIER`: a private person.
    public static let privatePerson = StructureIdentifierType(rawValue: "PARTICULIER")
}

/// The language of labels (`codeLangue`).
public enum Language: String, Sendable, Hashable, Encodable {
    /// French.
    case french = "FR"
    /// English.
    case english = "EN"
}

/// The answer of the health check (`GET /cpro/transverses/v1/health-check`).
public struct HealthStatus: Sendable, Hashable {
    /// Whether the platform says it is up; `nil` when its answer carried no status code (unknown, never assumed).
    public var isHealthy: Bool?
    /// The `statusCode` (or `statusCodeValue`) the platform returned, if any.
    public var statusCode: String?

    /// Creates a status.
    public init(isHealthy: Bool?, statusCode: String?) {
        self.isHealthy = isHealthy
        self.statusCode = statusCode
    }
}
