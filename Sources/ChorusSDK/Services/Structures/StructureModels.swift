import Foundation

/// What to search for (`RechercherStructureInput`, §5.1). Every field is optional.
public struct StructureQuery: Sendable, Hashable {
    /// Public body or private company (`typeStructure`).
    public enum Kind: String, Sendable, Hashable {
        /// `PUBLIQUE`.
        case publicBody = "PUBLIQUE"
        /// `PRIVEE`.
        case privateCompany = "PRIVEE"
    }

    /// The identifier and its type (`identifiantStructure`, `typeIdentifiantStructure`).
    public var identifier: StructureIdentifier?
    /// Part of the company name (`raisonSocialeStructure`).
    public var name: String?
    /// Postal code (`adresseCodePostal`).
    public var postalCode: String?
    /// City (`adresseVille`).
    public var city: String?
    /// ISO 3166 country code (`adresseCodePays`).
    public var country: String?
    /// Public or private (`typeStructure`).
    public var kind: Kind?
    /// Active (`ACTIF`) or inactive (`INACTIF`) only (`statutStructure`).
    public var isActive: Bool?
    /// Also return private structures the account is not attached to
    /// (`restreindreStructuresPrivees: false`).
    public var includeUnattachedPrivateStructures: Bool

    /// Creates a query.
    public init(identifier: StructureIdentifier? = nil, name: String? = nil, postalCode: String? = nil, city: String? = nil,
                country: String? = nil, kind: Kind? = nil, isActive: Bool? = nil,
                includeUnattachedPrivateStructures: Bool = false) {
        self.identifier = identifier
        self.name = name
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.kind = kind
        self.isActive = isActive
        self.includeUnattachedPrivateStructures = includeUnattachedPrivateStructures
    }
}

/// One structure found by a search (`listeStructures[]`).
public struct StructureSummary: Sendable, Hashable, Decodable {
    /// Technical id (`idStructureCPP`), used by every other call.
    public var id: Int
    /// Identifier (`identifiantStructure`), e.g. the SIRET.
    public var identifier: String
    /// Identifier type (`typeIdentifiantStructure`).
    public var identifierType: StructureIdentifierType?
    /// Name (`designationStructure`).
    public var name: String?
    /// Whether it is active (`statut` = `ACTIVE`).
    public var isActive: Bool

    /// Creates a value (for stubs and tests).
    public init(id: Int, identifier: String, identifierType: StructureIdentifierType? = nil, name: String? = nil,
                isActive: Bool) {
        self.id = id
        self.identifier = identifier
        self.identifierType = identifierType
        self.name = name
        self.isActive = isActive
    }

    private enum CodingKeys: String, CodingKey {
        case idStructureCPP, identifiantStructure, typeIdentifiantStructure, designationStructure, statut
    }

    /// Decodes a search result.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = try container.decodeLenientInt(forKey: .idStructureCPP) else {
            throw DecodingError.keyNotFound(CodingKeys.idStructureCPP, .init(codingPath: container.codingPath, debugDescription: "missing id"))
        }
        self.id = id
        identifier = try container.decodeRequiredString(forKey: .identifiantStructure)
        identifierType = try container.decodeIfPresent(StructureIdentifierType.self, forKey: .typeIdentifiantStructure)
        name = try container.decodeLenientString(forKey: .designationStructure)
        let status = try container.decodeLenientString(forKey: .statut)?.uppercased()
        isActive = status.map { $0 == "ACTIVE" || $0 == "ACTIF" } ?? true
    }
}

/// A postal address (`adressePostaleDuSiege`, `adressePostale`).
public struct PostalAddress: Sendable, Hashable, Decodable {
    /// Street (`adresse`).
    public var street: String?
    /// Postal code (`codePostal`).
    public var postalCode: String?
    /// City (`ville`).
    public var city: String?
    /// Country (`pays`).
    public var country: String?

    /// Creates a value (for stubs and tests).
    public init(street: String? = nil, postalCode: String? = nil, city: String? = nil, country: String? = nil) {
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.country = country
    }

    private enum CodingKeys: String, CodingKey { case adresse, codePostal, ville, pays }

