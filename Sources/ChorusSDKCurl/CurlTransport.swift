import CCurl
import ChorusSDK
import Foundation

/// libcurl, initialised once for the process before the first handle (never cleaned up at exit).
private let curlGlobalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// A ``Transport`` on libcurl (product `ChorusSDKCurl`; needs `libcurl4-openssl-dev` on Debian/Ubuntu or
/// `curl` from Homebrew).
///
/// **Threading.** Each transfer runs `curl_easy_perform` on a dedicated thread named `chorus-curl`, never on
/// Swift's cooperative pool, and reports through a continuation resumed exactly once. A thread per transfer
/// was chosen over one thread driving a multi handle because it is simple to prove correct (one handle, one
/// thread, one continuation) and Chorus Pro traffic is a few concurrent calls, not thousands; the cost is a
/// thread start per request.
///
/// **Connections are reused for reads**: finished easy handles go back to a pool and keep their connection
/// cache (`curl_easy_reset` keeps live connections), so sequential reads share one keep-alive connection.
///
/// **Writes go out exactly once.** libcurl silently resends a request whose reused connection died before
/// any answer byte ("Connection died, retrying a fresh connect"), rewinding the body when it can. For a
/// `soumettre` the platform already committed, that resend stores the invoice twice. A request that is not
/// ``HTTPRequest/isIdempotent`` is therefore sent
/// - on a connection opened for it and closed after it (`CURLOPT_FRESH_CONNECT`, `CURLOPT_FORBID_REUSE`), so
///   it never meets a stale keep-alive connection, and
/// - with its body given through `CURLOPT_READFUNCTION` and no `CURLOPT_SEEKFUNCTION`: libcurl cannot rewind
///   it, so even a resend libcurl would attempt fails (`CURLE_SEND_FAIL_REWIND`) instead of duplicating
///   (libcurl's `CURLOPT_SEEKFUNCTION` documentation: the rewind is needed "when an existing HTTP connection
///   is reused too late and the server closes the connection").
///
/// The cost is one TCP (and TLS) handshake per write, measured by `swift run chorus-bench` (README). A
/// failure after any request byte may have been written is never `cannotConnect`, so the SDK looks the
/// write up instead of sending it again.
///
/// **Behaviour**: `NOSIGNAL`; no redirects; HTTPS only (plain HTTP only to loopback hosts); connect, total and
/// idle timeouts; cancellation aborts the transfer (`CURLE_ABORTED_BY_CALLBACK` → `.cancelled`) and
/// answers the caller at once; a response-size limit; optional CA bundle and proxy; TLS peer and host
/// verification always on.
///
/// `@unchecked Sendable`: the handle pool is behind a lock; a handle is used by one transfer thread at a time.
public final class CurlTransport: Transport, @unchecked Sendable {
    /// Settings of a ``CurlTransport``.
    public struct Configuration: Sendable {
        /// Longest time to connect; default 10 s.
        public var connectTimeout: Duration
        /// Longest time for the whole exchange; default 60 s.
        public var requestTimeout: Duration
        /// Abort when less than 1 byte/s flows for this long; default 30 s.
        public var idleTimeout: Duration
        /// Largest response body, in bytes; default 130 MB.
        public var maximumResponseSize: Int
        /// A CA bundle file to trust instead of the system's (static builds, corporate proxies).
        public var caBundlePath: String?
        /// A proxy URL (`http://proxy:3128`).
        public var proxy: String?
        /// Idle handles (and their connections) kept for reuse; default 16.
        public var maximumIdleHandles: Int

