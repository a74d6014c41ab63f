import Foundation

// The fake's own records. They mirror the platform's concepts, not the SDK's types.

/// A structure of the fake directory (a public body or a supplier company).
public struct FakeStructure: Sendable, Hashable, Codable {
    /// The platform's technical id (`idStructureCPP`).
    public var id: Int
    /// SIRET, VAT number, name… (`identifiantStructure`).
    public var identifier: String
    /// `SIRET`, `UE_HORS_FRANCE`, `HORS_UE`, `RIDET`, `TAHITI`, `AUTRE`, `PARTICULIER`.
    public var identifierType: String
    /// Company name (`raisonSocialeStructure` / `designationStructure`).
    public var name: String
    /// Public body (`PUBLIQUE`) or private company (`PRIVEE`).
    public var isPublic: Bool
    /// `ACTIVE` or `INACTIVE`.
    public var isActive: Bool
    /// `parametres.codeServiceDoitEtreRenseigne`.
    public var requiresServiceCode: Bool
    /// `parametres.numeroEJDoitEtreRenseigne`.
    public var requiresCommitment: Bool
    /// `parametres.gestionNumeroEJOuCodeService`.
    public var requiresServiceCodeOrCommitment: Bool
    /// Postal code, city and country (ISO 3166).
    public var postalCode: String
    public var city: String
    public var country: String
    /// VAT number, if any.
    public var vatNumber: String?
    /// Whether the recipient is the French State (`destinataireEtat`).
    public var isState: Bool
    /// Services.
    public var services: [FakeService]
    /// Bank accounts (suppliers).
    public var bankAccounts: [FakeBankAccount]

    public init(id: Int, identifier: String, identifierType: String = "SIRET", name: String, isPublic: Bool,
                isActive: Bool = true, requiresServiceCode: Bool = false, requiresCommitment: Bool = false,
                requiresServiceCodeOrCommitment: Bool = false, postalCode: String = "75001", city: String = "PARIS",
                country: String = "FR", vatNumber: String? = nil, isState: Bool = false,
                services: [FakeService] = [], bankAccounts: [FakeBankAccount] = []) {
        self.id = id
        self.identifier = identifier
        self.identifierType = identifierType
        self.name = name
        self.isPublic = isPublic
        self.isActive = isActive
        self.requiresServiceCode = requiresServiceCode
        self.requiresCommitment = requiresCommitment
        self.requiresServiceCodeOrCommitment = requiresServiceCodeOrCommitment
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.vatNumber = vatNumber
        self.isState = isState
        self.services = services
        self.bankAccounts = bankAccounts
    }
}

/// A service of a structure.
public struct FakeService: Sendable, Hashable, Codable {
    /// `idService`.
    public var id: Int
    /// `codeService`.
    public var code: String
    /// `libelleService`.
    public var name: String
    /// `estActif`.
    public var isActive: Bool
    /// `parametres.numeroEngagement`: a commitment number is required for this service.
    public var requiresCommitment: Bool

    public init(id: Int, code: String, name: String, isActive: Bool = true, requiresCommitment: Bool = false) {
        self.id = id
        self.code = code
        self.name = name
        self.isActive = isActive
        self.requiresCommitment = requiresCommitment
    }
}

/// A supplier's bank account.
public struct FakeBankAccount: Sendable, Hashable, Codable {
    /// `idCoordonneeBancaire`.
    public var id: Int
    /// `nomCoordonneeBancaire`.
    public var name: String
    /// IBAN.
    public var iban: String
    /// Only valid accounts are listed by `recuperer/coordbanc/valides`.
    public var isValid: Bool

    public init(id: Int, name: String, iban: String, isValid: Bool = true) {
        self.id = id
        self.name = name
        self.iban = iban
        self.isValid = isValid
    }
}

/// A legal commitment (engagement juridique) of a public structure.
public struct FakeCommitment: Sendable, Hashable, Codable {
    /// `numeroEngagementJuridique`.
    public var number: String
    /// The recipient structure's id.
    public var recipientID: Int
    /// The supplier structure's id it was issued to.
    public var supplierID: Int
    /// `etatCourantEngagementJuridique` (`COMMANDE`, `A_TRAITER`, `CLOTURE`…).
    public var state: String

