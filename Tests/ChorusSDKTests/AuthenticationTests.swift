import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

@Suite("Authentication")
struct AuthenticationTests {
    @Test("the token request is a client-credentials form with scope openid")
    func tokenRequestShape() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport)
        _ = try await client.references.paymentModes()

        let token = try #require(transport.tokenRequests.first)
        #expect(token.method == .post)
        #expect(token.url.absoluteString == "http://127.0.0.1:9/api/oauth/token")
        #expect(token.headers["content-type"] == "application/x-www-form-urlencoded")
        let form = String(decoding: token.body ?? Data(), as: UTF8.self)
        #expect(form == "grant_type=client_credentials&client_id=client-7f3a9c&client_secret=S3CRET-client-zq81&scope=openid")
    }

    @Test("every API call carries the bearer and the cpro-account header")
    func bothHeaders() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport, configure: { $0.cachesReferenceData = false })
        _ = try await client.references.paymentModes()
        _ = try await client.references.currencies()
        _ = try await client.references.healthCheck()

        #expect(transport.apiRequests.count == 3)
        let expectedAccount = Data("TECH_1_12345678901234@cpro.fr:P4ss-tech-wx42".utf8).base64EncodedString()
        for request in transport.apiRequests {
            #expect(request.headers["Authorization"] == "Bearer tok-1")
            #expect(request.headers["CPRO-ACCOUNT"] == expectedAccount)
        }
        #expect(transport.tokenRequests.count == 1)
    }

    @Test("100 concurrent calls on a cold client make one token request")
    func singleFlight() async throws {
        let transport = ScriptedTransport(tokenDelay: .milliseconds(50))
        let client = try Fixtures.client(transport, configure: { $0.cachesReferenceData = false })
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<100 { group.addTask { _ = try await client.references.paymentModes() } }
            try await group.waitForAll()
        }
        #expect(transport.tokenRequests.count == 1)
        #expect(transport.apiRequests.count == 100)
    }

    @Test("a token is renewed before it expires, not after")
    func renewalBeforeExpiry() async throws {
        let transport = ScriptedTransport(tokenLifetime: 3600)
        let clock = ManualClock()
        let client = try Fixtures.client(transport, clock: clock, configure: { $0.cachesReferenceData = false })
        _ = try await client.references.paymentModes()
        clock.advance(by: 3000)  // 600 s left: still fresh
        _ = try await client.references.paymentModes()
        #expect(transport.tokenRequests.count == 1)
        clock.advance(by: 350)  // 250 s left: inside the 300 s renewal margin
        _ = try await client.references.paymentModes()
        #expect(transport.tokenRequests.count == 2)
        #expect(transport.apiRequests.last?.headers["Authorization"] == "Bearer tok-2")
    }

    @Test("a 401 renews the token and sends again, up to 3 fresh tokens in a row; then unauthorized (without retries)")
    func unauthorizedRetry() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport, retry: .none, configure: { $0.cachesReferenceData = false })
        transport.enqueue(.respond(.json("", status: 401)))
        _ = try await client.references.paymentModes()
        #expect(transport.tokenRequests.count == 2)
        #expect(transport.apiRequests.map { $0.headers["Authorization"] } == ["Bearer tok-1", "Bearer tok-2"])

        // Three refusals in a row are still absorbed (a revocation storm), on a write as on a read.
        transport.enqueue(.respond(.json("", status: 401)), .respond(.json("", status: 401)), .respond(.json("", status: 401)))
        _ = try await client.references.paymentModes()
        #expect(transport.tokenRequests.count == 5)
        #expect(transport.apiRequests.suffix(4).map { $0.headers["Authorization"] } == ["Bearer tok-2", "Bearer tok-3", "Bearer tok-4", "Bearer tok-5"])

        // A fourth refusal of a fresh token is not transient: unauthorized, after 1 + 3 sends.
        transport.enqueue(.respond(.json("", status: 401)), .respond(.json("", status: 401)), .respond(.json("", status: 401)),
                          .respond(.json("", status: 401)))
        let before = transport.apiRequests.count
        let error = try await #require(throws: ChorusError.self) { try await client.references.paymentModes() }
        #expect(error.code == .unauthorized)
        #expect(error.httpStatus == 401)
        #expect(transport.apiRequests.count - before == 4)
        #expect(transport.tokenRequests.count == 8)
    }

    @Test("with the retry policy, a longer revocation storm is absorbed too, on a write as on a read")
    func unauthorizedWithinRetryBudget() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake, retry: RetryPolicy(maximumAttempts: 3, jitter: { _ in .zero })) { $0.cachesReferenceData = false }
        let upload = try await client.invoices.uploadPDF(InvoiceFixtures.operaPDF, fileName: "F2026-0042.pdf")
        for _ in 0..<6 { await fake.inject(.expireToken, on: "/cpro/factures/v1/soumettre") }
        let invoice = try await client.invoices.submit(InvoiceFixtures.pdfSubmission(attachment: upload.attachmentID))
        #expect(await fake.storedInvoices.map(\.id) == [invoice.id])
        for _ in 0..<6 { await fake.inject(.expireToken, on: "/cpro/transverses/v1/recuperer/pays") }
        #expect(try await client.references.countries().count == 9)
    }

    @Test("concurrent calls refused with the same token renew it once")
    func renewOnlyTheCurrentToken() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake) { $0.cachesReferenceData = false }
        _ = try await client.references.countries()
        let tokensBefore = await fake.journal.filter { $0.path.hasSuffix("/oauth/token") }.count
        await fake.revokeAllTokens()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await client.references.countries().count } }
            for try await count in group { #expect(count == 9) }
        }
        let tokensAfter = await fake.journal.filter { $0.path.hasSuffix("/oauth/token") }.count
        // Every one of the 20 calls was refused with the same revoked token; only the first renewal fetched.
        #expect(tokensAfter - tokensBefore == 1)
    }

    @Test("a refused technical account is diagnosed and not retried with a new token")
    func technicalAccountRefused() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport)
        let challenge = #"Bearer realm="PISTE",error="Unauthorized",error_description="login or password incorrects""#
        transport.enqueue(.respond(HTTPResponse(status: 401, headers: ["WWW-Authenticate": challenge])))
        let error = try await #require(throws: ChorusError.self) { try await client.references.currencies() }
        #expect(error.code == .technicalAccountAuthenticationFailed)
        #expect(error.description.contains("CHORUS_TECH_LOGIN"))
        #expect(transport.tokenRequests.count == 1)
        #expect(transport.apiRequests.count == 1)
    }

    @Test("a refused client id/secret is a PISTE error, remembered briefly, then tried again")
    func pisteClientRefused() async throws {
        let transport = ScriptedTransport()
        let clock = ManualClock()
        let client = try Fixtures.client(transport, clock: clock)
        let refusal = #"{"error":"invalid_client","error_description":"Client authentication failed"}"#
        transport.enqueueToken(.respond(.json(refusal, status: 401)))
        let error = try await #require(throws: ChorusError.self) { try await client.references.currencies() }
        #expect(error.code == .pisteAuthenticationFailed)
        #expect(error.operation == .obtenirJetonOAuth)
        #expect(error.httpStatus == 401)
        #expect(error.message.contains("invalid_client"))
        #expect(transport.apiRequests.isEmpty)

        // Within the cooldown the failure is served from memory…
        await #expect(throws: ChorusError.self) { try await client.references.currencies() }
        #expect(transport.tokenRequests.count == 1)
        // …and afterwards the next call asks PISTE again (and succeeds).
        clock.advance(by: 6)
        _ = try await client.references.currencies()
        #expect(transport.tokenRequests.count == 2)
    }

    @Test("credentials come from the environment, and a missing variable is named")
    func credentialsFromEnvironment() throws {
        let full = ["CHORUS_PISTE_CLIENT_ID": "id", "CHORUS_PISTE_CLIENT_SECRET": "secret-value",
                    "CHORUS_TECH_LOGIN": "TECH_1@cpro.fr", "CHORUS_TECH_PASSWORD": "pw-value"]
        let credentials = try ChorusCredentials.fromEnvironment(full)
        #expect(credentials.technicalLogin == "TECH_1@cpro.fr")
        var partial = full
        partial["CHORUS_TECH_PASSWORD"] = ""
        let error = try #require(throws: ChorusError.self) { try ChorusCredentials.fromEnvironment(partial) }
        #expect(error.code == .configuration)
        #expect(error.field == "CHORUS_TECH_PASSWORD")
    }

    @Test("credentials never show their secrets")
    func credentialsRedacted() {
        let credentials = Fixtures.credentials
        let renderings = [credentials.description, credentials.debugDescription, String(describing: credentials),
                          String(reflecting: credentials), "\(Mirror(reflecting: credentials).children.map { "\($0.value)" })"]
        for text in renderings {
            for secret in Fixtures.secrets { #expect(!text.contains(secret), "leak in \(text)") }
        }
    }
}
