import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

/// `chorus-mock-server` run as users run it (the built executable, in its own process) and `MockServer` in
/// process, under hostile clients: floods, huge bodies, slow clients, descriptor exhaustion, request smuggling
/// and path traversal.
extension SerializedReliabilityTests {
    @Suite("Reliability: chorus-mock-server survives its users", .timeLimit(.minutes(10)))
    struct MockServerHardeningTests {
        /// The token form of the standard seed.
        static let tokenForm = "grant_type=client_credentials&client_id=\(FakeSeed.clientID)&client_secret=\(FakeSeed.clientSecret)&scope=openid"

        static func tokenRequest(path: String = "/api/oauth/token") -> String {
            "POST \(path) HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(tokenForm.utf8.count)\r\n\r\n\(tokenForm)"
        }

        @Test("10,000 token requests: the executable stays under 150 MB resident, its journal off by default")
        func tokenFlood() async throws {
            let server = try ServerProcess.start()
            defer { server.stop() }
            let socket = try RawSocket(port: server.port)
            defer { socket.close() }
            var ok = 0
            for _ in 0..<100 {  // 100 pipelined batches of 100 requests on one keep-alive connection
                socket.write(String(repeating: Self.tokenRequest(), count: 100))
                ok += socket.readAnswers(100).filter { $0.hasPrefix("HTTP/1.1 200") }.count
            }
            let resident = try #require(server.residentMegabytes())
            print("chorus-mock-server after \(ok) token requests: \(resident) MB resident")
            #expect(ok == 10_000)
            #expect(resident < 150)
        }

        @Test("a 100 MB body to the token endpoint is refused at once; other clients keep being served")
        func hugeTokenBody() async throws {
            let server = try ServerProcess.start()
            defer { server.stop() }
            let flooder = try RawSocket(port: server.port)
            defer { flooder.close() }
            let started = ContinuousClock.now
            flooder.write("POST /api/oauth/token HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000000\r\n\r\n")
            let writer = Thread { flooder.write(Data(count: 8 * 1024 * 1024)) }  // starts pushing the body meanwhile
            writer.start()
            let answer = flooder.readAnswers(1).first ?? ""
            let refusedAfter = ContinuousClock.now - started
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer)")
            let other = try RawSocket(port: server.port)
            defer { other.close() }
            let otherStarted = ContinuousClock.now
            other.write(Self.tokenRequest())
            let served = other.readAnswers(1).first ?? ""
            let servedAfter = ContinuousClock.now - otherStarted
            print("413 after \(refusedAfter); another client served after \(servedAfter)")
            #expect(served.hasPrefix("HTTP/1.1 200"))
            // Well under the 30 s body deadline the server would otherwise wait for (bounds generous for busy machines).
            #expect(refusedAfter < .seconds(10))
            #expect(servedAfter < .seconds(10))
        }

        @Test("2,000 idle connections under ulimit -n 1024: no spin, no hang, 503 beyond the cap")
        func descriptorExhaustion() async throws {
            raiseOwnDescriptorLimit(to: 8192)
            let server = try ServerProcess.start(ulimit: 1024)
            defer { server.stop() }
            var idle: [RawSocket] = []
            defer { idle.forEach { $0.close() } }
            for _ in 0..<2_000 { if let socket = try? RawSocket(port: server.port) { idle.append(socket) } }
            try await Task.sleep(for: .seconds(1))
            let cpuBefore = try #require(server.cpuSeconds())
            try await Task.sleep(for: .seconds(3))
            let cpuUsed = try #require(server.cpuSeconds()) - cpuBefore
            let probe = try RawSocket(port: server.port)
            defer { probe.close() }
            let asked = ContinuousClock.now
            probe.write(Self.tokenRequest())
            let answer = probe.readAnswers(1).first ?? ""
            let answeredAfter = ContinuousClock.now - asked
            print("2,000 idle connections: \(idle.count) opened, server CPU \(cpuUsed) s in 3 s, a new client got "
                  + "\(answer.prefix(12)) after \(answeredAfter)")
            #expect(idle.count == 2_000)
            #expect(cpuUsed < 1.0, "the accept loop spins")
            #expect(answer.hasPrefix("HTTP/1.1 503") || answer.hasPrefix("HTTP/1.1 200"))
            #expect(answeredAfter < .seconds(5))
            idle.forEach { $0.close() }
            idle.removeAll()
            // Once the idle clients leave, the server serves again.
            var recovered = false
            for _ in 0..<50 where !recovered {
                try await Task.sleep(for: .milliseconds(100))
                let again = try RawSocket(port: server.port)
                again.write(Self.tokenRequest())
                recovered = again.readAnswers(1).first?.hasPrefix("HTTP/1.1 200") == true
                again.close()
            }
            #expect(recovered)
        }

