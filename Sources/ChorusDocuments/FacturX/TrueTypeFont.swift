import ChorusCore
import Foundation

/// The few facts of a TrueType font a PDF needs: metrics for the font descriptor and each character's
/// advance width, read from the `head`, `hhea`, `hmtx`, `cmap` (format 4, Unicode BMP), `OS/2` and `post` tables.
public struct TrueTypeFont: Sendable {
    /// The whole font file, embedded as `/FontFile2`.
    public let data: Data
    /// Font units per em (`head.unitsPerEm`).
    public let unitsPerEm: Int
    /// Bounding box in font units (`head`).
    public let boundingBox: (minX: Int, minY: Int, maxX: Int, maxY: Int)
    /// Ascender and descender (`hhea`).
    public let ascender: Int
    /// Descender (negative).
    public let descender: Int
    /// Capital height (`OS/2.sCapHeight`, or the ascender for old tables).
    public let capHeight: Int
    /// Italic angle in degrees (`post`).
    public let italicAngle: Double
    /// The PostScript name (`name` id 6), spaces removed.
    public let postScriptName: String
    private let advances: [Int]
    let glyphs: [UInt32: Int]

    /// Errors reading a font.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// What is wrong.
        public let description: String
    }

    /// Reads a TrueType font (`.ttf`).
    public init(data: Data) throws {
        let bytes = [UInt8](data)
        func u16(_ offset: Int) -> Int { offset + 1 < bytes.count ? Int(bytes[offset]) << 8 | Int(bytes[offset + 1]) : 0 }
        func s16(_ offset: Int) -> Int { let value = u16(offset); return value >= 0x8000 ? value - 0x10000 : value }
        func u32(_ offset: Int) -> Int { u16(offset) << 16 | u16(offset + 2) }
        guard bytes.count > 12, [0x0001_0000, 0x7472_7565].contains(u32(0)) else { throw ReadError(description: "not a TrueType font") }
        var tables: [String: Int] = [:]
        for index in 0..<u16(4) {
            let record = 12 + index * 16
            tables[String(decoding: bytes[record..<record + 4], as: UTF8.self)] = u32(record + 8)
        }
        guard let head = tables["head"], let hhea = tables["hhea"], let hmtx = tables["hmtx"], let cmap = tables["cmap"] else {
            throw ReadError(description: "a table is missing (head, hhea, hmtx or cmap)")
        }
        self.data = data
        unitsPerEm = max(u16(head + 18), 1)
        boundingBox = (s16(head + 36), s16(head + 38), s16(head + 40), s16(head + 42))
        let ascent = s16(hhea + 4)
        ascender = ascent
        descender = s16(hhea + 6)
        let metrics = u16(hhea + 34)
        advances = (0..<metrics).map { u16(hmtx + $0 * 4) }
        capHeight = tables["OS/2"].map { u16($0) >= 2 ? s16($0 + 88) : ascent } ?? ascent
        italicAngle = tables["post"].map { Double(Int32(truncatingIfNeeded: u32($0 + 4))) / 65536 } ?? 0
        var name = "EmbeddedFont"
        if let table = tables["name"] {
            let storage = table + u16(table + 4)
            for index in 0..<u16(table + 2) {
                let record = table + 6 + index * 12
                guard u16(record + 6) == 6 else { continue }
                let length = u16(record + 8), offset = storage + u16(record + 10)
                guard offset + length <= bytes.count else { continue }
                let raw = bytes[offset..<offset + length]
                let text = u16(record) == 3 ? String(decoding: stride(from: 0, to: raw.count, by: 2).map { UInt16(raw[raw.startIndex + $0]) << 8 | UInt16(raw[raw.startIndex + $0 + 1]) }, as: UTF16.self)
                    : String(decoding: raw, as: UTF8.self)
                name = text.filter { $0.isLetter || $0.isNumber || $0 == "-" }
                break
            }
        }
        postScriptName = name.isEmpty ? "EmbeddedFont" : name
        // cmap: the Windows Unicode BMP subtable (3, 1), format 4.
        var map: [UInt32: Int] = [:]
        for index in 0..<u16(cmap + 2) {
            let record = cmap + 4 + index * 8
            guard u16(record) == 3, u16(record + 2) == 1 else { continue }
            let subtable = cmap + u32(record + 4)
            guard u16(subtable) == 4 else { continue }
            let segments = u16(subtable + 6) / 2
            let ends = subtable + 14, starts = ends + segments * 2 + 2, deltas = starts + segments * 2, ranges = deltas + segments * 2
            for segment in 0..<segments {
                let start = u16(starts + segment * 2), end = u16(ends + segment * 2)
                let delta = s16(deltas + segment * 2), rangeOffset = u16(ranges + segment * 2)
                let last = min(end, 0xFFFE)  // 0xFFFF ends the table
                guard start <= last else { continue }
                for code in start...last {
                    var glyph: Int
                    if rangeOffset == 0 {
                        glyph = (code + delta) & 0xFFFF
                    } else {
                        let address = ranges + segment * 2 + rangeOffset + (code - start) * 2
                        glyph = u16(address)
                        if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                    }
                    if glyph != 0 { map[UInt32(code)] = glyph }
                }
            }
            break
        }
        guard !map.isEmpty else { throw ReadError(description: "no Unicode (3,1) format 4 cmap") }
        glyphs = map
    }

    /// The advance width of a character in 1/1000 em, as PDF `/Widths` wants it (0 when the font lacks it).
    /// The glyph id of `scalar`, or 0 (`.notdef`) when the font lacks it.
    func glyph(for scalar: Unicode.Scalar) -> Int { glyphs[scalar.value] ?? 0 }

    /// Whether the font draws `scalar`.
    public func contains(_ scalar: Unicode.Scalar) -> Bool { glyphs[scalar.value] != nil }

    /// The advance of glyph `glyph` in thousandths of the font size (PDF glyph space).
    func advance(ofGlyph glyph: Int) -> Int {
        let advance = advances.isEmpty ? 0 : advances[min(glyph, advances.count - 1)]
        return Int((Double(advance) * 1000 / Double(unitsPerEm)).rounded())
    }

    public func width(of scalar: Unicode.Scalar) -> Int {
        guard let glyph = glyphs[scalar.value] else { return 0 }
        let advance = advances.isEmpty ? 0 : advances[min(glyph, advances.count - 1)]
        return Int((Double(advance) * 1000 / Double(unitsPerEm)).rounded())
    }

    /// The width of a WinAnsi-encodable text at `size` points.
    public func width(of text: String, size: Double) -> Double {
        Double(text.unicodeScalars.reduce(0) { $0 + width(of: $1) }) * size / 1000
    }

    /// A font found on this system: DejaVu Sans on Debian/Ubuntu (`fonts-dejavu-core`), Arial or Helvetica on Apple
    /// platforms. Throws when none is there; pass a font's bytes to ``init(data:)`` instead.
    public static func systemDefault() throws -> TrueTypeFont {
        let candidates = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf",
                          "/usr/share/fonts/TTF/DejaVuSans.ttf", "/System/Library/Fonts/Supplemental/Arial.ttf",
                          "/Library/Fonts/Arial.ttf", "/System/Library/Fonts/Supplemental/Verdana.ttf"]
        for path in candidates {
            if let data = FileManager.default.contents(atPath: path), let font = try? TrueTypeFont(data: data) { return font }
        }
        throw ReadError(description: "no TrueType font found (looked for DejaVu Sans — apt install fonts-dejavu-core — and Arial); "
                        + "pass the font's data to TrueTypeFont(data:)")
    }
}

/// The WinAnsi (cp1252) byte of a character, or `nil` when it has none.
enum WinAnsi {
    private static let high: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88,
        0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93,
        0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if (0x20...0x7E).contains(value) || (0xA0...0xFF).contains(value) { return UInt8(value) }
        return high[value]
    }

    /// The character a byte stands for.
    static func scalar(for byte: UInt8) -> Unicode.Scalar? {
        if (0x20...0x7E).contains(byte) || byte >= 0xA0 { return Unicode.Scalar(byte) }
        return high.first { $0.value == byte }.flatMap { Unicode.Scalar($0.key) }
    }
}
