import ChorusCore
import ChorusCompression
import Foundation

/// Writes a Factur-X invoice from scratch: a PDF/A-3b file a person reads, carrying the CII XML the platform reads
/// (`factur-x.xml`, `/AFRelationship /Data`, listed in the catalog's `/AF` and `/EmbeddedFiles`), with the XMP
/// `fx:ConformanceLevel` matching the XML's profile.
///
/// The file embeds a subset of the caller's TrueType font (``TrueTypeFont/systemDefault()`` finds DejaVu Sans on
/// Debian/Ubuntu) and of an optional fallback font, an sRGB ICC OutputIntent (``ICCProfile/sRGB``) and uncompressed
/// XMP (as PDF/A asks); the other streams are `FlateDecode`d by the SDK's own `Deflate`, so a one-page, 20-line
/// invoice is about 37 KB.
public enum FacturXWriter {
    /// Errors of the Factur-X writers and readers.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// The Factur-X PDF of `document` (`.en16931` or `.facturXBasic`). `fallbackFont` draws the characters `font`
    /// lacks (e.g. a CJK or symbol font); a character neither has is drawn as a visible `.notdef` box and listed by
    /// ``missingCharacters(in:font:fallbackFont:)``. `iccProfile` is the OutputIntent's RGB profile: the SDK's sRGB
    /// by default, or one the caller supplies.
    public static func write(_ document: InvoiceDocument, font: TrueTypeFont, fallbackFont: TrueTypeFont? = nil,
                             profile: CIIProfile = .en16931, iccProfile: Data = ICCProfile.sRGB, created: Date = Date()) throws -> Data {
        guard let level = profile.facturXLevel else {
            throw Failure(description: "Factur-X needs the EN 16931 or BASIC profile, not the legacy Chorus E1 convention")
        }
        return pdf(document, font: font, fallbackFont: fallbackFont, xml: CIIWriter.write(document, profile: profile), xmpLevel: level,
                   part: 3, created: created, iccProfile: iccProfile)
    }

    /// A plain PDF/A-1b of `document` (no attachment): the kind of file ``FacturXAttacher`` upgrades.
    public static func writePDFA1b(_ document: InvoiceDocument, font: TrueTypeFont, created: Date = Date()) -> Data {
        pdf(document, font: font, xml: nil, xmpLevel: nil, part: 1, created: created)
    }