        @Test("a slowloris client is closed by the head and body deadlines")
        func slowloris() async throws {
            let server = MockServer(limits: MockServer.Limits(headTimeout: .seconds(1), bodyTimeout: .seconds(1)))
            try server.start()
            defer { stopBlocking(server) }
            for (prefix, trickle) in [("POST /api/oauth/token HTTP/1.1\r\n", "X-Slow: a\r\n"),
                                      ("POST /api/oauth/token HTTP/1.1\r\nContent-Length: 1000\r\n\r\n", "a")] {
                let socket = try RawSocket(port: server.port)
                socket.write(prefix)
                let started = ContinuousClock.now
                var closed = false
                // One small write every 200 ms: never idle, never finished.
                for _ in 0..<50 where !closed {
                    try await Task.sleep(for: .milliseconds(200))
                    socket.write(trickle)
                    closed = socket.isClosedByPeer()
                }
                let elapsed = ContinuousClock.now - started
                print("slowloris (\(prefix.count > 40 ? "body" : "head")) closed after \(elapsed)")
                #expect(closed)
                #expect(elapsed < .seconds(5))
                socket.close()
            }
            #expect(MockServer.Limits().headTimeout == .seconds(10) && MockServer.Limits().bodyTimeout == .seconds(30))
        }

        @Test("conflicting or non-digit Content-Length is 400", arguments: [
            "Content-Length: 5\r\nContent-Length: 12", "Content-Length: +12", "Content-Length: 1 2", "Content-Length: 12, 13",
            "Content-Length: -1", "Content-Length: 0x10", "Content-Length: ١٢",
        ])
        func contentLength(_ header: String) async throws {
            let server = MockServer()
            try server.start()
            defer { stopBlocking(server) }
            let socket = try RawSocket(port: server.port)
            defer { socket.close() }
            socket.write("POST /api/oauth/token HTTP/1.1\r\n\(header)\r\n\r\n\(Self.tokenForm)")
            #expect(socket.readAnswers(1).first?.hasPrefix("HTTP/1.1 400") == true)
        }

        @Test("the same Content-Length twice is accepted")
        func repeatedContentLength() async throws {
            let server = MockServer()
            try server.start()
            defer { stopBlocking(server) }
            let socket = try RawSocket(port: server.port)
            defer { socket.close() }
            let length = Self.tokenForm.utf8.count
            socket.write("POST /api/oauth/token HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(length)\r\nContent-Length: \(length)\r\n\r\n\(Self.tokenForm)")
            #expect(socket.readAnswers(1).first?.hasPrefix("HTTP/1.1 200") == true)
        }

        @Test("a traversal path issues no token, over the socket and in memory", arguments: [
            "/portail/v1/../../api/oauth/token", "/cpro/../api/oauth/token", "/x/api/oauth/token", "/api/oauth/token/.",
        ])
        func traversal(_ path: String) async throws {
            let server = MockServer()
            try server.start()
            defer { stopBlocking(server) }
            let socket = try RawSocket(port: server.port)
            defer { socket.close() }
            socket.write(Self.tokenRequest(path: path))
            let answer = socket.readAnswers(1).first ?? ""
            #expect(!answer.hasPrefix("HTTP/1.1 200"), "\(path) → \(answer)")
            let url = try requireURL("http://127.0.0.1:8787\(path)")
            let outcome = await FakeChorusPro().handle(HTTPRequest(method: .post, url: url,
                                                                   headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                                   body: Data(Self.tokenForm.utf8)))
            guard case .response(let response) = outcome else { Issue.record("dropped"); return }
            #expect(response.status != 200 && !String(decoding: response.body, as: UTF8.self).contains("access_token"), "\(path)")
        }

        @Test("the journal is a bounded ring buffer")
        func boundedJournal() async throws {
            let fake = FakeChorusPro()
            await fake.setJournalCapacity(entries: 100)
            let raw = RawFake(fake)
            for _ in 0..<1_000 { _ = try await raw.token() }
            let journal = await fake.journal
            #expect(journal.count == 100)
            await fake.setJournalCapacity(entries: 10_000, bodyBytes: 10_000)
            for _ in 0..<100 { _ = try await raw.token() }
            #expect(await fake.journal.count < 100)  // the byte bound keeps fewer
        }
    }
}

/// `chorus-mock-server` started from the build folder as a child process, on a free port.
struct ServerProcess {
    let process: Process
    let port: Int

    static func start(ulimit: Int? = nil) throws -> ServerProcess {
        let binary = try buildProductsFolder().appendingPathComponent("chorus-mock-server").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw TransportError(.other, "chorus-mock-server is not built next to the tests (swift build --build-tests)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let limit = ulimit.map { "ulimit -n \($0) && " } ?? ""
        process.arguments = ["-c", "\(limit)exec '\(binary)' --port 0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("\n"), Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let range = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
              let port = Int(text[range].split(separator: ":")[1])
        else {
            process.terminate()
            throw TransportError(.other, "chorus-mock-server did not start: \(text)")
        }
        return ServerProcess(process: process, port: port)
    }

    /// The folder holding the built products (the test bundle's folder).
    static func buildProductsFolder() throws -> URL {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("chorus-mock-server").path),
              folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    func residentMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }

    /// User + system CPU time of the process, in seconds.
    func cpuSeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// Lets this test process open thousands of client sockets.
func raiseOwnDescriptorLimit(to wanted: Int) {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
    limit.rlim_cur = min(limit.rlim_max, rlim_t(max(wanted, Int(limit.rlim_cur))))
    _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
}

extension RawSocket {
    /// Whether the server closed the connection (a read returns 0 or fails), without blocking.
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        let received = recv(descriptor, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT))
        if received == 0 { return true }
        if received < 0 { return errno != EAGAIN && errno != EWOULDBLOCK }
        // An answer (408) arrived: the server ends the connection after it.
        return true
    }
}
