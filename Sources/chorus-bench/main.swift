import CZlib
// chorus-bench: throughput and memory of the SDK over each transport against MockServer on 127.0.0.1,
// each figure beside the same requests sent by the bare transport in the same run.
//
//   swift run -c release chorus-bench [--quick] [--server URL] [--only SECTION,…] [--transport urlsession|curl,…]
//                                     [--tasks N,…] [--count N] [--help]
//
// Prints figures; asserts nothing (targets are in README.md).
import ChorusMock
import ChorusSDK
import ChorusSDKCurl
import Foundation

/// What to run, from the command line.
struct BenchOptions {
    static let sections = [
        "search", "history", "submit", "writes", "journal", "files", "cpu", "documents", "facturx", "paging", "tokens",
    ]
    var quick = false
    var server: URL?
    var only: Set<String> = Set(sections)
    var transports = ["urlsession", "curl"]
    var tasks = [1, 16, 64]
    var count: Int?

    static let usage = """
        usage: chorus-bench [--quick] [--server URL] [--only SECTION,…] [--transport urlsession|curl,…] [--tasks N,…] [--count N]

          --quick        fewer requests (a few seconds per section)
          --server URL   measure against a running server (chorus-mock-server, a proxy…) instead of starting one
          --only …       sections: \(sections.joined(separator: ", "))
          --transport …  urlsession, curl (default: both)
          --tasks N,…    concurrent tasks for the search/history/submit rows (default 1,16,64)
          --count N      requests per measurement (default 2000, 200 with --quick)
          --help         this text

        "cpu" prints the CPU time each call costs this process, bare transport and SDK, per transport.
        "journal" prints what a submit costs with no journal and with the file journal, and the requests per submit with
        0, 1,000 and 20,000 look-alike invoices stored (PostgreSQL: swift run -c release --package-path Integrations
        postgres-journal-bench).
        """

    /// Parses `arguments`; `nil` means "print the usage and stop".
    init?(_ arguments: [String]) {
        var rest = arguments[...]
        func fail(_ text: String) -> Never {
            FileHandle.standardError.write(Data("chorus-bench: \(text)\n\(Self.usage)\n".utf8))
            exit(2)
        }
        func list(_ value: String?) -> [String] {
            guard let value, !value.isEmpty else { fail("a value is missing") }
            return value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--help", "-h": return nil
            case "--quick": quick = true
            case "--server":
                guard let text = rest.popFirst(), let url = URL(string: text), url.host != nil else {
                    fail("--server needs a URL")
                }
                server = url
            case "--only":
                let names = list(rest.popFirst())
                if let unknown = names.first(where: { !Self.sections.contains($0) }) {
                    fail("unknown section \(unknown)")
                }
                only = Set(names)
            case "--transport":
                transports = list(rest.popFirst())
                if let unknown = transports.first(where: { !["urlsession", "curl"].contains($0) }) {
                    fail("unknown transport \(unknown)")
                }
            case "--tasks":
                tasks = list(rest.popFirst()).map { Int($0) ?? 0 }
                if tasks.contains(where: { $0 < 1 }) { fail("--tasks needs positive numbers") }
            case "--count":
                guard let value = rest.popFirst().flatMap(Int.init), value > 0 else {
                    fail("--count needs a positive number")
                }
                count = value
            default: fail("unknown argument \(argument)")
            }
        }
    }
}

