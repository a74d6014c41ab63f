import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A raw TCP client, to send exact bytes (malformed requests, several requests on one connection).
struct RawSocket {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw TransportError(.cannotConnect) }
    }

    func write(_ text: String) { _ = text.withCString { send(descriptor, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
    func write(_ data: Data) { data.withUnsafeBytes { _ = send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }

    /// Reads until `count` complete answers arrived (by Content-Length) or the peer closed.
    func readAnswers(_ count: Int) -> [String] {
        var buffer = Data()
        var answers: [String] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while answers.count < count {
            if let end = buffer.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                let length = head.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                if buffer.count >= end.upperBound + length {
                    answers.append(head)
                    buffer.removeSubrange(..<(end.upperBound + length))
                    continue
                }
            }
            let received = recv(descriptor, &chunk, chunk.count, 0)
            guard received > 0 else { break }
            buffer.append(contentsOf: chunk[0..<received])
        }
        return answers
    }

    func close() { _ = Glibc.close(descriptor) }
}

/// The descriptors this process holds on sockets whose local port is `port` (the server's side of its
/// connections and its listener), read from `/proc/self/fd` and `/proc/net/tcp`. Other tests running in
/// parallel do not disturb the count, as they use other ports.
func openServerSockets(port: Int) -> Int {
    let fdDirectory = "/proc/self/fd"
    let inodes = Set(((try? FileManager.default.contentsOfDirectory(atPath: fdDirectory)) ?? []).compactMap { entry -> String? in
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fdDirectory)/\(entry)"),
              target.hasPrefix("socket:[") else { return nil }
        return String(target.dropFirst(8).dropLast())
    })
    let table = (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)) ?? ""
    let hexPort = String(format: ":%04X", port)
    return table.split(separator: "\n").dropFirst().filter { line in
        let columns = line.split(separator: " ")
        return columns.count > 9 && columns[1].hasSuffix(hexPort) && inodes.contains(String(columns[9]))
    }.count
}

@Suite("MockServer", .serialized, .timeLimit(.minutes(10)))
struct MockServerTests {
    @Test("serves several requests on one keep-alive connection, and a client through the SDK")
    func keepAlive() async throws {
        let server = MockServer()
        try server.start()
        defer { stopBlocking(server) }
        let socket = try RawSocket(port: server.port)
        defer { socket.close() }
        let form = "grant_type=client_credentials&client_id=\(FakeSeed.clientID)&client_secret=\(FakeSeed.clientSecret)&scope=openid"
        let request = "POST /api/oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)"
        socket.write(request + request + "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
        let answers = socket.readAnswers(3)
        #expect(answers.map { $0.components(separatedBy: "\r\n")[0] } == ["HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found"])
        #expect(answers[0].contains("Connection: keep-alive"))

        let client = try ChorusClient(environment: server.environment, credentials: MockTransport.credentials,
                                      transport: URLSessionTransport())
        #expect(try await client.references.currencies().contains { $0.code == "EUR" })
    }

    @Test("a malformed or oversized request gets 400/413/431 and the server keeps serving")
    func malformed() async throws {
        let server = MockServer(limits: MockServer.Limits(maximumHeaderSize: 1024, maximumBodySize: 100))
        try server.start()
        defer { stopBlocking(server) }
        for (bytes, expected) in [("NOT HTTP AT ALL\r\n\r\n", "400"), ("GET /x HTTP/1.1\r\nBad Header\r\n\r\n", "400"),
                                  ("POST /x HTTP/1.1\r\nContent-Length: 1000\r\n\r\n", "413"),
                                  ("POST /x HTTP/1.1\r\nContent-Length: abc\r\n\r\n", "400"),
                                  ("GET /x HTTP/1.1\r\nX: " + String(repeating: "a", count: 2000) + "\r\n\r\n", "431"),
                                  ("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", "411")] {
            let socket = try RawSocket(port: server.port)
            socket.write(bytes)
            let answer = socket.readAnswers(1).first ?? ""
            #expect(answer.hasPrefix("HTTP/1.1 \(expected)"), "\(bytes.prefix(30)) → \(answer)")
            socket.close()
        }
        let garbage = try RawSocket(port: server.port)
        garbage.write(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))
        garbage.close()
        let socket = try RawSocket(port: server.port)
        socket.write("GET /api/oauth/token HTTP/1.1\r\n\r\n")
        #expect(socket.readAnswers(1).first?.hasPrefix("HTTP/1.1 405") == true)
        socket.close()
    }

