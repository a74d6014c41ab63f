import Foundation

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
