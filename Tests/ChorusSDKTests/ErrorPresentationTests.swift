import ChorusMock
import ChorusSDKCurl
import Foundation
import Testing
@testable import ChorusSDK

/// What a developer sees of an error: `localizedDescription`, sentences, the host and port of a network failure,
/// cancellation caught as `CancellationError`; and pointing a client at a server by one URL or by variables.
@Suite("Errors as developers read them; environments from one URL or variables", .timeLimit(.minutes(10)))
struct ErrorPresentationTests {
    @Test("localizedDescription is the SDK's description, in sentences, with failure reason and recovery suggestion")
    func localized() {
        let error = ChorusError(.recipientNotFound, operation: .rechercherStructure,
                                message: "no structure with SIRET 12345678901245 was found on this platform", field: "siret",
                                rule: "recipient.exists")
        #expect(error.localizedDescription == error.description)
        #expect(error.localizedDescription.hasPrefix("ChorusError.recipientNotFound in rechercherStructure: No structure with SIRET"))
        #expect(error.localizedDescription.contains("on this platform. Field siret, rule recipient.exists. Check the identifier"))
        #expect((error as any LocalizedError).failureReason == "No structure with SIRET 12345678901245 was found on this platform.")
        #expect((error as any LocalizedError).recoverySuggestion == error.advice)
        let rejected = ChorusError(.rejected, operation: .soumettreFacture, message: "Chorus Pro refused the request (codeRetour 20001).",
                                   httpStatus: 200, apiReturnCode: 20001, apiMessage: "GDP_MSG_11.005")
        #expect(rejected.description == "ChorusError.rejected in soumettreFacture: Chorus Pro refused the request (codeRetour 20001). "
                + "HTTP status 200. Chorus Pro answered codeRetour 20001, « GDP_MSG_11.005 ». " + rejected.advice)
        // Every sentence ends before the next starts: no "platform Field", no "-1004 Check".
        for text in [error.description, rejected.description] {
            #expect(text.range(of: #"[a-z0-9)»] [A-Z][a-z]+ "#, options: .regularExpression) == nil || text.contains(". "), "\(text)")
            #expect(!text.contains(" Field:") && !text.contains(".."))
        }
    }

    @Test("a network failure names the host and port, on both HTTP transports", arguments: [TransportKind.urlSession, .curl])
    func hostAndPort(_ kind: TransportKind) async throws {
        let transport: any Transport = kind == .curl ? CurlTransport() : URLSessionTransport()
        let environment = ChorusEnvironment.custom(baseURL: try requireURL("http://127.0.0.1:9"))
        let client = try ChorusClient(configuration: ChorusConfiguration(environment: environment, credentials: MockTransport.credentials,
                                                                         transport: transport, retryPolicy: .none))
        let error = try await #require(throws: ChorusError.self) { try await client.references.countries() }
        #expect(error.code == .cannotConnect)
        #expect(error.message.contains("127.0.0.1:9"), "\(error.message)")
        #expect(error.localizedDescription.contains("Could not connect to 127.0.0.1:9"), "\(error.localizedDescription)")
    }

    @Test("cancelling the caller's task ends the call with CancellationError, as Swift code expects", arguments: TransportKind.allCases)
    func cancellation(_ kind: TransportKind) async throws {
        let harness = try kind.harness()
        defer { harness.finish() }
        let client = try harness.client(retry: .default)
        _ = try await client.references.currencies()  // the token first
        // A long latency rather than `.hang`: the server's side of the exchange ends on its own, so the harness can
        // shut the server down even when the client's transport keeps the connection open after the cancellation.
        await harness.fake.inject(.latency(.seconds(5)), on: "/cpro/transverses/v1/recuperer/pays")
        let task = Task { try await client.references.countries() }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        do {
            _ = try await task.value
            Issue.record("the call was not cancelled")
        } catch is CancellationError {
            // expected
        } catch {
            Issue.record("cancellation ended as \(error)")
        }
    }

    @Test("one URL points a client at chorus-mock-server; CHORUS_API_URL and CHORUS_OAUTH_URL do it from the environment")
    func environments() throws {
        let base = try requireURL("http://127.0.0.1:8787")
        #expect(ChorusEnvironment.custom(baseURL: base).oauthURL.absoluteString == "http://127.0.0.1:8787/api/oauth/token")
        #expect(try ChorusEnvironment.fromEnvironment([:]) == .sandbox)
        #expect(try ChorusEnvironment.fromEnvironment(["CHORUS_API_URL": "http://127.0.0.1:8787"]) == .custom(baseURL: base))
        let both = try ChorusEnvironment.fromEnvironment(["CHORUS_API_URL": "https://proxy.example/api",
                                                          "CHORUS_OAUTH_URL": "https://proxy.example/token"])
        #expect(both.oauthURL.absoluteString == "https://proxy.example/token")
        let lone = #expect(throws: ChorusError.self) { try ChorusEnvironment.fromEnvironment(["CHORUS_OAUTH_URL": "https://x.example/t"]) }
        #expect(lone?.code == .configuration && lone?.field == "CHORUS_API_URL")
        let bad = #expect(throws: ChorusError.self) { try ChorusEnvironment.fromEnvironment(["CHORUS_API_URL": "not a url"]) }
        #expect(bad?.code == .configuration)
    }
}
