import Foundation

/// A JSON document as the fake reads and writes it, with exact decimal numbers.
///
/// The fake deliberately does not reuse the SDK's Codable models: it reads the wire format on its own,
/// so a mistake in the SDK's encoding is caught instead of mirrored.
public enum JSONValue: Sendable, Hashable, Codable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// JSON null.
    case null
    /// JSON bool.
    case bool(Bool)
    /// JSON number.
    case number(Decimal)
    /// JSON string.
    case string(String)
    /// JSON array.
    case array([JSONValue])
    /// JSON object.
    case object([String: JSONValue])

    /// Creates a value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates a value.
    public init(integerLiteral value: Int) { self = .number(Decimal(value)) }
    /// Creates a value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Creates a value.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Creates a value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// Creates a value.
    public init(nilLiteral: ()) { self = .null }

    /// Wraps an optional string (`null` when absent).
    public static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    /// Wraps an integer.
    public static func int(_ value: Int) -> JSONValue { .number(Decimal(value)) }
    /// Wraps an optional decimal.
    public static func decimal(_ value: Decimal?) -> JSONValue { value.map(JSONValue.number) ?? .null }

    /// Creates a value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Decimal.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let list = try? container.decode([JSONValue].self) { self = .array(list) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let list): try container.encode(list)
        case .object(let object): try container.encode(object)
        }
    }

    /// Parses JSON bytes; `nil` when they are not JSON.
    public static func parse(_ data: Data) -> JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: data) }

    /// Serialises with sorted keys.
    public var data: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    // MARK: Reading

    /// The member `key` of an object (`.null` otherwise).
    public subscript(key: String) -> JSONValue {
        get { if case .object(let object) = self { return object[key] ?? .null } else { return .null } }
        set {
            guard case .object(var object) = self else { return }
            object[key] = newValue
            self = .object(object)
        }
    }

    /// The element at `index` of an array (`.null` otherwise or out of range).
    public subscript(index: Int) -> JSONValue {
        if case .array(let list) = self, list.indices.contains(index) { return list[index] }
        return .null
    }

    /// Whether the value is `null` or absent.
    public var isNull: Bool { self == .null }
    /// The text of a string (not of a number).
    public var string: String? { if case .string(let text) = self { text } else { nil } }
    /// A string, or a number or boolean written as text.
    public var lenientString: String? {
        switch self {
        case .string(let text): text
        case .number(let number): number.description
        case .bool(let flag): String(flag)
        default: nil
        }
    }
    /// A number, or a string holding one.
    public var decimal: Decimal? {
        switch self {
        case .number(let number): number
        case .string(let text): Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        default: nil
        }
    }
    /// An integral number (or numeric string).
    public var int: Int? {
        guard let decimal, decimal == decimal.rounded() else { return nil }
        return Int(exactly: NSDecimalNumber(decimal: decimal).int64Value)
    }
    /// A boolean.
    public var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    /// The elements of an array; a single object counts as one element; `null` as none.
    public var list: [JSONValue] {
        switch self {
        case .array(let list): list
        case .null: []
        default: [self]
        }
    }
    /// The members of an object.
    public var object: [String: JSONValue]? { if case .object(let object) = self { object } else { nil } }
}

extension Decimal {
    /// Rounded to `scale` decimals, half away from zero.
    func rounded(_ scale: Int = 0) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, .plain)
        return result
    }

    /// Number of decimals actually written.
    var decimalPlaces: Int {
        let text = description
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text[text.index(after: point)...].reversed().drop { $0 == "0" }.count
    }
}
