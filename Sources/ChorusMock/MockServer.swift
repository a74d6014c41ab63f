import ChorusSDK
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves a ``FakeChorusPro`` over HTTP/1.1 on `127.0.0.1`, with POSIX sockets and Foundation only,
/// so that real transports (URLSession, curl) and any other client (curl, Python, Postman) can talk to it.
///
/// - One thread accepts; one thread per connection reads requests, asks the fake, and writes each answer
///   (headers and body) in a single `send`, so keep-alive exchanges do not meet the 40 ms delayed-ACK stall.
/// - Persistent connections, `Content-Length` bodies (no chunked uploads), bounded header (16 KiB) and
///   body (``Limits/maximumBodySize``) sizes; a malformed request gets a clean `400`, an oversized one
///   `413` or `431`, and the connection is closed while the server keeps serving others.
/// - Writes never raise SIGPIPE (`MSG_NOSIGNAL` / `SO_NOSIGPIPE`).
/// - ``shutdown()`` stops accepting, wakes and ends every connection thread and closes every socket.
///
/// `@unchecked Sendable`: the mutable state (open connections, the running flag) is behind `state`'s lock;
/// each socket is read and written only by the thread that owns it.
public final class MockServer: @unchecked Sendable {
    /// Size, time and connection limits, so that the server survives its users (a server any language's
    /// tests run against must not be taken down by one of them).
    public struct Limits: Sendable {
        /// Largest request head (request line and headers); default 16 KiB.
        public var maximumHeaderSize: Int
        /// Largest request body; default 160 MB.
        public var maximumBodySize: Int
        /// Smaller body limits per path, checked before the body is read; default: the token endpoint's
        /// form, 64 KiB.
        public var bodyLimits: [String: Int]
        /// How long an idle keep-alive connection is kept; default 30 s.
        public var idleTimeout: Duration
        /// How long a request head may take from its first byte; default 10 s.
        public var headTimeout: Duration
        /// How long a request body may take once the head is read; default 30 s.
        public var bodyTimeout: Duration
        /// Most connections served at once; beyond it a new connection gets `503` with `Retry-After: 1`
        /// and is closed. Default 256, and never more than the process's file-descriptor limit minus 64.
        public var maximumConnections: Int

