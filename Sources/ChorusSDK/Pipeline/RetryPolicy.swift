import Foundation

/// When a failed call is sent again, and after how long.
///
/// - Reads (declared idempotent per operation) are retried after a lost connection, a timeout, 429,
///   500, 502, 503 and 504.
/// - Writes (`soumettre`, `deposer/flux`, `deposer/pdf`, `ajouter/fichier`, `completer`, `recycler`)
///   are retried **only** when the failure proves the platform never saw the request: cannot connect or
///   DNS (transports report these only when no byte was written), or a 401 from the gateway that
///   survived ``TokenPolicy/maximumRenewals`` fresh tokens (PISTE refuses before forwarding). Any other
///   failure may have created the invoice, and sending it again could duplicate it.
/// - Reads are also retried after any other transport failure and after such a 401.
/// - The wait is exponential with full jitter — a random time between zero and
///   `min(maximumDelay, baseDelay × 2^(attempt−1))` — unless the server sent `Retry-After` (seconds or
///   an HTTP date), which is honoured up to ``maximumRetryAfter``.
/// - At most ``maximumAttempts`` attempts in all, and no wait that would end past ``maximumTotalTime``
///   after the first attempt began.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included; default 3.
    public var maximumAttempts: Int
    /// First backoff ceiling; default 0.5 s.
    public var baseDelay: Duration
    /// Largest backoff ceiling; default 20 s.
    public var maximumDelay: Duration
    /// Longest `Retry-After` honoured; a longer one ends the retries. Default 60 s.
    public var maximumRetryAfter: Duration
    /// No retry is scheduled to start later than this after the first attempt; default 120 s.
    public var maximumTotalTime: Duration
    /// Picks the actual wait given the backoff ceiling. Default: uniformly random in `0...ceiling`
    /// (full jitter). Tests inject a fixed function to check exact schedules.
    public var jitter: @Sendable (Duration) -> Duration

    /// Creates a policy.
    public init(
        maximumAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(20),
        maximumRetryAfter: Duration = .seconds(60),
        maximumTotalTime: Duration = .seconds(120),
        jitter: @escaping @Sendable (Duration) -> Duration = RetryPolicy.fullJitter
    ) {
        self.maximumAttempts = maximumAttempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.maximumRetryAfter = maximumRetryAfter
        self.maximumTotalTime = maximumTotalTime
        self.jitter = jitter
    }

    /// The default policy.
    public static let `default` = RetryPolicy()
    /// Never retries.
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// A random duration in `0...ceiling`.
    public static let fullJitter: @Sendable (Duration) -> Duration = { ceiling in
        ceiling * Double.random(in: 0...1)
    }

    /// The wait before attempt `attempt + 1`, or `nil` to stop, after `error` on attempt `attempt`
    /// (1-based) of an operation that is idempotent or not, `elapsed` after the first attempt began.
    public func delay(after error: ChorusError, attempt: Int, idempotent: Bool, elapsed: Duration) -> Duration? {
        guard attempt < maximumAttempts, isRetryable(error, idempotent: idempotent) else { return nil }
        let wait: Duration
        if let retryAfter = error.retryAfter {
            guard retryAfter <= maximumRetryAfter else { return nil }
            wait = retryAfter
        } else {
            let exponent = Double(1 << min(attempt - 1, 30))
            wait = jitter(min(maximumDelay, baseDelay * exponent))
        }
        return elapsed + wait <= maximumTotalTime ? wait : nil
    }

    /// Whether `error` may be retried at all for this kind of operation: a transient failure, sent again only when
    /// the operation is idempotent or the failure proves nothing was done (``ChorusError/outcome`` is not
    /// ``RequestOutcome/unknown``).
    public func isRetryable(_ error: ChorusError, idempotent: Bool) -> Bool {
        error.isTransient && (idempotent || error.outcome != .unknown)
    }
}

extension RetryPolicy {
    /// Reads a `Retry-After` value: delay-seconds or an HTTP date (RFC 9110 §10.2.3), relative to `now`.
    package static func parseRetryAfter(_ value: String?, now: Date) -> Duration? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Int(text) { return seconds >= 0 ? .seconds(seconds) : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
            }
        }
        return nil
    }
}
