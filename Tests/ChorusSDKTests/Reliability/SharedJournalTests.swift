import ChorusMock
import Foundation
import Testing

@testable import ChorusCore
@testable import ChorusSDK

extension SerializedReliabilityTests {
    /// Several worker processes sharing one `FileSubmissionJournal`, judged by the fake's store: each invoice stored
    /// once, whatever the workers' overlap, transports and deaths.
    @Suite("Reliability: worker processes sharing a journal", .timeLimit(.minutes(10)))
    struct SharedJournalTests {
        /// How many invoices the fake stores per amount among `amounts`.
        static func counts(_ fake: FakeChorusPro, _ amounts: [Int]) async -> [Int: Int] {
            let stored = await fake.storedInvoices
            return Dictionary(uniqueKeysWithValues: amounts.map { cents in
                (cents, stored.filter { $0.totalExcludingTax == Decimal(cents) / 100 }.count)
            })
        }

        static func shuffled(_ amounts: [Int], _ generator: inout SplitMix64) -> [Int] {
            var result = amounts
            for index in result.indices.reversed() where index > 0 {
                result.swapAt(index, Int(generator.next() % UInt64(index + 1)))
            }
            return result
        }

        @Test("four workers (URLSession and curl) given the same 8 invoices at once: each stored once, every worker told")
        func concurrentWorkers() async throws {
            let fake = FakeChorusPro()
            let server = MockServer(fake: fake)
            try server.start()
            defer { stopBlocking(server) }
            let directory = CrashRecoveryTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let seed = UInt64(Date().timeIntervalSince1970)
            var generator = SplitMix64(seed: seed)
            let amounts = (0..<8).map { 81_000 + $0 }
            let workers = try (0..<4).map { index in
                try ChildProcess.start([server.baseURL.absoluteString, directory.path,
                                        Self.shuffled(amounts, &generator).map(String.init).joined(separator: ","),
                                        index % 2 == 0 ? "urlsession" : "curl"])
            }
            let outputs = workers.map { $0.waitForOutput() }
            let counts = await Self.counts(fake, amounts)
            let told = outputs.map { $0.split(separator: "\n").filter { $0.hasPrefix("submitted") }.count }
            let already = outputs.map { $0.split(separator: "\n").filter { $0.contains("already=true") }.count }
            print("shared journal, seed \(seed): stored per invoice \(amounts.map { counts[$0] ?? 0 }), "
                  + "submitted lines per worker \(told), of which already recorded \(already)")
            #expect(counts.values.allSatisfy { $0 == 1 }, "seed \(seed): \(counts)")
            #expect(told == [8, 8, 8, 8], "seed \(seed): \(outputs)")
            #expect(already.reduce(0, +) >= 8, "the other workers answer from the journal, without sending")
        }

        @Test("workers killed with SIGKILL at seeded points and restarted: 0 duplicates, 0 lost")
        func killedWorkers() async throws {
            let fake = FakeChorusPro()
            let server = MockServer(fake: fake)
            try server.start()
            defer { stopBlocking(server) }
            let directory = CrashRecoveryTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let seed = UInt64(Date().timeIntervalSince1970)
            var generator = SplitMix64(seed: seed)
            let amounts = (0..<20).map { 82_000 + $0 }
            var kills = 0
            for round in 0..<4 {
                // Slow sends, so that the kills land in the middle of a batch (before and after commits).
                for _ in 0..<40 { await fake.inject(.latency(.milliseconds(20)), on: "/cpro/factures/v1/soumettre") }
                let workers = try (0..<3).map { index in
                    try ChildProcess.start([server.baseURL.absoluteString, directory.path,
                                            Self.shuffled(amounts, &generator).map(String.init).joined(separator: ","),
                                            (round + index) % 2 == 0 ? "urlsession" : "curl"])
                }
                // Kill each worker at its own random moment after the round started (some finish before it).
                let started = ContinuousClock.now
                let moments = workers.map { _ in Int(40 + generator.next() % 700) }
                for (worker, moment) in zip(workers, moments).sorted(by: { $0.1 < $1.1 }) {
                    try await Task.sleep(until: started.advanced(by: .milliseconds(moment)))
                    if worker.process.isRunning { kills += 1 }
                    worker.kill()
                }
            }
            // A last run that is left to finish: every invoice must then be there exactly once.
            await fake.clearFaults(on: "/cpro/factures/v1/soumettre")
            let last = try ChildProcess.start([server.baseURL.absoluteString, directory.path,
                                               amounts.map(String.init).joined(separator: ",")])
            let output = last.waitForOutput()
            let counts = await Self.counts(fake, amounts)
            let duplicates = counts.values.filter { $0 > 1 }.count
            let lost = counts.values.filter { $0 == 0 }.count
            print("killed workers, seed \(seed): \(kills) kills over 4 rounds of 3 workers; stored per invoice "
                  + "\(amounts.map { counts[$0] ?? 0 }); \(duplicates) duplicated, \(lost) lost")
            #expect(duplicates == 0 && lost == 0, "seed \(seed): \(counts)\n\(output)")
            #expect(output.split(separator: "\n").filter { $0.hasPrefix("submitted") }.count == amounts.count, "\(output)")
        }
    }
}
