import ChorusMock
import Foundation
import Testing

@testable import ChorusSDK

/// What the submission journal's key means: a key recorded as created answers without sending, concurrent calls for
/// one key send once, the caller's key is theirs, and re-uploading the same PDF keeps the default key.
@Suite("Reliability: journal keys and outcomes")
struct JournalSemanticsTests {
    static func journal() throws -> FileSubmissionJournal {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chorus-journal-\(UUID().uuidString)")
        return try FileSubmissionJournal(directory: directory)
    }

    static func sends(_ fake: FakeChorusPro) async -> Int {
        await fake.journal.filter { $0.path == "/cpro/factures/v1/soumettre" }.count
    }

    @Test("a key recorded as submitted returns the recorded invoice and sends nothing, in this run and the next")
    func submittedIsFinal() async throws {
        let fake = FakeChorusPro()
        let journal = try Self.journal()
        let first = try await fake.client(configure: { $0.submissionJournal = journal }).invoices.submit(
            InvoiceFixtures.structured())
        // A new client on the same journal: the next run of a batch after a crash right after the `submitted` record.
        let again = try await fake.client(configure: { $0.submissionJournal = journal }).invoices.submit(
            InvoiceFixtures.structured())
        #expect(
            again.id == first.id && again.number == first.number && again.alreadySubmitted && !first.alreadySubmitted)
        #expect(await Self.sends(fake) == 1)
        #expect(await fake.storedInvoices.count == 1)
    }

    @Test("an intent whose look-up before sending was not whole is never reconciled to an older look-alike")
    func incompleteSnapshotIsAmbiguous() async throws {
        let fake = FakeChorusPro()
        let journal = try Self.journal()
        let client = try fake.client(configure: { $0.submissionJournal = journal })
        var older = InvoiceFixtures.structured()
        older.comment = "older"
        _ = try await client.invoices.submit(older)  // a look-alike that existed before the crashed run
        let lines = try String(contentsOf: journal.fileURL, encoding: .utf8).split(separator: "\n")
        #expect(
            lines.first?.contains(#""existingInvoicesComplete":true"#) == true,
            "an intent says whether its look-up was whole")
        // A run crashed after its intent; its look-up before sending had an item it could not read, so the older
        // look-alike is not in the list.
        try await journal.append(
            SubmissionRecord(
                key: "caller:batch-7", stage: .intent, date: Date(timeIntervalSinceNow: -60),
                existingInvoiceIDs: [], existingInvoicesComplete: false))
        var crashed = InvoiceFixtures.structured()
        crashed.comment = "crashed"
        crashed.idempotencyKey = "batch-7"
        let sentBefore = await Self.sends(fake)
        let error = try await #require(throws: ChorusError.self) { try await client.invoices.submit(crashed) }
        #expect(error.code == .ambiguousOutcome, "\(error)")
        #expect(await Self.sends(fake) == sentBefore, "nothing sent")
    }

    @Test("concurrent submits of one invoice in one process send it once")
    func concurrentCallsCoalesce() async throws {
        let fake = FakeChorusPro()
        let client = try fake.client(configure: { $0.submissionJournal = try? Self.journal() })
        let results = try await withThrowingTaskGroup(of: SubmittedInvoice.self) { group in
            for _ in 0..<8 { group.addTask { try await client.invoices.submit(InvoiceFixtures.structured()) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(results.map(\.id)).count == 1, "\(results.map(\.id))")
        #expect(await Self.sends(fake) == 1)
        #expect(await fake.storedInvoices.count == 1)
    }

    @Test("two clients on one journal directory (two workers) submitting one invoice at once send it once")
    func twoClientsOneDirectory() async throws {
        let fake = FakeChorusPro()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chorus-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clients = try (0..<4).map { _ in
            try fake.client(configure: { $0.submissionJournal = try? FileSubmissionJournal(directory: directory) })
        }
        let results = try await withThrowingTaskGroup(of: SubmittedInvoice.self) { group in
            for client in clients { group.addTask { try await client.invoices.submit(InvoiceFixtures.structured()) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(results.map(\.id)).count == 1, "\(results.map(\.id))")
        #expect(results.filter(\.alreadySubmitted).count == 3)
        #expect(await Self.sends(fake) == 1)
        let claims = try FileManager.default.contentsOfDirectory(
            atPath: directory.appendingPathComponent("claims").path)
        #expect(claims.isEmpty, "released claims leave no file: \(claims)")
    }

    @Test("a claim held by another worker past the wait: submissionInProgress, nothing sent")
    func claimHeldElsewhere() async throws {
        let fake = FakeChorusPro()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chorus-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let holder = try FileSubmissionJournal(directory: directory)
        let client = try fake.client(configure: {
            $0.submissionJournal = try? FileSubmissionJournal(directory: directory)
            $0.submissionClaimWait = .milliseconds(300)
        })
        // The other worker holds the claim: its send reached the platform and hangs there.
        let invoice = InvoiceFixtures.structured()
        await fake.inject(.hang, on: "/cpro/factures/v1/soumettre")
        let blocked = try fake.client(configure: {
            $0.submissionJournal = holder
            $0.retryPolicy = .none
        })
        let stuck = Task { try await blocked.invoices.submit(invoice) }
        while await fake.faultsApplied == 0 { try await Task.sleep(for: .milliseconds(10)) }
        let error = await #expect(throws: ChorusError.self) { try await client.invoices.submit(invoice) }
        #expect(error?.code == .submissionInProgress, "\(String(describing: error))")
        #expect(error?.message.contains("sent nothing") == true)
        #expect(await fake.storedInvoices.isEmpty)
        stuck.cancel()
        _ = await stuck.result
    }

    @Test(
        "the caller's idempotency key: same key sends once even for new content, and is refused for a different invoice"
    )
    func callerKey() async throws {
        let fake = FakeChorusPro()
        let journal = try Self.journal()
        let client = try fake.client(configure: { $0.submissionJournal = journal })
        var invoice = InvoiceFixtures.structured()
        invoice.idempotencyKey = "2026-11/fee/26300002"
        let first = try await client.invoices.submit(invoice)
        #expect(try await client.invoices.submit(invoice).id == first.id)
        var other = invoice
        other.lines[0].quantity = 99
        let error = try await #require(throws: ChorusError.self) { try await client.invoices.submit(other) }
        #expect(error.code == .invalidInput && error.field == "idempotencyKey")
        other.idempotencyKey = "2026-11/fee/26300003"
        #expect(try await client.invoices.submit(other).id != first.id)
        #expect(await Self.sends(fake) == 2)
    }

    @Test("the default key leaves attachment ids out: the same PDF uploaded again after a restart is the same invoice")
    func reuploadKeepsKey() async throws {
        let fake = FakeChorusPro()
        let journal = try Self.journal()
        let firstRun = try fake.client(configure: { $0.submissionJournal = journal })
        let upload = try await firstRun.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "f.pdf")
        let first = try await firstRun.invoices.submit(InvoiceFixtures.pdfSubmission(attachment: upload.attachmentID))
        let secondRun = try fake.client(configure: { $0.submissionJournal = journal })
        let reupload = try await secondRun.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "f.pdf")
        #expect(reupload.attachmentID != upload.attachmentID)
        let again = try await secondRun.invoices.submit(
            InvoiceFixtures.pdfSubmission(attachment: reupload.attachmentID))
        #expect(again.id == first.id && again.alreadySubmitted)
        #expect(await Self.sends(fake) == 1)
    }
}

/// What exactly-once costs: one bounded look-up beside `soumettre`, whatever the supplier's history.
@Suite("Reliability: exactly once at a constant cost")
struct ExactlyOnceCostTests {
    /// The look-up's page (`InvoiceService.lookupPageSize`, 100).
    static let pageSize = 100

    static func requests(_ fake: FakeChorusPro, during work: () async throws -> Void) async rethrows -> [String] {
        let before = await fake.journal.count
        try await work()
        return await fake.journal.dropFirst(before).map(\.path).filter { !$0.hasSuffix("/oauth/token") }
    }

    @Test("a warm submit sends one look-up and soumettre, with 1 or 151 look-alike invoices (150 to another recipient)")
    func constantCost() async throws {
        let fake = FakeChorusPro()
        await fake.setJournalCapacity(entries: 100_000)
        let client = try fake.client()
        var toLaPoste = InvoiceFixtures.structured(recipient: FakeSeed.laPosteSIRET)
        _ = try await client.invoices.submit(toLaPoste)  // warms the recipient look-up
        toLaPoste.comment = "second"
        let cold = try await Self.requests(fake) { _ = try await client.invoices.submit(toLaPoste) }
        for index in 0..<150 {  // the same monthly fee to another public body, 150 times (more than one page)
            var same = InvoiceFixtures.structured()
            same.comment = "month \(index)"
            _ = try await client.invoices.submit(same)
        }
        toLaPoste.comment = "third"
        let loaded = try await Self.requests(fake) { _ = try await client.invoices.submit(toLaPoste) }
        print("requests per warm submit: \(cold.count) with 1 look-alike stored, \(loaded.count) with 151: \(loaded)")
        #expect(cold == ["/cpro/factures/v1/rechercher/fournisseur", "/cpro/factures/v1/soumettre"])
        #expect(loaded == cold)
    }

    @Test(
        "requests per warm submit stay 2 with 0, 1,000 and 20,000 look-alikes stored (same supplier, recipient, total, day)"
    )
    func constantWithStoredLookAlikes() async throws {
        var perStore: [Int: [String]] = [:]
        for stored in [0, 1_000, 20_000] {
            let fake = FakeChorusPro()
            await fake.seedInvoices(count: stored)  // 120.00 including tax to noRequirementSIRET, deposited now
            let client = try fake.client()
            var invoice = InvoiceFixtures.structured()
            invoice.lines = [
                InvoiceLine(designation: "Monthly fee", quantity: 1, unitPrice: 100, vatRate: .percentage(20))
            ]
            _ = try await client.invoices.submit(invoice)  // warms the token and the recipient's rules
            invoice.comment = "measured"
            perStore[stored] = try await Self.requests(fake) { _ = try await client.invoices.submit(invoice) }
            let measured = try #require(await fake.storedInvoices.last)
            #expect(
                measured.totalIncludingTax == 120 && measured.number != "SEED-1",
                "the invoice looks like the seeded ones")
        }
        print(
            "requests per warm submit by look-alikes stored: \(perStore.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.count)" })"
        )
        for paths in perStore.values {
            #expect(paths == ["/cpro/factures/v1/rechercher/fournisseur", "/cpro/factures/v1/soumettre"])
        }
    }

    @Test(
        "after a lost answer, more look-alikes than one page to the same recipient is ambiguousOutcome, never a resend")
    func boundedAfterLoss() async throws {
        let fake = FakeChorusPro()
        let client = try fake.client()
        for index in 0..<(ExactlyOnceCostTests.pageSize + 1) {
            var same = InvoiceFixtures.structured()
            same.comment = "month \(index)"
            _ = try await client.invoices.submit(same)
        }
        await fake.inject(.dropAfterCommit, on: "/cpro/factures/v1/soumettre")
        var lost = InvoiceFixtures.structured()
        lost.comment = "lost"
        let paths = try await Self.requests(fake) {
            let error = try await #require(throws: ChorusError.self) { try await client.invoices.submit(lost) }
            #expect(error.code == .ambiguousOutcome, "\(error)")
        }
        #expect(paths.filter { $0.hasSuffix("/soumettre") }.count == 1)
        #expect(
            paths.filter { $0.hasSuffix("/rechercher/fournisseur") }.count == 2,
            "one look-up before, one after: \(paths)")
        #expect(await fake.storedInvoices.count == ExactlyOnceCostTests.pageSize + 2)
    }
}
