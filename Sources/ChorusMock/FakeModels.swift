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
    /// City.
    public var city: String
    /// ISO 3166 country code.
    public var country: String
    /// VAT number, if any.
    public var vatNumber: String?
    /// Whether the recipient is the French State (`destinataireEtat`).
    public var isState: Bool
    /// Services.
    public var services: [FakeService]
    /// Bank accounts (suppliers).
    public var bankAccounts: [FakeBankAccount]

    /// Creates a value.
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

    /// Creates a value.
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

    /// Creates a value.
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

    /// Creates a value.
    public init(number: String, recipientID: Int, supplierID: Int, state: String = "COMMANDE") {
        self.number = number
        self.recipientID = recipientID
        self.supplierID = supplierID
        self.state = state
    }
}

/// A PISTE application: OAuth client and the APIs it is subscribed to.
public struct FakeApplication: Sendable, Hashable, Codable {
    /// OAuth client id.
    public var clientID: String
    /// OAuth client secret.
    public var clientSecret: String
    /// `factures`, `structures`, `transverses`, `utilisateurs`, `engagementsJuridiques`.
    public var subscriptions: Set<String>

    /// Every API the fake serves.
    public static let allAPIs: Set<String> = ["factures", "structures", "transverses", "utilisateurs", "engagementsJuridiques",
                                              "facturesTravaux"]

    /// Creates a value.
    public init(clientID: String, clientSecret: String, subscriptions: Set<String> = FakeApplication.allAPIs) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.subscriptions = subscriptions
    }
}

/// A Chorus Pro technical account, attached to one structure.
public struct FakeTechnicalAccount: Sendable, Hashable, Codable {
    /// Login (`TECH_1_<SIRET>@cpro.fr`).
    public var login: String
    /// Password.
    public var password: String
    /// The structure it belongs to (`idStructureCPP`).
    public var structureID: Int
    /// When the password must be changed (`dateExpirationMotPasseCompteTech`).
    public var passwordExpiry: Date

    /// Creates a value.
    public init(login: String, password: String, structureID: Int, passwordExpiry: Date) {
        self.login = login
        self.password = password
        self.structureID = structureID
        self.passwordExpiry = passwordExpiry
    }
}

/// A person's manager account (portal).
public struct FakeManagerAccount: Sendable, Hashable {
    /// Technical id.
    public var id: Int
    /// Login e-mail.
    public var email: String
    /// First name.
    public var firstName: String
    /// Last name.
    public var lastName: String
    /// Phone number.
    public var phone: String?
    /// Contact e-mail.
    public var contactEmail: String?
    /// Consent to surveys.
    public var surveyConsent: Bool
    /// Password.
    public var password: String?
    /// The token sent by e-mail.
    public var activationToken: String
    /// Whether a password was set.
    public var isActive: Bool { password != nil }
}

/// A request to attach a manager account to a structure.
public struct FakeAffiliation: Sendable, Hashable {
    /// Technical id.
    public var id: Int
    /// The manager account.
    public var accountID: Int
    /// The structure it belongs to (`idStructureCPP`).
    public var structureID: Int
    /// `GESTIONNAIRE_PRINCIPAL`, `GESTIONNAIRE`.
    public var role: String
    /// `EN_COURS_DE_VALIDATION`, `VALIDEE`, `REFUSEE`.
    public var status: String
}

/// An e-mail the fake "sent", readable by tests.
public struct FakeEmail: Sendable, Hashable {
    /// Recipient address.
    public var to: String
    /// Subject.
    public var subject: String
    /// Text.
    public var body: String
    /// The activation token it carries, if any.
    public var activationToken: String?
}

/// A stored file (`deposer/pdf`, `ajouter/fichier`).
public struct FakeAttachment: Sendable, Hashable {
    /// Technical id.
    public var id: Int
    /// File name.
    public var name: String
    /// MIME type.
    public var mimeType: String
    /// Extension, upper case.
    public var fileExtension: String
    /// Content.
    public var data: Data
    /// The structure that uploaded it.
    public var ownerStructureID: Int
}

/// One status change of an invoice.
public struct FakeStatusChange: Sendable, Hashable {
    /// Technical id.
    public var id: Int
    /// Status code (`DEPOSEE`…).
    public var status: String
    /// When.
    public var date: Date
    /// Comment or reason.
    public var comment: String?
}

