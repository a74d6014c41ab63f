import Foundation

/// A PISTE bearer token and when it stops working. Its description never shows the token.
package struct AccessToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package let value: String
    package let expiresAt: Date

    package init(value: String, expiresAt: Date) {
        self.value = value
        self.expiresAt = expiresAt
    }

    /// Whether the token can still be sent at `now`, keeping `margin` for the request's own travel.
    package func isUsable(at now: Date, margin: TimeInterval) -> Bool {
        expiresAt.timeIntervalSince(now) > margin
    }

    package var description: String { "AccessToken(<redacted>, expiresAt: \(expiresAt))" }
    package var debugDescription: String { description }
    package var customMirror: Mirror { Mirror(self, children: ["value": "<redacted>", "expiresAt": expiresAt], displayStyle: .struct) }
}
