import Foundation

/// Recipient profiles looked up for submissions, kept a few minutes per client: a supplier sending a batch of
/// invoices to the same public body checks its rules once, not once per invoice. The rules change rarely;
/// five minutes bounds how stale they can be.
package actor RecipientProfileCache {
    private var entries: [String: (profile: RecipientProfile, storedAt: Date)] = [:]
    private let lifetime: TimeInterval

    package init(lifetime: TimeInterval = 300) { self.lifetime = lifetime }

    package func profile(siret: String, serviceCode: String?, now: Date,
                 lookUp: @Sendable () async throws -> RecipientProfile) async throws -> RecipientProfile {
        let key = siret + "|" + (serviceCode ?? "")
        if let entry = entries[key], now.timeIntervalSince(entry.storedAt) < lifetime { return entry.profile }
        let profile = try await lookUp()
        entries[key] = (profile, now)
        return profile
    }
}
