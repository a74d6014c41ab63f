import ChorusMock
import ChorusSDKCurl
import Foundation
import Testing
@testable import ChorusSDK

/// The three transports, each in front of a fresh fake: URLSession and curl through `MockServer` on
/// 127.0.0.1, the mock in memory.
enum TransportKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case urlSession, curl, mock
    var testDescription: String { rawValue }

    func harness(requestTimeout: Duration = .seconds(30), maximumResponseSize: Int = 130_000_000) throws -> Harness {
        let fake = FakeChorusPro()
        switch self {
        case .mock:
            return Harness(fake: fake, server: nil, transport: MockTransport(fake: fake), environment: MockTransport.environment)
        case .urlSession, .curl:
            let server = MockServer(fake: fake)
            try server.start()
            let transport: any Transport = self == .curl
                ? CurlTransport(configuration: .init(requestTimeout: requestTimeout, maximumResponseSize: maximumResponseSize))
                : URLSessionTransport(configuration: .init(requestTimeout: requestTimeout, maximumResponseSize: maximumResponseSize,
                                                           maximumConnectionsPerHost: 64))
            return Harness(fake: fake, server: server, transport: transport, environment: server.environment)
        }
    }
}

struct Harness {
    let fake: FakeChorusPro
    let server: MockServer?
    let transport: any Transport
    let environment: ChorusEnvironment

    func client(as role: FakeRole = .supplier, attemptTimeout: Duration = .seconds(60), retry: RetryPolicy = .none) throws -> ChorusClient {
        try ChorusClient(configuration: ChorusConfiguration(environment: environment, credentials: role.credentials,
                                                           transport: transport, retryPolicy: retry, attemptTimeout: attemptTimeout,
                                                           cachesReferenceData: false))
    }

    func request(_ path: String, body: Data? = Data("{}".utf8), headers: HTTPHeaders = ["Content-Type": "application/json"]) throws -> HTTPRequest {
        HTTPRequest(method: .post, url: environment.apiBaseURL.appendingPathComponent(String(path.dropFirst())), headers: headers, body: body)
    }

    /// Stops the server and proves nothing is left: no server socket, no connection thread.
    func finish() {
        guard let server else { return }
        let port = server.port
        stopBlocking(server)
        #expect(server.liveConnectionThreads == 0)
        #expect(openServerSockets(port: port) == 0)
    }
}

