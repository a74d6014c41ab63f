import Foundation
import Testing

@testable import ChorusSDK

/// The SDK's request-body writer (`WireEncoder`) beside Foundation's `JSONEncoder` with the options the SDK used
/// before, the oracle: byte for byte the same on seeded random bodies and on the SDK's own request types.
@Suite("Request bodies: WireEncoder writes what JSONEncoder writes")
struct WireEncoderTests {
    private static let oracle: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private struct Bodies {
        var random: SplitMix64
        mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

        mutating func text() -> String {
            let pieces = [
                "a", "Z", "_", "-", "1", " ", "/", "\"", "\\", "é", "€", "😀", "\u{7F}", "\u{2028}", "FACTURE",
            ]
            let controls = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
            return (0..<below(8)).map { _ in
                below(4) == 0 ? controls[below(controls.count)] : pieces[below(pieces.count)]
            }
            .joined()
        }

        mutating func value(depth: Int) -> WireValue {
            switch below(depth >= 3 ? 6 : 8) {
            case 0: return .null
            case 1: return .bool(below(2) == 0)
            case 2: return .int(Int(truncatingIfNeeded: random.next()) >> below(64))
            case 3: return .amount(Amount(minorUnits: below(2_000_000) - 1_000_000, scale: below(4)))
            case 4, 5: return .string(text())
            case 6: return .array((0..<below(4)).map { _ in value(depth: depth + 1) })
            default:
                var object: [String: WireValue] = [:]
                for _ in 0..<below(6) { object[text()] = value(depth: depth + 1) }
                return .object(object)
            }
        }
    }

    @Test("seeded random bodies: the same bytes as JSONEncoder")
    func randomBodies() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["CHORUS_TEST_SEED"] ?? "") ?? 20_261_203
        var bodies = Bodies(random: SplitMix64(seed: seed))
        var differences: [String] = []
        for _ in 0..<3000 {
            let body = bodies.value(depth: 0)
            let ours = try RequestPipeline.encoder.encode(body)
            let theirs = try Self.oracle.encode(body)
            if ours != theirs, differences.count < 5 {
                differences.append(
                    "ours \(String(decoding: ours, as: UTF8.self)) / JSONEncoder \(String(decoding: theirs, as: UTF8.self))"
                )
            }
        }
        print("WireEncoder vs JSONEncoder, seed \(seed): 3000 bodies, \(differences.count) different")
        #expect(differences.isEmpty, "seed \(seed): \(differences.joined(separator: "; "))")
    }

    private struct Typed: Encodable {
        var number = 42
        var optional: String?
        var present: String? = "là"
        var decimal = Decimal(string: "1041.070")
        var data = Data([0, 1, 2, 250])
        var url = URL(string: "https://chorus-pro.gouv.fr/a b")
        var page = PageRequest(pageSize: 50, page: 2)
        var nested = ["z": [1, 2], "a": []]
        var flags: [Bool?] = [true, nil, false]
    }

    @Test("the SDK's value types, optionals, Decimal, Data and URL: the same bytes as JSONEncoder")
    func typedValues() throws {
        let ours = String(decoding: try RequestPipeline.encoder.encode(Typed()), as: UTF8.self)
        let theirs = String(decoding: try Self.oracle.encode(Typed()), as: UTF8.self)
        #expect(ours == theirs)
        #expect(ours.contains(#""decimal":1041.07"#) && !ours.contains("optional"))
    }

    @Test("a value that refuses to encode fails the same way: a page outside 1–1000 is invalidInput")
    func refusals() {
        #expect(throws: ChorusError.self) { try RequestPipeline.encoder.encode(PageRequest(pageSize: 5000)) }
        #expect(throws: EncodingError.self) { try RequestPipeline.encoder.encode(Double.nan) }
    }
}
