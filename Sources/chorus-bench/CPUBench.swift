// The "cpu" section: the CPU time and context switches one structure search costs this process, bare transport and
// SDK, and the SDK's reading of the answer alone, in memory.
import ChorusMock
import ChorusSDK
import Foundation

enum CPUBench {
    /// Prints the figures for `transport` (`name`): `request` sent bare, then `call` through the SDK, `calls` times each.
    static func run(
        _ name: String, transport: any Transport, request: HTTPRequest, call: @Sendable () async throws -> Void,
        configuration: ChorusConfiguration, calls: Int
    ) async throws {
        // CPU per call in this process (the server runs in its own), bare transport and whole SDK in alternating blocks,
        // so that a busy moment of the machine weighs on both: the SDK's share is the median of the blocks' differences.
        let rounds = 7
        let perRound = max(1, calls / rounds)
        var bare: [Double] = []
        var sdk: [Double] = []
        var bareSwitches = 0
        var sdkSwitches = 0
        for _ in 0..<rounds {
            var before = cpuTime()
            var switchesBefore = contextSwitches()
            for _ in 0..<perRound { _ = try await transport.send(request) }
            bare.append(milliseconds((cpuTime() - before) / perRound) * 1000)
            bareSwitches += contextSwitches() - switchesBefore
            before = cpuTime()
            switchesBefore = contextSwitches()
            for _ in 0..<perRound { try await call() }
            sdk.append(milliseconds((cpuTime() - before) / perRound) * 1000)
            sdkSwitches += contextSwitches() - switchesBefore
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let shares = zip(sdk, bare).map { $0 - $1 }
        print(
            String(
                format:
                    "%@ | CPU per structure search: bare transport %.0f µs, SDK %.0f µs; SDK's own share %.0f µs (median of %d "
                    + "alternating blocks of %d calls; the blocks' shares ranged %.0f…%.0f µs)",
                pad(name, 11), median(bare), median(sdk), median(shares), rounds, perRound, shares.min() ?? 0,
                shares.max() ?? 0))
        print(
            String(
                format: "%@ | context switches per structure search: bare transport %.1f, SDK %.1f",
                pad(name, 11), Double(bareSwitches) / Double(rounds * perRound),
                Double(sdkSwitches) / Double(rounds * perRound)))
        var before = cpuTime()
        var switchesBefore = contextSwitches()
        // The SDK alone: the same call over a transport that replays the answers it got once, so no socket is involved.
        let replaying = ReplayingTransport(transport)
        let replayClient = try ChorusClient(
            configuration: ChorusConfiguration(
                environment: configuration.environment, credentials: configuration.credentials, transport: replaying,
                cachesReferenceData: false))
        let query = StructureQuery(identifier: try .siret("78439607900054"))
        _ = try await replayClient.structures.search(query, page: PageRequest(pageSize: 10))
        before = cpuTime()
        switchesBefore = contextSwitches()
        for _ in 0..<calls { _ = try await replayClient.structures.search(query, page: PageRequest(pageSize: 10)) }
        print(
            String(
                format:
                    "%@ | the SDK alone, over a transport replaying that answer (no socket): %.0f µs and %.1f context switches per call",
                pad(name, 11), milliseconds((cpuTime() - before) / calls) * 1000,
                Double(contextSwitches() - switchesBefore) / Double(calls)))
        // Over the in-memory fake, whose transport has no timer of its own, so the SDK's deadline runs on every call:
        // per-call CPU early and after many calls stays flat when finished attempts leave no timer behind.
        let fake = FakeChorusPro()
        let inMemory = try ChorusClient(
            configuration: ChorusConfiguration(
                environment: MockTransport.environment, credentials: MockTransport.credentials,
                transport: MockTransport(fake: fake), cachesReferenceData: false))
        var early = 0.0
        for round in 0..<2 {
            before = cpuTime()
            for _ in 0..<calls { _ = try await inMemory.structures.search(query, page: PageRequest(pageSize: 10)) }
            let perCall = milliseconds((cpuTime() - before) / calls) * 1000
            if round == 0 {
                early = perCall
                for _ in 0..<(8 * calls) {
                    _ = try await inMemory.structures.search(query, page: PageRequest(pageSize: 10))
                }
            } else {
                print(
                    String(
                        format:
                            "in-memory   | the SDK over the fake (its own deadline): %.0f µs per call for the first %d, %.0f µs after %d",
                        early, calls, perCall, 9 * calls))
            }
        }
        // The SDK's reading of that answer alone, in memory: the part of its share that is decoding.
        let answer = try await transport.send(request)
        let pipeline = RequestPipeline(configuration: configuration)
        before = cpuTime()
        for _ in 0..<calls {
            _ = try pipeline.decode(
                KeyedList<StructureSummary>.self, from: answer, operation: .rechercherStructure,
                userInfo: [KeyedList<StructureSummary>.listKey: "listeStructures"])
        }
        print(
            String(
                format: "%@ | reading that answer (%d bytes) in memory: %.0f µs", pad(name, 11), answer.body.count,
                milliseconds((cpuTime() - before) / calls) * 1000))
    }
}

/// Sends each path's first request through `inner` and answers every later one with that first answer at once.
final class ReplayingTransport: Transport, @unchecked Sendable {
    private let inner: any Transport
    private let lock = NSLock()
    private var answers: [String: HTTPResponse] = [:]

    init(_ inner: any Transport) { self.inner = inner }

    /// The inner transport's, so that the SDK runs the path it runs over that transport.
    var enforcedDeadline: Duration? { inner.enforcedDeadline }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let answer = lock.withLock({ answers[request.url.path] }) { return answer }
        let answer = try await inner.send(request)
        lock.withLock { answers[request.url.path] = answer }
        return answer
    }
}
