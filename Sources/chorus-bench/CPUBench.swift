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
