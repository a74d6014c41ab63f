import Foundation

/// The reference look-ups of `transverses/v1/recuperer/*` (§5.16), from the seed's tables.
extension FakeChorusPro {
    func recupererDevises(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        ["listeDevises": .array(currencies.sorted { $0.key < $1.key }.map {
            ["codeDevise": .string($0.key), "libelleDevise": .string($0.value)] })]
    }

    func recupererTauxTva(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        ["listeTauxTva": .array(vatRates.sorted { $0.key < $1.key }.map {
            ["codeTauxTva": .string($0.key), "libelleTauxTva": .string("\($0.value) %"), "valeurTauxTva": .number($0.value)]
        })]
    }

    func recupererCadres(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let type = body["typeDemandePaiement"].string ?? "FACTURE"
        let codes = switch type {
        case "FACTURE": ["A1_FACTURE_FOURNISSEUR", "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE", "A9_FACTURE_SOUSTRAITANT", "A12_FACTURE_COTRAITANT"]
        case "FACTURE_TRAVAUX": Self.worksFrameworks
        default: [String]()
        }
        return ["listeCadreFacturation": .array(codes.map { ["codeCadreFacturation": .string($0)] })]
    }

    func recupererModes(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        ["libelle": "GCU_MSG_01_000",
         "listeModePaiement": .array(Self.paymentModes.map { ["modePaiement": .string($0)] })]
    }

    func recupererMotifs(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let reasons = exemptionReasons.sorted { $0.key < $1.key }
        return ["listeMotifsExonerationTva": .array(reasons.map {
            ["codeMotifExonerationTva": .string($0.key), "libelleMotifExonerationTva": .string($0.value)] }),
                "nbResultatsParPage": .int(reasons.count), "pageCourante": 1, "pages": 1, "total": .int(reasons.count)]
    }

    func recupererPays(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        ["listePays": .array(countries.sorted { $0.key < $1.key }.map {
            ["codePays": .string($0.key), "libellePays": .string($0.value)] })]
    }

    func recupererTypesIdentifiant(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        ["listeTypeIdentifiant": .array(Self.identifierTypes.map { ["typeIdentifiantStructure": .string($0)] })]
    }

    static let paymentModes = ["CHEQUE", "PRELEVEMENT", "VIREMENT", "ESPECE", "AUTRE", "REPORT"]
    static let identifierTypes = ["SIRET", "UE_HORS_FRANCE", "HORS_UE", "RIDET", "TAHITI", "AUTRE", "PARTICULIER"]
    static let vatRegimes: Set<String> = ["TVA_SUR_DEBIT", "TVA_SUR_ENCAISSEMENT", "EXONERATION", "SANS_TVA"]
    static let frameworks: Set<String> = ["A1_FACTURE_FOURNISSEUR", "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE",
                                          "A9_FACTURE_SOUSTRAITANT", "A12_FACTURE_COTRAITANT"]
}
