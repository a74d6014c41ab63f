/// The entry point: holds the configuration and exposes one service per part of the platform.
///
/// ```swift
/// let client = try ChorusClient(environment: .sandbox, credentials: .fromEnvironment())
/// let rates = try await client.references.vatRates()
/// ```
///
/// A client is a cheap `Sendable` value; copies share the token cache and the transport.
public struct ChorusClient: Sendable {
    /// The configuration in force.
    public let configuration: ChorusConfiguration
    /// Reference tables and the health check.
    public let references: any ReferenceService
    /// The manager account (portal steps) and the technical account (PISTE).
    public let accounts: any AccountService
    /// Structures, their invoicing rules and services; commitments; affiliation requests.
    public let structures: any StructureService
    /// Submitting invoices and following them.
    public let invoices: any InvoiceService
    /// The public body's side: received invoices and their processing (``ReceivedInvoiceService``).
    public let receivedInvoices: any ReceivedInvoiceService
    /// The validator's side: A9 and A12 invoices to validate (``ValidatorService``).
    public let validations: any ValidatorService
    /// Works invoices (``WorksInvoiceService``).
    public let worksInvoices: any WorksInvoiceService
    package let pipeline: RequestPipeline

    /// Creates a client.
    ///
    /// - Throws: ``ChorusError/Code/configuration`` when the environment uses plain `http://` for a
    ///   host that is not loopback.
    public init(configuration: ChorusConfiguration) throws {
        try configuration.environment.validate()
        self.configuration = configuration
        let pipeline = RequestPipeline(configuration: configuration)
        self.pipeline = pipeline
        let references = ReferenceServiceClient(pipeline: pipeline)
        let portal = pipeline.portal
        let structures = StructureServiceClient(pipeline: pipeline, portal: portal)
        self.references = references
        self.accounts = AccountServiceClient(pipeline: pipeline, portal: portal)
        self.structures = structures
        self.invoices = InvoiceServiceClient(pipeline: pipeline, structures: structures, references: references)
        self.receivedInvoices = ReceivedInvoiceServiceClient(pipeline: pipeline)
        self.validations = ValidatorServiceClient(pipeline: pipeline)
        self.worksInvoices = WorksInvoiceServiceClient(pipeline: pipeline)
    }

    /// Creates a client with the default transport (``URLSessionTransport``) and policies.
    public init(environment: ChorusEnvironment, credentials: ChorusCredentials,
                transport: any Transport = URLSessionTransport()) throws {
        try self.init(configuration: ChorusConfiguration(environment: environment, credentials: credentials,
                                                         transport: transport))
    }
}
