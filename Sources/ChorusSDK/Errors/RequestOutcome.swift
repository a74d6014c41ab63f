/// What a failed request did on the platform: the one fact the retry policy, the exactly-once submission and its
/// look-ups decide from. Each ``ChorusError/Code`` has exactly one outcome, declared in ``ChorusError/Code/outcome``.
public enum RequestOutcome: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Nothing reached the platform: refused locally, or no connection was made (transports report
    /// ``ChorusError/Code/cannotConnect`` only when no byte was written). Sending it again cannot duplicate anything.
    case notSent
    /// The gateway or the platform received the request and refused it: nothing was created or changed.
    case refused
    /// The request may or may not have taken effect (a lost connection, a timeout, a 5xx, an unreadable answer…).
    /// A write that ends here must be looked up before it is sent again.
    case unknown

    /// `notSent`, `refused`, `unknown`.
    public var description: String { rawValue }
}

extension ChorusError.Code {
    /// What a request that failed with this code did on the platform. Codes the SDK does not know (added by a
    /// newer SDK or a custom middleware) are ``RequestOutcome/unknown``: the only safe assumption for a write.
    public var outcome: RequestOutcome {
        switch self {
        case .invalidInput, .configuration, .portalOnly, .cannotConnect, .tlsFailure, .waitTimedOut, .recipientNotFound,
             .recipientInactive, .paginationRunaway:
            .notSent
        case .pisteAuthenticationFailed, .technicalAccountAuthenticationFailed, .unauthorized, .notSubscribed, .notFound,
             .badRequest, .payloadTooLarge, .unsupportedMediaType, .rejected:
            .refused
        default:
            .unknown
        }
    }

    /// Whether the same request may succeed if sent again a little later, unchanged. ``ChorusError/Code/serverError``
    /// is transient only for 500, 502, 503 and 504 (see ``ChorusError/isTransient``); a 401 is transient because the
    /// pipeline reaches it only after fresh tokens were refused too — a key rotation in progress, not wrong credentials,
    /// which fail at the token endpoint.
    public var isTransient: Bool {
        switch self {
        case .cannotConnect, .unauthorized, .connectionLost, .timedOut, .rateLimited, .transport, .serverError: true
        default: false
        }
    }
}

extension ChorusError {
    /// What the failed request did on the platform (its code's ``ChorusError/Code/outcome``).
    public var outcome: RequestOutcome { code.outcome }

    /// Whether sending the same request again later may succeed: the code's ``ChorusError/Code/isTransient``,
    /// narrowed to 500, 502, 503 and 504 for a server error (501 or 505 will not change).
    public var isTransient: Bool {
        code == .serverError ? [500, 502, 503, 504].contains(httpStatus ?? 0) : code.isTransient
    }
}
