import Foundation

/// One JSON object of an answer, read strictly but tolerantly: the shapes the platform is known to send are
/// normalised (§13 of `Documentation/PlatformReference.md`: codes as numbers or strings, lists as one object or many, `null` for
/// absent), and anything else throws, so that the pipeline reports ``ChorusError/Code/decodingFailed`` with an
/// excerpt instead of a value quietly left out. Absent and `null` fields read as `nil` — never as 0, `""` or an
/// invented status.
package struct AnswerObject {
    private let container: KeyedDecodingContainer<AnyCodingKey>

    package init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: AnyCodingKey.self)
    }

    private init(container: KeyedDecodingContainer<AnyCodingKey>) { self.container = container }

    /// Whether `key` holds a value other than `null`.
    package func has(_ key: String) throws -> Bool {
        let key = AnyCodingKey(key)
        return try container.contains(key) && !container.decodeNil(forKey: key)
    }

    /// A text field; numbers and booleans are accepted as text (`codeValideur1`, `CleRib`…).
    package func text(_ key: String) throws -> String? { try container.decodeLenientString(forKey: AnyCodingKey(key)) }

    /// An integer, as a number or a numeric string.
    package func int(_ key: String) throws -> Int? { try container.decodeLenientInt(forKey: AnyCodingKey(key)) }

    /// A boolean: `true`/`false`, `OUI`/`NON`, 0/1.
    package func bool(_ key: String) throws -> Bool? { try container.decodeLenientBool(forKey: AnyCodingKey(key)) }

    /// An amount, as a number or a decimal string.
    package func amount(_ key: String) throws -> Amount? { try value(Amount.self, key) }

    /// A calendar date (`yyyy-MM-dd`, or the date part of a date and time).
    package func date(_ key: String) throws -> CalendarDate? { try value(CalendarDate.self, key) }

    /// A point in time in any of the platform's formats (ISO 8601 with or without milliseconds, `yyyy-MM-dd HH:mm`).
    package func timestamp(_ key: String) throws -> Date? {
        guard let text = try text(key), !text.isEmpty else { return nil }
        guard let date = PlatformDate.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [AnyCodingKey(key)],
                                                    debugDescription: "not a date and time: \(text)"))
        }
        return date
    }

    /// Any decodable value (open enumerations keep unknown codes).
    package func value<Value: Decodable>(_ type: Value.Type, _ key: String) throws -> Value? {
        try container.decodeIfPresent(Value.self, forKey: AnyCodingKey(key))
    }

    /// A nested object, or `nil` when absent or `null`. An object wrapped in a one-element array is unwrapped.
    package func object(_ key: String) throws -> AnswerObject? {
        guard try has(key) else { return nil }
        let codingKey = AnyCodingKey(key)
        if var array = try? container.nestedUnkeyedContainer(forKey: codingKey) {
            guard array.count == 1 else {
                throw DecodingError.typeMismatch([String: String].self, .init(codingPath: container.codingPath + [codingKey],
                                                                              debugDescription: "expected one object, found an array of \(array.count ?? 0)"))
            }
            return AnswerObject(container: try array.nestedContainer(keyedBy: AnyCodingKey.self))
        }
        return AnswerObject(container: try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: codingKey))
    }

    /// The objects of a list that may be absent, `null`, one object or an array.
    package func objects(_ key: String) throws -> [AnswerObject] {
        guard try has(key) else { return [] }
        let codingKey = AnyCodingKey(key)
        if var array = try? container.nestedUnkeyedContainer(forKey: codingKey) {
            var objects: [AnswerObject] = []
            while !array.isAtEnd { objects.append(AnswerObject(container: try array.nestedContainer(keyedBy: AnyCodingKey.self))) }
            return objects
        }
        return [AnswerObject(container: try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: codingKey))]
    }

    /// A list of decodable items that may be absent, `null`, one item or an array.
    package func list<Item: Decodable>(_ type: Item.Type, _ key: String) throws -> [Item] {
        try container.decodeList(Item.self, forKey: AnyCodingKey(key))
    }

    /// Every field not in `named`, as text; a nested object or array there is an error naming `what`.
    package func scalarFields(excluding named: Set<String>, what: String) throws -> [String: String] {
        var fields: [String: String] = [:]
        for key in keys where !named.contains(key) {
            guard try has(key) else { continue }
            guard let text = try? text(key) else { throw failure(key, "\(what) field that is neither text, number nor boolean") }
            fields[key] = text
        }
        return fields
    }

    /// The keys present.
    package var keys: [String] { container.allKeys.map(\.stringValue) }

    /// A failure naming `key`, for a field that is present but means nothing known.
    package func failure(_ key: String, _ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: container.codingPath + [AnyCodingKey(key)], debugDescription: message))
    }
}
