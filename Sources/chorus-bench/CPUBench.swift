// The "cpu" section: the CPU time and context switches one structure search costs this process, bare transport and
// SDK, and the SDK's reading of the answer alone, in memory.
import ChorusSDK
import Foundation

enum CPUBench {
    /// Prints the figures for `transport` (`name`): `request` sent bare, then `call` through the SDK, `calls` times each.
    static func run(
        _ name: String, transport: any Transport, request: HTTPRequest, call: @Sendable () async throws -> Void,
        configuration: ChorusConfiguration, calls: Int
    ) async throws {
        // CPU per call in this process (the server runs in its own): bare transport, then the whole SDK.
        var before = cpuTime()
        var switchesBefore = contextSwitches()
        for _ in 0..<calls { _ = try await transport.send(request) }
        let bareCPU = (cpuTime() - before) / calls
        let bareSwitches = Double(contextSwitches() - switchesBefore) / Double(calls)
        before = cpuTime()
        switchesBefore = contextSwitches()
        for _ in 0..<calls { try await call() }
        let sdkCPU = (cpuTime() - before) / calls
        let sdkSwitches = Double(contextSwitches() - switchesBefore) / Double(calls)
        print(
            String(
                format:
                    "%@ | CPU per structure search: bare transport %.0f µs, SDK %.0f µs (SDK's own share %.0f µs), %d calls",
                pad(name, 11), milliseconds(bareCPU) * 1000, milliseconds(sdkCPU) * 1000,
                milliseconds(sdkCPU - bareCPU) * 1000, calls))
        print(
            String(
                format: "%@ | context switches per structure search: bare transport %.1f, SDK %.1f",
                pad(name, 11), bareSwitches, sdkSwitches))
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
