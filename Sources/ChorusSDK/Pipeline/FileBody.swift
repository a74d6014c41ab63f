import Foundation

/// Builds a JSON body carrying one file as Base64, streamed into a temporary file (``HTTPBodyFile``): the
/// Base64 text is encoded in 48 KB slices of the file and written as it goes, beside the other fields encoded
/// as usual, so a 10 MB upload never holds its 13 MB body (nor a transport's copy of it) in memory.
package enum FileBody {
    /// Bytes of the file encoded at a time (a multiple of 3, so the slices' Base64 concatenates without padding).
    static let sliceSize = 3 * 16 * 1024

    package static func make(fileField: String, file: Data, otherFields: WireObject) throws -> HTTPBodyFile {
        let others = try RequestPipeline.encoder.encode(otherFields)  // `{...}`
        return try HTTPBodyFile { append in
            try append(Data("{\"\(fileField)\":\"".utf8))
            var start = file.startIndex
            while start < file.endIndex {
                let end = file.index(start, offsetBy: sliceSize, limitedBy: file.endIndex) ?? file.endIndex
                try append(file[start..<end].base64EncodedData())
                start = end
            }
            if others.count > 2 {
                try append(Data("\",".utf8))
                try append(others.dropFirst())
            } else {
                try append(Data("\"}".utf8))
            }
        }
    }
}
