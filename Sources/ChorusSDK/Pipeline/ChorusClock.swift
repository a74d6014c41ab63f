import Foundation

/// The SDK's source of time: what time it is, and how to wait.
///
/// Injected so that tests can check exact retry schedules and token expiry without waiting. The
/// default ``system`` uses the wall clock and `Task.sleep`, which ends at once when the task is
/// cancelled.
public struct ChorusClock: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// Waits for a duration; throws `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a clock from its two functions.
    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The wall clock and `Task.sleep`.
    public static let system = ChorusClock(now: { Date() }, sleep: { try await Task.sleep(for: $0) })
}
