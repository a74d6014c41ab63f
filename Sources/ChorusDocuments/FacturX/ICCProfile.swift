import ChorusCore
import Foundation

/// An ICC v2 display profile for sRGB, built from the published colorimetry (IEC 61966-2-1: primaries adapted to
/// D50, the sRGB transfer curve sampled at 1024 points) — the OutputIntent of a PDF/A file.
public enum ICCProfile {
    /// The sRGB profile bytes.
    public static let sRGB: Data = build()

    private static func build() -> Data {
        func u32(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)] }
        func u16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
        func fixed(_ value: Double) -> [UInt8] { u32(UInt32(bitPattern: Int32((value * 65536).rounded()))) }
        func signature(_ text: String) -> [UInt8] { Array(text.utf8) }
        func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] { signature("XYZ ") + u32(0) + fixed(x) + fixed(y) + fixed(z) }
        func description(_ text: String) -> [UInt8] {
            signature("desc") + u32(0) + u32(UInt32(text.utf8.count + 1)) + Array(text.utf8) + [0] + u32(0) + u32(0) + u16(0) + [0]
                + [UInt8](repeating: 0, count: 67)
        }
        let curve: [UInt8] = signature("curv") + u32(0) + u32(1024) + (0..<1024).flatMap { index -> [UInt8] in
            let value = Double(index) / 1023
            let linear = value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
            return u16(UInt16((linear * 65535).rounded()))
        }
        let tags: [(String, [UInt8])] = [
            ("desc", description("sRGB IEC61966-2.1")),
            ("cprt", signature("text") + u32(0) + Array("Built by ChorusSDK from the public sRGB colorimetry".utf8) + [0]),
            ("wtpt", xyz(0.9642, 1.0, 0.8249)),
            ("rXYZ", xyz(0.4361, 0.2225, 0.0139)),
            ("gXYZ", xyz(0.3851, 0.7169, 0.0971)),
            ("bXYZ", xyz(0.1431, 0.0606, 0.7141)),
            ("rTRC", curve), ("gTRC", curve), ("bTRC", curve),
        ]
        var offset = 128 + 4 + tags.count * 12
        var table: [UInt8] = u32(UInt32(tags.count))
        var body: [UInt8] = []
        var curveOffset: Int?
        for (name, data) in tags {
            if name.hasSuffix("TRC"), let shared = curveOffset {  // one curve shared by the three channels
                table += signature(name) + u32(UInt32(shared)) + u32(UInt32(data.count))
                continue
            }
            table += signature(name) + u32(UInt32(offset)) + u32(UInt32(data.count))
            if name.hasSuffix("TRC") { curveOffset = offset }
            let padded = data + [UInt8](repeating: 0, count: (4 - data.count % 4) % 4)
            body += padded
            offset += padded.count
        }
        let size = 128 + table.count + body.count
        var header: [UInt8] = u32(UInt32(size)) + u32(0) + u32(0x0210_0000) + signature("mntr") + signature("RGB ") + signature("XYZ ")
        header += u16(2026) + u16(1) + u16(1) + u16(0) + u16(0) + u16(0)
        header += signature("acsp") + u32(0) + u32(0) + u32(0) + u32(0) + u32(0) + u32(0) + u32(0)
        header += fixed(0.9642) + fixed(1.0) + fixed(0.8249) + u32(0)
        header += [UInt8](repeating: 0, count: 128 - header.count)
        return Data(header + table + body)
    }
}
