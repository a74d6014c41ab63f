import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

/// A transport that answers API calls with mutated versions of real answers.
final class HostileTransport: Transport {
    private let state: LockedBox<(generator: SplitMix64, answers: [HTTPResponse])>
    init(seed: UInt64, answers: [HTTPResponse]) { state = LockedBox((SplitMix64(seed: seed), answers)) }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.url.path.hasSuffix("/oauth/token") {
            return .json(#"{"access_token":"tok","token_type":"Bearer","expires_in":3600}"#)
        }
        return state.withLock { state in
            let base = state.answers[Int(state.generator.next() % UInt64(state.answers.count))]
            return Mutations.mutate(base, with: &state.generator)
        }
    }
}

enum Mutations {
    static let kinds = 12
    static let deepNesting = Data((String(repeating: "[", count: 12_000) + String(repeating: "]", count: 12_000)).utf8)
    static let gigantic = Data(("{\"codeRetour\":0,\"x\":\"" + String(repeating: "A", count: 4_000_000) + "\"}").utf8)

    static func mutate(_ response: HTTPResponse, with generator: inout SplitMix64) -> HTTPResponse {
        var answer = response
        let body = response.body
        switch generator.next() % UInt64(kinds) {
        case 0:  // truncated JSON
            answer.body = body.prefix(Int(generator.next() % UInt64(max(body.count, 1))))
        case 1:  // a value of the wrong type
            answer.body = Data(String(decoding: body, as: UTF8.self)
                .replacingOccurrences(of: "\"", with: "", options: [], range: nil).utf8)
        case 2:  // huge numbers
            answer.body = Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: ":0", with: ":1e400")
                .replacingOccurrences(of: ":1", with: ":99999999999999999999999999999999999999999999").utf8)
        case 3:  // deep nesting
            answer.body = deepNesting
        case 4:  // missing fields: an empty object or just the envelope
            answer.body = Data((generator.next() % 2 == 0 ? "{}" : #"{"codeRetour":0}"#).utf8)
        case 5:  // wrong content type and HTML
            answer.headers["Content-Type"] = "text/html"
            answer.body = Data("<html><body>502 Bad Gateway</body></html>".utf8)
        case 6:  // a gigantic body (4 MB of a string)
            answer.body = gigantic
        case 7:  // random bytes, invalid UTF-8
            answer.body = Data((0..<Int(generator.next() % 2048)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        case 8:  // nulls everywhere
            answer.body = Data(String(decoding: body, as: UTF8.self)
                .replacingOccurrences(of: #":\s*("[^"]*"|-?[0-9.]+|true|false)"#, with: ":null", options: .regularExpression).utf8)
        case 9:  // a random status with the same body
            answer.status = [200, 201, 204, 301, 400, 401, 403, 404, 418, 429, 500, 503][Int(generator.next() % 12)]
        case 10:  // lists replaced by objects and objects by lists
            answer.body = Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "[", with: "{").replacingOccurrences(of: "]", with: "}").utf8)
        default:  // a business code with an odd libelle
            answer.body = Data(#"{"codeRetour":"20\u0000001","libelle":{"nested":["x"]}}"#.utf8)
        }
        return answer
    }
}

@Suite("Reliability: hostile server")
struct HostileServerTests {
    /// Real answers of the fake for every operation the calls below use.
    static func realAnswers() async throws -> [HTTPResponse] {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        let upload = try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "f.pdf")
        let invoice = try await client.invoices.submit(InvoiceFixtures.pdfSubmission(attachment: upload.attachmentID))
        _ = try await client.invoices.history(invoiceID: invoice.id)
        _ = try await client.invoices.details(invoiceID: invoice.id)
        _ = try await client.invoices.search(InvoiceQuery(), page: PageRequest())
        let flux = try await client.invoices.depositFile(TestDocuments.ubl(number: "H-1"), fileName: "h.xml", syntax: .ubl)
        _ = try await client.invoices.fluxReport(flux.number)
        _ = try await client.accounts.attachedStructures().collect()
        _ = try await client.references.vatRates()
        return await fake.journal.compactMap { entry in
            guard entry.path.hasPrefix("/cpro/"), let status = entry.responseStatus else { return nil }
            return HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: entry.responseBody)
        }
    }

    @Test("10,000 mutated answers: always a typed error or a valid result, never a crash or a hang")
    func mutatedAnswers() async throws {
        let answers = try await Self.realAnswers()
        #expect(answers.count >= 10)
        let transport = HostileTransport(seed: 42, answers: answers)
        let client = try ChorusClient(configuration: ChorusConfiguration(
            environment: .production, credentials: Fixtures.credentials, transport: transport, retryPolicy: .none,
            attemptTimeout: .seconds(5), cachesReferenceData: false))
        let calls: [@Sendable () async throws -> Void] = [
            { _ = try await client.structures.search(StructureQuery(name: "X")) },
            { _ = try await client.structures.details(structureID: 1) },
            { _ = try await client.invoices.history(invoiceID: 1) },
            { _ = try await client.invoices.details(invoiceID: 1) },
            { _ = try await client.invoices.search(InvoiceQuery(), page: PageRequest()) },
            { _ = try await client.invoices.fluxReport("CPP1") },
            { _ = try await client.references.vatRates() },
            { _ = try await client.references.healthCheck() },
            { _ = try await client.accounts.bankAccounts(structureID: 1) },
            { _ = try await client.invoices.uploadPDF(Data("%PDF-1.4".utf8), fileName: "x.pdf") },
        ]
        let before = residentMegabytes()
        var valid = 0
        var typed: [ChorusError.Code: Int] = [:]
        let iterations = 10_000
        try await withThrowingTaskGroup(of: (Int, [ChorusError.Code: Int]).self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var localValid = 0
                    var localTyped: [ChorusError.Code: Int] = [:]
                    for index in stride(from: worker, to: iterations, by: 4) {
                        do {
                            try await calls[index % calls.count]()
                            localValid += 1
                        } catch let error as ChorusError {
                            localTyped[error.code, default: 0] += 1
                        }
                    }
                    return (localValid, localTyped)
                }
            }
            for try await (localValid, localTyped) in group {
                valid += localValid
                typed.merge(localTyped, uniquingKeysWith: +)
            }
        }
        let grown = residentMegabytes() - before
        print("hostile server: \(iterations) answers → \(valid) valid, \(typed.values.reduce(0, +)) typed errors "
              + "(\(typed.map { "\($0.key): \($0.value)" }.sorted().joined(separator: ", "))); resident memory grew \(grown) MB")
        #expect(valid + typed.values.reduce(0, +) == iterations)
        #expect(grown < 500, "memory grew by \(grown) MB")
    }
}

func residentMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes / 1024
}
