import Foundation

/// What the fake platform holds when it starts: the directory, applications, technical accounts,
/// commitments and reference tables. ``standard`` covers every requirement combination; a test can
/// start from it and add its own, or load one from JSON (`chorus-mock-server --seed FILE`).
public struct FakeSeed: Sendable, Codable {
    /// Public bodies and supplier companies.
    public var structures: [FakeStructure]
    /// PISTE applications (OAuth clients).
    public var applications: [FakeApplication]
    /// Chorus Pro technical accounts.
    public var technicalAccounts: [FakeTechnicalAccount]
    /// Legal commitments.
    public var commitments: [FakeCommitment]
    /// VAT rates: code → percent.
    public var vatRates: [String: Decimal]
    /// Currencies: code → label.
    public var currencies: [String: String]
    /// Countries: code → label.
    public var countries: [String: String]
    /// VAT exemption reasons: code → label.
    public var exemptionReasons: [String: String]

    /// Creates a seed.
    public init(structures: [FakeStructure], applications: [FakeApplication], technicalAccounts: [FakeTechnicalAccount],
                commitments: [FakeCommitment], vatRates: [String: Decimal] = FakeSeed.standardVATRates,
                currencies: [String: String] = FakeSeed.standardCurrencies,
                countries: [String: String] = FakeSeed.standardCountries,
                exemptionReasons: [String: String] = FakeSeed.standardExemptionReasons) {
        self.structures = structures
        self.applications = applications
        self.technicalAccounts = technicalAccounts
        self.commitments = commitments
        self.vatRates = vatRates
        self.currencies = currencies
        self.countries = countries
        self.exemptionReasons = exemptionReasons
    }

    /// Reads a seed written as JSON (the same shape as this type's `Codable` form).
    public static func load(from url: URL) throws -> FakeSeed {
        try JSONDecoder().decode(FakeSeed.self, from: Data(contentsOf: url))
    }

    // MARK: The standard seed

    /// SIRET of the Opéra national de Paris.
    public static let operaSIRET = "78439607900054"
    /// A La Poste SIRET (valid by the digit-sum rule, not by Luhn).
    public static let laPosteSIRET = "35600000049837"
    /// The ready-made supplier company.
    public static let supplierSIRET = FakeRules.withLuhnDigit("8120045670001")
    /// A second supplier without a technical account.
    public static let otherSupplierSIRET = FakeRules.withLuhnDigit("5230098760001")
    /// Public structures by requirement.
    public static let noRequirementSIRET = FakeRules.withLuhnDigit("2175000100001")
    /// A public structure requiring a service code.
    public static let serviceRequiredSIRET = FakeRules.withLuhnDigit("2175000100002")
    /// A public structure requiring a commitment number.
    public static let commitmentRequiredSIRET = FakeRules.withLuhnDigit("2175000100003")
    /// A public structure requiring both.
    public static let bothRequiredSIRET = FakeRules.withLuhnDigit("2175000100004")
    /// A public structure requiring either.
    public static let eitherRequiredSIRET = FakeRules.withLuhnDigit("2175000100005")
    /// An inactive public structure.
    public static let inactiveStructureSIRET = FakeRules.withLuhnDigit("2175000100006")
    /// A State body (commitments are checked).
    public static let stateBodySIRET = FakeRules.withLuhnDigit("1100000000011")