        /// Creates a configuration.
        public init(connectTimeout: Duration = .seconds(10), requestTimeout: Duration = .seconds(60),
                    idleTimeout: Duration = .seconds(30), maximumResponseSize: Int = 130_000_000,
                    caBundlePath: String? = nil, proxy: String? = nil, maximumIdleHandles: Int = 16) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.idleTimeout = idleTimeout
            self.maximumResponseSize = maximumResponseSize
            self.caBundlePath = caBundlePath
            self.proxy = proxy
            self.maximumIdleHandles = maximumIdleHandles
        }
    }

    /// The settings in force.
    public let configuration: Configuration
    private let idleHandles = LockedBox([HandleBox]())

    /// Creates a transport.
    public init(configuration: Configuration = Configuration()) {
        _ = curlGlobalInit
        self.configuration = configuration
    }

    deinit { shutdown() }

    /// Frees the idle handles and their connections. Transfers in flight finish normally.
    public func shutdown() {
        let handles = idleHandles.withLock { handles -> [HandleBox] in
            defer { handles.removeAll() }
            return handles
        }
        for box in handles { curl_easy_cleanup(box.handle) }
    }

    /// ``Configuration/requestTimeout``, enforced by libcurl (`CURLOPT_TIMEOUT_MS`).
    public var enforcedDeadline: Duration? { configuration.requestTimeout }

    /// Sends one request on a dedicated thread.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let transfer = CurlTransfer(request: request, configuration: configuration)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.start(continuation) { [self] in
                    let box = idleHandles.withLock { $0.popLast() } ?? curl_easy_init().map(HandleBox.init)
                    guard let box else {
                        transfer.finish(.failure(TransportError(.other, "curl_easy_init failed")))
                        return
                    }
                    let result = transfer.perform(on: box.handle)
                    // Back in the pool before the caller hears of the result: a call that follows at once gets this
                    // handle and its kept-alive connection, deterministically (it used to race the return).
                    let kept = idleHandles.withLock { handles -> Bool in
                        guard handles.count < configuration.maximumIdleHandles else { return false }
                        handles.append(box)
                        return true
                    }
                    if !kept { curl_easy_cleanup(box.handle) }
                    // Handed over, not kept: this thread must not still hold the answer's bytes when the caller decodes
                    // a file in place in them (a second reference would make that write copy 27 MB).
                    transfer.finish(consume result)
                }
            }
        } onCancel: {
            transfer.cancel()
        }
    }
}

/// An easy handle moved between the pool and transfer threads. `@unchecked Sendable`: used by one thread at a time.
private final class HandleBox: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    init(_ handle: UnsafeMutableRawPointer) { self.handle = handle }
}

/// One request's transfer. `@unchecked Sendable`: `body`, `headerLines` and `status` are touched only by
/// the transfer thread; `control` (continuation, cancellation flag) is behind a lock.
private final class CurlTransfer: @unchecked Sendable {
    private struct Control {
        var continuation: CheckedContinuation<HTTPResponse, any Error>?
        var cancelled = false
        var finished = false
    }

    let request: HTTPRequest
    let configuration: CurlTransport.Configuration
    private let control = LockedBox(Control())
    private var body = Data()
    private var headerLines: [String] = []
    private var exceededLimit = false
    /// Bytes of the request body handed to libcurl through the read callback (writes only).
    private var uploadOffset = 0
    /// Whether libcurl asked for body bytes: from then on, part of the request may have left this machine.
    private var bodyRequested = false
    /// The handle of the transfer in progress (transfer thread only).
    private var currentHandle: UnsafeMutableRawPointer?
    /// The open body file (``HTTPRequest/bodyFile``), read in libcurl's chunks by the read callback.
    private var bodyFile: FileHandle?

    init(request: HTTPRequest, configuration: CurlTransport.Configuration) {
        self.request = request
        self.configuration = configuration
    }

    var isCancelled: Bool { control.withLock { $0.cancelled } }

    func start(_ continuation: CheckedContinuation<HTTPResponse, any Error>, work: @escaping @Sendable () -> Void) {
        let alreadyCancelled = control.withLock { control -> Bool in
            control.continuation = continuation
            return control.cancelled
        }
        if alreadyCancelled {
            finish(.failure(TransportError(.cancelled, "cancelled before sending")))
            return
        }
        let thread = Thread(block: work)
        thread.name = "chorus-curl"
        thread.stackSize = 512 * 1024
        thread.start()
    }

    /// Marks the transfer cancelled (the progress callback aborts it) and answers the caller now.
    func cancel() {
        control.withLock { $0.cancelled = true }
        finish(.failure(TransportError(.cancelled, "the calling task was cancelled")))
    }

    /// Resumes the continuation once; later calls do nothing.
    func finish(_ result: consuming Result<HTTPResponse, TransportError>) {
        let continuation = control.withLock { control -> CheckedContinuation<HTTPResponse, any Error>? in
            guard !control.finished, let continuation = control.continuation else { return nil }
            control.finished = true
            control.continuation = nil
            return continuation
        }
        let mapped = (consume result).mapError { $0 as any Error }
        if let continuation { continuation.resume(with: consume mapped) }
    }

