// Uses the core SDK only: builds without libcurl headers. Also runs the stubs of Stubs.swift, as a consumer's tests
// would, to prove that every service protocol can be implemented with the public API alone.
import ChorusSDK
import Foundation

let total = Amount(minorUnits: 104_107)
print("ChorusSDK core linked without libcurl headers; sandbox API at \(ChorusEnvironment.sandbox.apiBaseURL), total \(total)")
let invoices: any InvoiceService = StubInvoices()
let structures: any StructureService = StubStructures()
let accounts: any AccountService = StubAccounts()
let history = try await invoices.history(invoiceID: 1)
let recipient = try await structures.recipient(siret: "78439607900054")
let banks = try await accounts.bankAccounts(structureID: 26_262_001)
print("stubs: invoice status \(history.currentStatus), recipient \(recipient.requirement), \(banks.count) bank account(s)")
