import Foundation

/// Writes request bodies as the platform expects them: the bytes Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]` — keys in Swift's string order, `Decimal` as its exact digits, `Data` as
/// Base64, `URL` as its text, the same string escapes — at a fraction of its cost per call (`chorus-bench --only cpu`).
/// `WireEncoderTests` holds the two side by side. (No request body has a floating-point number: amounts are
/// ``Amount``s, so `Decimal`s; a `Double` is written as Swift prints it.)
package struct WireEncoder: Sendable {
    package init() {}

    /// The JSON of `value`.
    package func encode<T: Encodable>(_ value: T) throws -> Data {
        let root = WireSlot()
        try WireEncoding(slot: root, parentPath: [], key: nil).write(value)
        guard root.isSet else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        root.write(into: &bytes)
        return Data(bytes)
    }

    /// `text` as a JSON string, quotes included.
    package static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            let named: UInt8? =
                switch byte {
                case UInt8(ascii: "\""), backslash: byte
                case 0x08: UInt8(ascii: "b")
                case 0x0C: UInt8(ascii: "f")
                case 0x0A: UInt8(ascii: "n")
                case 0x0D: UInt8(ascii: "r")
                case 0x09: UInt8(ascii: "t")
                default: nil
                }
            if let named {
                bytes.append(backslash)
                bytes.append(named)
            } else if byte < 0x20 {
                for escape in [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")] {
                    bytes.append(escape)
                }
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            } else {
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// One JSON value being written: a scalar's JSON text, an object or an array.
private final class WireSlot {
    enum Content {
        case unset
        case scalar(String)
        case object(WireMembers)
        case array(WireItems)
    }

    var content = Content.unset

    var isSet: Bool {
        if case .unset = content { return false }
        return true
    }

    func write(into bytes: inout [UInt8]) {
        switch content {
        case .unset:  // a nested value that wrote nothing, as JSONEncoder
            bytes.append(UInt8(ascii: "{"))
            bytes.append(UInt8(ascii: "}"))
        case .scalar(let text): bytes.append(contentsOf: text.utf8)
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (position, member) in members.entries.sorted(by: { $0.key < $1.key }).enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                WireEncoder.appendQuoted(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                member.slot.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (position, item) in items.slots.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                item.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }
}

/// An object's members; a key written again replaces its value, as with JSONEncoder. Bodies have a few keys per
/// object: looking at each is cheaper than hashing.
private final class WireMembers {
    private(set) var entries: [(key: String, slot: WireSlot)] = []

    func slot(_ key: String) -> WireSlot {
        if let entry = entries.first(where: { $0.key == key }) { return entry.slot }
        let slot = WireSlot()
        entries.append((key, slot))
        return slot
    }
}
private final class WireItems { var slots: [WireSlot] = [] }

private struct WireEncoding: Encoder, SingleValueEncodingContainer {
    let slot: WireSlot
    /// The path to this value, kept in two parts so that no array is made per key written: only errors and nested
    /// containers ask for ``codingPath``.
    let parentPath: [any CodingKey]
    let key: (any CodingKey)?
    var codingPath: [any CodingKey] { key.map { parentPath + [$0] } ?? parentPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Writes `value` into this slot, as JSONEncoder would.
    func write<T: Encodable>(_ value: T) throws {
        // Comparing the types first keeps the common case free of dynamic casts.
        if T.self == Decimal.self, let decimal = value as? Decimal {
            slot.content = .scalar(decimal.description)
        } else if T.self == URL.self, let url = value as? URL {
            slot.content = .scalar(WireEncoder.quoted(url.absoluteString))
        } else if T.self == Data.self, let data = value as? Data {
            slot.content = .scalar(WireEncoder.quoted(data.base64EncodedString()))
        } else {
            try value.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let members) = slot.content {
            return KeyedEncodingContainer(WireKeyed(members: members, codingPath: codingPath))
        }
        let members = WireMembers()
        slot.content = .object(members)
        return KeyedEncodingContainer(WireKeyed(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let items) = slot.content { return WireUnkeyed(items: items, codingPath: codingPath) }
        let items = WireItems()
        slot.content = .array(items)
        return WireUnkeyed(items: items, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() { slot.content = .scalar("null") }
    func encode(_ value: Bool) { slot.content = .scalar(value ? "true" : "false") }
    func encode(_ value: String) { slot.content = .scalar(WireEncoder.quoted(value)) }
    func encode(_ value: Double) throws { try floating(value) }
    func encode(_ value: Float) throws { try floating(Double(value)) }
    func encode(_ value: Int) { slot.content = .scalar(String(value)) }
    func encode(_ value: Int8) { slot.content = .scalar(String(value)) }
    func encode(_ value: Int16) { slot.content = .scalar(String(value)) }
    func encode(_ value: Int32) { slot.content = .scalar(String(value)) }
    func encode(_ value: Int64) { slot.content = .scalar(String(value)) }
    func encode(_ value: UInt) { slot.content = .scalar(String(value)) }
    func encode(_ value: UInt8) { slot.content = .scalar(String(value)) }
    func encode(_ value: UInt16) { slot.content = .scalar(String(value)) }
    func encode(_ value: UInt32) { slot.content = .scalar(String(value)) }
    func encode(_ value: UInt64) { slot.content = .scalar(String(value)) }
    func encode<T: Encodable>(_ value: T) throws { try write(value) }

    private func floating(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "\(value) is not valid JSON."))
        }
        let integral = value.rounded() == value && abs(value) < 9_007_199_254_740_992
        slot.content = .scalar(integral ? String(Int64(value)) : "\(value)")
    }
}

private struct WireKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let members: WireMembers
    let codingPath: [any CodingKey]

    private func encoding(_ key: Key) -> WireEncoding {
        WireEncoding(slot: members.slot(key.stringValue), parentPath: codingPath, key: key)
    }

    mutating func encodeNil(forKey key: Key) { encoding(key).encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode(_ value: String, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try encoding(key).encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encoding(key).encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) { encoding(key).encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoding(key).write(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoding(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoding(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoding(key: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoding(key) }

    private func encoding(key: String) -> WireEncoding {
        WireEncoding(slot: members.slot(key), parentPath: codingPath, key: AnyCodingKey(key))
    }
}

private struct WireUnkeyed: UnkeyedEncodingContainer {
    let items: WireItems
    let codingPath: [any CodingKey]
    var count: Int { items.slots.count }

    private func next() -> WireEncoding {
        let slot = WireSlot()
        items.slots.append(slot)
        return WireEncoding(slot: slot, parentPath: codingPath, key: AnyCodingKey(index: items.slots.count - 1))
    }

    mutating func encodeNil() { next().encodeNil() }
    mutating func encode(_ value: Bool) { next().encode(value) }
    mutating func encode(_ value: String) { next().encode(value) }
    mutating func encode(_ value: Double) throws { try next().encode(value) }
    mutating func encode(_ value: Float) throws { try next().encode(value) }
    mutating func encode(_ value: Int) { next().encode(value) }
    mutating func encode(_ value: Int8) { next().encode(value) }
    mutating func encode(_ value: Int16) { next().encode(value) }
    mutating func encode(_ value: Int32) { next().encode(value) }
    mutating func encode(_ value: Int64) { next().encode(value) }
    mutating func encode(_ value: UInt) { next().encode(value) }
    mutating func encode(_ value: UInt8) { next().encode(value) }
    mutating func encode(_ value: UInt16) { next().encode(value) }
    mutating func encode(_ value: UInt32) { next().encode(value) }
    mutating func encode(_ value: UInt64) { next().encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try next().write(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        next().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { next().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { next() }
}
