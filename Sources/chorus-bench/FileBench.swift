// The "files" section: peak client memory of a 10 MB PDF upload and a 20 MB download, each measured in a
// process of its own so that nothing another measurement allocated (or freed into malloc's caches) blurs it.
import ChorusMock
import ChorusSDK
import ChorusSDKCurl
import Foundation

/// One file transfer measured in a child process (`chorus-bench --file-child KIND TRANSPORT SERVER [IDS]`).
enum FileMeasure {
    static let childFlag = "--file-child"
    static let uploadSize = 10 * 1024 * 1024
    static let method = """
        files       | method: each transfer runs in a fresh child process (this program, \(childFlag)); the file is made \
        resident first, a small transfer of the same kind warms the client up, then VmHWM is reset \
        (/proc/self/clear_refs ← 5) and peak = VmHWM after − VmRSS before, ÷ the file's size
        """

    /// A PDF header and `size` bytes that do not compress, written so that every page is resident.
    static func pdf(_ size: Int, seed: UInt64) -> Data {
        var data = Data(count: size)
        data.withUnsafeMutableBytes { raw in
            var state = seed
            for index in stride(from: 0, to: raw.count - 7, by: 8) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                raw.storeBytes(of: state, toByteOffset: index, as: UInt64.self)
            }
        }
        data.replaceSubrange(0..<9, with: Data("%PDF-1.4\n".utf8))
        return data
    }

    static func client(_ transport: String, server: URL, fake: FakeChorusPro) throws -> ChorusClient {
        let chosen: any Transport =
            switch transport {
            case "curl": CurlTransport()
            case "memory": MockTransport(fake: fake)
            default: URLSessionTransport()
            }
        let environment = transport == "memory" ? MockTransport.environment : ChorusEnvironment.custom(baseURL: server)
        return try ChorusClient(
            configuration: ChorusConfiguration(
                environment: environment, credentials: MockTransport.credentials,
                transport: chosen, cachesReferenceData: false))
    }

    /// Uploads two PDFs of `size` bytes and submits an invoice for each; returns the invoices' ids.
    static func prepareDownload(_ client: ChorusClient, size: Int, label: String) async throws -> [Int] {
        var ids: [Int] = []
        for index in 0..<2 {
            let upload = try await client.invoices.uploadPDF(
                pdf(size, seed: UInt64(index + 1)), fileName: "big\(index).pdf")
            // Not main.swift's `benchSubmission`: a child runs before main.swift's globals are initialised.
            var submission = InvoiceSubmission(
                mode: .pdf, recipientSIRET: FakeSeed.noRequirementSIRET, supplierID: 26_262_001,
                bankAccountID: 144_050, lines: [])
            submission.mode = .pdf
            submission.invoiceNumber = "BIG-\(ProcessInfo.processInfo.processIdentifier)-\(size / 1024)-\(index)"
            submission.invoiceDate = CalendarDate(Date())
            submission.lines = []
            submission.totals = InvoiceTotals(excludingTax: 100, vat: 20, includingTax: 120, amountToPay: 120)
            submission.mainAttachment = AttachmentReference(id: upload.attachmentID, designation: "Facture")
            ids.append(try await client.invoices.submit(submission).id)
        }
        return ids
    }

    /// The child: prints `peak <bytes> size <bytes> ms <milliseconds>`.
    static func runChild(_ arguments: [String]) async throws {
        guard arguments.count >= 3, let server = URL(string: arguments[2]) else { return }
        let (kind, transport) = (arguments[0], arguments[1])
        let fake = FakeChorusPro()
        await fake.recordJournal(false)
        let client = try client(transport, server: server, fake: fake)
        let operation: () async throws -> Int
        if kind == "upload" {
            _ = try await client.invoices.uploadPDF(pdf(64 * 1024, seed: 9), fileName: "warm.pdf")
            let file = pdf(uploadSize, seed: 7)
            operation = {
                _ = try await client.invoices.uploadPDF(file, fileName: "big.pdf")
                return file.count
            }
        } else {
            var ids = arguments.count > 3 ? arguments[3].split(separator: ",").compactMap { Int($0) } : []
            if transport == "memory" { ids = try await prepareDownload(client, size: uploadSize, label: "memory") }
            let small = try await prepareDownload(client, size: 64 * 1024, label: "warm")
            _ = try await client.invoices.download(invoiceIDs: small, format: .pdf)
            operation = { try await client.invoices.download(invoiceIDs: ids, format: .pdf).count }
        }
        let baseline = currentResident()
        resetPeak()
        let started = ContinuousClock.now
        let size = try await operation()
        let elapsed = ContinuousClock.now - started
        print("peak \(max(0, peakResident() - baseline)) size \(size) ms \(milliseconds(elapsed))")
    }

    /// Runs one child and returns its figures.
    static func spawn(_ arguments: [String]) throws -> (peak: Int, size: Int, ms: Double)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = [childFlag] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let words = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard let at = words.firstIndex(of: "peak"), words.count >= at + 6, let peak = Int(words[at + 1]),
            let size = Int(words[at + 3]), let ms = Double(words[at + 5])
        else { return nil }
        return (peak, size, ms)
    }
}

/// Prints one row per transport and transfer.
func runFileSection(transports: [String], baseURL: URL) async throws {
    print(FileMeasure.method)
    let setup = try FileMeasure.client("urlsession", server: baseURL, fake: FakeChorusPro())
    let ids = try await FileMeasure.prepareDownload(setup, size: FileMeasure.uploadSize, label: "network")
    for transport in transports + ["memory"] {
        for kind in ["upload", "download"] {
            let label = transport == "memory" ? "in-memory" : transport
            guard
                let figures = try FileMeasure.spawn([
                    kind, transport, baseURL.absoluteString, ids.map(String.init).joined(separator: ","),
                ])
            else {
                print("\(pad(label, 11)) | \(kind): the child process failed")
                continue
            }
            let what =
                kind == "upload"
                ? "10 MB PDF upload" : String(format: "%.0f MB download", Double(figures.size) / 1_048_576)
            let note = transport == "memory" ? " (the fake runs in the same process: its copies count too)" : ""
            print(
                String(
                    format: "%@ | %@: %.0f ms, peak memory +%.1f MB = %.2f × the file (target ≤ 1.5×)%@",
                    pad(label, 11), what,
                    figures.ms, Double(figures.peak) / 1_048_576, Double(figures.peak) / Double(figures.size), note))
        }
    }
}
