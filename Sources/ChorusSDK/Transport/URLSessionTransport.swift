import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport, built on a dedicated `URLSession` (never `URLSession.shared`).
///
/// - Timeouts: URLSession exposes no connect phase, so ``Configuration/connectTimeout`` is applied as
///   the session's request (idle) timeout, which covers connecting and any silence afterwards. The
///   total deadline (``Configuration/requestTimeout``) is enforced by the SDK itself with a timer that
///   cancels the task, because URLSession on Linux ignores `timeoutIntervalForResource`.
/// - Redirects are never followed: the 3xx answer is returned as data (Linux would drop a POST body
///   on a 307, and Chorus Pro never redirects API calls).
/// - Bodies larger than ``Configuration/maximumResponseSize`` abort the transfer with
///   ``TransportError/Kind/responseTooLarge``.
/// - Cancelling the calling task cancels the `URLSessionTask` at once.
/// - TLS certificates are always verified; there is no switch to turn that off.
/// - **Writes go out exactly once.** A request that is not ``HTTPRequest/isIdempotent`` is sent on a
///   short-lived session of its own, hence on a fresh connection: URLSession (and libcurl under it on
///   Linux) may resend a request whose reused keep-alive connection died before the answer, which for an
///   invoice the platform already committed is a duplicate. A fresh connection is never resent that way,
///   and a failure to connect on it really means nothing was sent. The cost is one TCP (and TLS) handshake
///   per write (README, reliability section).
/// - A connection that drops after the request was written ends the call with
///   ``TransportError/Kind/connectionLost`` as soon as the socket closes, not at a deadline.
public struct URLSessionTransport: Transport {
    /// Settings of a ``URLSessionTransport``.
    public struct Configuration: Sendable {
        /// Longest time without any progress while connecting or waiting; default 10 s.
        public var connectTimeout: Duration
        /// Longest time for the whole exchange, from sending to the last byte; default 60 s.
        public var requestTimeout: Duration
        /// Largest response body accepted, in bytes; default 130 MB (group downloads may reach 120 MB).
        public var maximumResponseSize: Int
        /// Connections kept per host; default 16.
        public var maximumConnectionsPerHost: Int

        /// Creates a configuration.
        public init(
            connectTimeout: Duration = .seconds(10),
            requestTimeout: Duration = .seconds(60),
            maximumResponseSize: Int = 130_000_000,
            maximumConnectionsPerHost: Int = 16
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maximumResponseSize = maximumResponseSize
            self.maximumConnectionsPerHost = maximumConnectionsPerHost
        }
    }

    /// The settings in force.
    public let configuration: Configuration
    private let owner: SessionOwner

    /// Creates a transport with its own session.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.owner = SessionOwner(configuration: configuration, keepsConnections: true)
    }

    /// ``Configuration/requestTimeout``, enforced by this transport's own timer.
    public var enforcedDeadline: Duration? { configuration.requestTimeout }

    /// Sends one request. See ``Transport/send(_:)``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        let bodyFile = request.bodyFile
        if bodyFile == nil { urlRequest.httpBody = request.body }
        urlRequest.timeoutInterval = configuration.connectTimeout.timeInterval
        for field in request.headers { urlRequest.addValue(field.value, forHTTPHeaderField: field.name) }
        guard !request.isIdempotent else {
            return try await owner.perform(urlRequest, bodyFile: bodyFile, limit: configuration.maximumResponseSize,
                                           deadline: configuration.requestTimeout)
        }
        // A write goes out once, on a session (hence a connection) of its own: see the type's documentation.
        let single = SessionOwner(configuration: configuration, keepsConnections: false)
        return try await single.perform(urlRequest, bodyFile: bodyFile, limit: configuration.maximumResponseSize,
                                        deadline: configuration.requestTimeout)
    }
}

/// Owns the session and invalidates it when the last copy of the transport goes away, so its delegate
/// queue does not keep the process alive.
private final class SessionOwner: Sendable {
    let session: URLSession
    let delegate: TransferDelegate
    let keepsConnections: Bool

