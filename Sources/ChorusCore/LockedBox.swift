import Foundation

/// A value guarded by a lock, for tiny synchronous state shared across threads (URLSession task
/// boxes, continuation bookkeeping). `Mutex` would do, but needs macOS 15 / iOS 18.
///
/// `@unchecked Sendable` invariant: `value` is only read or written inside `withLock`.
package final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Creates a box holding `value`.
    package init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
