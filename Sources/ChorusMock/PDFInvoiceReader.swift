import Foundation

/// What the fake "reads" from an uploaded PDF (`deposer/pdf`), the way Chorus Pro's recognition does:
/// each field may be missing.
struct PDFReading {
    var number: String?
    var date: String?
    var recipientSIRET: String?
    var supplierSIRET: String?
    var serviceCode: String?
    var currency: String?
    var invoiceType: String?
    var purchaseOrder: String?
    var totalExcludingTax: Decimal?
    var totalVAT: Decimal?
    var totalIncludingTax: Decimal?
    var amountToPay: Decimal?
}

/// Extracts text and embedded files from PDF bytes: content streams (plain or `FlateDecode`), their
/// text operators' strings, and the first embedded CII XML (Factur-X).
enum PDFInvoiceReader {
    static func read(_ pdf: Data) -> PDFReading {
        let text = self.text(pdf)
        func capture(_ pattern: String) -> String? {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
                  let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: text)
            else { return nil }
            return String(text[range])
        }
        func amount(_ label: String) -> Decimal? {
            capture(label + #"\s*:?\s*(-?[0-9][0-9 ]*[.,][0-9]{2})"#).flatMap { raw in
                Decimal(string: raw.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: "."),
                        locale: Locale(identifier: "en_US_POSIX"))
            }
        }
        var date = capture(#"Date(?: de facture)?\s*:?\s*([0-9]{4}-[0-9]{2}-[0-9]{2})"#)
        if date == nil, let french = capture(#"Date(?: de facture)?\s*:?\s*([0-9]{2}/[0-9]{2}/[0-9]{4})"#) {
            let parts = french.split(separator: "/")
            date = "\(parts[2])-\(parts[1])-\(parts[0])"
        }
        return PDFReading(
            number: capture(#"(?:Facture|Avoir)\s*(?:n\S*|num\S*)\s*:?\s*([A-Za-z0-9\-_/+]{1,20})"#),
            date: date,
            recipientSIRET: capture(#"SIRET (?:du )?destinataire\s*:?\s*([0-9]{14})"#),
            supplierSIRET: capture(#"SIRET (?:du )?fournisseur\s*:?\s*([0-9]{14})"#),
            serviceCode: capture(#"Code service\s*:?\s*([A-Za-z0-9_\-]+)"#),
            currency: capture(#"Devise\s*:?\s*([A-Z]{3})"#) ?? (text.contains("EUR") || text.contains("\u{20AC}") ? "EUR" : nil),
            invoiceType: text.range(of: "AVOIR", options: .caseInsensitive) != nil ? "AVOIR"
                : (text.range(of: "FACTURE", options: .caseInsensitive) != nil ? "FACTURE" : nil),
            purchaseOrder: capture(#"(?:Bon de commande|Engagement)\s*:?\s*([A-Za-z0-9\-_/]+)"#),
            totalExcludingTax: amount("Total HT"), totalVAT: amount("Total TVA"), totalIncludingTax: amount("Total TTC"),
            amountToPay: amount(#"(?:Net a payer|Net à payer|Montant a payer|Montant à payer)"#))
    }

    /// The strings shown by the page content streams, one per line.
    static func text(_ pdf: Data) -> String {
        streams(pdf).map { shownStrings($0) }.joined(separator: "\n")
    }

    /// The first stream holding a CII document (Factur-X's `factur-x.xml`).
    static func embeddedXML(_ pdf: Data) -> Data? {
        streams(pdf).first { stream in
            stream.range(of: Data("CrossIndustryInvoice".utf8)) != nil
        }
    }

    /// The Factur-X conformance level the XMP metadata declares (`fx:ConformanceLevel`), element or attribute form.
    static func xmpConformanceLevel(_ pdf: Data) -> String? {
        for stream in streams(pdf) + [pdf] {
            let text = String(decoding: stream, as: UTF8.self)
            guard let range = text.range(of: #"ConformanceLevel(>|=")\s*([^<"]+)"#, options: .regularExpression) else { continue }
            let match = String(text[range])
            let value = match.drop { $0 != ">" && $0 != "\"" }.dropFirst()
            return value.trimmingCharacters(in: CharacterSet(charactersIn: "\" ").union(.whitespacesAndNewlines))
        }
        return nil
    }

    /// Every stream's content, inflated when it is `FlateDecode`.
    static func streams(_ pdf: Data) -> [Data] {
        let bytes = [UInt8](pdf)
        let streamKeyword = Array("stream".utf8)
        let endKeyword = Array("endstream".utf8)
        var result: [Data] = []
        var index = 0
        while let start = find(streamKeyword, in: bytes, from: index) {
            // Skip "endstream" matches.
            if start >= 3, bytes[start - 3..<start] == ArraySlice(Array("end".utf8)) { index = start + 6; continue }
            var contentStart = start + streamKeyword.count
            if contentStart < bytes.count, bytes[contentStart] == 0x0D { contentStart += 1 }
            if contentStart < bytes.count, bytes[contentStart] == 0x0A { contentStart += 1 }
            guard let end = find(endKeyword, in: bytes, from: contentStart) else { break }
            var contentEnd = end
            while contentEnd > contentStart, [0x0A, 0x0D].contains(bytes[contentEnd - 1]) { contentEnd -= 1 }
            let dictionaryStart = max(0, start - 400)
            let dictionary = String(decoding: bytes[dictionaryStart..<start], as: UTF8.self)
            let content = Data(bytes[contentStart..<contentEnd])
            let lastDictionary = dictionary.components(separatedBy: "obj").last ?? dictionary
            if lastDictionary.contains("/FlateDecode") {
                if let inflated = Inflate.inflate(content) { result.append(inflated) }
            } else {
                result.append(content)
            }
            index = end + endKeyword.count
        }
        return result
    }

    /// The literal strings of `Tj` / `TJ` operators (parentheses), decoded as Latin-1.
    private static func shownStrings(_ stream: Data) -> String {
        var lines: [String] = []
        var current: [UInt8] = []
        var depth = 0
        var escaped = false
        for byte in stream {
            if depth > 0 {
                if escaped { current.append(byte); escaped = false; continue }
                switch byte {
                case UInt8(ascii: "\\"): escaped = true
                case UInt8(ascii: "("): depth += 1; current.append(byte)
                case UInt8(ascii: ")"):
                    depth -= 1
                    if depth == 0 {
                        lines.append(String(current.map { Character(Unicode.Scalar($0)) }))
                        current = []
                    } else { current.append(byte) }
                default: current.append(byte)
                }
            } else if byte == UInt8(ascii: "(") {
                depth = 1
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && Array(haystack[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }
}
