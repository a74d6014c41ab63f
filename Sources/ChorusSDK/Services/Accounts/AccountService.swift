/// The manager account and the technical account. Available as `client.accounts`.
///
/// The portal steps (``register(_:)``, ``activate(token:password:)``, ``signIn(email:password:)``,
/// affiliation decisions, ``createTechnicalAccount(structureID:session:)``) work against ChorusMock; against
/// the sandbox or production they throw ``ChorusError/Code/portalOnly`` before sending anything, naming
/// the portal page to use. The rest goes through PISTE and works everywhere.
public protocol AccountService: Sendable {
    /// Creates a manager account; an activation e-mail is sent (portal step).
    func register(_ registration: ManagerRegistration) async throws -> RegisteredAccount
    /// Activates the account with the e-mailed token and sets its password (``ManagerPasswordRule``).
    func activate(token: String, password: String) async throws
    /// Signs in to the portal.
    func signIn(email: String, password: String) async throws -> PortalSession
    /// My affiliations, and the requests I must decide as a main manager (portal step).
    func affiliations(session: PortalSession) async throws -> AffiliationOverview
    /// Approves or refuses a request to join a structure I manage (portal step).
    func decideAffiliation(_ affiliationID: Int, approve: Bool, session: PortalSession) async throws -> Affiliation
    /// Creates the technical account and API connection of a structure I manage; returns the PISTE
    /// application's client id/secret and the technical login/password (portal step).
    func createTechnicalAccount(structureID: Int, session: PortalSession) async throws -> TechnicalAccountCredentials
    /// The structures the technical account is attached to, with their services (all pages).
    func attachedStructures(pageSize: Int) -> PageSequence<AttachedStructure>
    /// The structures the technical account may invoice from.
    func activeSupplierStructures() async throws -> [SupplierStructure]
    /// A supplier structure's valid bank accounts.
    func bankAccounts(structureID: Int) async throws -> [BankAccount]
    /// When the technical password expires (a warning is logged when fewer than 30 days are left).
    func technicalPasswordStatus() async throws -> TechnicalPasswordStatus
    /// Checks every credential layer and API subscription, and says which one fails, in words a person can act on.
    func verifyConnection() async -> ConnectionReport
}

extension AccountService {
    /// All attached structures, 100 per request.
    public func attachedStructures() -> PageSequence<AttachedStructure> { attachedStructures(pageSize: 100) }
}
