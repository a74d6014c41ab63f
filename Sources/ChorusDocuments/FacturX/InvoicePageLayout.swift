import ChorusCore
import Foundation

/// Lays an ``InvoiceDocument`` out on A4 pages as PDF content streams: parties and references, the lines as a
/// table (continued on further pages when needed), the VAT breakdown and totals, payment details and legal notes.
/// Every amount shown is the one written in the XML (``DocumentTotals``), formatted the French way (`1 234,56`).
struct InvoicePageLayout {
    let document: InvoiceDocument
    let totals: DocumentTotals
    let fonts: PageFonts
    private var pages: [Data] = []
    private var page = Data()
    /// Every string the pages show, in order.
    private(set) var shown: [String] = []
    private var y: Double = 0

    static let width: Double = 595, height: Double = 842, left: Double = 50, right: Double = 545, bottom: Double = 90

    init(document: InvoiceDocument, totals: DocumentTotals, fonts: PageFonts) {
        self.document = document
        self.totals = totals
        self.fonts = fonts
    }

    /// Every string the pages of `document` show (the footer aside).
    static func shownStrings(for document: InvoiceDocument, fonts: PageFonts) -> [String] {
        var layout = InvoicePageLayout(document: document, totals: DocumentTotals.compute(document), fonts: fonts)
        layout.layOut()
        return layout.shown
    }

    /// The content stream of each page.
    static func pages(for document: InvoiceDocument, totals: DocumentTotals, fonts: PageFonts, level: String?) -> [Data] {
        var layout = InvoicePageLayout(document: document, totals: totals, fonts: fonts)
        layout.layOut()
        layout.pages.append(layout.page)  // the page being written
        let count = layout.pages.count
        return layout.pages.enumerated().map { index, content in
            var page = content
            let footer = (level.map { "Factur-X \($0) — " } ?? "") + "\(document.number) — page \(index + 1)/\(count)"
            page.append(Self.text(footer, x: right - fonts.width(of: footer, size: 7), y: 40, size: 7, fonts: fonts))
            return page
        }
    }

    // MARK: Drawing

    /// Text shown with glyph ids (`Identity-H`, two bytes each): every character a font has is drawn, in any
    /// script, each run in the font that has it (`Tj` moves the pen, so runs follow each other); one no font has is
    /// drawn as the main font's `.notdef` box (``FacturXWriter/missingCharacters(in:font:fallbackFont:)`` lists them).
    static func text(_ string: String, x: Double, y: Double, size: Double, fonts: PageFonts) -> Data {
        var bytes = Array("BT 1 0 0 1 \(PDFText.number(x, decimals: 2)) \(PDFText.number(y, decimals: 2)) Tm".utf8)
        let sizeOperand = PDFText.number(size, decimals: 1)
        for run in fonts.runs(string) {
            bytes += " /F\(run.font + 1) \(sizeOperand) Tf <".utf8
            for glyph in run.glyphs { PDFText.appendHex4(glyph, to: &bytes) }
            bytes += "> Tj".utf8
        }
        bytes += " ET\n".utf8
        return Data(bytes)
    }

    private mutating func write(_ string: String, x: Double, size: Double = 9) {
        shown.append(string)
        page.append(Self.text(string, x: x, y: y, size: size, fonts: fonts))
    }

    private mutating func writeRight(_ string: String, right: Double, size: Double = 9) {
        write(string, x: right - fonts.width(of: string, size: size), size: size)
    }

    private mutating func rule(from x1: Double = left, to x2: Double = right, width: Double = 0.5) {
        let operands = [PDFText.number(width, decimals: 1) + " w"] + [x1, y, x2, y].map { PDFText.number($0, decimals: 2) }
        page.append(contentsOf: "\(operands[0]) \(operands[1]) \(operands[2]) m \(operands[3]) \(operands[4]) l S\n".utf8)
    }

    private mutating func newPage() {
        if !page.isEmpty { pages.append(page) }
        page = PDFText.bytes("0 0 0 rg 0 0 0 RG\n")
        y = Self.height - 52
    }

    private mutating func ensureRoom(_ needed: Double, tableHeader: Bool = false) {
        guard y - needed < Self.bottom else { return }
        newPage()
        if tableHeader { writeTableHeader() }
    }

    /// Cuts `string` to fit `width` at `size`, with an ellipsis.
    private func fitted(_ string: String, width: Double, size: Double) -> String {
        guard fonts.width(of: string, size: size) > width else { return string }
        var text = string
        while !text.isEmpty && fonts.width(of: text + "…", size: size) > width { text.removeLast() }
        return text + "…"
    }

    /// Splits `string` into lines no wider than `width`.
    private func wrapped(_ string: String, width: Double, size: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in string.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if fonts.width(of: candidate, size: size) > width && !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func french(_ amount: Amount, scale: Int = 2) -> String {
        let text = amount.formatted(scale: scale)
        let negative = text.hasPrefix("-")
        let parts = text.drop { $0 == "-" }.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = " " + integer.suffix(3) + grouped
            integer.removeLast(3)
        }
        return (negative ? "-" : "") + integer + grouped + (parts.count > 1 ? "," + parts[1] : "")
    }

    static func frenchDate(_ date: CalendarDate) -> String {
        String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
    }

    // MARK: Content

