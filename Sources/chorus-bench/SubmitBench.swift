// The "journal" section: what exactly once costs. Per transport, a submit beside the bare `soumettre` with no journal
// and with the file journal (the PostgreSQL journal's row is printed by `postgres-journal-bench` in Integrations/,
// which alone may depend on postgres-nio); in memory, requests and time per submit with 0, 1,000 and 20,000 look-alike
// invoices already stored.
import ChorusMock
import ChorusSDK
import ChorusSDKCurl
import Foundation

/// Counts the requests a client sends, token requests apart.
final class CountingTransport: Transport, @unchecked Sendable {
    private let inner: any Transport
    private let lock = NSLock()
    private var sent = 0

    init(_ inner: any Transport) { self.inner = inner }

    var enforcedDeadline: Duration? { inner.enforcedDeadline }

    /// Requests sent so far, token requests apart.
    var count: Int { lock.withLock { sent } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if !request.url.path.hasSuffix("/oauth/token") { lock.withLock { sent += 1 } }
        return try await inner.send(request)
    }
}

/// A structured invoice that matches every other one of this bench (same supplier, recipient and total) unless
/// `distinctCents` makes its total unique; `tag` makes its content, so its journal key, unique.
func benchInvoice(tag: Int, distinctCents: Int? = nil) -> InvoiceSubmission {
    var submission = benchSubmission
    if let distinctCents { submission.lines[0].unitPrice = Amount(minorUnits: 10_000 + distinctCents) }
    submission.comment = "bench \(tag)"
    return submission
}

/// Milliseconds per call and requests per call of `body`, run `count` times in a row.
func perCall(_ count: Int, _ counter: CountingTransport, _ body: () async throws -> Void) async rethrows -> (
    Double, Double
) {
    let before = counter.count
    let started = ContinuousClock.now
    for _ in 0..<count { try await body() }
    return (milliseconds(ContinuousClock.now - started) / Double(count), Double(counter.count - before) / Double(count))
}

func runJournalSection(transports: [String], environment: ChorusEnvironment, quick: Bool) async throws {
    let count = quick ? 40 : 300
    print(
        "journal     | submit, sequential, per call (distinct totals; each warm client submitted once before measuring)"
    )
    for name in transports {
        let transport: any Transport = name == "curl" ? CurlTransport() : URLSessionTransport()
        let bare = try await bareRequest(transport, path: "cpro/factures/v1/soumettre", body: structuredBody)
        let bareMilliseconds = 1000 / (try await measure(count, concurrency: 1) { _ = try await transport.send(bare) })
        var cells: [String] = []
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chorus-bench-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (label, journal) in [
            ("no journal", nil), ("file journal", try FileSubmissionJournal(directory: directory)),
        ] as [(String, (any SubmissionJournal)?)] {
            let counter = CountingTransport(transport)
            let client = try ChorusClient(
                configuration: ChorusConfiguration(
                    environment: environment, credentials: MockTransport.credentials, transport: counter,
                    cachesReferenceData: false,
                    submissionJournal: journal))
            _ = try await client.invoices.submit(
                benchInvoice(tag: amountCounter.next(), distinctCents: amountCounter.next()))
            let (time, requests) = try await perCall(count, counter) {
                let cents = amountCounter.next()
                _ = try await client.invoices.submit(benchInvoice(tag: cents, distinctCents: cents))
            }
            cells.append(String(format: "%@ %.2f ms, %.1f requests", label, time, requests))
        }
        print(
            String(format: "journal     | %@ | bare soumettre %.2f ms | ", pad(name, 10), bareMilliseconds)
                + cells.joined(separator: " | "))
    }
    // In memory, so that the figure is the SDK's pattern and not the server's speed: look-alikes are invoices of the
    // same supplier to the same recipient with the same total, deposited today (the monthly fee billed again).
    for stored in [0, 1_000, 20_000] {
        let fake = FakeChorusPro()
        await fake.seedInvoices(count: stored)
        let counter = CountingTransport(MockTransport(fake: fake))
        let client = try ChorusClient(
            configuration: ChorusConfiguration(
                environment: MockTransport.environment, credentials: MockTransport.credentials, transport: counter))
        _ = try await client.invoices.submit(benchInvoice(tag: -1))  // warms the token and the recipient's rules
        var tag = 0
        let (time, requests) = try await perCall(quick ? 20 : 100, counter) {
            tag += 1
            _ = try await client.invoices.submit(benchInvoice(tag: tag))
        }
        print(
            String(
                format: "journal     | in memory, %6d look-alikes stored: %.1f requests and %.2f ms per warm submit",
                stored, requests, time))
    }
}
