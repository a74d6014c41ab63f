/// A small JSON value for request bodies that do not deserve their own type
/// (`{"idStructureCPP": 26300989, "codeLangue": "FR"}`).
package enum WireValue: Encodable, Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    case string(String)
    case int(Int)
    case bool(Bool)
    case amount(Amount)
    case page(PageRequest)
    case object([String: WireValue])
    case array([WireValue])
    case null

    package init(stringLiteral value: String) { self = .string(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }

    /// A string, or `null` when absent.
    package static func text(_ value: String?) -> WireValue { value.map(WireValue.string) ?? .null }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .amount(let value): try container.encode(value)
        case .page(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

/// A request body built from ``WireValue``s.
package typealias WireObject = [String: WireValue]
