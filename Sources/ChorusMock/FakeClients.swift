import ChorusSDK
import Foundation

/// Who a client on the fake acts as: each role is a technical account of the standard seed, all under the same
/// PISTE application.
public enum FakeRole: String, Sendable, CaseIterable {
    /// ATELIER DUPONT SARL, the supplier (``FakeSeed/technicalLogin``).
    case supplier
    /// The Opéra national de Paris, the public body: received invoices, `traiter/recue`, owner (MOA) of works.
    case recipient
    /// BATIMENT GENERAL SA, validator of its subcontractors' (A9) and co-contractors' (A12) invoices.
    case validator
    /// ATELIER D'ARCHITECTURE MOE, project manager (MOE) of works contracts.
    case projectManager

    /// The role's credentials on the standard seed.
    public var credentials: ChorusCredentials {
        let (login, password) = switch self {
        case .supplier: (FakeSeed.technicalLogin, FakeSeed.technicalPassword)
        case .recipient: (FakeSeed.recipientLogin, FakeSeed.recipientPassword)
        case .validator: (FakeSeed.validatorLogin, FakeSeed.validatorPassword)
        case .projectManager: (FakeSeed.projectManagerLogin, FakeSeed.projectManagerPassword)
        }
        return ChorusCredentials(clientID: FakeSeed.clientID, clientSecret: FakeSeed.clientSecret, technicalLogin: login,
                                 technicalPassword: password)
    }
}

extension FakeChorusPro {
    /// A clock on the fake's time whose sleeps move the fake's clock forward instead of waiting: in a test, a client
    /// using it sees `waitForFlux(…, timeout: .seconds(600))` return as soon as the fake reaches the state, in
    /// milliseconds of wall time.
    public nonisolated var clock: ChorusClock {
        ChorusClock(now: { [self] in currentTime }, sleep: { [self] duration in
            try Task.checkCancellation()
            await advance(by: duration.timeInterval)
            await Task.yield()  // let the other tasks of the test (another role's actions) run
        })
    }

    /// A client on this fake, in memory, acting as `role`, whose waits advance the fake's clock (``clock``):
    ///
    /// ```swift
    /// let fake = FakeChorusPro()
    /// let client = try fake.client()
    /// let outcome = try await client.invoices.waitForFlux(deposit.number, timeout: .seconds(600))  // returns at once
    /// ```
    ///
    /// `configure` may change anything else (retry policy, logger…). A fake that follows the wall clock
    /// (``Options/followsWallClock``) still gets its time moved by the waits.
    public nonisolated func client(as role: FakeRole = .supplier,
                                   configure: (inout ChorusConfiguration) -> Void = { _ in }) throws -> ChorusClient {
        var configuration = ChorusConfiguration(environment: MockTransport.environment, credentials: role.credentials,
                                                transport: MockTransport(fake: self), clock: clock)
        configuration.answerReading = .strict  // an answer shape the SDK does not know is a bug to see at once
        configure(&configuration)
        return try ChorusClient(configuration: configuration)
    }
}
