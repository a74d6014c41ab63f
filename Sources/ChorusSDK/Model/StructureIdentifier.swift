import Foundation

/// How a structure is named on Chorus Pro: an identifier type (`typeIdentifiantStructure`) and its value
/// (`identifiantStructure`), checked when built.
///
/// | Factory | Type | Rule |
/// | --- | --- | --- |
/// | ``siret(_:checkDigit:)`` | `SIRET` | 14 digits; Luhn check digit, or La Poste's digit sum (§8.1) |
/// | ``siren(_:checkDigit:)`` | — | 9 digits; Luhn (searches and validation only; Chorus names structures by SIRET) |
/// | ``euVATNumber(_:)`` | `UE_HORS_FRANCE` | an EU country prefix other than FR, then 2–12 letters or digits |
/// | ``taxNumber(_:)`` | `HORS_UE` | 1–20 letters, digits, `-`, `.`, `/` |
/// | ``usCompany(name:)`` | `HORS_UE` | `US` followed by the company name (upper case, spaces kept) |
/// | ``ridet(_:)`` | `RIDET` | 6–7 digits, optionally a 3-digit establishment number |
/// | ``tahiti(_:)`` | `TAHITI` | 6 letters or digits, optionally a 3-digit establishment number |
/// | ``privatePerson(lastName:firstName:)`` | `PARTICULIER` | both names, `NOM PRENOM` |
///
/// Spaces in numbers are removed; a rule that fails throws ``ChorusError/Code/invalidInput`` naming the
/// field (`identifiantStructure`) and the rule. The check digit is enforced by default; the sandbox, whose
/// test SIRETs fail Luhn, builds them with ``CheckDigitPolicy/warn`` (see ``ChorusConfiguration``).
public struct StructureIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// What to do when a SIRET or SIREN has a wrong check digit.
    public enum CheckDigitPolicy: Sendable, Hashable {
        /// Refuse it (production).
        case enforce
        /// Accept it and record a warning (the sandbox's test data fail Luhn).
        case warn
    }

    /// The identifier type.
    public let type: StructureIdentifierType
    /// The identifier as sent.
    public let value: String
    /// A problem accepted under ``CheckDigitPolicy/warn`` (a wrong check digit), if any.
    public let warning: String?

    private init(type: StructureIdentifierType, value: String, warning: String? = nil) {
        self.type = type
        self.value = value
        self.warning = warning
    }

    /// `TYPE value`.
    public var description: String { "\(type.rawValue) \(value)" }

    /// An identifier of any type, checked by that type's rule (unknown types: non-empty, ≤ 80 characters).
    public static func make(type: StructureIdentifierType, value: String,
                            checkDigit: CheckDigitPolicy = .enforce) throws -> StructureIdentifier {
        switch type {
        case .siret: return try siret(value, checkDigit: checkDigit)
        case .euOutsideFrance: return try euVATNumber(value)
        case .outsideEU: return try taxNumber(value)
        case .ridet: return try ridet(value)
        case .tahiti: return try tahiti(value)
        default:
            let trimmed = value.trimmingSpaces()
            guard (1...80).contains(trimmed.count) else { throw invalid("identifier.length", "must have 1 to 80 characters") }
            return StructureIdentifier(type: type, value: trimmed)
        }
    }

    /// A SIRET: 14 digits with a valid check digit (Luhn, or La Poste's rule for SIREN 356000000).
    public static func siret(_ text: String, checkDigit: CheckDigitPolicy = .enforce) throws -> StructureIdentifier {
        let digits = text.filter { $0 != " " }
        guard digits.count == 14, digits.allSatisfy(\.isASCIIDigitCharacter) else {
            throw invalid("siret.format", "a SIRET has exactly 14 digits (\"\(text)\")")
        }
        guard FrenchCompanyNumbers.isValidSIRETCheckDigit(digits) else {
            let message = "SIRET \(digits) fails its check digit (Luhn, or La Poste's digit sum)"
            if checkDigit == .warn { return StructureIdentifier(type: .siret, value: digits, warning: message) }
            throw invalid("siret.checkDigit", message)
        }
        return StructureIdentifier(type: .siret, value: digits)
    }

    /// A SIREN: 9 digits with a valid Luhn check digit. Returned with type `SIRET`'s family for searches.
    public static func siren(_ text: String, checkDigit: CheckDigitPolicy = .enforce) throws -> StructureIdentifier {
        let digits = text.filter { $0 != " " }
        guard digits.count == 9, digits.allSatisfy(\.isASCIIDigitCharacter) else {
            throw invalid("siren.format", "a SIREN has exactly 9 digits (\"\(text)\")")
        }
        guard FrenchCompanyNumbers.isValidSIREN(digits) else {
            let message = "SIREN \(digits) fails its Luhn check digit"
            if checkDigit == .warn { return StructureIdentifier(type: .siret, value: digits, warning: message) }
            throw invalid("siren.checkDigit", message)
        }
        return StructureIdentifier(type: .siret, value: digits)
    }

    /// An intra-EU VAT number of a company outside France (`UE_HORS_FRANCE`).
    public static func euVATNumber(_ text: String) throws -> StructureIdentifier {
        let value = text.filter { $0 != " " }.uppercased()
        let country = String(value.prefix(2))
        guard country != "FR" else { throw invalid("euVAT.notFrance", "a French company is named by its SIRET, not its VAT number") }
        guard euCountryPrefixes.contains(country) else {
            throw invalid("euVAT.country", "\"\(country)\" is not an EU VAT prefix")
        }
        let rest = value.dropFirst(2)
        guard (2...12).contains(rest.count), rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw invalid("euVAT.format", "after the country prefix, 2 to 12 letters or digits")
        }
        return StructureIdentifier(type: .euOutsideFrance, value: value)
    }

    /// A tax number of a company outside the EU (`HORS_UE`).
    public static func taxNumber(_ text: String) throws -> StructureIdentifier {
        let value = text.trimmingSpaces()
        guard (1...20).contains(value.count),
              value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-./".contains($0)) })
        else { throw invalid("taxNumber.format", "1 to 20 letters, digits, '-', '.' or '/'") }
        return StructureIdentifier(type: .outsideEU, value: value)
    }

    /// A US company without a tax number: `US` followed by its name (`HORS_UE`).
    public static func usCompany(name: String) throws -> StructureIdentifier {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...78).contains(trimmed.count) else { throw invalid("usCompany.name", "the company name must have 1 to 78 characters") }
        return StructureIdentifier(type: .outsideEU, value: "US" + trimmed.uppercased())
    }

    /// A New Caledonian RIDET: 6–7 digits, optionally followed by a 3-digit establishment number.
    public static func ridet(_ text: String) throws -> StructureIdentifier {
        let value = text.filter { $0 != " " && $0 != "." }
        guard [6, 7, 9, 10].contains(value.count), value.allSatisfy(\.isASCIIDigitCharacter) else {
            throw invalid("ridet.format", "6 or 7 digits, optionally followed by a 3-digit establishment number")
        }
        return StructureIdentifier(type: .ridet, value: value)
    }

    /// A French Polynesian TAHITI number: 6 letters or digits, optionally a 3-digit establishment number.
    public static func tahiti(_ text: String) throws -> StructureIdentifier {
        let value = text.filter { $0 != " " }.uppercased()
        let base = value.prefix(6)
        guard value.count == 6 || value.count == 9, base.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              value.dropFirst(6).allSatisfy(\.isASCIIDigitCharacter)
        else { throw invalid("tahiti.format", "6 letters or digits, optionally followed by 3 digits") }
        return StructureIdentifier(type: .tahiti, value: value)
    }

    /// A private person (`PARTICULIER`), named `NOM PRENOM`.
    public static func privatePerson(lastName: String, firstName: String) throws -> StructureIdentifier {
        let last = lastName.trimmingCharacters(in: .whitespaces)
        let first = firstName.trimmingCharacters(in: .whitespaces)
        guard !last.isEmpty, !first.isEmpty else { throw invalid("privatePerson.names", "both last and first names are required") }
        guard last.count + first.count <= 79 else { throw invalid("privatePerson.length", "names too long (80 characters in all)") }
        return StructureIdentifier(type: .privatePerson, value: "\(last.uppercased()) \(first.uppercased())")
    }

    static let euCountryPrefixes: Set<String> = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "GR", "ES", "FI", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
        "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
    ]

    private static func invalid(_ rule: String, _ message: String) -> ChorusError {
        .invalidInput(.validationLocale, field: "identifiantStructure", rule: rule, message)
    }
}
