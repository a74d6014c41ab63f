import Foundation

/// One JSON object of an answer, read by the policy of `AnswerReading.swift` (written once there): the shapes the
/// platform is known to send are normalised (§13 of `Documentation/PlatformReference.md`: codes as numbers or strings,
/// lists as one object or many, `null` or `""` for absent), identity and decision fields are strict, descriptive
/// fields (``descriptive(_:_:)``) and list items (``items(_:_:)``, ``list(_:_:)``) are tolerated and recorded in
/// tolerant mode. Absent fields read as `nil` — never as 0, `""` or an invented status.
package struct AnswerObject {
    fileprivate let fields: AnswerFields
    /// Where this object is in the answer, for errors and ``DecodingIssue`` paths.
    package let codingPath: [any CodingKey]
    /// The reading this object belongs to; `nil` (a decoder of the user's own) reads strictly.
    package let reading: AnswerReading?
    /// Decodes the nested `Decodable` values (``value(_:_:)``, ``list(_:_:)``).
    private let decoder: AnswerDecoder

    /// The object `decoder` holds: taken as it is from the pipeline's ``AnswerDecoder``, found by asking any other.
    package init(_ decoder: any Decoder) throws {
        let answer =
            try decoder as? AnswerDecoder
            ?? AnswerDecoder(AnswerValue(probing: decoder), codingPath: decoder.codingPath, userInfo: decoder.userInfo)
        guard case .object(let fields) = answer.value else {
            throw AnswerDecoder.mismatch([String: Any].self, answer.value, decoder.codingPath)
        }
        self.init(fields: fields, codingPath: answer.codingPath, decoder: answer)
    }

    private init(fields: AnswerFields, codingPath: [any CodingKey], decoder: AnswerDecoder) {
        self.fields = fields
        self.codingPath = codingPath
        self.reading = decoder.reading
        self.decoder = decoder
    }

    private func nested(_ fields: AnswerFields, at path: [any CodingKey]) -> AnswerObject {
        AnswerObject(fields: fields, codingPath: path, decoder: decoder)
    }

    private func path(_ key: String) -> [any CodingKey] { codingPath + [AnyCodingKey(key)] }

    /// The value of `key` unless it is absent or `null`.
    private func present(_ key: String) -> AnswerValue? {
        guard let value = fields[key], value != .null else { return nil }
        return value
    }

    private func mismatch(_ type: Any.Type, _ key: String, _ expected: String) -> DecodingError {
        .typeMismatch(type, .init(codingPath: path(key), debugDescription: expected))
    }

    /// Whether `key` holds a value other than `null`. (`""` is absent too: each reading checks it when the value is
    /// not of its shape.)
    package func has(_ key: String) throws -> Bool { present(key) != nil }

    /// A text field; numbers are accepted as text (`codeValideur1`, `CleRib`…), booleans are not.
    package func text(_ key: String) throws -> String? {
        guard let value = present(key) else { return nil }
        let text: String
        switch value {
        case .string(let string): text = string
        case .number(let number):
            guard let written = Self.numberAsText(number) else { throw mismatch(String.self, key, "expected text") }
            text = written
        default: throw mismatch(String.self, key, "expected text")
        }
        return AnswerValue.isBlank(text) ? nil : text
    }

    /// A number as text: an integer as its digits, any other number as its exact decimal (`1.50` → `1.5`).
    private static func numberAsText(_ number: String) -> String? {
        if let integer: Int64 = AnswerValue.integer(fromNumber: number) {
            return String(integer)
        }
        return Decimal(string: number).flatMap { $0.isNaN ? nil : $0.description }
    }

    /// An integer, as a number or a numeric string.
    package func int(_ key: String) throws -> Int? {
        guard let value = present(key) else { return nil }
        switch value {
        case .number(let number):
            if let integer: Int = AnswerValue.integer(fromNumber: number) { return integer }
        case .string(let text):
            if let integer = Int(text.trimmingSpaces()) { return integer }
            if value.isBlankText { return nil }
        default: break
        }
        throw mismatch(Int.self, key, "expected an integer")
    }

    /// A platform id (`identifiantFactureCPP`, `idStructureCPP`…): an integer as ``int(_:)``, and above zero — the
    /// platform numbers from 1, and a 0 or a negative id would name no invoice or structure in a follow-up call.
    package func id(_ key: String) throws -> Int? {
        guard let id = try int(key) else { return nil }
        guard id > 0 else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path(key), debugDescription: "expected an id above 0, found \(id)"))
        }
        return id
    }

    /// A boolean: `true`/`false`, `OUI`/`NON`, 0/1. Anything else (7, -1, `"YES"`) fails: flags steer decisions, and a
    /// value outside the known shapes is not read as one.
    package func bool(_ key: String) throws -> Bool? {
        guard let value = present(key) else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .number(let number):
            switch Double(number) {
            case 0: return false
            case 1: return true
            default: break
            }
        case .string(let text):
            switch text.trimmingSpaces().uppercased() {
            case "TRUE", "OUI", "1": return true
            case "FALSE", "NON", "0": return false
            default: if value.isBlankText { return nil }
            }
        default: break
        }
        throw mismatch(Bool.self, key, "expected a boolean")
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
                .init(codingPath: path(key), debugDescription: "not a date and time: \(text)"))
        }
        return date
    }

    /// Any decodable value (open enumerations keep unknown codes). `""` or blanks are an absent value, whatever the type.
    package func value<Value: Decodable>(_ type: Value.Type, _ key: String) throws -> Value? {
        guard let value = present(key), !value.isBlankText else { return nil }
        return try decoder.decode(type, from: value, at: path(key))
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
        switch fields[key] {
        case .array, .object: return try read()
        default: return try descriptive(key) { () throws -> [Item]? in try read() } ?? []
        }
    }

    private func tolerate(_ error: any Error, _ key: String, as consequence: DecodingIssue.Consequence) throws {
        guard let reading else { throw error }
        try reading.tolerate(error, at: path(key), excerpt: present(key)?.jsonText ?? "", as: consequence)
    }

    /// A nested object, or `nil` when absent, `null` or blank. An object wrapped in a one-element array is unwrapped.
    package func object(_ key: String) throws -> AnswerObject? {
        guard let value = present(key) else { return nil }
        switch value {
        case .object(let fields): return nested(fields, at: path(key))
        case .array(let items):
            guard items.count == 1 else {
                throw DecodingError.typeMismatch(
                    [String: String].self,
                    .init(
                        codingPath: path(key), debugDescription: "expected one object, found an array of \(items.count)"
                    ))
            }
            let itemPath = path(key) + [AnyCodingKey(index: 0)]
            guard case .object(let fields) = items[0] else {
                throw AnswerDecoder.mismatch([String: Any].self, items[0], itemPath)
            }
            return nested(fields, at: itemPath)
        default:
            if value.isBlankText { return nil }
            throw AnswerDecoder.mismatch([String: Any].self, value, path(key))
        }
    }

    /// The objects of a list that may be absent, `null`, one object or an array, each read by `read`. In tolerant
    /// mode an item that is not an object or that `read` cannot read is skipped and recorded; the rest is served. When
    /// not one item can be read the call fails: a failure never becomes an empty list.
    package func items<Item>(_ key: String, _ read: (AnswerObject) throws -> Item) throws -> [Item] {
        guard case .array(let elements) = present(key) else {
            guard let single = try object(key) else { return [] }  // one object for a list of one; "" for none
            return [try read(single)]
        }
        return try isolated(elements, key) { element, itemPath in
            guard case .object(let fields) = element else {
                throw AnswerDecoder.mismatch([String: Any].self, element, itemPath)
            }
            return try read(nested(fields, at: itemPath))
        }
    }

    /// Each element read by `read`; in tolerant mode one that fails is recorded and skipped. Not one item read is a
    /// failure, never an empty list.
    private func isolated<Item>(
        _ elements: [AnswerValue], _ key: String, _ read: (AnswerValue, [any CodingKey]) throws -> Item
    ) throws -> [Item] {
        var items: [Item] = []
        items.reserveCapacity(elements.count)
        var firstError: (any Error)?
        for (index, element) in elements.enumerated() {
            let itemPath = path(key) + [AnyCodingKey(index: index)]
            do { items.append(try read(element, itemPath)) } catch {
                firstError = firstError ?? error
                guard let reading else { throw error }
                try reading.tolerate(error, at: itemPath, excerpt: element.jsonText, as: .itemSkipped)
            }
        }
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
                    error, at: object.codingPath, excerpt: "{" + object.keys.sorted().joined(separator: ",") + "}",
                    as: .itemSkipped)
            }
        }
        if items.isEmpty, let firstError { throw firstError }
        return items
    }

    /// A list of decodable items that may be absent, `null`, one item or an array; items are isolated as in
    /// ``items(_:_:)``.
    package func list<Item: Decodable>(_ type: Item.Type, _ key: String) throws -> [Item] {
        guard let value = present(key) else { return [] }
        guard case .array(let elements) = value else {
            if value.isBlankText { return [] }
            return [try decoder.decode(type, from: value, at: path(key))]
        }
        return try isolated(elements, key) { element, itemPath in
            try decoder.decode(type, from: element, at: itemPath)
        }
    }

    /// Every field not in `named`, kept: text, numbers and booleans as text, a nested object or array as its compact
    /// JSON text. Where the sources are thin (commitments) an unknown field is kept, never thrown on.
    package func otherFields(excluding named: Set<String>) throws -> [String: String] {
        var kept: [String: String] = [:]
        for key in keys where !named.contains(key) {
            switch present(key) {
            case nil: continue
            case .string(let text): if !AnswerValue.isBlank(text) { kept[key] = text }  // "" is absent
            case .number(let number): kept[key] = Self.numberAsText(number) ?? number
            case let value?: kept[key] = value.jsonText
            }
        }
        return kept
    }

    /// The keys present, each once.
    package var keys: [String] { fields.distinctKeys }

    /// A failure naming `key`, for a field that is present but means nothing known.
    package func failure(_ key: String, _ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: path(key), debugDescription: message))
    }
}
