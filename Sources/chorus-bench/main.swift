// chorus-bench: throughput and memory of the SDK over each transport against MockServer on 127.0.0.1,
// each figure beside the same requests sent by the bare transport in the same run.
//
//   swift run -c release chorus-bench [--quick]
//
// Prints figures; asserts nothing (targets are in README.md).
import ChorusMock
import ChorusSDK
import ChorusSDKCurl
import Foundation

let quick = CommandLine.arguments.contains("--quick")
let sequentialCount = quick ? 200 : 2000
let concurrentCount = quick ? 320 : 3200

/// Resident-set high-water mark since the last reset, in bytes (Linux; 0 elsewhere).
func peakResident() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes * 1024
}

func currentResident() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes * 1024
}

/// Resets the high-water mark (`echo 5 > /proc/self/clear_refs`).
func resetPeak() { try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) }

func rate(_ count: Int, _ elapsed: Duration) -> Double {
    Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

func measure(_ count: Int, concurrency: Int, _ body: @escaping @Sendable () async throws -> Void) async throws -> Double {
    let started = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                for _ in stride(from: worker, to: count, by: concurrency) { try await body() }
            }
        }
        try await group.waitForAll()
    }
    return rate(count, ContinuousClock.now - started)
}

let searchBody = Data(#"{"parametres":{"nbResultatsParPage":10,"pageResultatDemandee":1},"restreindreStructuresPrivees":true,"structure":{"identifiantStructure":"78439607900054","typeIdentifiantStructure":"SIRET"}}"#.utf8)

/// Starts `chorus-mock-server` (built beside this program) in its own process, so the fake's memory and
/// CPU are not counted as the SDK's, and returns its base URL.
func startServer() throws -> (Process, URL) {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let process = Process()
    process.executableURL = directory.appendingPathComponent("chorus-mock-server")
    process.arguments = ["--port", "0"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    var text = ""
    while !text.contains("\n") {
        let chunk = output.fileHandleForReading.availableData
        guard !chunk.isEmpty else { break }
        text += String(decoding: chunk, as: UTF8.self)
    }
    guard let range = text.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression), let url = URL(string: String(text[range])) else {
        process.terminate()
        throw TransportError(.cannotConnect, "chorus-mock-server did not start: \(text)")
    }
    return (process, url)
}

let (serverProcess, baseURL) = try startServer()
defer { serverProcess.terminate() }
let environment = ChorusEnvironment.custom(apiBaseURL: baseURL, oauthURL: baseURL.appendingPathComponent("api/oauth/token"))
let query = StructureQuery(identifier: try .siret("78439607900054"))

print("chorus-bench — \(quick ? "quick" : "full") run, \(ProcessInfo.processInfo.activeProcessorCount) cores, server in its own process")
print("transport   | mode        | bare req/s | SDK req/s | SDK/bare")
for name in ["urlsession", "curl"] {
    let transport: any Transport = name == "curl" ? CurlTransport() : URLSessionTransport(configuration: .init(maximumConnectionsPerHost: 32))
    let client = try ChorusClient(configuration: ChorusConfiguration(environment: environment, credentials: MockTransport.credentials,
                                                                    transport: transport, cachesReferenceData: false))
    _ = try await client.structures.search(query)  // token and warm-up
    let tokenAnswer = try await transport.send(HTTPRequest(
        method: .post, url: environment.oauthURL, headers: ["Content-Type": "application/x-www-form-urlencoded"],
        body: Data("grant_type=client_credentials&client_id=\(FakeSeed.clientID)&client_secret=\(FakeSeed.clientSecret)&scope=openid".utf8)))
    let token = JSONValue.parse(tokenAnswer.body)?["access_token"].string ?? ""
    let bare = HTTPRequest(method: .post, url: baseURL.appendingPathComponent("cpro/structures/v1/rechercher"),
                           headers: ["Authorization": "Bearer \(token)", "cpro-account": MockTransport.credentials.cproAccountHeaderValue,
                                     "Content-Type": "application/json;charset=utf-8", "Accept": "application/json;charset=utf-8"],
                           body: searchBody)
    for (mode, count, concurrency) in [("sequential", sequentialCount, 1), ("16 parallel", concurrentCount, 16)] {
        let bareRate = try await measure(count, concurrency: concurrency) { _ = try await transport.send(bare) }
        let sdkRate = try await measure(count, concurrency: concurrency) {
            _ = try await client.structures.search(query, page: PageRequest(pageSize: 10))
        }
        print(String(format: "%@ | %@ | %10.0f | %9.0f | %7.0f%%", name.padding(toLength: 11, withPad: " ", startingAt: 0),
                     mode.padding(toLength: 11, withPad: " ", startingAt: 0), bareRate, sdkRate, 100 * sdkRate / bareRate))
    }
    // 10 MB PDF upload: time and peak memory above the resident size just before it.
    let pdf = Data("%PDF-1.4\n".utf8) + Data(count: 10 * 1024 * 1024 - 9)
    let baseline = currentResident()
    resetPeak()
    let started = ContinuousClock.now
    let upload = try? await client.invoices.uploadPDF(pdf, fileName: "big.pdf")
    let elapsed = ContinuousClock.now - started
    let peak = max(0, peakResident() - baseline)
    print(String(format: "%@ | 10 MB PDF upload: %.0f ms (%@), peak memory +%.1f MB = %.2f × the file",
                 name.padding(toLength: 11, withPad: " ", startingAt: 0),
                 Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15,
                 upload == nil ? "failed" : "ok", Double(peak) / 1_048_576, Double(peak) / Double(pdf.count)))
}
