import ChorusSDK
import Foundation

/// `telecharger/annuaire/destinataire` (the directory of public recipients as a Base64 ZIP holding one CSV file) and
/// `consulter/information/siret` (what INSEE knows of a SIRET).
extension FakeChorusPro {
    /// The CSV file's name inside the ZIP.
    static let directoryFileName = "annuaire_destinataires.csv"

    /// The directory as CSV: one row per service of each public structure (one row without service when it has none),
    /// columns named after the API's own fields, `;`-separated, UTF-8.
    func directoryCSV() -> String {
        let header = ["identifiantStructure", "typeIdentifiantStructure", "raisonSociale", "codeServiceDoitEtreRenseigne",
                      "numeroEJDoitEtreRenseigne", "gestionNumeroEJOuCodeService", "estActif", "codeService", "nomService",
                      "serviceActif", "numeroEngagement"]
        func field(_ text: String) -> String { text.contains(";") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text }
        func flag(_ value: Bool) -> String { value ? "OUI" : "NON" }
        var rows = [header.joined(separator: ";")]
        for structure in structures.values.filter(\.isPublic).sorted(by: { $0.id < $1.id }) {
            let common = [structure.identifier, structure.identifierType, structure.name, flag(structure.requiresServiceCode),
                          flag(structure.requiresCommitment), flag(structure.requiresServiceCodeOrCommitment), flag(structure.isActive)]
            let services = structure.services.map { [$0.code, $0.name, flag($0.isActive), flag($0.requiresCommitment)] }
            for service in services.isEmpty ? [["", "", "", ""]] : services {
                rows.append((common + service).map(field).joined(separator: ";"))
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    func telechargerAnnuaire(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let zip = ZipArchive.write([ZipArchive.Entry(name: Self.directoryFileName, data: Data(directoryCSV().utf8))])
        return ["libelle": "GCU_MSG_01_000", "fichierResultat": .string(zip.base64EncodedString())]
    }

    func informationSiret(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        guard let siret = body["siretStructure"].lenientString, !siret.isEmpty else { throw FakeRefusal.missing("siretStructure") }
        guard let structure = structures.values.first(where: { $0.identifier == siret && $0.identifierType == "SIRET" }) else {
            throw FakeRefusal.unknownStructure(siret)
        }
        return ["siret": .string(structure.identifier), "siren": .string(String(structure.identifier.prefix(9))),
                "raisonSociale": .string(structure.name), "adresse": .string("\(structure.postalCode) \(structure.city)"),
                "categorieJuridique": structure.isPublic ? "7389" : "5710", "categorieEntreprise": structure.isPublic ? .null : "PME",
                "estActif": .bool(structure.isActive), "nonDiffusibleInsee": false, "siege": "OUI",
                "dateCreationEtablissement": "2001-01-01", "siretPredecesseurSuccesseur": .null]
    }
}
