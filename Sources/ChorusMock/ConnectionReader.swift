import ChorusSDK
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads HTTP/1.1 requests from one socket, keeping bytes that arrive early for the next request.
struct ConnectionReader {
    enum Result {
        case request(HTTPRequest, keepAlive: Bool)
        case failure(status: Int, reason: String)
        case closed
    }

    let descriptor: Int32
    let limits: MockServer.Limits
    private var buffer = Data()

    init(descriptor: Int32, limits: MockServer.Limits) {
        self.descriptor = descriptor
        self.limits = limits
    }

    mutating func nextRequest(port: Int) -> Result {
        let separator = Data("\r\n\r\n".utf8)
        var headEnd: Range<Data.Index>?
        while true {
            headEnd = buffer.range(of: separator)
            if headEnd != nil { break }
            guard buffer.count <= limits.maximumHeaderSize else { return .failure(status: 431, reason: "request head too large") }
            guard fill(idle: true) else { return .closed }
        }
        guard let headEnd else { return .closed }
        let head = String(decoding: buffer[buffer.startIndex..<headEnd.lowerBound], as: UTF8.self)
        guard headEnd.lowerBound - buffer.startIndex <= limits.maximumHeaderSize else {
            return .failure(status: 431, reason: "request head too large")
        }
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1."), !requestLine[0].isEmpty,
              requestLine[0].allSatisfy({ $0.isASCII && $0.isUppercase }), requestLine[1].hasPrefix("/"),
              let url = URL(string: "http://127.0.0.1:\(port)\(requestLine[1])")
        else { return .failure(status: 400, reason: "malformed request line") }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  !line[..<colon].contains(" ")
            else { return .failure(status: 400, reason: "malformed header line") }
            headers.append(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        if headers["Transfer-Encoding"] != nil { return .failure(status: 411, reason: "chunked bodies are not supported; send Content-Length") }
        let lengthText = headers["Content-Length"] ?? "0"
        guard let length = Int(lengthText), length >= 0 else { return .failure(status: 400, reason: "bad Content-Length") }
        guard length <= limits.maximumBodySize else { return .failure(status: 413, reason: "request body too large") }
        buffer.removeSubrange(buffer.startIndex..<headEnd.upperBound)
        while buffer.count < length {
            guard fill(idle: false) else { return .closed }
        }
        let body = Data(buffer.prefix(length))
        buffer.removeSubrange(buffer.startIndex..<buffer.startIndex + length)
        let version = requestLine[2]
        let connection = headers["Connection"]?.lowercased()
        let keepAlive = version == "HTTP/1.1" ? connection != "close" : connection == "keep-alive"
        let request = HTTPRequest(method: HTTPMethod(rawValue: String(requestLine[0])), url: url, headers: headers,
                                  body: length > 0 ? body : nil)
        return .request(request, keepAlive: keepAlive)
    }

    /// Reads more bytes; false when the peer closed, the socket failed, or it stayed idle too long.
    private mutating func fill(idle: Bool) -> Bool {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        let timeout = Int32(limits.idleTimeout.components.seconds * 1000)
        guard poll(&fds, 1, timeout) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }
}
