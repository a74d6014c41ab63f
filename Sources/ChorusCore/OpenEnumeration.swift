/// A server-owned set of codes (statuses, frameworks, payment modes…) that stays open: a value the
/// SDK does not know yet decodes and round-trips instead of failing.
///
/// Conforming types are structs with a `rawValue` and static members for the known codes:
///
/// ```swift
/// public struct PaymentMode: OpenEnumeration {
///     public let rawValue: String
///     public init(rawValue: String) { self.rawValue = rawValue }
///     public static let transfer = PaymentMode(rawValue: "VIREMENT")
/// }
/// ```
public protocol OpenEnumeration: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
where RawValue == String {
    /// Creates a value from its wire code, known or not.
    init(rawValue: String)
}

extension OpenEnumeration {
    /// Creates a value from a literal wire code.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// Decodes the wire code as a string.
    public init(from decoder: any Decoder) throws {
        // A code sent as a number (`"codeRetour"`-style drift) is the same code.
        let container = try decoder.singleValueContainer()
        if let code = try? container.decode(String.self) {  // the usual shape first: no error to build
            self.init(rawValue: code)
        } else if let integer = try? container.decode(Int.self) {
            self.init(rawValue: String(integer))
        } else {
            self.init(rawValue: try container.decode(String.self))  // fails with the error a code's reader expects
        }
    }

    /// Encodes the wire code as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The wire code.
    public var description: String { rawValue }
}
