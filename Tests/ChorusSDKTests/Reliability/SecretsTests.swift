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

    /// Secrets with the characters that change between encodings (`/`, `+`, space, quote, `&`, accents).
    static let awkwardSecret = "CLIENT/se+cr et\"&é-zz91"
    static let awkwardPassword = "PASS/wo+rd &é\"-xx77"

    /// A client on a fake that knows the awkward secrets, warmed so that it holds a token.
    static func awkwardClient() async throws -> (ChorusClient, FakeChorusPro, ChorusCredentials, String) {
        let fake = FakeChorusPro()
        await fake.addApplication(FakeApplication(clientID: "awkward-app", clientSecret: awkwardSecret))
        let login = "TECH_1_\(FakeSeed.supplierSIRET)@cpro.fr"
        await fake.addTechnicalAccount(FakeTechnicalAccount(login: login, password: awkwardPassword, structureID: 26_262_001,
                                                            passwordExpiry: Date().addingTimeInterval(86_400 * 10)))
        let credentials = ChorusCredentials(clientID: "awkward-app", clientSecret: awkwardSecret, technicalLogin: login,
                                            technicalPassword: awkwardPassword)
        let client = try ChorusClient(configuration: ChorusConfiguration(
            environment: MockTransport.environment, credentials: credentials, transport: MockTransport(fake: fake),
            retryPolicy: .none, cachesReferenceData: false))
        _ = try await client.references.countries()
        let bearer = try #require(await fake.journal.last?.requestHeaders["Authorization"]).replacingOccurrences(of: "Bearer ", with: "")
        return (client, fake, credentials, bearer)
    }

    /// Every form a secret can take on the wire or in text.
    static func forms(of secret: String) -> [String: String] {
        var form = CharacterSet.alphanumerics
        form.insert(charactersIn: "-._~")
        let json = String(decoding: (try? JSONEncoder().encode([secret])) ?? Data(), as: UTF8.self).dropFirst(2).dropLast(2)
        let pythonJSON = secret.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case _ where scalar.value > 0x7E: return String(scalar).utf16.map { String(format: "\\u%04x", $0) }.joined()
            default: return String(scalar)
            }
        }.joined()
        return ["raw": secret, "json": String(json), "python-json": pythonJSON,
                "percent": secret.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? secret,
                "form": secret.addingPercentEncoding(withAllowedCharacters: form) ?? secret,
                "base64": Data(secret.utf8).base64EncodedString()]
    }

    static func leaks(in texts: [String], secrets: [String: String]) -> [String] {
        var found: [String] = []
        for text in texts {
            for (name, secret) in secrets {
                for (formName, form) in forms(of: secret) where text.contains(form) {
                    found.append("\(name) (\(formName)) in: \(text.prefix(160))")
                }
            }
        }
        return found
    }

    @Test("print, dump, String(reflecting:) and a recursive Mirror of every SDK value show no secret in any form")
    func presentationsShowNoSecret() async throws {
        let (client, _, credentials, bearer) = try await Self.awkwardClient()
        let values: [Any] = [client, client.configuration, client.invoices, client.structures, client.accounts, client.references,
                             client.pipeline, client.pipeline.scrubber, client.pipeline.classifier, credentials,
                             AccessToken(value: bearer, expiresAt: Date()), client.pipeline.portal,
                             PortalSession(token: bearer, accountID: 1)]
        var texts: [String] = []
        for value in values {
            texts.append("\(value)")
            texts.append(String(reflecting: value))
            var dumped = ""
            dump(value, to: &dumped, maxDepth: 20)
            texts.append(dumped)
            texts += Self.mirrorTexts(value, depth: 0)
        }
        #expect(texts.count > 50)
        let leaks = Self.leaks(in: texts, secrets: ["client secret": Self.awkwardSecret, "technical password": Self.awkwardPassword,
                                                    "cpro-account": credentials.cproAccountHeaderValue, "bearer": bearer])
        #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.prefix(10).joined(separator: "\n"))")
    }

    /// Every child of every mirror, as text, down to `depth` 12.
    static func mirrorTexts(_ value: Any, depth: Int) -> [String] {
        guard depth < 12 else { return [] }
        var texts: [String] = []
        for child in Mirror(reflecting: value).children {
            texts.append("\(child.label ?? "_"): \(child.value) | \(String(reflecting: child.value))")
            texts += mirrorTexts(child.value, depth: depth + 1)
        }
        return texts
    }

    @Test("a server echoing every credential in every form: the errors show none of them",
          arguments: ["raw", "json", "python-json", "percent", "form", "base64"])
    func echoedSecretsAreScrubbed(_ form: String) async throws {
        let (client, fake, credentials, bearer) = try await Self.awkwardClient()
        let secrets = ["client secret": Self.awkwardSecret, "technical password": Self.awkwardPassword,
                       "cpro-account": credentials.cproAccountHeaderValue, "bearer": bearer]
        let echoed = secrets.values.compactMap { Self.forms(of: $0)[form] }.joined(separator: " | ")
        var texts: [String] = []
        for fault in [FakeFault.status(503, body: "upstream said: \(echoed)"), .status(400, body: "{\"detail\":\"\(echoed)\"}"),
                      .businessError(code: 20001, libelle: echoed), .status(200, body: "not json \(echoed)")] {
            await fake.inject(fault, on: "/cpro/transverses/v1/recuperer/pays")
            do {
                _ = try await client.references.countries()
                Issue.record("\(fault) did not fail")
            } catch let error as ChorusError {
                texts += ["\(error)", String(reflecting: error), error.responseBody ?? "", error.apiMessage ?? "", error.message]
                var dumped = ""
                dump(error, to: &dumped)
                texts.append(dumped)
            }
        }
        let leaks = Self.leaks(in: texts, secrets: secrets)
        #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.prefix(10).joined(separator: "\n"))")
    }
}
