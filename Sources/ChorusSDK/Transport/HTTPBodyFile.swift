import Foundation

/// A request body written to a temporary file instead of held in memory: large uploads (a PDF as Base64
/// inside a JSON body) go out from disk in small chunks, so the client holds neither the body nor a
/// transport's copy of it.
///
/// The file is private to the process's user (mode `0600`), replayable (a retry reads it again from the
/// start) and deleted when the last request referring to it goes away. Transports that know it
/// (``URLSessionTransport``, `CurlTransport`) send it from the file; any other transport reads
/// ``HTTPRequest/body``, which loads the file into memory.
public final class HTTPBodyFile: Sendable, Hashable, CustomStringConvertible {
    /// Where the body is.
    public let url: URL
    /// The body's size in bytes.
    public let count: Int

    /// Writes a body to a new temporary file by calling `write` with a sink that appends bytes to it.
    ///
    /// - Throws: the file system's error, or whatever `write` throws (the file is then removed).
    public init(writing write: (_ append: (Data) throws -> Void) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-body-\(UUID().uuidString).json")
        let descriptor = open(url.path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var written = 0
        do {
            try write { chunk in
                try handle.write(contentsOf: chunk)
                written += chunk.count
            }
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        self.url = url
        self.count = written
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The whole body, loaded into memory (for transports that send `Data`).
    public func contents() -> Data? { try? Data(contentsOf: url) }

    /// The same file.
    public static func == (lhs: HTTPBodyFile, rhs: HTTPBodyFile) -> Bool { lhs === rhs }

    /// Hashes the file's identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    /// `<n bytes in a temporary file>`; never the contents.
    public var description: String { "<\(count) bytes in a temporary file>" }
}
