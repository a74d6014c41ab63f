import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

@Suite("Accounts: the portal journey and the connection check", .timeLimit(.minutes(10)))
struct AccountServiceTests {
    func register(_ client: ChorusClient, _ fake: FakeChorusPro, _ email: String) async throws -> PortalSession {
        _ = try await client.accounts.register(ManagerRegistration(email: email, emailConfirmation: email, firstName: "Anne",
                                                                   lastName: "Dupont", phone: "+33 1 23 45 67 89",
                                                                   acceptsTerms: true, agreesToSurveys: false))
        let token = try #require(await fake.outbox.last { $0.to == email }?.activationToken)
        try await client.accounts.activate(token: token, password: "Très-Secret-2026")
        return try await client.accounts.signIn(email: email, password: "Très-Secret-2026")
    }

    @Test("register → e-mail → password → sign in → affiliate new → affiliate existing, approved → technical account → connection OK")
    func wholeJourney() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        let anne = try await register(client, fake, "anne@menuiserie-exemple.fr")
        let created = try await client.structures.requestAffiliation(.siret("123 456 789 01245", companyName: "Menuiserie Exemple"), session: anne)
        #expect(created.isMainManager && created.status == .approved)
        #expect(created.structureIdentifier == "12345678901245")

        let bob = try await register(client, fake, "bob@menuiserie-exemple.fr")
        let pending = try await client.structures.requestAffiliation(.siret("12345678901245"), session: bob)
        #expect(pending.status == .pending)
        let overview = try await client.accounts.affiliations(session: anne)
        #expect(overview.toDecide.map(\.requesterEmail) == ["bob@menuiserie-exemple.fr"])
        let approved = try await client.accounts.decideAffiliation(pending.id, approve: true, session: anne)
        #expect(approved.status == .approved)
        #expect(try await client.accounts.affiliations(session: bob).mine.first?.status == .approved)

        let technical = try await client.accounts.createTechnicalAccount(structureID: created.structureID, session: anne)
        #expect(technical.credentials.technicalLogin == "TECH_1_12345678901245@cpro.fr")
        #expect(!technical.description.contains(technical.credentials.technicalPassword))