    /// The ready-made PISTE application.
    public static let clientID = "chorus-mock-client"
    /// OAuth client secret.
    public static let clientSecret = "chorus-mock-secret-7f2b"
    /// The ready-made technical account.
    public static let technicalLogin = "TECH_1_\(supplierSIRET)@cpro.fr"
    /// The ready-made technical password.
    public static let technicalPassword = "Tech-Passw0rd-Mock"
    /// A main contractor that validates its subcontractors' (A9) and co-contractors' (A12) invoices.
    public static let validatorSIRET = FakeRules.withLuhnDigit("4410077880001")
    /// An architect, project manager (MOE) of works contracts.
    public static let projectManagerSIRET = FakeRules.withLuhnDigit("3890011220001")
    /// The Opéra's technical account: the public body's side (received invoices, `traiter/recue`) and MOA of works.
    public static let recipientLogin = "TECH_1_\(operaSIRET)@cpro.fr"
    /// Its password.
    public static let recipientPassword = "Recipient-Passw0rd-Mock"
    /// The main contractor's technical account: the validator's side.
    public static let validatorLogin = "TECH_1_\(validatorSIRET)@cpro.fr"
    /// Its password.
    public static let validatorPassword = "Validator-Passw0rd-Mock"
    /// The architect's technical account: the MOE's side of works invoices.
    public static let projectManagerLogin = "TECH_1_\(projectManagerSIRET)@cpro.fr"
    /// Its password.
    public static let projectManagerPassword = "Moe-Passw0rd-Mock"
    /// A commitment number known to the fake.
    public static let commitmentNumber = "EJ0000048295"

    /// The standard directory.
    public static var standard: FakeSeed {
        let services: (Int) -> [FakeService] = { base in [
            FakeService(id: base + 1, code: "SERVICE_ACHATS", name: "Service des achats"),
            FakeService(id: base + 2, code: "FACTURES_PUBLIQUES", name: "Factures entre entités publiques"),
            FakeService(id: base + 3, code: "ANCIEN_SERVICE", name: "Service fermé", isActive: false),
            FakeService(id: base + 4, code: "SERVICE_EJ", name: "Service avec engagement", requiresCommitment: true),
        ] }
        let structures = [
            FakeStructure(id: 26_300_001, identifier: operaSIRET, name: "OPERA NATIONAL DE PARIS", isPublic: true,
                          requiresServiceCode: true, postalCode: "75009",
                          services: [FakeService(id: 10_657_001, code: "DIRECTION_ACHATS", name: "Direction des achats"),
                                     FakeService(id: 10_657_002, code: "FACTURES_PUBLIQUES", name: "Factures publiques"),
                                     FakeService(id: 10_657_003, code: "ATELIERS_DECORS", name: "Ateliers décors", isActive: false),
                                     FakeService(id: 10_657_004, code: "PRODUCTION", name: "Production",
                                                 requiresCommitment: true)]),
            FakeStructure(id: 26_300_002, identifier: noRequirementSIRET, name: "COMMUNE DE TESTVILLE", isPublic: true,
                          services: services(10_660_000)),
            FakeStructure(id: 26_300_003, identifier: serviceRequiredSIRET, name: "HOPITAL AVEC CODE SERVICE", isPublic: true,
                          requiresServiceCode: true, services: services(10_661_000)),
            FakeStructure(id: 26_300_004, identifier: commitmentRequiredSIRET, name: "UNIVERSITE AVEC ENGAGEMENT", isPublic: true,
                          requiresCommitment: true, services: services(10_662_000)),
            FakeStructure(id: 26_300_005, identifier: bothRequiredSIRET, name: "DEPARTEMENT CODE ET ENGAGEMENT", isPublic: true,
                          requiresServiceCode: true, requiresCommitment: true, services: services(10_663_000)),
            FakeStructure(id: 26_300_006, identifier: eitherRequiredSIRET, name: "REGION CODE OU ENGAGEMENT", isPublic: true,
                          requiresServiceCodeOrCommitment: true, services: services(10_664_000)),
            FakeStructure(id: 26_300_007, identifier: inactiveStructureSIRET, name: "SYNDICAT DISSOUS", isPublic: true,
                          isActive: false),
            FakeStructure(id: 26_300_008, identifier: laPosteSIRET, name: "LA POSTE BUREAU DE TEST", isPublic: true),
            FakeStructure(id: 26_300_009, identifier: stateBodySIRET, name: "MINISTERE DES TESTS", isPublic: true,
                          isState: true, services: services(10_665_000)),
            FakeStructure(id: 26_262_001, identifier: supplierSIRET, name: "ATELIER DUPONT SARL", isPublic: false,
                          postalCode: "69002", city: "LYON", vatNumber: "FR32812004567",
                          services: [FakeService(id: 436, code: "FACTURATION", name: "Service facturation")],
                          bankAccounts: [FakeBankAccount(id: 144_050, name: "Compte principal",
                                                         iban: "FR7630006000011234567890189"),
                                         FakeBankAccount(id: 144_051, name: "Ancien compte",
                                                         iban: "FR7610107001011234567890129", isValid: false)]),
            FakeStructure(id: 26_262_002, identifier: otherSupplierSIRET, name: "BUREAU MARTIN SAS", isPublic: false,
                          postalCode: "33000", city: "BORDEAUX",
                          bankAccounts: [FakeBankAccount(id: 144_060, name: "Compte courant",
                                                         iban: "FR7630004000031234567890143")]),
            FakeStructure(id: 26_262_003, identifier: validatorSIRET, name: "BATIMENT GENERAL SA", isPublic: false,
                          postalCode: "75011", city: "PARIS"),
            FakeStructure(id: 26_262_004, identifier: projectManagerSIRET, name: "ATELIER D'ARCHITECTURE MOE", isPublic: false,
                          postalCode: "75004", city: "PARIS"),
        ]
        let expiry = Date(timeIntervalSinceNow: 300 * 86_400)
        return FakeSeed(
            structures: structures,
            applications: [FakeApplication(clientID: clientID, clientSecret: clientSecret)],
            technicalAccounts: [FakeTechnicalAccount(login: technicalLogin, password: technicalPassword, structureID: 26_262_001,
                                                     passwordExpiry: expiry),
                                FakeTechnicalAccount(login: recipientLogin, password: recipientPassword, structureID: 26_300_001,
                                                     passwordExpiry: expiry),
                                FakeTechnicalAccount(login: validatorLogin, password: validatorPassword, structureID: 26_262_003,
                                                     passwordExpiry: expiry),
                                FakeTechnicalAccount(login: projectManagerLogin, password: projectManagerPassword, structureID: 26_262_004,
                                                     passwordExpiry: expiry)],
            commitments: [FakeCommitment(number: commitmentNumber, recipientID: 26_300_004, supplierID: 26_262_001),
                          FakeCommitment(number: "EJ0000050001", recipientID: 26_300_009, supplierID: 26_262_001),
                          FakeCommitment(number: "EJ0000099999", recipientID: 26_300_009, supplierID: 26_262_001,
                                         state: "CLOTURE")])
    }

