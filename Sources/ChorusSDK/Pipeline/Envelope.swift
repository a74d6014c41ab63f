import Foundation

/// The envelope every Chorus Pro answer carries: `codeRetour` (0 = success) and `libelle`.
///
/// Success is decided on `codeRetour` alone, never on `libelle`: `GCU_MSG_01_000` and
/// `TRA_MSG_00.000` are both used for success, by different operations (§3.1, §13.2).
package struct Envelope: Decodable, Sendable {
    package var codeRetour: Int?
    package var libelle: String?

    private enum CodingKeys: String, CodingKey { case codeRetour, libelle }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        codeRetour = try? container.decodeLenientInt(forKey: .codeRetour)
        libelle = try? container.decodeLenientString(forKey: .libelle)
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
