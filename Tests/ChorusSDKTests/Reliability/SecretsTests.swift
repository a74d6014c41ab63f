import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

/// Captures everything a middleware and the logger hook can see.
final class CapturingMiddleware: Middleware {
    let lines = LockedBox([String]())

    func intercept(_ request: HTTPRequest, context: RequestContext,
                   next: @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse) async throws -> HTTPResponse {
        lines.withLock { $0.append("→ \(request) \(String(decoding: request.body ?? Data(), as: UTF8.self))") }
        do {
            let response = try await next(request, context)
            lines.withLock { $0.append("← \(response.status) \(response.headers) \(String(decoding: response.body, as: UTF8.self))") }
            return response
        } catch {
            lines.withLock { $0.append("✗ \(error) | \(String(reflecting: error))") }
            throw error
        }
    }
}

@Suite("Reliability: secrets")
struct SecretsTests {
    static let secret = "CLIENT-SECRET-zz91-qq"
    static let password = "TECH-PASSWORD-xx77-pp"

    @Test("a full journey with distinctive secrets leaks none into logs, errors, descriptions or the journal")
    func noLeaks() async throws {
        let fake = FakeChorusPro()
        await fake.addApplication(FakeApplication(clientID: "leak-check-app", clientSecret: Self.secret))
        let login = "TECH_1_\(FakeSeed.supplierSIRET)@cpro.fr"
        await fake.addTechnicalAccount(FakeTechnicalAccount(login: login, password: Self.password, structureID: 26_262_001,
                                                            passwordExpiry: Date().addingTimeInterval(86_400 * 10)))
        let credentials = ChorusCredentials(clientID: "leak-check-app", clientSecret: Self.secret, technicalLogin: login,
                                            technicalPassword: Self.password)
        let capture = CapturingMiddleware()
        let events = LockedBox([String]())
        let configuration = ChorusConfiguration(
            environment: MockTransport.environment, credentials: credentials, transport: MockTransport(fake: fake),
            retryPolicy: RetryPolicy(baseDelay: .milliseconds(1)), middlewares: [capture],
            logger: { event in events.withLock { $0.append(event.description) } })
        let client = try ChorusClient(configuration: configuration)

        var texts: [String] = []
        // The journey, with a few failures on the way to exercise error paths.
        await fake.inject(.status(503, body: #"{"echo":"\#(Self.secret)"}"#), on: "/cpro/structures/v1/rechercher")
        let opera = try await client.structures.recipient(siret: "78439607900054", serviceCode: "DIRECTION_ACHATS")
        texts.append(opera.summary)
        let upload = try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "F2026-0042.pdf")
        let invoice = try await client.invoices.submit(InvoiceFixtures.pdfSubmission(attachment: upload.attachmentID))
        try await fake.markPaid(invoice.id)
        texts.append("\(try await client.invoices.history(invoiceID: invoice.id))")
        let report = await client.accounts.verifyConnection()
        texts.append(report.summary)
        texts += report.problems.map { "\($0.error) \(String(reflecting: $0.error))" }
        await fake.inject(.businessError(code: 20001, libelle: "mot de passe \(Self.password) refusé"), on: "/cpro/factures/v1/consulter/historique")
        do { _ = try await client.invoices.history(invoiceID: invoice.id) } catch { texts += ["\(error)", String(reflecting: error)] }
        let wrong = try ChorusClient(environment: MockTransport.environment,
                                     credentials: ChorusCredentials(clientID: "leak-check-app", clientSecret: Self.secret + "x",
                                                                    technicalLogin: login, technicalPassword: Self.password),
                                     transport: MockTransport(fake: fake))
        do { _ = try await wrong.references.currencies() } catch { texts += ["\(error)", String(reflecting: error)] }

        texts += capture.lines.withLock { $0 } + events.withLock { $0 }
        texts += [credentials.description, credentials.debugDescription, String(reflecting: credentials), "\(configuration.credentials)",
                  "\(Mirror(reflecting: credentials).children.map { "\($0.value)" })"]
        let journal = await fake.journal
        texts += journal.map(\.description)
        texts += journal.map { entry in "\(HTTPRequest(method: .post, url: MockTransport.environment.apiBaseURL, headers: entry.requestHeaders))" }

        let tokens = journal.compactMap { $0.responseJSON?["access_token"].string }
        #expect(!tokens.isEmpty)
        let secrets = [Self.secret, Self.password, credentials.cproAccountHeaderValue] + tokens
        #expect(texts.count > 40)
        for text in texts {
            for secret in secrets where text.contains(secret) {
                Issue.record("a secret appears in: \(text.prefix(200))")
            }
        }
    }
}