    private mutating func layOut() {
        newPage()
        write(document.isCreditNote ? "AVOIR" : "FACTURE", x: Self.left, size: 20)
        writeRight("N° \(document.number)", right: Self.right, size: 12)
        y -= 16
        writeRight("Date : \(Self.frenchDate(document.issueDate))", right: Self.right)
        if let due = document.dueDate {
            y -= 12
            writeRight("Échéance : \(Self.frenchDate(due))", right: Self.right)
        }
        y -= 34
        let top = y
        writeParty("Émetteur", document.seller, x: Self.left)
        let sellerBottom = y
        y = top
        writeParty("Destinataire", document.buyer, x: 320)
        y = min(y, sellerBottom) - 14
        var references: [String] = []
        if let process = document.businessProcess { references.append("Cadre de facturation : \(process)") }
        if let service = document.buyerReference { references.append("Code service : \(service)") }
        if let order = document.purchaseOrderReference { references.append("Engagement : \(order)") }
        if let contract = document.contractReference { references.append("Marché : \(contract)") }
        if let preceding = document.precedingInvoice { references.append("Facture d'origine : \(preceding.number)") }
        for reference in references {
            write(reference, x: Self.left)
            y -= 12
        }
        y -= 12
        writeTableHeader()
        for (line, net) in zip(document.lines, totals.lineNets) {
            ensureRoom(14, tableHeader: true)
            write(fitted(line.name, width: 240, size: 9), x: Self.left)
            writeRight(Self.french(line.quantity, scale: max(0, min(line.quantity.decimalPlaces, 4))), right: 330)
            write(line.unitCode, x: 338)
            writeRight(Self.french(line.netPrice, scale: max(2, min(line.netPrice.decimalPlaces, 4))), right: 420)
            writeRight(line.vatRate.map { Self.french($0, scale: $0.decimalPlaces) + " %" } ?? line.vatCategory.rawValue, right: 465)
            writeRight(Self.french(net), right: Self.right)
            y -= 14
        }
        y += 4
        rule()
        y -= 16
        writeTotals()
        writePayment()
    }

    private mutating func writeParty(_ label: String, _ party: DocumentParty, x: Double) {
        write(label, x: x, size: 8)
        y -= 14
        write(fitted(party.name, width: 220, size: 11), x: x, size: 11)
        y -= 13
        for line in [party.address.line1, party.address.line2,
                     [party.address.postalCode, party.address.city].compactMap { $0 }.joined(separator: " "),
                     party.address.countryCode == "FR" ? nil : party.address.countryCode].compactMap({ $0 }) where !line.isEmpty {
            write(fitted(line, width: 220, size: 9), x: x)
            y -= 11
        }
        if let identifier = party.identifier {
            write((identifier.scheme == "0009" ? "SIRET " : "Identifiant ") + identifier.value, x: x)
            y -= 11
        }
        if let vat = party.vatNumber {
            write("N° TVA \(vat)", x: x)
            y -= 11
        }
    }

    private mutating func writeTableHeader() {
        rule()
        y -= 12
        write("Désignation", x: Self.left, size: 8)
        writeRight("Qté", right: 330, size: 8)
        write("Unité", x: 338, size: 8)
        writeRight("PU HT", right: 420, size: 8)
        writeRight("TVA", right: 465, size: 8)
        writeRight("Total HT", right: Self.right, size: 8)
        y -= 5
        rule()
        y -= 13
    }

    private mutating func writeTotals() {
        var rows: [(String, Amount, Double)] = [("Total des lignes HT", totals.lineTotal, 9)]
        for allowance in document.allowances { rows.append(("Remise" + (allowance.reason.map { " — \($0)" } ?? ""), .zero - allowance.amount, 9)) }
        for charge in document.charges { rows.append(("Frais" + (charge.reason.map { " — \($0)" } ?? ""), charge.amount, 9)) }
        rows.append(("Total HT", totals.taxBasisTotal, 9))
        for group in totals.vatGroups {
            let rate = group.rate.map { Self.french($0, scale: $0.decimalPlaces) + " %" } ?? group.category.rawValue
            rows.append(("TVA \(rate) sur \(Self.french(group.basis))", group.tax, 9))
        }
        rows.append(("Total TVA", totals.taxTotal, 9))
        rows.append(("Total TTC", totals.grandTotal, 10))
        if totals.prepaid != .zero { rows.append(("Déjà payé", totals.prepaid, 9)) }
        rows.append(("Net à payer", totals.duePayable, 12))
        for (label, amount, size) in rows {
            ensureRoom(16)
            write(fitted(label, width: 230, size: size), x: 300, size: size)
            writeRight(Self.french(amount) + " " + (document.currency == "EUR" ? "€" : document.currency), right: Self.right, size: size)
            y -= size + 6
        }
        y -= 8
    }

    private mutating func writePayment() {
        var lines: [String] = []
        if let means = document.paymentMeans {
            let kind = ["30": "virement", "58": "virement SEPA", "49": "prélèvement", "59": "prélèvement SEPA", "20": "chèque", "10": "espèces"][means.code] ?? "code \(means.code)"
            var text = "Paiement par \(kind)"
            if let iban = means.iban { text += " — IBAN \(iban)" }
            if let bic = means.bic { text += " — BIC \(bic)" }
            lines.append(text)
        }
        if let terms = document.paymentTerms { lines.append("Conditions : \(terms)") }
        switch document.vatPointDateCode {
        case "72": lines.append("TVA acquittée sur les encaissements")
        case "5": lines.append("TVA acquittée sur les débits")
        default: break
        }
        lines += document.notes.map(\.text)
        for line in lines {
            for piece in wrapped(line, width: Self.right - Self.left, size: 8) {
                ensureRoom(11)
                write(piece, x: Self.left, size: 8)
                y -= 11
            }
        }
    }
}
