import Foundation

/// Runs one API call through the fixed stages, outermost first:
/// user middlewares → retry → authentication → classification → transport.
///
/// Authentication and classification sit inside the retry loop, so each attempt carries a current
/// token and the retry policy sees typed errors.
package final class RequestPipeline: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable
{
    package let configuration: ChorusConfiguration
    package let scrubber: SecretScrubber
    private let tokens: TokenCache
    let classifier: ResponseClassifier
    let transport: DeadlineTransport
    private let urls: EndpointURLs

    package init(configuration: ChorusConfiguration) {
        urls = EndpointURLs(configuration.environment)
        self.configuration = configuration
        let scrubber = SecretScrubber(secrets: configuration.credentials.secrets)
        self.scrubber = scrubber
        self.classifier = ResponseClassifier(scrubber: scrubber, clock: configuration.clock)
        let transport = DeadlineTransport(transport: configuration.transport, limit: configuration.attemptTimeout)
        self.transport = transport
        let fetcher = TokenFetcher(configuration: configuration, classifier: classifier, transport: transport)
        self.tokens = TokenCache(policy: configuration.tokenPolicy, clock: configuration.clock) {
            try await fetcher.fetch()
        }
    }

    /// The environment only: the pipeline holds the credentials and the token.
    package var description: String {
        "RequestPipeline(\(configuration.environment.apiBaseURL.absoluteString), credentials: <redacted>)"
    }
    package var debugDescription: String { description }
    package var customMirror: Mirror { Mirror(self, children: ["summary": description], displayStyle: .class) }

    // MARK: Typed calls

    /// Encodes `request`, sends it to `operation` and decodes the answer.
    package func call<Response: Decodable>(
        _ operation: OperationID, _ request: some Encodable,
        as type: Response.Type = Response.self,
        userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) async throws -> Response {
        let response = try await send(operation, body: try encode(request, for: operation))
        return try decode(Response.self, from: response, operation: operation, userInfo: userInfo)
    }

    /// Encodes a request body.
    package func encode(_ request: some Encodable, for operation: OperationID) throws -> Data {
        do {
            return try Self.encoder.encode(request)
        } catch let refusal as ChorusError where refusal.code == .invalidInput {
            throw ChorusError.invalid(operation, refusal.problems)  // a value checked while encoded (PageRequest)
        } catch {
            throw ChorusError(
                .invalidInput, operation: operation, message: "the request could not be encoded: \(error)")
        }
    }

    /// Decodes an answer, turning failures into ``ChorusError/Code/decodingFailed``.
    package func decode<Response: Decodable>(
        _ type: Response.Type, from response: HTTPResponse,
        operation: OperationID,
        userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) throws -> Response {
        let reading = AnswerReading(mode: configuration.answerReading, scrub: { [scrubber] in scrubber.scrub($0) })
        do {
            var info: [CodingUserInfoKey: Any] = userInfo
            info[.chorusAnswerReading] = reading
            let value = try Response(from: AnswerDecoder(try AnswerParser.parse(response.body), userInfo: info))
            let issues = reading.issues
            if !issues.isEmpty {
                configuration.logger?(
                    ChorusLogEvent(
                        kind: .answerTolerated, operation: operation, attempt: nil, httpStatus: response.status,
                        message: "The answer was read past \(issues.count) odd shape\(issues.count == 1 ? "" : "s"): "
                            + issues.map(\.description).joined(separator: " ")))
            }
            return value
        } catch {
            throw ChorusError(
                .decodingFailed, operation: operation,
                message: "the answer could not be read as \(Response.self).",
                httpStatus: response.status, responseBody: scrubber.excerpt(of: response.body),
                underlyingError: DecodingFailure(error, scrub: scrubber.scrub))
        }
    }

    /// JSON as the platform expects it: exact decimals, sorted keys for reproducible bodies (``WireEncoder``).
    package static let encoder = WireEncoder()

    // MARK: Stages

    /// Sends raw JSON bytes to an operation through every stage.
    package func send(_ operation: OperationID, body: Data?) async throws -> HTTPResponse {
        guard let endpoint = operation.endpoint else {
            throw ChorusError(.configuration, operation: operation, message: "unknown operation \(operation)")
        }
        let request = HTTPRequest(
            method: endpoint.method, url: urls.url(endpoint.path),
            headers: Self.headers(endpoint), body: endpoint.method == .get ? nil : (body ?? Data("{}".utf8)),
            isIdempotent: endpoint.isIdempotent)
        return try await send(request, endpoint: endpoint)
    }

    /// Sends a JSON body written to a temporary file (a large upload, see ``FileBody``) through every stage.
    package func send(_ operation: OperationID, bodyFile: HTTPBodyFile) async throws -> HTTPResponse {
        guard let endpoint = operation.endpoint else {
            throw ChorusError(.configuration, operation: operation, message: "unknown operation \(operation)")
        }
        let request = HTTPRequest(
            method: endpoint.method, url: urls.url(endpoint.path),
            headers: Self.headers(endpoint), bodyFile: bodyFile, isIdempotent: endpoint.isIdempotent)
        return try await send(request, endpoint: endpoint)
    }

    private static func headers(_ endpoint: Endpoint) -> HTTPHeaders {
        endpoint.method == .get
            ? ["Accept": "application/json;charset=utf-8"]
            : ["Accept": "application/json;charset=utf-8", "Content-Type": "application/json;charset=utf-8"]
    }

    private func send(_ request: HTTPRequest, endpoint: Endpoint) async throws -> HTTPResponse {
        let operation = endpoint.id
        let context = RequestContext(operation: operation, attempt: 1, isIdempotent: endpoint.isIdempotent)
        let inner: @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse = { request, context in
            try await self.retrying(request, endpoint: endpoint, context: context)
        }
        let chain = configuration.middlewares.reversed().reduce(inner) { next, middleware in
            { request, context in
                do {
                    return try await middleware.intercept(request, context: context, next: next)
                } catch let error as ChorusError {
                    throw error
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    // A middleware's own failure: still one ChorusError for the caller, naming the middleware. Whether
                    // it threw before or after passing the request on is unknown, so the outcome is too.
                    throw ChorusError(
                        .middlewareFailed, operation: operation,
                        message: "the middleware \(type(of: middleware)) failed: \(error)",
                        underlyingError: MiddlewareFailure(middleware: "\(type(of: middleware))", error: error))
                }
            }
        }
        do {
            return try await chain(request, context)
        } catch let error as ChorusError where error.code == .cancelled && Task.isCancelled {
            // The caller's task was cancelled: Swift's convention is `CancellationError` (what `Task.sleep` and
            // URLSession's async calls throw), so `catch is CancellationError` sees it. `.cancelled` stays for a
            // cancellation the caller did not ask for (a transport torn down underneath).
            throw CancellationError()
        }
    }

    private func retrying(_ request: HTTPRequest, endpoint: Endpoint, context: RequestContext) async throws
        -> HTTPResponse
    {
        let clock = configuration.clock
        let started = clock.now()
        var attempt = 1
        while true {
            guard !Task.isCancelled else {
                throw ChorusError(.cancelled, operation: endpoint.id, message: "cancelled before attempt \(attempt).")
            }
            let attemptStart = ContinuousClock.now
            log(.attemptStarted, endpoint.id, attempt)
            do {
                let response = try await authenticated(request, endpoint: endpoint)
                log(
                    .attemptSucceeded, endpoint.id, attempt, status: response.status,
                    duration: ContinuousClock.now - attemptStart)
                return response
            } catch let error as ChorusError {
                log(
                    .attemptFailed, endpoint.id, attempt, status: error.httpStatus, error: error.code,
                    duration: ContinuousClock.now - attemptStart)
                let elapsed = Duration.milliseconds(Int64(clock.now().timeIntervalSince(started) * 1000))
                if Task.isCancelled, error.code != .cancelled {
                    // The caller gave up while this attempt was failing: report that, whatever the attempt said.
                    throw ChorusError(
                        .cancelled, operation: endpoint.id, message: "cancelled after attempt \(attempt) failed.",
                        underlyingError: error)
                }
                guard error.code != .cancelled,
                    let delay = configuration.retryPolicy.delay(
                        after: error, attempt: attempt,
                        idempotent: endpoint.isIdempotent, elapsed: elapsed)
                else { throw error }
                log(.retryScheduled, endpoint.id, attempt, error: error.code, delay: delay)
                do {
                    try await clock.sleep(delay)
                } catch {
                    throw ChorusError(.cancelled, operation: endpoint.id, message: "cancelled while waiting to retry.")
                }
                attempt += 1
            }
        }
    }

    /// Adds both credentials. A 401 on the bearer (expired early, revoked, a gateway hiccup) renews the token
    /// and sends again, for reads and writes alike: PISTE refused the request before it reached the platform.
    /// The token is renewed only when the refused one is still the current one (another call may already
    /// have renewed it), and `unauthorized` is reported only after ``TokenPolicy/maximumRenewals`` fresh
    /// tokens in a row were refused. A refused technical account is not retried: a new token would not change
    /// the password.
    private func authenticated(_ request: HTTPRequest, endpoint: Endpoint) async throws -> HTTPResponse {
        var token = if let fresh = tokens.freshToken() { fresh } else { try await tokens.token() }
        var renewals = 0
        while true {
            var signed = request
            signed.headers["Authorization"] = "Bearer \(token.value)"
            signed.headers["cpro-account"] = configuration.credentials.cproAccountHeaderValue
            do {
                let response = try await transport.send(signed, operation: endpoint.id)
                return try classifier.classify(response, endpoint: endpoint)
            } catch let error as ChorusError
                where error.code == .unauthorized && renewals < configuration.tokenPolicy.maximumRenewals
            {
                await tokens.invalidate(token)
                token = try await tokens.token()
                renewals += 1
                configuration.logger?(
                    ChorusLogEvent(
                        kind: .tokenRefused, operation: endpoint.id, attempt: renewals,
                        httpStatus: error.httpStatus))
            }
        }
    }

    private func log(
        _ kind: ChorusLogEvent.Kind, _ operation: OperationID, _ attempt: Int, status: Int? = nil,
        error: ChorusError.Code? = nil, duration: Duration? = nil, delay: Duration? = nil
    ) {
        configuration.logger?(
            ChorusLogEvent(
                kind: kind, operation: operation, attempt: attempt, httpStatus: status,
                errorCode: error, duration: duration, delay: delay))
    }
}

