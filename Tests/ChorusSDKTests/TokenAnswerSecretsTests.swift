import Foundation
import Testing

@testable import ChorusSDK

/// A token endpoint that answers in an unexpected shape must not leak the token through the error: not in `print`,
/// `dump`, `String(reflecting:)`, `Mirror`, `localizedDescription` or `responseBody`.
@Suite("Secrets: token answers of unexpected shapes")
struct TokenAnswerSecretsTests {
    static let token = "eyJhbGciOiJSUzI1NiJ9.tok3n-V4LUE-9x7q"

    static let shapes: [(String, HTTPResponse)] = [
        ("an unexpected key", HTTPResponse.json(#"{"accessToken":"\#(token)","expires_in":3600}"#)),
        ("nested", HTTPResponse.json(#"{"data":{"access":{"value":"\#(token)"}},"expires_in":3600}"#)),
        ("an array", HTTPResponse.json(#"[{"access_token_value":"\#(token)"}]"#)),
        (
            "form-encoded",
            HTTPResponse(
                status: 200, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: Data("access_token=\(token)&expires_in=3600".utf8))
        ),
        (
            "HTML",
            HTTPResponse(
                status: 200, headers: ["Content-Type": "text/html"], body: Data("<html><p>\(token)</p></html>".utf8))
        ),
        (
            "JSON with the token twice",
            HTTPResponse.json(#"{"jwt":"\#(token)","again":"\#(token)","expires_in":"soon"}"#)
        ),
        ("an error status with the token", HTTPResponse.json(#"{"tok":"\#(token)"}"#, status: 502)),
    ]

    @Test("no shape of token answer leaks the token", arguments: shapes.indices)
    func noLeak(_ index: Int) async throws {
        let (name, answer) = Self.shapes[index]
        let transport = ScriptedTransport()
        transport.enqueueToken(.respond(answer))
        let client = try Fixtures.client(transport, retry: .none)
        let error = try await #require(throws: ChorusError.self, "\(name)") { try await client.references.currencies() }
        var dumped = ""
        dump(error, to: &dumped)
        let texts = [
            "\(error)", String(reflecting: error), dumped, error.localizedDescription, error.responseBody ?? "",
            "\(Mirror(reflecting: error).children.map { "\($0.label ?? ""): \($0.value)" })",
        ]
        for text in texts {
            #expect(!text.contains("tok3n-V4LUE"), "\(name) leaks the token: \(text)")
        }
        #expect(error.message.isEmpty == false && !error.message.contains("tok3n"), "\(name): \(error.message)")
        print("token answer \(name): \(error.code) — \(error.message)")
    }
}
