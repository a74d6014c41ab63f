import Foundation

// RegisteredAccount, Affiliation, AffiliationOverview, TechnicalAccountCredentials, AttachedStructure,
// SupplierStructure and BankAccount are generated from Sources/ChorusSDK/Models/AccountModels.models
// (AccountModels+Fields.swift); their computed properties and conformances are below, with the requests.

/// A manager account to create on the portal (step 1 of the supplier's journey).
public struct ManagerRegistration: Sendable, Hashable {
    /// Login e-mail (`email`).
    public var email: String
    /// The same e-mail typed again (`confirmationEmail`); must match.
    public var emailConfirmation: String
    /// First name (`prenom`), required.
    public var firstName: String
    /// Last name (`nom`), required.
    public var lastName: String
    /// Phone number (`telephone`), optional.
    public var phone: String?
    /// Contact e-mail if different (`emailContact`), optional.
    public var contactEmail: String?
    /// Acceptance of the terms of use (`acceptationCGU`); must be `true`.
    public var acceptsTerms: Bool
    /// Consent to satisfaction surveys (`consentementEnquete`), a separate, free choice.
    public var agreesToSurveys: Bool

    /// Creates a registration.
    public init(email: String, emailConfirmation: String, firstName: String, lastName: String, phone: String? = nil,
                contactEmail: String? = nil, acceptsTerms: Bool, agreesToSurveys: Bool = false) {
        self.email = email
        self.emailConfirmation = emailConfirmation
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.contactEmail = contactEmail
        self.acceptsTerms = acceptsTerms
        self.agreesToSurveys = agreesToSurveys
    }

    /// Every rule broken, each naming its wire field.
    public func problems() -> [ChorusError] {
        var problems: [ChorusError] = []
        func add(_ field: String, _ rule: String, _ message: String) {
            problems.append(.invalidInput(.creerCompteGestionnaire, field: field, rule: rule, message))
        }
        if !Self.isEmail(email) { add("email", "email.format", "\"\(email)\" is not an e-mail address") }
        if email.lowercased() != emailConfirmation.lowercased() {
            add("confirmationEmail", "email.confirmation", "the confirmation differs from the e-mail")
        }
        if firstName.trimmingCharacters(in: .whitespaces).isEmpty { add("prenom", "required", "the first name is required") }
        if lastName.trimmingCharacters(in: .whitespaces).isEmpty { add("nom", "required", "the last name is required") }
        if let contactEmail, !Self.isEmail(contactEmail) {
            add("emailContact", "email.format", "\"\(contactEmail)\" is not an e-mail address")
        }
        if !acceptsTerms { add("acceptationCGU", "terms.accepted", "the terms of use must be accepted") }
        return problems
    }

    static func isEmail(_ text: String) -> Bool {
        text.range(of: #"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"#, options: .regularExpression) != nil
    }

    var wireBody: WireObject {
        ["email": .string(email), "confirmationEmail": .string(emailConfirmation), "prenom": .string(firstName),
         "nom": .string(lastName), "telephone": .text(phone), "emailContact": .text(contactEmail),
         "acceptationCGU": .bool(acceptsTerms), "consentementEnquete": .bool(agreesToSurveys)]
    }
}

/// The password rule the SDK applies before sending (and ChorusMock enforces): 12 to 64 characters with
/// at least one lower-case letter, one upper-case letter, one digit and one other character. The real
/// portal's rule is not published in our sources; this one is at least as strict as common portal rules.
public enum ManagerPasswordRule {
    /// The rule in words.
    public static let description = "12 to 64 characters, with a lower-case letter, an upper-case letter, a digit and another character"

    /// Whether `password` follows the rule.
    public static func accepts(_ password: String) -> Bool {
        (12...64).contains(password.count) && password.contains(where: \.isLowercase) && password.contains(where: \.isUppercase)
            && password.contains(where: \.isNumber) && password.contains(where: { !$0.isLetter && !$0.isNumber })
    }
}

/// What to ask to be attached to: a structure named by its identifier (see ``StructureIdentifier`` for the
/// rules of each type), with its company name when it may not exist yet.
public struct AffiliationRequest: Sendable, Hashable {
    /// Identifier type (`typeIdentifiant`).
    public var identifierType: StructureIdentifierType
    /// Identifier (`identifiant`); for a private person, the last name.
    public var identifier: String
    /// Company name (`raisonSociale`), needed when the structure is new.
    public var companyName: String?
    /// A private person's names (`nom`, `prenom`).
    public var lastName: String?
    /// First name (`prenom`).
    public var firstName: String?
    /// ISO 3166 country (`codePays`), for foreign companies.
    public var country: String?

