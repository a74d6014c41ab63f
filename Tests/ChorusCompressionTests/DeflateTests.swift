import CZlib
import Foundation
import Testing
import ChorusCore
@testable import ChorusCompression

/// The SDK's DEFLATE against zlib, the oracle: zlib inflates what we compress, we inflate what zlib compresses at
/// every level (stored, fixed and dynamic blocks), on seeded random data of every shape; corrupt data is a typed
/// error, never a crash; a decompression bomb is refused.
@Suite("DEFLATE against zlib")
struct DeflateTests {
    static func zlibCompress(_ data: Data, level: Int32) -> Data {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = data.withUnsafeBytes { input in
            compress2(&out, &size, input.bindMemory(to: UInt8.self).baseAddress, uLong(data.count), level)
        }
        return status == Z_OK ? Data(out[0..<Int(size)]) : Data()
    }

    static func zlibUncompress(_ data: Data, size: Int) -> Data? {
        var length = uLong(max(size, 1))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = data.withUnsafeBytes { input in
            uncompress(&out, &length, input.bindMemory(to: UInt8.self).baseAddress, uLong(data.count))
        }
        return status == Z_OK ? Data(out[0..<Int(length)]) : nil
    }

    /// Seeded samples: empty, one byte, text, repetitive, random bytes, a PDF-like content stream, the font.
    static func samples(seed: UInt64) -> [(String, Data)] {
        var generator = SplitMix64(seed: seed)
        let text = Data(String(repeating: "Facture n° 2026-0042 — Société Générale & Fils <SARL> 1 041,07 € ", count: 300).utf8)
        let random = Data((0..<70_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        let runs = Data((0..<100_000).map { index in UInt8(index / 1000 % 7) })
        let content = Data((0..<2000).map { "BT /F1 9 Tf 56.69 \($0 * 12) Td (Ligne \($0)) Tj ET\n" }.joined().utf8)
        var samples = [("empty", Data()), ("one byte", Data([42])), ("text", text), ("random", random), ("runs", runs), ("content stream", content)]
        if let font = try? Data(contentsOf: URL(fileURLWithPath: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")) { samples.append(("DejaVuSans.ttf", font)) }
        return samples
    }

    @Test("zlib inflates what the SDK compresses, byte for byte, and the SDK compresses (not stored blocks)")
    func compressOracle() {
        for (name, data) in Self.samples(seed: 2026) {
            let compressed = Deflate.compress(data)
            #expect(Self.zlibUncompress(compressed, size: data.count) == data, "\(name)")
            if name == "text" || name == "content stream" || name == "runs" { #expect(compressed.count < data.count / 4, "\(name): \(compressed.count) of \(data.count)") }
            print("DEFLATE \(name): \(data.count) → \(compressed.count) bytes (zlib -9: \(Self.zlibCompress(data, level: 9).count))")
        }
    }

    @Test("the SDK inflates what zlib compresses at every level", arguments: [Int32(0), 1, 6, 9])
    func inflateOracle(_ level: Int32) throws {
        for (name, data) in Self.samples(seed: UInt64(level) + 7) {
            let compressed = Self.zlibCompress(data, level: level)
            #expect(try Deflate.inflate(compressed) == data, "\(name) at level \(level)")
        }
    }

    @Test("2,000 corrupted streams: a typed error or some bytes, never a crash; truncation is an error")
    func corrupted() {
        var generator = SplitMix64(seed: 99)
        let base = Self.zlibCompress(Data(String(repeating: "Chorus Pro ", count: 2000).utf8), level: 6)
        var errors = 0
        for round in 0..<2000 {
            var bytes = [UInt8](base)
            for _ in 0..<(1 + round % 4) {
                let index = Int(generator.next() % UInt64(bytes.count))
                bytes[index] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
            }
            do { _ = try Deflate.inflate(Data(bytes), maximumSize: 1_000_000) } catch is DeflateError { errors += 1 } catch {
                Issue.record("untyped error \(error)")
            }
        }
        print("corrupted streams: \(errors) of 2000 refused with DeflateError")
        #expect(errors > 1000)
        #expect(throws: DeflateError.self) { try Deflate.inflate(base.prefix(base.count / 2)) }
    }

    @Test("a decompression bomb is refused at the limit")
    func bomb() {
        let zeros = Data(count: 50_000_000)
        let bomb = Self.zlibCompress(zeros, level: 9)
        #expect(bomb.count < 100_000)
        let error = #expect(throws: DeflateError.self) { try Deflate.inflate(bomb, maximumSize: 10_000_000) }
        #expect(error?.reason.contains("exceeds") == true)
    }
}
