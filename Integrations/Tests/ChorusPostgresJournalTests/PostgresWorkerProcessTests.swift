import ChorusMock
import ChorusSDK
import Foundation
import PostgresNIO
import Testing

/// Worker processes that share nothing but the database (as workers on several machines do), judged by the fake's
/// store: each invoice stored once, whatever their overlap, transports and deaths.
@Suite("PostgreSQL journal: worker processes", .enabled(if: PostgresTestServer.address != nil), .serialized,
       .timeLimit(.minutes(10)))
struct PostgresWorkerProcessTests {
    /// `postgres-journal-worker`, beside the test bundle in the build folder.
    static func worker(_ server: URL, _ amounts: [Int], transport: String, prefix: String) throws -> Process {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("postgres-journal-worker").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        let process = Process()
        process.executableURL = folder.appendingPathComponent("postgres-journal-worker")
        let address = PostgresJournalTests.address.map { "\($0.host):\($0.port)" } ?? ""
        process.arguments = [server.absoluteString, address, amounts.map(String.init).joined(separator: ","), transport]
        process.environment = ProcessInfo.processInfo.environment.merging(["CHORUS_JOURNAL_PREFIX": prefix]) { $1 }
        process.standardOutput = Pipe()
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func output(of process: Process) -> String {
        let data = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func counts(_ fake: FakeChorusPro, _ amounts: [Int]) async -> [Int] {
        let stored = await fake.storedInvoices
        return amounts.map { cents in stored.filter { $0.totalExcludingTax == Decimal(cents) / 100 }.count }
    }

    /// SplitMix64, so that a failing run can be replayed from the printed seed.
    static func next(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func shuffled(_ amounts: [Int], _ state: inout UInt64) -> [Int] {
        var result = amounts
        for index in result.indices.reversed() where index > 0 { result.swapAt(index, Int(next(&state) % UInt64(index + 1))) }
        return result
    }

    @Test("four workers (URLSession and curl) given the same 12 invoices at once: each stored once")
    func concurrentWorkers() async throws {
        let fake = FakeChorusPro()
        let server = MockServer(fake: fake)
        _ = try server.start()
        defer { stopBlocking(server) }
        let prefix = PostgresJournalTests.prefix()
        let seed = UInt64(Date().timeIntervalSince1970)
        var state = seed
        let amounts = (0..<12).map { 92_000 + $0 }
        let workers = try (0..<4).map { index in
            try Self.worker(server.baseURL, Self.shuffled(amounts, &state), transport: index % 2 == 0 ? "urlsession" : "curl", prefix: prefix)
        }
        let outputs = workers.map(Self.output)
        let counts = await Self.counts(fake, amounts)
        let told = outputs.map { $0.split(separator: "\n").filter { $0.hasPrefix("submitted") }.count }
        print("PostgreSQL workers, seed \(seed): stored per invoice \(counts), submitted lines per worker \(told)")
        #expect(counts.allSatisfy { $0 == 1 }, "seed \(seed): \(counts)\n\(outputs.joined(separator: "\n--\n"))")
        #expect(told == [12, 12, 12, 12], "seed \(seed): \(outputs.joined(separator: "\n--\n"))")
    }

    @Test("workers killed with SIGKILL at seeded moments and restarted: 0 duplicates, 0 lost")
    func killedWorkers() async throws {
        let fake = FakeChorusPro()
        let server = MockServer(fake: fake)
        _ = try server.start()
        defer { stopBlocking(server) }
        let prefix = PostgresJournalTests.prefix()
        let seed = UInt64(Date().timeIntervalSince1970)
        var state = seed
        let amounts = (0..<20).map { 93_000 + $0 }
        var kills = 0
        for round in 0..<4 {
            for _ in 0..<40 { await fake.inject(.latency(.milliseconds(20)), on: "/cpro/factures/v1/soumettre") }
            let workers = try (0..<3).map { index in
                try Self.worker(server.baseURL, Self.shuffled(amounts, &state), transport: (round + index) % 2 == 0 ? "urlsession" : "curl",
                                prefix: prefix)
            }
            let started = ContinuousClock.now
            let moments = workers.map { _ in 100 + Int(Self.next(&state) % 900) }
            for (worker, moment) in zip(workers, moments).sorted(by: { $0.1 < $1.1 }) {
                try await Task.sleep(until: started.advanced(by: .milliseconds(moment)))
                if worker.isRunning { kills += 1 }
                kill(worker.processIdentifier, SIGKILL)
                worker.waitUntilExit()
            }
        }
        await fake.clearFaults(on: "/cpro/factures/v1/soumettre")
        // Let the dead workers' leases (3 s) run out, then one last worker left to finish.
        let last = try Self.worker(server.baseURL, amounts, transport: "urlsession", prefix: prefix)
        let output = Self.output(of: last)
        let counts = await Self.counts(fake, amounts)
        let duplicates = counts.filter { $0 > 1 }.count
        let lost = counts.filter { $0 == 0 }.count
        print("PostgreSQL killed workers, seed \(seed): \(kills) kills over 4 rounds of 3 workers; stored per invoice \(counts); "
              + "\(duplicates) duplicated, \(lost) lost")
        #expect(duplicates == 0 && lost == 0, "seed \(seed): \(counts)\n\(output)")
        #expect(output.split(separator: "\n").filter { $0.hasPrefix("submitted") }.count == amounts.count, "\(output)")
    }
}
