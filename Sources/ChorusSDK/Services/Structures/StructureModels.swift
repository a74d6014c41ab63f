import Foundation

// StructureSummary, PostalAddress, StructureDetails, ServiceInfo, ServiceDetails and Commitment are generated from
// Sources/ChorusSDK/Models/StructureModels.models (StructureModels+Fields.swift); their computed properties and the
// readings that are more than a field (`call(...)` in the table) follow the queries below.

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

extension StructureSummary {
    /// `statut` = `ACTIVE`/`ACTIF` or `INACTIVE`/`INACTIF`; `nil` (unknown) when the answer has no `statut` or one the
    /// SDK does not know (an `ACTIVATION_EN_COURS` is not active yet).
    static func activeFromStatus(_ block: AnswerObject, _ status: String) throws -> Bool? {
        try block.text(status).flatMap(activity)
    }

    /// The activity a status word states, or `nil` for a word the SDK does not know: a decision is never guessed.
    static func activity(_ word: String) -> Bool? {
        switch word.trimmingSpaces().uppercased() {
        case "ACTIVE", "ACTIF": true
        case "INACTIVE", "INACTIF": false
        default: nil
        }
    }
}

extension StructureDetails {
    /// What an invoice to this structure must carry.
    public var requirement: InvoicingRequirement {
        InvoicingRequirement(serviceCodeRequired: serviceCodeRequired, commitmentRequired: commitmentRequired,
                             serviceCodeOrCommitment: serviceCodeOrCommitmentRequired)
    }

    /// `structurePriveePublique` = `PUBLIQUE` (true) or `PRIVEE` (false); `nil` (unknown) for anything else.
    static func publicBody(_ block: AnswerObject, _ kind: String) throws -> Bool? {
        switch try block.text(kind)?.trimmingSpaces().uppercased() {
        case "PUBLIQUE": true
        case "PRIVEE", "PRIVÉE": false
        default: nil
        }
    }
}

extension ServiceInfo {
    /// The code reserved for invoices between public bodies; a supplier must never use it.
    public static let publicInvoicesCode = ServiceCodes.publicInvoices

    /// Whether a supplier may invoice this service: active and not `FACTURES_PUBLIQUES`.
    public var isInvoiceable: Bool { isActive == true && code != Self.publicInvoicesCode }

    /// `estActif`, else `statutService` (`ACTIF`/`INACTIF`); `nil` (unknown) when the answer has neither or an unknown word.
    static func activeFromFlagOrStatus(_ block: AnswerObject, _ flag: String, _ status: String) throws -> Bool? {
        let status = try block.text(status)
        return try block.bool(flag) ?? status.flatMap(StructureSummary.activity)
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
    /// Services whose answer did not say whether they are active: not offered in ``services``, and an invoice naming
    /// one gets the problem `SDK-SERVICE-ACTIVITY-UNKNOWN`.
    public var unconfirmedServices: [ServiceInfo]
    /// What the platform's answers left unknown about the structure itself (whether it is active, whether it is a
    /// public body), as problems every invoice to it gets (`SDK-RECIPIENT-…-UNKNOWN`): the SDK does not assume.
    public var unconfirmed: [ValidationProblem]

    /// Creates a profile (``StructureService/recipient(siret:serviceCode:)`` builds them from the platform).
    public init(structure: StructureDetails, services: [ServiceInfo], requirement: InvoicingRequirement,
                service: ServiceDetails? = nil, unconfirmedServices: [ServiceInfo] = [], unconfirmed: [ValidationProblem] = []) {
        self.structure = structure
        self.services = services
        self.requirement = requirement
        self.service = service
        self.unconfirmedServices = unconfirmedServices
        self.unconfirmed = unconfirmed
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
        if let service, service.commitmentRequired == true { text += "; service \(service.code) requires a commitment number" }
        if !services.isEmpty { text += "; services: " + services.map(\.code).joined(separator: ", ") }
        return text
    }

    /// Every rule an invoice's routing data breaks for this recipient (empty when it complies):
    /// service code and commitment number as required, service active, known and not `FACTURES_PUBLIQUES`,
    /// commitment number ≤ 50 characters. Field names are the wire paths. What the answers left unknown is reported
    /// too (rules `SDK-…-UNKNOWN`): an unknown requirement when the invoice carries neither a service code nor a
    /// commitment number, a service of unknown activity when the invoice names it, and ``unconfirmed``.
    public func problems(serviceCode: String?, commitmentNumber: String?) -> [ValidationProblem] {
        let code = serviceCode.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let commitment = commitmentNumber.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        var problems = unconfirmed
        func add(_ field: String, _ rule: String, _ message: String) {
            problems.append(ValidationProblem(field: field, rule: rule, message: message))
        }
        let serviceField = "destinataire.codeServiceExecutant"
        let commitmentField = "references.numeroBonCommande"
        if let code {
            if code == ServiceInfo.publicInvoicesCode {
                add(serviceField, "recipient.publicInvoicesService", "FACTURES_PUBLIQUES is reserved for invoices between public bodies")
            } else if unconfirmedServices.contains(where: { $0.code == code }) {
                add(serviceField, "SDK-SERVICE-ACTIVITY-UNKNOWN",
                    "the platform's answer does not say whether service \(code) of \(structure.identifier) is active")
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
        case .unknown:
            if code == nil && commitment == nil {
                add(serviceField, "SDK-RECIPIENT-REQUIREMENT-UNKNOWN",
                    "the platform's answer does not say whether \(structure.identifier) requires a service code or a commitment number")
            }
        default: break
        }
        if commitment == nil && (requirement == .commitmentNumber || requirement == .serviceCodeAndCommitmentNumber) {
            add(commitmentField, "recipient.commitmentRequired", "\(structure.identifier) requires a commitment number")
        }
        if commitment == nil, let service, service.code == code, service.commitmentRequired == true {
            add(commitmentField, "service.commitmentRequired", "service \(service.code) requires a commitment number")
        }
        if let commitment, commitment.count > 50 {
            add(commitmentField, "commitment.length", "a commitment number has at most 50 characters")
        }
        return problems
    }
}

/// Parses the platform's timestamps: ISO 8601 with or without milliseconds, `YYYY-MM-DD HH:mm` (Paris),
/// or a plain date (§3.3, §13.3).
enum PlatformDate {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingSpaces()
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