/// An invoice stored by the fake.
public struct FakeInvoice: Sendable {
    /// Technical id.
    public var id: Int
    /// Number.
    public var number: String
    /// Supplier structure id.
    public var supplierID: Int
    /// Recipient structure id.
    public var recipientID: Int
    /// Recipient service code.
    public var serviceCode: String?
    /// `modeDepot`.
    public var depositMode: String
    /// `FACTURE` or `AVOIR`.
    public var invoiceType: String
    /// `codeCadreFacturation`.
    public var framework: String
    /// ISO 4217 code.
    public var currency: String
    /// Invoice date, `yyyy-MM-dd`.
    public var issueDate: String?
    /// When it was deposited.
    public var depositDate: Date
    /// Commitment / purchase order number.
    public var purchaseOrder: String?
    /// Contract number.
    public var contractNumber: String?
    /// The invoice a credit note corrects.
    public var originalInvoiceNumber: String?
    /// `typeTva`.
    public var vatRegime: String?
    /// `modePaiement`.
    public var paymentMode: String?
    /// Total excluding tax.
    public var totalExcludingTax: Decimal
    /// Total VAT.
    public var totalVAT: Decimal
    /// Total including tax.
    public var totalIncludingTax: Decimal
    /// Amount to pay.
    public var amountToPay: Decimal
    /// The flux it came in, if any.
    public var fluxNumber: String?
    /// Main attachment id.
    public var mainAttachmentID: Int?
    /// Extra attachment ids.
    public var extraAttachmentIDs: [Int]
    /// Comment or reason.
    public var comment: String?
    /// The request body as received (for `consulter/fournisseur`).
    public var submitted: JSONValue
    /// Status changes, oldest first.
    public var history: [FakeStatusChange]
    /// The validating structure of an A9/A12 invoice (`cadreDeFacturation.codeStructureValideur`).
    public var validatorID: Int?
    /// Whether the supplier acknowledged its rejection (`traiterRejet`).
    public var rejectionHandled = false
    /// Whether the recipient downloaded it.
    public var downloadedByRecipient = false
    /// `numeroDPMandat` given by the recipient.
    public var mandateNumber: String?
    /// Users' actions (`histoAction`): downloads, acknowledged rejections…
    public var userActions: [FakeUserAction] = []
    /// Status code (`DEPOSEE`…).
    public var status: String { history.last?.status ?? "DEPOSEE" }
    /// For an invoice deposited as a flux: the business terms the fake read back from the document (BT/BG id →
    /// values in document order), e.g. `["BT-11": ["PROJ-1"], "BT-158": ["12345678"]]`.
    public var documentTerms: [String: [String]] = [:]
}

/// A deposited flux and what the platform made of it.
public struct FakeFlux: Sendable {
    /// What became of one invoice of the flux.
    public struct Outcome: Sendable {
        /// Invoice number in the file.
        public var invoiceNumber: String
        /// Supplier identifier in the file.
        public var supplierIdentifier: String
        /// Recipient identifier in the file.
        public var recipientIdentifier: String
        /// `nil` when integrated; the rejection text otherwise.
        public var error: String?
        /// Data of the invoice to create when the flux is integrated.
        public var invoice: FakeInvoice?
    }

    /// Number.
    public var number: String
    /// `syntaxeFlux`.
    public var syntax: String
    /// File name.
    public var fileName: String
    /// The depositing structure.
    public var depositorStructureID: Int
    /// Deposit time.
    public var depositedAt: Date
    /// One outcome per invoice in the file.
    public var outcomes: [Outcome]
    /// File-level problems (`listeErreurTechnique`).
    public var technicalErrors: [String]
    /// Whether its invoices were integrated.
    public var integrated = false
}

/// One user action on an invoice (`histoAction`).
public struct FakeUserAction: Sendable, Hashable {
    /// `histoActionId`.
    public var id: Int
    /// `histoActionCode` (`TELECHARGEMENT_FACTURE`, `TRAITEMENT_REJET`…).
    public var code: String
    /// When.
    public var date: Date
    /// The structure whose account acted.
    public var structureID: Int
}

/// A works invoice (facture de travaux) and its course through the project manager (MOE) and the owner (MOA).
public struct FakeWorksInvoice: Sendable, Hashable {
    /// `idFactureTravaux`.
    public var id: Int
    /// `numeroFactureTravaux`.
    public var number: String
    /// `typeFactureTravaux` (e.g. `PROJET_DECOMPTE_MENSUEL`).
    public var worksType: String
    /// `codeCadreFacturation` (A4…A8).
    public var framework: String
    /// The contractor.
    public var supplierID: Int
    /// The project manager (MOE).
    public var projectManagerID: Int
    /// The owner (MOA).
    public var ownerID: Int
    /// Amount excluding tax.
    public var totalExcludingTax: Decimal
    /// Amount including tax.
    public var totalIncludingTax: Decimal
    /// Status changes, oldest first.
    public var history: [FakeStatusChange]
    /// Current status.
    public var status: String { history.last?.status ?? "A_VALIDER_MOE" }
}
