import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

extension SerializedReliabilityTests {
    /// Exactly once across a crash: the submission journal, judged by the fake's store.
    @Suite("Reliability: exactly once across a crash", .timeLimit(.minutes(10)))
    struct CrashRecoveryTests {
        static func temporaryDirectory() -> URL {
            FileManager.default.temporaryDirectory.appendingPathComponent("chorus-journal-\(UUID().uuidString)")
        }

        static func stored(_ fake: FakeChorusPro, cents: Int) async -> Int {
            await fake.storedInvoices.filter { $0.totalExcludingTax == Decimal(cents) / 100 }.count
        }

        /// A client whose waits are scaled down 100×, with or without a journal.
        static func client(_ harness: Harness, journal: (any SubmissionJournal)?) throws -> ChorusClient {
            let clock = ChorusClock(now: { Date() }, sleep: { duration in try await Task.sleep(for: duration / 100) })
            return try ChorusClient(configuration: ChorusConfiguration(
                environment: harness.environment, credentials: MockTransport.credentials, transport: harness.transport,
                retryPolicy: .none, attemptTimeout: .seconds(30), clock: clock, submissionJournal: journal))
        }

        @Test("a run that never heard the answer, then a restart: the journal makes the second run look, not resend",
              arguments: TransportKind.allCases)
        func restartReconciles(_ kind: TransportKind) async throws {
            for useJournal in [true, false] {
                let harness = try kind.harness()
                defer { harness.finish() }
                let directory = Self.temporaryDirectory()
                defer { try? FileManager.default.removeItem(at: directory) }
                let cents = useJournal ? 4_242 : 4_243
                let submission = ExactlyOnceTests.submission(cents - 1000)
                // First run: the platform commits, the answer is lost, and the look-up that would tell fails too.
                let first = try Self.client(harness, journal: useJournal ? try FileSubmissionJournal(directory: directory) : nil)
                _ = try await first.references.vatRates()
                await harness.fake.inject(.dropAfterCommit, on: "/cpro/factures/v1/soumettre")
                let search = "/cpro/factures/v1/rechercher/fournisseur"
                await harness.fake.inject(.latency(.zero), on: search)  // the search before sending passes
                for _ in 0..<30 { await harness.fake.inject(.status(503), on: search) }
                let firstError = try await #require(throws: ChorusError.self) { try await first.invoices.submit(submission) }
                #expect(firstError.code == .ambiguousOutcome)
                #expect(await Self.stored(harness.fake, cents: cents) == 1)
                await harness.fake.clearFaults(on: search)
                // Second run (a new process in real life: a new client and a new journal object on the same directory).
                let second = try Self.client(harness, journal: useJournal ? try FileSubmissionJournal(directory: directory) : nil)
                let invoice = try await second.invoices.submit(submission)
                let stored = await Self.stored(harness.fake, cents: cents)
                print("\(kind) restart \(useJournal ? "with" : "without") journal: recovered=\(invoice.recoveredAfterLostAnswer), stored \(stored)")
                if useJournal {
                    #expect(invoice.recoveredAfterLostAnswer)
                    #expect(stored == 1)
                } else {
                    #expect(stored == 2, "the control run without a journal should show the duplicate this prevents")
                }
            }
        }

        @Test("a child process killed after the platform committed, or before it did, then run again: 1 invoice each",
              arguments: [FakeFault.hangAfterCommit, .hang])
        func killedChild(_ fault: FakeFault) async throws {
            let fake = FakeChorusPro()
            let server = MockServer(fake: fake)
            try server.start()
            defer { stopBlocking(server) }
            let directory = Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let cents = fault == .hang ? 7_001 : 7_002
            await fake.inject(fault, on: "/cpro/factures/v1/soumettre")
            let child = try ChildProcess.start(["\(server.baseURL.absoluteString)", directory.path, "\(cents)"])
            // The worst moment: the request reached the platform (and, for hangAfterCommit, the invoice exists).
            var reached = false
            for _ in 0..<600 where !reached {
                try await Task.sleep(for: .milliseconds(100))
                reached = fault == .hang ? await fake.faultsApplied >= 1 : await Self.stored(fake, cents: cents) == 1
            }
            #expect(reached)
            child.kill()
            let journal = try String(contentsOf: directory.appendingPathComponent("submissions.jsonl"), encoding: .utf8)
            #expect(journal.contains("\"stage\":\"intent\""))
            let rerun = try ChildProcess.start(["\(server.baseURL.absoluteString)", directory.path, "\(cents)"])
            let output = rerun.waitForOutput()
            let stored = await Self.stored(fake, cents: cents)
            print("killed during \(fault), run again: \(output.split(separator: "\n").joined(separator: " / ")); stored \(stored)")
            #expect(output.contains("submitted"))
            // After a commit the re-run must find the invoice, not send it. Before a commit it sends; on a busy machine its
            // own answer may come after its deadline and it then finds its invoice instead of sending again (seen under
            // load) — either way, exactly one invoice.
            if fault == .hangAfterCommit { #expect(output.contains("recovered=true")) }
            #expect(stored == 1)
        }

        @Test("the file journal skips a torn last line and keeps appending on a line of its own")
        func tornLine() async throws {
            let directory = Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let journal = try FileSubmissionJournal(directory: directory)
            try await journal.append(SubmissionRecord(key: "a", stage: .intent, date: Date(), existingInvoiceIDs: [1, 2]))
            let handle = try FileHandle(forWritingTo: journal.fileURL)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"key":"b","sta"#.utf8))  // a crash mid-write
            try handle.close()
            let reopened = try FileSubmissionJournal(directory: directory)
            #expect(try await reopened.lastRecord(for: "a")?.existingInvoiceIDs == [1, 2])
            #expect(try await reopened.lastRecord(for: "b") == nil)
            try await reopened.append(SubmissionRecord(key: "c", stage: .submitted, date: Date(), invoiceID: 9))
            let again = try FileSubmissionJournal(directory: directory)
            #expect(try await again.lastRecord(for: "c")?.invoiceID == 9)
            #expect(try await again.lastRecord(for: "a")?.stage == .intent)
        }
    }
}

/// `submission-crash-child` from the build folder.
struct ChildProcess {
    let process: Process
    let output: Pipe

    static func start(_ arguments: [String]) throws -> ChildProcess {
        let binary = try ServerProcess.buildProductsFolder().appendingPathComponent("submission-crash-child")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return ChildProcess(process: process, output: output)
    }

    /// SIGKILL: no cleanup, no `defer`, as a crash.
    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func waitForOutput() -> String {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
