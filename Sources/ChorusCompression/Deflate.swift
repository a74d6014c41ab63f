import Foundation

/// DEFLATE (RFC 1951) and its zlib wrapper (RFC 1950) in Swift, for PDF `FlateDecode` streams: Foundation has no
/// compression on Linux, and the core depends on Foundation only.
///
/// - ``compress(_:)``: LZ77 (32 KiB window, hash chains, lazy-free greedy matching of 3–258 bytes) with the fixed
///   Huffman codes of RFC 1951 §3.2.6 — much smaller than stored blocks, simple enough to prove.
/// - ``inflate(_:maximumSize:)``: stored, fixed and dynamic Huffman blocks; corrupt input is a typed
///   ``DeflateError`` (never a crash), and output beyond `maximumSize` is refused (a decompression bomb).
public enum Deflate {
    /// The zlib stream (header, DEFLATE data, Adler-32) of `data`. Data that Huffman coding would expand (already
    /// compressed or random) goes in stored blocks instead.
    public static func compress(_ data: Data) -> Data {
        var writer = BitWriter()
        writer.bytes.reserveCapacity(data.count / 2 + 64)
        writer.bytes.append(contentsOf: [0x78, 0x9C])  // CM 8, 32 KiB window, default level; (0x789C % 31 == 0)
        let input = [UInt8](data)
        let huffman = fixedHuffmanBlock(input)
        if huffman.count > input.count + 5 * (input.count / 65_535 + 1) {
            writer.bytes += storedBlocks(input)
        } else {
            writer.bytes += huffman
        }
        let adler = adler32(input)
        writer.bytes.append(contentsOf: [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)])
        return Data(writer.bytes)
    }

    /// Stored blocks (BTYPE 00) of at most 65,535 bytes each.
    static func storedBlocks(_ input: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        var start = 0
        repeat {
            let end = min(start + 65_535, input.count)
            let length = end - start
            bytes.append(end == input.count ? 1 : 0)  // BFINAL, BTYPE 00, padded to the byte
            bytes += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            bytes += input[start..<end]
            start = end
        } while start < input.count
        return bytes
    }

    /// One final block with the fixed Huffman codes.
    static func fixedHuffmanBlock(_ input: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.write(1, bits: 1)  // BFINAL
        writer.write(1, bits: 2)  // BTYPE 01: fixed Huffman
        LZ77.encode(input) { symbol in
            switch symbol {
            case .literal(let byte): FixedHuffman.writeLiteral(Int(byte), into: &writer)
            case .match(let length, let distance): FixedHuffman.writeMatch(length: length, distance: distance, into: &writer)
            }
        }
        FixedHuffman.writeLiteral(256, into: &writer)  // end of block
        writer.flush()
        return writer.bytes
    }

    /// The bytes of a zlib stream (or of raw DEFLATE data when it has no zlib header).
    ///
    /// - Throws: ``DeflateError`` when the data is corrupt, truncated, or would inflate beyond `maximumSize`.
    public static func inflate(_ data: Data, maximumSize: Int = 256 * 1024 * 1024) throws -> Data {
        let input = [UInt8](data)
        var start = 0
        var zlib = false
        if input.count >= 2, input[0] & 0x0F == 8, (Int(input[0]) << 8 | Int(input[1])) % 31 == 0 {
            guard input[1] & 0x20 == 0 else { throw DeflateError(reason: "a preset dictionary is not supported") }
            start = 2
            zlib = true
        }
        var inflater = Inflater(input: input, position: start, maximumSize: maximumSize)
        let output = try inflater.run()
        if zlib, inflater.byteAlignedPosition + 4 <= input.count {
            let at = inflater.byteAlignedPosition
            let stated = UInt32(input[at]) << 24 | UInt32(input[at + 1]) << 16 | UInt32(input[at + 2]) << 8 | UInt32(input[at + 3])
            guard stated == adler32(output) else { throw DeflateError(reason: "the Adler-32 checksum does not match") }
        }
        return Data(output)
    }

    /// The bytes of raw DEFLATE data (no zlib header or checksum), as ZIP entries hold them.
    ///
    /// - Throws: ``DeflateError`` when the data is corrupt, truncated, or would inflate beyond `maximumSize`.
    package static func inflateRaw(_ data: Data, maximumSize: Int) throws -> Data {
        var inflater = Inflater(input: [UInt8](data), position: 0, maximumSize: maximumSize)
        return Data(try inflater.run())
    }

    /// Adler-32 (RFC 1950).
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var index = 0
        while index < bytes.count {
            let end = min(index + 5552, bytes.count)  // the largest run without overflow
            while index < end {
                a &+= UInt32(bytes[index])
                b &+= a
                index += 1
            }
            a %= 65_521
            b %= 65_521
        }
        return b << 16 | a
    }
}

