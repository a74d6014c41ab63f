import Foundation

/// Writes a Factur-X invoice from scratch: a PDF/A-3b file a person reads, carrying the CII XML the platform reads
/// (`factur-x.xml`, `/AFRelationship /Data`, listed in the catalog's `/AF` and `/EmbeddedFiles`), with the XMP
/// `fx:ConformanceLevel` matching the XML's profile.
///
/// The file embeds the caller's TrueType font (``TrueTypeFont/systemDefault()`` finds DejaVu Sans on
/// Debian/Ubuntu), an sRGB ICC OutputIntent (``ICCProfile/sRGB``) and uncompressed XMP. Streams are written
/// unfiltered — Foundation has no deflate on Linux —, so a one-page invoice with a full font is about 0.8 MB,
/// well under Chorus Pro's 10 MB per file.
public enum FacturXWriter {
    /// Errors of the Factur-X writers and readers.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// The Factur-X PDF of `document` (`.en16931` or `.facturXBasic`). `iccProfile` is the OutputIntent's RGB
    /// profile: the SDK's sRGB by default, or one the caller supplies.
    public static func write(_ document: InvoiceDocument, font: TrueTypeFont, profile: CIIProfile = .en16931,
                             iccProfile: Data = ICCProfile.sRGB, created: Date = Date()) throws -> Data {
        guard let level = profile.facturXLevel else {
            throw Failure(description: "Factur-X needs the EN 16931 or BASIC profile, not the legacy Chorus E1 convention")
        }
        return pdf(document, font: font, xml: CIIWriter.write(document, profile: profile), xmpLevel: level, part: 3, created: created,
                   iccProfile: iccProfile)
    }

    /// A plain PDF/A-1b of `document` (no attachment): the kind of file ``FacturXAttacher`` upgrades.
    public static func writePDFA1b(_ document: InvoiceDocument, font: TrueTypeFont, created: Date = Date()) -> Data {
        pdf(document, font: font, xml: nil, xmpLevel: nil, part: 1, created: created)
    }

    /// Builds the file. `xmpLevel` is written as given (tests and bad samples can make it contradict the XML);
    /// `outputIntent: false` leaves the OutputIntent out (a deliberately non-conformant sample).
    package static func pdf(_ document: InvoiceDocument, font: TrueTypeFont, xml: Data?, xmpLevel: String?, part: Int, created: Date,
                            outputIntent: Bool = true, iccProfile: Data = ICCProfile.sRGB) -> Data {
        let totals = DocumentTotals.compute(document)
        let pages = InvoicePageLayout.pages(for: document, totals: totals, font: font, level: xml == nil ? nil : xmpLevel)
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
        let widths = (32...255).map { code in
            WinAnsi.scalar(for: UInt8(code)).map { font.width(of: $0) } ?? 0
        }.map(String.init).joined(separator: " ")
        let scale = { (value: Int) in Int((Double(value) * 1000 / Double(font.unitsPerEm)).rounded()) }
        // Only the glyphs the pages show are embedded (a subset named TAG+Name); the rest of the font stays out.
        let subset = subsetCache.subset(of: font, keeping: usedScalars(in: pages))
        let fontName = "\(subset.tag)+\(font.postScriptName)"
        file.set(3, "<< /Type /Font /Subtype /TrueType /BaseFont /\(fontName) /FirstChar 32 /LastChar 255 "
                 + "/Encoding /WinAnsiEncoding /FontDescriptor 4 0 R /Widths [\(widths)] >>")
        file.set(4, "<< /Type /FontDescriptor /FontName /\(fontName) /Flags 32 /FontBBox [\(scale(font.boundingBox.minX)) "
                 + "\(scale(font.boundingBox.minY)) \(scale(font.boundingBox.maxX)) \(scale(font.boundingBox.maxY))] "
                 + String(format: "/ItalicAngle %.1f ", font.italicAngle)
                 + "/Ascent \(scale(font.ascender)) /Descent \(scale(font.descender)) /CapHeight \(scale(font.capHeight)) /StemV 80 /FontFile2 5 0 R >>")
        file.setStream(5, "/Length1 \(subset.data.count) /Filter /FlateDecode", subset.compressed)
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
            file.set(number, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                     + "/Contents \(number + 1) 0 R >>")
            file.setCompressedStream(number + 1, "", content)
        }
        return file.bytes()
    }

    /// The characters the content streams show: the WinAnsi bytes of their `(…)` strings, and the space.
    static func usedScalars(in pages: [Data]) -> Set<Unicode.Scalar> {
        var used: Set<Unicode.Scalar> = [" "]
        for content in pages {
            var inString = false
            var escaped = false
            for byte in content {
                if inString {
                    if escaped { escaped = false; if let scalar = WinAnsi.scalar(for: byte) { used.insert(scalar) }; continue }
                    if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: ")") { inString = false }
                    else if let scalar = WinAnsi.scalar(for: byte) { used.insert(scalar) }
                } else if byte == UInt8(ascii: "(") {
                    inString = true
                }
            }
        }
        return used
    }

    /// Recent font subsets with their compressed bytes: invoices of one supplier mostly share their characters,
    /// and subsetting and compressing the font is most of the cost of writing a Factur-X.
    static let subsetCache = FontSubsetCache()
}

/// A small cache of font subsets, keyed by the font and the characters kept (at most 16 entries).
final class FontSubsetCache: Sendable {
    typealias Subset = (data: Data, compressed: Data, tag: String)
    private let entries = LockedBox([(key: String, subset: Subset)]())

    /// The subset (and its `FlateDecode` bytes) of `font` for `scalars`.
    func subset(of font: TrueTypeFont, keeping scalars: Set<Unicode.Scalar>) -> Subset {
        let key = "\(font.postScriptName)|\(font.data.count)|" + scalars.map(\.value).sorted().map(String.init).joined(separator: ",")
        if let hit = entries.withLock({ $0.first { $0.key == key }?.subset }) { return hit }
        let made = font.subset(keeping: scalars)
        let subset: Subset = (made.data, Deflate.compress(made.data), made.tag)
        entries.withLock { entries in
            entries.append((key, subset))
            if entries.count > 16 { entries.removeFirst() }
        }
        return subset
    }
}
