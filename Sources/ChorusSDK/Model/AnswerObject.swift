import Foundation

/// One JSON object of an answer, read by the policy of `AnswerReading.swift` (written once there): the shapes the
/// platform is known to send are normalised (§13 of `Documentation/PlatformReference.md`: codes as numbers or strings,
/// lists as one object or many, `null` or `""` for absent), identity and decision fields are strict, descriptive
/// fields (``descriptive(_:_:)``) and list items (``items(_:_:)``, ``list(_:_:)``) are tolerated and recorded in
/// tolerant mode. Absent fields read as `nil` — never as 0, `""` or an invented status.
package struct AnswerObject {
    fileprivate let container: KeyedDecodingContainer<AnyCodingKey>
    /// The reading this object belongs to; `nil` (a decoder of the user's own) reads strictly.
    package let reading: AnswerReading?

    package init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: AnyCodingKey.self)
        reading = AnswerReading.of(decoder)
    }

    private init(container: KeyedDecodingContainer<AnyCodingKey>, reading: AnswerReading?) {
        self.container = container
        self.reading = reading
    }

    /// Whether `key` holds a value other than `null`. (`""` is absent too: each reading checks it when the value is
    /// not of its shape, so that the common case costs no extra decoding.)
    package func has(_ key: String) throws -> Bool {
        let key = AnyCodingKey(key)
        return try container.contains(key) && !container.decodeNil(forKey: key)
    }

    /// `""` (or blanks) where a value is expected: the platform's other way of saying "absent".
    private func isBlank(_ key: AnyCodingKey) -> Bool {
        guard let text = try? container.decode(String.self, forKey: key) else { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// A text field; numbers are accepted as text (`codeValideur1`, `CleRib`…), booleans are not.
    package func text(_ key: String) throws -> String? {
        guard let text = try container.decodeLenientString(forKey: AnyCodingKey(key)), !text.allSatisfy(\.isWhitespace)
        else { return nil }
        return text
    }

    /// An integer, as a number or a numeric string.
    package func int(_ key: String) throws -> Int? {
        let codingKey = AnyCodingKey(key)
        do { return try container.decodeLenientInt(forKey: codingKey) } catch {
            if isBlank(codingKey) { return nil } else { throw error }
        }
    }

    /// A platform id (`identifiantFactureCPP`, `idStructureCPP`…): an integer as ``int(_:)``, and above zero — the
    /// platform numbers from 1, and a 0 or a negative id would name no invoice or structure in a follow-up call.
    package func id(_ key: String) throws -> Int? {
        guard let id = try int(key) else { return nil }
        guard id > 0 else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: container.codingPath + [AnyCodingKey(key)], debugDescription: "expected an id above 0, found \(id)"))
        }
        return id
    }

    /// A boolean: `true`/`false`, `OUI`/`NON`, 0/1.
    package func bool(_ key: String) throws -> Bool? {
        let codingKey = AnyCodingKey(key)
        do { return try container.decodeLenientBool(forKey: codingKey) } catch {
            if isBlank(codingKey) { return nil } else { throw error }
        }
    }

    /// An amount, as a number or a decimal string.
    package func amount(_ key: String) throws -> Amount? { try value(Amount.self, key) }

    /// A calendar date (`yyyy-MM-dd`, or the date part of a date and time).
    package func date(_ key: String) throws -> CalendarDate? { try value(CalendarDate.self, key) }

    /// A point in time in any of the platform's formats (ISO 8601 with or without milliseconds, `yyyy-MM-dd HH:mm`).
    package func timestamp(_ key: String) throws -> Date? {
        guard let text = try text(key), !text.isEmpty else { return nil }
        guard let date = PlatformDate.parse(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath + [AnyCodingKey(key)],
                    debugDescription: "not a date and time: \(text)"))
        }
        return date
    }

    /// Any decodable value (open enumerations keep unknown codes).
    package func value<Value: Decodable>(_ type: Value.Type, _ key: String) throws -> Value? {
        let codingKey = AnyCodingKey(key)
        guard container.contains(codingKey), try !container.decodeNil(forKey: codingKey) else { return nil }
        let value: Value
        do { value = try container.decode(Value.self, forKey: codingKey) } catch {
            if isBlank(codingKey) { return nil } else { throw error }
        }
        // An open enumeration reads "" as a code of its own: it is an absent one.
        if let code = (value as? any RawRepresentable<String>)?.rawValue, code.allSatisfy(\.isWhitespace) { return nil }
        return value
    }

    /// A descriptive field (a name, an address, a label): read by `read`; in tolerant mode an unknown shape is recorded
    /// as a ``DecodingIssue`` and the field left `nil`, in strict mode it fails.
    package func descriptive<Value>(_ key: String, _ read: () throws -> Value?) throws -> Value? {
        do {
            return try read()
        } catch {
            try tolerate(error, key, as: .fieldLeftOut)
            return nil
        }
    }

    /// A descriptive list: as ``descriptive(_:_:)``, a value that is neither a list nor an object (text, a number) gives
    /// `[]` and an issue in tolerant mode. A list (or one object for a list of one) is read by `read`, which isolates its
    /// items: one whose items all fail fails the call, since that is a failure, not an empty list.
    package func descriptive<Item>(_ key: String, _ read: () throws -> [Item]) throws -> [Item] {
        let codingKey = AnyCodingKey(key)
        if (try? container.nestedUnkeyedContainer(forKey: codingKey)) != nil
            || (try? container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: codingKey)) != nil {
            return try read()
        }
        return try descriptive(key) { () throws -> [Item]? in try read() } ?? []
    }

    private func tolerate(_ error: any Error, _ key: String, as consequence: DecodingIssue.Consequence) throws {
        guard let reading else { throw error }
        let codingKey = AnyCodingKey(key)
        let excerpt = (try? container.decodeIfPresent(JSONText.self, forKey: codingKey))??.text ?? ""
        try reading.tolerate(error, at: container.codingPath + [codingKey], excerpt: excerpt, as: consequence)
    }

    /// A nested object, or `nil` when absent or `null`. An object wrapped in a one-element array is unwrapped.
    package func object(_ key: String) throws -> AnswerObject? {
        guard try has(key) else { return nil }
        let codingKey = AnyCodingKey(key)
        if var array = try? container.nestedUnkeyedContainer(forKey: codingKey) {
            guard array.count == 1 else {
                throw DecodingError.typeMismatch(
                    [String: String].self,
                    .init(
                        codingPath: container.codingPath + [codingKey],
                        debugDescription: "expected one object, found an array of \(array.count ?? 0)"))
            }
            return AnswerObject(container: try array.nestedContainer(keyedBy: AnyCodingKey.self), reading: reading)
        }
        do {
            return AnswerObject(
                container: try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: codingKey),
                reading: reading)
        } catch {
            if isBlank(codingKey) { return nil } else { throw error }
        }
    }

    /// The objects of a list that may be absent, `null`, one object or an array, each read by `read`. In tolerant
    /// mode an item that is not an object or that `read` cannot read is skipped and recorded; the rest is served. When
    /// not one item can be read the call fails: a failure never becomes an empty list.
    package func items<Item>(_ key: String, _ read: (AnswerObject) throws -> Item) throws -> [Item] {
        guard try has(key) else { return [] }
        let codingKey = AnyCodingKey(key)
        guard var array = try? container.nestedUnkeyedContainer(forKey: codingKey) else {
            guard let single = try object(key) else { return [] }  // one object for a list of one; "" for none
            return [try read(single)]
        }
        var items: [Item] = []
        var firstError: (any Error)?
        while !array.isAtEnd {
            let index = array.currentIndex
            do {
                items.append(
                    try read(
                        AnswerObject(container: try array.nestedContainer(keyedBy: AnyCodingKey.self), reading: reading)
                    ))
            } catch {
                firstError = firstError ?? error
                try skip(&array, at: index, key: codingKey, after: error)
            }
        }
        // Not one item could be read: that is a failure, never an empty list.
        if items.isEmpty, let firstError { throw firstError }
        return items
    }

    /// The objects of a list that may be absent, `null`, one object or an array.
    package func objects(_ key: String) throws -> [AnswerObject] { try items(key) { $0 } }

    /// `objects`, each read by `read`, isolated as in ``items(_:_:)`` (for lists gathered from several blocks).
    package static func each<Item>(_ objects: [AnswerObject], _ read: (AnswerObject) throws -> Item) throws -> [Item] {
        var items: [Item] = []
        var firstError: (any Error)?
        for object in objects {
            do { items.append(try read(object)) } catch {
                firstError = firstError ?? error
                guard let reading = object.reading else { throw error }
                try reading.tolerate(
                    error, at: object.container.codingPath,
                    excerpt: "{" + object.keys.sorted().joined(separator: ",") + "}",
                    as: .itemSkipped)
            }
        }
        if items.isEmpty, let firstError { throw firstError }
        return items
    }

    /// A list of decodable items that may be absent, `null`, one item or an array; items are isolated as in
    /// ``items(_:_:)``.
    package func list<Item: Decodable>(_ type: Item.Type, _ key: String) throws -> [Item] {
        guard try has(key) else { return [] }
        let codingKey = AnyCodingKey(key)
        guard var array = try? container.nestedUnkeyedContainer(forKey: codingKey) else {
            do { return [try container.decode(Item.self, forKey: codingKey)] } catch {
                if isBlank(codingKey) { return [] } else { throw error }
            }
        }
        var items: [Item] = []
        var firstError: (any Error)?
        while !array.isAtEnd {
            let index = array.currentIndex
            do { items.append(try array.decode(Item.self)) } catch {
                firstError = firstError ?? error
                try skip(&array, at: index, key: codingKey, after: error)
            }
        }
        if items.isEmpty, let firstError { throw firstError }  // as in items(_:_:)
        return items
    }

    /// Records an unreadable item (or rethrows in strict mode) and moves past it. A reading that failed inside a
    /// nested container may already have moved the array on; the index says whether to skip.
    private func skip(
        _ array: inout any UnkeyedDecodingContainer, at index: Int, key: AnyCodingKey, after error: any Error
    ) throws {
        guard let reading else { throw error }
        var probe = try container.nestedUnkeyedContainer(forKey: key)
        for _ in 0..<index { _ = try probe.decode(SkippedItem.self) }
        let excerpt = (try? probe.decode(JSONText.self))?.text ?? ""
        try reading.tolerate(
            error, at: container.codingPath + [key, AnyCodingKey(index: index)], excerpt: excerpt, as: .itemSkipped)
        if array.currentIndex == index { _ = try array.decode(SkippedItem.self) }
    }

    /// Every field not in `named`, kept: text, numbers and booleans as text, a nested object or array as its compact
    /// JSON text. Where the sources are thin (commitments) an unknown field is kept, never thrown on.
    package func otherFields(excluding named: Set<String>) throws -> [String: String] {
        var fields: [String: String] = [:]
        for key in keys where !named.contains(key) {
            guard try has(key) else { continue }
            if let text = try? container.decodeLenientString(forKey: AnyCodingKey(key)) {
                if !text.allSatisfy(\.isWhitespace) { fields[key] = text }  // "" is absent
                continue
            }
            fields[key] = try container.decode(JSONText.self, forKey: AnyCodingKey(key)).text
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
