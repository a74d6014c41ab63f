import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

@Suite("ChorusMock: gateway")
struct FakeGatewayTests {
    @Test("the token endpoint issues bearer tokens and refuses a wrong client")
    func tokens() async throws {
        let raw = RawFake()
        let good = try await raw.token()
        #expect(good.status == 200)
        #expect(good.json["token_type"] == "Bearer")
        #expect(good.json["expires_in"] == 3600)
        #expect(good.json["scope"] == "openid")
        let bad = try await raw.token(secret: "wrong")
        #expect(bad.status == 401)
        #expect(bad.json["error"] == "invalid_client")
        let notForm = try await raw.send(.post, "/api/oauth/token", headers: ["Content-Type": "application/json"], body: Data("{}".utf8))
        #expect(notForm.status == 415)
    }

    @Test("every /cpro call checks bearer, subscription, technical account, path, content type and size")
    func gatewayChecks() async throws {
        let fake = FakeChorusPro()
        let raw = RawFake(fake)
        let token = try await raw.bearer()
        let path = "/cpro/transverses/v1/recuperer/devises"
        let json: HTTPHeaders = ["Content-Type": "application/json"]
        var headers = json
        headers["cpro-account"] = RawFake.account()

        #expect(try await raw.send(.post, path, headers: headers, body: Data("{}".utf8)).status == 401)  // no bearer
        headers["Authorization"] = "Bearer \(token)"
        #expect(try await raw.send(.post, path, headers: headers, body: Data("{}".utf8)).status == 200)

        var wrongAccount = headers
        wrongAccount["cpro-account"] = RawFake.account(FakeSeed.technicalLogin, "nope")
        let refused = try await raw.send(.post, path, headers: wrongAccount, body: Data("{}".utf8))
        #expect(refused.status == 401)
        #expect(refused.headers["www-authenticate"] == #"Bearer realm="PISTE",error="Unauthorized",error_description="login or password incorrects""#)

        #expect(try await raw.send(.post, "/cpro/transverses/v1/nexistepas", headers: headers, body: Data("{}".utf8)).status == 404)
        var textPlain = headers
        textPlain["Content-Type"] = "text/plain"
        #expect(try await raw.send(.post, path, headers: textPlain, body: Data("{}".utf8)).status == 415)
        #expect(try await raw.send(.post, path, headers: headers, body: Data("{not json".utf8)).status == 400)

        await fake.configure { $0.maximumBodySize = 10 }
        #expect(try await raw.send(.post, path, headers: headers, body: Data(#"{"codeLangue":"FR"}"#.utf8)).status == 413)
        await fake.configure { $0.maximumBodySize = 1_000_000 }

        await fake.addApplication(FakeApplication(clientID: FakeSeed.clientID, clientSecret: FakeSeed.clientSecret,
                                                  subscriptions: ["structures"]))
        let forbidden = try await raw.send(.post, path, headers: headers, body: Data("{}".utf8))
        #expect(forbidden.status == 403)
        #expect(forbidden.body.isEmpty)
    }

