/// A failure to obtain any HTTP response, in one vocabulary shared by every transport.
///
/// Each transport maps its native failures (`URLError`, `CURLcode`, the mock's injected faults) to a
/// ``Kind``. The retry logic relies on the kind to know whether a request may have reached the server:
/// only ``Kind/cannotConnect`` and ``Kind/dnsFailure`` prove that it did not.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// The class of failure. An open set of static members.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// A stable identifier such as `cannotConnect`.
        public let rawValue: String
        /// Creates a kind.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The connection could not be established (refused, unreachable). Nothing was sent.
        public static let cannotConnect = Kind(rawValue: "cannotConnect")
        /// The host name could not be resolved. Nothing was sent.
        public static let dnsFailure = Kind(rawValue: "dnsFailure")
        /// The connection broke while the request or its answer was in flight.
        public static let connectionLost = Kind(rawValue: "connectionLost")
        /// A connect, idle or total deadline passed.
        public static let timedOut = Kind(rawValue: "timedOut")
        /// TLS negotiation or certificate verification failed.
        public static let tls = Kind(rawValue: "tls")
        /// The caller's task was cancelled.
        public static let cancelled = Kind(rawValue: "cancelled")
        /// The response body exceeded the configured maximum size.
        public static let responseTooLarge = Kind(rawValue: "responseTooLarge")
        /// Anything else.
        public static let other = Kind(rawValue: "other")
        /// The identifier.
        public var description: String { rawValue }

        /// Whether this failure proves that the request never left this machine, which makes even a
        /// non-idempotent request (an invoice submission) safe to send again.
        public var happenedBeforeSending: Bool { self == .cannotConnect || self == .dnsFailure }
    }

    /// The class of failure.
    public var kind: Kind
    /// A short explanation without secrets.
    public var message: String
    /// The transport's own error, when there is one.
    public var underlying: (any Error & Sendable)?

    /// Creates a transport error.
    public init(_ kind: Kind, _ message: String = "", underlying: (any Error & Sendable)? = nil) {
        self.kind = kind
        self.message = message
        self.underlying = underlying
    }

    /// `kind: message`.
    public var description: String {
        message.isEmpty ? "transport error (\(kind))" : "transport error (\(kind)): \(message)"
    }
}
