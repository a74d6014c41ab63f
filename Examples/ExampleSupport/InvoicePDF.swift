import Foundation

/// Writes a small one-page PDF whose text lines are what a supplier's invoicing software prints, so the
/// examples have a real PDF to upload without shipping one. Plain Helvetica, WinAnsi text (accents are
/// written as their WinAnsi bytes).
public enum InvoicePDF {
    /// A PDF showing `lines`, one per text line.
    public static func make(lines: [String]) -> Data {
        let text = lines.map { "(" + escape($0) + ") '" }.joined(separator: " ")
        let content = "BT /F1 11 Tf 50 790 Td 15 TL " + text + " ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(latin1(content).count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
        var pdf = Data(latin1("%PDF-1.4\n"))
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.count)
            pdf.append(contentsOf: latin1("\(index + 1) 0 obj\n\(object)\nendobj\n"))
        }
        let xref = pdf.count
        var trailer = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { trailer += String(format: "%010d 00000 n \n", offset) }
        trailer += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        pdf.append(contentsOf: latin1(trailer))
        return pdf
    }

    /// The lines of an invoice from Atelier Dupont to the Opéra national de Paris.
    public static func operaInvoiceLines(number: String, date: String, supplierSIRET: String) -> [String] {
        ["ATELIER DUPONT SARL - 12 rue des Artisans, 69002 Lyon", "SIRET fournisseur : \(supplierSIRET)", "",
         "FACTURE", "Facture n: \(number)", "Date : \(date)", "",
         "Destinataire : OPERA NATIONAL DE PARIS", "SIRET destinataire : 78439607900054", "Code service : DIRECTION_ACHATS", "",
         "Restauration de 4 fauteuils de loge      4 x 210,00 EUR HT      840,00", "Tissu velours rouge (m)                  8 x 20,00 EUR HT       160,00", "",
         "Devise : EUR", "Total HT : 1000,00", "Total TVA : 200,00", "Total TTC : 1200,00", "Net a payer : 1200,00",
         "TVA sur les encaissements - Paiement par virement"]
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
    }

    private static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
    }
}