    public init(number: String, recipientID: Int, supplierID: Int, state: String = "COMMANDE") {
        self.number = number
        self.recipientID = recipientID
        self.supplierID = supplierID
        self.state = state
    }
}

/// A PISTE application: OAuth client and the APIs it is subscribed to.
public struct FakeApplication: Sendable, Hashable, Codable {
    public var clientID: String
    public var clientSecret: String
    /// `factures`, `structures`, `transverses`, `utilisateurs`, `engagementsJuridiques`.
    public var subscriptions: Set<String>

    public static let allAPIs: Set<String> = ["factures", "structures", "transverses", "utilisateurs", "engagementsJuridiques"]

    public init(clientID: String, clientSecret: String, subscriptions: Set<String> = FakeApplication.allAPIs) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.subscriptions = subscriptions
    }
}

/// A Chorus Pro technical account, attached to one structure.
public struct FakeTechnicalAccount: Sendable, Hashable, Codable {
    public var login: String
    public var password: String
    public var structureID: Int
    /// When the password must be changed (`dateExpirationMotPasseCompteTech`).
    public var passwordExpiry: Date

    public init(login: String, password: String, structureID: Int, passwordExpiry: Date) {
        self.login = login
        self.password = password
        self.structureID = structureID
        self.passwordExpiry = passwordExpiry
    }
}

/// A person's manager account (portal).
public struct FakeManagerAccount: Sendable, Hashable {
    public var id: Int
    public var email: String
    public var firstName: String
    public var lastName: String
    public var phone: String?
    public var contactEmail: String?
    public var surveyConsent: Bool
    public var password: String?
    public var activationToken: String
    public var isActive: Bool { password != nil }
}

/// A request to attach a manager account to a structure.
public struct FakeAffiliation: Sendable, Hashable {
    public var id: Int
    public var accountID: Int
    public var structureID: Int
    /// `GESTIONNAIRE_PRINCIPAL`, `GESTIONNAIRE`.
    public var role: String
    /// `EN_COURS_DE_VALIDATION`, `VALIDEE`, `REFUSEE`.
    public var status: String
}

/// An e-mail the fake "sent", readable by tests.
public struct FakeEmail: Sendable, Hashable {
    public var to: String
    public var subject: String
    public var body: String
    /// The activation token it carries, if any.
    public var activationToken: String?
}

/// A stored file (`deposer/pdf`, `ajouter/fichier`).
public struct FakeAttachment: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var mimeType: String
    public var fileExtension: String
    public var data: Data
    public var ownerStructureID: Int
}

/// One status change of an invoice.
public struct FakeStatusChange: Sendable, Hashable {
    public var id: Int
    public var status: String
    public var date: Date
    public var comment: String?
}

/// An invoice stored by the fake.
public struct FakeInvoice: Sendable {
    public var id: Int
    public var number: String
    public var supplierID: Int
    public var recipientID: Int
    public var serviceCode: String?
    public var depositMode: String
    public var invoiceType: String
    public var framework: String
    public var currency: String
    public var issueDate: String?
    public var depositDate: Date
    public var purchaseOrder: String?
    public var contractNumber: String?
    public var originalInvoiceNumber: String?
    public var vatRegime: String?
    public var paymentMode: String?
    public var totalExcludingTax: Decimal
    public var totalVAT: Decimal
    public var totalIncludingTax: Decimal
    public var amountToPay: Decimal
    public var fluxNumber: String?
    public var mainAttachmentID: Int?
    public var extraAttachmentIDs: [Int]
    public var comment: String?
    /// The request body as received (for `consulter/fournisseur`).
    public var submitted: JSONValue
    public var history: [FakeStatusChange]
    public var status: String { history.last?.status ?? "DEPOSEE" }
}

/// A deposited flux and what the platform made of it.
public struct FakeFlux: Sendable {
    public struct Outcome: Sendable {
        public var invoiceNumber: String
        public var supplierIdentifier: String
        public var recipientIdentifier: String
        /// `nil` when integrated; the rejection text otherwise.
        public var error: String?
        /// Data of the invoice to create when the flux is integrated.
        public var invoice: FakeInvoice?
    }

    public var number: String
    public var syntax: String
    public var fileName: String
    public var depositorStructureID: Int
    public var depositedAt: Date
    public var outcomes: [Outcome]
    /// File-level problems (`listeErreurTechnique`).
    public var technicalErrors: [String]
    public var integrated = false
}
