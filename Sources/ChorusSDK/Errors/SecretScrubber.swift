import Foundation

/// Removes secrets from text before it is stored in an error or a log: the known secret strings of
/// the client's credentials and tokens, and anything shaped like a token, a secret or a password field.
package struct SecretScrubber: Sendable {
    private let secrets: [String]

    /// Most characters of a body kept in an error.
    package static let maximumBodyLength = 2_000

    package init(secrets: [String]) {
        // Longest first, so that a secret containing another is replaced whole.
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    private static let patterns: [NSRegularExpression] = [
        #"("(?:access_token|refresh_token|id_token|client_secret|clientSecret|password|motDePasse|motDePasseTechnique|jetonSession|jetonActivation|token)"\s*:\s*")[^"]*(")"#,
        #"((?:access_token|client_secret|password)=)[^&\s]*()"#,
        #"((?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]+()"#,
    ].compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// `text` with every secret replaced by `<redacted>`.
    package func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets { result = result.replacingOccurrences(of: secret, with: "<redacted>") }
        for pattern in Self.patterns {
            let range = NSRange(result.startIndex..., in: result)
            result = pattern.stringByReplacingMatches(in: result, range: range, withTemplate: "$1<redacted>$2")
        }
        return result
    }

    /// The first bytes of a body as scrubbed text, or `nil` when empty.
    package func excerpt(of body: Data) -> String? {
        guard !body.isEmpty else { return nil }
        let head = body.prefix(Self.maximumBodyLength * 2)
        let text = String(decoding: head, as: UTF8.self)
        let scrubbed = scrub(text)
        let cut = scrubbed.count > Self.maximumBodyLength || head.count < body.count
        return cut ? String(scrubbed.prefix(Self.maximumBodyLength)) + "…(truncated)" : scrubbed
    }
}