    /// A French company by SIRET.
    public static func siret(_ siret: String, companyName: String? = nil) -> AffiliationRequest {
        AffiliationRequest(identifierType: .siret, identifier: siret, companyName: companyName)
    }

    /// A company of another EU country by VAT number.
    public static func euVATNumber(_ number: String, companyName: String? = nil) -> AffiliationRequest {
        AffiliationRequest(identifierType: .euOutsideFrance, identifier: number, companyName: companyName,
                           country: String(number.prefix(2)).uppercased())
    }

    /// A company outside the EU by tax number.
    public static func taxNumber(_ number: String, country: String, companyName: String? = nil) -> AffiliationRequest {
        AffiliationRequest(identifierType: .outsideEU, identifier: number, companyName: companyName, country: country)
    }

    /// A US company without a tax number: `US` + company name.
    public static func usCompany(name: String) -> AffiliationRequest {
        AffiliationRequest(identifierType: .outsideEU, identifier: "US" + name.uppercased(), companyName: name, country: "US")
    }

    /// A private person.
    public static func privatePerson(lastName: String, firstName: String) -> AffiliationRequest {
        AffiliationRequest(identifierType: .privatePerson, identifier: lastName, lastName: lastName, firstName: firstName)
    }

    /// Creates a request.
    public init(identifierType: StructureIdentifierType, identifier: String, companyName: String? = nil,
                lastName: String? = nil, firstName: String? = nil, country: String? = nil) {
        self.identifierType = identifierType
        self.identifier = identifier
        self.companyName = companyName
        self.lastName = lastName
        self.firstName = firstName
        self.country = country
    }

    /// The identifier checked by its type's rule.
    func checkedIdentifier(_ policy: StructureIdentifier.CheckDigitPolicy) throws -> StructureIdentifier {
        if identifierType == .privatePerson {
            return try .privatePerson(lastName: lastName ?? identifier, firstName: firstName ?? "")
        }
        if identifierType == .outsideEU, identifier.hasPrefix("US"), companyName.map({ "US" + $0.uppercased() }) == identifier {
            return try .usCompany(name: companyName ?? "")
        }
        return try .make(type: identifierType, value: identifier, checkDigit: policy)
    }

    func wireBody(checkDigit policy: StructureIdentifier.CheckDigitPolicy) throws -> WireObject {
        let checked = try checkedIdentifier(policy)
        return ["typeIdentifiant": .string(checked.type.rawValue), "identifiant": .string(checked.value),
                "raisonSociale": .text(companyName), "nom": .text(lastName), "prenom": .text(firstName), "codePays": .text(country)]
    }
}

/// The state of an affiliation (`statut`, `statutRattachementStructure`). Open.
public struct AffiliationStatus: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a status.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `EN_COURS_DE_VALIDATION`: waiting for the structure's main manager.
    public static let pending = AffiliationStatus(rawValue: "EN_COURS_DE_VALIDATION")
    /// `VALIDEE`.
    public static let approved = AffiliationStatus(rawValue: "VALIDEE")
    /// `REFUSEE`.
    public static let refused = AffiliationStatus(rawValue: "REFUSEE")
    /// `DESACTIVEE`.
    public static let deactivated = AffiliationStatus(rawValue: "DESACTIVEE")
}

extension Affiliation {
    /// Whether this account is the structure's main manager.
    public var isMainManager: Bool { role == "GESTIONNAIRE_PRINCIPAL" }
}

