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

/// An inflater over a byte array: every read is bounds-checked, every table validated.
struct Inflater {
    let input: [UInt8]
    var position: Int
    let maximumSize: Int
    private var bitBuffer: UInt32 = 0
    private var bitCount = 0
    private var output: [UInt8] = []

    init(input: [UInt8], position: Int, maximumSize: Int) {
        self.input = input
        self.position = position
        self.maximumSize = maximumSize
    }

    /// The position of the next whole byte after the data read (the zlib trailer).
    var byteAlignedPosition: Int { position - bitCount / 8 }

    mutating func run() throws -> [UInt8] {
        var final = false
        while !final {
            final = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored()
            case 1: try huffman(literals: Self.fixedLiterals, distances: Self.fixedDistances)
            case 2:
                let (literals, distances) = try dynamicTables()
                try huffman(literals: literals, distances: distances)
            default: throw DeflateError(reason: "block type 3 is reserved")
            }
        }
        return output
    }

    private mutating func bits(_ count: Int) throws -> Int {
        while bitCount < count {
            guard position < input.count else { throw DeflateError(reason: "the data ends in the middle of a block") }
            bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
            position += 1
            bitCount += 8
        }
        let value = Int(bitBuffer & ((1 << UInt32(count)) - 1))
        bitBuffer >>= UInt32(count)
        bitCount -= count
        return value
    }

    private mutating func stored() throws {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw DeflateError(reason: "a stored block header is truncated") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == ~complement & 0xFFFF else { throw DeflateError(reason: "a stored block length does not match its complement") }
        position += 4
        guard position + length <= input.count else { throw DeflateError(reason: "a stored block is truncated") }
        try append(contentsOf: input[position..<position + length])
        position += length
    }

    private mutating func append(contentsOf bytes: ArraySlice<UInt8>) throws {
        guard output.count + bytes.count <= maximumSize else { throw DeflateError(reason: "the output exceeds \(maximumSize) bytes") }
        output.append(contentsOf: bytes)
    }

    /// A canonical Huffman decoding table: symbols by code length, and counts per length.
    struct Table {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        /// A table from code lengths (0…15) read from the data: an over-subscribed set is refused.
        init(lengths: [Int]) throws {
            self.init(uncheckedLengths: lengths)
            var left = 1
            for length in 1...15 {
                left <<= 1
                left -= counts[length]
                guard left >= 0 else { throw DeflateError(reason: "a Huffman table is over-subscribed") }
            }
        }

        /// A table from code lengths known to be valid (the fixed codes).
        init(uncheckedLengths lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    private mutating func decode(_ table: Table) throws -> Int {
        var code = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            code |= try bits(1)
            let count = table.counts[length]
            if code - count < first { return table.symbols[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw DeflateError(reason: "an invalid Huffman code")
    }

    static let fixedLiterals: Table = {
        var lengths = [Int](repeating: 8, count: 288)
        for symbol in 144...255 { lengths[symbol] = 9 }
        for symbol in 256...279 { lengths[symbol] = 7 }
        return Table(uncheckedLengths: lengths)
    }()

    static let fixedDistances = Table(uncheckedLengths: [Int](repeating: 5, count: 30))

    private mutating func dynamicTables() throws -> (Table, Table) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw DeflateError(reason: "too many codes in a dynamic block") }
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengthCount { codeLengths[order[index]] = try bits(3) }
        let codeLengthTable = try Table(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(codeLengthTable)
            switch symbol {
            case 0...15: lengths.append(symbol)
            case 16:
                guard let last = lengths.last else { throw DeflateError(reason: "a repeat with no previous length") }
                lengths += [Int](repeating: last, count: 3 + (try bits(2)))
            case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
            default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
            }
        }
        guard lengths.count == literalCount + distanceCount else { throw DeflateError(reason: "code lengths overflow the tables") }
        guard lengths[256] != 0 else { throw DeflateError(reason: "no end-of-block code") }
        return (try Table(lengths: Array(lengths[0..<literalCount])), try Table(lengths: Array(lengths[literalCount...])))
    }

    private mutating func huffman(literals: Table, distances: Table) throws {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                guard output.count < maximumSize else { throw DeflateError(reason: "the output exceeds \(maximumSize) bytes") }
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let code = symbol - 257
                guard code < FixedHuffman.lengthBase.count else { throw DeflateError(reason: "an invalid length code") }
                let length = FixedHuffman.lengthBase[code] + (try bits(FixedHuffman.lengthExtra[code]))
                let distanceCode = try decode(distances)
                guard distanceCode < FixedHuffman.distanceBase.count else { throw DeflateError(reason: "an invalid distance code") }
                let distance = FixedHuffman.distanceBase[distanceCode] + (try bits(FixedHuffman.distanceExtra[distanceCode]))
                guard distance <= output.count else { throw DeflateError(reason: "a distance reaches before the start") }
                guard output.count + length <= maximumSize else { throw DeflateError(reason: "the output exceeds \(maximumSize) bytes") }
                let start = output.count - distance
                for offset in 0..<length { output.append(output[start + offset]) }
            }
        }
    }
}
