import Foundation
@testable import ChorusSDK

/// A transport for unit tests: answers the token endpoint with numbered tokens, replays queued API
/// answers and faults in order, and records every request.
final class ScriptedTransport: Transport {
    enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(TransportError)
        /// Waits (cancellably) before answering with the inner step.
        indirect case delayed(Duration, Step)
    }

    private struct State {
        var tokenSteps: [Step] = []
        var apiSteps: [Step] = []
        var requests: [HTTPRequest] = []
        var tokensIssued = 0
    }

    private let state = LockedBox(State())
    let tokenLifetime: Int
    let tokenDelay: Duration?

    init(tokenLifetime: Int = 3600, tokenDelay: Duration? = nil) {
        self.tokenLifetime = tokenLifetime
        self.tokenDelay = tokenDelay
    }

    func enqueue(_ steps: Step...) { state.withLock { $0.apiSteps += steps } }
    func enqueueToken(_ steps: Step...) { state.withLock { $0.tokenSteps += steps } }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }
    var apiRequests: [HTTPRequest] { requests.filter { $0.url.path.hasPrefix("/cpro/") } }
    var tokenRequests: [HTTPRequest] { requests.filter { $0.url.path.hasSuffix("/oauth/token") } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let isToken = request.url.path.hasSuffix("/oauth/token")
        let step: Step = state.withLock { state in
            state.requests.append(request)
            if isToken {
                if !state.tokenSteps.isEmpty { return state.tokenSteps.removeFirst() }
                state.tokensIssued += 1
                let body = #"{"access_token":"tok-\#(state.tokensIssued)","token_type":"Bearer","expires_in":\#(tokenLifetime),"scope":"openid"}"#
                let response = Step.respond(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8)))
                return tokenDelay.map { .delayed($0, response) } ?? response
            }
            if !state.apiSteps.isEmpty { return state.apiSteps.removeFirst() }
            return .respond(.json(#"{"codeRetour":0,"libelle":"TRA_MSG_00.000"}"#))
        }
        return try await run(step)
    }

    private func run(_ step: Step) async throws -> HTTPResponse {
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        case .delayed(let duration, let inner):
            do { try await Task.sleep(for: duration) } catch { throw TransportError(.cancelled) }
            return try await run(inner)
        }
    }
}

extension HTTPResponse {
    static func json(_ text: String, status: Int = 200, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all = headers
        all["Content-Type"] = "application/json"
        return HTTPResponse(status: status, headers: all, body: Data(text.utf8))
    }
}

/// A clock whose sleeps return at once and are recorded, and whose time moves only when told.
final class ManualClock: Sendable {
    private let state = LockedBox((now: Date(timeIntervalSince1970: 1_800_000_000), sleeps: [Duration]()))

    var now: Date { state.withLock { $0.now } }
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func advance(by seconds: TimeInterval) { state.withLock { $0.now.addTimeInterval(seconds) } }

    var chorusClock: ChorusClock {
        ChorusClock(now: { self.now }, sleep: { duration in
            try Task.checkCancellation()
            self.state.withLock { state in
                state.sleeps.append(duration)
                state.now.addTimeInterval(duration.timeInterval)
            }
        })
    }
}

enum Fixtures {
    static let credentials = ChorusCredentials(
        clientID: "client-7f3a9c", clientSecret: "S3CRET-client-zq81", technicalLogin: "TECH_1_12345678901234@cpro.fr",
        technicalPassword: "P4ss-tech-wx42")

    static let environment = ChorusEnvironment.custom(
        apiBaseURL: URL(string: "http://127.0.0.1:9")!, oauthURL: URL(string: "http://127.0.0.1:9/api/oauth/token")!)

    static func client(_ transport: ScriptedTransport, clock: ManualClock = ManualClock(),
                       retry: RetryPolicy = RetryPolicy(jitter: { $0 }),
                       configure: (inout ChorusConfiguration) -> Void = { _ in }) throws -> ChorusClient {
        var configuration = ChorusConfiguration(environment: environment, credentials: credentials, transport: transport,
                                                retryPolicy: retry, clock: clock.chorusClock)
        configure(&configuration)
        return try ChorusClient(configuration: configuration)
    }

    /// Every secret the fixtures hold, for leak checks.
    static let secrets = ["S3CRET-client-zq81", "P4ss-tech-wx42", credentials.cproAccountHeaderValue]
}
