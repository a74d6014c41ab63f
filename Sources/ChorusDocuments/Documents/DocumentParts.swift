import ChorusCore
import Foundation

// The EN 16931 groups an InvoiceDocument holds besides its parties and lines: payee, periods, delivery,
// VAT exemptions, supporting documents, tax representative, item attributes.

/// The payee — BG-10, when someone other than the seller is paid: a name (BT-59), an identifier (BT-60) and a
/// legal registration (BT-61). EN 16931 gives the payee no address, contact or VAT number.
public struct DocumentPayee: Sendable, Hashable {
    /// Name — BT-59.
    public var name: String
    /// Identifier — BT-60 (with its ISO 6523 scheme).
    public var identifier: SchemedIdentifier?
    /// Legal registration — BT-61.
    public var legalRegistration: SchemedIdentifier?
    /// Creates a payee.
    public init(name: String, identifier: SchemedIdentifier? = nil, legalRegistration: SchemedIdentifier? = nil) {
        self.name = name
        self.identifier = identifier
        self.legalRegistration = legalRegistration
    }
}

/// A period — BG-14 (invoice) or BG-26 (line): a start date, an end date, or both.
public struct DocumentPeriod: Sendable, Hashable {
    /// Start — BT-73 / BT-134.
    public var start: CalendarDate?
    /// End — BT-74 / BT-135.
    public var end: CalendarDate?
    /// Creates a period.
    public init(start: CalendarDate? = nil, end: CalendarDate? = nil) {
        self.start = start
        self.end = end
    }
}

/// Delivery information — BG-13: the deliver-to party's name (BT-70), location identifier (BT-71) and
/// address (BG-15).
public struct DocumentDelivery: Sendable, Hashable {
    /// Deliver-to party name — BT-70.
    public var name: String?
    /// Deliver-to location identifier — BT-71.
    public var locationID: SchemedIdentifier?
    /// Deliver-to address — BG-15 (its country, BT-80, is required for an intra-community supply).
    public var address: DocumentAddress?
    /// Creates delivery information.
    public init(name: String? = nil, locationID: SchemedIdentifier? = nil, address: DocumentAddress? = nil) {
        self.name = name
        self.locationID = locationID
        self.address = address
    }
}

/// Why a VAT category is exempt — BT-120 (text) and BT-121 (code from the CEF VATEX list, e.g. `VATEX-EU-IC`).
public struct VATExemption: Sendable, Hashable {
    /// Reason text — BT-120.
    public var reason: String?
    /// Reason code — BT-121.
    public var code: String?
    /// Creates an exemption reason.
    public init(reason: String? = nil, code: String? = nil) {
        self.reason = reason
        self.code = code
    }
}

/// An additional supporting document — BG-24: a reference (BT-122), a description (BT-123), and either a link
/// (BT-124) or the file itself (BT-125, with its MIME code and file name).
public struct SupportingDocument: Sendable, Hashable {
    /// Reference — BT-122.
    public var id: String
    /// Description — BT-123.
    public var description: String?
    /// External location — BT-124.
    public var uri: String?
    /// The attached file — BT-125 (`application/pdf`, `image/png`, `image/jpeg`, `text/csv`, spreadsheet types).
    public var attachment: Data?
    /// The attachment's MIME code — BT-125-1.
    public var mimeCode: String?
    /// The attachment's file name — BT-125-2.
    public var fileName: String?
    /// Creates a supporting document.
    public init(id: String, description: String? = nil, uri: String? = nil, attachment: Data? = nil, mimeCode: String? = nil,
                fileName: String? = nil) {
        self.id = id
        self.description = description
        self.uri = uri
        self.attachment = attachment
        self.mimeCode = mimeCode
        self.fileName = fileName
    }
}

/// The seller's tax representative — BG-11: name (BT-62), VAT identifier (BT-63) and address (BG-12).
public struct TaxRepresentative: Sendable, Hashable {
    /// Name — BT-62.
    public var name: String
    /// VAT identifier — BT-63.
    public var vatNumber: String
    /// Address — BG-12 (its country is required).
    public var address: DocumentAddress
    /// Creates a tax representative.
    public init(name: String, vatNumber: String, address: DocumentAddress) {
        self.name = name
        self.vatNumber = vatNumber
        self.address = address
    }
}

/// An item attribute — BT-160 (name) and BT-161 (value).
public struct ItemAttribute: Sendable, Hashable {
    /// Name — BT-160.
    public var name: String
    /// Value — BT-161.
    public var value: String
    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
