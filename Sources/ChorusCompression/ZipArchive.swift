import Foundation

/// A ZIP archive read in pure Swift (Foundation has none on Linux, and the core stays Foundation-only): the files
/// of `telecharger/annuaire/destinataire`'s `fichierResultat`, for instance.
///
/// It reads the central directory (APPNOTE 6.3.x §4.3.12–16), then each entry's local header and data: stored
/// (method 0) and DEFLATE (method 8, through ``Deflate``), CRC-32 checked. Encrypted entries, ZIP64 archives,
/// other methods, inconsistent offsets and archives that would inflate beyond a limit are typed errors.
public struct ZipArchive: Sendable {
    /// One file of the archive.
    public struct Entry: Sendable, Hashable {
        /// The path inside the archive, as written (`/` separated).
        public var name: String
        /// The uncompressed bytes.
        public var data: Data

        /// Creates a value.
        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// Why an archive could not be read.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, in words.
        public let description: String

        /// Creates a failure described by `description` (for readers of the archive's files, and for stubs).
        public init(description: String) { self.description = description }
    }

    /// The files, in central-directory order (directories left out).
    public let entries: [Entry]

    /// Reads `data`. `maximumSize` bounds the total uncompressed size (a decompression bomb is refused).
    public init(_ data: Data, maximumSize: Int = 512 * 1024 * 1024) throws {
        let bytes = [UInt8](data)
        func u16(_ at: Int) throws -> Int {
            guard at >= 0, at + 2 <= bytes.count else { throw Failure(description: "truncated at byte \(at)") }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> Int { try u16(at) | u16(at + 2) << 16 }
        // The end-of-central-directory record: the last `PK\u{5}\u{6}` within the trailing 64 KiB comment window.
        guard bytes.count >= 22 else { throw Failure(description: "not a ZIP archive (\(bytes.count) bytes)") }
        var end = -1
        var position = bytes.count - 22
        while position >= max(0, bytes.count - 22 - 65_535) {
            if bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 5, bytes[position + 3] == 6 { end = position; break }
            position -= 1
        }
        guard end >= 0 else { throw Failure(description: "not a ZIP archive (no end of central directory)") }
        let count = try u16(end + 10), directorySize = try u32(end + 12), directoryOffset = try u32(end + 16)
        guard count != 0xFFFF, directoryOffset != 0xFFFF_FFFF else { throw Failure(description: "ZIP64 archives are not supported") }
        guard directoryOffset + directorySize <= end else { throw Failure(description: "the central directory lies outside the archive") }
        var entries: [Entry] = []
        var total = 0
        var cursor = directoryOffset
        for _ in 0..<count {
            guard try u32(cursor) == 0x0201_4B50 else { throw Failure(description: "bad central directory entry at byte \(cursor)") }
            let flags = try u16(cursor + 8), method = try u16(cursor + 10), crc = try u32(cursor + 16)
            let compressedSize = try u32(cursor + 20), size = try u32(cursor + 24)
            let nameLength = try u16(cursor + 28), extraLength = try u16(cursor + 30), commentLength = try u16(cursor + 32)
            let localOffset = try u32(cursor + 42)
            guard cursor + 46 + nameLength <= bytes.count else { throw Failure(description: "truncated entry name") }
            let nameBytes = Array(bytes[(cursor + 46)..<(cursor + 46 + nameLength)])
            // Bit 11: UTF-8 names; otherwise CP437, of which the ASCII part is what directory files use.
            let name = String(decoding: nameBytes, as: UTF8.self)
            cursor += 46 + nameLength + extraLength + commentLength
            if name.hasSuffix("/") { continue }
            guard flags & 1 == 0 else { throw Failure(description: "\(name) is encrypted") }
            total += size
            guard total <= maximumSize else { throw Failure(description: "the archive inflates beyond \(maximumSize) bytes") }
            guard try u32(localOffset) == 0x0403_4B50 else { throw Failure(description: "no local header for \(name)") }
            let start = localOffset + 30 + (try u16(localOffset + 26)) + (try u16(localOffset + 28))
            guard start + compressedSize <= directoryOffset else { throw Failure(description: "the data of \(name) overruns the archive") }
            let stored = Data(bytes[start..<(start + compressedSize)])
            let content: Data
            switch method {
            case 0: content = stored
            case 8:
                do { content = try Deflate.inflateRaw(stored, maximumSize: size) } catch {
                    throw Failure(description: "\(name) does not inflate: \(error)")
                }
            default: throw Failure(description: "\(name) uses compression method \(method); only stored and DEFLATE are supported")
            }
            guard content.count == size else { throw Failure(description: "\(name) inflates to \(content.count) bytes, not \(size)") }
            guard Int(CRC32.checksum(content)) == crc else { throw Failure(description: "\(name) fails its CRC-32 check") }
            entries.append(Entry(name: name, data: content))
        }
        self.entries = entries
    }

    /// The archive holding `entries`, each DEFLATE-compressed (for the fake and tests; readers everywhere accept it).
    package static func write(_ entries: [Entry]) -> Data {
        var archive = Data(), directory = Data()
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
        for entry in entries {
            let zlib = Deflate.compress(entry.data)
            let raw = zlib.dropFirst(2).dropLast(4)  // zlib header and Adler-32 off: raw DEFLATE
            let name = Array(entry.name.utf8), crc = Int(CRC32.checksum(entry.data)), offset = archive.count
            let common = le16(20) + le16(0x0800) + le16(8) + le16(0) + le16(0x21) + le32(crc) + le32(raw.count) + le32(entry.data.count)
                + le16(name.count) + le16(0)
            archive.append(contentsOf: [0x50, 0x4B, 3, 4] + common + name)
            archive.append(raw)
            directory.append(contentsOf: [0x50, 0x4B, 1, 2] + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name)
        }
        let directoryOffset = archive.count
        archive.append(directory)
        archive.append(contentsOf: [0x50, 0x4B, 5, 6] + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
                       + le32(directory.count) + le32(directoryOffset) + le16(0))
        return archive
    }
}

/// CRC-32 (ISO 3309, the polynomial of ZIP and gzip).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
