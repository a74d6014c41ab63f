import Foundation
import Testing

@testable import ChorusSDK

/// The SDK's own JSON parser (`AnswerParser`) beside Foundation's `JSONDecoder`, the oracle: on seeded random documents,
/// valid and mutated, both accept the same texts and read the same values.
@Suite("Answers: the SDK's parser agrees with Foundation's JSONDecoder")
struct AnswerParserTests {
    /// Reads whatever JSONDecoder parsed, through the probing path (Foundation does the parsing).
    private struct Oracle: Decodable {
        let value: AnswerValue
        init(from decoder: any Decoder) throws { value = try AnswerValue(probing: decoder) }
    }

    private static func oracle(_ data: Data) -> AnswerValue? {
        try? JSONDecoder().decode(Oracle.self, from: data).value
    }

    /// Numbers compare by value (JSONDecoder gives `Decimal`s, the parser keeps the text), everything else exactly.
    private static func same(_ left: AnswerValue, _ right: AnswerValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return Decimal(string: a) == Decimal(string: b)
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.object(let a), .object(let b)):
            return Set(a.distinctKeys) == Set(b.distinctKeys)
                && a.distinctKeys.allSatisfy { key in a[key].flatMap { x in b[key].map { same(x, $0) } } ?? false }
        default: return false
        }
    }

    private static func hasNumberBeyondDecimal(_ value: AnswerValue) -> Bool {
        switch value {
        case .number(let text): Decimal(string: text) == nil
        case .array(let items): items.contains(where: hasNumberBeyondDecimal)
        case .object(let fields): fields.values.contains(where: hasNumberBeyondDecimal)
        default: false
        }
    }

    /// A seeded generator of JSON texts: every value kind, escapes, non-ASCII text, nesting, whitespace.
    private struct Documents {
        var random: SplitMix64

        mutating func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

        mutating func space() -> String { chance(20) ? pick([" ", "\n", "\t ", "\r\n  "]) : "" }

        mutating func string() -> String {
            var text = "\""
            for _ in 0..<Int(random.next() % 8) {
                text += pick([
                    "a", "Z", "7", " ", "é", "€", "😀", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\b", "\\f", "\\r",
                    "\\u00e9",
                    "\\u20AC", "\\ud83d\\ude00", "\\u0000", "'", "<", "FACTURE",
                ])
            }
            return text + "\""
        }

        mutating func number() -> String {
            var text = chance(30) ? "-" : ""
            text += chance(20) ? "0" : String(1 + random.next() % 999_999)
            if chance(40) { text += "." + String(random.next() % 1000) }
            if chance(15) { text += pick(["e", "E"]) + pick(["", "+", "-"]) + String(random.next() % 20) }
            return text
        }

        mutating func value(depth: Int) -> String {
            let kinds = depth >= 4 ? 5 : 7
            switch random.next() % UInt64(kinds) {
            case 0: return "null"
            case 1: return pick(["true", "false"])
            case 2, 3: return number()
            case 4: return string()
            case 5:
                let items = (0..<Int(random.next() % 5)).map { _ in space() + value(depth: depth + 1) + space() }
                return "[" + items.joined(separator: ",") + "]"
            default:
                let keys = Set((0..<Int(random.next() % 6)).map { _ in string() })
                let members = keys.sorted().map { space() + $0 + space() + ":" + space() + value(depth: depth + 1) }
                return "{" + members.joined(separator: ",") + space() + "}"
            }
        }

        /// A byte inserted, removed or replaced, or the text cut: mostly invalid JSON, sometimes still valid.
        mutating func mutated(_ text: String) -> Data {
            var bytes = Array(text.utf8)
            let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            let byte = pick(Array("{}[]\",:.-+eE0 \\tnu".utf8) + [0x00, 0x01, 0x7F, 0xC3, 0xFF, 0x80])
            switch random.next() % 4 {
            case 0: bytes.insert(byte, at: position)
            case 1: if !bytes.isEmpty { bytes.remove(at: position) }
            case 2: if !bytes.isEmpty { bytes[position] = byte }
            default: bytes = Array(bytes.prefix(position))
            }
            return Data(bytes)
        }
    }

    @Test("seeded random documents, valid and mutated: the same verdict and the same values as JSONDecoder")
    func agreesWithJSONDecoder() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["CHORUS_TEST_SEED"] ?? "") ?? 20_261_203
        var documents = Documents(random: SplitMix64(seed: seed))
        var tally: [String: Int] = [:]
        var disagreements: [String] = []
        for round in 0..<6000 {
            let text = documents.space() + documents.value(depth: 0) + documents.space()
            let data = round.isMultiple(of: 2) ? Data(text.utf8) : documents.mutated(text)
            var ours = try? AnswerParser.parse(data)
            // A number beyond Decimal's range (a mutated exponent: 1E20796) is kept as text by the parser and refused by
            // every reading, where JSONDecoder refuses it when it is read — here, since the oracle reads every value.
            if let tree = ours, Self.hasNumberBeyondDecimal(tree) { ours = nil }
            let theirs = Self.oracle(data)
            let verdict: String
            switch (ours, theirs) {
            case (nil, nil): verdict = "both refuse"
            case (let a?, let b?): verdict = Self.same(a, b) ? "both read the same value" : "different values"
            case (nil, _?): verdict = "only JSONDecoder accepts"
            case (_?, nil): verdict = "only the SDK accepts"
            }
            tally[verdict, default: 0] += 1
            if !verdict.hasPrefix("both"), disagreements.count < 10 {
                disagreements.append("\(verdict): \(String(decoding: data, as: UTF8.self).debugDescription)")
            }
        }
        print("AnswerParser vs JSONDecoder, seed \(seed) (CHORUS_TEST_SEED):")
        for (verdict, count) in tally.sorted(by: { $0.key < $1.key }) { print("  \(verdict): \(count)") }
        for line in disagreements { print("  " + line) }
        #expect(disagreements.isEmpty, "seed \(seed): \(disagreements.joined(separator: "; "))")
        #expect((tally["both refuse"] ?? 0) > 1000, "the mutations should produce invalid documents")
        #expect((tally["both read the same value"] ?? 0) > 3000)
    }

    @Test("the first of repeated keys wins, as with JSONDecoder; a byte-order mark is skipped; depth is bounded")
    func edges() throws {
        let repeated = Data(#"{"a":1,"a":2}"#.utf8)
        struct One: Decodable { let a: Int }
        #expect(try JSONDecoder().decode(One.self, from: repeated).a == 1)
        guard case .object(let fields) = try AnswerParser.parse(repeated) else { throw ParserTestFailure() }
        #expect(fields["a"] == .number("1"))
        #expect(try AnswerParser.parse(Data([0xEF, 0xBB, 0xBF] + Array("[true]".utf8))) == .array([.bool(true)]))
        // What Foundation reads beyond RFC 8259, the parser reads too: UTF-16 and one trailing comma.
        let wide = try #require(#"{"a":["é",1,],}"#.data(using: .utf16LittleEndian))
        let expected = AnswerValue.array([.string("é"), .number("1")])
        guard case .object(let wideFields) = try AnswerParser.parse(wide) else { throw ParserTestFailure() }
        #expect(wideFields["a"] == expected)
        #expect(Self.oracle(wide).map { Self.same($0, try! AnswerParser.parse(wide)) } == true)
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: DecodingError.self) { try AnswerParser.parse(Data(deep.utf8)) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try AnswerParser.parse(Data(fine.utf8)) }
    }

    private struct ParserTestFailure: Error {}
}
