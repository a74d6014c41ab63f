import Foundation

/// Turns an existing PDF/A file into a Factur-X by an incremental update: the original bytes are kept as they
/// are, and a new embedded file, file specification, XMP revision (`pdfaid:part` 3 plus the Factur-X schema) and
/// catalog revision (`/AF`, `/Names/EmbeddedFiles`, `/PageMode`) are appended with their own cross-reference
/// section and a trailer pointing back with `/Prev`.
///
/// It refuses, with a typed error, what it cannot do safely: a file that does not declare PDF/A in uncompressed
/// XMP, a cross-reference stream, compressed metadata, encryption, or a catalog that already has attachments.
public enum FacturXAttacher {
    /// Appends `xml` (`factur-x.xml`) to `pdf` with `level` as the XMP conformance level (`EN 16931`, `BASIC`).
    public static func attach(_ xml: Data, to pdf: Data, level: String = "EN 16931", modified: Date = Date()) throws -> Data {
        let scanner = try PDFScanner(pdf)
        guard !scanner.trailer.contains("/Encrypt") else { throw FacturXWriter.Failure(description: "the PDF is encrypted") }
        guard let root = PDFScanner.reference(after: "/Root", in: scanner.trailer), let size = PDFScanner.integer(after: "/Size", in: scanner.trailer),
              let catalog = scanner.objectDictionary(root) else { throw FacturXWriter.Failure(description: "no catalog") }
        guard !catalog.contains("/AF"), !catalog.contains("/Names") else {
            throw FacturXWriter.Failure(description: "the catalog already has /AF or /Names; merging existing attachments is not supported")
        }
        guard let metadata = PDFScanner.reference(after: "/Metadata", in: catalog) else {
            throw FacturXWriter.Failure(description: "not PDF/A: the catalog has no XMP metadata")
        }
        let xmp = String(decoding: try scanner.decodedStream(metadata), as: UTF8.self)
        guard let upgraded = upgradedXMP(xmp, level: level) else {
            throw FacturXWriter.Failure(description: "not PDF/A: the XMP declares no pdfaid:part")
        }
        let embedded = size, specification = size + 1
        var newCatalog = String(catalog.dropLast(2)).replacingOccurrences(of: #"/PageMode\s*/\w+"#, with: "", options: .regularExpression)
        newCatalog += " /AF [\(specification) 0 R] /Names << /EmbeddedFiles << /Names [(factur-x.xml) \(specification) 0 R] >> >>"
            + " /PageMode /UseAttachments >>"
        var objects: [(Int, Data)] = []
        func stream(_ dictionary: String, _ content: Data) -> Data {
            var data = PDFText.bytes("<< " + dictionary + " /Length \(content.count) >>\nstream\n")
            data.append(content)
            data.append(PDFText.bytes("\nendstream"))
            return data
        }
        objects.append((embedded, stream(embeddedFileDictionary(size: xml.count, modified: modified), xml)))
        objects.append((specification, PDFText.bytes(fileSpecification(embeddedFile: embedded))))
        objects.append((metadata, stream("/Type /Metadata /Subtype /XML", Data(upgraded.utf8))))
        objects.append((root, PDFText.bytes(newCatalog)))

        var output = pdf
        if output.last != 0x0A { output.append(0x0A) }
        var offsets: [(Int, Int)] = []
        for (number, body) in objects {
            offsets.append((number, output.count))
            output.append(PDFText.bytes("\(number) 0 obj\n"))
            output.append(body)
            output.append(PDFText.bytes("\nendobj\n"))
        }
        let xref = output.count
        var table = "xref\n"
        for (number, offset) in offsets.sorted(by: { $0.0 < $1.0 }) { table += "\(number) 1\n" + String(format: "%010d 00000 n \n", offset) }
        let firstID = scanner.trailer.range(of: #"<[0-9A-Fa-f]+>"#, options: .regularExpression).map { String(scanner.trailer[$0]) }
            ?? "<" + SHA256.digest(pdf).prefix(16).map { String(format: "%02X", $0) }.joined() + ">"
        let secondID = "<" + SHA256.digest(output).prefix(16).map { String(format: "%02X", $0) }.joined() + ">"
        table += "trailer\n<< /Size \(size + 2) /Root \(root) 0 R /Prev \(scanner.startXref) /ID [\(firstID) \(secondID)] >>\n"
            + "startxref\n\(xref)\n%%EOF\n"
        output.append(PDFText.bytes(table))
        return output
    }

    /// The XMP with `pdfaid:part` 3 and the Factur-X description, or `nil` when it declares no PDF/A part.
    static func upgradedXMP(_ xmp: String, level: String) -> String? {
        var text = xmp
        if let range = text.range(of: #"<pdfaid:part>\d</pdfaid:part>"#, options: .regularExpression) {
            text.replaceSubrange(range, with: "<pdfaid:part>3</pdfaid:part>")
        } else if let range = text.range(of: #"pdfaid:part="\d""#, options: .regularExpression) {
            text.replaceSubrange(range, with: #"pdfaid:part="3""#)
        } else {
            return nil
        }
        guard let end = text.range(of: "</rdf:RDF>") else { return nil }
        text.insert(contentsOf: XMPPacket.facturXDescription(level: level), at: end.lowerBound)
        return text
    }

    /// The `factur-x.xml` file specification, related as `/Data`.
    static func fileSpecification(embeddedFile: Int) -> String {
        "<< /Type /Filespec /F (factur-x.xml) /UF (factur-x.xml) /Desc (Factur-X invoice) /AFRelationship /Data "
            + "/EF << /F \(embeddedFile) 0 R /UF \(embeddedFile) 0 R >> >>"
    }

    /// The embedded file stream's dictionary (MIME type and parameters, as PDF/A-3 requires).
    static func embeddedFileDictionary(size: Int, modified: Date) -> String {
        "/Type /EmbeddedFile /Subtype /text#2Fxml /Params << /ModDate (\(PDFText.date(modified))) /Size \(size) >>"
    }
}

/// Reads the `factur-x.xml` back from a Factur-X file (ours, or others' when the attachment is not compressed).
public enum FacturXReader {
    /// The names an invoice XML is attached under: Factur-X, ZUGFeRD 1 and 2, XRechnung.
    public static let attachmentNames = ["factur-x.xml", "zugferd-invoice.xml", "ZUGFeRD-invoice.xml", "xrechnung.xml"]

    /// The embedded CII XML, from a Factur-X written by any tool: classic or stream cross-references, object
    /// streams, incremental updates, `FlateDecode` with predictors, file names written with escapes, hex or UTF-16.
    public static func embeddedXML(_ pdf: Data) throws -> Data {
        let scanner = try PDFScanner(pdf)
        for number in scanner.objectNumbers.reversed() {
            guard let raw = scanner.objectDictionary(number), raw.contains("/Filespec") || raw.contains("/EF") else { continue }
            let dictionary = PDFScanner.decodingStrings(raw)
            guard attachmentNames.contains(where: { dictionary.contains($0) }),
                  let efStart = dictionary.range(of: "/EF") else { continue }
            let embedded = String(dictionary[efStart.upperBound...])
            guard let file = PDFScanner.reference(after: "/F", in: embedded) else { continue }
            return try scanner.decodedStream(file)
        }
        throw FacturXWriter.Failure(description: "no factur-x.xml attachment found")
    }

    /// The XMP's `fx:ConformanceLevel`, if any.
    public static func conformanceLevel(_ pdf: Data) throws -> String? {
        let scanner = try PDFScanner(pdf)
        guard let root = PDFScanner.reference(after: "/Root", in: scanner.trailer), let catalog = scanner.objectDictionary(root),
              let metadata = PDFScanner.reference(after: "/Metadata", in: catalog) else { return nil }
        let xmp = String(decoding: try scanner.decodedStream(metadata), as: UTF8.self)
        guard let range = xmp.range(of: #"<fx:ConformanceLevel>[^<]*</fx:ConformanceLevel>"#, options: .regularExpression) else { return nil }
        return String(xmp[range]).replacingOccurrences(of: "<fx:ConformanceLevel>", with: "").replacingOccurrences(of: "</fx:ConformanceLevel>", with: "")
    }
}
