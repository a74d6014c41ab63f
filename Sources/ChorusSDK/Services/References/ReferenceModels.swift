// Currency, VATRate, VATExemptionReason and Country: ReferenceModels+Fields.swift, from Models/ReferenceModels.models.

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
    /// `MEMOIRE_JUSTICE`: a statement of court fees.
    public static let courtFeesStatement = PaymentRequestType(rawValue: "MEMOIRE_JUSTICE")
    /// `DEMANDE_REMBOURSEMENT`: a refund request.
    public static let refundRequest = PaymentRequestType(rawValue: "DEMANDE_REMBOURSEMENT")
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
