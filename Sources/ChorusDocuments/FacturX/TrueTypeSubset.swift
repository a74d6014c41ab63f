import ChorusCore
import Foundation

extension TrueTypeFont {
    /// A subset of the font for the characters `scalars`: glyph ids are kept (so the `cmap`, the widths and the
    /// PDF's encoding stay valid) but every glyph outside the set — after following composite glyphs to their
    /// components — is emptied; the layout and naming tables PDF text does not use (GSUB, GPOS, GDEF, kern, hdmx,
    /// glyph names in `post`…) are dropped. `tag` is the six-letter prefix of the subset's name (`ABCDEF+Name`,
    /// ISO 32000 §9.6.4), derived from the glyph set.
    public func subset(keeping scalars: Set<Unicode.Scalar>) -> (data: Data, tag: String) {
        subset(keepingGlyphs: Set(scalars.compactMap { glyphs[$0.value] }))
    }

    /// A subset keeping the glyphs `kept` (and `.notdef`, and the components of composite glyphs).
    func subset(keepingGlyphs kept: Set<Int>) -> (data: Data, tag: String) {
        let bytes = [UInt8](data)
        func u16(_ offset: Int) -> Int { offset >= 0 && offset + 1 < bytes.count ? Int(bytes[offset]) << 8 | Int(bytes[offset + 1]) : 0 }
        func s16(_ offset: Int) -> Int { let value = u16(offset); return value >= 0x8000 ? value - 0x10000 : value }
        func u32(_ offset: Int) -> Int { u16(offset) << 16 | u16(offset + 2) }
        var tables: [String: (offset: Int, length: Int)] = [:]
        for index in 0..<u16(4) {
            let record = 12 + index * 16
            guard record + 16 <= bytes.count else { break }
            tables[String(decoding: bytes[record..<record + 4], as: UTF8.self)] = (u32(record + 8), u32(record + 12))
        }
        guard let head = tables["head"], let maxp = tables["maxp"], let loca = tables["loca"], let glyf = tables["glyf"],
              let hhea = tables["hhea"], let hmtx = tables["hmtx"]
        else { return (data, "AAAAAA") }  // not a glyf-based font: embedded whole
        let glyphCount = u16(maxp.offset + 4)
        let longOffsets = s16(head.offset + 50) == 1
        func glyphRange(_ glyph: Int) -> Range<Int> {
            guard glyph < glyphCount else { return 0..<0 }
            let start = longOffsets ? u32(loca.offset + glyph * 4) : u16(loca.offset + glyph * 2) * 2
            let end = longOffsets ? u32(loca.offset + glyph * 4 + 4) : u16(loca.offset + glyph * 2 + 2) * 2
            guard start <= end, glyf.offset + end <= bytes.count else { return 0..<0 }
            return (glyf.offset + start)..<(glyf.offset + end)
        }
        // The glyphs to keep: .notdef, the characters' glyphs, and the components of composite glyphs.
        var keep: Set<Int> = [0]
        var pending = Array(kept)
        while let glyph = pending.popLast() {
            guard keep.insert(glyph).inserted || glyph == 0 else { continue }
            let range = glyphRange(glyph)
            guard range.count > 10, s16(range.lowerBound) < 0 else { continue }  // simple glyph
            var cursor = range.lowerBound + 10
            while cursor + 4 <= range.upperBound {
                let flags = u16(cursor)
                let component = u16(cursor + 2)
                if !keep.contains(component) { pending.append(component) }
                cursor += 4 + (flags & 0x0001 != 0 ? 4 : 2)
                if flags & 0x0008 != 0 { cursor += 2 } else if flags & 0x0040 != 0 { cursor += 4 } else if flags & 0x0080 != 0 { cursor += 8 }
                guard flags & 0x0020 != 0 else { break }
            }
        }
        // glyf and loca (long offsets), glyphs padded to 4 bytes.
        var newGlyf: [UInt8] = []
        var newLoca: [UInt8] = []
        func append32(_ value: Int, to array: inout [UInt8]) {
            array += [UInt8((value >> 24) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
        }
        for glyph in 0..<glyphCount {
            append32(newGlyf.count, to: &newLoca)
            guard keep.contains(glyph) else { continue }
            newGlyf += bytes[glyphRange(glyph)]
            while newGlyf.count % 4 != 0 { newGlyf.append(0) }
        }
        append32(newGlyf.count, to: &newLoca)
        // hmtx: metrics of dropped glyphs zeroed (the table keeps its shape; zeros compress to nothing).
        var newHmtx = [UInt8](bytes[hmtx.offset..<min(hmtx.offset + hmtx.length, bytes.count)])
        let metrics = u16(hhea.offset + 34)
        for glyph in 0..<glyphCount where !keep.contains(glyph) {
            let at = glyph < metrics ? glyph * 4 : metrics * 4 + (glyph - metrics) * 2
            let width = glyph < metrics ? 4 : 2
            guard at + width <= newHmtx.count else { continue }
            for index in at..<at + width { newHmtx[index] = 0 }
        }
        // head: long loca offsets, checksum adjustment recomputed below.
        var newHead = [UInt8](bytes[head.offset..<head.offset + head.length])
        newHead[50] = 0
        newHead[51] = 1
        for index in 8..<12 { newHead[index] = 0 }
        // post: format 3 (no glyph names), the metrics of the original header kept.
        var newPost: [UInt8] = tables["post"].map { [UInt8](bytes[$0.offset..<min($0.offset + 32, bytes.count)]) } ?? [UInt8](repeating: 0, count: 32)
        newPost[0] = 0; newPost[1] = 3; newPost[2] = 0; newPost[3] = 0
        var output: [(String, [UInt8])] = [("glyf", newGlyf), ("head", newHead), ("hmtx", newHmtx), ("loca", newLoca), ("post", newPost)]
        for tag in ["cmap", "cvt ", "fpgm", "hhea", "maxp", "name", "OS/2", "prep"] {
            guard let table = tables[tag], table.offset + table.length <= bytes.count else { continue }
            output.append((tag, [UInt8](bytes[table.offset..<table.offset + table.length])))
        }
        output.sort { $0.0 < $1.0 }
        let file = Self.assemble(output)
        // The subset's name tag: six capital letters from the glyph set.
        var hash: UInt64 = 1_469_598_103_934_665_603
        for glyph in keep.sorted() { hash = (hash ^ UInt64(glyph)) &* 1_099_511_628_211 }
        let tag = String((0..<6).map { Character(Unicode.Scalar(UInt8(65 + (hash >> UInt64($0 * 5)) % 26))) })
        return (Data(file), tag)
    }

    /// A font file from its tables: directory, 4-byte aligned tables, checksums and `head.checkSumAdjustment`.
    private static func assemble(_ tables: [(String, [UInt8])]) -> [UInt8] {
        func checksum(_ bytes: [UInt8]) -> UInt32 {
            var sum: UInt32 = 0
            var index = 0
            while index < bytes.count {
                var word: UInt32 = 0
                for offset in 0..<4 { word = word << 8 | UInt32(index + offset < bytes.count ? bytes[index + offset] : 0) }
                sum = sum &+ word
                index += 4
            }
            return sum
        }
        func put32(_ value: UInt32, _ array: inout [UInt8]) { array += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)] }
        func put16(_ value: Int, _ array: inout [UInt8]) { array += [UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)] }
        let count = tables.count
        var power = 1
        var log = 0
        while power * 2 <= count { power *= 2; log += 1 }
        var file: [UInt8] = []
        put32(0x0001_0000, &file)
        put16(count, &file)
        put16(power * 16, &file)
        put16(log, &file)
        put16(count * 16 - power * 16, &file)
        var offset = 12 + count * 16
        var headOffset = 0
        for (tag, data) in tables {
            file += Array(tag.utf8.prefix(4))
            put32(checksum(data), &file)
            put32(UInt32(offset), &file)
            put32(UInt32(data.count), &file)
            if tag == "head" { headOffset = offset }
            offset += (data.count + 3) / 4 * 4
        }
        for (_, data) in tables {
            file += data
            while file.count % 4 != 0 { file.append(0) }
        }
        let adjustment = 0xB1B0_AFBA &- checksum(file)
        file[headOffset + 8] = UInt8(adjustment >> 24)
        file[headOffset + 9] = UInt8((adjustment >> 16) & 0xFF)
        file[headOffset + 10] = UInt8((adjustment >> 8) & 0xFF)
        file[headOffset + 11] = UInt8(adjustment & 0xFF)
        return file
    }
}
