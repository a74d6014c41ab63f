import ChorusCore
import ChorusCompression
import Foundation

/// Just enough PDF reading for Factur-X: the last trailer, the cross-reference sections — classic tables and
/// cross-reference streams (PDF 1.5), following `/Prev` through incremental updates —, objects stored directly or
/// inside object streams, and streams decoded (`FlateDecode`, with PNG predictors).
struct PDFScanner {
    let bytes: [UInt8]
    /// Objects stored directly: number → byte offset.
    private(set) var offsets: [Int: Int] = [:]
    /// Objects stored in an object stream: number → (the object stream's number, the index inside it).
    private(set) var compressed: [Int: (stream: Int, index: Int)] = [:]
    private(set) var trailer = ""
    private(set) var startXref = 0
    /// Whether the newest cross-reference section is a stream (the file uses PDF 1.5 cross-reference streams).
    private(set) var usesXrefStreams = false

    /// Every object number the file defines.
    var objectNumbers: [Int] { Array(Set(offsets.keys).union(compressed.keys)).sorted() }

    init(_ data: Data) throws {
        bytes = [UInt8](data)
        guard let marker = lastRange(of: "startxref") else { throw FacturXWriter.Failure(description: "no startxref: not a PDF") }
        let digits = text(from: marker + 9, count: 32).split(whereSeparator: { $0.isWhitespace }).first.flatMap { Int($0) }
        guard let xref = digits, xref < bytes.count else { throw FacturXWriter.Failure(description: "startxref points nowhere") }
        startXref = xref
        var section: Int? = xref
        var seen = Set<Int>()
        while let position = section, seen.insert(position).inserted {
            let dictionary: String
            if text(from: position, count: 4) == "xref" {
                let (entries, sectionDictionary) = try parseSection(at: position)
                for (number, offset) in entries where offsets[number] == nil && compressed[number] == nil { offsets[number] = offset }
                dictionary = sectionDictionary
            } else {
                dictionary = try parseXrefStream(at: position)
                if trailer.isEmpty { usesXrefStreams = true }
            }
            if trailer.isEmpty { trailer = dictionary }
            section = Self.integer(after: "/Prev", in: dictionary)
        }
    }

    /// A cross-reference stream (`/Type /XRef`, ISO 32000 §7.5.8): its entries, and its dictionary as the trailer.
    private mutating func parseXrefStream(at position: Int) throws -> String {
        guard let dictionary = dictionary(at: position), dictionary.contains("/XRef") else {
            throw FacturXWriter.Failure(description: "startxref points to neither a cross-reference table nor a stream")
        }
        let data = [UInt8](try decode(rawStream(at: position, dictionary: dictionary), dictionary: dictionary, what: "the cross-reference stream"))
        guard let widths = Self.integers(after: "/W", in: dictionary), widths.count == 3 else {
            throw FacturXWriter.Failure(description: "a cross-reference stream without /W")
        }
        let size = Self.integer(after: "/Size", in: dictionary) ?? 0
        var ranges = Self.integers(after: "/Index", in: dictionary) ?? [0, size]
        if ranges.count % 2 != 0 { ranges = [0, size] }
        let rowWidth = widths.reduce(0, +)
        var row = 0
        for pair in stride(from: 0, to: ranges.count, by: 2) {
            for number in ranges[pair]..<ranges[pair] + ranges[pair + 1] {
                guard rowWidth > 0, (row + 1) * rowWidth <= data.count else { break }
                var fields = [0, 0, 0]
                var cursor = row * rowWidth
                for (index, width) in widths.enumerated() {
                    for _ in 0..<width { fields[index] = fields[index] << 8 | Int(data[cursor]); cursor += 1 }
                }
                if widths[0] == 0 { fields[0] = 1 }  // the type defaults to 1
                row += 1
                guard offsets[number] == nil, compressed[number] == nil else { continue }  // a newer section won
                switch fields[0] {
                case 1: offsets[number] = fields[1]
                case 2: compressed[number] = (fields[1], fields[2])
                default: break
                }
            }
        }
        return dictionary
    }

