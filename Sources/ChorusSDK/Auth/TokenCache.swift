import Foundation

/// Keeps the current bearer token and fetches a new one when needed, once for all callers.
///
/// - One shared in-flight fetch: 100 concurrent calls on a cold client make one token request.
/// - Renewal before expiry: a token with less than ``TokenPolicy/renewalMargin`` left is renewed; while
///   it still has more than ``TokenPolicy/expiryMargin`` left it is served if the renewal fails.
/// - No failure is kept forever: a refused client id/secret is remembered for
///   ``TokenPolicy/failureCooldown`` only (so a misconfigured client does not hammer PISTE), then the
///   next call tries again; other failures are not remembered at all.
/// - The fetch runs in its own task: a caller that is cancelled does not cancel the fetch others wait on.
package actor TokenCache: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package typealias Fetch = @Sendable () async throws -> AccessToken

    private let fetch: Fetch
    private let policy: TokenPolicy
    private let clock: ChorusClock
    private var inFlight: Task<AccessToken, any Error>?
    private var rememberedFailure: (error: any Error, until: Date)?
    /// The current token, kept in a lock rather than in actor state so ``freshToken()`` can read it
    /// without an actor hop: most calls only need to see that it is fresh.
    private nonisolated let stored = LockedBox<AccessToken?>(nil)
    private nonisolated var current: AccessToken? { stored.withLock { $0 } }

    package init(policy: TokenPolicy, clock: ChorusClock, fetch: @escaping Fetch) {
        self.fetch = fetch
        self.policy = policy
        self.clock = clock
    }

    /// Whether a token is held, never the token.
    package nonisolated var description: String { "TokenCache(token: \(current == nil ? "none" : "<redacted>"))" }
    package nonisolated var debugDescription: String { description }
    package nonisolated var customMirror: Mirror { Mirror(self, children: ["summary": description], displayStyle: .class) }

    /// The cached token when it is fresh, checked without an actor hop; `nil` sends the caller to ``token()``.
    package nonisolated func freshToken() -> AccessToken? {
        guard let token = current, token.isUsable(at: clock.now(), margin: policy.renewalMargin.timeInterval) else {
            return nil
        }
        return token
    }

    /// A token to send now. After a 401, ``invalidate(_:)`` the refused token first: this then fetches a new one
    /// unless another caller already has.
    package func token() async throws -> AccessToken {
        let now = clock.now()
        if let current, current.isUsable(at: now, margin: policy.renewalMargin.timeInterval) {
            return current
        }
        if let failure = rememberedFailure {
            if now < failure.until { throw failure.error }
            rememberedFailure = nil
        }
        let task = inFlight ?? startFetch()
        do {
            return try await task.value
        } catch {
            if let current, current.isUsable(at: clock.now(), margin: policy.expiryMargin.timeInterval) {
                return current  // renewal failed, but the old token still works for a while
            }
            throw error
        }
    }

    /// Forgets `token` if it is still the current one (it was refused with a 401).
    package func invalidate(_ token: AccessToken) {
        stored.withLock { if $0?.value == token.value { $0 = nil } }
    }

    private func startFetch() -> Task<AccessToken, any Error> {
        let fetch = self.fetch
        let task = Task { try await fetch() }
        inFlight = task
        Task { await self.settle(task) }
        return task
    }

    private func settle(_ task: Task<AccessToken, any Error>) async {
        let result = await task.result
        if inFlight == task { inFlight = nil }
        switch result {
        case .success(let token):
            stored.withLock { $0 = token }
        case .failure(let error):
            if let chorus = error as? ChorusError, chorus.code == .pisteAuthenticationFailed {
                rememberedFailure = (error, clock.now().addingTimeInterval(policy.failureCooldown.timeInterval))
            }
        }
    }
}

/// When tokens are renewed, and how long a refused client id/secret is remembered.
public struct TokenPolicy: Sendable, Hashable {
    /// Renew a token that has less than this left; default 5 minutes (tokens last 3600 s).
    public var renewalMargin: Duration
    /// Never send a token that has less than this left; default 60 s.
    public var expiryMargin: Duration
    /// How long a refused client id/secret is remembered before trying again; default 5 s.
    public var failureCooldown: Duration
    /// Fresh tokens tried, one after the other, when the gateway refuses the bearer with a 401 (revoked or
    /// expired early), before the call ends with ``ChorusError/Code/unauthorized``; default 3. Each renewal
    /// happens only if the refused token is still the current one.
    public var maximumRenewals: Int

    /// Creates a policy.
    public init(renewalMargin: Duration = .seconds(300), expiryMargin: Duration = .seconds(60),
                failureCooldown: Duration = .seconds(5), maximumRenewals: Int = 3) {
        self.renewalMargin = renewalMargin
        self.expiryMargin = expiryMargin
        self.failureCooldown = failureCooldown
        self.maximumRenewals = maximumRenewals
    }
}
