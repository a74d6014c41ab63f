import Foundation

/// The bounds every value is checked against before anything is sent: lengths, characters, amounts and
/// counts. Where `Documentation/PlatformReference.md` knows the platform's limit it is used; elsewhere the limit is ours,
/// generous for real invoices and documented here, so that abusive input (a 100 KB designation, a
/// 40-digit amount, a right-to-left override in a name) is refused with a named field and rule instead of
/// being sent.
public enum InputLimits {
    /// Longest text per wire field, in characters. Platform limits: the service code (varchar(100), §5.10),
    /// the commitment number (50, §5.10), an attachment designation (100, §5.10), `completer`'s comment
    /// (2,000, §5.15), an invoice number (varchar(20), §5.10). The others are the SDK's.
    public static let textLengths: [String: Int] = [
        "lignePosteDenomination": 1_000, "lignePosteReference": 100, "lignePosteUnite": 50, "lignePosteTauxTva": 20,
        "destinataire.codeServiceExecutant": 100, "cadreDeFacturation.codeServiceValideur": 100,
        "references.numeroBonCommande": 50, "references.numeroMarche": 100, "references.numeroFactureOrigine": 20,
        "references.motifExonerationTva": 100, "montantTotal.motifRemiseGlobaleTTC": 200, "commentaire": 2_000,
        "pieceJointeDesignation": 100, "pieceJointeTypeMime": 255,
        // Search filters (the SDK's limits).
        "raisonSocialeStructure": maximumSearchTextLength, "adresseVille": maximumSearchTextLength, "adresseCodePostal": 20,
        "adresseCodePays": 3, "triColonne": 100,
    ]
    /// Longest text in a structure search's filters (the SDK's limit: a company name fits, a 100 KB one does not).
    public static let maximumSearchTextLength = 255
    /// Most invoice ids in one call (downloads, acknowledgements): the SDK's limit, as no source gives the platform's;
    /// a larger batch goes in several calls.
    public static let maximumIDsPerCall = 1_000
    /// Results per page a search may ask for (`nbResultatsParPage`), and the first page number.
    public static let pageSizes = 1...1_000

    /// Refuses, before anything is sent, ids that cannot name anything on the platform (0 or negative) and more ids
    /// than ``maximumIDsPerCall``.
    package static func checkIDs(_ ids: [Int], field: String, operation: OperationID) throws {
        var problems: [ValidationProblem] = []
        if let bad = ids.first(where: { $0 <= 0 }) {
            problems.append(ValidationProblem(field: field, rule: "id.positive", message: "an id is a positive number (\(bad) given)"))
        }
        if ids.count > maximumIDsPerCall {
            problems.append(ValidationProblem(field: field, rule: "ids.count",
                                              message: "at most \(maximumIDsPerCall) ids in one call (\(ids.count) given)"))
        }
        if !problems.isEmpty { throw ChorusError.invalid(operation, problems) }
    }

    /// Most lines in one structured invoice (the SDK's limit; larger invoices go as a flux, `depositFile`).
    public static let maximumLines = 1_000
    /// Most digits before the decimal point of any amount: the platform's amounts are decimal(19,6) (§3),
    /// so 13.
    public static let maximumIntegerDigits = 13

    /// Problems of one text value: too long, or holding characters that do not belong in an invoice —
    /// control characters (NUL, ESC, CR, LF…; `multiline` allows LF and tab) and the bidirectional
    /// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which can make a printed
    /// invoice read differently from its data, the replacement character U+FFFD (text that was mis-decoded on its
    /// way here) and Unicode noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).
    ///
    /// `checksLength` false leaves the length to a rule of the caller's (`commitment.length`).
    public static func textProblems(_ text: String, field: String, limitKey: String? = nil, multiline: Bool = false,
                                    checksLength: Bool = true) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        let limit = textLengths[limitKey ?? field] ?? 1_000
        if checksLength, text.count > limit {
            problems.append(ValidationProblem(field: field, rule: "text.length", message: "at most \(limit) characters (\(text.count) given)"))
        }
        if let bad = text.unicodeScalars.first(where: { isForbidden($0, multiline: multiline) }) {
            let code = String(format: "U+%04X", bad.value)
            let (kind, rule) = bad.properties.generalCategory == .control ? ("a control character", "text.controlCharacter")
                : bad.value == 0xFFFD ? ("the replacement character, left by a text decoded with the wrong encoding", "text.replacementCharacter")
                : bad.properties.isNoncharacterCodePoint ? ("a Unicode noncharacter", "text.noncharacter")
                : ("a bidirectional override", "text.bidiOverride")
            problems.append(ValidationProblem(field: field, rule: rule, message: "the text holds \(kind) (\(code))"))
        }
        return problems
    }

    /// Whether a scalar is refused in text.
    static func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        if multiline && (scalar == "\n" || scalar == "\t") { return false }
        if scalar.properties.generalCategory == .control || scalar.value == 0xFFFD || scalar.properties.isNoncharacterCodePoint { return true }
        return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Problems of an amount: not a number, or more digits than the platform stores.
    public static func amountProblems(_ amount: Amount, field: String) -> [ValidationProblem] {
        guard amount.isFinite else {
            return [ValidationProblem(field: field, rule: "amount.finite", message: "the amount is not a number")]
        }
        let integerDigits = amount.value.magnitude.description.prefix { $0 != "." }.count
        if integerDigits > maximumIntegerDigits {
            return [ValidationProblem(field: field, rule: "amount.digits",
                                      message: "at most \(maximumIntegerDigits) digits before the decimal point (\(integerDigits) given)")]
        }
        return []
    }

    /// Problems of a file name beyond length and extension: control characters, path separators and `..`,
    /// which the platform would store in a name shown to the recipient.
    public static func fileNameProblems(_ name: String, field: String) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if name.unicodeScalars.contains(where: { isForbidden($0, multiline: false) }) {
            problems.append(ValidationProblem(field: field, rule: "file.nameCharacters",
                                              message: "a file name holds no control character or bidirectional override"))
        }
        if name.contains("/") || name.contains("\\") || name.hasPrefix(".") || name.contains("..") {
            problems.append(ValidationProblem(field: field, rule: "file.namePath",
                                              message: "a file name is a plain name: no '/', '\\\\', leading '.' or '..'"))
        }
        return problems
    }
}