if CommandLine.arguments.dropFirst().first == FileMeasure.childFlag {
    try await FileMeasure.runChild(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}
guard let options = BenchOptions(Array(CommandLine.arguments.dropFirst())) else {
    print(BenchOptions.usage)
    exit(0)
}
let quick = options.quick
let sequentialCount = options.count ?? (quick ? 200 : 2000)
let concurrentCount = options.count ?? (quick ? 320 : 3200)

func rate(_ count: Int, _ elapsed: Duration) -> Double {
    Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

func measure(_ count: Int, concurrency: Int, _ body: @escaping @Sendable () async throws -> Void) async throws -> Double
{
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

/// The rates of `bare` and `sdk`, measured in alternating rounds (bare, SDK, bare, SDK…) so that a drift of the
/// machine or of the server during the run weighs on both alike; each rate is its rounds' calls over their time.
func alternating(
    _ count: Int, concurrency: Int, _ bare: @escaping @Sendable () async throws -> Void,
    _ sdk: @escaping @Sendable () async throws -> Void
) async throws -> (Double, Double) {
    let rounds = 4
    let perRound = max(concurrency, count / rounds)
    var bareTime = 0.0
    var sdkTime = 0.0
    for _ in 0..<rounds {
        bareTime += Double(perRound) / (try await measure(perRound, concurrency: concurrency, bare))
        sdkTime += Double(perRound) / (try await measure(perRound, concurrency: concurrency, sdk))
    }
    return (Double(rounds * perRound) / bareTime, Double(rounds * perRound) / sdkTime)
}

let searchBody = Data(
    #"{"parametres":{"nbResultatsParPage":10,"pageResultatDemandee":1},"restreindreStructuresPrivees":true,"structure":{"identifiantStructure":"78439607900054","typeIdentifiantStructure":"SIRET"}}"#
        .utf8)

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
    guard let range = text.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression),
        let url = URL(string: String(text[range]))
    else {
        process.terminate()
        throw TransportError(.cannotConnect, "chorus-mock-server did not start: \(text)")
    }
    return (process, url)
}

let needsServer = !options.only.isDisjoint(with: ["search", "history", "submit", "writes", "journal", "files", "cpu"])
let started = try needsServer && options.server == nil ? startServer() : nil
defer { started?.0.terminate() }
let baseURL = options.server ?? started?.1 ?? URL(fileURLWithPath: "/")
let environment = ChorusEnvironment.custom(baseURL: baseURL)
let query = StructureQuery(identifier: try .siret("78439607900054"))

func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// A request sent as is by the bare transport, with credentials obtained once.
func bareRequest(_ transport: any Transport, path: String, body: String) async throws -> HTTPRequest {
    let tokenAnswer = try await transport.send(
        HTTPRequest(
            method: .post, url: environment.oauthURL, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(
                "grant_type=client_credentials&client_id=\(FakeSeed.clientID)&client_secret=\(FakeSeed.clientSecret)&scope=openid"
                    .utf8)))
    let token = JSONValue.parse(tokenAnswer.body)?["access_token"].string ?? ""
    return HTTPRequest(
        method: .post, url: baseURL.appendingPathComponent(path),
        headers: [
            "Authorization": "Bearer \(token)", "cpro-account": MockTransport.credentials.cproAccountHeaderValue,
            "Content-Type": "application/json;charset=utf-8", "Accept": "application/json;charset=utf-8",
        ],
        body: Data(body.utf8), isIdempotent: !path.hasSuffix("soumettre"))
}

let structuredBody =
    #"{"cadreDeFacturation":{"codeCadreFacturation":"A1_FACTURE_FOURNISSEUR"},"destinataire":{"codeDestinataire":"\#(FakeSeed.noRequirementSIRET)"},"fournisseur":{"codeCoordonneesBancairesFournisseur":144050,"idFournisseur":26262001},"ligneTva":[{"ligneTvaMontantBaseHtParTaux":100,"ligneTvaMontantTvaParTaux":20,"ligneTvaTauxManuel":20}],"lignePoste":[{"lignePosteDenomination":"Bench","lignePosteMontantUnitaireHT":100,"lignePosteNumero":1,"lignePosteQuantite":1,"lignePosteTauxTvaManuel":20}],"modeDepot":"SAISIE_API","montantTotal":{"montantAPayer":120,"montantHtTotal":100,"montantRemiseGlobaleTTC":0,"montantTTC":120,"montantTVA":20,"montantTtcTotal":120},"references":{"deviseFacture":"EUR","modePaiement":"VIREMENT","typeFacture":"FACTURE","typeTva":"TVA_SUR_DEBIT"}}"#
let benchSubmission = InvoiceSubmission(
    mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: 26_262_001,
    bankAccountID: 144_050,
    lines: [InvoiceLine(designation: "Bench", quantity: 1, unitPrice: 100, vatRate: .percentage(20))])

/// Distinct cents for each submitted invoice.
final class AmountCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
let amountCounter = AmountCounter()

print(
    "chorus-bench — \(quick ? "quick" : "full") run, \(ProcessInfo.processInfo.activeProcessorCount) cores, "
        + (options.server.map { "server \($0.absoluteString)" } ?? "server in its own process"))
print(
    "each SDK figure is beside the bare transport sending one prepared request of the same operation, in the same run")
if !options.only.isDisjoint(with: ["search", "history", "submit"]) {
    print("transport   | operation | tasks | bare req/s | SDK calls/s | SDK/bare")
}
for name in options.transports where needsServer {
    let transport: any Transport =
        name == "curl" ? CurlTransport() : URLSessionTransport(configuration: .init(maximumConnectionsPerHost: 64))
    let client = try ChorusClient(
        configuration: ChorusConfiguration(
            environment: environment, credentials: MockTransport.credentials,
            transport: transport, cachesReferenceData: false))
    let existing = try await client.invoices.submit(benchSubmission)
    let operations: [(String, HTTPRequest, @Sendable () async throws -> Void)] = [
        (
            "search",
            try await bareRequest(
                transport, path: "cpro/structures/v1/rechercher", body: String(decoding: searchBody, as: UTF8.self)),
            { _ = try await client.structures.search(query, page: PageRequest(pageSize: 10)) }
        ),
        (
            "history",
            try await bareRequest(
                transport, path: "cpro/factures/v1/consulter/historique", body: #"{"idFacture":\#(existing.id)}"#),
            { _ = try await client.invoices.history(invoiceID: existing.id) }
        ),
        (
            "submit", try await bareRequest(transport, path: "cpro/factures/v1/soumettre", body: structuredBody),
            {
                // A distinct amount per invoice, as real invoices have: the exactly-once search stays small.
                var submission = benchSubmission
                submission.lines[0].unitPrice = Amount(minorUnits: 10_000 + amountCounter.next())
                _ = try await client.invoices.submit(submission)
            }
        ),
    ]
    for (operation, bare, call) in operations where options.only.contains(operation) {
        for concurrency in options.tasks {
            let count =
                operation == "submit" ? sequentialCount / 4 : (concurrency == 1 ? sequentialCount : concurrentCount)
            let (bareRate, sdkRate) = try await alternating(
                count, concurrency: concurrency, { _ = try await transport.send(bare) }, call)
            print(
                String(
                    format: "%@ | %@ | %5d | %10.0f | %11.0f | %7.0f%%", pad(name, 11), pad(operation, 9), concurrency,
                    bareRate, sdkRate, 100 * sdkRate / bareRate))
        }
    }
    if options.only.contains("cpu") {
        let (_, searchRequest, searchCall) = operations[0]
        try await CPUBench.run(
            name, transport: transport, request: searchRequest, call: searchCall, configuration: client.configuration,
            calls: options.count ?? (quick ? 500 : 3000))
    }
    guard options.only.contains("writes") else { continue }
    // The cost of sending writes exactly once: the same soumettre by the bare transport on a kept-alive
    // connection (as if it were a read, which risks a silent resend) and on a connection of its own (the
    // SDK's rule for writes).
    let safeWrite = try await bareRequest(transport, path: "cpro/factures/v1/soumettre", body: structuredBody)
    var reusable = safeWrite
    reusable.isIdempotent = true
    let unsafeWrite = reusable
    let writes = quick ? 100 : 500
    if options.only.contains("writes") {
        let reusedRate = try await measure(writes, concurrency: 1) { _ = try await transport.send(unsafeWrite) }
        let freshRate = try await measure(writes, concurrency: 1) { _ = try await transport.send(safeWrite) }
        print(
            String(
                format:
                    "%@ | write on a reused connection: %.2f ms; on its own connection: %.2f ms (+%.2f ms per write, loopback, no TLS)",
                pad(name, 11), 1000 / reusedRate, 1000 / freshRate, 1000 / freshRate - 1000 / reusedRate))
    }
}

if options.only.contains("journal") {
    try await runJournalSection(transports: options.transports, environment: environment, quick: quick)
}

if options.only.contains("files") {
    try await runFileSection(transports: options.transports, baseURL: baseURL)
}

// Invoice documents: a 20-line invoice written as CII and as UBL.
var twentyLines = SampleDocuments.twoRatesInvoice()
twentyLines.lines = (1...20).map { index in
    DocumentLine(
        id: String(index), name: "Article \(index)", quantity: Amount(index), unitCode: "C62",
        netPrice: Amount(minorUnits: 1000 + index * 37), vatCategory: .standard, vatRate: index % 2 == 0 ? 20 : "5.5")
}
for (syntax, write) in [("CII", { _ = CIIWriter.write(twentyLines) }), ("UBL", { _ = UBLWriter.write(twentyLines) })]
    as [(String, () -> Void)]
where options.only.contains("documents") {
    let rounds = quick ? 500 : 5000
    let started = ContinuousClock.now
    for _ in 0..<rounds { write() }
    print(
        "documents   | \(syntax) 20-line invoice: \(Int(rate(rounds, ContinuousClock.now - started))) documents/s (target ≥ 2,000/s)"
    )
}

// Factur-X: a 20-line invoice written as a PDF/A-3 with its XML.
if options.only.contains("facturx"), let font = try? TrueTypeFont.systemDefault() {
    let rounds = quick ? 50 : 300
    let started = ContinuousClock.now
    var size = 0
    for _ in 0..<rounds { size = try FacturXWriter.write(twentyLines, font: font).count }
    print(
        "documents   | Factur-X 20-line invoice: \(Int(rate(rounds, ContinuousClock.now - started))) files/s, \(size / 1024) KB each, "
            + "compressed and subset (targets ≥ 250/s, ≤ 40 KB)")
    // DEFLATE: the SDK's compressor and inflater beside zlib's, on the same data (the font and a content stream).
    let samples: [(String, Data)] = [
        ("font", font.data),
        ("text", Data((0..<4000).map { "BT /F1 9 Tf 56.69 \($0) Td (Ligne \($0)) Tj ET\n" }.joined().utf8)),
    ]
    for (name, data) in samples {
        let megabytes = Double(data.count) / 1_048_576
        var compressed = Data()
        var started = ContinuousClock.now
        for _ in 0..<3 { compressed = Deflate.compress(data) }
        let ours = rate(3, ContinuousClock.now - started) * megabytes
        started = ContinuousClock.now
        for _ in 0..<3 { _ = try Deflate.inflate(compressed) }
        let oursInflate = rate(3, ContinuousClock.now - started) * megabytes
        var zlibSize = 0
        started = ContinuousClock.now
        for _ in 0..<3 { zlibSize = zlibCompress(data).count }
        let zlib = rate(3, ContinuousClock.now - started) * megabytes
        print(
            String(
                format:
                    "deflate     | %@ %.1f MB: SDK %.0f MB/s → %d bytes, inflate %.0f MB/s; zlib -6 %.0f MB/s → %d bytes",
                name, megabytes, ours, compressed.count, oursInflate, zlib, zlibSize))
    }
}

/// zlib's `compress2` at level 6, for comparison.
func zlibCompress(_ data: Data) -> Data {
    var size = compressBound(uLong(data.count))
    var out = [UInt8](repeating: 0, count: Int(size))
    let status = data.withUnsafeBytes {
        compress2(&out, &size, $0.bindMemory(to: UInt8.self).baseAddress, uLong(data.count), 6)
    }
    return status == Z_OK ? Data(out[0..<Int(size)]) : Data()
}

// In memory: paging through 10,000 invoices, and the token for 200 concurrent calls on a cold client.
if options.only.contains("paging") {
    let fake = FakeChorusPro()
    await fake.recordJournal(false)
    await fake.seedInvoices(count: 10_000)
    let memoryClient = try ChorusClient(
        configuration: ChorusConfiguration(
            environment: MockTransport.environment,
            credentials: MockTransport.credentials,
            transport: MockTransport(fake: fake)))
    _ = try await memoryClient.invoices.search(InvoiceQuery(), page: PageRequest(pageSize: 100))
    let pagingBaseline = currentResident()
    var seen = 0
    var samples: [String] = []
    for try await _ in memoryClient.invoices.searchAll(InvoiceQuery(), pageSize: 100).items {
        seen += 1
        if seen % 2_500 == 0 {
            samples.append("\(seen): +\(max(0, currentResident() - pagingBaseline) / 1_048_576) MB")
        }
    }
    print(
        "paging      | \(seen) invoices, 100 per page; resident memory above the start at "
            + samples.joined(separator: ", "))
}

if options.only.contains("tokens") {
    let fake = FakeChorusPro()
    let cold = try ChorusClient(
        configuration: ChorusConfiguration(
            environment: MockTransport.environment, credentials: MockTransport.credentials,
            transport: MockTransport(fake: fake), cachesReferenceData: false))
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<200 { group.addTask { _ = try await cold.references.countries() } }
        try await group.waitForAll()
    }
    let tokenRequests = await fake.journal.filter { $0.path.hasSuffix("/oauth/token") }.count
    print("tokens      | 200 concurrent calls on a cold client → \(tokenRequests) token request(s)")
}
