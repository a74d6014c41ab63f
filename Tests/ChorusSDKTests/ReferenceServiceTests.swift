import Foundation
import Testing
@testable import ChorusSDK

@Suite("Reference look-ups", .timeLimit(.minutes(10)))
struct ReferenceServiceTests {
    @Test("each look-up goes to its path with its body and decodes the §5.16 shape")
    func lookups() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport)
        transport.enqueue(
            .respond(.json(#"{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeDevises":[{"codeDevise":"EUR","libelleDevise":"Euro européen"}]}"#)),
            .respond(.json(#"{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeTauxTva":[{"codeTauxTva":"TVA1","libelleTauxTva":"Art 293B(FranchiseEnBase)","valeurTauxTva":0},{"codeTauxTva":"TVA5","libelleTauxTva":"20%","valeurTauxTva":"20.0"}]}"#)),
            .respond(.json(#"{"codeRetour":0,"listeCadreFacturation":[{"codeCadreFacturation":"A1_FACTURE_FOURNISSEUR"},{"codeCadreFacturation":"A12_FACTURE_COTRAITANT"}]}"#)),
            .respond(.json(#"{"codeRetour":0,"libelle":"GCU_MSG_01_000","listeModePaiement":[{"modePaiement":"VIREMENT"},{"modePaiement":"ESPECE"}]}"#)),
            .respond(.json(#"{"codeRetour":0,"listeMotifsExonerationTva":{"codeMotifExonerationTva":"E1","libelleMotifExonerationTva":"Exonération"},"nbResultatsParPage":10,"pageCourante":1,"pages":1,"total":1}"#)),
            .respond(.json(#"{"codeRetour":0,"listePays":[{"codePays":"FR","libellePays":"France"}],"champInconnu":42}"#)),
            .respond(.json(#"{"codeRetour":0,"listeTypeIdentifiant":[{"typeIdentifiantStructure":"SIRET"},{"typeIdentifiantStructure":"RIDET"}]}"#)),
            .respond(.json(#"{"statusCode":"200"}"#)))

        #expect(try await client.references.currencies() == [Currency(code: "EUR", label: "Euro européen")])
        let rates = try await client.references.vatRates()
        #expect(rates.map(\.code) == ["TVA1", "TVA5"])
        #expect(rates.map(\.percentage) == [Amount(0), Amount(20)])
        #expect(try await client.references.invoicingFrameworks() == [.supplierInvoice, .coContractorInvoice])
        #expect(try await client.references.paymentModes() == [.transfer, .cash])
        #expect(try await client.references.vatExemptionReasons() == [VATExemptionReason(code: "E1", label: "Exonération")])
        #expect(try await client.references.countries() == [Country(code: "FR", label: "France")])
        #expect(try await client.references.structureIdentifierTypes() == [.siret, .ridet])
        #expect(try await client.references.healthCheck() == HealthStatus(isHealthy: true, statusCode: "200"))

        let sent = transport.apiRequests.map { "\($0.method) \($0.url.path) \(String(decoding: $0.body ?? Data(), as: UTF8.self))" }
        #expect(sent == [
            #"POST /cpro/transverses/v1/recuperer/devises {"codeLangue":"FR"}"#,
            #"POST /cpro/transverses/v1/recuperer/tauxtva {"codeLangue":"FR"}"#,
            #"POST /cpro/transverses/v1/recuperer/cadrefacturation {"typeDemandePaiement":"FACTURE"}"#,
            "POST /cpro/transverses/v1/recuperer/modereglements {}",
            #"POST /cpro/transverses/v1/recuperer/motifs/exonerationtva {"codeLangue":"FR"}"#,
            #"POST /cpro/transverses/v1/recuperer/pays {"codeLangue":"FR"}"#,
            "POST /cpro/transverses/v1/recuperer/typeidentifiant/structure {}",
            "GET /cpro/transverses/v1/health-check ",
        ])
        #expect(transport.apiRequests.first?.headers["Content-Type"] == "application/json;charset=utf-8")
    }

    @Test("look-ups are cached per client; the health check is not")
    func caching() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport)
        transport.enqueue(.respond(.json(#"{"codeRetour":0,"listeDevises":[{"codeDevise":"EUR"}]}"#)))
        _ = try await client.references.currencies()
        #expect(try await client.references.currencies() == [Currency(code: "EUR")])
        _ = try await client.references.currencies(language: .english)
        _ = try await client.references.healthCheck()
        _ = try await client.references.healthCheck()
        #expect(transport.apiRequests.count == 4)
    }

    @Test("an unhealthy answer says so")
    func unhealthy() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport)
        transport.enqueue(.respond(.json(#"{"statusCode":"SERVICE_UNAVAILABLE","statusCodeValue":503}"#)))
        #expect(try await client.references.healthCheck().isHealthy == false)
    }
}

@Suite("Environments and transports", .timeLimit(.minutes(10)))
struct EnvironmentTests {
    @Test("sandbox and production use the PISTE hosts")
    func hosts() {
        #expect(ChorusEnvironment.sandbox.oauthURL.absoluteString == "https://sandbox-oauth.piste.gouv.fr/api/oauth/token")
        #expect(ChorusEnvironment.sandbox.apiBaseURL.absoluteString == "https://sandbox-api.piste.gouv.fr")
        #expect(ChorusEnvironment.production.oauthURL.absoluteString == "https://oauth.piste.gouv.fr/api/oauth/token")
        #expect(ChorusEnvironment.production.apiBaseURL.absoluteString == "https://api.piste.gouv.fr")
        #expect(ChorusEnvironment.production.url(forPath: "/cpro/factures/v1/soumettre").absoluteString
                == "https://api.piste.gouv.fr/cpro/factures/v1/soumettre")
    }

    @Test("plain http is refused except for loopback", arguments: [
        ("http://127.0.0.1:8080", true), ("http://localhost:1", true), ("http://[::1]:9", true), ("http://127.1.2.3", true),
        ("http://example.com", false), ("http://10.0.0.1", false), ("http://127.0.0.1.evil.com", false), ("https://example.com", true),
        ("ftp://127.0.0.1", false),
    ])
    func httpOnlyLoopback(_ base: String, _ accepted: Bool) throws {
        let url = try #require(URL(string: base))
        let environment = ChorusEnvironment.custom(apiBaseURL: url, oauthURL: url.appendingPathComponent("api/oauth/token"))
        let transport = ScriptedTransport()
        if accepted {
            #expect(throws: Never.self) { try ChorusClient(environment: environment, credentials: Fixtures.credentials, transport: transport) }
        } else {
            let error = try #require(throws: ChorusError.self) {
                try ChorusClient(environment: environment, credentials: Fixtures.credentials, transport: transport)
            }
            #expect(error.code == .configuration)
            #expect(error.field == "apiBaseURL")
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("URLSessionTransport maps a refused connection to cannotConnect")
    func urlSessionRefused() async throws {
        let transport = URLSessionTransport()
        let request = HTTPRequest(method: .post, url: try #require(URL(string: "http://127.0.0.1:9/cpro/x")), body: Data("{}".utf8))
        let error = await #expect(throws: TransportError.self) { try await transport.send(request) }
        #expect(error?.kind == .cannotConnect)
    }
}
