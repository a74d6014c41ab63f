import ChorusCore
import Foundation

/// An identifier with its ISO 6523 scheme (`0009` SIRET, `0002` SIREN, `0224` Chorus routing code…).
public struct SchemedIdentifier: Sendable, Hashable {
    /// The identifier.
    public var value: String
    /// The scheme (ISO 6523 ICD), when known.
    public var scheme: String?
    /// Creates an identifier.
    public init(_ value: String, scheme: String? = nil) {
        self.value = value
        self.scheme = scheme
    }
    /// A SIRET (`0009`).
    public static func siret(_ value: String) -> SchemedIdentifier { SchemedIdentifier(value, scheme: "0009") }
    /// A SIREN (`0002`).
    public static func siren(_ value: String) -> SchemedIdentifier { SchemedIdentifier(value, scheme: "0002") }
}

/// A postal address — BG-5 / BG-8.
public struct DocumentAddress: Sendable, Hashable {
    /// Line one — BT-35 / BT-50.
    public var line1: String?
    /// Line two — BT-36 / BT-51.
    public var line2: String?
    /// City — BT-37 / BT-52.
    public var city: String?
    /// Postal code — BT-38 / BT-53.
    public var postalCode: String?
    /// Country, ISO 3166-1 alpha-2 — BT-40 / BT-55 (mandatory).
    public var countryCode: String
    /// Creates an address.
    public init(line1: String? = nil, line2: String? = nil, city: String? = nil, postalCode: String? = nil, countryCode: String = "FR") {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.postalCode = postalCode
        self.countryCode = countryCode
    }
}

/// A contact — BG-6 / BG-9.
public struct DocumentContact: Sendable, Hashable {
    /// Name — BT-41 / BT-56.
    public var name: String?
    /// Phone — BT-42 / BT-57.
    public var phone: String?
    /// E-mail — BT-43 / BT-58.
    public var email: String?
    /// Creates a contact.
    public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }
}

/// A party (seller, buyer, payee).
public struct DocumentParty: Sendable, Hashable {
    /// Name — BT-27 / BT-44 / BT-59.
    public var name: String
    /// Identifier with scheme — BT-29 / BT-46 / BT-60 (the buyer's SIRET, scheme `0009`, for Chorus Pro).
    public var identifier: SchemedIdentifier?
    /// Legal registration — BT-30 / BT-47 / BT-61 (SIREN, scheme `0002`).
    public var legalRegistration: SchemedIdentifier?
    /// VAT identifier — BT-31 / BT-48.
    public var vatNumber: String?
    /// Address — BG-5 / BG-8.
    public var address: DocumentAddress
    /// Contact — BG-6 / BG-9.
    public var contact: DocumentContact?
    /// Creates a party.
    public init(name: String, identifier: SchemedIdentifier? = nil, legalRegistration: SchemedIdentifier? = nil,
                vatNumber: String? = nil, address: DocumentAddress = DocumentAddress(), contact: DocumentContact? = nil) {
        self.name = name
        self.identifier = identifier
        self.legalRegistration = legalRegistration
        self.vatNumber = vatNumber
        self.address = address
        self.contact = contact
    }

    /// A French company named by its SIRET: identifier `0009`, legal registration the SIREN (`0002`).
    public static func french(name: String, siret: String, vatNumber: String? = nil, address: DocumentAddress) -> DocumentParty {
        DocumentParty(name: name, identifier: .siret(siret), legalRegistration: .siren(String(siret.prefix(9))),
                      vatNumber: vatNumber, address: address)
    }
}