        /// Creates limits.
        public init(maximumHeaderSize: Int = 16 * 1024, maximumBodySize: Int = 160_000_000,
                    bodyLimits: [String: Int] = ["/api/oauth/token": 64 * 1024], idleTimeout: Duration = .seconds(30),
                    headTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30), maximumConnections: Int = 256) {
            self.maximumHeaderSize = maximumHeaderSize
            self.maximumBodySize = maximumBodySize
            self.bodyLimits = bodyLimits
            self.idleTimeout = idleTimeout
            self.headTimeout = headTimeout
            self.bodyTimeout = bodyTimeout
            self.maximumConnections = maximumConnections
        }
    }

    private struct State {
        var running = false
        var connections: Set<Int32> = []
        var threads = 0
        var served = 0
        var accepted = 0
        var refused = 0
    }

    /// The fake being served.
    public let fake: FakeChorusPro
    /// The limits in force.
    public let limits: Limits
    /// The port, once started (the one asked for, or the one the system picked for port 0).
    public private(set) var port: Int = 0
    private var listener: Int32 = -1
    private var wakePipe: [Int32] = [-1, -1]
    private let state = LockedBox(State())
    private let finished = NSCondition()

    /// Creates a server for `fake`; call ``start(port:)`` to listen.
    public init(fake: FakeChorusPro = FakeChorusPro(), limits: Limits = Limits()) {
        self.fake = fake
        self.limits = limits
    }

    deinit { stopAndWait() }

    /// The base URL (`http://127.0.0.1:<port>`).
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }

    /// The environment pointing a `ChorusClient` at this server.
    public var environment: ChorusEnvironment {
        .custom(apiBaseURL: baseURL, oauthURL: baseURL.appendingPathComponent("api/oauth/token"))
    }

    /// Requests answered so far.
    public var requestsServed: Int { state.withLock { $0.served } }

    /// Connections accepted so far (shows whether clients reuse connections).
    public var connectionsAccepted: Int { state.withLock { $0.accepted } }

    /// Connections refused with `503` because ``Limits/maximumConnections`` were already open.
    public var connectionsRefused: Int { state.withLock { $0.refused } }

    /// Connection threads alive now.
    public var liveConnectionThreads: Int { state.withLock { $0.threads } }

    /// Binds `127.0.0.1:port` (0 picks a free port) and starts accepting.
    @discardableResult
    public func start(port requested: Int = 0) throws -> Int {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw TransportError(.other, "socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(requested).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 256) == 0 else {
            close(descriptor)
            throw TransportError(.cannotConnect, "cannot listen on 127.0.0.1:\(requested): errno \(errno)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        listener = descriptor
        guard pipe(&wakePipe) == 0 else { throw TransportError(.other, "pipe() failed") }
        state.withLock { $0.running = true; $0.threads += 1 }
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "MockServer.accept"
        thread.start()
        return port
    }

    /// Stops accepting, ends every connection and waits for every thread, without blocking the caller's thread: the
    /// wait runs on a thread of its own. Safe to call twice. Use this form in async code.
    public func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread { [self] in
                stopAndWait()
                continuation.resume()
            }
            thread.name = "MockServer.shutdown"
            thread.start()
        }
    }

    /// Stops accepting, ends every connection and waits for every thread, blocking the calling thread. Safe to call
    /// twice. Not from async code: blocking a cooperative thread can starve the very tasks the server waits for.
    @available(*, noasync, message: "use `await shutdown()` in async code: this form blocks the calling thread")
    public func shutdownBlocking() { stopAndWait() }

    private func stopAndWait() {
        let connections: Set<Int32>? = state.withLock { state in
            guard state.running else { return nil }
            state.running = false
            return state.connections
        }
        guard let connections else { return }
        var byte: UInt8 = 1
        _ = write(wakePipe[1], &byte, 1)
        for connection in connections { Glibc_shutdown(connection) }
        finished.lock()
        while state.withLock({ $0.threads }) > 0 { _ = finished.wait(until: Date().addingTimeInterval(0.05)) }
        finished.unlock()
        close(listener)
        close(wakePipe[0])
        close(wakePipe[1])
        listener = -1
    }

    // MARK: Threads

    private func threadEnded() {
        finished.lock()
        state.withLock { $0.threads -= 1 }
        finished.broadcast()
        finished.unlock()
    }

    /// Connections served at once: the configured maximum, kept under the file-descriptor limit.
    private var connectionCap: Int {
        var limit = rlimit()
        #if canImport(Glibc)
        let got = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #else
        let got = getrlimit(RLIMIT_NOFILE, &limit)
        #endif
        guard got == 0, limit.rlim_cur < 1 << 30 else { return limits.maximumConnections }  // not "unlimited"
        return max(1, min(limits.maximumConnections, Int(limit.rlim_cur) - 64))
    }

    private func acceptLoop() {
        defer { threadEnded() }
        let cap = connectionCap
        var backOff = 0  // milliseconds; grows while accept fails for lack of resources
        while state.withLock({ $0.running }) {
            var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: wakePipe[0], events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 2, 1000) > 0, fds[0].revents & Int16(POLLIN) != 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                // Out of descriptors or memory: the pending connection stays readable, so waiting is the
                // only way not to spin. Back off up to 500 ms, and try again.
                if [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(errno) {
                    backOff = min(max(backOff * 2, 10), 500)
                    usleep(UInt32(backOff) * 1000)
                }
                continue
            }
            backOff = 0
            var yes: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            #if canImport(Darwin)
            setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
            #endif
            enum Admission { case accepted, full, stopped }
            let admission: Admission = state.withLock { state in
                guard state.running else { return .stopped }
                guard state.connections.count < cap else { state.refused += 1; return .full }
                state.connections.insert(connection)
                state.threads += 1
                state.accepted += 1
                return .accepted
            }
            switch admission {
            case .stopped:
                close(connection)
                return
            case .full:
                let busy = HTTPResponse(status: 503, headers: ["Retry-After": "1", "Content-Type": "text/plain"],
                                        body: Data("too many connections".utf8))
                reply(busy, to: connection, keepAlive: false)
                close(connection)
            case .accepted:
                let thread = Thread { [self] in serve(connection) }
                thread.name = "MockServer.connection"
                thread.start()
            }
        }
    }

    private func serve(_ connection: Int32) {
        defer {
            state.withLock { _ = $0.connections.remove(connection) }
            close(connection)
            threadEnded()
        }
        var reader = ConnectionReader(descriptor: connection, limits: limits)
        while state.withLock({ $0.running }) {
            let parsed = reader.nextRequest(port: port)
            switch parsed {
            case .closed:
                return
            case .failure(let status, let reason):
                reply(HTTPResponse(status: status, headers: ["Content-Type": "text/plain"], body: Data(reason.utf8)),
                      to: connection, keepAlive: false)
                return
            case .request(let request, let keepAlive):
                guard let outcome = answer(request, connection: connection) else { return }
                state.withLock { $0.served += 1 }
                switch outcome {
                case .dropConnection:
                    return
                case .response(let response):
                    guard reply(response, to: connection, keepAlive: keepAlive), keepAlive else { return }
                }
            }
        }
    }

    /// Asks the fake on the cooperative pool while this (dedicated) thread waits; gives up, cancelling
    /// the fake's work, when the client hangs up or the server stops.
    private func answer(_ request: HTTPRequest, connection: Int32) -> FakeOutcome? {
        let result = LockedBox<FakeOutcome?>(nil)
        let done = DispatchSemaphore(value: 0)
        let fake = self.fake
        let task = Task {
            let outcome = await fake.handle(request)
            result.withLock { $0 = outcome }
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if !state.withLock({ $0.running }) || peerHungUp(connection) {
                // Cancel the fake's work, but do not wait for it: `shutdown()` may be called from a task of Swift's
                // cooperative pool, and when every thread of that pool is blocked there, the cancelled task could never
                // run to its end — a deadlock seen in CI on a busy 2-core machine.
                task.cancel()
                return nil
            }
        }
        return result.withLock { $0 }
    }

    private func peerHungUp(_ connection: Int32) -> Bool {
        var fds = [pollfd(fd: connection, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, 0) > 0 else { return false }
        if fds[0].revents & Int16(POLLHUP | POLLERR) != 0 { return true }
        var byte: UInt8 = 0
        return recv(connection, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT)) == 0
    }

    @discardableResult
    private func reply(_ response: HTTPResponse, to connection: Int32, keepAlive: Bool) -> Bool {
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for field in response.headers where !["content-length", "connection"].contains(field.name.lowercased()) {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        var bytes = Data(head.utf8)
        bytes.append(response.body)
        return bytes.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let sent = send(connection, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let sent = send(connection, base + offset, buffer.count - offset, 0)
                #endif
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}

/// `shutdown(2)`, named apart from ``MockServer/shutdown()``.
private func Glibc_shutdown(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
    #else
    _ = Darwin.shutdown(descriptor, SHUT_RDWR)
    #endif
}
