import Foundation
import Testing
@testable import ChorusSDK

@Suite("Error classification")
struct ErrorClassificationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let response: HTTPResponse
        let code: ChorusError.Code
        let status: Int
        let codeRetour: Int?
        let libelle: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "business rejection in a 200", response: .json(#"{"codeRetour":20001,"libelle":"GDP_MSG_11.005"}"#),
             code: .rejected, status: 200, codeRetour: 20001, libelle: "GDP_MSG_11.005"),
        Case(name: "business rejection in a 400", response: .json(#"{"codeRetour":"20303","libelle":"Numéro de facture déjà utilisé"}"#, status: 400),
             code: .rejected, status: 400, codeRetour: 20303, libelle: "Numéro de facture déjà utilisé"),
        Case(name: "400 without an envelope", response: .json("bad", status: 400), code: .badRequest, status: 400, codeRetour: nil, libelle: nil),
        Case(name: "403 not subscribed", response: HTTPResponse(status: 403), code: .notSubscribed, status: 403, codeRetour: nil, libelle: nil),
        Case(name: "404", response: .json("", status: 404), code: .notFound, status: 404, codeRetour: nil, libelle: nil),
        Case(name: "413", response: .json("", status: 413), code: .payloadTooLarge, status: 413, codeRetour: nil, libelle: nil),
        Case(name: "415", response: .json("", status: 415), code: .unsupportedMediaType, status: 415, codeRetour: nil, libelle: nil),
        Case(name: "500", response: .json(#"{"codeRetour":99,"libelle":"erreur"}"#, status: 500), code: .serverError, status: 500, codeRetour: 99, libelle: "erreur"),
        Case(name: "302", response: HTTPResponse(status: 302, headers: ["Location": "https://elsewhere"]), code: .unexpectedStatus, status: 302, codeRetour: nil, libelle: nil),
        Case(name: "201", response: .json("{}", status: 201), code: .unexpectedStatus, status: 201, codeRetour: nil, libelle: nil),
    ]

    @Test("each HTTP status and envelope gives its own error", arguments: cases)
    func classification(_ example: Case) async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport, retry: .none)
        transport.enqueue(.respond(example.response))
        let error = try await #require(throws: ChorusError.self) { try await client.references.currencies() }
        #expect(error.code == example.code)
        #expect(error.httpStatus == example.status)
        #expect(error.apiReturnCode == example.codeRetour)
        #expect(error.apiMessage == example.libelle)
        #expect(error.operation == .recupererDevises)
        #expect(!error.advice.isEmpty)
    }

    @Test("429 carries the Retry-After delay")
    func rateLimited() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport, retry: .none)
        transport.enqueue(.respond(.json("", status: 429, headers: ["retry-after": "12"])))
        let error = try await #require(throws: ChorusError.self) { try await client.references.currencies() }
        #expect(error.code == .rateLimited)
        #expect(error.retryAfter == .seconds(12))
        #expect(error.description.contains("12"))
    }

    @Test("a 'no result' code on a search is an empty answer, not an error")
    func noResultIsEmpty() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport, retry: .none)
        transport.enqueue(.respond(.json(#"{"codeRetour":20000,"libelle":"TRA_MSG_00.015"}"#)))
        let response = try await client.pipeline.send(.rechercherStructure, body: nil)
        #expect(response.status == 200)
    }

    @Test("an undecodable answer is a decoding error with the body excerpt")
    func undecodable() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport, retry: .none)
        transport.enqueue(.respond(.json(#"{"codeRetour":0,"listeDevises":[{"libelleDevise":"Euro"}]}"#)))
        let error = try await #require(throws: ChorusError.self) { try await client.references.currencies() }
        #expect(error.code == .decodingFailed)
        #expect(error.responseBody?.contains("libelleDevise") == true)
        #expect(error.underlyingError is DecodingFailure)
    }

    @Test("transport failures map to their own codes", arguments: [
        (TransportError.Kind.cannotConnect, ChorusError.Code.cannotConnect), (.dnsFailure, .cannotConnect),
        (.connectionLost, .connectionLost), (.timedOut, .timedOut), (.tls, .tlsFailure),
        (.responseTooLarge, .responseTooLarge), (.other, .transport),
    ])
    func transportKinds(_ kind: TransportError.Kind, _ code: ChorusError.Code) async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport, retry: .none)
        _ = try await client.references.countries()
        transport.enqueue(.fail(TransportError(kind, "injected")))
        let error = try await #require(throws: ChorusError.self) { try await client.references.currencies() }
        #expect(error.code == code)
        #expect((error.underlyingError as? TransportError)?.kind == kind)
    }

    @Test("no secret appears in any error, even when the server echoes them")
    func noSecretInErrors() async throws {
        let transport = ScriptedTransport()
        let client = try Fixtures.client(transport, retry: .none)
        let account = Fixtures.credentials.cproAccountHeaderValue
        let echo = #"{"codeRetour":1,"libelle":"bad P4ss-tech-wx42","echo":"S3CRET-client-zq81 \#(account)","access_token":"tok-1","authorization":"Bearer tok-1"}"#
        transport.enqueue(.respond(.json(echo, status: 400)))
        let error = try await #require(throws: ChorusError.self) { try await client.references.currencies() }
        transport.enqueueToken(.respond(.json(#"{"error":"invalid_client","error_description":"S3CRET-client-zq81 is wrong"}"#, status: 401)))
        let texts = [error.description, error.debugDescription, error.responseBody ?? "", error.apiMessage ?? ""]
        for text in texts {
            for secret in Fixtures.secrets + ["tok-1"] { #expect(!text.contains(secret), "leak in \(text)") }
        }
        let tokenClient = try Fixtures.client(transport, retry: .none)
        let tokenError = try await #require(throws: ChorusError.self) { try await tokenClient.references.currencies() }
        #expect(tokenError.code == .pisteAuthenticationFailed)
        #expect(!tokenError.debugDescription.contains("S3CRET-client-zq81"))
    }
}
