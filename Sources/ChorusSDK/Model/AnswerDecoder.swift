import Foundation

/// A `Decoder` over an ``AnswerValue``: how the pipeline hands an answer to a model's `init(from:)`. The SDK's models
/// read it through ``AnswerObject``, which takes the tree as it is; other `Decodable` values (``Amount``,
/// ``CalendarDate``, open enumerations, a synthesized conformance) get `JSONDecoder`'s strictness: a number is not
/// text, text is not a number, an integer must be exact, `Decimal` keeps every digit.
package final class AnswerDecoder: Decoder {
    package let value: AnswerValue
    package let codingPath: [any CodingKey]
    package let userInfo: [CodingUserInfoKey: Any]
    /// The reading `userInfo` carries, looked up once for the whole answer.
    package let reading: AnswerReading?

    package init(_ value: AnswerValue, codingPath: [any CodingKey] = [], userInfo: [CodingUserInfoKey: Any]) {
        self.value = value
        self.codingPath = codingPath
        self.userInfo = userInfo
        reading = userInfo[.chorusAnswerReading] as? AnswerReading
    }

    private init(_ value: AnswerValue, codingPath: [any CodingKey], parent: AnswerDecoder) {
        self.value = value
        self.codingPath = codingPath
        userInfo = parent.userInfo
        reading = parent.reading
    }

    /// A decoder for a value inside this one's.
    package func child(_ value: AnswerValue, at path: [any CodingKey]) -> AnswerDecoder {
        AnswerDecoder(value, codingPath: path, parent: self)
    }

    /// `type` decoded from `value`, found at `path`.
    package func decode<T: Decodable>(_ type: T.Type, from value: AnswerValue, at path: [any CodingKey]) throws -> T {
        if case .null = value {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: path, debugDescription: "Expected \(type) but found null instead."))
        }
        // The types JSONDecoder reads from the JSON itself rather than through their own init(from:).
        if T.self == Decimal.self {
            if case .number(let text) = value, let decimal = Decimal(string: text), !decimal.isNaN,
                let decoded = decimal as? T
            {
                return decoded
            }
            throw Self.mismatch(type, value, path)
        }
        if T.self == URL.self {
            guard case .string(let text) = value else { throw Self.mismatch(type, value, path) }
            guard let url = URL(string: text), let decoded = url as? T else {
                throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "Invalid URL string."))
            }
            return decoded
        }
        return try T(from: child(value, at: path))
    }

    package func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw Self.mismatch([String: Any].self, value, codingPath) }
        return KeyedDecodingContainer(AnswerKeyedContainer<Key>(fields: fields, decoder: self))
    }

    package func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw Self.mismatch([Any].self, value, codingPath) }
        return AnswerUnkeyedContainer(items: items, decoder: self)
    }

    package func singleValueContainer() throws -> any SingleValueDecodingContainer { AnswerSingleValue(decoder: self) }

    static func mismatch(_ type: Any.Type, _ value: AnswerValue, _ path: [any CodingKey]) -> DecodingError {
        .typeMismatch(
            type,
            .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(value.kind) instead."))
    }

    /// The scalars, as `JSONDecoder` reads them.
    func string(_ value: AnswerValue, _ path: [any CodingKey]) throws -> String {
        guard case .string(let text) = value else { throw Self.mismatch(String.self, value, path) }
        return text
    }

    func bool(_ value: AnswerValue, _ path: [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw Self.mismatch(Bool.self, value, path) }
        return flag
    }

    func integer<I: FixedWidthInteger>(_ value: AnswerValue, _ path: [any CodingKey]) throws -> I {
        guard case .number(let text) = value else { throw Self.mismatch(I.self, value, path) }
        if let integer: I = AnswerValue.integer(fromNumber: text) { return integer }
        throw DecodingError.dataCorrupted(
            .init(codingPath: path, debugDescription: "Parsed JSON number <\(text)> does not fit in \(I.self)."))
    }

    func floating<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: AnswerValue, _ path: [any CodingKey])
        throws -> F
    {
        guard case .number(let text) = value else { throw Self.mismatch(F.self, value, path) }
        guard let number = F(text), number.isFinite else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path, debugDescription: "Parsed JSON number <\(text)> does not fit in \(F.self)."))
        }
        return number
    }
}

