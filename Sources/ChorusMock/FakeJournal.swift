import ChorusSDK
import Foundation

/// One exchange the fake saw: the request exactly as received, and what it answered.
public struct FakeJournalEntry: Sendable, CustomStringConvertible {
    /// `GET`, `POST`…
    public var method: String
    /// The URL path.
    public var path: String
    /// Request header fields.
    public var requestHeaders: HTTPHeaders
    /// Request body bytes.
    public var requestBody: Data
    /// The answer's status, or `nil` when the connection was dropped.
    public var responseStatus: Int?
    /// The answer's body.
    public var responseBody: Data
    /// The fault applied, if any.
    public var fault: FakeFault?
    /// Credentials the fake knew when it recorded the entry, removed from ``description``.
    var knownSecrets: [String] = []

    /// The request body as JSON, when it is JSON.
    public var requestJSON: JSONValue? { JSONValue.parse(requestBody) }
    /// The answer's body as JSON, when it is JSON.
    public var responseJSON: JSONValue? { JSONValue.parse(responseBody) }

    /// A printable line with every credential removed: the `Authorization` and `cpro-account`
    /// values, the token form's secret, and tokens in answers.
    public var description: String {
        let headers = requestHeaders.map { field in
            Self.credentialHeaders.contains(field.name.lowercased()) ? "\(field.name): <redacted>" : "\(field.name): \(field.value)"
        }
        let text = "\(method) \(path) [\(headers.joined(separator: "; "))] \(Self.redacted(requestBody)) → "
            + (responseStatus.map { "\($0) \(Self.redacted(responseBody))" } ?? "dropped")
        return knownSecrets.filter { $0.count >= 4 }.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }

    static let credentialHeaders: Set<String> = ["authorization", "cpro-account", "portail-session"]

    static let secretPatterns: [NSRegularExpression] = [
        #"((?:client_secret|password|motDePasse|access_token|clientSecret|motDePasseTechnique)"?\s*[:=]\s*"?)[^"&,}\s]*"#,
    ].compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    static func redacted(_ body: Data) -> String {
        var text = String(decoding: body.prefix(512), as: UTF8.self)
        for pattern in secretPatterns {
            text = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                    withTemplate: "$1<redacted>")
        }
        return body.count > 512 ? text + "…" : text
    }
}

/// The fake's record of exchanges, bounded so that a long-running `chorus-mock-server` never grows without
/// limit: at most ``capacity`` entries and about ``byteCapacity`` bytes of bodies; the oldest go first.
struct JournalBuffer: Sendable {
    /// Most entries kept.
    var capacity: Int
    /// Most request and answer body bytes kept (the newest entry is always kept whole).
    var byteCapacity: Int
    private var storage: [FakeJournalEntry] = []
    private var start = 0
    private var bytes = 0

    init(capacity: Int = 10_000, byteCapacity: Int = 256 * 1024 * 1024) {
        self.capacity = capacity
        self.byteCapacity = byteCapacity
    }

    /// The entries kept, oldest first.
    var entries: [FakeJournalEntry] { Array(storage[start...]) }
    /// How many entries are kept.
    var count: Int { storage.count - start }

    mutating func append(_ entry: FakeJournalEntry) {
        storage.append(entry)
        bytes += Self.size(of: entry)
        while count > max(capacity, 1) || (bytes > byteCapacity && count > 1) {
            bytes -= Self.size(of: storage[start])
            start += 1
        }
        if start > 1024 && start * 2 > storage.count {  // compact now and then: appends stay O(1) on average
            storage.removeFirst(start)
            start = 0
        }
    }

    mutating func removeAll() {
        storage.removeAll()
        start = 0
        bytes = 0
    }

    private static func size(of entry: FakeJournalEntry) -> Int { entry.requestBody.count + entry.responseBody.count + 256 }
}