        let companyClient = try ChorusClient(environment: MockTransport.environment, credentials: technical.credentials,
                                             transport: MockTransport(fake: fake))
        let report = await companyClient.accounts.verifyConnection()
        #expect(report.isHealthy, "\(report.summary)")
        #expect(report.apis == ["Utilisateurs": true, "Transverses": true, "Structures": true, "Factures": true, "Engagements juridiques": true])
        #expect(report.technicalPassword?.daysLeft == 423)
        #expect(try await companyClient.accounts.activeSupplierStructures().map(\.identifier) == ["12345678901245"])
    }

    @Test("each wrong credential gets its own diagnosis")
    func diagnoses() async throws {
        let fake = FakeChorusPro()
        func report(_ credentials: ChorusCredentials, transport: (any Transport)? = nil) async throws -> ConnectionReport {
            let client = try ChorusClient(configuration: ChorusConfiguration(
                environment: MockTransport.environment, credentials: credentials, transport: transport ?? MockTransport(fake: fake),
                retryPolicy: .none))
            return await client.accounts.verifyConnection()
        }
        let good = MockTransport.credentials
        let wrongSecret = ChorusCredentials(clientID: good.clientID, clientSecret: "wrong", technicalLogin: good.technicalLogin,
                                            technicalPassword: good.technicalPassword)
        let wrongPassword = ChorusCredentials(clientID: good.clientID, clientSecret: good.clientSecret,
                                              technicalLogin: good.technicalLogin, technicalPassword: "wrong")
        #expect(try await report(good).isHealthy)

        let secretReport = try await report(wrongSecret)
        #expect(secretReport.failingLayer == .pisteApplication)
        #expect(secretReport.summary.contains("client id or secret"))
        #expect(try await report(wrongPassword).failingLayer == .technicalAccount)

        await fake.addApplication(FakeApplication(clientID: good.clientID, clientSecret: good.clientSecret,
                                                  subscriptions: ["utilisateurs", "transverses", "structures"]))
        let subscriptions = try await report(good)
        #expect(!subscriptions.isHealthy)
        #expect(subscriptions.problems.map(\.api) == ["Factures", "Engagements juridiques"])
        #expect(subscriptions.problems.first?.advice.contains("subscribe") == true)

        let unreachable = ChorusEnvironment.custom(apiBaseURL: try requireURL("http://127.0.0.1:9"),
                                                   oauthURL: try requireURL("http://127.0.0.1:9/api/oauth/token"))
        let client = try ChorusClient(configuration: ChorusConfiguration(environment: unreachable, credentials: good,
                                                                        transport: URLSessionTransport(), retryPolicy: .none))
        let offline = await client.accounts.verifyConnection()
        #expect(offline.failingLayer == .platform)
        #expect(offline.problems.first?.error.code == .cannotConnect)
    }

    @Test("a technical password expiring within 30 days is flagged and logged")
    func passwordExpiry() async throws {
        let fake = FakeChorusPro()
        let soon = await fake.currentDate.addingTimeInterval(10 * 86_400 + 3600)
        await fake.addTechnicalAccount(FakeTechnicalAccount(login: FakeSeed.technicalLogin, password: FakeSeed.technicalPassword,
                                                            structureID: 26_262_001, passwordExpiry: soon))
        let warnings = LockedBox([String]())
        let client = try mockClient(fake) { configuration in
            configuration.logger = { event in if event.kind == .warning { warnings.withLock { $0.append(event.message ?? "") } } }
        }
        let status = try await client.accounts.technicalPasswordStatus()
        #expect(status.daysLeft == 10)
        #expect(status.needsRenewalSoon)
        #expect(warnings.withLock { $0.first?.contains("10 days") == true })
    }

    @Test("the technical account's structures, supplier structures and valid bank accounts")
    func pisteLookups() async throws {
        let client = try mockClient()
        let attached = try await client.accounts.attachedStructures().collect()
        #expect(attached.map(\.identifier) == [FakeSeed.supplierSIRET])
        #expect(attached.first?.services.map(\.code) == ["FACTURATION"])
        #expect(try await client.accounts.bankAccounts(structureID: 26_262_001).map(\.id) == [144_050])
        let error = await #expect(throws: ChorusError.self) { try await client.accounts.bankAccounts(structureID: 26_262_002) }
        #expect(error?.code == .rejected && error?.apiReturnCode == 20107)
    }

    @Test("portal steps against production throw portalOnly naming the page, with zero requests sent")
    func portalOnly() async throws {
        let transport = ScriptedTransport()
        let client = try ChorusClient(environment: .production, credentials: Fixtures.credentials, transport: transport)
        let registration = ManagerRegistration(email: "a@b.fr", emailConfirmation: "a@b.fr", firstName: "A", lastName: "B", acceptsTerms: true)
        let session = PortalSession(token: "t", accountID: 1)
        let calls: [@Sendable () async throws -> Void] = [
            { _ = try await client.accounts.register(registration) },
            { try await client.accounts.activate(token: "x", password: "Very-Strong-Pass1") },
            { _ = try await client.accounts.signIn(email: "a@b.fr", password: "x") },
            { _ = try await client.structures.requestAffiliation(.siret("12345678901245"), session: session) },
            { _ = try await client.accounts.decideAffiliation(1, approve: true, session: session) },
            { _ = try await client.accounts.createTechnicalAccount(structureID: 1, session: session) },
        ]
        for call in calls {
            let error = try await #require(throws: ChorusError.self) { try await call() }
            #expect(error.code == .portalOnly)
            #expect(error.message.contains("https://chorus-pro.gouv.fr"))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("registration and password rules are checked before sending")
    func localRules() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport)
        let cases: [(ManagerRegistration, String)] = [
            (ManagerRegistration(email: "a@b.fr", emailConfirmation: "x@b.fr", firstName: "A", lastName: "B", acceptsTerms: true), "confirmationEmail"),
            (ManagerRegistration(email: "not-an-email", emailConfirmation: "not-an-email", firstName: "A", lastName: "B", acceptsTerms: true), "email"),
            (ManagerRegistration(email: "a@b.fr", emailConfirmation: "a@b.fr", firstName: " ", lastName: "B", acceptsTerms: true), "prenom"),
            (ManagerRegistration(email: "a@b.fr", emailConfirmation: "a@b.fr", firstName: "A", lastName: "", acceptsTerms: true), "nom"),
            (ManagerRegistration(email: "a@b.fr", emailConfirmation: "a@b.fr", firstName: "A", lastName: "B", acceptsTerms: false), "acceptationCGU"),
        ]
        for (registration, field) in cases {
            let error = try await #require(throws: ChorusError.self) { try await client.accounts.register(registration) }
            #expect(error.code == .invalidInput && error.field == field)
        }
        for weak in ["short1A!", "alllowercase-123", "ALLUPPERCASE-123", "NoDigitsHere-!!", "NoSpecial12345678"] {
            let error = try await #require(throws: ChorusError.self) { try await client.accounts.activate(token: "t", password: weak) }
            #expect(error.field == "motDePasse" && error.rule == "password.strength")
        }
        #expect(transport.requests.isEmpty)
    }
}

