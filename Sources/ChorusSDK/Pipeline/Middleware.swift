/// What a middleware knows about the call it sees.
public struct RequestContext: Sendable {
    /// The Chorus Pro operation.
    public var operation: OperationID
    /// The attempt number, 1-based (user middlewares see 1: they wrap the whole retry loop).
    public var attempt: Int
    /// Whether the operation may safely be sent twice.
    public var isIdempotent: Bool

    /// Creates a context.
    public init(operation: OperationID, attempt: Int = 1, isIdempotent: Bool) {
        self.operation = operation
        self.attempt = attempt
        self.isIdempotent = isIdempotent
    }
}

/// A step the caller inserts around every API call, for logging, metrics or extra headers.
///
/// Middlewares run outermost, before the retry loop and before authentication: they never see the
/// `Authorization` or `cpro-account` headers. They apply in array order on the way out and in reverse
/// order on the way back; a failed call reaches them as a thrown ``ChorusError``. An error a middleware throws
/// itself (not a `ChorusError`, not a `CancellationError`) reaches the caller as ``ChorusError/Code/middlewareFailed``,
/// its ``ChorusError/underlyingError`` a ``MiddlewareFailure`` naming the middleware's type.
public protocol Middleware: Sendable {
    /// Handles one call; call `next` to continue down the pipeline.
    func intercept(
        _ request: HTTPRequest,
        context: RequestContext,
        next: @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}

/// A middleware's own error, kept inside the ``ChorusError/Code/middlewareFailed`` error that carries it.
public struct MiddlewareFailure: Error, Sendable, CustomStringConvertible {
    /// The middleware's type name.
    public var middleware: String
    /// What it threw, as text (the original error need not be `Sendable`).
    public var message: String

    /// Creates a failure of `middleware` from the error it threw.
    public init(middleware: String, error: any Error) {
        self.middleware = middleware
        self.message = String(describing: error)
    }

    /// `<middleware> threw <message>`.
    public var description: String { "\(middleware) threw \(message)" }
}
