import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

extension SerializedReliabilityTests {
    /// The lost-answer faults, on every transport, judged by the fake's store (the platform's view), never by
    /// what the SDK reports.
    @Suite("Reliability: exactly once on every transport", .timeLimit(.minutes(10)))
    struct ExactlyOnceTests {
        /// A unique structured invoice per trial (10 € + `index` cents), so each one is recognisable in the store.
        static func submission(_ index: Int) -> InvoiceSubmission {
            InvoiceSubmission(mode: .structured, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: 26_262_001,
                              bankAccountID: 144_050,
                              lines: [InvoiceLine(designation: "Trial \(index)", quantity: 1, unitPrice: Amount(minorUnits: 1000 + index),
                                                  vatRate: .percentage(20))])
        }

        @Test("the answer lost after commit on a reused keep-alive connection: 20 trials, 0 duplicates",
              arguments: TransportKind.allCases)
        func lostAnswerAfterCommit(_ kind: TransportKind) async throws {
            let harness = try kind.harness(requestTimeout: .seconds(20))
            defer { harness.finish() }
            let client = try harness.client(attemptTimeout: .seconds(30), retry: RetryPolicy(jitter: { _ in .milliseconds(5) }))
            var table: [String] = []
            for trial in 0..<20 {
                // The look-ups submit runs first warm the keep-alive connection; soumettre then goes out on it.
                await harness.fake.inject(.dropAfterCommit, on: "/cpro/factures/v1/soumettre")
                let outcome: String
                let started = ContinuousClock.now
                defer { table[table.count - 1] += " in \(ContinuousClock.now - started)" }
                do {
                    let invoice = try await client.invoices.submit(Self.submission(trial))
                    outcome = invoice.recoveredAfterLostAnswer ? "recovered" : "answered"
                } catch let error as ChorusError {
                    outcome = "error \(error.code)"
                }
                let stored = await harness.fake.storedInvoices.filter { $0.totalExcludingTax == Decimal(1000 + trial) / 100 }.count
                table.append("\(kind) trial \(trial): \(outcome), stored \(stored)")
                #expect(stored == 1, "\(kind) trial \(trial): \(stored) invoices stored (\(outcome))")
            }
            print(table.joined(separator: "\n"))
        }

        @Test("a connection dropped after the request was sent ends the attempt at once, fresh or reused",
              arguments: TransportKind.allCases)
        func droppedConnectionEndsFast(_ kind: TransportKind) async throws {
            let harness = try kind.harness(requestTimeout: .seconds(60))
            defer { harness.finish() }
            let client = try harness.client(attemptTimeout: .seconds(60))
            _ = try await client.references.countries()  // warms the token and the keep-alive connection
            for (label, fault) in [("read, reused connection", FakeFault.dropAfterCommit), ("read, before commit", .dropBeforeCommit)] {
                await harness.fake.inject(fault, on: "/cpro/transverses/v1/recuperer/pays")
                let started = ContinuousClock.now
                let outcome: String
                do {
                    outcome = "answered, \(try await client.references.countries().count) countries"
                } catch let error as ChorusError {
                    outcome = error.code.rawValue
                }
                let elapsed = ContinuousClock.now - started
                print("\(kind) \(label): \(outcome) in \(elapsed)")
                // libcurl resends a read on its own after a dead reused connection (harmless for a read); the
                // others report the lost connection. Either way, at once.
                #expect(outcome == "connectionLost" || (kind == .curl && outcome == "answered, 9 countries"))
                #expect(elapsed < .seconds(5), "\(kind) \(label) took \(elapsed)")
            }
        }
    }
}