extension TechnicalAccountCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Shows the structure and the redacted credentials.
    public var description: String { "TechnicalAccountCredentials(structure: \(structureID), \(credentials))" }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// A mirror without secrets.
    public var customMirror: Mirror { Mirror(self, children: ["structureID": structureID, "credentials": credentials]) }

    /// The four credentials, each required.
    static func credentials(_ block: AnswerObject, _ clientID: String, _ clientSecret: String, _ login: String,
                            _ password: String) throws -> ChorusCredentials {
        func required(_ key: String) throws -> String {
            guard let value = try block.text(key) else { throw block.failure(key, "the technical account has no \(key)") }
            return value
        }
        return ChorusCredentials(clientID: try required(clientID), clientSecret: try required(clientSecret),
                                 technicalLogin: try required(login), technicalPassword: try required(password))
    }
}

/// When the technical account's password expires. The platform requires a change every 424 days,
/// made by the structure's main manager in the portal.
public struct TechnicalPasswordStatus: Sendable, Hashable {
    /// The expiry (`dateExpirationMotPasseCompteTech`), when the platform gives it.
    public var expiresAt: Date?
    /// Whole days left, when known.
    public var daysLeft: Int?

    /// Creates a value (for stubs and tests).
    public init(expiresAt: Date? = nil, daysLeft: Int? = nil) {
        self.expiresAt = expiresAt
        self.daysLeft = daysLeft
    }

    /// Days before expiry from which ``needsRenewalSoon`` is true.
    public static let warningDays = 30

    /// Whether fewer than 30 days are left (or it has expired).
    public var needsRenewalSoon: Bool { daysLeft.map { $0 < Self.warningDays } ?? false }

    /// A sentence for a person.
    public var message: String {
        guard let daysLeft, let expiresAt else { return "The platform did not give the technical password's expiry date." }
        let day = CalendarDate(expiresAt).description
        if daysLeft < 0 { return "The technical password expired on \(day): the main manager must change it in the portal." }
        return needsRenewalSoon
            ? "The technical password expires on \(day) (\(daysLeft) days): have the main manager change it in the portal now."
            : "The technical password expires on \(day) (\(daysLeft) days)."
    }
}

/// What ``AccountService/verifyConnection()`` found, layer by layer.
public struct ConnectionReport: Sendable {
    /// Where a failure lies.
    public enum Layer: String, Sendable, Hashable {
        /// The PISTE application's client id or secret.
        case pisteApplication
        /// The Chorus Pro technical account's login or password.
        case technicalAccount
        /// The PISTE application is not subscribed to an API.
        case apiSubscription
        /// The platform could not be reached or failed.
        case platform
    }

    /// One problem found.
    public struct Problem: Sendable {
        /// Where it lies.
        public var layer: Layer
        /// The API concerned, for subscription problems (`Factures`, `Structures`…).
        public var api: String?
        /// What a person should do.
        public var advice: String
        /// The error behind it.
        public var error: ChorusError

        /// Creates a value (for stubs and tests).
        public init(layer: Layer, api: String? = nil, advice: String, error: ChorusError) {
            self.layer = layer
            self.api = api
            self.advice = advice
            self.error = error
        }
    }

    /// The problems found; empty when everything works.
    public var problems: [Problem]
    /// Each API checked and whether it answered (`Factures`, `Structures`, `Transverses`, `Utilisateurs`,
    /// `Engagements juridiques`).
    public var apis: [String: Bool]
    /// The technical password's expiry, when it could be read.
    public var technicalPassword: TechnicalPasswordStatus?

    /// Creates a value (for stubs and tests).
    public init(problems: [Problem] = [], apis: [String: Bool] = [:], technicalPassword: TechnicalPasswordStatus? = nil) {
        self.problems = problems
        self.apis = apis
        self.technicalPassword = technicalPassword
    }

    /// Whether every required API answered with these credentials (the commitments API is optional).
    public var isHealthy: Bool { problems.allSatisfy { $0.layer == .apiSubscription && $0.api == "Engagements juridiques" } }

    /// The first problem's layer, if any.
    public var failingLayer: Layer? { problems.first?.layer }

    /// Several lines for a person.
    public var summary: String {
        var lines = [isHealthy ? "Connection OK." : "Connection failed."]
        lines += problems.map { "- \($0.layer.rawValue)\($0.api.map { " (\($0))" } ?? ""): \($0.advice)" }
        if let technicalPassword { lines.append(technicalPassword.message) }
        return lines.joined(separator: "\n")
    }
}
