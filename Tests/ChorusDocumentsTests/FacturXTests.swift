import ChorusDocumentSamples
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
import ChorusCore
@testable import ChorusCompression
@testable import ChorusDocuments

@Suite("Factur-X")
struct FacturXTests {
    static let font: TrueTypeFont? = try? TrueTypeFont.systemDefault()

    /// A valid one-page PDF that is not PDF/A (no OutputIntent, no XMP, an unembedded standard font).
    static let plainPDF: Data = {
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> >>",
                       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
        var pdf = "%PDF-1.4\n", offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }()
    static let created = Date(timeIntervalSince1970: 1_793_577_600)

    func file() throws -> (Data, TrueTypeFont) {
        let font = try #require(Self.font, "a TrueType font is needed (fonts-dejavu-core)")
        return (try FacturXWriter.write(SampleDocuments.operaInvoice(), font: font, created: Self.created), font)
    }

    @Test("every cross-reference offset points at its object, and startxref at the table")
    func offsets() throws {
        let (pdf, _) = try file()
        let scanner = try PDFScanner(pdf)
        #expect(scanner.text(from: scanner.startXref, count: 4) == "xref")
        #expect(scanner.offsets.count >= 12)
        for (number, offset) in scanner.offsets {
            #expect(scanner.text(from: offset, count: "\(number) 0 obj".count) == "\(number) 0 obj")
        }
        #expect(pdf.starts(with: Data("%PDF-1.7\n%".utf8)))
        #expect(pdf[10...13].allSatisfy { $0 > 127 })  // the binary comment
        #expect(!String(decoding: pdf.suffix(300), as: UTF8.self).contains("/Encrypt"))
        #expect(String(decoding: pdf.suffix(300), as: UTF8.self).contains("/ID [<"))
    }

    @Test("the CID font's /W widths are the font's advances, for the glyphs shown")
    func widths() throws {
        let (pdf, font) = try file()
        let scanner = try PDFScanner(pdf)
        let type0 = try #require(scanner.objectDictionary(3))
        #expect(type0.contains("/Subtype /Type0") && type0.contains("/Identity-H") && type0.contains("/ToUnicode"))
        let cidFont = try #require(PDFScanner.reference(after: "/DescendantFonts [", in: type0).flatMap { scanner.objectDictionary($0) })
        let range = try #require(cidFont.range(of: #"/W \[.*\] /CIDToGIDMap"#, options: .regularExpression))
        let pairs = try NSRegularExpression(pattern: #"(\d+) \[(\d+)\]"#)
        let text = String(cidFont[range])
        var widths: [Int: Int] = [:]
        for match in pairs.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let glyph = Range(match.range(at: 1), in: text), let width = Range(match.range(at: 2), in: text) else { continue }
            widths[Int(text[glyph]) ?? -1] = Int(text[width])
        }
        for character in ["A", "é", "€", "D"] as [Unicode.Scalar] where widths[font.glyph(for: character)] != nil {
            #expect(widths[font.glyph(for: character)] == font.width(of: character), "\(character)")
        }
        #expect(widths[font.glyph(for: "F")] == font.width(of: "F"))  // "FACTURE" is always shown
        #expect(font.width(of: "A") > 0 && font.width(of: "i") < font.width(of: "W"))
    }

    @Test("the XMP parses, declares PDF/A-3 B, and its level matches the XML's profile")
    func xmp() throws {
        let (pdf, _) = try file()
        let scanner = try PDFScanner(pdf)
        let xmp = try scanner.decodedStream(6)
        let document = try XMLDocument(data: xmp.dropFirst(0))
        #expect(try document.nodes(forXPath: "//*[local-name()='part']").first?.stringValue == "3")
        #expect(try document.nodes(forXPath: "//*[local-name()='conformance']").first?.stringValue == "B")
        #expect(try FacturXReader.conformanceLevel(pdf) == "EN 16931")
        let basic = try FacturXWriter.write(SampleDocuments.operaInvoice(), font: try #require(Self.font), profile: .facturXBasic)
        #expect(try FacturXReader.conformanceLevel(basic) == "BASIC")
        #expect(try xpathValues(FacturXReader.embeddedXML(basic), "rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID")
                == ["urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic"])
    }