    /// Decodes an address; every field may be missing or a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        street = try container.decodeLenientString(forKey: .adresse)
        postalCode = try container.decodeLenientString(forKey: .codePostal)
        city = try container.decodeLenientString(forKey: .ville)
        country = try container.decodeLenientString(forKey: .pays)
    }
}

/// A structure's details and invoicing settings (`structures/v1/consulter`, §5.2).
public struct StructureDetails: Sendable, Hashable, Decodable {
    /// Technical id (`informationGenerales.idStructureCPP`).
    public var id: Int
    /// Identifier (`identifiantStructure`).
    public var identifier: String
    /// Identifier type.
    public var identifierType: StructureIdentifierType?
    /// Company name (`raisonSocialeStructure`, else `libelleStructure`).
    public var name: String?
    /// Whether it is a public body (`structurePriveePublique` = `PUBLIQUE`).
    public var isPublic: Bool?
    /// VAT number (`numeroTVA`).
    public var vatNumber: String?
    /// Head-office address (`adressePostaleDuSiege`).
    public var address: PostalAddress?
    /// `parametres.codeServiceDoitEtreRenseigne`.
    public var serviceCodeRequired: Bool
    /// `parametres.numeroEJDoitEtreRenseigne`.
    public var commitmentRequired: Bool
    /// `parametres.gestionNumeroEJOuCodeService`.
    public var serviceCodeOrCommitmentRequired: Bool
    /// `parametres.statutMiseEnPaiementNestPasRemonte`: the recipient does not report payment statuses.
    public var paymentStatusNotReported: Bool
    /// When the technical account's password expires (`dateExpirationMotPasseCompteTech`), when shown.
    public var technicalPasswordExpiry: Date?

    /// Creates a value (for stubs and tests).
    public init(id: Int, identifier: String, identifierType: StructureIdentifierType? = nil, name: String? = nil,
                isPublic: Bool? = nil, vatNumber: String? = nil, address: PostalAddress? = nil, serviceCodeRequired: Bool,
                commitmentRequired: Bool, serviceCodeOrCommitmentRequired: Bool, paymentStatusNotReported: Bool,
                technicalPasswordExpiry: Date? = nil) {
        self.id = id
        self.identifier = identifier
        self.identifierType = identifierType
        self.name = name
        self.isPublic = isPublic
        self.vatNumber = vatNumber
        self.address = address
        self.serviceCodeRequired = serviceCodeRequired
        self.commitmentRequired = commitmentRequired
        self.serviceCodeOrCommitmentRequired = serviceCodeOrCommitmentRequired
        self.paymentStatusNotReported = paymentStatusNotReported
        self.technicalPasswordExpiry = technicalPasswordExpiry
    }

    /// What an invoice to this structure must carry.
    public var requirement: InvoicingRequirement {
        InvoicingRequirement(serviceCodeRequired: serviceCodeRequired, commitmentRequired: commitmentRequired,
                             serviceCodeOrCommitment: serviceCodeOrCommitmentRequired)
    }

    private enum Keys: String, CodingKey {
        case informationGenerales, parametres, adressePostaleDuSiege
        case idStructureCPP, identifiantStructure, typeIdentifiantStructure, raisonSocialeStructure, libelleStructure
        case structurePriveePublique, numeroTVA, dateExpirationMotPasseCompteTech
        case codeServiceDoitEtreRenseigne, numeroEJDoitEtreRenseigne, gestionNumeroEJOuCodeService
        case statutMiseEnPaiementNestPasRemonte
    }

