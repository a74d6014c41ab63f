import Foundation

/// The envelope every Chorus Pro answer carries: `codeRetour` (0 = success) and `libelle`.
///
/// Success is decided on `codeRetour` alone, never on `libelle`: `GCU_MSG_01_000` and
/// `TRA_MSG_00.000` are both used for success, by different operations (§3.1, §13.2).
package struct Envelope: Decodable, Sendable {
    package var codeRetour: Int?
    package var libelle: String?
    /// `codeRetour` is present but is not an integer: the answer cannot be judged a success.
    package var codeRetourUnreadable = false

    private enum CodingKeys: String, CodingKey { case codeRetour, libelle }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do { codeRetour = try container.decodeLenientInt(forKey: .codeRetour) } catch { codeRetourUnreadable = true }
        // The message is only shown to people: an odd one is left out rather than failing the call.
        libelle = try? container.decodeLenientString(forKey: .libelle)
    }

    /// The top-level `codeRetour` found by scanning the bytes, without parsing the document: `nil` when
    /// absent, unreadable, or possibly nested (then ``read(_:)`` decides). Keeps successful answers from
    /// being parsed twice.
    package static func quickReturnCode(_ body: Data) -> Int? {
        let key = Array(#""codeRetour""#.utf8)
        return body.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            guard bytes.count >= key.count, bytes.first(where: { !$0.isASCIIWhitespace }) == UInt8(ascii: "{") else { return nil }
            var index = 0
            var depth = 0
            var inString = false
            while index < bytes.count {
                let byte = bytes[index]
                if inString {
                    if byte == UInt8(ascii: "\\") { index += 2; continue }
                    if byte == UInt8(ascii: "\"") { inString = false }
                    index += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: "\""):
                    if depth == 1, index + key.count <= bytes.count, zip(key, bytes[index..<index + key.count]).allSatisfy({ $0 == $1 }) {
                        return readInteger(bytes, after: index + key.count)
                    }
                    inString = true
                default: break
                }
                index += 1
            }
            return nil
        }
    }

    private static func readInteger(_ bytes: UnsafeRawBufferPointer, after start: Int) -> Int? {
        var index = start
        func skipSpaces() { while index < bytes.count, bytes[index].isASCIIWhitespace { index += 1 } }
        skipSpaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        skipSpaces()
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") { index += 1 }
        var digits = ""
        while index < bytes.count, bytes[index] == UInt8(ascii: "-") || (48...57).contains(bytes[index]), digits.count < 18 {
            digits.append(Character(Unicode.Scalar(bytes[index])))
            index += 1
        }
        return Int(digits)
    }

    /// The envelope of a JSON body, or `nil` when the body is not a JSON object.
    package static func read(_ body: Data) -> Envelope? {
        guard body.first(where: { !$0.isASCIIWhitespace }) == UInt8(ascii: "{") else { return nil }
        return try? JSONDecoder().decode(Envelope.self, from: body)
    }
}

extension UInt8 {
    var isASCIIWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
