/// Everything a ``ChorusClient`` needs: where to go, who it is, how to send, and how to behave.
public struct ChorusConfiguration: Sendable {
    /// Sandbox, production or custom URLs.
    public var environment: ChorusEnvironment
    /// The PISTE application and the technical account.
    public var credentials: ChorusCredentials
    /// How bytes move; default ``URLSessionTransport``.
    public var transport: any Transport
    /// When failed calls are sent again.
    public var retryPolicy: RetryPolicy
    /// When tokens are renewed.
    public var tokenPolicy: TokenPolicy
    /// Deadline of one attempt, enforced by the SDK over any transport; default 60 s.
    public var attemptTimeout: Duration
    /// Steps wrapped around every call, outermost first.
    public var middlewares: [any Middleware]
    /// Receives one event per attempt, retry and token; never receives headers, bodies or secrets.
    public var logger: (@Sendable (ChorusLogEvent) -> Void)?
    /// Time source and sleeper (injected in tests).
    public var clock: ChorusClock
    /// Whether reference look-ups (currencies, VAT rates…) are cached for the client's lifetime.
    public var cachesReferenceData: Bool
    /// In the sandbox, whose test SIRETs fail the Luhn check (§8.1), a bad check digit is only a
    /// warning; in production it is an error. Set to `false` to make it an error everywhere.
    public var toleratesSandboxCheckDigits: Bool
    /// Where ``InvoiceService/submit(_:)`` records each submission's intent and outcome, for exactly-once
    /// across crashes (``FileSubmissionJournal``); `nil` (the default) keeps exactly-once within the process.
    public var submissionJournal: (any SubmissionJournal)?
    /// How long ``InvoiceService/submit(_:)`` waits for another worker that holds the journal's claim on the same
    /// invoice before it throws ``ChorusError/Code/submissionInProgress`` (2 minutes: a submission with its look-ups).
    public var submissionClaimWait: Duration = .seconds(120)
    /// How old an intent left by a worker that died must be before another one looks its invoice up (30 s): a request
    /// still on its way, or held at the platform, when its sender died may be committed after the look-up otherwise,
    /// and the invoice would be sent twice. A look-up of a younger intent first waits for the rest of this time.
    public var submissionSettleTime: Duration = .seconds(30)
    /// How answers whose shape drifts are read (the policy of the "How answers are read" article): ``AnswerReadingMode/tolerant``
    /// (the default) leaves an odd descriptive field or list item out and reports it; ``AnswerReadingMode/strict``
    /// fails the call. ChorusMock's clients are strict.
    public var answerReading: AnswerReadingMode = .tolerant

    /// Creates a configuration.
    public init(
        environment: ChorusEnvironment,
        credentials: ChorusCredentials,
        transport: any Transport = URLSessionTransport(),
        retryPolicy: RetryPolicy = .default,
        tokenPolicy: TokenPolicy = TokenPolicy(),
        attemptTimeout: Duration = .seconds(60),
        middlewares: [any Middleware] = [],
        logger: (@Sendable (ChorusLogEvent) -> Void)? = nil,
        clock: ChorusClock = .system,
        cachesReferenceData: Bool = true,
        toleratesSandboxCheckDigits: Bool = true,
        submissionJournal: (any SubmissionJournal)? = nil
    ) {
        self.submissionJournal = submissionJournal
        self.environment = environment
        self.credentials = credentials
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.tokenPolicy = tokenPolicy
        self.attemptTimeout = attemptTimeout
        self.middlewares = middlewares
        self.logger = logger
        self.clock = clock
        self.cachesReferenceData = cachesReferenceData
        self.toleratesSandboxCheckDigits = toleratesSandboxCheckDigits
    }
}
