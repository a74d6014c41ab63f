import Foundation

/// The HTTP method of a request. An open set: Chorus Pro uses `POST` for nearly everything and `GET`
/// for the health check.
public struct HTTPMethod: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The method token, such as `POST`.
    public let rawValue: String
    /// Creates a method from its token.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `GET`.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `POST`.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `PATCH`.
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `DELETE`.
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// The method token.
    public var description: String { rawValue }
}

/// One HTTP request as a transport sends it: a method, an absolute URL, headers and a buffered body.
///
/// Bodies are buffered `Data`, which keeps every request replayable for retries.
///
/// Its description shows the method, URL, headers (credentials redacted) and the body's size, never the body.
public struct HTTPRequest: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL.
    public var url: URL
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body, if any.
    public var body: Data?
    /// Whether sending this request twice is harmless. The pipeline sets it from the operation's declaration
    /// (Chorus Pro sends reads as `POST`, so the method cannot tell). A transport must never send a
    /// non-idempotent request more than once on its own: see ``Transport``.
    public var isIdempotent: Bool

    /// `POST https://… [headers] (n bytes)`.
    public var description: String {
        "\(method) \(url.absoluteString) \(headers) (\(body?.count ?? 0) bytes)"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without the body or credential values.
    public var customMirror: Mirror { Mirror(self, children: ["request": description]) }

    /// Creates a request. `isIdempotent` defaults to `true` for `GET` only: any other request is treated
    /// as a write that must not be sent twice.
    public init(method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: Data? = nil, isIdempotent: Bool? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.isIdempotent = isIdempotent ?? (method == .get)
    }
}
