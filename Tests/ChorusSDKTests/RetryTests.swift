import Foundation
import Testing
@testable import ChorusSDK

@Suite("Retry and cancellation")
struct RetryTests {
    @Test("a read retries 429 and 503 after the Retry-After the server asked for")
    func retryAfterSchedule() async throws {
        let transport = ScriptedTransport()
        let clock = ManualClock()
        let client = try Fixtures.client(transport, clock: clock, retry: RetryPolicy(maximumAttempts: 4, jitter: { $0 }))
        transport.enqueue(.respond(.json("", status: 429, headers: ["Retry-After": "7"])),
                          .respond(.json("", status: 503, headers: ["Retry-After": "3"])),
                          .respond(.json("", status: 502)))
        _ = try await client.references.currencies()
        // 7 s and 3 s as asked, then the exponential ceiling for attempt 3: 0.5 × 2² = 2 s.
        #expect(clock.sleeps == [.seconds(7), .seconds(3), .seconds(2)])
        #expect(transport.apiRequests.count == 4)
    }

    @Test("Retry-After as an HTTP date is honoured")
    func retryAfterDate() {
        let now = Date(timeIntervalSince1970: 784_111_767)  // Sun, 06 Nov 1994 08:49:27 GMT
        let delay = RetryPolicy.parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now: now)
        #expect(delay == .seconds(10))
        #expect(RetryPolicy.parseRetryAfter("120", now: now) == .seconds(120))
        #expect(RetryPolicy.parseRetryAfter("soon", now: now) == nil)
    }

    @Test("full jitter: the wait is drawn below an exponential ceiling")
    func exponentialCeilings() {
        let policy = RetryPolicy(maximumAttempts: 10, baseDelay: .milliseconds(500), maximumDelay: .seconds(4), jitter: { $0 / 2 })
        let error = ChorusError(.serverError, operation: .recupererPays, message: "", httpStatus: 503)
        let waits = (1...5).map { policy.delay(after: error, attempt: $0, idempotent: true, elapsed: .zero) }
        #expect(waits == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(2)])
        #expect(policy.delay(after: error, attempt: 10, idempotent: true, elapsed: .zero) == nil)
        #expect(policy.delay(after: error, attempt: 1, idempotent: true, elapsed: .seconds(120)) == nil)
    }

    @Test("a too-long Retry-After ends the retries")
    func retryAfterTooLong() {
        let policy = RetryPolicy()
        let error = ChorusError(.rateLimited, operation: .recupererPays, message: "", httpStatus: 429, retryAfter: .seconds(3600))
        #expect(policy.delay(after: error, attempt: 1, idempotent: true, elapsed: .zero) == nil)
    }

    @Test("a write is not retried after a timeout, a lost connection or a 503")
    func writeNotRetriedWhenAmbiguous() {
        let policy = RetryPolicy()
        for code in [ChorusError.Code.timedOut, .connectionLost, .serverError, .rateLimited] {
            let error = ChorusError(code, operation: .soumettreFacture, message: "", httpStatus: code == .serverError ? 503 : nil)
            #expect(policy.delay(after: error, attempt: 1, idempotent: false, elapsed: .zero) == nil, "\(code)")
            #expect(policy.delay(after: error, attempt: 1, idempotent: true, elapsed: .zero) != nil, "\(code)")
        }
        let cannotConnect = ChorusError(.cannotConnect, operation: .soumettreFacture, message: "")
        #expect(policy.delay(after: cannotConnect, attempt: 1, idempotent: false, elapsed: .zero) != nil)
    }

    @Test("through the pipeline: a write sees one attempt after a timeout, two after cannot-connect")
    func writeThroughPipeline() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport)
        let body = Data(#"{"pieceJointeFichier":"AA=="}"#.utf8)

        transport.enqueue(.fail(TransportError(.timedOut)))
        let error = try await #require(throws: ChorusError.self) {
            try await client.pipeline.send(.ajouterFichierDansSysteme, body: body)
        }
        #expect(error.code == .timedOut)
        #expect(transport.apiRequests.count == 1)

        transport.enqueue(.fail(TransportError(.cannotConnect)))
        let response = try await client.pipeline.send(.ajouterFichierDansSysteme, body: body)
        #expect(response.status == 200)
        #expect(transport.apiRequests.count == 3)
    }

    @Test("the SDK's own deadline ends an attempt that never answers")
    func attemptDeadline() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport, retry: .none, configure: { $0.attemptTimeout = .milliseconds(100) })
        _ = try await client.references.countries()  // warm the token
        transport.enqueue(.delayed(.seconds(30), .respond(.json("{}"))))
        let error = try await #require(throws: ChorusError.self) {
            try await client.references.currencies()
        }
        #expect(error.code == .timedOut)
    }

    @Test("cancelling during a backoff wait ends the call at once with CancellationError")
    func cancelDuringBackoff() async throws {
        let transport = ScriptedTransport()
        var configuration = ChorusConfiguration(environment: Fixtures.environment, credentials: Fixtures.credentials,
                                                transport: transport, retryPolicy: RetryPolicy(jitter: { $0 }))
        configuration.clock = .system
        let client = try ChorusClient(configuration: configuration)
        transport.enqueue(.respond(.json("", status: 503, headers: ["Retry-After": "30"])))
        let task = Task { try await client.references.currencies() }
        while transport.apiRequests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(transport.apiRequests.count == 1)
    }

    @Test("middlewares wrap the whole call, in order, and never see credentials")
    func middlewareOrder() async throws {
        let transport = ScriptedTransport()
        let seen = LockedBox([String]())
        struct Recorder: Middleware {
            let name: String
            let seen: LockedBox<[String]>
            func intercept(_ request: HTTPRequest, context: RequestContext,
                           next: @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse) async throws -> HTTPResponse {
                seen.withLock { $0.append("\(name)> \(context.operation) auth=\(request.headers.contains("Authorization"))") }
                var tagged = request
                tagged.headers["X-Trace"] = name
                let response = try await next(tagged, context)
                seen.withLock { $0.append("\(name)< \(response.status)") }
                return response
            }
        }
        let client = try Fixtures.client(transport, configure: {
            $0.middlewares = [Recorder(name: "outer", seen: seen), Recorder(name: "inner", seen: seen)]
        })
        _ = try await client.references.paymentModes()
        #expect(seen.withLock { $0 } == ["outer> recupererModeReglements auth=false", "inner> recupererModeReglements auth=false",
                                         "inner< 200", "outer< 200"])
        #expect(transport.apiRequests.first?.headers["x-trace"] == "inner")
    }

    @Test("the logger hears attempts and retries, and nothing secret")
    func loggerEvents() async throws {
        let transport = ScriptedTransport()
        let events = LockedBox([ChorusLogEvent]())
        let client = try Fixtures.client(transport, configure: { configuration in
            configuration.logger = { event in events.withLock { $0.append(event) } }
        })
        transport.enqueue(.respond(.json("", status: 503)))
        _ = try await client.references.currencies()
        let kinds = events.withLock { $0.map(\.kind) }
        #expect(kinds == [.attemptStarted, .tokenObtained, .attemptFailed, .retryScheduled, .attemptStarted, .attemptSucceeded])
        let text = events.withLock { $0.map(\.description).joined(separator: "\n") }
        for secret in Fixtures.secrets + ["tok-1"] { #expect(!text.contains(secret)) }
    }
}
