import Foundation

/// An exact decimal amount of money, a quantity or a rate, wrapping `Decimal`.
///
/// Built from strings, integers, minor units, a `Decimal`, or a floating-point literal taken exactly as written
/// (`Amount(4.99)` is 4.99, not `Double`'s 4.990000000000001024 that `Decimal(4.99)` would keep); never from a
/// `Double` value at run time (`Amount(someDouble)` does not compile). Decodes from a JSON number or a JSON string
/// (the platform sends both); encodes as an exact JSON number.
///
/// Rounding: ``rounded(scale:)`` rounds half away from zero (`Decimal`'s `.plain`), the rule of
/// EN 16931 and of the invoice totals the SDK computes.
public struct Amount: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByFloatLiteral
{
    /// The exact value.
    public let value: Decimal

    /// Wraps a decimal.
    public init(_ value: Decimal) { self.value = value }

    /// Creates an amount from an integer.
    public init(_ integer: Int) { self.value = Decimal(integer) }

    /// An amount written as a floating-point literal (`3.133`, `Amount(3.133)`), taken exactly as written: the
    /// literal's shortest decimal form (what Swift prints for it), never its binary approximation
    /// (3.132999999999999488), which `Decimal`'s own float literals give. Exact for literals of up to 15
    /// significant digits — every amount Chorus Pro accepts.
    public init(floatLiteral value: Double) {
        self.value = Decimal(string: "\(value)", locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(value)
    }

    /// Not available: a floating-point value is binary, and `Amount(3.133)` would hold 3.132999999999999488. Write
    /// the amount as text (`"3.133"`, `Amount("3.133")`), in minor units (`Amount(minorUnits: 313)`), or as a
    /// `Decimal` built from text.
    @available(
        *, unavailable,
        message: "an amount from a floating-point value is inexact: write it as text (\"3.133\") or in minor units"
    )
    public init(_ value: Double) { self.value = Decimal(value) }

    /// Creates an amount from an integer literal: `let total: Amount = 100`.
    public init(integerLiteral value: Int) { self.init(value) }

    /// Parses a plain decimal string: optional `-`, digits, optional `.` and digits (`"1041.07"`).
    /// Returns `nil` for anything else (commas, exponents, spaces, `NaN`).
    public init?(_ text: String) {
        guard let value = Self.parse(text) else { return nil }
        self.value = value
    }

    /// Creates an amount from a string literal: `let price: Amount = "4.99"`.
    ///
    /// A malformed literal (`"NaN"`, `"1,5"`) never stops the program: it gives an amount that is not a
    /// number (``isFinite`` is `false`), which every validator of the SDK refuses with the rule
    /// `amount.finite` before anything is sent. Use ``init(_:)-(String)`` for text that comes from outside.
    public init(stringLiteral text: String) {
        self.value = Self.parse(text) ?? .nan
    }

    /// Whether the amount is a number (false for a malformed literal or a NaN `Decimal`).
    public var isFinite: Bool { value.isFinite }

    /// Creates an amount from integer minor units: `Amount(minorUnits: 1234)` is `12.34`.
    public init(minorUnits: Int, scale: Int = 2) {
        self.value = Decimal(
            sign: minorUnits < 0 ? .minus : .plus, exponent: -scale,
            significand: Decimal(minorUnits.magnitude))
    }

    /// Zero.
    public static let zero = Amount(0)

    /// The value in minor units (cents for a scale of 2) after rounding half away from zero, or `nil`
    /// when it does not fit an `Int`.
    public func minorUnits(scale: Int = 2) -> Int? {
        let scaled = rounded(scale: scale).value * Self.power(of: 10, scale)
        let candidate = NSDecimalNumber(decimal: scaled).int64Value
        return Decimal(candidate) == scaled ? Int(exactly: candidate) : nil
    }

    /// The amount rounded to `scale` decimals, half away from zero.
    public func rounded(scale: Int = 2) -> Amount {
        var source = value
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, .plain)
        return Amount(result)
    }

    /// The number of decimals written after the point (`"4.90"` parsed gives 1: `Decimal` drops
    /// trailing zeros).
    public var decimalPlaces: Int {
        let text = value.description
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text[text.index(after: point)...].reversed().drop { $0 == "0" }.count
    }

    /// Whether the value is below zero (never for an amount that is not a number).
    public var isNegative: Bool { value.isFinite && value < 0 }

    /// The plain decimal text, without grouping or exponent (`"1041.07"`).
    public var description: String { value.description }

    /// The value with exactly `scale` decimals, rounded half away from zero (`"100.00"`).
    public func formatted(scale: Int = 2) -> String {
        let text = rounded(scale: scale).value.description
        guard scale > 0 else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        return "\(parts[0]).\(fraction.padding(toLength: scale, withPad: "0", startingAt: 0))"
    }

    /// Sum.
    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(lhs.value + rhs.value) }
    /// Difference.
    public static func - (lhs: Amount, rhs: Amount) -> Amount { Amount(lhs.value - rhs.value) }
    /// Exact product (round it with ``rounded(scale:)`` where a rule says so).
    public static func * (lhs: Amount, rhs: Amount) -> Amount { Amount(lhs.value * rhs.value) }
    /// Orders by value.
    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.value < rhs.value }

    /// Decodes a JSON number or a JSON string holding a plain decimal.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let decimal = try? container.decode(Decimal.self) {  // the usual shape first: no error to build
            guard decimal.isFinite else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a finite amount")
            }
            self.value = decimal
        } else if let text = try? container.decode(String.self) {
            guard let value = Self.parse(text.trimmingSpaces()) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "not a decimal amount: \(text)")
            }
            self.value = value
        } else {
            self.value = try container.decode(Decimal.self)  // fails with the error an amount's reader expects
        }
    }

    /// Encodes an exact JSON number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    private static func parse(_ text: String) -> Decimal? {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        let pieces = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !digits.isEmpty, pieces.count <= 2,
            pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            digits.count <= 38
        else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    private static func power(of base: Int, _ exponent: Int) -> Decimal {
        (0..<max(exponent, 0)).reduce(Decimal(1)) { product, _ in product * Decimal(base) }
    }
}