    @Test("64 concurrent clients, then shutdown leaves no thread and no socket")
    func concurrencyAndShutdown() async throws {
        let server = MockServer()
        try server.start()
        let transport = URLSessionTransport(configuration: .init(maximumConnectionsPerHost: 64))
        let client = try ChorusClient(configuration: ChorusConfiguration(environment: server.environment, credentials: MockTransport.credentials,
                                                                        transport: transport, cachesReferenceData: false))
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<64 { group.addTask { try await client.references.countries().count } }
            for try await count in group { #expect(count == 9) }
        }
        #expect(server.requestsServed >= 65)
        #expect(openServerSockets(port: server.port) >= 1)  // the listener (connections may already be closed)
        // Open raw connections that stay idle, then shut down with them open.
        let idle = try (0..<5).map { _ in try RawSocket(port: server.port) }
        try await Task.sleep(for: .milliseconds(100))
        stopBlocking(server)
        #expect(server.liveConnectionThreads == 0)
        idle.forEach { $0.close() }
        #expect(throws: TransportError.self) { try RawSocket(port: server.port) }
        #expect(openServerSockets(port: server.port) == 0)
    }
}

@Suite("URLSessionTransport against MockServer", .serialized, .timeLimit(.minutes(10)))
struct URLSessionTransportTests {
    func request(_ server: MockServer, _ path: String) throws -> HTTPRequest {
        HTTPRequest(method: .post, url: try requireURL(server.baseURL.absoluteString + path),
                    headers: ["Content-Type": "application/json"], body: Data("{}".utf8))
    }

    @Test("a redirect is returned as data, never followed")
    func noRedirect() async throws {
        let server = MockServer()
        try server.start()
        defer { stopBlocking(server) }
        await server.fake.inject(.status(307, headers: ["Location": "/cpro/transverses/v1/recuperer/pays"]), on: "/cpro/x")
        // A generous timeout: on a busy machine the first exchange of a fresh session can wait for threads.
        let transport = URLSessionTransport(configuration: .init(requestTimeout: .seconds(120)))
        let response = try await transport.send(try request(server, "/cpro/x"))
        #expect(response.status == 307)
        #expect(response.headers["location"] == "/cpro/transverses/v1/recuperer/pays")
        #expect(await server.fake.journal.count == 1)
    }

    @Test("an answer larger than the limit fails with responseTooLarge")
    func responseLimit() async throws {
        let server = MockServer()
        try server.start()
        defer { stopBlocking(server) }
        await server.fake.inject(.status(200, body: String(repeating: "x", count: 5000)), on: "/cpro/big")
        let transport = URLSessionTransport(configuration: .init(maximumResponseSize: 1000))
        let error = await #expect(throws: TransportError.self) { try await transport.send(try request(server, "/cpro/big")) }
        #expect(error?.kind == .responseTooLarge)
    }

    @Test("the SDK's total deadline ends a request the server never answers")
    func deadline() async throws {
        let server = MockServer()
        try server.start()
        defer { stopBlocking(server) }
        await server.fake.inject(.hang, on: "/cpro/hang")
        let transport = URLSessionTransport(configuration: .init(requestTimeout: .milliseconds(300)))
        let error = await #expect(throws: TransportError.self) { try await transport.send(try request(server, "/cpro/hang")) }
        #expect(error?.kind == .timedOut)
    }

    @Test("cancelling the caller cancels the transfer")
    func cancellation() async throws {
        let server = MockServer()
        try server.start()
        defer { stopBlocking(server) }
        await server.fake.inject(.hang, on: "/cpro/hang")
        let transport = URLSessionTransport()
        let sent = try request(server, "/cpro/hang")
        let task = Task { try await transport.send(sent) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let error = try await #require(throws: TransportError.self) { try await task.value }
        #expect(error.kind == .cancelled)
    }

    @Test("a dropped connection is connectionLost")
    func dropped() async throws {
        let server = MockServer()
        try server.start()
        defer { stopBlocking(server) }
        await server.fake.inject(.dropBeforeCommit, on: "/cpro/drop")
        let error = await #expect(throws: TransportError.self) { try await URLSessionTransport().send(try request(server, "/cpro/drop")) }
        #expect([TransportError.Kind.connectionLost, .other].contains(error?.kind ?? .tls))
    }
}
