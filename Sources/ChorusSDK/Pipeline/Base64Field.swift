import Foundation

/// Reads a file carried as a Base64 string field of a JSON answer (`fichierResultat`) straight out of the
/// answer's bytes, decoding it in place: no `JSONDecoder`, no `String` of 27 MB, no second buffer. A 20 MB
/// download therefore peaks at the answer's own size (4/3 of the file) instead of three or four copies.
package enum Base64Field {
    /// Why a field could not be read.
    package enum Failure: Error, Equatable {
        /// The answer is not a JSON object with that key at its top level (or its value is `null`).
        case missing
        /// The value is not a string.
        case notAString
        /// The string is not Base64 (a character outside the alphabet, or a truncated last group).
        case notBase64
    }

    /// Decodes the top-level string field `key` of the JSON object in `body` and leaves only the decoded bytes in
    /// `body`. Whitespace and JSON escapes of line breaks and slashes inside the string are skipped.
    ///
    /// When it throws ``Failure/notBase64``, `body` has been partly overwritten. `body` should be the only reference
    /// to its bytes, or the first write copies them.
    package static func decodeInPlace(_ key: String, in body: inout Data) throws {
        guard let start = valueStart(of: key, in: body) else { throw Failure.missing }
        let count: Int = try body.withUnsafeMutableBytes { (bytes: UnsafeMutableRawBufferPointer) throws -> Int in
            var index = start
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Failure.notAString }
            index += 1
            var written = 0
            var group: UInt32 = 0
            var sextets = 0
            var padded = false
            let table = decodingTable
            while true {
                guard index < bytes.count else { throw Failure.notBase64 }  // no closing quote
                var byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { break }
                if byte == UInt8(ascii: "\\") {
                    guard index < bytes.count else { throw Failure.notBase64 }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "/"): byte = escaped
                    case UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): continue
                    default: throw Failure.notBase64
                    }
                }
                let value = table[Int(byte)]
                if value == skip { continue }
                if value == pad {
                    padded = true
                    continue
                }
                guard value < 64, !padded else { throw Failure.notBase64 }
                group = group << 6 | UInt32(value)
                sextets += 1
                if sextets == 4 {
                    // `written` trails `index` by at least a quarter of the string: the write never overtakes the read.
                    bytes[written] = UInt8(truncatingIfNeeded: group >> 16)
                    bytes[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
                    bytes[written + 2] = UInt8(truncatingIfNeeded: group)
                    written += 3
                    group = 0
                    sextets = 0
                }
            }
            switch sextets {
            case 0: break
            case 2:
                bytes[written] = UInt8(truncatingIfNeeded: group >> 4)
                written += 1
            case 3:
                bytes[written] = UInt8(truncatingIfNeeded: group >> 10)
                bytes[written + 1] = UInt8(truncatingIfNeeded: group >> 2)
                written += 2
            default: throw Failure.notBase64
            }
            return written
        }
        body.removeSubrange(body.index(body.startIndex, offsetBy: count)..<body.endIndex)
    }

    /// The offset (from `body.startIndex`) of the first byte after `"key":` in the top-level object, or `nil`.
    static func valueStart(of key: String, in body: Data) -> Int? {
        let quoted = Array("\"\(key)\"".utf8)
        return body.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            var index = 0
            while index < bytes.count, bytes[index].isASCIIWhitespace { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
            var depth = 0
            var inString = false
            while index < bytes.count {
                let byte = bytes[index]
                if inString {
                    if byte == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if byte == UInt8(ascii: "\"") { inString = false }
                    index += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: "\""):
                    if depth == 1, index + quoted.count <= bytes.count,
                       zip(quoted, bytes[index..<index + quoted.count]).allSatisfy({ $0 == $1 }) {
                        var after = index + quoted.count
                        while after < bytes.count, bytes[after].isASCIIWhitespace { after += 1 }
                        if after < bytes.count, bytes[after] == UInt8(ascii: ":") {
                            after += 1
                            while after < bytes.count, bytes[after].isASCIIWhitespace { after += 1 }
                            if bytes[after...].starts(with: Array("null".utf8)) { return nil }
                            return after
                        }
                    }
                    inString = true
                default: break
                }
                index += 1
            }
            return nil
        }
    }

    private static let skip: UInt8 = 0xFF
    private static let pad: UInt8 = 0xFE

    /// Sextet of each byte; `skip` for whitespace and anything else outside the alphabet (as
    /// `Data(base64Encoded:options: .ignoreUnknownCharacters)` did), `pad` for `=`.
    private static let decodingTable: [UInt8] = {
        var table = [UInt8](repeating: skip, count: 256)
        for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(value)
        }
        table[Int(UInt8(ascii: "="))] = pad
        return table
    }()
}

extension RequestPipeline {
    /// Sends `request` to `operation` and returns the file its answer carries as Base64 in the top-level field
    /// `field`, decoded in place in the answer's buffer (see ``Base64Field``).
    package func downloadFile(_ operation: OperationID, _ request: some Encodable, base64Field field: String) async throws -> Data {
        var response = try await send(operation, body: try encode(request, for: operation))
        var bytes = Data()
        swap(&bytes, &response.body)  // the only reference to the answer's bytes: decoded where they are
        if Base64Field.valueStart(of: field, in: bytes) == nil {
            throw ChorusError(.decodingFailed, operation: operation, message: "the answer carries no \(field).",
                              httpStatus: response.status, responseBody: scrubber.excerpt(of: bytes))
        }
        do {
            try Base64Field.decodeInPlace(field, in: &bytes)
        } catch {
            // The bytes are partly decoded by now: no excerpt.
            throw ChorusError(.decodingFailed, operation: operation, message: "\(field) is not Base64 (\(error)).",
                              httpStatus: response.status)
        }
        return bytes
    }
}