@Suite("Structures: recipients and their rules", .timeLimit(.minutes(10)))
struct StructureServiceTests {
    @Test("every requirement combination resolves", arguments: [
        (FakeSeed.noRequirementSIRET, InvoicingRequirement.nothing), (FakeSeed.serviceRequiredSIRET, .serviceCode),
        (FakeSeed.commitmentRequiredSIRET, .commitmentNumber), (FakeSeed.bothRequiredSIRET, .serviceCodeAndCommitmentNumber),
        (FakeSeed.eitherRequiredSIRET, .serviceCodeOrCommitmentNumber),
    ])
    func requirements(_ siret: String, _ expected: InvoicingRequirement) async throws {
        let client = try mockClient()
        let profile = try await client.structures.recipient(siret: siret)
        #expect(profile.requirement == expected)
        #expect(profile.services.map(\.code) == ["SERVICE_ACHATS", "SERVICE_EJ"])
        #expect(profile.summary.contains(expected.description))
    }

    @Test("the Opéra national de Paris: services offered never include inactive ones or FACTURES_PUBLIQUES")
    func opera() async throws {
        let client = try mockClient()
        let profile = try await client.structures.recipient(siret: "78439607900054", serviceCode: "PRODUCTION")
        #expect(profile.structure.name == "OPERA NATIONAL DE PARIS")
        #expect(profile.services.map(\.code) == ["DIRECTION_ACHATS", "PRODUCTION"])
        #expect(profile.mustCarryServiceCode)
        #expect(profile.mustCarryCommitmentNumber)  // the PRODUCTION service requires one
        let all = try await client.structures.services(structureID: profile.structure.id, includeInactive: true)
        #expect(all.count == 4)
        #expect(profile.problems(serviceCode: "FACTURES_PUBLIQUES", commitmentNumber: nil).map(\.rule) == ["recipient.publicInvoicesService"])
        #expect(profile.problems(serviceCode: "ATELIERS_DECORS", commitmentNumber: nil).map(\.rule) == ["recipient.activeService"])
        #expect(profile.problems(serviceCode: nil, commitmentNumber: nil).map(\.rule) == ["recipient.serviceCodeRequired"])
        #expect(profile.problems(serviceCode: "PRODUCTION", commitmentNumber: nil).map(\.rule) == ["service.commitmentRequired"])
        #expect(profile.problems(serviceCode: "PRODUCTION", commitmentNumber: "EJ-1").isEmpty)
        #expect(profile.problems(serviceCode: "PRODUCTION", commitmentNumber: String(repeating: "9", count: 51)).map(\.rule) == ["commitment.length"])
    }

