import Foundation
import Testing
@testable import ChorusSDK

/// Each operation is declared once, next to its service, and its name is its Swift name.
@Suite("Operations: one declaration each")
struct OperationDeclarationTests {
    /// Every `public static let x = OperationID("y", …)` in the sources, as (Swift name, raw value, file).
    static func declarations() throws -> [(name: String, raw: String, file: String)] {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ChorusSDK")
        let pattern = try NSRegularExpression(pattern: #"public static let (\w+)(?:: OperationID)? = OperationID\(\s*"(\w+)""#)
        var found: [(String, String, String)] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let name = Range(match.range(at: 1), in: text), let raw = Range(match.range(at: 2), in: text) else { continue }
                found.append((String(text[name]), String(text[raw]), file.lastPathComponent))
            }
        }
        return found
    }

    @Test("every declared operation's raw value is its Swift name, declared once, in its service's Operations file")
    func namesAreRawValues() throws {
        let declarations = try Self.declarations()
        #expect(declarations.count >= 52, "found \(declarations.count)")
        for declaration in declarations {
            #expect(declaration.name == declaration.raw, "\(declaration.file): \(declaration.name) is sent as \(declaration.raw)")
            #expect(declaration.file.hasSuffix("Operations.swift"), "\(declaration.name) is declared in \(declaration.file)")
        }
        #expect(Set(declarations.map(\.raw)).count == declarations.count, "a name is declared twice")
    }

    @Test("a declared operation carries its route; a name alone does not, and compares equal by name")
    func routes() {
        #expect(OperationID.rechercherStructure.endpoint?.path == "/cpro/structures/v1/rechercher")
        #expect(OperationID.soumettreFacture.endpoint?.isIdempotent == false)
        #expect(OperationID.rechercherFactureTravaux.endpoint?.emptyResultCodes == [20007])
        #expect(OperationID.creerCompteGestionnaire.endpoint?.path == "/portail/v1/comptes/creer")
        #expect(OperationID(rawValue: "rechercherStructure") == .rechercherStructure)
        #expect(OperationID(rawValue: "rechercherStructure").endpoint == nil)
        #expect(OperationID.rechercherEngagementJuridique.apiName == "Engagements juridiques")
    }
}
