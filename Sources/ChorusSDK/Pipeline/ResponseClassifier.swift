import Foundation

/// Turns an HTTP answer into either a usable response or a typed ``ChorusError`` (§7 of the
/// reference): business rejections (`codeRetour ≠ 0` in a 200 or a 400), the two 401s (PISTE token vs
/// technical account), 403 not subscribed, 404, 413, 415, 429, 5xx, other statuses.
package struct ResponseClassifier: Sendable {
    package let scrubber: SecretScrubber
    package let clock: ChorusClock

    /// The text PISTE puts in `WWW-Authenticate` when the `cpro-account` login or password is wrong.
    static let technicalAccountRefusal = "login or password incorrect"

    package func classify(_ response: HTTPResponse, endpoint: Endpoint) throws -> HTTPResponse {
        if response.status == 200, Envelope.quickReturnCode(response.body) == 0 { return response }  // the common case
        let envelope = Envelope.read(response.body)
        if envelope?.codeRetourUnreadable == true {
            throw ChorusError(.decodingFailed, operation: endpoint.id, message: "the answer's codeRetour is not a number.",
                              httpStatus: response.status, responseBody: scrubber.excerpt(of: response.body))
        }
        if response.status == 200 {
            guard let code = envelope?.codeRetour, code != 0, !endpoint.emptyResultCodes.contains(code) else {
                return response
            }
            throw error(.rejected, response, endpoint.id, envelope,
                        "Chorus Pro refused the request (codeRetour \(code)).")
        }
        if (200..<300).contains(response.status) {
            throw error(.unexpectedStatus, response, endpoint.id, envelope,
                        "unexpected success status \(response.status); Chorus Pro answers 200.")
        }
        switch response.status {
        case 400:
            if let code = envelope?.codeRetour, code != 0 {
                if endpoint.emptyResultCodes.contains(code) { return response }
                throw error(.rejected, response, endpoint.id, envelope,
                            "Chorus Pro refused the request (codeRetour \(code)).")
            }
            throw error(.badRequest, response, endpoint.id, envelope, "the gateway refused the request as malformed.")
        case 401:
            let challenge = response.headers["WWW-Authenticate"] ?? ""
            if challenge.lowercased().contains(Self.technicalAccountRefusal) {
                throw error(.technicalAccountAuthenticationFailed, response, endpoint.id, envelope,
                            "the Chorus Pro technical account (cpro-account login or password) was refused.")
            }
            throw error(.unauthorized, response, endpoint.id, envelope,
                        "the gateway refused the bearer token.")
        case 403:
            throw error(.notSubscribed, response, endpoint.id, envelope,
                        "access denied: the PISTE application is not subscribed to the \(endpoint.api.displayName) API.")
        case 404:
            throw error(.notFound, response, endpoint.id, envelope, "\(endpoint.path) does not exist on this gateway.")
        case 413:
            throw error(.payloadTooLarge, response, endpoint.id, envelope, "the request is too large for the platform.")
        case 415:
            throw error(.unsupportedMediaType, response, endpoint.id, envelope, "the content type was refused.")
        case 429:
            throw error(.rateLimited, response, endpoint.id, envelope, "too many requests.")
        case 500...599:
            throw error(.serverError, response, endpoint.id, envelope, "the platform answered HTTP \(response.status).")
        default:
            throw error(.unexpectedStatus, response, endpoint.id, envelope, "unexpected HTTP status \(response.status).")
        }
    }

    /// Classifies the PISTE token endpoint's answer: 200 with a token, or the OAuth error.
    package func classifyToken(_ response: HTTPResponse) throws -> TokenAnswer {
        if response.status == 200 {
            do {
                return try JSONDecoder().decode(TokenAnswer.self, from: response.body)
            } catch {
                // The body is not kept, not even scrubbed: a token under a key nobody expected would survive any
                // pattern. Only the answer's shape is (its keys, never a value), and the decoding failure's path.
                throw ChorusError(.decodingFailed, operation: .obtenirJetonOAuth,
                                  message: "the token answer could not be read (\(Self.shape(of: response.body))).",
                                  httpStatus: 200, responseBody: nil, underlyingError: DecodingFailure(error, scrub: scrubber.scrub))
            }
        }
        let oauth = try? JSONDecoder().decode(OAuthErrorAnswer.self, from: response.body)
        let detail = [oauth?.error, oauth?.errorDescription].compactMap { $0 }.joined(separator: ": ")
        if [400, 401].contains(response.status) {
            throw ChorusError(
                .pisteAuthenticationFailed, operation: .obtenirJetonOAuth,
                message: "PISTE refused the OAuth client id or secret" + (detail.isEmpty ? "." : " (\(scrubber.scrub(detail)))."),
                httpStatus: response.status, responseBody: nil)
        }
        var failure = error(response.status == 429 ? .rateLimited : response.status >= 500 ? .serverError
                            : response.status == 403 ? .notSubscribed : .unexpectedStatus,
                            response, .obtenirJetonOAuth, nil,
                            "the PISTE token endpoint answered HTTP \(response.status) (\(Self.shape(of: response.body))).")
        failure.responseBody = nil  // never a token endpoint's body (see above)
        throw failure
    }

    /// What a body looks like, with no value of it: "a JSON object with the keys a, b", "a JSON array of 2 items",
    /// "312 bytes that are not JSON".
    static func shape(of body: Data) -> String {
        guard !body.isEmpty else { return "an empty body" }
        switch try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) {
        case let object as [String: Any]:
            // Only keys that look like names: a key shaped like a token (digits, dots, length) is not shown either.
            let keys = object.keys.sorted().prefix(12).map { key in
                key.count <= 30 && key.allSatisfy({ $0.isLetter || $0 == "_" }) ? key : "(a key not shown)"
            }
            return keys.isEmpty ? "an empty JSON object" : "a JSON object with the keys " + keys.joined(separator: ", ")
        case let array as [Any]: return "a JSON array of \(array.count) item\(array.count == 1 ? "" : "s")"
        case .some: return "a JSON value that is not an object"
        case nil: return "\(body.count) bytes that are not JSON"
        }
    }

    private func error(_ code: ChorusError.Code, _ response: HTTPResponse, _ operation: OperationID,
                       _ envelope: Envelope?, _ message: String) -> ChorusError {
        ChorusError(code, operation: operation, message: message, httpStatus: response.status,
                    apiReturnCode: envelope?.codeRetour, apiMessage: envelope?.libelle.map(scrubber.scrub),
                    responseBody: scrubber.excerpt(of: response.body),
                    retryAfter: RetryPolicy.parseRetryAfter(response.headers["Retry-After"], now: clock.now()))
    }
}

