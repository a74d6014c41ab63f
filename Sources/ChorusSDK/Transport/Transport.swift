/// Moves bytes between the SDK and a server. Nothing else.
///
/// A transport sends one ``HTTPRequest`` and returns the ``HTTPResponse`` whatever its status: a 401
/// or a 503 is data, never an error. It throws only ``TransportError`` for failures where no response
/// was obtained (cannot connect, timed out, cancelled…), so the retry logic has one vocabulary.
///
/// **What left the machine.** The exactly-once promise rests on three rules every transport keeps:
///
/// 1. A transport never sends a write twice on its own. HTTP clients resend a request whose reused
///    keep-alive connection died before any answer byte (libcurl does, with a rewindable body); for a
///    write that the server had already committed, that resend is a duplicate invoice. A request with
///    ``HTTPRequest/isIdempotent`` `false` therefore goes out at most once, on a connection opened for it.
///    (A read may be resent that way by the underlying library — libcurl does — which is harmless.)
/// 2. ``TransportError/Kind/cannotConnect`` and ``TransportError/Kind/dnsFailure`` are reported only when
///    the transport knows that no byte of the request was written; any doubt is
///    ``TransportError/Kind/connectionLost`` (or ``TransportError/Kind/timedOut``), after which the SDK
///    looks the write up instead of sending it again.
/// 3. A status is data: a 401 or a 503 is returned, never thrown.
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
