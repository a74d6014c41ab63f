import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

/// The heavy reliability suites run one after the other, so the soak's load never skews the deadline measurements.
@Suite("Reliability (serialized)", .serialized)
struct SerializedReliabilityTests {}

extension SerializedReliabilityTests {
    @Suite("Reliability: soak with faults")
    struct SoakTests {
        /// 2,000 submissions over URLSession to MockServer while about 20% of requests meet a transient fault.
        /// Every submission must end confirmed exactly once or with a typed error, and the fake's store must hold
        /// exactly the confirmed invoices.
        @Test("2,000 submissions under ~20% transient faults: zero duplicates, zero lost")
        func soak() async throws {
            let count = 2000
            let fake = FakeChorusPro()
            await fake.recordJournal(false)
            let server = MockServer(fake: fake)
            try server.start()
            defer { server.shutdown() }
            // Waits are real but scaled down 100×, so Retry-After and backoff keep their shape without slowing CI.
            let clock = ChorusClock(now: { Date() }, sleep: { duration in try await Task.sleep(for: duration / 100) })
            let client = try ChorusClient(configuration: ChorusConfiguration(
                environment: server.environment, credentials: MockTransport.credentials,
                transport: URLSessionTransport(configuration: .init(requestTimeout: .seconds(10), maximumConnectionsPerHost: 32)),
                retryPolicy: RetryPolicy(maximumAttempts: 8, baseDelay: .milliseconds(200), maximumDelay: .seconds(2),
                                         maximumTotalTime: .seconds(600)),
                attemptTimeout: .milliseconds(400), clock: clock))
            _ = try await client.references.vatRates()  // warm the token and the VAT table before the faults start
            await fake.setRandomFaults(RandomFaults(rate: 0.2, kinds: [
                .status(429, retryAfter: 1), .status(503, retryAfter: 1), .status(502), .dropBeforeCommit, .dropAfterCommit,
                .latency(.seconds(2)), .expireToken,
            ], seed: 2026))

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
                        }
                        return local
                    }
                }
                return await group.reduce(into: []) { $0 += $1 }
            }
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
            print("soak: \(count) submissions in \(elapsed): \(confirmed.count) confirmed, \(failures.count) typed errors "
                  + "(\(Dictionary(grouping: failures, by: \.code).map { "\($0.key): \($0.value.count)" }.sorted().joined(separator: ", "))), "
                  + "\(stored.count) stored, \(faultsSeen) faults injected")
            #expect(outcomes.count == count)
            #expect(Set(confirmed).count == confirmed.count, "an invoice was confirmed twice")
            let storedNotConfirmed = storedIDs.subtracting(confirmed)
            let confirmedNotStored = Set(confirmed).subtracting(storedIDs)
            #expect(storedNotConfirmed.isEmpty, "\(storedNotConfirmed.count) stored invoice(s) were not confirmed (lost answers)")
            #expect(confirmedNotStored.isEmpty, "\(confirmedNotStored.count) confirmed invoice(s) are missing from the store")
            #expect(Set(amounts).count == amounts.count, "duplicate invoice in the store")
            #expect(faultsSeen > count / 10)
        }
    }
}