    @Test("the embedded XML reads back byte for byte, and the page shows its amounts")
    func readBackAndText() throws {
        let (pdf, _) = try file()
        let xml = try FacturXReader.embeddedXML(pdf)
        #expect(xml == CIIWriter.write(SampleDocuments.operaInvoice()))
        let shown = PDFShownText.text(of: pdf)
        for path in ["ram:LineTotalAmount", "ram:TaxBasisTotalAmount", "ram:TaxTotalAmount", "ram:GrandTotalAmount", "ram:DuePayableAmount"] {
            let amount = try #require(try xpathValues(xml, "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/\(path)").first)
            let french = InvoicePageLayout.french(try #require(Amount(amount)))
            #expect(shown.contains(french), "\(path) \(amount) shown as \(french)")
        }
        #expect(shown.contains("F2026-0042") && shown.contains("78439607900054") && shown.contains("DIRECTION_ACHATS"))
        #expect(shown.contains("Échéance"))
    }

    @Test("attaching to a PDF/A keeps the original bytes as a prefix and gives a readable Factur-X")
    func attach() throws {
        let font = try #require(Self.font)
        let base = FacturXWriter.writePDFA1b(SampleDocuments.twoRatesInvoice(), font: font, created: Self.created)
        let xml = CIIWriter.write(SampleDocuments.twoRatesInvoice())
        let attached = try FacturXAttacher.attach(xml, to: base, modified: Self.created)
        #expect(attached.prefix(base.count) == base)
        #expect(attached.count - base.count < 20_000)
        #expect(try FacturXReader.embeddedXML(attached) == xml)
        #expect(try FacturXReader.conformanceLevel(attached) == "EN 16931")
        let scanner = try PDFScanner(attached)
        #expect(scanner.trailer.contains("/Prev"))
        for (number, offset) in scanner.offsets { #expect(scanner.text(from: offset, count: "\(number) 0 obj".count) == "\(number) 0 obj") }
    }

    @Test("attach refuses what it cannot do, with a typed error", arguments: ["notPDFA", "xrefStream", "compressedMetadata", "encrypted", "attached"])
    func attachRefusals(_ kind: String) throws {
        let font = try #require(Self.font)
        let base = FacturXWriter.writePDFA1b(SampleDocuments.twoRatesInvoice(), font: font, created: Self.created)
        var text = String(decoding: base, as: Unicode.ASCII.self)
        let input: Data
        switch kind {
        case "notPDFA": input = Self.plainPDF
        case "xrefStream":
            text = text.replacingOccurrences(of: "\nxref\n0 ", with: "\nXREF\n0 ")
            input = Data(text.utf8)
        case "compressedMetadata":
            input = Data(text.replacingOccurrences(of: "/Type /Metadata /Subtype /XML", with: "/Type /Metadata /Subtype /XML /Filter /FlateDecode").utf8)
        case "encrypted":
            input = Data(text.replacingOccurrences(of: "/Root 1 0 R", with: "/Root 1 0 R /Encrypt 99 0 R").utf8)
        default: input = try FacturXWriter.write(SampleDocuments.twoRatesInvoice(), font: font)
        }
        #expect(throws: FacturXWriter.Failure.self) { try FacturXAttacher.attach(Data("<x/>".utf8), to: input) }
    }

    @Test("a long invoice continues on further pages, the totals after the last line")
    func manyPages() throws {
        let font = try #require(Self.font)
        var document = SampleDocuments.operaInvoice()
        document.lines = (1...90).map { DocumentLine(id: String($0), name: "Article \($0)", quantity: 1, netPrice: 10, vatRate: 20) }
        let pdf = try FacturXWriter.write(document, font: font)
        let scanner = try PDFScanner(pdf)
        let pages = try #require(scanner.objectDictionary(2))
        let count = try #require(PDFScanner.integer(after: "/Count", in: pages))
        #expect(count >= 2)
        let shown = PDFShownText.text(of: pdf)
        #expect(shown.contains("Article 90") && shown.contains("page \(count)/\(count)") && shown.contains("1 080,00"))
    }

    @Test("the French writing of amounts")
    func frenchAmounts() {
        #expect(InvoicePageLayout.french("1234567.5") == "1 234 567,50")
        #expect(InvoicePageLayout.french("-10") == "-10,00")
        #expect(InvoicePageLayout.french("0.05") == "0,05")
    }

    @Test("PDF operands are written as Foundation's %.1f/%.2f writes them (seeded, ties aside)")
    func operands() {
        var random = SplitMix64(seed: 0x5EED_0F_0DF)
        var disagreements: [String] = []
        for index in 0..<20_000 {
            let value = Double(Int(random.next() % 2_000_000) - 1_000_000) / Double([1, 7, 100, 1000][index % 4])
            for decimals in [1, 2] {
                let scaled = abs(value) * (decimals == 1 ? 10 : 100)
                if abs(scaled - scaled.rounded(.down) - 0.5) < 1e-6 { continue }  // exact ties: either rounding is right
                let ours = PDFText.number(value, decimals: decimals), foundation = String(format: "%.\(decimals)f", value)
                if ours != foundation && !(foundation.hasPrefix("-") && ours == String(foundation.dropFirst())) { disagreements.append("\(value): \(ours) vs \(foundation)") }
            }
        }
        #expect(disagreements.isEmpty, "seed 0x5EED0F0DF: \(disagreements.prefix(10))")
    }
}

/// The text of a PDF as poppler's pdftotext extracts it (through the font's ToUnicode map): an oracle we did not
/// write. scripts/test.sh installs poppler-utils.
enum PDFShownText {
    static func text(of pdf: Data) -> String {
        (try? FacturXSizeTests.pdftotext(pdf)).flatMap { $0 } ?? ""
    }
}

@Suite("Factur-X: compressed and subset, and its text read back by pdftotext")
struct FacturXSizeTests {
    /// A 20-line invoice (one page) or a 90-line one (several pages).
    static func invoice(lines count: Int) -> InvoiceDocument {
        var document = SampleDocuments.twoRatesInvoice()
        document.allowances = []
        document.lines = (1...count).map { index in
            DocumentLine(id: String(index), name: "Article n° \(index) — chaise « Élysée »", quantity: Amount(index), unitCode: "C62",
                         netPrice: Amount(minorUnits: 1000 + index * 37), vatCategory: .standard, vatRate: index % 2 == 0 ? 20 : "5.5")
        }
        return document
    }

    /// pdftotext's text of `pdf` (poppler, an oracle we did not write); `nil` when it is not installed.
    static func pdftotext(_ pdf: Data) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fx-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return nil }
        process.arguments = ["-layout", file.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a one-page 20-line Factur-X is at most 40 KB, a 5-page one at most 80 KB")
    func sizes() throws {
        let font = try TrueTypeFont.systemDefault()
        let one = try FacturXWriter.write(Self.invoice(lines: 20), font: font)
        let five = try FacturXWriter.write(Self.invoice(lines: 190), font: font)
        let pages = PDFShownText.text(of: five).components(separatedBy: "page ").count - 1
        print("Factur-X sizes: 20 lines \(one.count) bytes; 190 lines (\(pages) pages) \(five.count) bytes")
        #expect(one.count <= 40_000)
        #expect(pages >= 5)
        #expect(five.count <= 80_000)
        let font5 = try #require(String(data: five, encoding: .isoLatin1))
        #expect(font5.contains("+DejaVuSans"), "the subset's name has its ABCDEF+ tag")
    }

    @Test("pdftotext gives back the designations, the parties and the amounts")
    func textExtraction() throws {
        let font = try TrueTypeFont.systemDefault()
        let document = Self.invoice(lines: 20)
        let pdf = try FacturXWriter.write(document, font: font)
        guard let text = try Self.pdftotext(pdf) else { Issue.record("pdftotext is not installed (scripts/test.sh installs poppler-utils)"); return }
        let totals = DocumentTotals.compute(document)
        for expected in ["Article n° 7 — chaise « Élysée »", document.seller.name, document.buyer.name,
                         InvoicePageLayout.french(totals.grandTotal), InvoicePageLayout.french(totals.taxTotal)] {
            #expect(text.contains(expected), "pdftotext lacks \(expected)")
        }
    }
}

@Suite("Factur-X: the reader reads files other tools rewrote")
struct FacturXReaderTests {
    /// Runs qpdf (an oracle we did not write) on `pdf` with `arguments`; `nil` when qpdf is not installed.
    static func qpdf(_ pdf: Data, _ arguments: [String]) throws -> Data? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/qpdf") else { return nil }
        let folder = FileManager.default.temporaryDirectory
        let input = folder.appendingPathComponent("in-\(UUID().uuidString).pdf")
        let output = folder.appendingPathComponent("out-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: output) }
        try pdf.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
        process.arguments = arguments + [input.path, output.path]
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: output)
    }

    @Test("cross-reference streams, object streams and predictors (qpdf rewrites of our files)", arguments: [
        ["--object-streams=generate"], ["--object-streams=generate", "--compress-streams=y", "--recompress-flate"],
        ["--qdf", "--object-streams=disable"], ["--object-streams=generate", "--linearize"],
    ])
    func qpdfRewrites(_ arguments: [String]) throws {
        let font = try TrueTypeFont.systemDefault()
        let document = SampleDocuments.operaInvoice()
        let xml = CIIWriter.write(document)
        let pdf = try FacturXWriter.write(document, font: font)
        guard let rewritten = try Self.qpdf(pdf, arguments) else { Issue.record("qpdf is not installed (scripts/test.sh installs it)"); return }
        #expect(rewritten != pdf)
        #expect(try FacturXReader.embeddedXML(rewritten) == xml, "\(arguments)")
        #expect(try FacturXReader.conformanceLevel(rewritten) == "EN 16931", "\(arguments)")
    }
}

@Suite("Factur-X: the attacher upgrades PDF/A files other tools wrote")
struct FacturXAttacherTests {
    static func check(_ pdf: Data) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/qpdf") else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try pdf.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
        process.arguments = ["--check", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "ok" : text
    }