    /// Decodes `consulter`'s answer.
    public init(from decoder: any Decoder) throws {
        let root = try decoder.container(keyedBy: Keys.self)
        let general = try root.nestedContainer(keyedBy: Keys.self, forKey: .informationGenerales)
        guard let id = try general.decodeLenientInt(forKey: .idStructureCPP) else {
            throw DecodingError.keyNotFound(Keys.idStructureCPP, .init(codingPath: general.codingPath, debugDescription: "missing id"))
        }
        self.id = id
        identifier = try general.decodeRequiredString(forKey: .identifiantStructure)
        identifierType = try general.decodeIfPresent(StructureIdentifierType.self, forKey: .typeIdentifiantStructure)
        name = try general.decodeLenientString(forKey: .raisonSocialeStructure) ?? general.decodeLenientString(forKey: .libelleStructure)
        isPublic = try general.decodeLenientString(forKey: .structurePriveePublique).map { $0.uppercased() == "PUBLIQUE" }
        vatNumber = try general.decodeLenientString(forKey: .numeroTVA)
        technicalPasswordExpiry = try general.decodePlatformDate(forKey: .dateExpirationMotPasseCompteTech)
        address = try root.decodeIfPresent(PostalAddress.self, forKey: .adressePostaleDuSiege)
        let settings = try root.optionalNestedContainer(keyedBy: Keys.self, forKey: .parametres)
        serviceCodeRequired = (try settings?.decodeLenientBool(forKey: .codeServiceDoitEtreRenseigne)) ?? false
        commitmentRequired = (try settings?.decodeLenientBool(forKey: .numeroEJDoitEtreRenseigne)) ?? false
        serviceCodeOrCommitmentRequired = (try settings?.decodeLenientBool(forKey: .gestionNumeroEJOuCodeService)) ?? false
        paymentStatusNotReported = (try settings?.decodeLenientBool(forKey: .statutMiseEnPaiementNestPasRemonte)) ?? false
    }
}

/// One service of a structure (`listeServices[]`, `listeServicesRattache[]`).
public struct ServiceInfo: Sendable, Hashable, Decodable {
    /// Technical id (`idService`).
    public var id: Int
    /// Code to put in `destinataire.codeServiceExecutant` (`codeService`).
    public var code: String
    /// Name (`libelleService`).
    public var name: String?
    /// Whether it is active (`estActif`).
    public var isActive: Bool
    /// Start of validity as sent (`dateDbtService`, `YYYY-MM-DD HH:mm`).
    public var validFrom: String?
    /// End of validity as sent (`dateFinService`).
    public var validUntil: String?

    /// Creates a value (for stubs and tests).
    public init(id: Int, code: String, name: String? = nil, isActive: Bool, validFrom: String? = nil,
                validUntil: String? = nil) {
        self.id = id
        self.code = code
        self.name = name
        self.isActive = isActive
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// The code reserved for invoices between public bodies; a supplier must never use it.
    public static let publicInvoicesCode = ServiceCodes.publicInvoices

    /// Whether a supplier may invoice this service: active and not `FACTURES_PUBLIQUES`.
    public var isInvoiceable: Bool { isActive && code != Self.publicInvoicesCode }

    private enum CodingKeys: String, CodingKey {
        case idService, codeService, libelleService, estActif, statutService, dateDbtService, dateFinService
    }

    /// Decodes a service.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeRequiredInt(forKey: .idService)
        code = try container.decodeRequiredString(forKey: .codeService)
        name = try container.decodeLenientString(forKey: .libelleService)
        let status = try container.decodeLenientString(forKey: .statutService)
        isActive = (try container.decodeLenientBool(forKey: .estActif)) ?? status.map { $0.uppercased().hasPrefix("ACTI") } ?? true
        validFrom = try container.decodeLenientString(forKey: .dateDbtService)
        validUntil = try container.decodeLenientString(forKey: .dateFinService)
    }
}

/// A service's details (`structures/v1/consulter/service`, §5.4).
public struct ServiceDetails: Sendable, Hashable, Decodable {
    /// Code (`informationsGenerales.codeService`).
    public var code: String
    /// Name (`nomService`).
    public var name: String?
    /// Description (`descriptionService`).
    public var serviceDescription: String?
    /// Whether an invoice to this service needs a commitment number (`parametres.numeroEngagement`).
    public var commitmentRequired: Bool
    /// Whether payment statuses are reported (`parametres.miseEnPaiement`).
    public var reportsPayment: Bool?
    /// End of validity (`parametres.dateFinValidite`), in any of the three formats seen (§13.3).
    public var validUntil: Date?

