import ChorusSDK
import Foundation

/// A `Transport` that hands each request to a ``FakeChorusPro`` in memory: no socket, no thread.
///
/// ```swift
/// let fake = FakeChorusPro()
/// let client = try ChorusClient(environment: MockTransport.environment,
///                               credentials: MockTransport.credentials,
///                               transport: MockTransport(fake: fake))
/// ```
///
/// A dropped connection from the fake becomes `TransportError.Kind.connectionLost`; cancelling the
/// caller's task during an injected latency becomes `TransportError.Kind.cancelled`.
public struct MockTransport: Transport {
    /// The fake platform behind this transport.
    public let fake: FakeChorusPro

    /// Creates a transport in front of `fake` (a fresh standard fake by default).
    public init(fake: FakeChorusPro = FakeChorusPro()) { self.fake = fake }

    /// Answers through the fake.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if Task.isCancelled { throw TransportError(.cancelled, "cancelled before sending") }
        let outcome = await fake.handle(request)
        if Task.isCancelled { throw TransportError(.cancelled, "cancelled while waiting for the answer") }
        switch outcome {
        case .response(let response): return response
        case .dropConnection: throw TransportError(.connectionLost, "the fake dropped the connection")
        }
    }

    /// The URLs the in-memory fake answers on (any host works; this one is loopback).
    public static let environment = ChorusEnvironment.custom(
        apiBaseURL: URL(string: "http://127.0.0.1:8787") ?? URL(fileURLWithPath: "/"),
        oauthURL: URL(string: "http://127.0.0.1:8787/api/oauth/token") ?? URL(fileURLWithPath: "/"))

    /// The credentials of the standard seed's ready-made PISTE application and technical account.
    public static let credentials = ChorusCredentials(
        clientID: FakeSeed.clientID, clientSecret: FakeSeed.clientSecret,
        technicalLogin: FakeSeed.technicalLogin, technicalPassword: FakeSeed.technicalPassword)
}
