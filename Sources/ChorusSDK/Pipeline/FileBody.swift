import Foundation

/// Builds a JSON body carrying one file as Base64 without going through a `String` and `JSONEncoder`,
/// which would hold several extra copies of a 10 MB file at once: the Base64 bytes are written straight
/// into the body, beside the other fields encoded as usual.
package enum FileBody {
    package static func make(fileField: String, file: Data, otherFields: WireObject) throws -> Data {
        let others = try RequestPipeline.encoder.encode(otherFields)  // `{...}`
        var body = Data()
        body.reserveCapacity(others.count + file.count / 3 * 4 + 64)
        body.append(contentsOf: Array("{\"\(fileField)\":\"".utf8))
        body.append(file.base64EncodedData())
        body.append(UInt8(ascii: "\""))
        if others.count > 2 {
            body.append(UInt8(ascii: ","))
            body.append(others.dropFirst())
        } else {
            body.append(UInt8(ascii: "}"))
        }
        return body
    }
}