    @Test("unknown, inactive and private recipients are refused with the field named")
    func badRecipients() async throws {
        let client = try mockClient()
        for (siret, rule, code) in [("12345678901245", "recipient.exists", ChorusError.Code.recipientNotFound),
                                    (FakeSeed.inactiveStructureSIRET, "recipient.active", .recipientInactive),
                                    (FakeSeed.supplierSIRET, "recipient.public", .invalidInput)] {
            let error = try await #require(throws: ChorusError.self) { try await client.structures.recipient(siret: siret) }
            // The caller passed `siret`: the error names it, and does not claim that nothing was sent (a search was).
            #expect(error.field == "siret" && error.rule == rule && error.code == code)
            #expect(!error.localizedDescription.contains("nothing was sent"), "\(error.localizedDescription)")
        }
    }

    @Test("search pages through more than 1,000 structures; no result is empty either way")
    func bigSearch() async throws {
        let fake = FakeChorusPro()
        for index in 0..<1_050 {
            await fake.addStructure(FakeStructure(id: 40_000_000 + index, identifier: String(format: "%014d", index),
                                                  name: "COMMUNE GENEREE \(index)", isPublic: true))
        }
        let client = try mockClient(fake)
        let pages = client.structures.searchAll(StructureQuery(name: "GENEREE"), pageSize: 1000)
        var sizes: [Int] = []
        for try await page in pages { sizes.append(page.items.count) }
        #expect(sizes == [1000, 50])
        #expect(try await client.structures.search(StructureQuery(name: "NOPE")).items.isEmpty)
        await fake.configure { $0.noResultAsCode = true }
        #expect(try await client.structures.search(StructureQuery(name: "NOPE")).items.isEmpty)
        let onePage = try await client.structures.search(StructureQuery(name: "GENEREE"), page: PageRequest(pageSize: 10, page: 3))
        #expect(onePage.info == PageInfo(pageSize: 10, currentPage: 3, pageCount: 105, total: 1050))
        let wire = await fake.journal.last?.requestJSON
        #expect(wire?["structure"]["raisonSocialeStructure"] == "GENEREE")
        #expect(wire?["parametres"]["pageResultatDemandee"] == 3)
        #expect(wire?["restreindreStructuresPrivees"] == true)
    }

    @Test("commitments: a known number is found, an unknown one is not")
    func commitments() async throws {
        let client = try mockClient()
        #expect(try await client.structures.commitments(number: FakeSeed.commitmentNumber, supplierID: 26_262_001).map(\.state) == ["COMMANDE"])
        #expect(try await client.structures.commitments(number: "EJ-NOPE", supplierID: 26_262_001).isEmpty)
    }

    @Test("identifiers: valid and invalid values", arguments: [
        ("siret", "78439607900054", true), ("siret", "784 396 079 00054", true), ("siret", "35600000049837", true),
        ("siret", "35600000000048", true), ("siret", "35600000049838", false), ("siret", "78439607900055", false),
        ("siret", "7843960790005", false), ("siret", "7843960790005A", false), ("siret", "00000000000000", true),
        ("siren", "784396079", true), ("siren", "784396078", false), ("siren", "356000000", true),
        ("vat", "DE123456789", true), ("vat", "FR32812004567", false), ("vat", "ZZ1234", false), ("vat", "DE1", false),
        ("tax", "123-456.789", true), ("tax", "", false), ("tax", "ABC DEF", false),
        ("ridet", "1234567001", true), ("ridet", "12345", false), ("tahiti", "A12345001", true), ("tahiti", "A1234", false),
        ("us", "Acme Corp", true), ("us", "  ", false),
    ])
    func identifiers(_ kind: String, _ value: String, _ valid: Bool) {
        let build: () throws -> StructureIdentifier = {
            switch kind {
            case "siret": try .siret(value)
            case "siren": try .siren(value)
            case "vat": try .euVATNumber(value)
            case "tax": try .taxNumber(value)
            case "ridet": try .ridet(value)
            case "tahiti": try .tahiti(value)
            default: try .usCompany(name: value)
            }
        }
        if valid {
            #expect(throws: Never.self) { _ = try build() }
        } else {
            let error = #expect(throws: ChorusError.self) { _ = try build() }
            #expect(error?.code == .invalidInput && error?.field == "identifiantStructure" && error?.rule?.isEmpty == false)
        }
    }