    /// `keepsConnections` false: a session for one request, whose connection is not kept.
    init(configuration: URLSessionTransport.Configuration, keepsConnections: Bool) {
        self.keepsConnections = keepsConnections
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.connectTimeout.timeInterval
        sessionConfiguration.timeoutIntervalForResource = configuration.requestTimeout.timeInterval
        sessionConfiguration.httpMaximumConnectionsPerHost = keepsConnections ? configuration.maximumConnectionsPerHost : 1
        sessionConfiguration.httpCookieAcceptPolicy = .never
        sessionConfiguration.httpShouldSetCookies = false
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        delegate = TransferDelegate()
        session = URLSession(configuration: sessionConfiguration, delegate: delegate, delegateQueue: nil)
    }

    // A one-request session is let finish: cancelling a task that is still completing inside swift-corelibs-
    // foundation crashes it (seen in the soak). The shared session cancels whatever is left.
    deinit {
        if keepsConnections { session.invalidateAndCancel() } else { session.finishTasksAndInvalidate() }
    }

    /// Runs one task; a body in a file is streamed from it (`uploadTask(with:fromFile:)`), never loaded.
    func perform(_ request: URLRequest, bodyFile: HTTPBodyFile?, limit: Int, deadline: Duration) async throws -> HTTPResponse {
        let task = if let bodyFile { session.uploadTask(with: request, fromFile: bodyFile.url) } else { session.dataTask(with: request) }
        let transfer = Transfer(limit: limit)
        delegate.register(transfer, for: task)
        // swift-corelibs-foundation asks the *task's* delegate for a new body when libcurl wants to resend
        // the request (see `needNewBodyStream` below); Apple platforms use the session's delegate.
        task.delegate = delegate
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: .now() + deadline.timeInterval)
        timer.setEventHandler { [weak task] in
            transfer.fail(with: TransportError(.timedOut, "no complete answer within \(deadline)"))
            task?.cancel()
        }
        defer {
            timer.cancel()
            withExtendedLifetime(bodyFile) {}  // the file stays until the task is over
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard transfer.attach(continuation) else {
                    delegate.unregister(task)
                    return
                }
                timer.resume()
                task.resume()
            }
        } onCancel: {
            transfer.fail(with: TransportError(.cancelled, "the calling task was cancelled"))
            task.cancel()
        }
    }
}

/// The state of one transfer. Its continuation is resumed exactly once, by whichever of completion,
/// deadline, size limit or cancellation comes first.
private final class Transfer: Sendable {
    private struct State {
        var continuation: CheckedContinuation<HTTPResponse, any Error>?
        var earlyFailure: TransportError?
        var finished = false
        var response: HTTPURLResponse?
        var body = Data()
    }

    let limit: Int
    private let state = LockedBox(State())

    init(limit: Int) { self.limit = limit }

    /// Stores the continuation; returns false (and resumes it) when the transfer already failed,
    /// for example because the caller was cancelled before the task started.
    func attach(_ continuation: CheckedContinuation<HTTPResponse, any Error>) -> Bool {
        let early: TransportError? = state.withLock { state in
            if let failure = state.earlyFailure {
                state.finished = true
                return failure
            }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(throwing: early); return false }
        return true
    }

    func receive(_ response: HTTPURLResponse) -> Bool {
        if response.expectedContentLength > Int64(limit) {
            fail(with: tooLarge)
            return false
        }
        state.withLock { state in
            state.response = response
            // The announced size, reserved once: growing a 27 MB answer by doubling would hold two buffers at once.
            if response.expectedContentLength > 0 { state.body.reserveCapacity(Int(response.expectedContentLength)) }
        }
        return true
    }

    /// Appends body bytes; returns false when the size limit is passed.
    func append(_ data: Data) -> Bool {
        let fits = state.withLock { state -> Bool in
            guard state.body.count + data.count <= limit else { return false }
            state.body.append(data)
            return true
        }
        if !fits { fail(with: tooLarge) }
        return fits
    }

    private var tooLarge: TransportError {
        TransportError(.responseTooLarge, "the answer is larger than the \(limit)-byte limit")
    }

    func fail(with error: TransportError) { finish(.failure(error)) }

    /// A 3xx the SDK does not follow, returned at once with its status and headers (a redirect's body is not read).
    /// Waiting for the task to complete instead was not reliable: under load, corelibs-foundation sometimes never
    /// completed a task whose redirect was refused, and the call ended in a timeout (seen in CI).
    func redirected(_ response: HTTPURLResponse) {
        state.withLock { $0.response = response }
        complete(error: nil)
    }