/// Gets a PISTE token: `POST` form `grant_type=client_credentials&client_id=…&client_secret=…&scope=openid`.
private struct TokenFetcher: Sendable {
    let configuration: ChorusConfiguration
    let classifier: ResponseClassifier
    let transport: DeadlineTransport

    func fetch() async throws -> AccessToken {
        let credentials = configuration.credentials
        let form = [
            ("grant_type", "client_credentials"), ("client_id", credentials.clientID),
            ("client_secret", credentials.clientSecret), ("scope", "openid"),
        ]
        .map { "\($0.0)=\(Self.formEncode($0.1))" }.joined(separator: "&")
        let request = HTTPRequest(
            method: .post, url: configuration.environment.oauthURL,
            headers: [
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            ],
            body: Data(form.utf8), isIdempotent: true)  // a second token is harmless
        let requested = configuration.clock.now()
        let response = try await transport.send(request, operation: .obtenirJetonOAuth)
        let answer = try classifier.classifyToken(response)
        classifier.scrubber.remember(token: answer.accessToken)
        configuration.logger?(
            ChorusLogEvent(
                kind: .tokenObtained, operation: .obtenirJetonOAuth, attempt: 1,
                httpStatus: response.status))
        return AccessToken(
            value: answer.accessToken,
            expiresAt: requested.addingTimeInterval(TimeInterval(answer.expiresIn)))
    }