private struct AnswerSingleValue: SingleValueDecodingContainer {
    let decoder: AnswerDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    private var value: AnswerValue { decoder.value }

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try decoder.string(value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.floating(value, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.floating(value, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(value, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(value, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(value, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(value, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(value, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(value, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(value, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(value, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(value, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(value, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type, from: value, at: codingPath) }
}

private struct AnswerKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: AnswerFields
    let decoder: AnswerDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { fields.distinctKeys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    private func child(_ key: Key) throws -> AnswerValue {
        guard let value = fields[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue).")
            )
        }
        return value
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(child(key), path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(child(key), path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.floating(child(key), path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.floating(child(key), path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(child(key), path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(child(key), path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.integer(child(key), path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.integer(child(key), path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.integer(child(key), path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(child(key), path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.integer(child(key), path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.integer(child(key), path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.integer(child(key), path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.integer(child(key), path(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.decode(type, from: child(key), at: path(key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder.child(child(key), at: path(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(child(key), at: path(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try superDecoder(forKey: AnyCodingKey("super")) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(forKey: AnyCodingKey(key.stringValue)) }
    private func superDecoder(forKey key: AnyCodingKey) throws -> any Decoder {
        decoder.child(fields[key.stringValue] ?? .null, at: codingPath + [key])
    }
}

private struct AnswerUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [AnswerValue]
    let decoder: AnswerDecoder
    private(set) var currentIndex = 0

    init(items: [AnswerValue], decoder: AnswerDecoder) {
        self.items = items
        self.decoder = decoder
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    /// The current item and its path; the index moves on only once the item is read, as with `JSONDecoder`.
    private func current<T>(_ type: T.Type) throws -> (AnswerValue, [any CodingKey]) {
        let path = codingPath + [AnyCodingKey(index: currentIndex)]
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: path, debugDescription: "Unkeyed container is at end."))
        }
        return (items[currentIndex], path)
    }

    private mutating func read<T>(_ type: T.Type, _ reading: (AnswerValue, [any CodingKey]) throws -> T) throws -> T {
        let (value, path) = try current(type)
        let result = try reading(value, path)
        currentIndex += 1
        return result
    }

    mutating func decodeNil() throws -> Bool {
        guard try current(Never.self).0 == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type, decoder.bool) }
    mutating func decode(_ type: String.Type) throws -> String { try read(type, decoder.string) }
    mutating func decode(_ type: Double.Type) throws -> Double { try read(type, decoder.floating) }
    mutating func decode(_ type: Float.Type) throws -> Float { try read(type, decoder.floating) }
    mutating func decode(_ type: Int.Type) throws -> Int { try read(type, decoder.integer) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try read(type, decoder.integer) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try read(type, decoder.integer) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try read(type, decoder.integer) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try read(type, decoder.integer) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try read(type, decoder.integer) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try read(type, decoder.integer) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try read(type, decoder.integer) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try read(type, decoder.integer) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try read(type, decoder.integer) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = self.decoder
        return try read(type) { value, path in try decoder.decode(type, from: value, at: path) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
        NestedKey
    > {
        let decoder = self.decoder
        return try read(KeyedDecodingContainer<NestedKey>.self) { value, path in
            try decoder.child(value, at: path).container(keyedBy: type)
        }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let decoder = self.decoder
        return try read((any UnkeyedDecodingContainer).self) { value, path in
            try decoder.child(value, at: path).unkeyedContainer()
        }
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = self.decoder
        return try read((any Decoder).self) { value, path in decoder.child(value, at: path) }
    }
}
