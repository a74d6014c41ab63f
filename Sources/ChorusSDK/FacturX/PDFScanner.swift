import Foundation

/// Just enough PDF reading for Factur-X: the last trailer, the classic cross-reference tables (following
/// `/Prev`), object bodies and unfiltered streams. No inflate, no cross-reference streams.
struct PDFScanner {
    let bytes: [UInt8]
    private(set) var offsets: [Int: Int] = [:]
    private(set) var trailer = ""
    private(set) var startXref = 0

    init(_ data: Data) throws {
        bytes = [UInt8](data)
        guard let marker = lastRange(of: "startxref") else { throw FacturXWriter.Failure(description: "no startxref: not a PDF") }
        let digits = text(from: marker + 9, count: 32).split(whereSeparator: { $0.isWhitespace }).first.flatMap { Int($0) }
        guard let xref = digits, xref < bytes.count else { throw FacturXWriter.Failure(description: "startxref points nowhere") }
        startXref = xref
        var section: Int? = xref
        var seen = Set<Int>()
        while let position = section, seen.insert(position).inserted {
            guard text(from: position, count: 4) == "xref" else {
                throw FacturXWriter.Failure(description: "the file uses a cross-reference stream (PDF 1.5+ object streams), which is not supported")
            }
            let (entries, dictionary) = try parseSection(at: position)
            for (number, offset) in entries where offsets[number] == nil { offsets[number] = offset }
            if trailer.isEmpty { trailer = dictionary }
            section = Self.integer(after: "/Prev", in: dictionary)
        }
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

    /// The dictionary of object `number`.
    func objectDictionary(_ number: Int) -> String? { offsets[number].flatMap { dictionary(at: $0) } }

    /// The raw content of stream object `number`; fails when it is filtered.
    /// The content of stream object `number`, inflated when it is `/FlateDecode` (with ``Deflate``, refusing more
    /// than 256 MB); any other filter, or a predictor, is a failure naming it.
    func decodedStream(_ number: Int) throws -> Data {
        let raw = try rawStream(number)
        guard let offset = offsets[number], let dictionary = dictionary(at: offset), dictionary.contains("/Filter") else { return raw }
        let filters = dictionary.components(separatedBy: "/Filter").dropFirst().first?.prefix { $0 != ">" } ?? ""
        guard filters.contains("FlateDecode"), !filters.contains("/ASCII"), !filters.contains("/LZW"), !filters.contains("/DCT"),
              !dictionary.contains("/Predictor")
        else {
            throw FacturXWriter.Failure(description: "object \(number) uses a filter this reader does not decode: \(filters.trimmingCharacters(in: .whitespaces))")
        }
        do {
            return try Deflate.inflate(raw)
        } catch let error as DeflateError {
            throw FacturXWriter.Failure(description: "object \(number): \(error)")
        }
    }

    /// The bytes of stream object `number` as stored (still filtered).
    func rawStream(_ number: Int) throws -> Data {
        guard let offset = offsets[number], let dictionary = dictionary(at: offset) else {
            throw FacturXWriter.Failure(description: "object \(number) not found")
        }
        guard let keyword = range(of: "stream", from: offset + dictionary.utf8.count) else {
            throw FacturXWriter.Failure(description: "object \(number) is not a stream")
        }
        var start = keyword + 6
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        if let length = Self.integer(after: "/Length", in: dictionary), !dictionary.contains("/Length \(length) 0 R"),
           start + length <= bytes.count {
            return Data(bytes[start..<start + length])
        }
        guard let end = range(of: "endstream", from: start) else { throw FacturXWriter.Failure(description: "unterminated stream") }
        var stop = end
        while stop > start, bytes[stop - 1] == 0x0A || bytes[stop - 1] == 0x0D { stop -= 1 }
        return Data(bytes[start..<stop])
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