/// Threads named `chorus-curl` alive in this process.
func curlThreadCount() -> Int {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.filter { task in
        (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?.hasPrefix("chorus-curl") == true
    }.count
}

@Suite("Transport conformance", .serialized, .timeLimit(.minutes(10)))
struct TransportConformanceTests {
    /// The invoice journey through the SDK, reduced to what must be identical on every transport.
    func journey(_ harness: Harness) async throws -> [String] {
        let client = try harness.client(retry: .default)
        let recipient = try await client.structures.recipient(siret: "78439607900054", serviceCode: "DIRECTION_ACHATS")
        let upload = try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "F2026-0042.pdf")
        let invoice = try await client.invoices.submit(InvoiceFixtures.pdfSubmission(attachment: upload.attachmentID))
        try await harness.fake.makeAvailable(invoice.id)
        let history = try await client.invoices.history(invoiceID: invoice.id)
        return [recipient.requirement.rawValue, recipient.services.map(\.code).joined(separator: ","), upload.invoiceNumber ?? "-",
                String(upload.attachmentID), String(invoice.id), invoice.number, invoice.status?.rawValue ?? "-",
                history.entries.map(\.status.rawValue).joined(separator: ">")]
    }

    @Test("the invoice journey gives identical results on all three transports")
    func identicalJourneys() async throws {
        var results: [TransportKind: [String]] = [:]
        for kind in TransportKind.allCases {
            let harness = try kind.harness()
            results[kind] = try await journey(harness)
            harness.finish()
        }
        #expect(results[.urlSession] == results[.mock])
        #expect(results[.curl] == results[.mock])
        #expect(results[.mock]?.last == "MISE_A_DISPOSITION>EN_COURS_ACHEMINEMENT>DEPOSEE")
    }

    @Test("header names are case-insensitive both ways", arguments: TransportKind.allCases)
    func headerCase(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        await harness.fake.inject(.status(418, body: "teapot", headers: ["X-Answer-Header": "yes"]), on: "/cpro/echo")
        let response = try await harness.transport.send(try harness.request("/cpro/echo", headers: ["content-type": "application/json", "X-MiXeD-CaSe": "v"]))
        #expect(response.headers["x-answer-header"] == "yes")
        #expect(response.headers["CONTENT-TYPE"]?.hasPrefix("application/json") == true)
        let seen = try #require(await harness.fake.journal.last)
        #expect(seen.requestHeaders["x-mixed-case"] == "v")
        #expect(seen.requestHeaders["Content-Type"] == "application/json")
    }

    @Test("a 10 MB request body and a 20 MB response body arrive byte for byte", arguments: TransportKind.allCases)
    func largeBodies(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        let upload = Data((0..<10 * 1024 * 1024).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let download = String(repeating: "0123456789abcdef", count: 20 * 1024 * 1024 / 16)
        await harness.fake.inject(.status(200, body: download), on: "/cpro/large")
        let response = try await harness.transport.send(try harness.request("/cpro/large", body: upload))
        #expect(response.body.count == download.utf8.count)
        #expect(response.body == Data(download.utf8))
        let received = try #require(await harness.fake.journal.last?.requestBody)
        #expect(received == upload)
    }

    @Test("non-2xx statuses are data, not errors", arguments: TransportKind.allCases)
    func statusesAreData(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        for status in [400, 401, 403, 404, 413, 429, 500, 503] {
            await harness.fake.inject(.status(status, retryAfter: 3, body: "{\"s\":\(status)}"), on: "/cpro/status")
            let response = try await harness.transport.send(try harness.request("/cpro/status"))
            #expect(response.status == status)
            #expect(response.body == Data("{\"s\":\(status)}".utf8))
            #expect(response.headers["retry-after"] == "3")
        }
    }

    @Test("a refused connection is cannotConnect", arguments: [TransportKind.urlSession, .curl])
    func refused(_ kind: TransportKind) async throws {
        let transport: any Transport = kind == .curl ? CurlTransport() : URLSessionTransport()
        let request = HTTPRequest(method: .post, url: try requireURL("http://127.0.0.1:9/cpro/x"), body: Data("{}".utf8))
        let error = await #expect(throws: TransportError.self) { try await transport.send(request) }
        #expect(error?.kind == .cannotConnect)
    }

    @Test("curl refuses plain http to a non-loopback host, before connecting")
    func curlHTTPOnlyLoopback() async throws {
        let request = HTTPRequest(method: .get, url: try requireURL("http://192.0.2.1/cpro/x"))
        let error = await #expect(throws: TransportError.self) { try await CurlTransport().send(request) }
        #expect(error?.message.contains("curl error 1") == true)
    }

    @Test("a server that never answers times out within the limit", arguments: TransportKind.allCases)
    func timeout(_ kind: TransportKind) async throws {
        let harness = try kind.harness(requestTimeout: .milliseconds(500))
        defer { harness.finish() }
        await harness.fake.inject(.hang, on: "/cpro/transverses/v1/recuperer/pays")
        let client = try harness.client(attemptTimeout: kind == .mock ? .milliseconds(500) : .seconds(30))
        let started = ContinuousClock.now
        let error = await #expect(throws: ChorusError.self) { try await client.references.countries() }
        #expect(error?.code == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(15))  // the deadline, not the transport's 30 s timeout
    }

    @Test("cancelling mid-transfer ends the call promptly with cancelled", arguments: TransportKind.allCases)
    func cancellation(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        await harness.fake.inject(.hang, on: "/cpro/hang")
        let transport = harness.transport
        let request = try harness.request("/cpro/hang")
        let task = Task { try await transport.send(request) }
        try await Task.sleep(for: .milliseconds(200))
        let started = ContinuousClock.now
        task.cancel()
        let error = try await #require(throws: TransportError.self) { try await task.value }
        #expect(error.kind == .cancelled)
        #expect(ContinuousClock.now - started < .seconds(10))  // promptly: the hang would last until the 30 s timeout
    }

    @Test("200 concurrent requests on one transport", arguments: TransportKind.allCases)
    func concurrency(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        let client = try harness.client(retry: .default)
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<200 { group.addTask { try await client.references.countries().count } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.count == 200 && counts.allSatisfy { $0 == 9 })
    }

    @Test("curl reuses one connection for sequential calls and leaves no thread behind")
    func curlReuseAndThreads() async throws {
        let harness = try TransportKind.curl.harness()
        let client = try harness.client()
        for _ in 0..<5 { _ = try await client.references.countries() }
        #expect(harness.server?.connectionsAccepted == 1)
        harness.finish()
        var remaining = curlThreadCount()
        for _ in 0..<50 where remaining > 0 {
            try await Task.sleep(for: .milliseconds(20))
            remaining = curlThreadCount()
        }
        #expect(remaining == 0)
    }

    @Test("curl enforces its response size limit")
    func curlResponseLimit() async throws {
        let harness = try TransportKind.curl.harness(maximumResponseSize: 1000)
        defer { harness.finish() }
        await harness.fake.inject(.status(200, body: String(repeating: "x", count: 5000)), on: "/cpro/big")
        let error = await #expect(throws: TransportError.self) { try await harness.transport.send(try harness.request("/cpro/big")) }
        #expect(error?.kind == .responseTooLarge)
    }
}
