import Foundation
import Testing

@testable import ChorusSDK

/// Files in and out of JSON bodies without holding extra copies: the temporary-file body and the in-place Base64 read.
@Suite("File streaming")
struct FileStreamingTests {
    @Test("a file body is the JSON a JSONEncoder would write, with the file as Base64")
    func fileBodyMatchesEncoder() throws {
        let file = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let body = try FileBody.make(fileField: "fichier", file: file, otherFields: ["nom": .string("a/b.pdf"), "n": .int(0)])
        let loaded = try #require(body.contents())
        #expect(loaded.count == body.count)
        let object = try #require(try JSONSerialization.jsonObject(with: loaded) as? [String: Any])
        #expect(object["fichier"] as? String == file.base64EncodedString())
        #expect(object["nom"] as? String == "a/b.pdf")
        let url = body.url
        #expect(FileManager.default.fileExists(atPath: url.path))
        let request = HTTPRequest(method: .post, url: url, bodyFile: body)
        #expect(request.bodyCount == loaded.count && request.body == loaded)
        #expect(!request.description.contains("fichier"))
    }

    @Test("a body file is removed with the last request that refers to it")
    func bodyFileIsRemoved() throws {
        var body: HTTPBodyFile? = try FileBody.make(fileField: "f", file: Data([1, 2, 3]), otherFields: [:])
        let path = try #require(body?.url.path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == #"{"f":"AQID"}"#)
        body = nil
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a Base64 field is decoded in place, escaped slashes and line breaks included", arguments: [0, 1, 2, 3, 1000, 4097])
    func decodesInPlace(size: Int) throws {
        let file = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 255) })
        let text = file.base64EncodedString(options: .lineLength76Characters)
            .replacingOccurrences(of: "/", with: "\\/").replacingOccurrences(of: "\r\n", with: "\\r\\n")
        var body = Data(#"{"codeRetour":0,"nested":{"fichierResultat":"AAAA"},"fichierResultat" : "\#(text)","format":"PDF"}"#.utf8)
        try Base64Field.decodeInPlace("fichierResultat", in: &body)
        #expect(body == file)
    }

    @Test("a missing, null, non-string or broken field is reported")
    func failures() {
        for (json, failure) in [(#"{"a":1}"#, Base64Field.Failure.missing), (#"{"fichierResultat":null}"#, .missing),
                                (#"{"fichierResultat":12}"#, .notAString), (#"{"fichierResultat":"QUJD"#, .notBase64),
                                (#"{"fichierResultat":"QUJDR"}"#, .notBase64), (#"["fichierResultat"]"#, .missing)] {
            var body = Data(json.utf8)
            #expect(throws: failure) { try Base64Field.decodeInPlace("fichierResultat", in: &body) }
        }
    }
}
