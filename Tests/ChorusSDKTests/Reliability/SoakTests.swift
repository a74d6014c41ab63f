import ChorusMock
import ChorusSDKCurl
import Foundation
import Testing
@testable import ChorusSDK

/// The heavy reliability suites run one after the other, so the soak's load never skews the deadline measurements.
@Suite("Reliability (serialized)", .serialized, .timeLimit(.minutes(10)))
struct SerializedReliabilityTests {}

/// A transport whose "server" can be down for a while: nothing is sent, the connection is refused. It stands
/// for a killed and restarted server in front of the in-memory fake.
final class OutageTransport: Transport, Sendable {
    let inner: any Transport
    private let down = LockedBox(false)
    init(_ inner: any Transport) { self.inner = inner }
    func setDown(_ value: Bool) { down.withLock { $0 = value } }
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if down.withLock({ $0 }) { throw TransportError(.cannotConnect, "the server is down") }
        return try await inner.send(request)
    }
}

extension SerializedReliabilityTests {
    @Suite("Reliability: soak with faults", .timeLimit(.minutes(10)))
    struct SoakTests {
        /// 2,000 submissions per transport while about 20% of requests meet a transient fault (429 and 503 with
        /// Retry-After, 502, drops before and after the commit, latency past the deadline, expired tokens), every
        /// token is revoked every 100 ms, and the server is killed and restarted mid-run. Every submission must
        /// end confirmed exactly once, and the fake's store must hold exactly the confirmed invoices.
        @Test("2,000 submissions under ~20% transient faults, token revocations and a server restart: all confirmed, 0 duplicates, 0 lost",
              arguments: TransportKind.allCases)
        func soak(_ kind: TransportKind) async throws {
            let count = 2000
            let fake = FakeChorusPro()
            await fake.recordJournal(false)
            let server: MockServer? = kind == .mock ? nil : MockServer(fake: fake)
            let port = try server?.start() ?? 0
            defer { stopBlocking(server) }
            let base: any Transport = switch kind {
            case .mock: MockTransport(fake: fake)
            case .curl: CurlTransport(configuration: .init(requestTimeout: .seconds(10)))
            case .urlSession: URLSessionTransport(configuration: .init(requestTimeout: .seconds(10), maximumConnectionsPerHost: 32))
            }
            let transport = OutageTransport(base)
            // Waits are real but scaled down 20×, so Retry-After and backoff keep their shape without slowing CI.
            let clock = ChorusClock(now: { Date() }, sleep: { duration in try await Task.sleep(for: duration / 20) })
            let client = try ChorusClient(configuration: ChorusConfiguration(
                environment: server?.environment ?? MockTransport.environment, credentials: MockTransport.credentials,
                transport: transport,
                retryPolicy: RetryPolicy(maximumAttempts: 16, baseDelay: .milliseconds(400), maximumDelay: .seconds(8),
                                         maximumTotalTime: .seconds(900)),
                attemptTimeout: .milliseconds(400), clock: clock))
            _ = try await client.references.vatRates()  // warm the token and the VAT table before the faults start
            await fake.setRandomFaults(RandomFaults(rate: 0.2, kinds: [
                .status(429, retryAfter: 1), .status(503, retryAfter: 1), .status(502), .dropBeforeCommit, .dropAfterCommit,
                .latency(.seconds(2)), .expireToken,
            ], seed: 2026))
            let progress = LockedBox(0)
            let chaos = Task {
                var restarted = false
                var revocations = 0
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(100))
                    await fake.revokeAllTokens()
                    revocations += 1
                    if !restarted, progress.withLock({ $0 }) >= count / 3 {
                        // Kill the server mid-run (in-flight exchanges die with it) and bring it back on the same port.
                        restarted = true
                        if let server {
                            await server.shutdown()
                            try? await Task.sleep(for: .milliseconds(300))
                            _ = try? server.start(port: port)
                        } else {
                            transport.setDown(true)
                            try? await Task.sleep(for: .milliseconds(300))
                            transport.setDown(false)
                        }
                    }
                }
                return (restarted, revocations)
            }

            let started = ContinuousClock.now
            let outcomes = await withTaskGroup(of: [(index: Int, result: Result<Int, ChorusError>)].self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        var local: [(index: Int, result: Result<Int, ChorusError>)] = []
                        for index in stride(from: worker, to: count, by: 16) {
                            // A unique amount per submission (10.00 € + index cents), so each invoice is recognisable.
                            let submission = InvoiceSubmission(
                                mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: 26_262_001,
                                bankAccountID: 144_050,
                                lines: [InvoiceLine(designation: "Soak \(index)", quantity: 1, unitPrice: Amount(minorUnits: 1000 + index),
                                                    vatRate: .percentage(20))])
                            do {
                                local.append((index, .success(try await client.invoices.submit(submission).id)))
                            } catch let error as ChorusError {
                                local.append((index, .failure(error)))
                            } catch {
                                Issue.record("untyped error \(error)")
                            }
                            progress.withLock { $0 += 1 }
                        }
                        return local
                    }
                }
                return await group.reduce(into: []) { $0 += $1 }
            }
            chaos.cancel()
            let (restarted, revocations) = await chaos.value
            await fake.setRandomFaults(nil)
            let elapsed = ContinuousClock.now - started

            let confirmed = outcomes.compactMap { try? $0.result.get() }
            let failures = outcomes.compactMap { outcome -> ChorusError? in
                if case .failure(let error) = outcome.result { return error } else { return nil }
            }
            let stored = await fake.storedInvoices
            let storedIDs = Set(stored.map(\.id))
            let amounts = stored.map(\.totalExcludingTax)
            let faultsSeen = await fake.faultsApplied
            let storedNotConfirmed = storedIDs.subtracting(confirmed)
            let confirmedNotStored = Set(confirmed).subtracting(storedIDs)
            print("soak \(kind): \(count) submissions in \(elapsed): \(confirmed.count) confirmed, \(failures.count) typed errors "
                  + "(\(Dictionary(grouping: failures, by: \.code).map { "\($0.key): \($0.value.count)" }.sorted().joined(separator: ", "))), "
                  + "\(stored.count) stored, \(amounts.count - Set(amounts).count) duplicates, \(storedNotConfirmed.count) lost, "
                  + "\(faultsSeen) faults injected, \(revocations) token revocations, server restarted: \(restarted)")
            for failure in failures.prefix(5) { print("  \(String(reflecting: failure))") }
            #expect(outcomes.count == count)
            #expect(confirmed.count == count, "\(failures.count) submissions ended in an error")
            #expect(Set(confirmed).count == confirmed.count, "an invoice was confirmed twice")
            #expect(storedNotConfirmed.isEmpty, "\(storedNotConfirmed.count) stored invoice(s) were not confirmed (lost answers)")
            #expect(confirmedNotStored.isEmpty, "\(confirmedNotStored.count) confirmed invoice(s) are missing from the store")
            #expect(Set(amounts).count == amounts.count, "duplicate invoice in the store")
            #expect(faultsSeen > count / 10)
            #expect(restarted)
        }
    }
}