/// The token endpoint's success answer (§2.2).
package struct TokenAnswer: Decodable, Sendable {
    package var accessToken: String
    package var tokenType: String?
    package var expiresIn: Int

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token", tokenType = "token_type", expiresIn = "expires_in"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try container.decode(String.self, forKey: .accessToken)
        tokenType = try container.decodeIfPresent(String.self, forKey: .tokenType)
        // `expires_in` is a number per the reference (a numeric string is read too). Absent, PISTE's documented hour is
        // assumed: a token refused earlier is renewed on its 401 anyway. Present but unreadable, the answer fails.
        expiresIn = try container.decodeLenientInt(forKey: .expiresIn) ?? 3600
        guard !accessToken.isEmpty, expiresIn > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .accessToken, in: container,
                                                   debugDescription: "empty token or non-positive lifetime")
        }
    }
}

/// The token endpoint's error answer: `{"error": …, "error_description": …}`.
private struct OAuthErrorAnswer: Decodable {
    var error: String?
    var errorDescription: String?
    private enum CodingKeys: String, CodingKey { case error, errorDescription = "error_description" }
}

/// A `DecodingError` reduced to its description, since `DecodingError` is not `Sendable`.
///
/// The description can quote a value from the answer (a lenient reader's "not a date and time: …"): the SDK builds it
/// with the client's secret scrubber and cuts it at 240 characters.
public struct DecodingFailure: Error, Sendable, CustomStringConvertible {
    /// What did not decode, and where (`listeFactures[1].idFacture`).
    public let description: String

    /// Wraps an error's description, passed through `scrub`.
    public init(_ error: any Error, scrub: (String) -> String = { $0 }) {
        let text: String
        if let decoding = error as? DecodingError {
            switch decoding {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                text = Self.sentence(context.debugDescription, at: context.codingPath)
            case .keyNotFound(let key, let context):
                text = Self.sentence("no \(key.stringValue)", at: context.codingPath)
            @unknown default:
                text = "\(decoding)"
            }
        } else {
            text = "\(error)"
        }
        description = AnswerReading.shortened(scrub(text), to: 240)
    }

    private static func sentence(_ what: String, at path: [any CodingKey]) -> String {
        let place = AnswerReading.render(path)
        return "\(what) at \(place.isEmpty ? "the answer's top level" : place)"
    }
}
