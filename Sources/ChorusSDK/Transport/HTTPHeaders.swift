/// An ordered list of HTTP header fields whose names compare case-insensitively.
///
/// Chorus Pro clients send `cpro-account` and `content-type` in lower case while the platform's
/// documentation spells them `Content-Type`; lookups therefore ignore case, while the original spelling
/// and order are kept for the wire.
///
/// Printing headers (``description``, ``debugDescription``, the mirror) never shows the values of
/// credential headers (`Authorization`, `cpro-account`, `Proxy-Authorization`, `Cookie`, `portail-session`).
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// One header field as it goes on the wire.
    public struct Field: Sendable, Hashable {
        /// The field name, as spelled by whoever set it.
        public var name: String
        /// The field value.
        public var value: String

        /// Creates a field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field]

    /// Creates an empty header list.
    public init() { fields = [] }

    /// Creates a header list from fields, keeping their order.
    public init(_ fields: [Field]) { self.fields = fields }

    /// Creates a header list from a dictionary literal.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The first value for `name`, compared case-insensitively; setting it replaces every field of
    /// that name (or removes them when set to `nil`).
    public subscript(name: String) -> String? {
        get { fields.first { Self.sameName($0.name, name) }?.value }
        set {
            let position = fields.firstIndex { Self.sameName($0.name, name) } ?? fields.endIndex
            fields.removeAll { Self.sameName($0.name, name) }
            guard let newValue else { return }
            fields.insert(Field(name: name, value: newValue), at: Swift.min(position, fields.endIndex))
        }
    }

    /// Every value for `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Adds a field without replacing earlier fields of the same name.
    public mutating func append(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Whether a field of that name is present.
    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Iterates over the fields in order.
    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// Header names whose values are never printed.
    static let credentialNames: Set<String> = ["authorization", "cpro-account", "proxy-authorization", "cookie", "portail-session"]

    /// `[Name: value, …]` with credential values replaced by `<redacted>`.
    public var description: String {
        "[" + fields.map { field in
            "\(field.name): " + (Self.credentialNames.contains(field.name.lowercased()) ? "<redacted>" : field.value)
        }.joined(separator: ", ") + "]"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror showing ``description`` only.
    public var customMirror: Mirror { Mirror(self, children: ["fields": description]) }

    /// Compares two header names the way HTTP does (ASCII case-insensitive).
    static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count && lhs.lowercased() == rhs.lowercased()
    }
}