    /// Creates a value (for stubs and tests).
    public init(code: String, name: String? = nil, serviceDescription: String? = nil, commitmentRequired: Bool,
                reportsPayment: Bool? = nil, validUntil: Date? = nil) {
        self.code = code
        self.name = name
        self.serviceDescription = serviceDescription
        self.commitmentRequired = commitmentRequired
        self.reportsPayment = reportsPayment
        self.validUntil = validUntil
    }

    private enum Keys: String, CodingKey {
        case informationsGenerales, parametres, codeService, nomService, descriptionService, numeroEngagement,
             miseEnPaiement, dateFinValidite
    }

    /// Decodes `consulter/service`'s answer.
    public init(from decoder: any Decoder) throws {
        let root = try decoder.container(keyedBy: Keys.self)
        let general = try root.optionalNestedContainer(keyedBy: Keys.self, forKey: .informationsGenerales)
        guard let general else {
            throw DecodingError.keyNotFound(Keys.informationsGenerales, .init(codingPath: root.codingPath, debugDescription: "no informationsGenerales"))
        }
        code = try general.decodeRequiredString(forKey: .codeService)
        name = try general.decodeLenientString(forKey: .nomService)
        serviceDescription = try general.decodeLenientString(forKey: .descriptionService)
        let settings = try root.optionalNestedContainer(keyedBy: Keys.self, forKey: .parametres)
        commitmentRequired = (try settings?.decodeLenientBool(forKey: .numeroEngagement)) ?? false
        reportsPayment = try settings?.decodeLenientBool(forKey: .miseEnPaiement)
        validUntil = try settings?.decodePlatformDate(forKey: .dateFinValidite)
    }
}

/// Everything a supplier needs to know before invoicing a recipient, from one call to
/// ``StructureService/recipient(siret:serviceCode:)``.
public struct RecipientProfile: Sendable, Hashable {
    /// The structure and its settings.
    public var structure: StructureDetails
    /// Its services a supplier may invoice: active ones, never `FACTURES_PUBLIQUES`.
    public var services: [ServiceInfo]
    /// The structure-level requirement.
    public var requirement: InvoicingRequirement
    /// The service chosen, with its own commitment flag, when a service code was given.
    public var service: ServiceDetails?

    /// Creates a profile (``StructureService/recipient(siret:serviceCode:)`` builds them from the platform).
    public init(structure: StructureDetails, services: [ServiceInfo], requirement: InvoicingRequirement,
                service: ServiceDetails? = nil) {
        self.structure = structure
        self.services = services
        self.requirement = requirement
        self.service = service
    }

    /// Whether the invoice must carry a service code.
    public var mustCarryServiceCode: Bool {
        requirement == .serviceCode || requirement == .serviceCodeAndCommitmentNumber
    }

    /// Whether the invoice must carry a commitment number (the structure's rule, or the chosen service's).
    public var mustCarryCommitmentNumber: Bool {
        requirement == .commitmentNumber || requirement == .serviceCodeAndCommitmentNumber || service?.commitmentRequired == true
    }

    /// The answer to "what must my invoice carry for this recipient?", in one sentence.
    public var summary: String {
        var text = "\(structure.name ?? structure.identifier) (\(structure.identifier)): \(requirement)"
        if let service, service.commitmentRequired { text += "; service \(service.code) requires a commitment number" }
        if !services.isEmpty { text += "; services: " + services.map(\.code).joined(separator: ", ") }
        return text
    }

