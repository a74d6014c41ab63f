import ChorusMock
import ChorusSDKCurl
import Foundation
import Testing
@testable import ChorusSDK

extension SerializedReliabilityTests {
    @Suite("Reliability: MockServer load, cancellation and deadlines", .timeLimit(.minutes(10)))
    struct ServerLoadAndCancellationTests {
        @Test("64 connections, 20,000 requests with malformed ones mixed in: it keeps serving and leaves nothing behind")
        func serverUnderLoad() async throws {
            let fake = FakeChorusPro()
            await fake.recordJournal(false)
            let server = MockServer(fake: fake)
            try server.start()
            let port = server.port
            let counts = LockedBox((ok: 0, rejected: 0, other: 0))
            let perConnection = 313  // 64 × 313 = 20,032 requests
            let good = "GET /cpro/transverses/v1/health-check HTTP/1.1\r\nHost: x\r\n\r\n"
            let done = DispatchGroup()
            for connection in 0..<64 {
                done.enter()
                let thread = Thread {
                    defer { done.leave() }
                    var socket = try? RawSocket(port: port)
                    var sent = 0
                    while sent < perConnection, let open = socket {
                        let batch = min(25, perConnection - sent)
                        if (connection + sent / 25) % 8 == 7 {
                            // A malformed request: answered 400, then the connection closes; open a new one.
                            open.write("BROKEN \u{1}\r\n\r\n")
                            let answer = open.readAnswers(1).first ?? ""
                            counts.withLock { if answer.hasPrefix("HTTP/1.1 400") { $0.rejected += 1 } else { $0.other += 1 } }
                            open.close()
                            socket = try? RawSocket(port: port)
                            sent += 1
                            continue
                        }
                        open.write(String(repeating: good, count: batch))
                        let answers = open.readAnswers(batch)
                        counts.withLock { state in
                            for answer in answers { if answer.hasPrefix("HTTP/1.1 401") { state.ok += 1 } else { state.other += 1 } }
                            state.other += batch - answers.count
                        }
                        sent += batch
                    }
                    socket?.close()
                }
                thread.start()
            }
            await withCheckedContinuation { continuation in done.notify(queue: .global()) { continuation.resume() } }
            let result = counts.withLock { $0 }
            print("server load: \(result.ok) answered, \(result.rejected) malformed rejected with 400, \(result.other) other; "
                  + "\(server.requestsServed) served, \(server.connectionsAccepted) connections")
            #expect(result.ok + result.rejected == 64 * perConnection)
            #expect(result.other == 0)
            // Still serving a real client afterwards.
            let client = try ChorusClient(environment: server.environment, credentials: MockTransport.credentials, transport: URLSessionTransport())
            #expect(try await client.references.healthCheck().isHealthy == true)
            await server.shutdown()
            #expect(server.liveConnectionThreads == 0)
            #expect(openServerSockets(port: port) == 0)
        }

        @Test("cancelling mid-submission leaves no thread or server task behind", arguments: TransportKind.allCases)
        func cancelMidSubmission(_ kind: TransportKind) async throws {
            let harness = try kind.harness()
            let client = try harness.client(retry: .default)
            _ = try await client.structures.recipient(siret: FakeSeed.noRequirementSIRET)  // token and lookups warm
            await harness.fake.inject(.hang, on: "/cpro/factures/v1/soumettre")
            let task = Task { try await client.invoices.submit(InvoiceFixtures.structured()) }
            var waited = 0
            while await harness.fake.journal.contains(where: { $0.path == "/cpro/factures/v1/soumettre" }) == false,
                  await harness.fake.faultsApplied == 0, waited < 200 {
                try await Task.sleep(for: .milliseconds(10))
                waited += 1
            }
            try await Task.sleep(for: .milliseconds(100))
            let connectionsBefore = harness.server?.liveConnectionThreads ?? 0
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(await harness.fake.storedInvoices.isEmpty)
            if let server = harness.server {
                // The server noticed the hang-up and ended the fake's work for that connection (idle keep-alive
                // connections of the client may stay open).
                var threads = server.liveConnectionThreads
                for _ in 0..<150 where threads >= connectionsBefore {
                    try await Task.sleep(for: .milliseconds(20))
                    threads = server.liveConnectionThreads
                }
                #expect(threads < connectionsBefore)
            }
            harness.finish()
            if kind == .curl {
                var remaining = curlThreadCount()
                for _ in 0..<100 where remaining > 0 {
                    try await Task.sleep(for: .milliseconds(20))
                    remaining = curlThreadCount()
                }
                #expect(remaining == 0)
            }
        }

        // What it proves: the SDK's deadline ends the call (not the transport's 30 s timeout), and never early. The
        // upper bound is generous (a busy CI box may deschedule the timer); the figure is printed.
        @Test("a 2-second deadline ends the call, never before 90% of it, on every transport", arguments: TransportKind.allCases)
        func deadlineAccuracy(_ kind: TransportKind) async throws {
            let deadline = Duration.seconds(2)
            let harness = try kind.harness(requestTimeout: deadline)
            defer { harness.finish() }
            await harness.fake.inject(.hang, on: "/cpro/transverses/v1/recuperer/pays")
            let client = try harness.client(attemptTimeout: kind == .mock ? deadline : .seconds(30))
            _ = try await client.references.currencies()  // token first: the deadline concerns one call
            let started = ContinuousClock.now
            let error = await #expect(throws: ChorusError.self) { try await client.references.countries() }
            let elapsed = ContinuousClock.now - started
            #expect(error?.code == .timedOut)
            print("\(kind): a 2 s deadline ended the call after \(elapsed)")
            #expect(elapsed >= deadline * 0.9 && elapsed < .seconds(12), "\(kind): \(elapsed)")
        }
    }
}