    func complete(error: (any Error)?) {
        if let error {
            finish(.failure(URLSessionTransport.map(error)))
            return
        }
        let result: Result<HTTPResponse, TransportError> = state.withLock { state in
            guard let response = state.response else {
                return .failure(TransportError(.other, "no HTTP response"))
            }
            var headers = HTTPHeaders()
            for (name, value) in response.allHeaderFields {
                headers.append(name: "\(name)", value: "\(value)")
            }
            return .success(HTTPResponse(status: response.statusCode, headers: headers, body: state.body))
        }
        finish(consume result)  // handed over: the caller may decode a file in place in the answer's bytes
    }

    private func finish(_ result: consuming Result<HTTPResponse, TransportError>) {
        let continuation: CheckedContinuation<HTTPResponse, any Error>? = state.withLock { state in
            guard !state.finished else { return nil }
            if state.continuation == nil, case .failure(let error) = result {
                // Not started yet: remember why, `attach` will report it.
                state.earlyFailure = state.earlyFailure ?? error
                return nil
            }
            state.finished = true
            defer { state.continuation = nil; state.body = Data() }
            return state.continuation
        }
        let mapped = (consume result).mapError { $0 as any Error }
        if let continuation { continuation.resume(with: consume mapped) }
    }
}

/// Routes session callbacks to the transfer of each task.
private final class TransferDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private let transfers = LockedBox([Int: Transfer]())

    func register(_ transfer: Transfer, for task: URLSessionTask) {
        transfers.withLock { $0[task.taskIdentifier] = transfer }
    }

    func unregister(_ task: URLSessionTask) {
        _ = transfers.withLock { $0.removeValue(forKey: task.taskIdentifier) }
    }

    private func transfer(for task: URLSessionTask) -> Transfer? {
        transfers.withLock { $0[task.taskIdentifier] }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse, let transfer = transfer(for: dataTask) else {
            completionHandler(.cancel)
            return
        }
        completionHandler(transfer.receive(http) ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        if transfer(for: dataTask)?.append(data) == false { dataTask.cancel() }
    }

    /// Called on Linux when libcurl, under URLSession, found the reused connection dead after sending the
    /// request and wants to send it again on a new one. Foundation cannot rewind a `Data` body there: it
    /// would resend the head without the body and the exchange would stall until the idle timeout. And a
    /// resend would break the rule that a transport never sends twice. So the attempt ends at once with
    /// `connectionLost` (the request may have reached the server); the SDK then retries a read or looks a
    /// write up.
    func urlSession(_ session: URLSession, task: URLSessionTask,
                    needNewBodyStream completionHandler: @escaping @Sendable (InputStream?) -> Void) {
        completionHandler(nil)
        transfer(for: task)?.fail(with: TransportError(.connectionLost, "the reused connection closed before the answer"))
        // Called on the session's work queue, which `cancel()` waits for: cancel from elsewhere.
        DispatchQueue.global().async { [weak task] in task?.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask,
                    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
                    completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        transfer(for: task)?.redirected(response)
        completionHandler(nil)  // never follow: the 3xx is returned as data
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let transfer = transfers.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        transfer?.complete(error: error)
    }
}

extension URLSessionTransport {
    /// Maps a URLSession failure to the shared vocabulary.
    static func map(_ error: any Error) -> TransportError {
        guard let urlError = error as? URLError else {
            return TransportError(.other, "\(type(of: error))")
        }
        let kind: TransportError.Kind
        switch urlError.code {
        case .cannotConnectToHost, .notConnectedToInternet:
            kind = .cannotConnect
        case .cannotFindHost, .dnsLookupFailed:
            kind = .dnsFailure
        case .networkConnectionLost, .badServerResponse, .cannotParseResponse, .zeroByteResource:
            kind = .connectionLost
        case .timedOut:
            kind = .timedOut
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
             .clientCertificateRequired:
            kind = .tls
        case .cancelled, .userCancelledAuthentication:
            kind = .cancelled
        case .dataLengthExceedsMaximum:
            kind = .responseTooLarge
        default:
            kind = .other
        }
        return TransportError(kind, "URLError \(urlError.code.rawValue)", underlying: urlError)
    }
}

extension Duration {
    /// The duration in seconds, as Foundation's `TimeInterval`.
    package var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
