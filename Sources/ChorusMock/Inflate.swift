import CZlib
import Foundation

/// zlib inflation for the fake's readers (Foundation has no inflate on Linux).
enum Inflate {
    /// Inflates zlib data (PDF `FlateDecode`), or gzip data with `gzip: true`. `nil` when corrupt or
    /// larger than `limit`.
    static func inflate(_ data: Data, gzip: Bool = false, limit: Int = 200_000_000) -> Data? {
        guard !data.isEmpty else { return nil }
        var stream = z_stream()
        guard czlib_inflate_init(&stream, gzip ? 16 + MAX_WBITS : MAX_WBITS) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let input = [UInt8](data)
        return input.withUnsafeBufferPointer { inputBuffer -> Data? in
            stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.avail_in = uInt(inputBuffer.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { outputBuffer -> Int32 in
                    stream.next_out = outputBuffer.baseAddress
                    stream.avail_out = uInt(outputBuffer.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                guard output.count <= limit else { return nil }
                if status == Z_STREAM_END { return output }
                guard status == Z_OK, produced > 0 || stream.avail_in > 0 else {
                    // Streams that end without an end marker (common in PDFs) still give their bytes.
                    return status == Z_BUF_ERROR && !output.isEmpty ? output : nil
                }
            }
        }
    }
}

/// gzip (`.gz`, `.tar.gz`).
enum Gzip {
    static func decompress(_ data: Data) -> Data? { Inflate.inflate(data, gzip: true) }
}

/// A minimal reader of POSIX tar archives (ustar): regular files only.
enum Tar {
    static func files(_ archive: Data) -> [(name: String, data: Data)]? {
        let bytes = [UInt8](archive)
        var files: [(String, Data)] = []
        var offset = 0
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }) { break }
            let name = string(header, 0, 100)
            let prefix = string(header, 345, 155)
            guard let size = Int(string(header, 124, 12).trimmingCharacters(in: .whitespaces), radix: 8) else { return nil }
            let type = header[header.startIndex + 156]
            let start = offset + 512
            guard start + size <= bytes.count else { return nil }
            if type == UInt8(ascii: "0") || type == 0 {
                files.append((prefix.isEmpty ? name : prefix + "/" + name, Data(bytes[start..<start + size])))
            }
            offset = start + (size + 511) / 512 * 512
        }
        return files
    }

    private static func string(_ header: ArraySlice<UInt8>, _ start: Int, _ length: Int) -> String {
        let field = header[header.startIndex + start..<header.startIndex + start + length]
        return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }
}
