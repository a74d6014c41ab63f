import ChorusMock
import Foundation
import Testing

@testable import ChorusSDK

/// The SDK's own attempt deadline, for transports without a timer of their own (the in-memory fake): it fires, a
/// finished or cancelled attempt leaves nothing pending, and many calls do not pile timers up.
@Suite("Attempt deadlines: one timer thread, nothing left pending")
struct AttemptDeadlineTests {
    @Test("a deadline fires after its limit; a cancelled wait ends at once with false")
    func firesAndCancels() async throws {
        let started = ContinuousClock.now
        #expect(await AttemptDeadlines.shared.expired(after: .milliseconds(50)))
        #expect(ContinuousClock.now - started >= .milliseconds(50))
        let waiting = Task { await AttemptDeadlines.shared.expired(after: .seconds(600)) }
        waiting.cancel()
        #expect(await waiting.value == false)
    }

    @Test("10,000 waits registered then cancelled leave nothing pending, and the next wait compacts the heap")
    func noPileUp() async throws {
        let deadlines = AttemptDeadlines()
        let waits = (0..<10_000).map { _ in Task { await deadlines.expired(after: .seconds(600)) } }
        // Counted, not timed: wait (generously) until every wait is registered with its deadline.
        for _ in 0..<3000 where deadlines.counts.heap < waits.count { try await Task.sleep(for: .milliseconds(10)) }
        #expect(deadlines.counts.heap == waits.count)
        for wait in waits { wait.cancel() }
        for wait in waits { #expect(await wait.value == false) }
        #expect(deadlines.counts.pending == 0)
        let next = Task { await deadlines.expired(after: .seconds(600)) }
        for _ in 0..<3000 where deadlines.counts.heap == waits.count { try await Task.sleep(for: .milliseconds(10)) }
        #expect(deadlines.counts.heap == 1, "finished attempts are dropped, not kept for their whole timeout")
        next.cancel()
        #expect(await next.value == false)
        #expect(deadlines.counts.pending == 0)
    }

    @Test("over the in-memory fake, calls leave their deadline behind them, and a slow answer still times out")
    func throughTheFake() async throws {
        let fake = FakeChorusPro()
        let query = StructureQuery(identifier: try .siret(FakeSeed.noRequirementSIRET))
        let client = try mockClient(fake) { $0.attemptTimeout = .seconds(120) }
        for _ in 0..<200 { _ = try await client.structures.search(query, page: PageRequest(pageSize: 10)) }
        await fake.inject(.hang, on: "/cpro/structures/v1/rechercher")
        let slow = try mockClient(fake, retry: .none) { $0.attemptTimeout = .milliseconds(200) }
        let error = await #expect(throws: ChorusError.self) {
            try await slow.structures.search(query, page: PageRequest(pageSize: 10))
        }
        #expect(error?.code == .timedOut)
    }
}