    /// Every rule an invoice's routing data breaks for this recipient (empty when it complies):
    /// service code and commitment number as required, service active, known and not `FACTURES_PUBLIQUES`,
    /// commitment number ≤ 50 characters. Field names are the wire paths.
    public func problems(serviceCode: String?, commitmentNumber: String?) -> [ValidationProblem] {
        let code = serviceCode.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let commitment = commitmentNumber.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        var problems: [ValidationProblem] = []
        func add(_ field: String, _ rule: String, _ message: String) {
            problems.append(ValidationProblem(field: field, rule: rule, message: message))
        }
        let serviceField = "destinataire.codeServiceExecutant"
        let commitmentField = "references.numeroBonCommande"
        if let code {
            if code == ServiceInfo.publicInvoicesCode {
                add(serviceField, "recipient.publicInvoicesService", "FACTURES_PUBLIQUES is reserved for invoices between public bodies")
            } else if !services.contains(where: { $0.code == code }) {
                add(serviceField, "recipient.activeService", "\(code) is not an active service of \(structure.identifier)")
            }
        }
        switch requirement {
        case .serviceCode, .serviceCodeAndCommitmentNumber:
            if code == nil { add(serviceField, "recipient.serviceCodeRequired", "\(structure.identifier) requires a service code") }
        case .serviceCodeOrCommitmentNumber:
            if code == nil && commitment == nil {
                add(serviceField, "recipient.serviceCodeOrCommitmentRequired",
                    "\(structure.identifier) requires a service code or a commitment number")
            }
        default: break
        }
        if commitment == nil && (requirement == .commitmentNumber || requirement == .serviceCodeAndCommitmentNumber) {
            add(commitmentField, "recipient.commitmentRequired", "\(structure.identifier) requires a commitment number")
        }
        if commitment == nil, let service, service.code == code, service.commitmentRequired {
            add(commitmentField, "service.commitmentRequired", "service \(service.code) requires a commitment number")
        }
        if let commitment, commitment.count > 50 {
            add(commitmentField, "commitment.length", "a commitment number has at most 50 characters")
        }
        return problems
    }
}

/// A legal commitment (engagement juridique) found by `engagementsJuridiques/v1/rechercher` (§4.5). The two official
/// examples carry different field sets (§13.9), so every field is optional; the ones read by name are typed, and
/// every other field of the answer is kept in ``otherFields`` as text, so nothing the platform sends is dropped.
public struct Commitment: Sendable, Hashable, Decodable {
    /// `numeroEngagementJuridique` (or `numeroEJ`).
    public var number: String?
    /// The commitment's state: `libelleEtatCourantEJ` as the answers carry it (`etatCourantEngagementJuridique`, the
    /// request's filter name, is read too when an answer uses it).
    public var state: String?
    /// `montantEngagementJuridique` / `montantEJ`, when given.
    public var amount: Amount?
    /// `dateCreationEJ` / `dateEngagementJuridique`, when given.
    public var date: CalendarDate?
    /// Every other field, as text (numbers and booleans written as JSON writes them).
    public var otherFields: [String: String]

    /// Creates a value (for stubs and tests).
    public init(number: String?, state: String? = nil, amount: Amount? = nil, date: CalendarDate? = nil, otherFields: [String: String] = [:]) {
        self.number = number
        self.state = state
        self.amount = amount
        self.date = date
        self.otherFields = otherFields
    }

    private static let named: Set<String> = ["numeroEngagementJuridique", "numeroEJ", "libelleEtatCourantEJ", "etatCourantEngagementJuridique",
                                             "etatCourantEJ", "montantEngagementJuridique", "montantEJ", "dateCreationEJ", "dateEngagementJuridique"]

    /// Decodes one commitment of `listeEngagementJuridique`.
    public init(from decoder: any Decoder) throws {
        let item = try AnswerObject(decoder)
        number = try item.text("numeroEngagementJuridique") ?? item.text("numeroEJ")
        state = try item.text("libelleEtatCourantEJ") ?? item.text("etatCourantEJ") ?? item.text("etatCourantEngagementJuridique")
        amount = try item.amount("montantEngagementJuridique") ?? item.amount("montantEJ")
        date = try item.date("dateCreationEJ") ?? item.date("dateEngagementJuridique")
        otherFields = try item.scalarFields(excluding: Self.named, what: "a commitment")
    }
}

/// Parses the platform's timestamps: ISO 8601 with or without milliseconds, `YYYY-MM-DD HH:mm` (Paris),
/// or a plain date (§3.3, §13.3).
enum PlatformDate {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle()) { return date }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .paris
        let parts = trimmed.split(whereSeparator: { " -:T".contains($0) }).compactMap { Int($0) }
        guard parts.count == 3 || parts.count == 5 || parts.count == 6, CalendarDate(String(trimmed.prefix(10))) != nil else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2],
                                                  hour: parts.count > 3 ? parts[3] : 0, minute: parts.count > 4 ? parts[4] : 0,
                                                  second: parts.count > 5 ? parts[5] : 0))
    }
}