    @Test("a bad check digit is an error in production and a warning in the sandbox")
    func checkDigitPolicy() async throws {
        #expect(throws: ChorusError.self) { _ = try StructureIdentifier.siret("26073617692140") }
        let lenient = try StructureIdentifier.siret("26073617692140", checkDigit: .warn)
        #expect(lenient.warning?.contains("check digit") == true)
        #expect(try StructureIdentifier.privatePerson(lastName: "Martin", firstName: "Léa").value == "MARTIN LÉA")
        #expect(try StructureIdentifier.usCompany(name: "Acme Corp").value == "USACME CORP")

        let transport = ScriptedTransport()
        let warnings = LockedBox([String]())
        let sandbox = try ChorusClient(configuration: ChorusConfiguration(
            environment: .sandbox, credentials: Fixtures.credentials, transport: transport, retryPolicy: .none,
            logger: { event in if event.kind == .warning { warnings.withLock { $0.append(event.message ?? "") } } }))
        transport.enqueue(.respond(.json(#"{"codeRetour":0,"listeStructures":[]}"#)))
        let error = try await #require(throws: ChorusError.self) { try await sandbox.structures.recipient(siret: "26073617692140") }
        #expect(error.rule == "recipient.exists")  // it was searched: the check digit did not block it
        #expect(warnings.withLock { $0.count } == 1)

        let production = try ChorusClient(environment: .production, credentials: Fixtures.credentials, transport: transport)
        let refused = try await #require(throws: ChorusError.self) { try await production.structures.recipient(siret: "26073617692140") }
        #expect(refused.rule == "siret.checkDigit")
        #expect(transport.apiRequests.count == 1)
    }

    @Test("affiliation by every identifier type reaches the fake")
    func affiliationTypes() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        let email = "c@exemple.fr"
        _ = try await client.accounts.register(ManagerRegistration(email: email, emailConfirmation: email, firstName: "C", lastName: "D", acceptsTerms: true))
        let token = try #require(await fake.outbox.last?.activationToken)
        try await client.accounts.activate(token: token, password: "Good-Password-1")
        let session = try await client.accounts.signIn(email: email, password: "Good-Password-1")
        let requests: [(AffiliationRequest, String)] = [
            (.euVATNumber("DE123456789", companyName: "Muster GmbH"), "DE123456789"),
            (.taxNumber("98-7654321", country: "CA", companyName: "Maple Inc"), "98-7654321"),
            (.usCompany(name: "Acme Corp"), "USACME CORP"),
            (.privatePerson(lastName: "Martin", firstName: "Léa"), "MARTIN LÉA"),
        ]
        for (request, identifier) in requests {
            let affiliation = try await client.structures.requestAffiliation(request, session: session)
            #expect(affiliation.structureIdentifier == identifier)
            #expect(affiliation.isMainManager)
        }
        let refused = try await #require(throws: ChorusError.self) {
            try await client.structures.requestAffiliation(.siret("12345678901234"), session: session)
        }
        #expect(refused.rule == "siret.checkDigit")
    }
}
