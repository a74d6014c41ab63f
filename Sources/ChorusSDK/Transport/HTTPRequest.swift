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
/// Bodies are buffered `Data`, or a temporary file for large uploads (``bodyFile``); both keep every request
/// replayable for retries.
///
/// Its description shows the method, URL, headers (credentials redacted) and the body's size, never the body.
public struct HTTPRequest: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL.
    public var url: URL
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body, if any. For a body in a file (``bodyFile``), reading loads the file into memory: transports that
    /// can send from a file read ``bodyFile`` first. Setting it replaces any body file.
    public var body: Data? {
        get { storedBody ?? bodyFile?.contents() }
        set {
            storedBody = newValue
            bodyFile = nil
        }
    }
    /// A body written to a temporary file (large uploads), sent from there by the SDK's transports.
    public private(set) var bodyFile: HTTPBodyFile?
    private var storedBody: Data?

    /// The body's size in bytes, without loading a body file.
    public var bodyCount: Int { bodyFile?.count ?? storedBody?.count ?? 0 }
    /// Whether sending this request twice is harmless. The pipeline sets it from the operation's declaration
    /// (Chorus Pro sends reads as `POST`, so the method cannot tell). A transport must never send a
    /// non-idempotent request more than once on its own: see ``Transport``.
    public var isIdempotent: Bool

    /// `POST https://… [headers] (n bytes)`.
    public var description: String {
        "\(method) \(url.absoluteString) \(headers) (\(bodyCount) bytes)"
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
        self.storedBody = body
        self.isIdempotent = isIdempotent ?? (method == .get)
    }

    /// Creates a request whose body is in a temporary file (see ``HTTPBodyFile``).
    public init(method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], bodyFile: HTTPBodyFile, isIdempotent: Bool? = nil) {
        self.init(method: method, url: url, headers: headers, body: nil, isIdempotent: isIdempotent)
        self.bodyFile = bodyFile
    }
}
