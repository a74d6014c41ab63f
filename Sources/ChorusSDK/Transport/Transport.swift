/// Moves bytes between the SDK and a server. Nothing else.
///
/// A transport sends one ``HTTPRequest`` and returns the ``HTTPResponse`` whatever its status: a 401
/// or a 503 is data, never an error. It throws only ``TransportError`` for failures where no response
/// was obtained (cannot connect, timed out, cancelled…), so the retry logic has one vocabulary.
///
/// The SDK ships ``URLSessionTransport`` (the default), `CurlTransport` (product `ChorusSDKCurl`) and
/// `MockTransport` (product `ChorusMock`, a fake Chorus Pro in memory).
public protocol Transport: Sendable {
    /// Sends one request and returns its response.
    ///
    /// - Throws: ``TransportError`` only; never because of an HTTP status.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// The total deadline the transport enforces itself on each request, if any (default `nil`).
    var enforcedDeadline: Duration? { get }
}

extension Transport {
    /// The total deadline the transport enforces itself on each request, if any. When it is no longer than
    /// the SDK's per-attempt deadline, the SDK does not add a timer of its own (one timer is enough).
    public var enforcedDeadline: Duration? { nil }
}