    /// Builds the file. `xmpLevel` is written as given (tests and bad samples can make it contradict the XML);
    /// `outputIntent: false` leaves the OutputIntent out (a deliberately non-conformant sample).
    package static func pdf(_ document: InvoiceDocument, font: TrueTypeFont, fallbackFont: TrueTypeFont? = nil, xml: Data?,
                            xmpLevel: String?, part: Int, created: Date, outputIntent: Bool = true,
                            iccProfile: Data = ICCProfile.sRGB) -> Data {
        let totals = DocumentTotals.compute(document)
        let pages = InvoicePageLayout.pages(for: document, totals: totals, fonts: PageFonts(main: font, fallback: fallbackFont),
                                            level: xml == nil ? nil : xmpLevel)
        var file = PDFFile()
        let firstPage = 11
        let kids = pages.indices.map { "\(firstPage + $0 * 2) 0 R" }.joined(separator: " ")
        var catalog = "<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R /Lang (fr-FR)"
        if outputIntent { catalog += " /OutputIntents [7 0 R]" }
        if xml != nil {
            catalog += " /AF [9 0 R] /Names << /EmbeddedFiles << /Names [(factur-x.xml) 9 0 R] >> >> /PageMode /UseAttachments"
        }
        file.set(1, catalog + " >>")
        file.set(2, "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        // Type0 fonts (Identity-H): text is written as glyph ids, so every character a font has is drawn, in any
        // script; only the glyphs the pages show are embedded (a subset named TAG+Name); ToUnicode gives the text back
        // to extraction and search; CIDSet lists the glyphs present, as PDF/A-1 asks of a subset.
        let used = usedGlyphs(in: pages)
        let fontObjects = firstPage + pages.count * 2
        embed(font, glyphs: used[0], into: &file, type0: 3, descriptor: 4, fontFile: 5, others: fontObjects)
        var resources = "/F1 3 0 R"
        if let fallbackFont, !used[1].isEmpty {
            let type0 = fontObjects + 3
            embed(fallbackFont, glyphs: used[1], into: &file, type0: type0, descriptor: type0 + 1, fontFile: type0 + 2, others: type0 + 3)
            resources += " /F2 \(type0) 0 R"
        }
        let title = (document.isCreditNote ? "Avoir " : "Facture ") + document.number
        file.setStream(6, "/Type /Metadata /Subtype /XML",
                       Data(XMPPacket.make(part: part, title: title, created: created, facturXLevel: xml == nil ? nil : xmpLevel).utf8))
        if outputIntent {
            file.set(7, "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) "
                     + "/DestOutputProfile 8 0 R >>")
            file.setCompressedStream(8, "/N 3", iccProfile)
        }
        if let xml {
            file.set(9, FacturXAttacher.fileSpecification(embeddedFile: 10))
            file.setCompressedStream(10, FacturXAttacher.embeddedFileDictionary(size: xml.count, modified: created), xml)
        }
        for (index, content) in pages.enumerated() {
            let number = firstPage + index * 2
            file.set(number, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << \(resources) >> >> "
                     + "/Contents \(number + 1) 0 R >>")
            file.setCompressedStream(number + 1, "", content)
        }
        return file.bytes()
    }

    /// One font's objects: the Type0 font, its descriptor and subset font file at the given numbers, and the
    /// CIDFontType2, ToUnicode CMap and CIDSet at `others`, `others + 1` and `others + 2`.
    static func embed(_ font: TrueTypeFont, glyphs: Set<Int>, into file: inout PDFFile, type0: Int, descriptor: Int, fontFile: Int,
                      others: Int) {
        let scale = { (value: Int) in Int((Double(value) * 1000 / Double(font.unitsPerEm)).rounded()) }
        let subset = subsetCache.subset(of: font, keepingGlyphs: glyphs)
        let fontName = "\(subset.tag)+\(font.postScriptName)"
        let cidFont = others, toUnicode = others + 1, cidSet = others + 2
        file.set(type0, "<< /Type /Font /Subtype /Type0 /BaseFont /\(fontName) /Encoding /Identity-H /DescendantFonts [\(cidFont) 0 R] "
                 + "/ToUnicode \(toUnicode) 0 R >>")
        let widths = glyphs.sorted().map { "\($0) [\(font.advance(ofGlyph: $0))]" }.joined(separator: " ")
        file.set(cidFont, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(fontName) "
                 + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R "
                 + "/DW 1000 /W [\(widths)] /CIDToGIDMap /Identity >>")
        file.set(descriptor, "<< /Type /FontDescriptor /FontName /\(fontName) /Flags 4 /FontBBox [\(scale(font.boundingBox.minX)) "
                 + "\(scale(font.boundingBox.minY)) \(scale(font.boundingBox.maxX)) \(scale(font.boundingBox.maxY))] "
                 + String(format: "/ItalicAngle %.1f ", font.italicAngle)
                 + "/Ascent \(scale(font.ascender)) /Descent \(scale(font.descender)) /CapHeight \(scale(font.capHeight)) /StemV 80 "
                 + "/FontFile2 \(fontFile) 0 R /CIDSet \(cidSet) 0 R >>")
        file.setStream(fontFile, "/Length1 \(subset.data.count) /Filter /FlateDecode", subset.compressed)
        file.setCompressedStream(toUnicode, "", Data(toUnicodeCMap(glyphs, font: font).utf8))
        var bits = [UInt8](repeating: 0, count: (glyphs.max() ?? 0) / 8 + 1)
        for glyph in glyphs.union([0]) { bits[glyph / 8] |= UInt8(0x80 >> (glyph % 8)) }
        file.setCompressedStream(cidSet, "", Data(bits))
    }

    /// The glyph ids the content streams show, per font (`/F1` first, then `/F2`): their `<…>` hex strings, two
    /// bytes per glyph, and `.notdef` in each.
    static func usedGlyphs(in pages: [Data]) -> [Set<Int>] {
        var used: [Set<Int>] = [[0], []]  // the fallback's set stays empty unless `/F2` is shown
        var font = 0
        for content in pages {
            var digits: [UInt8] = []
            var inHex = false
            var previous: UInt8 = 0
            for byte in content {
                if inHex {
                    if byte == UInt8(ascii: ">") {
                        inHex = false
                        for start in stride(from: 0, to: digits.count - 3, by: 4) {
                            if let glyph = Int(String(decoding: digits[start..<start + 4], as: UTF8.self), radix: 16) { used[font].insert(glyph) }
                        }
                        digits = []
                    } else {
                        digits.append(byte)
                    }
                } else if byte == UInt8(ascii: "<") {
                    inHex = true
                } else if previous == UInt8(ascii: "F"), byte == UInt8(ascii: "1") || byte == UInt8(ascii: "2") {
                    font = Int(byte - UInt8(ascii: "1"))  // `/F1` or `/F2` selects the font of the runs that follow
                    used[font].insert(0)
                }
                previous = byte
            }
        }
        return used
    }

    /// The ToUnicode CMap: each glyph shown → the character it stands for (the smallest code point the font maps
    /// to it), so text extraction gives the invoice's text back.
    static func toUnicodeCMap(_ glyphs: Set<Int>, font: TrueTypeFont) -> String {
        var characters: [Int: UInt32] = [:]
        for (scalar, glyph) in font.glyphs where glyphs.contains(glyph) {
            if let current = characters[glyph], current <= scalar { continue }
            characters[glyph] = scalar
        }
        let entries = characters.sorted { $0.key < $1.key }.map { glyph, scalar -> String in
            let units = Unicode.Scalar(scalar).map { String($0).utf16.map { PDFText.hex4(Int($0)) }.joined() } ?? "FFFD"
            return "<" + PDFText.hex4(glyph) + "> <" + units + ">"
        }
        var text = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        for start in stride(from: 0, to: entries.count, by: 100) {
            let block = entries[start..<min(start + 100, entries.count)]
            text += "\(block.count) beginbfchar\n" + block.joined(separator: "\n") + "\nendbfchar\n"
        }
        return text + "endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n"
    }

    /// The characters of `document`'s page text that neither `font` nor `fallbackFont` can draw (shown as the main
    /// font's `.notdef` box): the writer's warning. Check them before sending, or pass a fallback font that has them.
    /// The XML keeps every character whatever the fonts.
    public static func missingCharacters(in document: InvoiceDocument, font: TrueTypeFont,
                                         fallbackFont: TrueTypeFont? = nil) -> Set<Character> {
        let fonts = PageFonts(main: font, fallback: fallbackFont)
        var missing = Set<Character>()
        for text in InvoicePageLayout.shownStrings(for: document, fonts: fonts) {
            for character in text where character.unicodeScalars.contains(where: { !fonts.draws($0) && $0.properties.generalCategory != .control }) {
                missing.insert(character)
            }
        }
        return missing
    }

    /// Recent font subsets with their compressed bytes: invoices of one supplier mostly share their characters,
    /// and subsetting and compressing the font is most of the cost of writing a Factur-X.
    static let subsetCache = FontSubsetCache()
}

/// A small cache of font subsets, keyed by the font and the glyphs kept (at most 16 entries).
final class FontSubsetCache: Sendable {
    typealias Subset = (data: Data, compressed: Data, tag: String)
    private let entries = LockedBox([(key: String, subset: Subset)]())

    /// The subset (and its `FlateDecode` bytes) of `font` keeping `glyphs`.
    func subset(of font: TrueTypeFont, keepingGlyphs glyphs: Set<Int>) -> Subset {
        let key = "\(font.postScriptName)|\(font.data.count)|" + glyphs.sorted().map(String.init).joined(separator: ",")
        if let hit = entries.withLock({ $0.first { $0.key == key }?.subset }) { return hit }
        let made = font.subset(keepingGlyphs: glyphs)
        let subset: Subset = (made.data, Deflate.compress(made.data), made.tag)
        entries.withLock { entries in
            entries.append((key, subset))
            if entries.count > 16 { entries.removeFirst() }
        }
        return subset
    }
}
