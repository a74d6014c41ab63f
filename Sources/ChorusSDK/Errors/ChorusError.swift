import Foundation

/// The one error type of the SDK: which layer failed, what the platform said, and what to do next.
///
/// Match on ``code``: `catch let error as ChorusError where error.code == .rateLimited`. Codes are an
/// open set of static members (not an enum) so that new ones can be added without breaking callers.
///
/// Secrets never appear in an error: response bodies are truncated and scrubbed of the client secret,
/// the technical password, tokens and the `cpro-account` value before they are stored.
public struct ChorusError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The class of failure, an open set of static members.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// A stable identifier such as `rateLimited`.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The identifier.
        public var description: String { rawValue }

        /// The caller's input breaks a rule; ``ChorusError/field`` names it. Nothing was sent.
        public static let invalidInput = Code(rawValue: "invalidInput")
        /// The client's configuration is unusable (e.g. plain `http://` to a non-loopback host).
        public static let configuration = Code(rawValue: "configuration")
        /// The operation exists only in the Chorus Pro portal, not through PISTE. Nothing was sent.
        public static let portalOnly = Code(rawValue: "portalOnly")
        /// PISTE refused the OAuth client id or secret (token endpoint).
        public static let pisteAuthenticationFailed = Code(rawValue: "pisteAuthenticationFailed")
        /// Chorus Pro refused the technical account's login or password (`cpro-account`).
        public static let technicalAccountAuthenticationFailed =
            Code(rawValue: "technicalAccountAuthenticationFailed")
        /// A 401 that names neither layer, still there after a fresh token.
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// HTTP 403: the PISTE application is not subscribed to this API (or its terms are not accepted).
        public static let notSubscribed = Code(rawValue: "notSubscribed")
        /// HTTP 404: the path is unknown to the gateway.
        public static let notFound = Code(rawValue: "notFound")
        /// HTTP 400 without a Chorus Pro return code.
        public static let badRequest = Code(rawValue: "badRequest")
        /// HTTP 413: a body or file exceeds the platform's size limits.
        public static let payloadTooLarge = Code(rawValue: "payloadTooLarge")
        /// HTTP 415: the gateway refused the content type.
        public static let unsupportedMediaType = Code(rawValue: "unsupportedMediaType")
        /// HTTP 429: too many requests.
        public static let rateLimited = Code(rawValue: "rateLimited")
        /// HTTP 5xx: the gateway or the platform failed.
        public static let serverError = Code(rawValue: "serverError")
        /// Any other unexpected HTTP status (1xx, 3xx, other 4xx).
        public static let unexpectedStatus = Code(rawValue: "unexpectedStatus")
        /// Chorus Pro refused the request: `codeRetour` ≠ 0, in an HTTP 200 or 400.
        public static let rejected = Code(rawValue: "rejected")
        /// The answer could not be decoded.
        public static let decodingFailed = Code(rawValue: "decodingFailed")
        /// The connection could not be established or the host not resolved. Nothing was sent.
        public static let cannotConnect = Code(rawValue: "cannotConnect")
        /// The connection broke while the request or its answer was in flight.
        public static let connectionLost = Code(rawValue: "connectionLost")
        /// A deadline passed before a complete answer arrived.
        public static let timedOut = Code(rawValue: "timedOut")
        /// TLS negotiation or certificate verification failed.
        public static let tlsFailure = Code(rawValue: "tlsFailure")
        /// The answer was larger than the transport's limit.
        public static let responseTooLarge = Code(rawValue: "responseTooLarge")
        /// The caller cancelled the task.
        public static let cancelled = Code(rawValue: "cancelled")
        /// Another transport failure.
        public static let transport = Code(rawValue: "transport")
        /// A wait (``InvoiceService/waitForFlux(_:timeout:)``, ``InvoiceService/waitForStatus(invoiceID:in:timeout:)``)
        /// ended before the platform reached the awaited state. Only reads were sent.
        public static let waitTimedOut = Code(rawValue: "waitTimedOut")
        /// No structure with the identifier the caller gave exists on the platform (a search was sent, nothing else).
        public static let recipientNotFound = Code(rawValue: "recipientNotFound")
        /// The recipient exists but is not active on Chorus Pro: invoices to it are refused (a search was sent, nothing else).
        public static let recipientInactive = Code(rawValue: "recipientInactive")
        /// A write's answer was lost and the SDK could not tell whether it was committed (several
        /// candidates matched); nothing was sent again.
        public static let ambiguousOutcome = Code(rawValue: "ambiguousOutcome")
        /// Another worker holds the submission journal's claim on this invoice and did not finish within
        /// ``ChorusConfiguration/submissionClaimWait``; this call sent nothing, the other one may be creating it.
        public static let submissionInProgress = Code(rawValue: "submissionInProgress")
        /// A paged search kept returning pages past the last one it announced (or past the SDK's bound); the SDK
        /// stopped reading. Only reads were sent.
        public static let paginationRunaway = Code(rawValue: "paginationRunaway")
        /// A middleware the caller installed threw an error of its own (``MiddlewareFailure`` names it); whether the
        /// request had been passed on is unknown.
        public static let middlewareFailed = Code(rawValue: "middlewareFailed")
    }

    /// The class of failure.
    public var code: Code
    /// The Chorus Pro operation that failed, such as `soumettreFacture`.
    public var operation: OperationID
    /// A sentence for a person, without secrets.
    public var message: String
    /// The HTTP status, when a response arrived.
    public var httpStatus: Int?
    /// Chorus Pro's return code (`codeRetour`), when the body carried one.
    public var apiReturnCode: Int?
    /// Chorus Pro's message (`libelle`), when the body carried one.
    public var apiMessage: String?
    /// The input field at fault, for ``Code/invalidInput`` (e.g. `references.numeroBonCommande`).
    public var field: String?
    /// The rule that failed, for ``Code/invalidInput``.
    public var rule: String?
    /// The first bytes of the response body as text, truncated and scrubbed of secrets.
    public var responseBody: String?
    /// The delay the server asked for (`Retry-After`), if any.
    public var retryAfter: Duration?
    /// The error this one wraps (a ``TransportError``, a `DecodingError`…).
    public var underlyingError: (any Error & Sendable)?
    /// Every problem found, for ``Code/invalidInput`` raised by a validation (``field`` and ``rule`` are
    /// the first one's).
    public var problems: [ValidationProblem] = []

    /// Creates an error. The SDK creates them; tests and custom middlewares may too.
    public init(
        _ code: Code,
        operation: OperationID,
        message: String,
        httpStatus: Int? = nil,
        apiReturnCode: Int? = nil,
        apiMessage: String? = nil,
        field: String? = nil,
        rule: String? = nil,
        responseBody: String? = nil,
        retryAfter: Duration? = nil,
        underlyingError: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.operation = operation
        self.message = message
        self.httpStatus = httpStatus
        self.apiReturnCode = apiReturnCode
        self.apiMessage = apiMessage
        self.field = field
        self.rule = rule
        self.responseBody = responseBody
        self.retryAfter = retryAfter
        self.underlyingError = underlyingError
    }

    /// What went wrong, where, and what to do next, as sentences: `ChorusError.rejected in soumettreFacture: Chorus Pro
    /// refused the request (codeRetour 20001). HTTP status 200. Chorus Pro answered codeRetour 20001, « … ». Read its
    /// message, fix the data and send again.`
    public var description: String {
        var text = "ChorusError.\(code) in \(operation): " + Self.sentence(message)
        if let httpStatus { text += " HTTP status \(httpStatus)." }
        if apiReturnCode != nil || apiMessage != nil {
            text +=
                " Chorus Pro answered" + (apiReturnCode.map { " codeRetour \($0)" } ?? "")
                + (apiMessage.map { (apiReturnCode == nil ? " " : ", ") + "« \($0) »" } ?? "") + "."
        }
        if let field { text += " Field \(field)" + (rule.map { ", rule \($0)" } ?? "") + "." }
        return text + " " + advice
    }

    /// `text` as a sentence: trimmed, capitalised, ending with a full stop.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else { return "" }
        let capitalised = first.uppercased() + trimmed.dropFirst()
        return [".", "!", "?", "…"].contains(where: capitalised.hasSuffix) ? capitalised : capitalised + "."
    }

    /// ``description`` plus the scrubbed response body and the underlying error.
    public var debugDescription: String {
        var text = description
        if let responseBody, !responseBody.isEmpty { text += " Body: \(responseBody)" }
        if let underlyingError { text += " Underlying: \(String(describing: underlyingError))" }
        return text
    }

    /// What a person should do next.
    public var advice: String {
        switch code {
        case .invalidInput: "Correct the field and try again; no invoice or other write was sent."
        case .configuration: "Fix the client configuration; nothing was sent."
        case .portalOnly: "Do this step in the Chorus Pro portal; PISTE exposes no API for it."
        case .pisteAuthenticationFailed:
            "Check the PISTE client id and secret (CHORUS_PISTE_CLIENT_ID / CHORUS_PISTE_CLIENT_SECRET); "
                + "sandbox and production applications have different credentials."
        case .technicalAccountAuthenticationFailed:
            "Check the Chorus Pro technical account login and password (CHORUS_TECH_LOGIN / "
                + "CHORUS_TECH_PASSWORD); the password must be renewed every 424 days by the main manager."
        case .unauthorized: "Check both credential layers with client.accounts.verifyConnection()."
        case .notSubscribed:
            "In PISTE, accept the API terms and subscribe your application to this Chorus Pro API "
                + "(\(operation.apiName)) for this environment."
        case .notFound: "Check the environment's API base URL; this path is unknown to the gateway."
        case .payloadTooLarge: "Reduce the file: Chorus Pro accepts 10 MB per file and 120 MB per invoice."
        case .unsupportedMediaType: "The gateway refused the content type; please report this SDK bug."
        case .rateLimited: "Slow down and retry later" + (retryAfter.map { " (after \($0))." } ?? ".")
        case .serverError: "The platform is failing; retry later or check the PISTE status page."
        case .rejected: "Chorus Pro refused the request; read its message, fix the data and send again."
        case .decodingFailed: "The answer did not have the expected shape; report it with the debug description."
        case .cannotConnect: "Check the network, proxy and DNS; nothing was sent."
        case .connectionLost, .timedOut:
            if let check = operation.endpoint?.route.afterLostAnswer {
                "Its outcome is unknown: " + check + "."
            } else if operation.endpoint?.isIdempotent == true {
                "It was a read: it can simply be sent again."
            } else {
                "If it was a write, its outcome is unknown: search before sending it again (the SDK does this for invoices); "
                    + "a read can simply be sent again."
            }
        case .waitTimedOut:
            "Only reads were sent: the platform has not reached that state yet. Wait again later or read the history; "
                + "on the real platform a flux report can take hours and a payment weeks."
        case .recipientNotFound:
            "Check the identifier with the public body (it may invoice under another establishment's SIRET, or not be on "
                + "Chorus Pro yet); only a search was sent, no invoice."
        case .recipientInactive:
            "Ask the public body which structure now receives its invoices; only a search was sent, no invoice."
        case .tlsFailure: "Check the system's certificate store or proxy; TLS verification is always on."
        case .responseTooLarge: "Raise the transport's maximum response size or ask for less data."
        case .cancelled: "The transport was cancelled underneath the call; send it again if it is still needed."
        case .middlewareFailed: "Fix the middleware named above; if it was a write, search before sending it again."
        case .paginationRunaway:
            "The platform kept sending pages past the end of this search; narrow the search, and report it if it repeats."
        case .ambiguousOutcome:
            "Do not send it again blindly: search the supplier's invoices (rechercher/fournisseur) to see whether it was created."
        case .submissionInProgress:
            "Another worker is submitting this invoice; submit it again later: the journal then gives its outcome without sending."
        default: "See the message above."
        }
    }
}

