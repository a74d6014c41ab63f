import Foundation

/// Removes secrets from text before it is stored in an error or a log: the client's credentials and the
/// bearer tokens it obtained, in every form a server may echo them (raw, JSON-escaped, percent-encoded,
/// Base64), and anything shaped like a token, a secret or a password field.
///
/// Its own description, debug description and mirror show no secret (it holds them all).
package struct SecretScrubber: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The fixed secrets (credentials).
    private let secrets: [String]
    /// The bearer tokens seen lately (the current one and a few before it), and every form of every secret
    /// and token, longest first — recomputed when a token is remembered, not on each scrub.
    private let state: LockedBox<(tokens: [String], forms: [String])>

    /// Most characters of a body kept in an error.
    package static let maximumBodyLength = 2_000
    /// Tokens remembered for scrubbing: a revoked token echoed later is still a secret.
    private static let rememberedTokens = 8

    package init(secrets: [String]) {
        self.secrets = secrets
        state = LockedBox(([], Self.forms(of: secrets)))
    }

    /// Adds a bearer token to the secrets (called for each token obtained).
    package func remember(token: String) {
        state.withLock { state in
            state.tokens.removeAll { $0 == token }
            state.tokens.append(token)
            if state.tokens.count > Self.rememberedTokens { state.tokens.removeFirst(state.tokens.count - Self.rememberedTokens) }
            state.forms = Self.forms(of: secrets + state.tokens)
        }
    }

    /// The raw, JSON-escaped, percent-encoded (query and form styles, both hex cases) and Base64 (standard
    /// and URL-safe, padded or not) forms of each secret of at least 4 characters, longest first so a
    /// secret containing another is replaced whole.
    static func forms(of secrets: [String]) -> [String] {
        var forms = Set<String>()
        for secret in secrets where secret.count >= 4 {
            forms.insert(secret)
            // JSON as Foundation writes it (`\/`), as most servers do (`/`), and ASCII-only (`\u00e9`, Python's default).
            for asciiOnly in [false, true] {
                let escaped = jsonEscaped(secret, asciiOnly: asciiOnly)
                forms.insert(escaped)
                forms.insert(escaped.replacingOccurrences(of: "\\/", with: "/"))
            }
            var formAllowed = CharacterSet.alphanumerics
            formAllowed.insert(charactersIn: "-._~")
            for allowed in [CharacterSet.urlQueryAllowed, formAllowed, CharacterSet.urlPathAllowed] {
                if let encoded = secret.addingPercentEncoding(withAllowedCharacters: allowed) {
                    forms.insert(encoded)
                    forms.insert(lowercasingPercentEscapes(encoded))
                    forms.insert(encoded.replacingOccurrences(of: "%20", with: "+"))
                }
            }
            let base64 = Data(secret.utf8).base64EncodedString()
            let unpadded = base64.trimmingCharacters(in: CharacterSet(charactersIn: "="))
            forms.insert(base64)
            forms.insert(unpadded)
            forms.insert(unpadded.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"))
        }
        return forms.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// The string as a JSON encoder writes it inside quotes (`/` escaped too, as Foundation does); with
    /// `asciiOnly`, every non-ASCII character as `\uXXXX` (UTF-16, lower-case hex).
    private static func jsonEscaped(_ text: String, asciiOnly: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "/": result += "\\/"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            case _ where asciiOnly && scalar.value > 0x7E:
                for unit in String(scalar).utf16 { result += String(format: "\\u%04x", unit) }
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func lowercasingPercentEscapes(_ text: String) -> String {
        var result = ""
        var pending = 0
        for character in text {
            if character == "%" { pending = 2; result.append(character); continue }
            if pending > 0 { pending -= 1; result += character.lowercased(); continue }
            result.append(character)
        }
        return result
    }

    private static let patterns: [NSRegularExpression] = [
        #"("(?:access_token|refresh_token|id_token|client_secret|clientSecret|password|motDePasse|motDePasseTechnique|jetonSession|jetonActivation|token)"\s*:\s*")[^"]*(")"#,
        #"((?:access_token|client_secret|password)=)[^&\s]*()"#,
        #"((?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]+()"#,
    ].compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// `text` with every secret replaced by `<redacted>`.
    package func scrub(_ text: String) -> String {
        var result = text
        let forms = state.withLock { $0.forms }
        for form in forms where result.contains(form) {
            result = result.replacingOccurrences(of: form, with: "<redacted>")
        }
        for pattern in Self.patterns {
            let range = NSRange(result.startIndex..., in: result)
            result = pattern.stringByReplacingMatches(in: result, range: range, withTemplate: "$1<redacted>$2")
        }
        return result
    }

    /// The first bytes of a body as scrubbed text, or `nil` when empty.
    package func excerpt(of body: Data) -> String? {
        guard !body.isEmpty else { return nil }
        let head = body.prefix(Self.maximumBodyLength * 4 + 1024)  // enough bytes for 2,000 characters of any width
        let text = String(decoding: head, as: UTF8.self)
        let scrubbed = scrub(text)
        let cut = scrubbed.count > Self.maximumBodyLength || head.count < body.count
        return cut ? String(scrubbed.prefix(Self.maximumBodyLength)) + "…(truncated)" : scrubbed
    }

    package var description: String { "SecretScrubber(<redacted>)" }
    package var debugDescription: String { description }
    package var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
