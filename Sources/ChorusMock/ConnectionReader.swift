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
        // Between requests, an idle connection may wait `idleTimeout` for the first byte; from that byte on,
        // the whole head must arrive within `headTimeout` (a slowloris client trickling bytes is closed).
        var headDeadline: ContinuousClock.Instant? = buffer.isEmpty ? nil : .now + limits.headTimeout
        var headEnd: Range<Data.Index>?
        while true {
            headEnd = buffer.range(of: separator)
            if headEnd != nil { break }
            guard buffer.count <= limits.maximumHeaderSize else { return .failure(status: 431, reason: "request head too large") }
            let deadline = headDeadline ?? .now + limits.idleTimeout
            guard fill(until: deadline) else {
                return headDeadline != nil && ContinuousClock.now >= deadline
                    ? .failure(status: 408, reason: "request head not received in time") : .closed
            }
            if headDeadline == nil { headDeadline = .now + limits.headTimeout }
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
        let target = requestLine[1].prefix { $0 != "?" }
        if target.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." }) {
            return .failure(status: 400, reason: "dot segments are not allowed in paths")
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  !line[..<colon].contains(" ")
            else { return .failure(status: 400, reason: "malformed header line") }
            headers.append(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        if headers["Transfer-Encoding"] != nil { return .failure(status: 411, reason: "chunked bodies are not supported; send Content-Length") }
        guard let length = Self.contentLength(headers) else {
            return .failure(status: 400, reason: "bad Content-Length: digits only, one value")
        }
        // The limit is checked before a byte of the body is read: a 100 MB form to the token endpoint is
        // refused at once instead of being read and parsed.
        let limit = limits.bodyLimits[url.path] ?? limits.maximumBodySize
        guard length <= limit else { return .failure(status: 413, reason: "request body too large (limit \(limit) bytes)") }
        buffer.removeSubrange(buffer.startIndex..<headEnd.upperBound)
        let bodyDeadline = ContinuousClock.now + limits.bodyTimeout
        while buffer.count < length {
            guard fill(until: bodyDeadline) else {
                return ContinuousClock.now >= bodyDeadline ? .failure(status: 408, reason: "request body not received in time") : .closed
            }
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

    /// The body length: every `Content-Length` value (several headers, or a comma list) must be the same
    /// string of ASCII digits; `+12`, ` 1 2`, `-1` or two different values are refused (RFC 9110 §8.6), as a
    /// proxy in front of the platform would, since two parsers could read two different requests.
    static func contentLength(_ headers: HTTPHeaders) -> Int? {
        let values = headers.filter { $0.name.lowercased() == "content-length" }
            .flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = values.first else { return 0 }
        guard values.allSatisfy({ $0 == first }), !first.isEmpty, first.count <= 15,
              first.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
        else { return nil }
        return Int(first)
    }

    /// Reads more bytes; false when the peer closed, the socket failed, or `deadline` passed.
    private mutating func fill(until deadline: ContinuousClock.Instant) -> Bool {
        let remaining = deadline - .now
        guard remaining > .zero else { return false }
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        let parts = remaining.components
        let timeout = Int32(min(Int64(Int32.max), parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000 + 1))
        guard poll(&fds, 1, timeout) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }
}