extension ChorusError {
    /// An invalid-input error naming the field and the rule.
    package static func invalidInput(
        _ operation: OperationID, field: String, rule: String,
        _ message: String
    ) -> ChorusError {
        ChorusError(.invalidInput, operation: operation, message: message, field: field, rule: rule)
    }

    /// Wraps a transport failure into the matching code, naming the host and port it was talking to.
    package static func transport(_ error: TransportError, operation: OperationID, url: URL? = nil) -> ChorusError {
        let code: Code =
            switch error.kind {
            case .cannotConnect, .dnsFailure: .cannotConnect
            case .connectionLost: .connectionLost
            case .timedOut: .timedOut
            case .tls: .tlsFailure
            case .cancelled: .cancelled
            case .responseTooLarge: .responseTooLarge
            default: .transport
            }
        let host =
            url.flatMap { url in url.host.map { "\($0):\(url.port ?? (url.scheme == "http" ? 80 : 443))" } }
            ?? "the server"
        let what =
            switch error.kind {
            case .cannotConnect: "could not connect to \(host)"
            case .dnsFailure: "could not resolve \(host)"
            case .connectionLost: "the connection to \(host) was lost"
            case .timedOut: "no complete answer from \(host) in time"
            case .tls: "the TLS negotiation with \(host) failed"
            case .responseTooLarge: "the answer from \(host) was too large"
            case .cancelled: "the exchange with \(host) was cancelled"
            default: "the exchange with \(host) failed"
            }
        let detail = error.message.isEmpty ? "" : " (\(error.message))"
        return ChorusError(code, operation: operation, message: what + detail + ".", underlyingError: error)
    }
}

/// `ChorusError` as Foundation presents errors: `localizedDescription` is the whole ``ChorusError/description``,
/// `failureReason` the message, `recoverySuggestion` the advice.
extension ChorusError: LocalizedError {
    /// The whole description: what failed, where, and what to do.
    public var errorDescription: String? { description }
    /// What failed, as a sentence.
    public var failureReason: String? { Self.sentence(message) }
    /// What to do next.
    public var recoverySuggestion: String? { advice }
}
