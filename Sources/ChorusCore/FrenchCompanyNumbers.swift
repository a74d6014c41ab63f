/// The check-digit rules of French company numbers, shared by ``StructureIdentifier`` (ChorusSDK) and the
/// document validator (ChorusDocuments), so both accept and refuse the same numbers (Documentation §8.1).
package enum FrenchCompanyNumbers {
    /// Whether `text` is 14 ASCII digits whose check digit holds.
    package static func isValidSIRET(_ text: String) -> Bool {
        text.count == 14 && text.allSatisfy(\.isASCIIDigitCharacter) && isValidSIRETCheckDigit(text)
    }

    /// Whether `text` is 9 ASCII digits whose Luhn check digit holds (La Poste's SIREN 356000000 included).
    package static func isValidSIREN(_ text: String) -> Bool {
        text.count == 9 && text.allSatisfy(\.isASCIIDigitCharacter) && (luhn(text) || text == "356000000")
    }

    /// Luhn, except for La Poste's establishments (SIREN 356000000, head office aside), whose digits must
    /// add up to a multiple of 5 (§8.1).
    package static func isValidSIRETCheckDigit(_ digits: String) -> Bool {
        if digits.hasPrefix("356000000") && digits != "35600000000048" {
            return digits.compactMap(\.wholeNumberValue).reduce(0, +) % 5 == 0
        }
        return luhn(digits)
    }

    /// The Luhn checksum over decimal digits.
    package static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, digit) in digits.reversed().compactMap(\.wholeNumberValue).enumerated() {
            let doubled = index % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }
}

extension Character {
    /// `0`…`9` only (not other scripts' digits).
    package var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
