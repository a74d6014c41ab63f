import Foundation

/// Rules the platform applies, written on the fake's side on purpose (the SDK has its own Luhn check in
/// `StructureIdentifier`): sharing the code would let a bug in one hide in the other.
enum FakeRules {
    /// SIRET (14 digits) with Luhn, or La Poste's digit-sum rule (§8.1).
    static func isValidSIRET(_ value: String) -> Bool {
        guard value.count == 14, value.allSatisfy(\.isASCIIDigit) else { return false }
        if value.hasPrefix("356000000") && value != "35600000000048" {
            return value.compactMap(\.wholeNumberValue).reduce(0, +) % 5 == 0
        }
        return luhn(value)
    }

    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, digit) in digits.reversed().compactMap(\.wholeNumberValue).enumerated() {
            let doubled = index % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }

    /// Completes 13 digits with the Luhn check digit.
    static func withLuhnDigit(_ prefix: String) -> String {
        for digit in 0...9 where luhn(prefix + String(digit)) { return prefix + String(digit) }
        return prefix + "0"
    }

    /// Invoice numbers: 1–20 characters, letters, digits and `- _ / +` (§8.5).
    static func isValidInvoiceNumber(_ value: String) -> Bool {
        (1...20).contains(value.count)
            && value.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_/+".contains($0) }
    }

    static let allowedExtensions: Set<String> = [
        "BMP", "BZ2", "CSV", "DOC", "DOCX", "FAX", "GIF", "GZ", "GZIP", "HTM", "HTML", "JPEG", "JPG", "ODP", "ODS",
        "ODT", "P7S", "PDF", "PNG", "PPS", "PPT", "PPTX", "RTF", "SVG", "TGZ", "TIF", "TIFF", "TXT", "XHTML", "XLC",
        "XLM", "XLS", "XLSX", "XML", "ZIP", "XSD", "XSL",
    ]

    static let maximumFileSize = 10 * 1024 * 1024

    /// Whether two amounts agree to the cent.
    static func sameCents(_ lhs: Decimal, _ rhs: Decimal) -> Bool { lhs.rounded(2) == rhs.rounded(2) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// A business refusal, answered in the platform's envelope.
struct FakeRefusal: Error {
    var code: Int
    var libelle: String
}

extension FakeRefusal {
    // The real catalogue ("Annexe – Messages d'erreur") is not public; these ids follow its shape.
    // Codes are scoped per operation on the real platform; the fake keeps one table for readability.
    static func missing(_ field: String) -> FakeRefusal {
        FakeRefusal(code: 20100, libelle: "GCU_MSG_05.001 Le champ \(field) est obligatoire.")
    }
    static func invalid(_ field: String, _ why: String) -> FakeRefusal {
        FakeRefusal(code: 20101, libelle: "GCU_MSG_05.002 Le champ \(field) est invalide : \(why).")
    }
    static func unknownStructure(_ identifier: String) -> FakeRefusal {
        FakeRefusal(code: 20102, libelle: "GCU_MSG_05.003 La structure \(identifier) n'est pas référencée dans notre système.")
    }
    static func recipientRule(_ text: String) -> FakeRefusal {
        FakeRefusal(code: 20103, libelle: "GCU_MSG_05.004 \(text)")
    }
    static func totals(_ text: String) -> FakeRefusal {
        FakeRefusal(code: 20104, libelle: "GCU_MSG_05.005 Montants incohérents : \(text).")
    }
    static func duplicate(_ number: String) -> FakeRefusal {
        FakeRefusal(code: 20105, libelle: "GCU_MSG_05.006 La facture \(number) a déjà été déposée par ce fournisseur.")
    }
    static func unknownAttachment(_ id: Int) -> FakeRefusal {
        FakeRefusal(code: 20106, libelle: "GCU_MSG_05.007 La pièce jointe \(id) n'existe pas.")
    }
    static func notAttached(_ id: Int) -> FakeRefusal {
        FakeRefusal(code: 20107, libelle: "GCU_MSG_05.008 L'utilisateur n'est pas rattaché à la structure \(id).")
    }
    static let fileTooLarge = FakeRefusal(code: 20003, libelle: "TRA_MSG_01.003 Le fichier dépasse la taille maximale de 10 Mo.")
    static let invoiceNotFound = FakeRefusal(code: 20000, libelle: "GDP_MSG_11.008 La demande de paiement n'existe pas.")
    static let notSuspended = FakeRefusal(code: 20002, libelle: "GDP_MSG_11.033 Le statut de la demande de paiement n'est pas \"Suspendue\".")
    static let notToRecycle = FakeRefusal(code: 20004, libelle: "GDP_MSG_11.040 Le statut de la demande de paiement n'est pas \"A recycler\".")
    static let fluxNotFound = FakeRefusal(code: 20010, libelle: "TRA_MSG_02.001 Le flux demandé n'existe pas.")
    static let structureNotFound = FakeRefusal(code: 20001, libelle: "TRA_MSG_00.016 La structure demandée n'existe pas.")
    static let serviceNotFound = FakeRefusal(code: 20001, libelle: "TRA_MSG_00.017 Le service demandé n'existe pas.")
    static let noResult = FakeRefusal(code: 20000, libelle: "TRA_MSG_00.015 La recherche n'a retourné aucun résultat.")
}