    /// `TVA1`…`TVA5` (TVA5 = 20 %, as the reference infers).
    public static let standardVATRates: [String: Decimal] = [
        "TVA1": 0, "TVA2": Decimal(string: "2.1") ?? 0, "TVA3": Decimal(string: "5.5") ?? 0, "TVA4": 10, "TVA5": 20,
    ]
    /// Currencies of the standard seed.
    public static let standardCurrencies = ["EUR": "Euro européen", "USD": "Dollar US", "GBP": "Livre sterling",
                                            "CHF": "Franc suisse"]
    /// Countries of the standard seed.
    public static let standardCountries = ["FR": "France", "DE": "Allemagne", "BE": "Belgique", "ES": "Espagne",
                                           "IT": "Italie", "US": "Etats-Unis", "GB": "Royaume-Uni", "NC": "Nouvelle-Calédonie",
                                           "PF": "Polynésie française"]
    /// VAT exemption reasons of the standard seed.
    public static let standardExemptionReasons = ["EXO_ART_261": "Exonération article 261 du CGI",
                                                  "EXO_ART_262": "Exonération article 262 du CGI (export)",
                                                  "AUTOLIQUIDATION": "Autoliquidation",
                                                  "FRANCHISE_293B": "Franchise en base, article 293 B du CGI"]
}
