import ChorusMock
import Foundation
import Testing

@testable import ChorusSDK

/// `FileSubmissionJournal.compact(droppingClosedBefore:)`: the last record per key, old closed keys left out, open
/// keys kept, and nothing lost by journal objects (other processes' stand-ins) appending while it runs.
@Suite("Reliability: file journal compaction")
struct FileJournalCompactionTests {
    static func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("chorus-compaction-\(UUID().uuidString)")
    }

    static func lines(_ journal: FileSubmissionJournal) throws -> Int {
        try String(contentsOf: journal.fileURL, encoding: .utf8).split(separator: "\n").count
    }

    @Test("keeps the last record of each key, drops closed keys older than the cutoff, never an open one")
    func keepsWhatMatters() async throws {
        let directory = Self.directory()
        let journal = try FileSubmissionJournal(directory: directory)
        let other = try FileSubmissionJournal(directory: directory)  // another process's view, read before compaction
        let old = Date(timeIntervalSinceNow: -400 * 86_400)
        let recent = Date()
        for record in [
            SubmissionRecord(key: "old-created", stage: .intent, date: old),
            SubmissionRecord(key: "old-created", stage: .submitted, date: old, invoiceID: 1, invoiceNumber: "N1"),
            SubmissionRecord(key: "old-refused", stage: .notCreated, date: old),
            SubmissionRecord(key: "old-open", stage: .intent, date: old),
            SubmissionRecord(key: "recent-created", stage: .intent, date: recent),
            SubmissionRecord(key: "recent-created", stage: .submitted, date: recent, invoiceID: 2, invoiceNumber: "N2"),
        ] { try await journal.append(record) }
        #expect(try await other.lastRecord(for: "old-created")?.invoiceID == 1)

        let report = try await journal.compact(droppingClosedBefore: Date(timeIntervalSinceNow: -365 * 86_400))
        print("compaction: \(report)")
        #expect(report == JournalCompaction(recordsBefore: 6, recordsKept: 2, keysDropped: 2))
        #expect(try Self.lines(journal) == 3, "a first line of its own, then one record per kept key")
        for view in [journal, other, try FileSubmissionJournal(directory: directory)] {
            #expect(try await view.lastRecord(for: "old-created") == nil)
            #expect(try await view.lastRecord(for: "old-refused") == nil)
            #expect(try await view.lastRecord(for: "old-open")?.stage == .intent, "an open key is always kept")
            #expect(try await view.lastRecord(for: "recent-created")?.invoiceNumber == "N2")
        }
        // Appends after a compaction land in the new file, seen by everyone.
        try await other.append(SubmissionRecord(key: "after", stage: .intent, date: recent))
        #expect(try await journal.lastRecord(for: "after")?.stage == .intent)
        #expect(try await journal.compact() == JournalCompaction(recordsBefore: 3, recordsKept: 3, keysDropped: 0))
    }

    @Test("no record is lost while two other journal objects append and a third compacts, 10 rounds")
    func concurrentAppends() async throws {
        let directory = Self.directory()
        let compactor = try FileSubmissionJournal(directory: directory)
        let writers = [
            try FileSubmissionJournal(directory: directory), try FileSubmissionJournal(directory: directory),
        ]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, writer) in writers.enumerated() {
                group.addTask {
                    for step in 0..<150 {
                        try await writer.append(
                            SubmissionRecord(key: "w\(index)-\(step)", stage: .intent, date: Date()))
                    }
                }
            }
            group.addTask {
                for _ in 0..<10 { try await compactor.compact() }
            }
            try await group.waitForAll()
        }
        let reader = try FileSubmissionJournal(directory: directory)
        var missing: [String] = []
        for index in 0..<2 {
            for step in 0..<150 where try await reader.lastRecord(for: "w\(index)-\(step)") == nil {
                missing.append("w\(index)-\(step)")
            }
        }
        print("records missing after concurrent compactions: \(missing.count) of 300")
        #expect(missing.isEmpty)
        #expect(try await compactor.lastRecord(for: "w1-149") != nil, "the compactor's own index reloads too")
    }

    @Test("through submit: a compacted journal still answers a submitted invoice without sending it again")
    func submitAfterCompaction() async throws {
        let fake = FakeChorusPro()
        let directory = Self.directory()
        let journal = try FileSubmissionJournal(directory: directory)
        let client = try fake.client(configure: { $0.submissionJournal = journal })
        let first = try await client.invoices.submit(InvoiceFixtures.structured())
        try await journal.compact(droppingClosedBefore: Date(timeIntervalSinceNow: -86_400))
        let nextRun = try fake.client(configure: {
            $0.submissionJournal = try? FileSubmissionJournal(directory: directory)
        })
        let again = try await nextRun.invoices.submit(InvoiceFixtures.structured())
        #expect(again.id == first.id && again.alreadySubmitted)
        #expect(await fake.journal.filter { $0.path == "/cpro/factures/v1/soumettre" }.count == 1)
    }
}
