import ChorusSDK
import Foundation

/// A fault the fake injects instead of (or around) its normal answer.
public enum FakeFault: Sendable, Hashable {
    /// Answer this HTTP status, with `Retry-After` when given, an optional body and extra headers
    /// (e.g. `Location` for a redirect).
    case status(Int, retryAfter: Int? = nil, body: String = "", headers: [String: String] = [:])
    /// Answer a business refusal (`codeRetour`, `libelle`) in the configured status style.
    case businessError(code: Int, libelle: String)
    /// Wait this long (cancellably), then answer normally.
    case latency(Duration)
    /// Drop the connection before doing anything: nothing is committed.
    case dropBeforeCommit
    /// Do the work (the invoice is created), then drop the connection: the caller never hears back.
    case dropAfterCommit
    /// Treat the caller's bearer token as expired (401), as if it had expired early.
    case expireToken
    /// Answer HTTP 200 with a truncated, malformed JSON body.
    case malformedJSON
    /// Never answer (until the caller gives up or is cancelled).
    case hang
    /// Do the work (the invoice is created), then never answer: the moment a crashing client dies in.
    case hangAfterCommit
}

/// What the fake does with one request: answer it, or drop the connection without a word.
public enum FakeOutcome: Sendable {
    /// An HTTP answer.
    case response(HTTPResponse)
    /// The connection is dropped; the caller gets no answer.
    case dropConnection
}

extension HTTPResponse {
    /// A JSON answer as the platform sends it.
    static func json(_ value: JSONValue, status: Int = 200, headers extra: HTTPHeaders = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json;charset=utf-8"]
        for field in extra { headers.append(name: field.name, value: field.value) }
        return HTTPResponse(status: status, headers: headers, body: value.data)
    }
}

/// Random transient faults for soak tests: each request to a listed path gets one of `kinds` with
/// probability `rate`, drawn from a seeded generator so runs repeat.
public struct RandomFaults: Sendable {
    /// Probability of a fault per request, 0…1.
    public var rate: Double
    /// The faults to draw from.
    public var kinds: [FakeFault]
    /// Paths concerned (empty: every `/cpro/` path).
    public var paths: Set<String>
    var generator: SplitMix64

    /// Creates a plan.
    public init(rate: Double, kinds: [FakeFault], paths: Set<String> = [], seed: UInt64 = 42) {
        self.rate = rate
        self.kinds = kinds
        self.paths = paths
        self.generator = SplitMix64(seed: seed)
    }

    mutating func draw(for path: String) -> FakeFault? {
        guard paths.isEmpty || paths.contains(path), !kinds.isEmpty else { return nil }
        let roll = Double(generator.next() % 1_000_000) / 1_000_000
        guard roll < rate else { return nil }
        return kinds[Int(generator.next() % UInt64(kinds.count))]
    }
}