    private func parseSection(at position: Int) throws -> ([(Int, Int)], String) {
        guard let trailerAt = range(of: "trailer", from: position) else { throw FacturXWriter.Failure(description: "no trailer") }
        let lines = text(from: position + 4, count: trailerAt - position - 4).split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        var entries: [(Int, Int)] = []
        var number = 0
        for line in lines {
            let fields = line.split(separator: " ")
            if fields.count == 2, let first = Int(fields[0]) {
                number = first
            } else if fields.count >= 3, let offset = Int(fields[0]) {
                if fields[2].hasPrefix("n") { entries.append((number, offset)) }
                number += 1
            }
        }
        return (entries, dictionary(at: trailerAt + 7) ?? "")
    }

    /// The text of object `number` between `obj` and `endobj` (dictionary and stream header).
    func objectText(_ number: Int) -> String? {
        guard let offset = offsets[number], let end = range(of: "endobj", from: offset) else { return nil }
        return text(from: offset, count: min(end - offset, 4096))
    }

    /// The first `<< … >>` dictionary at or after `position`, balanced.
    func dictionary(at position: Int) -> String? {
        guard let start = range(of: "<<", from: position) else { return nil }
        var depth = 0
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "<") { depth += 1; index += 2; continue }
            if bytes[index] == UInt8(ascii: ">") && bytes[index + 1] == UInt8(ascii: ">") {
                depth -= 1
                index += 2
                if depth == 0 { return text(from: start, count: index - start) }
                continue
            }
            index += 1
        }
        return nil
    }

    /// The dictionary of object `number`, stored directly or inside an object stream.
    func objectDictionary(_ number: Int) -> String? {
        if let offset = offsets[number] { return dictionary(at: offset) }
        guard let location = compressed[number], let objects = try? objectStream(location.stream),
              location.index < objects.count else { return nil }
        return objects[location.index]
    }

    /// The objects of object stream `number` (`/Type /ObjStm`, ISO 32000 §7.5.7), as text, in order.
    func objectStream(_ number: Int) throws -> [String] {
        let content = [UInt8](try decodedStream(number))
        guard let dictionary = objectDictionary(number), let count = Self.integer(after: "/N", in: dictionary),
              let first = Self.integer(after: "/First", in: dictionary), first <= content.count else {
            throw FacturXWriter.Failure(description: "object \(number) is not an object stream")
        }
        let header = String(decoding: content[0..<first], as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).compactMap { Int($0) }
        guard header.count >= count * 2 else { throw FacturXWriter.Failure(description: "object stream \(number) has a short header") }
        let starts = (0..<count).map { first + header[$0 * 2 + 1] }
        return (0..<count).map { index in
            let start = min(starts[index], content.count)
            let end = index + 1 < count ? min(starts[index + 1], content.count) : content.count
            return String(decoding: content[start..<max(start, end)], as: UTF8.self)
        }
    }

    /// The raw content of stream object `number`; fails when it is filtered.
    /// The content of stream object `number`, inflated when it is `/FlateDecode` (with `Deflate`, refusing more
    /// than 256 MB); any other filter, or a predictor, is a failure naming it.
    func decodedStream(_ number: Int) throws -> Data {
        guard let offset = offsets[number], let dictionary = dictionary(at: offset) else {
            throw FacturXWriter.Failure(description: "object \(number) not found")
        }
        return try decode(rawStream(at: offset, dictionary: dictionary), dictionary: dictionary, what: "object \(number)")
    }

    /// Applies a stream's filter: none, or `FlateDecode` with an optional PNG (10–15) or TIFF (2) predictor.
    func decode(_ raw: Data, dictionary: String, what: String) throws -> Data {
        guard dictionary.contains("/Filter") else { return raw }
        let filters = dictionary.components(separatedBy: "/Filter").dropFirst().first?.prefix { $0 != ">" } ?? ""
        let named = filters.split(separator: "/").map { $0.prefix { $0.isLetter } }.filter { !$0.isEmpty }
        guard named.first == "FlateDecode", named.count == 1 || !named.dropFirst().contains(where: { $0.hasSuffix("Decode") }) else {
            throw FacturXWriter.Failure(description: "\(what) uses a filter this reader does not decode: \(named.joined(separator: ", "))")
        }
        let inflated: Data
        do { inflated = try Deflate.inflate(raw) } catch let error as DeflateError {
            throw FacturXWriter.Failure(description: "\(what): \(error)")
        }
        let predictor = Self.integer(after: "/Predictor", in: dictionary) ?? 1
        guard predictor >= 10 else {
            if predictor == 1 { return inflated }
            throw FacturXWriter.Failure(description: "\(what) uses predictor \(predictor), which this reader does not decode")
        }
        let columns = Self.integer(after: "/Columns", in: dictionary) ?? 1
        let colors = Self.integer(after: "/Colors", in: dictionary) ?? 1
        let bits = Self.integer(after: "/BitsPerComponent", in: dictionary) ?? 8
        return try Self.unpredictPNG([UInt8](inflated), rowBytes: (columns * colors * bits + 7) / 8, pixelBytes: max(1, colors * bits / 8), what: what)
    }

    /// Undoes PNG predictors (RFC 2083 §6): each row starts with its filter type (None, Sub, Up, Average, Paeth).
    static func unpredictPNG(_ data: [UInt8], rowBytes: Int, pixelBytes: Int, what: String) throws -> Data {
        guard rowBytes > 0 else { return Data(data) }
        var output: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var index = 0
        while index + rowBytes < data.count + 1 && index < data.count {
            let type = data[index]
            guard index + 1 + rowBytes <= data.count else { break }
            var row = Array(data[index + 1..<index + 1 + rowBytes])
            for column in 0..<rowBytes {
                let left = column >= pixelBytes ? Int(row[column - pixelBytes]) : 0
                let up = Int(previous[column])
                let upLeft = column >= pixelBytes ? Int(previous[column - pixelBytes]) : 0
                let value = Int(row[column])
                switch type {
                case 0: break
                case 1: row[column] = UInt8((value + left) & 0xFF)
                case 2: row[column] = UInt8((value + up) & 0xFF)
                case 3: row[column] = UInt8((value + (left + up) / 2) & 0xFF)
                case 4:
                    let estimate = left + up - upLeft
                    let (a, b, c) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                    let nearest = a <= b && a <= c ? left : (b <= c ? up : upLeft)
                    row[column] = UInt8((value + nearest) & 0xFF)
                default: throw FacturXWriter.Failure(description: "\(what) has an unknown PNG row filter \(type)")
                }
            }
            output += row
            previous = row
            index += 1 + rowBytes
        }
        return Data(output)
    }

    /// The bytes of stream object `number` as stored (still filtered).
    func rawStream(_ number: Int) throws -> Data {
        guard let offset = offsets[number], let dictionary = dictionary(at: offset) else {
            throw FacturXWriter.Failure(description: "object \(number) not found")
        }
        return try rawStream(at: offset, dictionary: dictionary)
    }

    /// The bytes of the stream whose object starts at `offset`.
    func rawStream(at offset: Int, dictionary: String) throws -> Data {
        guard let keyword = range(of: "stream", from: offset + dictionary.utf8.count) else {
            throw FacturXWriter.Failure(description: "the object at byte \(offset) is not a stream")
        }
        var start = keyword + 6
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        var length = Self.integer(after: "/Length", in: dictionary)
        if let reference = length, dictionary.contains("/Length \(reference) 0 R") {
            // An indirect length (`/Length 12 0 R`): the integer object it names.
            length = offsets[reference].flatMap { at in
                text(from: at, count: 64).split(whereSeparator: { $0.isWhitespace }).dropFirst(3).first.flatMap { Int($0) }
            }
        }
        if let length, start + length <= bytes.count {
            return Data(bytes[start..<start + length])
        }
        guard let end = range(of: "endstream", from: start) else { throw FacturXWriter.Failure(description: "unterminated stream") }
        var stop = end
        while stop > start, bytes[stop - 1] == 0x0A || bytes[stop - 1] == 0x0D { stop -= 1 }
        return Data(bytes[start..<stop])
    }

    /// `text` with its string literals made readable: octal escapes (`\\055` → `-`) decoded, UTF-16 strings
    /// (`\\376\\377…`) reduced to their ASCII, and hex strings (`<666163…>`) decoded — so names can be matched.
    static func decodingStrings(_ text: String) -> String {
        var result = text
        if let octal = try? NSRegularExpression(pattern: #"\\([0-7]{1,3})"#) {
            let matches = octal.matches(in: result, range: NSRange(result.startIndex..., in: result)).reversed()
            for match in matches {
                guard let range = Range(match.range, in: result), let digits = Range(match.range(at: 1), in: result),
                      let value = UInt8(result[digits], radix: 8) else { continue }
                result.replaceSubrange(range, with: value == 0 ? "" : String(UnicodeScalar(value)))
            }
        }
        result = result.replacingOccurrences(of: "\u{FE}\u{FF}", with: "").replacingOccurrences(of: "\u{0}", with: "")
        if let hex = try? NSRegularExpression(pattern: #"<([0-9A-Fa-f\s]{8,})>"#) {
            let matches = hex.matches(in: result, range: NSRange(result.startIndex..., in: result)).reversed()
            for match in matches {
                guard let range = Range(match.range, in: result), let digits = Range(match.range(at: 1), in: result) else { continue }
                let clean = result[digits].filter { !$0.isWhitespace }
                var bytes: [UInt8] = []
                var index = clean.startIndex
                while index < clean.endIndex, let next = clean.index(index, offsetBy: 2, limitedBy: clean.endIndex),
                      let byte = UInt8(clean[index..<next], radix: 16) {
                    if byte != 0 && byte != 0xFE && byte != 0xFF { bytes.append(byte) }
                    index = next
                }
                result.replaceSubrange(range, with: "(" + String(decoding: bytes, as: UTF8.self) + ")")
            }
        }
        return result
    }

    /// The integers of the array after `key` (`/W [1 2 1]`).
    static func integers(after key: String, in text: String) -> [Int]? {
        guard let range = text.range(of: key), let open = text[range.upperBound...].firstIndex(of: "["),
              let close = text[open...].firstIndex(of: "]") else { return nil }
        return text[text.index(after: open)..<close].split(whereSeparator: { $0.isWhitespace }).compactMap { Int($0) }
    }

    static func integer(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key + " ") ?? text.range(of: key) else { return nil }
        return Int(text[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber })  // Int("") is nil
    }

    /// `n 0 R` after `key`.
    static func reference(after key: String, in text: String) -> Int? { integer(after: key, in: text) }

    func text(from start: Int, count: Int) -> String {
        guard start < bytes.count else { return "" }
        return String(decoding: bytes[start..<min(bytes.count, start + max(count, 0))], as: UTF8.self)
    }

    func range(of needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, start >= 0 else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], Array(bytes[index..<index + pattern.count]) == pattern { return index }
            index += 1
        }
        return nil
    }

    func lastRange(of needle: String) -> Int? {
        let pattern = Array(needle.utf8)
        var index = bytes.count - pattern.count
        while index >= 0 {
            if bytes[index] == pattern[0], Array(bytes[index..<index + pattern.count]) == pattern { return index }
            index -= 1
        }
        return nil
    }
}
