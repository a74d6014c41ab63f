import ChorusCore
import Foundation

/// Turns an existing PDF/A file into a Factur-X by an incremental update: the original bytes are kept as they
/// are, and a new embedded file, file specification, XMP revision (`pdfaid:part` 3 plus the Factur-X schema) and
/// catalog revision (`/AF`, `/Names/EmbeddedFiles`, `/PageMode`) are appended with their own cross-reference
/// section and a trailer pointing back with `/Prev`.
///
/// It reads what real PDF/A software writes — cross-reference streams (the update then ends with one too), object
/// streams, compressed XMP (rewritten uncompressed, as PDF/A wants) — and merges existing attachments: an existing
/// `/AF` array gets the new file added, an existing `/EmbeddedFiles` name tree (inline or referenced, one level)
/// gets the new name in order. It refuses, with a typed error naming the reason, an encrypted file, a file that
/// does not declare PDF/A, a file that already carries `factur-x.xml`, and a multi-level name tree.
public enum FacturXAttacher {
    /// Appends `xml` (`factur-x.xml`) to `pdf` with `level` as the XMP conformance level (`EN 16931`, `BASIC`).
    public static func attach(_ xml: Data, to pdf: Data, level: String = "EN 16931", modified: Date = Date()) throws -> Data {
        let scanner = try PDFScanner(pdf)
        guard !scanner.trailer.contains("/Encrypt") else { throw FacturXWriter.Failure(description: "the PDF is encrypted") }
        guard let root = PDFScanner.reference(after: "/Root", in: scanner.trailer), let size = PDFScanner.integer(after: "/Size", in: scanner.trailer),
              let catalog = scanner.objectDictionary(root) else { throw FacturXWriter.Failure(description: "no catalog") }
        if (try? FacturXReader.embeddedXML(pdf)) != nil {
            throw FacturXWriter.Failure(description: "the PDF already carries an invoice XML attachment")
        }
        guard let metadata = PDFScanner.reference(after: "/Metadata", in: catalog) else {
            throw FacturXWriter.Failure(description: "not PDF/A: the catalog has no XMP metadata")
        }
        let xmp = String(decoding: try scanner.decodedStream(metadata), as: UTF8.self)
        guard let upgraded = upgradedXMP(xmp, level: level) else {
            throw FacturXWriter.Failure(description: "not PDF/A: the XMP declares no pdfaid:part")
        }
        let embedded = size, specification = size + 1
        var objects: [(Int, Data)] = []
        let merged = try mergedCatalog(catalog, specification: specification, scanner: scanner)
        objects += merged.rewritten
        func stream(_ dictionary: String, _ content: Data) -> Data {
            var data = PDFText.bytes("<< " + dictionary + " /Length \(content.count) >>\nstream\n")
            data.append(content)
            data.append(PDFText.bytes("\nendstream"))
            return data
        }
        objects.append((embedded, stream(embeddedFileDictionary(size: xml.count, modified: modified), xml)))
        objects.append((specification, PDFText.bytes(fileSpecification(embeddedFile: embedded))))
        objects.append((metadata, stream("/Type /Metadata /Subtype /XML", Data(upgraded.utf8))))
        objects.append((root, PDFText.bytes(merged.catalog)))

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
        let firstID = scanner.trailer.range(of: #"<[0-9A-Fa-f]+>"#, options: .regularExpression).map { String(scanner.trailer[$0]) }
            ?? "<" + SHA256.digest(pdf).prefix(16).map { String(format: "%02X", $0) }.joined() + ">"
        let secondID = "<" + SHA256.digest(output).prefix(16).map { String(format: "%02X", $0) }.joined() + ">"
        let info = PDFScanner.reference(after: "/Info", in: scanner.trailer).map { " /Info \($0) 0 R" } ?? ""
        let trailerKeys = "/Root \(root) 0 R\(info) /Prev \(scanner.startXref) /ID [\(firstID) \(secondID)]"
        if scanner.usesXrefStreams {
            // The original ends with a cross-reference stream: the update does too (ISO 32000 §7.5.8), itself included.
            let streamNumber = size + 2
            let entries = (offsets + [(streamNumber, xref)]).sorted { $0.0 < $1.0 }
            var rows = Data()
            for (_, offset) in entries { rows.append(contentsOf: [1, UInt8((offset >> 24) & 0xFF), UInt8((offset >> 16) & 0xFF), UInt8((offset >> 8) & 0xFF), UInt8(offset & 0xFF), 0, 0]) }
            let index = entries.map { "\($0.0) 1" }.joined(separator: " ")
            output.append(PDFText.bytes("\(streamNumber) 0 obj\n<< /Type /XRef /Size \(size + 3) /W [1 4 2] /Index [\(index)] \(trailerKeys) /Length \(rows.count) >>\nstream\n"))
            output.append(rows)
            output.append(PDFText.bytes("\nendstream\nendobj\nstartxref\n\(xref)\n%%EOF\n"))
            return output
        }
        var table = "xref\n"
        for (number, offset) in offsets.sorted(by: { $0.0 < $1.0 }) { table += "\(number) 1\n" + String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(size + 2) \(trailerKeys) >>\nstartxref\n\(xref)\n%%EOF\n"
        output.append(PDFText.bytes(table))
        return output
    }

    /// The catalog with the new attachment merged in (`/AF`, `/Names/EmbeddedFiles`, `/PageMode`), and the objects
    /// the merge rewrites (an `/AF` array, a `/Names` dictionary or an `/EmbeddedFiles` tree held in their own objects).
    static func mergedCatalog(_ original: String, specification: Int, scanner: PDFScanner) throws -> (catalog: String, rewritten: [(Int, Data)]) {
        var catalog = original.replacingOccurrences(of: #"/PageMode\s*/\w+"#, with: "", options: .regularExpression)
        var rewritten: [(Int, Data)] = []
        let reference = "\(specification) 0 R"
        if let inline = catalog.range(of: #"/AF\s*\["#, options: .regularExpression) {
            catalog.replaceSubrange(inline, with: "/AF [\(reference) ")
        } else if let number = indirectReference(after: "/AF", in: catalog), let text = scanner.objectText(number),
                  let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") {
            rewritten.append((number, PDFText.bytes("[\(reference) " + text[text.index(after: open)...close])))
        } else {
            catalog = inserting(" /AF [\(reference)]", into: catalog)
        }
        func mergedNames(_ names: String) throws -> (String, [(Int, Data)]) {
            if let number = indirectReference(after: "/EmbeddedFiles", in: names), let tree = scanner.objectDictionary(number) {
                return (names, [(number, PDFText.bytes(try addingEntry(toTree: tree, reference: reference)))])
            }
            if let tree = inlineDictionary(after: "/EmbeddedFiles", in: names) {
                return (names.replacingOccurrences(of: tree, with: try addingEntry(toTree: tree, reference: reference)), [])
            }
            return (inserting(" /EmbeddedFiles << /Names [(factur-x.xml) \(reference)] >>", into: names), [])
        }
        if let number = indirectReference(after: "/Names", in: catalog), let names = scanner.objectDictionary(number) {
            let (newNames, extra) = try mergedNames(names)
            if newNames != names { rewritten.append((number, PDFText.bytes(newNames))) }
            rewritten += extra
        } else if let names = inlineDictionary(after: "/Names", in: catalog) {
            let (newNames, extra) = try mergedNames(names)
            catalog = catalog.replacingOccurrences(of: names, with: newNames)
            rewritten += extra
        } else {
            catalog = inserting(" /Names << /EmbeddedFiles << /Names [(factur-x.xml) \(reference)] >> >>", into: catalog)
        }
        return (inserting(" /PageMode /UseAttachments", into: catalog), rewritten)
    }

    /// A one-level name tree with `factur-x.xml` added among its names, kept in order (name trees are sorted).
    private static func addingEntry(toTree tree: String, reference: String) throws -> String {
        guard !tree.contains("/Kids") else {
            throw FacturXWriter.Failure(description: "the /EmbeddedFiles name tree has several levels (/Kids); merging it is not supported")
        }
        guard let names = tree.range(of: #"/Names\s*\[[^\]]*\]"#, options: .regularExpression) else {
            return inserting(" /Names [(factur-x.xml) \(reference)]", into: tree)
        }
        let pairs = try NSRegularExpression(pattern: #"\(((?:\\.|[^)\\])*)\)\s*(\d+\s+\d+\s+R)"#)
        let text = String(tree[names])
        var entries = pairs.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match -> (String, String)? in
            guard let name = Range(match.range(at: 1), in: text), let target = Range(match.range(at: 2), in: text) else { return nil }
            return (String(text[name]), String(text[target]))
        }
        entries.append(("factur-x.xml", reference))
        entries.sort { PDFScanner.decodingStrings($0.0) < PDFScanner.decodingStrings($1.0) }
        return tree.replacingCharacters(in: names, with: "/Names [" + entries.map { "(\($0.0)) \($0.1)" }.joined(separator: " ") + "]")
    }

    /// `n` when `key` is followed by `n 0 R`.
    private static func indirectReference(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key + #"\s+\d+\s+\d+\s+R"#, options: .regularExpression) else { return nil }
        return Int(text[range].dropFirst(key.count).split(whereSeparator: { $0.isWhitespace }).first ?? "")
    }

    /// The `<< … >>` dictionary that follows `key`, balanced, when the value is inline.
    private static func inlineDictionary(after key: String, in text: String) -> String? {
        guard let range = text.range(of: key + #"\s*<<"#, options: .regularExpression),
              let open = text.range(of: "<<", range: range) else { return nil }
        var depth = 0
        var index = open.lowerBound
        while index < text.endIndex {
            if text[index...].hasPrefix("<<") { depth += 1; index = text.index(index, offsetBy: 2); continue }
            if text[index...].hasPrefix(">>") {
                depth -= 1
                index = text.index(index, offsetBy: 2)
                if depth == 0 { return String(text[open.lowerBound..<index]) }
                continue
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `dictionary` with `entry` added before its closing `>>`.
    private static func inserting(_ entry: String, into dictionary: String) -> String {
        let trimmed = dictionary.trimmingCharacters(in: .whitespacesAndNewlines)
        return String(trimmed.dropLast(2)) + entry + " >>"
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
