import ChorusMock
import ChorusSDK
import Foundation

/// The built-in fake Chorus Pro every example runs against, and a client for it.
public struct ExampleFake: Sendable {
    /// The fake platform (in memory).
    public let fake: FakeChorusPro
    /// A client with the standard seed's ready-made credentials.
    public let client: ChorusClient

    /// A fresh fake and its client.
    public init(configure: (inout ChorusConfiguration) -> Void = { _ in }) throws {
        let fake = FakeChorusPro()
        var configuration = ChorusConfiguration(environment: MockTransport.environment, credentials: MockTransport.credentials,
                                                transport: MockTransport(fake: fake))
        configure(&configuration)
        self.fake = fake
        self.client = try ChorusClient(configuration: configuration)
    }

    /// The supplier structure of the ready-made technical account, and its valid bank account.
    public func supplier() async throws -> (structure: SupplierStructure, bankAccount: BankAccount) {
        guard let structure = try await client.accounts.activeSupplierStructures().first,
              let bank = try await client.accounts.bankAccounts(structureID: structure.id).first
        else { throw ChorusError(.invalidInput, operation: .validationLocale, message: "the seed has no supplier") }
        return (structure, bank)
    }
}

/// Prints a step title.
public func step(_ number: Int, _ title: String) {
    print("\n[\(number)] \(title)")
}
