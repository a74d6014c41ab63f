import Foundation

/// The ``AccountService`` that calls the portal steps (ChorusMock) and PISTE through the client's pipeline.
struct AccountServiceClient: AccountService {
    let pipeline: RequestPipeline
    private let portal: PortalClient

    package init(pipeline: RequestPipeline, portal: PortalClient) {
        self.pipeline = pipeline
        self.portal = portal
    }

    // MARK: Portal steps

    public func register(_ registration: ManagerRegistration) async throws -> RegisteredAccount {
        if let problem = registration.problems().first { throw problem }
        return try await portal.call(.creerCompteGestionnaire, registration.wireBody)
    }

    public func activate(token: String, password: String) async throws {
        guard !token.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ChorusError.invalidInput(.activerCompteGestionnaire, field: "jetonActivation", rule: "required", "the activation token is required")
        }
        guard ManagerPasswordRule.accepts(password) else {
            throw ChorusError.invalidInput(.activerCompteGestionnaire, field: "motDePasse", rule: "password.strength",
                                           "the password must have \(ManagerPasswordRule.description)")
        }
        let _: Acknowledgement = try await portal.call(.activerCompteGestionnaire, ["jetonActivation": .string(token), "motDePasse": .string(password)])
    }

    public func signIn(email: String, password: String) async throws -> PortalSession {
        guard ManagerRegistration.isEmail(email) else {
            throw ChorusError.invalidInput(.connexionPortail, field: "email", rule: "email.format", "\"\(email)\" is not an e-mail address")
        }
        let answer: SessionAnswer = try await portal.call(.connexionPortail, ["email": .string(email), "motDePasse": .string(password)])
        return PortalSession(token: answer.jetonSession, accountID: answer.idCompte)
    }

    public func affiliations(session: PortalSession) async throws -> AffiliationOverview {
        try await portal.call(.listerRattachementsPortail, [:], session: session)
    }

    public func decideAffiliation(_ affiliationID: Int, approve: Bool, session: PortalSession) async throws -> Affiliation {
        try await portal.call(.traiterDemandeRattachement, ["idRattachement": .int(affiliationID),
                                                     "decision": .string(approve ? "VALIDER" : "REFUSER")], session: session)
    }

    public func createTechnicalAccount(structureID: Int, session: PortalSession) async throws -> TechnicalAccountCredentials {
        try await portal.call(.creerCompteTechnique, ["idStructureCPP": .int(structureID)], session: session)
    }

    // MARK: PISTE

    public func attachedStructures(pageSize: Int) -> PageSequence<AttachedStructure> {
        PageSequence(operation: .recupererRattachementsMonCompteUtilisateur, pageSize: pageSize) { number in
            let body: WireObject = ["parametresRecherche": .page(PageRequest(pageSize: pageSize, page: number))]
            let answer: KeyedList<AttachedStructure> = try await pipeline.callList(.recupererRattachementsMonCompteUtilisateur, body)
            return answer.page
        }
    }

    public func activeSupplierStructures() async throws -> [SupplierStructure] {
        try await pipeline.activeStructures(.recupererStructuresActivesPourFournisseur)
    }

    public func bankAccounts(structureID: Int) async throws -> [BankAccount] {
        let answer: KeyedList<BankAccount> = try await pipeline.callList(.recupererCoordonneesBancairesValides,
                                                                         ["idStructure": .int(structureID)] as WireObject)
        return answer.items
    }

    public func technicalPasswordStatus() async throws -> TechnicalPasswordStatus {
        var pages = attachedStructures(pageSize: 1).makeAsyncIterator()
        guard let attached = try await pages.next()?.items.first else {
            return TechnicalPasswordStatus(expiresAt: nil, daysLeft: nil)
        }
        let details: StructureDetails = try await pipeline.call(.consulterStructure,
                                                                ["idStructureCPP": .int(attached.id), "codeLangue": "FR"] as WireObject)
        guard let expiry = details.technicalPasswordExpiry else { return TechnicalPasswordStatus(expiresAt: nil, daysLeft: nil) }
        let days = Int(floor(expiry.timeIntervalSince(pipeline.configuration.clock.now()) / 86_400))
        let status = TechnicalPasswordStatus(expiresAt: expiry, daysLeft: days)
        if status.needsRenewalSoon { pipeline.warn(status.message, operation: .consulterStructure) }
        return status
    }

    public func verifyConnection() async -> ConnectionReport {
        var report = ConnectionReport(problems: [], apis: [:], technicalPassword: nil)
        // The first call also proves the PISTE application (token) and the technical account.
        let checks: [(api: String, call: @Sendable () async throws -> Void)] = [
            ("Utilisateurs", {
                var pages = attachedStructures(pageSize: 1).makeAsyncIterator()
                _ = try await pages.next()
            }),
            ("Transverses", { _ = try await pipeline.send(.healthCheck, body: nil) }),
            ("Structures", { _ = try await pipeline.send(.rechercherStructure, body: Data(#"{"structure":{"identifiantStructure":"00000000000000"},"parametres":{"nbResultatsParPage":1,"pageResultatDemandee":1}}"#.utf8)) }),
            ("Factures", { _ = try await pipeline.send(.rechercherFactureParFournisseur, body: Data(#"{"rechercheFactureParFournisseur":{"nbResultatsParPage":1,"pageResultatDemandee":1}}"#.utf8)) }),
            ("Engagements juridiques", { _ = try await pipeline.send(.rechercherEngagementJuridique, body: Data(#"{"numeroEngagementJuridique":"0"}"#.utf8)) }),
        ]
        for (api, call) in checks {
            do {
                try await call()
                report.apis[api] = true
            } catch let error as ChorusError {
                report.apis[api] = false
                guard let problem = Self.diagnose(error, api: api) else { report.apis[api] = true; continue }
                report.problems.append(problem)
                // A wrong credential or an unreachable platform makes every other check fail the same way.
                if problem.layer != .apiSubscription { return report }
            } catch {
                report.apis[api] = false
            }
        }
        report.technicalPassword = try? await technicalPasswordStatus()
        return report
    }

    /// Which layer an error points to, in words a person can act on; `nil` when the API answered (a
    /// business refusal still proves the credentials and the subscription).
    static func diagnose(_ error: ChorusError, api: String) -> ConnectionReport.Problem? {
        switch error.code {
        case .pisteAuthenticationFailed:
            return .init(layer: .pisteApplication, api: nil, advice: "PISTE refused the client id or secret: copy them again from "
                + "your PISTE application (sandbox and production applications differ).", error: error)
        case .technicalAccountAuthenticationFailed, .unauthorized:
            return .init(layer: .technicalAccount, api: nil, advice: "Chorus Pro refused the technical account's login or password: "
                + "check them, and whether the password expired (it must be changed every 424 days).", error: error)
        case .notSubscribed:
            return .init(layer: .apiSubscription, api: api, advice: "Your PISTE application is not subscribed to the \(api) API: "
                + "accept its terms of use and subscribe the application in PISTE.", error: error)
        case .rejected, .decodingFailed:
            return nil
        default:
            return .init(layer: .platform, api: nil, advice: "The platform could not be reached or failed (\(error.code)): "
                + "check the network, proxy and the PISTE status, then try again.", error: error)
        }
    }
}

private struct Acknowledgement: Decodable {}

private struct SessionAnswer: Decodable {
    var jetonSession: String
    var idCompte: Int?
}