    @Test("a PDF/A with cross-reference and object streams, and one with an existing attachment, become Factur-X",
          arguments: [["--object-streams=generate"], ["--add-attachment", "/etc/hostname", "--mimetype=text/plain", "--"],
                      ["--object-streams=generate", "--add-attachment", "/etc/hostname", "--"]])
    func upgrades(_ arguments: [String]) throws {
        let font = try TrueTypeFont.systemDefault()
        let invoice = SampleDocuments.twoRatesInvoice()
        let base = FacturXWriter.writePDFA1b(invoice, font: font)
        guard let prepared = try FacturXReaderTests.qpdf(base, arguments) else { Issue.record("qpdf is not installed"); return }
        let xml = CIIWriter.write(invoice)
        let attached = try FacturXAttacher.attach(xml, to: prepared)
        #expect(attached.starts(with: prepared), "the original bytes are kept (incremental update)")
        #expect(try FacturXReader.embeddedXML(attached) == xml)
        #expect(try FacturXReader.conformanceLevel(attached) == "EN 16931")
        #expect(try Self.check(attached) == "ok")
        if arguments.contains("--add-attachment") {
            let text = String(decoding: attached, as: UTF8.self)
            #expect(text.contains("hostname"), "the existing attachment is kept in the name tree")
        }
        // Attaching twice is refused with its reason.
        let again = #expect(throws: FacturXWriter.Failure.self) { try FacturXAttacher.attach(xml, to: attached) }
        #expect(again?.description.contains("already") == true)
    }
}

@Suite("Factur-X: any script the font covers")
struct FacturXScriptsTests {
    @Test("Greek, Cyrillic and Latin designations are drawn and read back exactly by pdftotext; missing characters are listed")
    func scripts() throws {
        let font = try TrueTypeFont.systemDefault()
        var document = SampleDocuments.twoRatesInvoice()
        let names = ["Ελληνικά προϊόντα — Αθήνα", "Кириллица: счёт-фактура № 7", "Łódź — Ærø — Œuvre ĉ ŝ"]
        for (index, name) in names.enumerated() { document.lines[index].name = name }
        document.lines[0].itemDescription = nil
        #expect(FacturXWriter.missingCharacters(in: document, font: font).isEmpty)
        let pdf = try FacturXWriter.write(document, font: font)
        guard let text = try FacturXSizeTests.pdftotext(pdf) else { Issue.record("pdftotext is not installed"); return }
        for name in names { #expect(text.contains(name), "pdftotext lacks \(name)") }
        document.lines[0].name = "Café ☕ 🧾"
        let missing = FacturXWriter.missingCharacters(in: document, font: font)
        #expect(missing.contains("🧾"), "\(missing)")
    }

    @Test("a character the main font lacks is drawn with the caller's fallback font, and pdftotext reads it back")
    func fallbackFont() throws {
        let directory = "/usr/share/fonts/truetype/dejavu/"
        guard let monoData = FileManager.default.contents(atPath: directory + "DejaVuSansMono.ttf"),
              let sansData = FileManager.default.contents(atPath: directory + "DejaVuSans.ttf") else {
            Issue.record("fonts-dejavu-core is not installed"); return
        }
        let mono = try TrueTypeFont(data: monoData), sans = try TrueTypeFont(data: sansData)
        // Letters DejaVu Sans has and DejaVu Sans Mono lacks (found, not assumed): the fallback must draw them.
        let candidates = "ႠႡႢႣႤႥႦႧႨႩႪႫႬႭႮႯⴀⴁⴂⴃⴄⴅⴆⴇⴈⴉⴊⴋⴌⴍⴎⴏĀ̀ǄǅǆǇǈǉǊǋǌƀƁƂƃƄƅƆƇƈ".unicodeScalars
        let onlyInSans = String(String.UnicodeScalarView(candidates.filter { sans.contains($0) && !mono.contains($0) }.prefix(8)))
        try #require(onlyInSans.unicodeScalars.count >= 4, "no letters found only in DejaVu Sans")
        var document = SampleDocuments.twoRatesInvoice()
        document.lines[0].name = "Mono et " + onlyInSans
        #expect(!FacturXWriter.missingCharacters(in: document, font: mono).isEmpty)
        #expect(FacturXWriter.missingCharacters(in: document, font: mono, fallbackFont: sans).isEmpty)
        let pdf = try FacturXWriter.write(document, font: mono, fallbackFont: sans)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("+DejaVuSansMono") && text.contains("+DejaVuSans /Encoding"), "both fonts are embedded as subsets")
        guard let extracted = try FacturXSizeTests.pdftotext(pdf) else { Issue.record("pdftotext is not installed"); return }
        #expect(extracted.contains("Mono et " + onlyInSans), "pdftotext: \(extracted.prefix(600))")
        // Without a fallback the file is still written, with the lacking letters as visible boxes (never `?`).
        let alone = try FacturXWriter.write(document, font: mono)
        #expect(!String(decoding: alone, as: UTF8.self).contains("+DejaVuSans /Encoding"))
    }
}
