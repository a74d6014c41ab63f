import Foundation

/// One thing the SDK reports to the optional logger hook. It holds no header, no body and no secret:
/// only the operation, the attempt, the outcome and timings.
public struct ChorusLogEvent: Sendable, CustomStringConvertible {
    /// What happened.
    /// What happened. Open: a newer SDK may log kinds this one does not name, and code that switches on it needs a `default`.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The name, as logged or stored.
        public let rawValue: String
        /// A value by its name; names this SDK does not know are kept as they are.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The name.
        public var description: String { rawValue }

        /// An attempt is about to be sent.
        public static let attemptStarted = Kind(rawValue: "attemptStarted")
        /// An attempt got a successful answer.
        public static let attemptSucceeded = Kind(rawValue: "attemptSucceeded")
        /// An attempt failed.
        public static let attemptFailed = Kind(rawValue: "attemptFailed")
        /// A retry is scheduled after ``ChorusLogEvent/delay``.
        public static let retryScheduled = Kind(rawValue: "retryScheduled")
        /// A new PISTE token was obtained.
        public static let tokenObtained = Kind(rawValue: "tokenObtained")
        /// The gateway refused the bearer token (401); a fresh one is sent next. ``ChorusLogEvent/attempt``
        /// counts the renewals of this call.
        public static let tokenRefused = Kind(rawValue: "tokenRefused")
        /// Something accepted but worth a look (a sandbox SIRET with a wrong check digit, a technical
        /// password about to expire); ``ChorusLogEvent/message`` says what.
        public static let warning = Kind(rawValue: "warning")
        /// An answer was read past odd shapes (``AnswerReadingMode/tolerant``): ``ChorusLogEvent/message`` lists the
        /// ``DecodingIssue``s, each with its path, what was expected and a scrubbed excerpt.
        public static let answerTolerated = Kind(rawValue: "answerTolerated")
    }

    /// What happened.
    public var kind: Kind
    /// The operation.
    public var operation: OperationID
    /// The attempt, 1-based; `nil` for an event not tied to an attempt (a ``Kind/warning``).
    public var attempt: Int?
    /// The HTTP status, when there was an answer.
    public var httpStatus: Int?
    /// The error code, for failures.
    public var errorCode: ChorusError.Code?
    /// How long the attempt took.
    public var duration: Duration?
    /// The wait before the next attempt.
    public var delay: Duration?
    /// A sentence, for warnings (never a secret).
    public var message: String?

    /// Creates an event.
    public init(kind: Kind, operation: OperationID, attempt: Int?, httpStatus: Int? = nil, errorCode: ChorusError.Code? = nil,
                duration: Duration? = nil, delay: Duration? = nil, message: String? = nil) {
        self.kind = kind
        self.operation = operation
        self.attempt = attempt
        self.httpStatus = httpStatus
        self.errorCode = errorCode
        self.duration = duration
        self.delay = delay
        self.message = message
    }

    /// `operation attempt n: kind …`.
    public var description: String {
        var text = "\(operation)" + (attempt.map { " attempt \($0)" } ?? "") + ": \(kind.rawValue)"
        if let httpStatus { text += " HTTP \(httpStatus)" }
        if let errorCode { text += " \(errorCode)" }
        if let duration { text += " in \(duration)" }
        if let delay { text += ", next in \(delay)" }
        if let message { text += ": \(message)" }
        return text
    }
}