/// Why data could not be inflated.
public struct DeflateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the data.
    public var reason: String
    /// Creates an error.
    public init(reason: String) { self.reason = reason }
    /// `DEFLATE data: <reason>`.
    public var description: String { "DEFLATE data: \(reason)" }
}

/// Bits written least-significant first, as DEFLATE packs them.
struct BitWriter {
    var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    mutating func write(_ value: Int, bits: Int) {
        buffer |= UInt64(value) << UInt64(count)
        count += bits
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    /// Writes a Huffman code, whose bits go most-significant first.
    mutating func writeCode(_ code: Int, length: Int) {
        var reversed = 0
        for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
        write(reversed, bits: length)
    }

    mutating func flush() {
        if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        count = 0
    }
}

/// LZ77 matching over a 32 KiB window with hash chains of 3-byte prefixes.
enum LZ77 {
    enum Symbol { case literal(UInt8), match(length: Int, distance: Int) }

    static let window = 32_768
    static let maximumChain = 64

    static func encode(_ input: [UInt8], _ emit: (Symbol) -> Void) {
        let count = input.count
        var head = [Int32](repeating: -1, count: 1 << 15)
        var previous = [Int32](repeating: -1, count: window)
        func hash(_ at: Int) -> Int {
            (Int(input[at]) << 10 ^ Int(input[at + 1]) << 5 ^ Int(input[at + 2])) & 0x7FFF
        }
        func insert(_ at: Int) {
            guard at + 2 < count else { return }
            let key = hash(at)
            previous[at & (window - 1)] = head[key]
            head[key] = Int32(at)
        }
        var position = 0
        while position < count {
            var bestLength = 0
            var bestDistance = 0
            if position + 2 < count {
                var candidate = Int(head[hash(position)])
                var chain = maximumChain
                let limit = min(258, count - position)
                while candidate >= 0, position - candidate <= window, chain > 0 {
                    if input[candidate + bestLength] == input[position + bestLength] || bestLength == 0 {
                        var length = 0
                        while length < limit && input[candidate + length] == input[position + length] { length += 1 }
                        if length > bestLength {
                            bestLength = length
                            bestDistance = position - candidate
                            if length == limit { break }
                        }
                    }
                    let next = Int(previous[candidate & (window - 1)])
                    guard next < candidate else { break }
                    candidate = next
                    chain -= 1
                }
            }
            if bestLength >= 3 {
                emit(.match(length: bestLength, distance: bestDistance))
                for offset in 0..<bestLength { insert(position + offset) }
                position += bestLength
            } else {
                emit(.literal(input[position]))
                insert(position)
                position += 1
            }
        }
    }
}

/// The fixed Huffman codes and the length/distance tables of RFC 1951 §3.2.5–3.2.6.
enum FixedHuffman {
    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    static func writeLiteral(_ symbol: Int, into writer: inout BitWriter) {
        switch symbol {
        case 0...143: writer.writeCode(0x30 + symbol, length: 8)
        case 144...255: writer.writeCode(0x190 + symbol - 144, length: 9)
        case 256...279: writer.writeCode(symbol - 256, length: 7)
        default: writer.writeCode(0xC0 + symbol - 280, length: 8)
        }
    }

    static func writeMatch(length: Int, distance: Int, into writer: inout BitWriter) {
        var code = lengthBase.count - 1
        while lengthBase[code] > length { code -= 1 }
        writeLiteral(257 + code, into: &writer)
        if lengthExtra[code] > 0 { writer.write(length - lengthBase[code], bits: lengthExtra[code]) }
        var distanceCode = distanceBase.count - 1
        while distanceBase[distanceCode] > distance { distanceCode -= 1 }
        writer.writeCode(distanceCode, length: 5)
        if distanceExtra[distanceCode] > 0 { writer.write(distance - distanceBase[distanceCode], bits: distanceExtra[distanceCode]) }
    }
}