    @Test("tokens expire on the fake's clock")
    func tokenExpiry() async throws {
        let fake = FakeChorusPro()
        let raw = RawFake(fake)
        let token = try await raw.bearer()
        let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "cpro-account": RawFake.account(), "Content-Type": "application/json"]
        #expect(try await raw.send(.post, "/cpro/transverses/v1/recuperer/pays", headers: headers, body: Data("{}".utf8)).status == 200)
        await fake.advance(by: 3601)
        #expect(try await raw.send(.post, "/cpro/transverses/v1/recuperer/pays", headers: headers, body: Data("{}".utf8)).status == 401)
    }

    @Test("the health check is a GET answering JSON")
    func healthCheck() async throws {
        let raw = RawFake()
        let token = try await raw.bearer()
        let answer = try await raw.send(.get, "/cpro/transverses/v1/health-check",
                                        headers: ["Authorization": "Bearer \(token)", "cpro-account": RawFake.account()])
        #expect(answer.status == 200)
        #expect(answer.headers["Content-Type"]?.hasPrefix("application/json") == true)
        #expect(answer.json["statusCode"] == "200")
    }

    @Test("the SDK's reference look-ups work against the fake")
    func referencesThroughSDK() async throws {
        let client = try mockClient()
        #expect(try await client.references.currencies().contains(Currency(code: "EUR", label: "Euro européen")))
        let rates = try await client.references.vatRates()
        #expect(rates.first { $0.code == "TVA5" }?.percentage == Amount(20))
        #expect(try await client.references.invoicingFrameworks() == [.supplierInvoice, .alreadyPaidSupplierInvoice,
                                                                      .subcontractorInvoice, .coContractorInvoice])
        #expect(try await client.references.paymentModes().contains(.transfer))
        #expect(try await client.references.vatExemptionReasons().count == 4)
        #expect(try await client.references.countries().contains { $0.code == "FR" })
        #expect(try await client.references.structureIdentifierTypes().contains(.privatePerson))
        #expect(try await client.references.healthCheck().isHealthy == true)
    }

    @Test("every fault kind does what it says", arguments: ["status", "business", "malformed", "dropBefore", "expire", "latency"])
    func faults(_ kind: String) async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake, retry: .none, configure: { $0.cachesReferenceData = false })
        _ = try await client.references.countries()  // token in hand
        let path = "/cpro/transverses/v1/recuperer/pays"
        switch kind {
        case "status":
            await fake.inject(.status(503, retryAfter: 9), on: path)
            let error = await #expect(throws: ChorusError.self) { try await client.references.countries() }
            #expect(error?.code == .serverError && error?.retryAfter == .seconds(9))
        case "business":
            await fake.inject(.businessError(code: 20001, libelle: "GDP_MSG_11.005"), on: path)
            let error = await #expect(throws: ChorusError.self) { try await client.references.countries() }
            #expect(error?.code == .rejected && error?.apiReturnCode == 20001 && error?.httpStatus == 200)
        case "malformed":
            await fake.inject(.malformedJSON, on: path)
            let error = await #expect(throws: ChorusError.self) { try await client.references.countries() }
            #expect(error?.code == .decodingFailed)
        case "dropBefore":
            await fake.inject(.dropBeforeCommit, on: path)
            let error = await #expect(throws: ChorusError.self) { try await client.references.countries() }
            #expect(error?.code == .connectionLost)
        case "expire":
            await fake.inject(.expireToken, on: path)
            #expect(try await client.references.countries().isEmpty == false)  // renewed and retried once
            let tokenCalls = await fake.journal.filter { $0.path == "/api/oauth/token" }.count
            #expect(tokenCalls == 2)
        default:
            await fake.inject(.latency(.seconds(30)), on: path)
            let task = Task { try await client.references.countries() }
            try await Task.sleep(for: .milliseconds(50))
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
        }
    }

    @Test("business errors can come as HTTP 400, and the SDK reads both")
    func businessErrorAs400() async throws {
        let fake = FakeChorusPro(options: FakeChorusPro.Options(businessErrorStatus: 400))
        let raw = RawFake(fake)
        let answer = try await raw.api("/cpro/structures/v1/consulter", ["idStructureCPP": 1])
        #expect(answer.status == 400)
        #expect(answer.json["codeRetour"] == 20001)
    }

    @Test("the journal records each exchange; its printable form hides credentials")
    func journal() async throws {
        let fake = FakeChorusPro()
        let client = try mockClient(fake)
        _ = try await client.references.paymentModes()
        let journal = await fake.journal
        #expect(journal.map(\.path) == ["/api/oauth/token", "/cpro/transverses/v1/recuperer/modereglements"])
        #expect(journal[1].requestHeaders["cpro-account"] == RawFake.account())
        #expect(journal[1].requestJSON == [:])
        #expect(journal[1].responseStatus == 200)
        let printed = journal.map(\.description).joined(separator: "\n")
        for secret in [FakeSeed.clientSecret, FakeSeed.technicalPassword, RawFake.account()] {
            #expect(!printed.contains(secret), "leak: \(printed)")
        }
        let token = journal[0].responseJSON?["access_token"].string ?? "missing"
        #expect(!printed.contains(token))
    }
}
