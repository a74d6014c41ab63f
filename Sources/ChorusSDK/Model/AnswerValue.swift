import Foundation

/// One JSON value of an answer, parsed once by ``AnswerParser`` and read by ``AnswerObject``. Numbers keep their text,
/// so that amounts stay exact and each reading decides what a number may be (an id, a code, an amount).
///
/// Why not `JSONDecoder` all the way: the readings of the policy (`AnswerReading.swift`) ask "is this text? a number?
/// blank?" of every field, and asking a `Decoder` means trying a type and catching the error it builds — most of the
/// SDK's CPU per call went there (`chorus-bench --only cpu`). The tree answers those questions by looking.
package enum AnswerValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A JSON number as written in the answer (`12`, `-0.50`, `1E+2`).
    case number(String)
    case string(String)
    case array([AnswerValue])
    case object(AnswerFields)

    /// `""` or blanks: the platform's other way of saying "absent" where a value is expected.
    package var isBlankText: Bool {
        if case .string(let text) = self { return Self.isBlank(text) }
        return false
    }

    /// The integer a JSON number's text stands for (`12`, `12.0`, `1E+2`), as JSONDecoder reads it: exact, or `nil`.
    package static func integer<I: FixedWidthInteger>(fromNumber text: String) -> I? {
        I(text) ?? Double(text).flatMap { $0.isFinite ? I(exactly: $0) : nil }
    }

    /// Whether `text` is empty or whitespace only; ASCII is decided byte by byte, without Unicode's tables.
    package static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09...0x0D: continue
            case 0x80...: return text.allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        return true
    }

    /// What the value is, for an error's sentence ("a string", "an object").
    package var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value as compact JSON text, keys sorted, numbers as exact decimals: how an unknown field is kept (a
    /// commitment's ``Commitment/otherFields``) and quoted in a ``DecodingIssue``.
    package var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .number(let text): return Decimal(string: text).map(\.description) ?? text
        case .string(let text): return Self.quoted(text)
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let fields):
            let members = fields.distinctKeys.sorted().compactMap { key in
                fields[key].map { Self.quoted(key) + ":" + $0.jsonText }
            }
            return "{" + members.joined(separator: ",") + "}"
        }
    }

    /// The string as JSON writes it, quotes included (the request bodies' escaping: one rule for the whole SDK).
    private static func quoted(_ string: String) -> String { WireEncoder.quoted(string) }
}

/// The members of a JSON object, in the answer's order. Of duplicate keys the first wins, as with Foundation's
/// `JSONDecoder`.
package struct AnswerFields: Sendable, Hashable {
    /// One array for the members (one allocation per object); an index only for large objects, where a few keys are
    /// found faster by looking at each.
    package private(set) var members: [Member]
    private var index: [String: Int]?

    package struct Member: Sendable, Hashable {
        package var key: String
        package var value: AnswerValue
    }

    package init() { members = [] }

    /// An object of `members`, as parsed.
    package init(_ members: [Member]) {
        self.members = members
        guard members.count > 12 else { return }
        var index = [String: Int](minimumCapacity: members.count)
        for (position, member) in members.enumerated() where index[member.key] == nil { index[member.key] = position }
        self.index = index
    }

    /// The value of `key` (the first one when the key is repeated), `nil` when absent.
    package subscript(key: String) -> AnswerValue? {
        if let index { return index[key].map { members[$0].value } }
        return members.first { $0.key == key }?.value
    }

    /// The values, in the answer's order.
    package var values: [AnswerValue] { members.map(\.value) }

    /// Each key once, in the answer's order.
    package var distinctKeys: [String] {
        var seen = Set<String>()
        return members.map(\.key).filter { seen.insert($0).inserted }
    }
}

extension AnswerValue {
    /// The value a decoder of someone else's (a user's own `JSONDecoder`) holds, found by asking it: the slow way,
    /// used only when a model is decoded outside the SDK's pipeline.
    package init(probing decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() {
                self = .null
                return
            }
            if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
                return
            }
            if let number = try? container.decode(Decimal.self) {
                self = .number(number.description)
                return
            }
            if let text = try? container.decode(String.self) {
                self = .string(text)
                return
            }
        }
        if var list = try? decoder.unkeyedContainer() {
            var items: [AnswerValue] = []
            while !list.isAtEnd { items.append(try list.decode(ProbedValue.self).value) }
            self = .array(items)
            return
        }
        let object = try decoder.container(keyedBy: AnyCodingKey.self)
        let members = try object.allKeys.map { key in
            AnswerFields.Member(key: key.stringValue, value: try object.decode(ProbedValue.self, forKey: key).value)
        }
        self = .object(AnswerFields(members))
    }
}

/// ``AnswerValue/init(probing:)`` as a `Decodable`, for the nested values.
private struct ProbedValue: Decodable {
    let value: AnswerValue
    init(from decoder: any Decoder) throws { value = try AnswerValue(probing: decoder) }
}
