import Foundation

/// The two identities every Chorus Pro API call carries:
///
/// 1. the **PISTE application** (OAuth2 client id and secret, from the PISTE portal), which gets a
///    bearer token;
/// 2. the **Chorus Pro technical account** (login such as `TECH_1_<SIRET>@cpro.fr` and its password,
///    created in the Chorus Pro portal), sent as `cpro-account: base64(login:password)`.
///
/// `description`, `debugDescription` and the mirror never show the secret, the password or the header
/// value: printing credentials or an object holding them is safe.
public struct ChorusCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The PISTE OAuth client id (not secret, but shown only in part).
    public let clientID: String
    /// The PISTE OAuth client secret.
    package let clientSecret: String
    /// The technical account's login.
    public let technicalLogin: String
    /// The technical account's password.
    package let technicalPassword: String

    /// Creates credentials.
    public init(clientID: String, clientSecret: String, technicalLogin: String, technicalPassword: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.technicalLogin = technicalLogin
        self.technicalPassword = technicalPassword
    }

    /// The names of the environment variables read by ``fromEnvironment(_:prefix:)``, without prefix.
    public enum Variable: String, CaseIterable, Sendable {
        /// `CHORUS_PISTE_CLIENT_ID`.
        case clientID = "PISTE_CLIENT_ID"
        /// `CHORUS_PISTE_CLIENT_SECRET`.
        case clientSecret = "PISTE_CLIENT_SECRET"
        /// `CHORUS_TECH_LOGIN`.
        case technicalLogin = "TECH_LOGIN"
        /// `CHORUS_TECH_PASSWORD`.
        case technicalPassword = "TECH_PASSWORD"
    }

    /// Reads `CHORUS_PISTE_CLIENT_ID`, `CHORUS_PISTE_CLIENT_SECRET`, `CHORUS_TECH_LOGIN` and
    /// `CHORUS_TECH_PASSWORD` (or the same names with another prefix).
    ///
    /// - Throws: ``ChorusError/Code/configuration`` naming every missing or empty variable.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        prefix: String = "CHORUS_"
    ) throws -> ChorusCredentials {
        func value(_ variable: Variable) -> String? {
            environment[prefix + variable.rawValue].flatMap { $0.isEmpty ? nil : $0 }
        }
        let missing = Variable.allCases.filter { value($0) == nil }.map { prefix + $0.rawValue }
        guard missing.isEmpty, let id = value(.clientID), let secret = value(.clientSecret),
              let login = value(.technicalLogin), let password = value(.technicalPassword)
        else {
            throw ChorusError(.configuration, operation: .obtenirJetonOAuth,
                              message: "missing environment variable(s): \(missing.joined(separator: ", "))",
                              field: missing.first, rule: "required")
        }
        return ChorusCredentials(clientID: id, clientSecret: secret, technicalLogin: login, technicalPassword: password)
    }

    /// The `cpro-account` header value: Base64 of the UTF-8 bytes of `login:password`.
    package var cproAccountHeaderValue: String {
        Data("\(technicalLogin):\(technicalPassword)".utf8).base64EncodedString()
    }

    /// Every secret string these credentials hold, for scrubbing text.
    package var secrets: [String] { [clientSecret, technicalPassword, cproAccountHeaderValue] }

    /// Shows the client id's first characters and the login; hides the rest.
    public var description: String {
        "ChorusCredentials(clientID: \(Self.hint(clientID)), clientSecret: <redacted>, "
            + "technicalLogin: \(technicalLogin), technicalPassword: <redacted>)"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without secrets.
    public var customMirror: Mirror {
        Mirror(self, children: ["clientID": Self.hint(clientID), "clientSecret": "<redacted>",
                                "technicalLogin": technicalLogin, "technicalPassword": "<redacted>"],
               displayStyle: .struct)
    }

    private static func hint(_ text: String) -> String { String(text.prefix(4)) + "…" }
}
