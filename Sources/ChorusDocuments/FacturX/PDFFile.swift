import ChorusCore
import ChorusCompression
import Foundation

/// Assembles a PDF from numbered objects: header with a binary comment, each object at a recorded offset, a
/// classic cross-reference table with exact offsets, and a trailer with `/ID`. Streams are written as given, or
/// compressed with `Deflate` (`/FlateDecode`) by ``setCompressedStream(_:_:_:)``.
struct PDFFile {
    private var objects: [Int: Data] = [:]

    /// Sets object `number` to a dictionary or other value (without `obj`/`endobj`).
    mutating func set(_ number: Int, _ body: String) { objects[number] = PDFText.bytes(body) }

    /// Sets object `number` to a stream: `dictionary` (without `/Length`, added here) and raw bytes.
    mutating func setStream(_ number: Int, _ dictionary: String, _ content: Data) {
        var data = PDFText.bytes("<< " + dictionary + " /Length \(content.count) >>\nstream\n")
        data.append(content)
        data.append(PDFText.bytes("\nendstream"))
        objects[number] = data
    }

    /// Sets object `number` to a `FlateDecode` stream of `content`, compressed here.
    mutating func setCompressedStream(_ number: Int, _ dictionary: String, _ content: Data) {
        setStream(number, (dictionary.isEmpty ? "" : dictionary + " ") + "/Filter /FlateDecode", Deflate.compress(content))
    }

    /// The file: objects 1…n in order, then xref and trailer. `root` is the catalog's number.
    func bytes(root: Int = 1) -> Data {
        var file = Data("%PDF-1.7\n%".utf8)
        file.append(contentsOf: [0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
        let count = (objects.keys.max() ?? 0) + 1
        var offsets = [Int](repeating: 0, count: count)
        for number in 1..<count {
            guard let body = objects[number] else { continue }
            offsets[number] = file.count
            file.append(PDFText.bytes("\(number) 0 obj\n"))
            file.append(body)
            file.append(PDFText.bytes("\nendobj\n"))
        }
        let xref = file.count
        var table = "xref\n0 \(count)\n0000000000 65535 f \n"
        for number in 1..<count {
            table += objects[number] == nil ? "0000000000 65535 f \n" : String(format: "%010d 00000 n \n", offsets[number])
        }
        let id = SHA256.digest(file).prefix(16).map { String(format: "%02X", $0) }.joined()
        table += "trailer\n<< /Size \(count) /Root \(root) 0 R /ID [<\(id)> <\(id)>] >>\nstartxref\n\(xref)\n%%EOF\n"
        file.append(PDFText.bytes(table))
        return file
    }
}

/// Text in PDF syntax.
enum PDFText {
    /// ASCII (or Latin-1) bytes of PDF syntax.
    static func bytes(_ text: String) -> Data {
        Data(text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") })
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Four upper-case hex digits of `value` (a glyph id, a UTF-16 unit) — `String(format:)` is slow on Linux and
    /// a page shows thousands of glyphs.
    static func hex4(_ value: Int) -> String {
        var bytes: [UInt8] = []
        appendHex4(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the four hex digits of `value` to `bytes` (an array: `Data.append` of single bytes is slow).
    static func appendHex4(_ value: Int, to bytes: inout [UInt8]) {
        bytes.append(hexDigits[(value >> 12) & 0xF])
        bytes.append(hexDigits[(value >> 8) & 0xF])
        bytes.append(hexDigits[(value >> 4) & 0xF])
        bytes.append(hexDigits[value & 0xF])
    }

    /// `value` with exactly `decimals` (1 or 2) decimals, as PDF operands want them (`String(format: "%.2f")`
    /// without its cost on Linux, where it dominated the time to lay a page out).
    static func number(_ value: Double, decimals: Int) -> String {
        let scale = decimals == 1 ? 10 : 100
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        let padded = decimals == 2 && fraction.count == 1 ? "0" + fraction : fraction
        return (value < 0 && scaled != 0 ? "-" : "") + String(scaled / scale) + "." + padded
    }

    /// A literal string `( … )` in WinAnsi, with `\`, `(`, `)` escaped; characters outside WinAnsi become `?`.
    static func literal(_ text: String) -> Data {
        var data = Data([UInt8(ascii: "(")])
        for scalar in text.unicodeScalars {
            let byte = WinAnsi.byte(for: scalar) ?? UInt8(ascii: "?")
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { data.append(UInt8(ascii: "\\")) }
            data.append(byte)
        }
        data.append(UInt8(ascii: ")"))
        return data
    }

    /// A PDF date `D:YYYYMMDDHHmmSS+00'00'`.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "D:%04d%02d%02d%02d%02d%02d+00'00'", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