    /// `application/x-www-form-urlencoded` value encoding (unreserved characters kept, the rest escaped).
    static func formEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

extension RequestPipeline {
    /// Check digits are enforced everywhere but in the sandbox, whose test SIRETs fail Luhn (§8.1).
    package var checkDigitPolicy: StructureIdentifier.CheckDigitPolicy {
        configuration.environment.kind == .sandbox && configuration.toleratesSandboxCheckDigits ? .warn : .enforce
    }

    /// The client for the portal steps, sharing this pipeline's transport and classification.
    package var portal: PortalClient {
        PortalClient(environment: configuration.environment, transport: transport, classifier: classifier)
    }

    /// Reports a warning to the logger hook.
    package func warn(_ message: String?, operation: OperationID) {
        guard let message else { return }
        configuration.logger?(ChorusLogEvent(kind: .warning, operation: operation, attempt: nil, message: message))
    }
}

/// Each path's URL, made once: `appendingPathComponent` parses the whole URL again on every call.
private final class EndpointURLs: @unchecked Sendable {
    private let environment: ChorusEnvironment
    private let lock = NSLock()
    private var made: [String: URL] = [:]

    init(_ environment: ChorusEnvironment) { self.environment = environment }

    func url(_ path: String) -> URL {
        if let url = lock.withLock({ made[path] }) { return url }
        let url = environment.url(forPath: path)
        lock.withLock { made[path] = url }
        return url
    }
}