    // MARK: The transfer thread

    /// Runs the transfer on `handle` and returns its result; the caller reports it (``finish(_:)``) once the handle is
    /// back in the pool, so that the next sequential call finds it there and reuses its connection.
    func perform(on handle: UnsafeMutableRawPointer) -> Result<HTTPResponse, TransportError> {
        curl_easy_reset(handle)
        currentHandle = handle
        defer { currentHandle = nil }
        var headers: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headers) }
        for field in request.headers { headers = curl_slist_append(headers, "\(field.name): \(field.value)") }
        headers = curl_slist_append(headers, "Expect:")  // no 100-continue round trip
        let context = Unmanaged.passUnretained(self).toOpaque()
        let host = request.url.host
        if let file = request.bodyFile {
            guard let handle = try? FileHandle(forReadingFrom: file.url) else {
                return .failure(TransportError(.other, "the request body file could not be opened"))  // nothing was sent
            }
            bodyFile = handle
        }
        defer { try? bodyFile?.close() }
        let payload = request.bodyFile == nil ? request.body ?? Data() : Data()
        let code: CURLcode = payload.withUnsafeBytes { bytes in
            guard configure(handle, headers: headers, context: context, allowHTTP: ChorusEnvironment.isLoopback(host),
                            body: bytes) == CURLE_OK else { return CURLE_FAILED_INIT }
            return curl_easy_perform(handle)
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        // Bytes of request sent: 0 means nothing left this machine (a reused connection has no connect time).
        var requestSize = 0
        ccurl_getinfo_long(handle, CURLINFO_REQUEST_SIZE, &requestSize)
        return result(code: code, status: status, connected: requestSize > 0 || bodyRequested)
    }

    private func configure(_ handle: UnsafeMutableRawPointer, headers: UnsafeMutablePointer<curl_slist>?,
                           context: UnsafeMutableRawPointer, allowHTTP: Bool, body: UnsafeRawBufferPointer) -> CURLcode {
        var results: [CURLcode] = [
            ccurl_setopt_string(handle, CURLOPT_URL, request.url.absoluteString),
            ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0),
            ccurl_set_protocols(handle, allowHTTP ? 1 : 0),
            ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
            ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
            ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(configuration.connectTimeout)),
            ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(configuration.requestTimeout)),
            ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1),
            ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, milliseconds(configuration.idleTimeout) / 1000)),
            ccurl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maximumResponseSize)),
            ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""),
            ccurl_setopt_string(handle, CURLOPT_USERAGENT, "ChorusSDK-curl"),
            ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers),
            ccurl_setopt_data_function(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                guard let context else { return 0 }
                return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().receiveBody(data, size * count)
            },
            ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
            ccurl_setopt_data_function(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                guard let context else { return 0 }
                return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().receiveHeader(data, size * count)
            },
            ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context),
            ccurl_setopt_long(handle, CURLOPT_NOPROGRESS, 0),
            ccurl_setopt_progress_function(handle) { context, _, _, _, _ in
                guard let context else { return 0 }
                return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
            },
            ccurl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context),
        ]
        if let bundle = configuration.caBundlePath { results.append(ccurl_setopt_string(handle, CURLOPT_CAINFO, bundle)) }
        if let proxy = configuration.proxy { results.append(ccurl_setopt_string(handle, CURLOPT_PROXY, proxy)) }
        switch request.method {
        case .get:
            results.append(ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        default:
            if request.method != .post { results.append(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue)) }
            results.append(ccurl_setopt_long(handle, CURLOPT_POST, 1))
            results.append(ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.bodyFile?.count ?? body.count)))
            if request.isIdempotent, request.bodyFile == nil {
                results.append(ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: body.baseAddress)))
            } else {
                // See the type's documentation: a body libcurl cannot rewind, on a connection of its own (a write), or
                // streamed from its file (a read resent by libcurl then fails with CURLE_SEND_FAIL_REWIND, and the
                // SDK's retry sends it again from the start).
                results.append(ccurl_setopt_data_function(handle, CURLOPT_READFUNCTION) { buffer, size, count, context in
                    guard let context else { return Int(CURL_READFUNC_ABORT) }
                    return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().sendBody(into: buffer, size * count)
                })
                results.append(ccurl_setopt_pointer(handle, CURLOPT_READDATA, context))
                if !request.isIdempotent {
                    results.append(ccurl_setopt_long(handle, CURLOPT_FRESH_CONNECT, 1))
                    results.append(ccurl_setopt_long(handle, CURLOPT_FORBID_REUSE, 1))
                }
            }
        }
        return results.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    private func milliseconds(_ duration: Duration) -> Int {
        let parts = duration.components
        return Int(parts.seconds) * 1000 + Int(parts.attoseconds / 1_000_000_000_000_000)
    }

    /// Copies the next body bytes into libcurl's buffer (writes only). Never rewound: there is no seek callback.
    private func sendBody(into buffer: UnsafeMutablePointer<CChar>, _ capacity: Int) -> Int {
        bodyRequested = true
        if let bodyFile {
            let chunk = (try? bodyFile.read(upToCount: capacity)) ?? nil
            guard let chunk else { return request.bodyFile.map { uploadOffset < $0.count } == true ? Int(CURL_READFUNC_ABORT) : 0 }
            chunk.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                UnsafeMutableRawPointer(buffer).copyMemory(from: base, byteCount: bytes.count)
            }
            uploadOffset += chunk.count
            return chunk.count
        }
        guard let payload = request.body, uploadOffset < payload.count else { return 0 }
        let count = min(capacity, payload.count - uploadOffset)
        payload.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + uploadOffset, byteCount: count)
        }
        uploadOffset += count
        return count
    }

    private func receiveBody(_ data: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        if body.isEmpty, let handle = currentHandle {
            // The announced size, reserved once: growing a 27 MB answer by doubling would hold two buffers at once.
            var announced: curl_off_t = -1
            if ccurl_getinfo_off_t(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &announced) == CURLE_OK,
               announced > 0, announced <= configuration.maximumResponseSize {
                body.reserveCapacity(Int(announced))
            }
        }
        guard body.count + count <= configuration.maximumResponseSize else {
            exceededLimit = true
            return 0  // makes curl stop with CURLE_WRITE_ERROR
        }
        data.withMemoryRebound(to: UInt8.self, capacity: count) { body.append($0, count: count) }
        return count
    }

    private func receiveHeader(_ data: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        let line = data.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") { headerLines.removeAll() }  // a new answer (after 100 Continue)
        else if !line.isEmpty { headerLines.append(line) }
        return count
    }

    private func result(code: CURLcode, status: Int, connected: Bool) -> Result<HTTPResponse, TransportError> {
        if code == CURLE_OK {
            var headers = HTTPHeaders()
            for line in headerLines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.append(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            defer { body = Data() }  // the caller's copy is the only one (decoding a file in place relies on it)
            return .success(HTTPResponse(status: status, headers: headers, body: body))
        }
        return .failure(Self.map(code, cancelled: isCancelled, tooLarge: exceededLimit, connected: connected))
    }

    /// Maps every `CURLcode` to the shared vocabulary.
    static func map(_ code: CURLcode, cancelled: Bool, tooLarge: Bool, connected: Bool) -> TransportError {
        let text = String(cString: curl_easy_strerror(code))
        let kind: TransportError.Kind
        switch code {
        case CURLE_ABORTED_BY_CALLBACK: kind = cancelled ? .cancelled : .other
        case CURLE_WRITE_ERROR: kind = tooLarge ? .responseTooLarge : .other
        case CURLE_FILESIZE_EXCEEDED: kind = .responseTooLarge
        // "Could not connect" after request bytes may have gone out (a reused connection died, then the
        // reconnect was refused) is not proof that nothing was sent.
        case CURLE_COULDNT_CONNECT: kind = connected ? .connectionLost : .cannotConnect
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: kind = .dnsFailure
        case CURLE_OPERATION_TIMEDOUT: kind = connected ? .timedOut : .cannotConnect  // nothing was sent yet
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_SEND_FAIL_REWIND:
            kind = .connectionLost
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
             CURLE_USE_SSL_FAILED:
            kind = .tls
        default: kind = .other
        }
        return TransportError(kind, "curl error \(code.rawValue): \(text)")
    }
}
