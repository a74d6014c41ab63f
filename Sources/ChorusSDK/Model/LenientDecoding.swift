import Foundation

// The scalar readings of the platform's inconsistent shapes (§13 of Documentation/PlatformReference.md): code-like
// fields sent as numbers or strings, ids sent as numeric strings, booleans as OUI/NON. AnswerObject reads every field
// through these; what is tolerated and what fails is the policy of AnswerReading.swift.

extension KeyedDecodingContainer {
    /// A text field that may arrive as a string or a number (`codeValideur1`, `CleRib`…); a boolean is not text.
    package func decodeLenientString(forKey key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let text = try? decode(String.self, forKey: key) { return text }
        if let integer = try? decode(Int64.self, forKey: key) { return String(integer) }
        if let decimal = try? decode(Decimal.self, forKey: key) { return decimal.description }
        throw DecodingError.typeMismatch(String.self, .init(codingPath: codingPath + [key],
                                                            debugDescription: "expected text"))
    }

    /// An integer that may arrive as a number or a numeric string (`codeRetour`, ids).
    package func decodeLenientInt(forKey key: Key) throws -> Int? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let integer = try? decode(Int.self, forKey: key) { return integer }
        if let text = try? decode(String.self, forKey: key),
           let integer = Int(text.trimmingSpaces()) { return integer }
        throw DecodingError.typeMismatch(Int.self, .init(codingPath: codingPath + [key],
                                                         debugDescription: "expected an integer"))
    }

    /// A boolean that may arrive as `true`/`false`, `"true"`/`"false"`, `"OUI"`/`"NON"` or 0/1. Anything else (7, -1,
    /// `"YES"`) fails: flags steer decisions, and a value outside the known shapes is not read as one.
    package func decodeLenientBool(forKey key: Key) throws -> Bool? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let flag = try? decode(Bool.self, forKey: key) { return flag }
        if let integer = try? decode(Int.self, forKey: key), integer == 0 || integer == 1 { return integer == 1 }
        if let text = try? decode(String.self, forKey: key) {
            switch text.trimmingSpaces().uppercased() {
            case "TRUE", "OUI", "1": return true
            case "FALSE", "NON", "0": return false
            default: break
            }
        }
        throw DecodingError.typeMismatch(Bool.self, .init(codingPath: codingPath + [key],
                                                          debugDescription: "expected a boolean"))
    }
}

/// A coding key made from any string, for decoding objects whose keys vary.
package struct AnyCodingKey: CodingKey {
    package let stringValue: String
    package let intValue: Int?
    package init(_ string: String) {
        stringValue = string
        intValue = nil
    }
    /// The key of a list item, for paths in ``DecodingIssue``s.
    package init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }
    package init?(stringValue: String) { self.init(stringValue) }
    package init?(intValue: Int) { self.init(index: intValue) }
}
